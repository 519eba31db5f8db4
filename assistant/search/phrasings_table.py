"""The phrasings as a question reads them: one row per unit in an SQLite file beside the index.

A question looks at its ~60 candidate units only; loading every phrasing of the corpus (7000 of them,
and their segmented words) cost a cold `ask` a few megabytes and the YAML files' parse. The table is
written at index build from assistant/data/phrasings/ (normalised text, and the content words of each
phrasing, segmented then so that a question never loads jieba's HMM for them; stored one phrasing a line).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.lang.sqlitefile import open_read_only, write_swapped

FILE = "phrases.sqlite"


def write_table(path: Path, rows: dict[str, tuple[str, list[list[str]]]]) -> None:
    """unit id -> (its phrasings as one normalised text, each phrasing's content words), written whole."""
    def fill(con: Any) -> None:
        con.execute("CREATE TABLE asked (unit TEXT PRIMARY KEY, text TEXT NOT NULL, words TEXT NOT NULL) WITHOUT ROWID")
        con.executemany("INSERT INTO asked VALUES (?, ?, ?)",
                        sorted((u, text, _joined(words)) for u, (text, words) in rows.items()))

    write_swapped(path, fill)


class AskedTable:
    """Reads a unit's phrasings on first need and remembers them; a missing or damaged file reads as
    no phrasings (the index check rebuilds a folder without it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con: Any = None
        self._rows: dict[str, tuple[str, list[list[str]]]] = {}
        self._pairs: dict[str, set[str]] = {}

    def text(self, unit_id: str) -> str:
        return self._row(unit_id)[0]

    def words(self, unit_id: str) -> list[list[str]]:
        return self._row(unit_id)[1]

    def pairs(self, unit_id: str) -> set[str]:
        """The character pairs of a unit's phrasings (remembered: every question asks for its candidates')."""
        found = self._pairs.get(unit_id)
        if found is None:
            from assistant.lang.tokenizer import bigrams

            found = self._pairs[unit_id] = set(bigrams(self.text(unit_id)))
        return found

    def _row(self, unit_id: str) -> tuple[str, list[list[str]]]:
        found = self._rows.get(unit_id)
        if found is None:
            found = self._rows[unit_id] = self._read(unit_id)
        return found

    def _read(self, unit_id: str) -> tuple[str, list[list[str]]]:
        import sqlite3

        try:
            if self._con is None:
                self._con = open_read_only(self.path)
            row = self._con.execute("SELECT text, words FROM asked WHERE unit = ?", (unit_id,)).fetchone()
        except sqlite3.Error:
            return "", []
        return (row[0], _split(row[1])) if row else ("", [])


def _joined(words: list[list[str]]) -> str:
    """Phrasings' words as text: words apart by spaces, phrasings by line breaks (neither is ever in a word)."""
    return "\n".join(" ".join(ws) for ws in words)


def _split(stored: str) -> list[list[str]]:
    return [line.split(" ") for line in stored.split("\n")] if stored else []
