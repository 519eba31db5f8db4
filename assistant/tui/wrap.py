"""Line breaking for Chinese text in a terminal, the way Chinese typesetting does it.

A terminal wraps at any cell and Rich breaks only at spaces, folding long runs anywhere, so a number
splits across lines (（1 / 2 项条件), a clause ends with 。 alone on the next line and a list marker
（一） is left alone at the end of one. Here a line may break between any two characters except:
inside a run of digits or Latin letters (1000, 2022-03-31, 80cm), inside or right after a list marker
（一）, before closing punctuation (。，、；：）》…), and after opening punctuation (（《“). Widths are
terminal cells (a Chinese character takes two).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

NO_START = set("。，、；：？！）」』】》〉”’%…·—,.;:!?)]}》")  # never at the start of a line
NO_END = set("（「『【《〈“‘([{")  # never at the end of a line
_ATOM = re.compile(
    r"第[一二三四五六七八九十百零〇\d]+[条章项款目行节]"  # a clause number: 第九条, 第12项
    r"|[（(][一二三四五六七八九十百零〇\d]{1,3}[)）]"  # a list marker: (一) （12）
    r"|[A-Za-z0-9][A-Za-z0-9.%/:_+\-]*"  # a number or a Latin word, with what joins its parts
    r"|\s+|.", re.S)
_MARKER = re.compile(r"[（(][一二三四五六七八九十百零〇\d]{1,3}[)）]")


def _groups(line: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces a line may break between, in order."""
    atoms = [(m.start(), m.end()) for m in _ATOM.finditer(line)]
    groups: list[list[int]] = []
    glue_next = False
    for start, end in atoms:
        piece = line[start:end]
        joins_previous = groups and not piece.isspace() and (glue_next or piece[0] in NO_START)
        if joins_previous:
            groups[-1][1] = end
        else:
            groups.append([start, end])
        glue_next = not piece.isspace() and (piece[-1] in NO_END or bool(_MARKER.fullmatch(piece)))
    return [(s, e) for s, e in groups]


def breaks(line: str, width: int) -> list[int]:
    """Offsets where a line (no newline in it) is broken to fit `width` cells.

    >>> breaks("答：结论（12 项条件）", 8)  # （12 stays whole
    [4, 9]
    >>> breaks("规定如下。", 8)  # 。 never starts a line: 下 goes down with it
    [3]
    """
    width = max(width, 2)
    out: list[int] = []
    used = 0
    for start, end in _groups(line):
        size = cell_len(line[start:end])
        if line[start:end].isspace():
            used += size
            continue
        if used and used + size > width:
            out.append(start)
            used = 0
        if size > width:  # one piece longer than a line: fold it by characters
            for i in range(start, end):
                c = cell_len(line[i])
                if used + c > width and used:
                    out.append(i)
                    used = 0
                used += c
            continue
        used += size
    return out


def wrap(text: Text, width: int) -> list[Text]:
    """A styled text as lines of at most `width` cells, broken as above; spaces at a break are dropped."""
    lines: list[Text] = []
    for para in text.split("\n", allow_blank=True):
        cuts = breaks(para.plain, width)
        for piece in para.divide(cuts) if cuts else [para]:
            piece.rstrip()
            if piece.plain.startswith(" ") and lines and cuts:
                piece = piece[len(piece.plain) - len(piece.plain.lstrip(" ")):]
            lines.append(piece)
    return lines


def clip(text: str, width: int) -> str:
    """One line of at most `width` cells, ending in … when cut.

    >>> clip("场地面积：场地1000平方米以上", 12)
    '场地面积：…'
    """
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        if used + cell_len(ch) > width - 1:
            break
        out.append(ch)
        used += cell_len(ch)
    return "".join(out) + "…"


class Wrapped:
    """A Rich renderable that breaks Chinese text properly at whatever width it is given (so a pane keeps
    its lines right after a resize)."""

    def __init__(self, text: Text | str) -> None:
        self.text = text if isinstance(text, Text) else Text(text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        joined = Text("\n").join(wrap(self.text, options.max_width))
        joined.no_wrap, joined.overflow = True, "crop"
        yield joined

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_len(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(min(widest, 4), min(widest, options.max_width))

    @property
    def plain(self) -> str:
        return self.text.plain


def lines_of(texts: Iterable[str], width: int) -> list[str]:
    """Plain lines of several paragraphs (for tests and for sizing)."""
    return [t.plain for s in texts for t in wrap(Text(s), width)]
