"""Every clause's text as the search reads it, its lead sentence, and how rare a word is among clauses.

A briefing judges clauses by what they say in their own words; these are the texts it reads, built once
per corpus."""

from __future__ import annotations

import math
import re
from collections import Counter

from kg.models import Corpus, Unit

NOT_CITED = ("chapter", "preamble", "closing", "annex")  # headings, notices, signatures and blank forms
_SENTENCE_END = re.compile(r"[。；：;:]")
_ANNEX_LINE = re.compile(r"附件\s*\d+")


class ClauseTexts:
    """Every unit's normalised text and lead sentence, and how rare a word is among them."""

    def __init__(self, corpus: Corpus) -> None:
        norm = self.norm
        self.text = {u.id: norm(u.text) for u in corpus.units()}
        self.lead = {u.id: norm(u.heading or _chapeau(corpus, u) or _lead(u.text)) for u in corpus.units()}
        self.clauses = [self.text[u.id] for u in corpus.units() if u.kind not in NOT_CITED]  # what may be cited
        self._df: dict[str, int] = {}
        self._carriers: dict[str, list[str]] = {}

    @staticmethod
    def norm(text: str) -> str:
        """Text as the search reads it (full width, 繁体 and Chinese numerals normalised)."""
        from assistant.lang.text import normalize, numbers_to_arabic

        return numbers_to_arabic(normalize(text))

    def carriers(self, word: str) -> list[str]:
        """The longer names holding a word that a quarter of the clauses or more say (职业技能等级认定 for 等级):
        the word inside them names the documents' whole subject, not a topic."""
        if word not in self._carriers:
            self._carriers[word] = self._find_carriers(word) if self.idf(word) <= math.log(4) else []
        return self._carriers[word]

    def _find_carriers(self, word: str) -> list[str]:
        """Every clause's spans around the word (up to four characters either side), counted once per clause:
        a longer name holding the word is among them wherever it is said."""
        held: Counter[str] = Counter()
        for text in self.clauses:
            held.update({text[max(i - a, 0): i + len(word) + b] for i in _places(word, text)
                         for a in range(5) for b in range(5) if a + b})
        return sorted((s for s, n in held.items() if n * 4 >= len(self.clauses)), key=len, reverse=True)

    def holds(self, word: str) -> bool:
        """Whether some clause holds the word."""
        self.idf(word)
        return self._df[word] > 0

    def idf(self, word: str) -> float:
        """log(N / df) over the clauses, a word held in every clause weighing almost nothing."""
        if word not in self._df:
            self._df[word] = sum(word in t for t in self.clauses)
        return math.log((len(self.clauses) + 1) / (self._df[word] + 1)) + 0.1


_TEXTS: dict[str, ClauseTexts] = {}


def clause_texts(corpus: Corpus) -> ClauseTexts:
    """The texts of a corpus, built once per corpus (a TUI exports several briefings)."""
    found = _TEXTS.get(corpus.fingerprint)
    if found is None:
        _TEXTS.clear()
        found = _TEXTS[corpus.fingerprint] = ClauseTexts(corpus)
    return found


def _places(word: str, text: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _chapeau(corpus: Corpus, unit: Unit) -> str:
    """The words of a unit before its first item (确需设立外部考点的，应当遵循以下规则：), where a list
    follows: what the list is about."""
    if not unit.children:
        return ""
    first = corpus.unit(unit.children[0]).text.strip()[:12]
    at = unit.text.find(first) if first else -1
    return unit.text[:at].strip() if at > 0 else ""


def _lead(text: str) -> str:
    """A unit's first sentence (for an annex, the line under its 附件N line)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and _ANNEX_LINE.fullmatch(lines[0]):
        lines = lines[1:]
    return _SENTENCE_END.split(lines[0] if lines else "", maxsplit=1)[0]


def unit_lead(unit: Unit) -> str:
    """A unit's own first sentence, as written (for summaries)."""
    return unit.heading or _lead(unit.text)
