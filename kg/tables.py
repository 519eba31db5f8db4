"""Annex tables: rows of tab-led cells, as assessment rules (评估细则) and checklists print them.

A row is a run of lines between blank lines; each tab-led line opens a cell, and a line
without a tab continues the cell above (a numbered list inside one cell). A table's header is
recognised by its shape, not by its words: a row of three or more short labels (评估项目 / 评估内容 /
评估要求, 检查项目 / 检查内容 / 检查标准 …), none of them a sentence, a number or a value (two cells such as
联系人 / 张三 are too easily a line of text set with a tab).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Line

_LABEL = re.compile(r"[\u4e00-\u9fff（）()]{2,8}")  # a short run of characters, no digits or punctuation


def header_of(cells: list[str]) -> list[str] | None:
    """The column labels when a row is a table header: three or more short labels and nothing else."""
    labels = [c.strip() for c in cells]
    if len(labels) < 3 or not all(_LABEL.fullmatch(c) for c in labels):
        return None
    return labels


@dataclass
class Row:
    """One table row: its cells and where it lies in the source."""

    cells: list[str]
    start: int
    end: int
    line: int

    def as_text(self) -> str:
        """The row as one line of text when the table has no known header."""
        return " | ".join(c for c in self.cells if c)


def read_rows(block: list[Line]) -> list[Row]:
    """The rows of one block of table lines."""
    rows: list[Row] = []
    cells: list[str] = []
    first: Line | None = None
    last: Line | None = None
    for line in block:
        if not line.raw.strip(" \t") and not line.raw.startswith("\t"):
            continue
        if line.raw.startswith("\t"):
            cells.append(line.text)
        elif cells:
            cells[-1] = f"{cells[-1]}\n{line.text}" if cells[-1] else line.text
        else:
            cells.append(line.text)
        first = first or line
        last = line
    if first and last:
        rows.append(Row(cells, first.start, last.end, first.number))
    return rows
