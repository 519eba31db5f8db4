"""Layout artefacts: what separates the source text from the words of the policy.

The corpus is kept verbatim, so markdown marks, full-width indentation, page numbers and
sentences split by page breaks are undone here, line by line, keeping each line's offsets
so every clean piece of text can still be pointed at in the source file.

>>> clean_line("**第一条** 本办法")
'第一条 本办法'
>>> clean_line("　　（一）备案申请")
'（一）备案申请'
>>> clean_line("## （二）信用核查")
'（二）信用核查'
>>> clean_line("- （一）依法设立；")
'（一）依法设立；'
>>> is_page_number("- 3 -")
True
>>> clean_line("??第一条??本办法所称评价机构")
'第一条本办法所称评价机构'
>>> clean_line("？？（二）信用核查")
'（二）信用核查'
>>> join_text("由人力资源和社会保障", "保障部门对其出具书面通知")
'由人力资源和社会保障部门对其出具书面通知'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")
_BULLET = re.compile(r"^[-*]\s+")
_PAGE_NUMBER = re.compile(r"^[-—–]\s*\d{1,3}\s*[-—–]$")
_SPACES = " \t\u3000\u00a0\ufeff"
_TERMINAL = "。；;：:！!？?"
_STRUCTURE_START = re.compile(
    r"^(第[ \u3000]*(?:[一二三四五六七八九十百零〇]+|\d{1,3})[ \u3000]*[章条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[.．、]|附件)"
)


_CUT_LABEL = re.compile(r"^第[ \u3000]*(?:[一二三四五六七八九十百零〇]+|\d{1,3})[ \u3000]*$")

# What a broken encoding leaves where characters were: ASCII and full-width question marks, U+FFFD.
_DAMAGE = "?？\ufffd"
_AFTER_MARK = re.compile(r"^(第[一二三四五六七八九十百零〇]+[章条])[?？\ufffd]+")


@dataclass(frozen=True)
class Line:
    """One physical line: its cleaned text and where its content lies in the source."""

    number: int  # 1-based line number in the file
    start: int  # offset of the first character of the line
    end: int  # offset just past the last character (newline excluded)
    raw: str
    text: str  # cleaned; "" for blank lines and page numbers
    is_cell: bool  # a tab-led table cell (never joined, never a heading)
    is_heading: bool  # a markdown heading line (never continued)


def clean_line(raw: str) -> str:
    """Strip markdown marks, bullets, indentation and surrounding space from one line, and the question
    marks a broken encoding left around a numbering mark (??第一条??)."""
    text = raw.strip(_SPACES + "\r\n")
    text = _MARKDOWN_HEADING.sub("", text).replace("**", "")
    text = _BULLET.sub("", text).strip(_SPACES)
    if text[:1] in _DAMAGE:
        undamaged = text.lstrip(_DAMAGE + _SPACES)
        if _STRUCTURE_START.match(undamaged):
            text = _AFTER_MARK.sub(r"\1", undamaged)
    return text


def damaged_mark(raw: str) -> bool:
    """Whether a line's numbering mark came through a broken encoding (??第一条??)."""
    text = raw.strip(_SPACES + "\r\n")
    return text[:1] in _DAMAGE and bool(_STRUCTURE_START.match(text.lstrip(_DAMAGE + _SPACES)))


def is_page_number(text: str) -> bool:
    """A page footer such as `- 3 -`."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def split_lines(source: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The physical lines of source[start:end] with offsets into the whole source."""
    end = len(source) if end is None else end
    lines: list[Line] = []
    number = source.count("\n", 0, start) + 1
    pos = start
    while pos < end:
        nl = source.find("\n", pos, end)
        stop = end if nl == -1 else nl
        raw = source[pos:stop]
        text = "" if is_page_number(raw) else clean_line(raw)
        lead = len(raw) - len(raw.lstrip(" \t\u3000\u00a0\ufeff"))
        content_end = pos + len(raw.rstrip(_SPACES + "\r"))
        lines.append(Line(number, pos + lead, max(content_end, pos + lead), raw, text,
                          raw.startswith("\t"), raw.lstrip().startswith("#")))
        pos, number = stop + 1, number + 1
    return lines


def continues(prev: Line, nxt: Line, gap: int) -> bool:
    """Whether `nxt` is the rest of a sentence a page break cut off after `prev`.

    A page break shows as blank lines inside a sentence: the line before does not end a
    sentence, the line after does not start a numbered unit, and the line before is body
    text (it has clause punctuation or starts with a unit marker) rather than a title.
    """
    if prev.text and nxt.text and _CUT_LABEL.match(prev.text) and nxt.text[:1] in "条章":
        return True  # 第三 | 条 评价机构…: a break fell inside the label
    if gap < 1 or prev.is_cell or nxt.is_cell or prev.is_heading or not prev.text or not nxt.text:
        return False
    if prev.text[-1] in _TERMINAL or _STRUCTURE_START.match(nxt.text):
        return False
    bodylike = any(p in prev.text for p in "，、。；") or _STRUCTURE_START.match(prev.text)
    return bool(bodylike) and len(prev.text) >= 12


def join_text(before: str, after: str) -> str:
    """Join two halves of a sentence, dropping a word a page break printed twice."""
    for k in (4, 3, 2):
        if len(before) > k and before[-k:] == after[:k]:
            return before + after[k:]
    return before + after


@dataclass
class LogicalLine:
    """One or more physical lines that make one paragraph of the policy text."""

    text: str
    lines: list[Line]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def number(self) -> int:
        return self.lines[0].number

    @property
    def is_cell(self) -> bool:
        return self.lines[0].is_cell


def logical_lines(lines: list[Line]) -> list[LogicalLine]:
    """Group physical lines into paragraphs, rejoining sentences split by page breaks."""
    out: list[LogicalLine] = []
    gap = 0
    for line in lines:
        if not line.text:
            gap += 1
            continue
        if out and continues(out[-1].lines[-1], line, gap):
            out[-1].text = join_text(out[-1].text, line.text)
            out[-1].lines.append(line)
        else:
            out.append(LogicalLine(line.text, [line]))
        gap = 0
    return out


def clean_block(source: str, start: int, end: int) -> str:
    """The words of source[start:end] without layout: the text a unit shows."""
    return "\n".join(ll.text for ll in logical_lines(split_lines(source, start, end)))
