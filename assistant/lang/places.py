"""Places named in a question -> the jurisdictions (and so the documents) to rank first.

Names come from China's administrative divisions (assistant/data/divisions.tsv: every province, city and
county with the short names people type, generated from published division codes by
scripts/make_divisions.py), from the corpus's places.yaml (extra names a corpus wants), and from every
document's own jurisdiction, so a document added to the corpus is selectable by its place at once.

A named place is answered by the nearest place at or above it that has a document: 宿迁 → 宿迁's document
and, one step lower, 江苏's; 沭阳 (a county) goes through its city; 苏州 (no city document) falls back to
江苏's, and the scope says so (`fallback`), so answers can state it. A place neither it nor any place above
it has a document for selects nothing (its province is named, 合肥 → 安徽省): "no rule" is said only then.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from kg.errors import UncoveredPlace, UnknownPlace, UsageError
from kg.models import Corpus

DIRECT, PARENT = 3.0, 1.8  # score multipliers for the named place's documents and those of places above it
DIVISIONS = Path(__file__).resolve().parent.parent / "data" / "divisions.tsv"
AMBIGUOUS = ""  # a name of several places: read as a place name, selecting none
# Words of the genre a place name's last character may begin: 和政府部门没有隶属关系 is "and government
# departments", not 和政 (a county of 甘肃); 与政府脱钩 likewise.
_RUN_ON = ("政府", "政务", "政策")


def _runs_into_word(text: str, end: int, name: str) -> bool:
    """Whether a name found in the text ends with the first character of a longer genre word (和政|府)."""
    return any(text.startswith(w, end - 1) for w in _RUN_ON if w[0] == name[-1])


GENERIC = ("省", "市", "自治区", "特别行政区", "地区", "自治州", "盟", "县", "区")

Origin = Literal["typed", "remembered", "chosen"]


class Scope(BaseModel):
    """The jurisdictions a question is about, where that came from, and how much to boost each document.

    `origin` says whether the user typed the place in this question, the conversation remembered it from
    an earlier one, or the user chose it as the working jurisdiction (the TUI's 范围); answers say which.
    `fallback` maps a named place without a document of its own to the jurisdiction answering for it
    (苏州市 → 江苏省)."""

    jurisdictions: list[str] = []
    boosts: dict[str, float] = {}
    origin: Origin = "typed"
    named: list[str] = []  # the place words as typed (苏州), for answers that say what was understood
    fallback: dict[str, str] = {}
    words: dict[str, str] = {}  # each place word typed -> the jurisdiction answering for it (苏州 -> 江苏省)


@lru_cache(maxsize=1)
def divisions(path: Path = DIVISIONS) -> tuple[tuple[str, str, str], ...]:
    """(code, full name, short name) of every division in the table."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, full, short = line.split("\t")
            rows.append((code, full, short))
    return tuple(rows)


def _parent_code(code: str, known: set[str]) -> str | None:
    """A county's city (320100 for 321322's 3213..), else its province; a city's province."""
    if code.endswith("0000"):
        return None
    city = code[:4] + "00"
    return city if city != code and city in known else code[:2] + "0000"


class Gazetteer:
    """Every place name a user may type -> the place it means, and each place -> the one above it."""

    def __init__(self, data: dict[str, Any], corpus: Corpus) -> None:
        self.corpus = corpus
        self.names: dict[str, str] = {}
        self.up: dict[str, str | None] = {}
        self._national()
        for province, info in (data.get("provinces") or {}).items():
            for alias in [province, *info.get("aliases", [])]:
                if len(alias) >= 2:
                    self.names.setdefault(alias, province)
            for city in info.get("cities", []):
                self.names.setdefault(city, province)
        for county, city in (data.get("counties") or {}).items():
            self.names.setdefault(county, self.names.get(city, city))
        self.documented: dict[str, str] = {}  # place -> the jurisdiction as its documents spell it
        self._doc_place: dict[str, str] = {}
        for doc in corpus.documents:
            self._add_document(doc.meta.jurisdiction, doc.meta.parent_jurisdiction, doc.meta.aliases)
        self._longest = max(map(len, self.names), default=0)
        self._answering_names: dict[str, str] | None = None

    def _national(self) -> None:
        """Names from the table of administrative divisions: full names always; short names of provinces
        and cities, and of counties when the short name is unique in the country (朝阳 is not)."""
        rows = divisions()
        codes = {code for code, _, _ in rows}
        full_of = {code: full for code, full, _ in rows}
        county_shorts: dict[str, int] = {}
        for code, full, short in rows:
            if not code.endswith("00"):
                county_shorts[short] = county_shorts.get(short, 0) + 1
                county_shorts[full] = county_shorts.get(full, 0) + 1
        for code, full, short in rows:
            county = not code.endswith("00")
            if county and county_shorts[full] > 1:  # 朝阳区 of 北京 or of 长春: names neither (nor 朝阳市)
                self.names.setdefault(full, AMBIGUOUS)
                continue
            parent = _parent_code(code, codes)
            self.up[full] = full_of.get(parent) if parent else None
            self.names.setdefault(full, full)
            if len(short) >= 2 and not short.endswith("自治") and (not county or county_shorts[short] == 1):
                if not county or full.endswith(("县", "市", "旗")):
                    self.names.setdefault(short, full)

    def _add_document(self, jurisdiction: str, parent: str | None, aliases: list[str]) -> None:
        """A document's place: its jurisdiction (matched to the table by full or short name), the place
        above it when the table does not know it (新疆生产建设兵团 → meta's parent), and those of its aliases
        that are a part of the jurisdiction's name (兵团), not a generic word (自治区)."""
        place = self.names.get(jurisdiction) or self.names.get(jurisdiction.rstrip("市省")) or jurisdiction
        if place not in self.up:
            self.up[place] = parent or self._leading_place(jurisdiction)
        self.documented.setdefault(place, jurisdiction)
        self._doc_place[jurisdiction] = place
        for name in [jurisdiction, jurisdiction.rstrip("市省"), *aliases]:
            if len(name) >= 2 and name in jurisdiction and name not in GENERIC:
                self.names[name] = place

    def _leading_place(self, jurisdiction: str) -> str | None:
        """The known place a jurisdiction's name starts with, when the table does not know the whole of it: a
        district spelt with its city (深圳市龙岗区) lies under that city, so a question naming the city reaches
        the district's notice and one naming both is not read as two places."""
        for end in range(len(jurisdiction) - 2, 1, -1):
            found = self.names.get(jurisdiction[:end])
            if found:
                return found
        return None

    def below(self, place: str) -> list[str]:
        """The jurisdictions with a document that lie under a place (深圳市 -> 深圳市龙岗区, 深圳市宝安区)."""
        return [j for p, j in self.documented.items() if p != place and place in self.ancestors(p)]

    def is_place(self, word: str) -> bool:
        """Whether a word is a place name (宿迁, 宿迁市)."""
        return word in self.names or word.rstrip("市省") in self.names

    def found(self, text: str) -> dict[str, str]:
        """The place names in a text -> the places they mean; the longest name wins where two overlap
        (吉林市 is the city, not 吉林 the province)."""
        out: dict[str, str] = {}
        i = 0
        while i < len(text):
            for size in range(min(self._longest, len(text) - i), 1, -1):
                name = text[i:i + size]
                if name in self.names:
                    if self.names[name] != AMBIGUOUS and not _runs_into_word(text, i + size, name):
                        out[name] = self.names[name]
                    i += size - 1
                    break
            i += 1
        return out

    def ancestors(self, place: str) -> list[str]:
        chain, current = [], self.up.get(place)
        while current and current not in chain:
            chain.append(current)
            current = self.up.get(current)
        return chain

    def answering(self, place: str) -> str:
        """The jurisdiction of the nearest place at or above `place` with a document, else its province
        (合肥 → 安徽省: where a rule for it would be looked for, and what "no rule" names)."""
        chain = [place, *self.ancestors(place)]
        return next((self.documented[p] for p in chain if p in self.documented), chain[-1])

    def scope(self, text: str, origin: Origin = "typed") -> Scope:
        """The documents a text's place names select, with their boosts."""
        found = self.found(text)
        places = list(dict.fromkeys(found.values()))
        places = [p for p in places if not any(p in self.ancestors(q) for q in places if q != p)] or places
        answering = {p: self.answering(p) for p in places}
        documented = set(self.documented.values())
        # a city with no document at or above it is answered by its districts' documents, if any (深圳 by 龙岗区's
        # and 宝安区's notices): closer to it than any other place's; a province is not answered by one district's
        under = {p: self.below(p) for p, a in answering.items() if a not in documented and self.up.get(p)}
        chosen = [j for p, a in answering.items() for j in under.get(p) or [a]]
        scope = self.scope_of(list(dict.fromkeys(chosen)), origin, [n for n, p in found.items() if p in places])
        scope.fallback = {p: a for p, a in answering.items() if a != p and a in documented}
        scope.fallback.update({p: "、".join(js) for p, js in under.items() if js})
        scope.words = {n: (under.get(p) or [answering[p]])[0] for n, p in found.items() if p in answering}
        return scope

    def scope_of(self, jurisdictions: list[str], origin: Origin, words: list[str] | None = None) -> Scope:
        """The scope of given jurisdictions: their documents first, those of the places above next."""
        scope = Scope(jurisdictions=jurisdictions, origin=origin, named=words or list(jurisdictions))
        places = {self._place_of(j): j for j in jurisdictions}
        above = {a for p in places for a in self.ancestors(p)}
        for doc in self.corpus.documents:
            place = self._place_of(doc.meta.jurisdiction)
            if place in places:
                scope.boosts[doc.meta.id] = DIRECT
            elif place in above:
                scope.boosts.setdefault(doc.meta.id, PARENT)
        return scope

    def _place_of(self, jurisdiction: str) -> str:
        """The gazetteer's place for a jurisdiction string (a document's, or one a user chose)."""
        return self._doc_place.get(jurisdiction) or self.names.get(jurisdiction) or jurisdiction

    def jurisdictions(self) -> dict[str, str]:
        """Every place name -> the jurisdiction (as documents spell it) that answers for it: 宿迁 -> 宿迁市,
        苏州 -> 江苏省 (no city document), 合肥 -> 安徽省 (no document at all). For clause references
        (`宿迁 第九条`, `苏州 一（五）`)."""
        if self._answering_names is None:
            self._answering_names = {n: self.answering(p) for n, p in self.names.items()}
        return self._answering_names

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
            place = self.names.get(name) or next((j for j in have if len(name) >= 2 and name in j), None)
            if place is None:
                raise UnknownPlace(name, have)
            jurisdiction = self.answering(self._place_of(place))
            if jurisdiction not in have:
                raise UncoveredPlace(name, jurisdiction, have)
            chosen.append(jurisdiction)
        return list(dict.fromkeys(chosen))
