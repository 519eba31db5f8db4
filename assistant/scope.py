"""Places named in a question -> the documents to rank first.

宿迁 selects 宿迁's document and, one step lower, 江苏's; 苏州 (no city document) selects 江苏's;
沭阳 (a county) goes through its city. The gazetteer is corpus data (corpus/places.yaml).
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel

from kg.errors import UncoveredPlace, UnknownPlace, UsageError
from kg.models import Corpus

DIRECT, PARENT = 3.0, 1.8  # score multipliers for the named place's documents and its province's


class Scope(BaseModel):
    """The jurisdictions a question names and how much to boost each document."""

    jurisdictions: list[str] = []
    boosts: dict[str, float] = {}


@lru_cache(maxsize=4)
def _places(corpus_key: str) -> dict[str, str]:
    """Place name -> jurisdiction name as the documents spell it (宿迁 -> 宿迁市, 苏州 -> 江苏省)."""
    from kg.corpus import default_corpus_dir, load_places

    data = load_places(default_corpus_dir())
    names: dict[str, str] = {}
    for province, info in (data.get("provinces") or {}).items():
        for alias in [province, *info.get("aliases", [])]:
            if len(alias) >= 2:
                names[alias] = province
        for city in info.get("cities", []):
            names.setdefault(city, province)
    return names


@lru_cache(maxsize=4)
def _counties(corpus_key: str) -> dict[str, str]:
    """County -> city (沭阳 -> 宿迁)."""
    from kg.corpus import default_corpus_dir, load_places

    return dict(load_places(default_corpus_dir()).get("counties") or {})


_TABLES: dict[str, tuple[dict[str, str], dict[str, str | None]]] = {}


def _tables(corpus: Corpus) -> tuple[dict[str, str], dict[str, str | None]]:
    """(place name -> jurisdiction, jurisdiction -> its province), built once per corpus."""
    cached = _TABLES.get(corpus.fingerprint)
    if cached is None:
        places = dict(_places(corpus.fingerprint))
        parents: dict[str, str | None] = {}
        for doc in corpus.documents:
            j = doc.meta.jurisdiction
            places[j] = j
            places[j.rstrip("市省")] = j
            parents.setdefault(j, doc.meta.parent_jurisdiction)
        for county, city in _counties(corpus.fingerprint).items():
            places[county] = places.get(city, city)
        cached = _TABLES[corpus.fingerprint] = (places, parents)
    return cached


def place_names(corpus: Corpus) -> dict[str, str]:
    """Every place name a user may type -> the jurisdiction it falls under."""
    return _tables(corpus)[0]


def find_scope(corpus: Corpus, question: str) -> Scope:
    """The documents a question's place names select, with their boosts."""
    places, parents = _tables(corpus)
    named = sorted({j for name, j in places.items() if name in question}, key=len)
    named = [j for j in named if not any(j != k and j in k for k in named)] or named
    scope = Scope(jurisdictions=named)
    provinces = {parents.get(j) for j in named}
    for doc in corpus.documents:
        if doc.meta.jurisdiction in named:
            scope.boosts[doc.meta.id] = DIRECT
        elif doc.meta.jurisdiction in provinces:
            scope.boosts.setdefault(doc.meta.id, PARENT)
    return scope


def covered(corpus: Corpus) -> list[str]:
    """The jurisdictions the corpus has documents for, in corpus order."""
    return list(dict.fromkeys(d.meta.jurisdiction for d in corpus.documents))


def choose_jurisdictions(corpus: Corpus, names: list[str]) -> list[str]:
    """The corpus jurisdictions a user's place names select (宿迁 -> 宿迁市, 苏州 -> 江苏省, 浙江省 -> 浙江省).

    A name nobody knows is an error to correct (UnknownPlace), a real place without a document says so
    (UncoveredPlace): an empty table for 北京 would read as "北京 has no rule on this"."""
    names = [n.strip() for n in names if n.strip()]
    if not names:
        raise UsageError("请给出地区名，例如 宿迁 或 宿迁,浙江")
    places, have = place_names(corpus), covered(corpus)
    chosen: list[str] = []
    for name in names:
        jurisdiction = places.get(name) or next((j for j in have if len(name) >= 2 and name in j), None)
        if jurisdiction is None:
            raise UnknownPlace(name, have)
        if jurisdiction not in have:
            raise UncoveredPlace(name, jurisdiction, have)
        chosen.append(jurisdiction)
    return list(dict.fromkeys(chosen))
