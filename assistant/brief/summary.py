"""A briefing's summary in words: who speaks to the topic, what each says, where they differ.

Read off the briefing itself (its clauses and its table), so the summary never says more than the
clauses cited. Values are written out (≥5工作日 -> 不少于5个工作日) because a trainer reads the summary
aloud; the table keeps the compact form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.models import Corpus

if TYPE_CHECKING:
    from ..compare.table import Row
    from .build import Briefing

_OPERATORS = (("≥", "不少于"), ("≤", "不超过"))
_YES_NO = ("须具备", "不得")


def in_words(value: str) -> str:
    """A table value written out: ≥5工作日（公示） -> 不少于5个工作日（公示）, 提前10工作日 -> 提前10个工作日.

    >>> in_words("≥5工作日（公示）")
    '不少于5个工作日（公示）'
    >>> in_words("≤30工作日")
    '不超过30个工作日'
    """
    for sign, words in _OPERATORS:
        if value.startswith(sign):
            value = words + value[len(sign):]
    return re.sub(r"(\d)工作日", r"\1个工作日", value)


def _said(value: str, requirement: str) -> str:
    """A value in words, without the event in brackets when the row already names it (公示期: （公示）)."""
    words = in_words(value)
    tail = re.search(r"（([^（）]+)）$", words)
    return words[: tail.start()] if tail and tail.group(1) in requirement else words


def _places(names: list[str]) -> str:
    return "、".join(names)


def _row_sentence(row: Row, order: list[str]) -> str:
    """One requirement across the places that state it: the same value once, different values each. A
    yes/no requirement (须具备, 不得) is said in the clause's own words."""
    by_value: dict[str, list[str]] = {}
    for place in [p for p in order if p in row.cells]:
        value = "、".join(dict.fromkeys(c.text if c.value in _YES_NO else _said(c.value, row.requirement)
                                        for c in row.cells[place]))
        by_value.setdefault(value, []).append(place)
    if len(by_value) == 1:
        [(value, places)] = by_value.items()
        return f"{row.requirement}：{_places(places)}{'均为' if len(places) > 1 else ' '}{value}。"
    return f"{row.requirement}各地不同：" + "；".join(f"{_places(p)} {v}" for v, p in by_value.items()) + "。"


def summarise(b: Briefing, corpus: Corpus) -> list[str]:
    """The summary's sentences: scope, each place's own words on the topic, then the differences."""
    lines = [f"本简报整理{_places(b.covered)}关于“{b.topic}”的规定，引用 {len(b.appendix)} 个条款。"]
    missing = [p for p in b.jurisdictions if p not in b.covered]
    if missing:
        lines.append(f"{_places(missing)}的文件没有涉及“{b.topic}”。")
    for place in b.covered:
        mine = [c for c in b.clauses if c.jurisdiction == place]
        where = corpus.unit(mine[0].unit_id).path + (f" 等 {len(mine)} 条" if len(mine) > 1 else "")
        lines.append(f"{place}（{where}）：{mine[0].lead}")
    compared = [r for r in b.table.rows if r.cells]
    lines += [_row_sentence(r, b.jurisdictions) for r in compared if r.differs]
    lines += [_row_sentence(r, b.jurisdictions) for r in compared if not r.differs]
    return lines
