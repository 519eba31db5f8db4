"""Places named in a question -> the jurisdictions (and so the documents) to rank first.

宿迁 selects 宿迁's document and, one step lower, 江苏's; 苏州 (no city document) selects 江苏's;
沭阳 (a county) goes through its city. Names come from the gazetteer data the workspace hands over
(the corpus's places.yaml) and from every document's own jurisdiction, so a document added to the
corpus is selectable by its place at once.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from kg.errors import UncoveredPlace, UnknownPlace, UsageError
from kg.models import Corpus

DIRECT, PARENT = 3.0, 1.8  # score multipliers for the named place's documents and its province's

Origin = Literal["typed", "remembered", "chosen"]


class Scope(BaseModel):
    """The jurisdictions a question is about, where that came from, and how much to boost each document.

    `origin` says whether the user typed the place in this question, the conversation remembered it from
    an earlier one, or the user chose it as the working jurisdiction (the TUI's 范围); answers say which."""

    jurisdictions: list[str] = []
    boosts: dict[str, float] = {}
    origin: Origin = "typed"
    named: list[str] = []  # the place words as typed (苏州), for answers that say what was understood
    words: dict[str, str] = {}  # each place word typed -> the jurisdiction it selected (苏州 -> 江苏省)


class Gazetteer:
    """Every place name a user may type -> the jurisdiction it falls under, for one corpus."""

    def __init__(self, data: dict[str, Any], corpus: Corpus) -> None:
        self.corpus = corpus
        self.names: dict[str, str] = {}
        for province, info in (data.get("provinces") or {}).items():
            for alias in [province, *info.get("aliases", [])]:
                if len(alias) >= 2:
                    self.names[alias] = province
            for city in info.get("cities", []):
                self.names.setdefault(city, province)
        self.parents: dict[str, str | None] = {}
        for doc in corpus.documents:
            j = doc.meta.jurisdiction
            self.names[j] = j
            self.names[j.rstrip("市省")] = j
            self.parents.setdefault(j, doc.meta.parent_jurisdiction)
        for county, city in (data.get("counties") or {}).items():
            self.names[county] = self.names.get(city, city)

    def is_place(self, word: str) -> bool:
        """Whether a word is a place name (宿迁, 宿迁市)."""
        return word in self.names or word.rstrip("市省") in self.names

    def scope(self, text: str, origin: Origin = "typed") -> Scope:
        """The documents a text's place names select, with their boosts."""
        found = {name: j for name, j in self.names.items() if name in text}
        named = sorted(set(found.values()), key=len)
        named = [j for j in named if not any(j != k and j in k for k in named)] or named
        scope = self.scope_of(named, origin, [n for n, j in found.items() if j in named])
        scope.words = {n: j for n, j in found.items() if j in named}
        return scope

    def scope_of(self, jurisdictions: list[str], origin: Origin, words: list[str] | None = None) -> Scope:
        """The scope of given jurisdictions: their documents first, their provinces' next."""
        scope = Scope(jurisdictions=jurisdictions, origin=origin, named=words or list(jurisdictions))
        provinces = {self.parents.get(j) for j in jurisdictions}
        for doc in self.corpus.documents:
            if doc.meta.jurisdiction in jurisdictions:
                scope.boosts[doc.meta.id] = DIRECT
            elif doc.meta.jurisdiction in provinces:
                scope.boosts.setdefault(doc.meta.id, PARENT)
        return scope

    def covered(self) -> list[str]:
        """The jurisdictions the corpus has documents for, in corpus order."""
        return list(dict.fromkeys(d.meta.jurisdiction for d in self.corpus.documents))

    def choose(self, names: list[str]) -> list[str]:
        """The corpus jurisdictions a user's place names select (宿迁 -> 宿迁市, 苏州 -> 江苏省, 浙江省 -> 浙江省).

        A name nobody knows is an error to correct (UnknownPlace), a real place without a document says so
        (UncoveredPlace): an empty table for 北京 would read as "北京 has no rule on this"."""
        names = [n.strip() for n in names if n.strip()]
        if not names:
            raise UsageError("请给出地区名，例如 宿迁 或 宿迁,浙江")
        have = self.covered()
        chosen: list[str] = []
        for name in names:
            jurisdiction = self.names.get(name) or next((j for j in have if len(name) >= 2 and name in j), None)
            if jurisdiction is None:
                raise UnknownPlace(name, have)
            if jurisdiction not in have:
                raise UncoveredPlace(name, jurisdiction, have)
            chosen.append(jurisdiction)
        return list(dict.fromkeys(chosen))
