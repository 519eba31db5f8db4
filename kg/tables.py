"""Annex tables: rows of tab-led cells, as the 评估细则 of 江苏 附件3 prints them.

A row is a run of lines between blank lines; each tab-led line opens a cell, and a line
without a tab continues the cell above (a numbered list inside one cell).
"""

from __future__ import annotations

from dataclasses import dataclass

from .layout import Line

TABLE_HEADER = ["评估项目", "评估内容", "评估要求"]


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
