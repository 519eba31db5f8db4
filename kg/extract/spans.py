"""From a match in a unit's clean text back to the characters of the source file.

Cleaning only ever deletes characters (markdown marks, indentation, a word a page break printed
twice) and inserts line breaks between paragraphs, so every character of the clean text is a
character of the source: aligning the two in order gives each one its source offset.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..facts import Provenance
from ..layout import logical_lines, split_lines
from ..models import Unit
from ..source import read_source


def _source(path: str) -> str:
    """A source file's text as the parser read it (kg.source: decoded, in 简体, once per file version)."""
    return read_source(Path(path)).text


def char_offsets(source: str, start: int, end: int) -> tuple[str, list[int]]:
    """The clean text of source[start:end] and, for each of its characters, its source offset (-1: inserted)."""
    text_parts: list[str] = []
    offsets: list[int] = []
    for para in logical_lines(split_lines(source, start, end)):
        if text_parts:
            text_parts.append("\n")
            offsets.append(-1)
        raw_pos = [i for line in para.lines for i in range(line.start, line.end)]
        raw = "".join(source[line.start: line.end] for line in para.lines)
        if raw == para.text:  # nothing was cleaned out of this paragraph: offsets are the positions
            offsets.extend(raw_pos)
            text_parts.append(para.text)
            continue
        cursor = 0
        for ch in para.text:
            found = raw.find(ch, cursor)
            if found < 0:
                offsets.append(-1)
                cursor = len(raw) + 1
                continue
            offsets.append(raw_pos[found])
            cursor = found + 1
        text_parts.append(para.text)
    return "".join(text_parts), offsets


WRAP_MIN = 16  # characters a line must hold to be one the source wrapped at its width (a heading is shorter)
NOT_BEFORE_WRAP = "。；;：:，,、！？!?）)】」』”]"
ITEM_START = re.compile(r"[（(【\[第]|[一二三四五六七八九十]+[、.．]|[0-9０-９]+[.．、)）]")


def _is_wrap(text: str, offsets: list[int], source: str, i: int) -> bool:
    """Whether the line break at text[i] only wraps a long line of the source (台湾地区 texts indent the rest of
    a paragraph under its first words: 达\n        十五班次): the line before holds no end of clause, the next
    one is indented in the source and opens no item."""
    if i == 0 or i + 1 >= len(text) or text[i - 1] in NOT_BEFORE_WRAP or text[i - 1].isspace():
        return False
    if ITEM_START.match(text, i + 1) or len(text[text.rfind("\n", 0, i) + 1: i]) < WRAP_MIN:
        return False
    nxt = offsets[i + 1]
    if nxt <= 0:
        return False
    line_start = source.rfind("\n", 0, nxt) + 1
    return nxt > line_start and not source[line_start: nxt].strip()


class UnitText:
    """A unit's clean text with the source offset of each character."""

    offsets: list[int]

    def __init__(self, unit: Unit, source_path: Path) -> None:
        self.unit = unit
        source = _source(str(source_path))
        if unit.kind == "row":
            self.text, self.offsets = unit.text, []
            self._raw = source[unit.span[0]: unit.span[1]]
        else:
            self.text, self.offsets = char_offsets(source, *unit.span)
            self._raw = ""
        self._source = source

    def unwrap(self) -> UnitText:
        """The same text with the line breaks that only wrap a long source line read as spaces (one length, so
        every offset holds): a phrase broken at the page's width (技术职类教育训练达\n十五班次) is one phrase."""
        if self.offsets and "\n" in self.text:
            chars = list(self.text)
            for i, ch in enumerate(chars):
                if ch == "\n" and _is_wrap(self.text, self.offsets, self._source, i):
                    chars[i] = " "
            self.text = "".join(chars)
        return self

    @classmethod
    def of_text(cls, unit: Unit, text: str) -> UnitText:
        """A unit read with other words (a rewording check, a draft): offsets are those of `text`."""
        made = cls.__new__(cls)
        made.unit, made.text, made.offsets, made._raw, made._source = unit, text, list(range(len(text))), "", text
        return made

    def provenance(self, start: int, end: int) -> Provenance:
        """Provenance of unit.text[start:end]: the unit and the exact source characters."""
        quote = self.text[start:end]
        if not self.offsets:  # table row: find the words in the row's own source text
            at = self._raw.find(quote)
            base = self.unit.span[0] + max(at, 0)
            span = (base, base + len(quote)) if at >= 0 else self.unit.span
            return Provenance(doc_id=self.unit.doc_id, unit_id=self.unit.id, start=span[0], end=span[1], quote=quote)
        inside = [o for o in self.offsets[start:end] if o >= 0]
        return Provenance(doc_id=self.unit.doc_id, unit_id=self.unit.id, start=inside[0], end=inside[-1] + 1,
                          quote=quote)
