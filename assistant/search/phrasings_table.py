"""The phrasings as a question reads them: one row per unit in an SQLite file beside the index.

A question looks at its ~60 candidate units only; loading every phrasing of the corpus (7000 of them,
and their segmented words) cost a cold `ask` a few megabytes and the YAML files' parse. The table is
written at index build from assistant/data/phrasings/ (normalised text, and the content words of each
phrasing, segmented then so that a question never loads jieba's HMM for them; stored one phrasing a line),
the hand-written ones and those made from the unit's text and graph (phrasings_made.py) apart: retrieval
counts the made ones first and lets the hand-written ones add only up to a cap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from assistant.lang.sqlitefile import open_read_only, write_swapped

FILE = "phrases.sqlite"


class Row(NamedTuple):
    """A unit's phrasings: each kind as one normalised text and as each phrasing's content words."""

    text: str
    words: list[list[str]]
    made: str = ""
    made_words: list[list[str]] = []


_EMPTY = Row("", [], "", [])


def write_table(path: Path, rows: dict[str, Row]) -> None:
    """unit id -> its hand-written and made phrasings, written whole."""
    def fill(con: Any) -> None:
        con.execute("CREATE TABLE asked (unit TEXT PRIMARY KEY, text TEXT NOT NULL, words TEXT NOT NULL,"
                    " made TEXT NOT NULL, made_words TEXT NOT NULL) WITHOUT ROWID")
        con.executemany("INSERT INTO asked VALUES (?, ?, ?, ?, ?)",
                        sorted((u, r.text, _joined(r.words), r.made, _joined(r.made_words)) for u, r in rows.items()))

    write_swapped(path, fill)


class AskedTable:
    """Reads a unit's phrasings on first need and remembers them; a missing or damaged file reads as
    no phrasings (the index check rebuilds a folder without it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con: Any = None
        self._rows: dict[str, Row] = {}

    def text(self, unit_id: str) -> str:
        """The hand-written phrasings, as one text."""
        return self._row(unit_id).text

    def words(self, unit_id: str) -> list[list[str]]:
        """The hand-written phrasings' content words, one list a phrasing."""
        return self._row(unit_id).words

    def made_text(self, unit_id: str) -> str:
        """The phrasings made from the unit's own text and graph, as one text."""
        return self._row(unit_id).made

    def made_words(self, unit_id: str) -> list[list[str]]:
        return self._row(unit_id).made_words

    def _row(self, unit_id: str) -> Row:
        found = self._rows.get(unit_id)
        if found is None:
            found = self._rows[unit_id] = self._read(unit_id)
        return found

    def _read(self, unit_id: str) -> Row:
        import sqlite3

        try:
            if self._con is None:
                self._con = open_read_only(self.path)
            row = self._con.execute("SELECT text, words, made, made_words FROM asked WHERE unit = ?",
                                    (unit_id,)).fetchone()
        except sqlite3.Error:
            return _EMPTY
        return Row(row[0], _split(row[1]), row[2], _split(row[3])) if row else _EMPTY


def _joined(words: list[list[str]]) -> str:
    """Phrasings' words as text: words apart by spaces, phrasings by line breaks (neither is ever in a word)."""
    return "\n".join(" ".join(ws) for ws in words)


def _split(stored: str) -> list[list[str]]:
    return [line.split(" ") for line in stored.split("\n")] if stored else []
