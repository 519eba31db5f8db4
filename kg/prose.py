"""Documents without numbering (news reports, an aggregator's run-on rewrite): one unit per paragraph.

A paragraph is a logical line of the body (page breaks rejoined). Short lines before the first paragraph
that ends a sentence are the headline (the title lines). A paragraph holding an outline mark right after a
sentence end (…相关要求。三、备案申报……) is split there, so the mark starts a unit of its own. Units are
`{doc}/para_{n}`, cited as 第n段; `ingest` says the document was read this way.

>>> [p for _, p in split_at_marks("据介绍，条件如下。三、备案申报。企业可申请。")]
['据介绍，条件如下。', '三、备案申报。企业可申请。']
>>> len(split_at_marks("可开展一、二、三级认定。"))
1
"""

from __future__ import annotations

import re

from .layout import Line, LogicalLine, logical_lines
from .models import DocumentMeta, Unit

# An outline mark inside running text: after a sentence or clause end, and followed by words, not by
# another numeral (一、二、三级 is a list of levels).
INLINE_MARK = re.compile(r"(?<=[。；！？，,])\s*(?=(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章条])(?![一二三四五六七八九十\d]))")
TERMINAL = "。；！？!?"


def split_at_marks(text: str) -> list[tuple[int, str]]:
    """(offset, part) of a paragraph cut before every outline mark that follows a sentence end."""
    cuts = [0, *[m.end() for m in INLINE_MARK.finditer(text)], len(text)]
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def _pieces(para: LogicalLine) -> list[tuple[str, int, int]]:
    """(text, start, end) of a paragraph's parts; split only where the text is the source's own characters."""
    raw_line: Line | None = para.lines[0] if len(para.lines) == 1 else None
    if raw_line is None or raw_line.raw.strip() != para.text:
        return [(para.text, para.start, para.end)]
    base = para.start
    return [(part, base + at, base + at + len(part)) for at, part in split_at_marks(para.text)]


def paragraph_units(meta: DocumentMeta, body: list[Line]) -> tuple[list[Unit], list[str]]:
    """(units, title lines) of a body that has no numbering."""
    paras = logical_lines(body)
    first = next((i for i, p in enumerate(paras) if p.text.rstrip().endswith(tuple(TERMINAL)) or len(p.text) > 40), 0)
    titles = [p.text for p in paras[:first]]
    units: list[Unit] = []
    for para in paras[first:]:
        for text, start, end in _pieces(para):
            n = len(units) + 1
            units.append(Unit(id=f"{meta.id}/para_{n}", doc_id=meta.id, kind="paragraph", number=n,
                              path=f"第{n}段", label=f"《{meta.title}》第{n}段", text=text, span=(start, end),
                              line=para.number))
    return units, titles
