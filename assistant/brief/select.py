"""Which clauses a briefing on a topic cites: found through the search and the graph, as answers are.

A briefing is about one topic in every jurisdiction, so it needs the clauses whose subject is the topic,
not every clause that mentions one of its words. Three kinds of evidence decide, none of them naming a
document:

- the search (the same retriever that answers questions) scores each unit on its own; a unit it scores
  close to the best is on the topic by that alone;
- a unit further down must also *state* the topic (most of the topic's words, weighted by how rare they
  are in the corpus, said in its own text) and, where people's phrasings of the unit exist, be asked for
  in the topic's words at least once: a clause on fee publicity says 公示 too, but nobody looks for it
  as 公示期;
- the graph adds the units holding a fact of the topic (a deadline of its event, a condition of its
  attribute, a sanction whose trigger states it) when they state the topic as well.

Articles and their items are then folded: an article whose lead sentence states the topic stands for
its items; otherwise only the items on the topic are cited. Thresholds were set on the development gold
topics (queries/briefs/dev.yaml) and are measured by `policykg eval --brief`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel

from kg.facts import FactSet
from kg.models import Corpus, Unit

if TYPE_CHECKING:
    from assistant.lang.lexicon import Lexicon
    from assistant.search.query import NormalizedQuery
    from assistant.search.retriever import Retriever

STRONG = 0.5  # a unit scored at this share of the best unit or more is on the topic by the search alone
WEAK = 0.1  # below this share a unit counts only when its phrasings ask for it in the topic's words
FLOOR = 0.05  # below this share nothing counts
ABOUT = 0.5  # share of the topic's words (weighted by rarity) a unit must state to be about the topic
ASKED = 0.05  # share of a unit's phrasings in the topic's words that makes it the topic's on its own
GRAPH_ABOUT = 0.5  # a unit holding a fact of the topic needs to state this much of it
CANDIDATES = 200  # units scored per topic
NOT_CITED = ("chapter", "preamble", "closing", "annex")  # headings, notices, signatures and blank forms
_SENTENCE_END = re.compile(r"[。；：;:]")
_ANNEX_LINE = re.compile(r"附件\s*\d+")


class Choice(BaseModel):
    """A topic's clauses in reading order, each one's search score as a share of the best (0 for units
    only the graph found: a briefing leads each jurisdiction with its best clause), and the words that
    state the topic (for picking a clause's sentence on it)."""

    units: list[str]
    score: dict[str, float]
    words: list[str]
    facts: FactSet  # the facts of these units that are about the topic (not every fact a long clause holds)


class TopicWords:
    """A topic as the search reads it, and how much of it a text states.

    Each of the topic's own words counts by its rarity among the corpus's clauses (机构 in 机构名称变更
    says little; 名称 and 变更 say which clause). A word is stated by itself, by all of its parts
    (公示期 by 公示 … 期 is not needed: 公示 is its part the corpus uses) or by a word of the concepts it
    names that is three characters or more (外部考点 by 增设考点)."""

    def __init__(self, query: NormalizedQuery, texts: ClauseTexts, lexicon: Lexicon) -> None:
        self.query = query
        self.words = [w for w in query.core if len(w) >= 2] or [t for t in query.terms if len(t) >= 2]
        self.weights = {w: texts.idf(w) for w in self.words}
        self.parts = {w: _parts(w, query.terms) for w in self.words}
        self.related = {w: _named(w, texts.norm, lexicon) for w in self.words}

    def spellings(self) -> list[str]:
        """Every way the texts may state the topic (its words, their parts, their concepts' words)."""
        return list(dict.fromkeys([*self.words, *(p for w in self.words for p in self.parts[w]),
                                   *(a for w in self.words for a in self.related[w])]))

    def stated(self, text: str) -> float:
        """The share of the topic a text states, 0..1."""
        total = sum(self.weights.values())
        return sum(self.weights[w] * self._said(w, text) for w in self.words) / total if total else 0.0

    def _said(self, word: str, text: str) -> float:
        if word in text:
            return 1.0
        if self.parts[word] and all(p in text for p in self.parts[word]):
            return 0.9
        return 0.8 if any(a in text for a in self.related[word]) else 0.0


def _named(word: str, norm: Callable[[str], str], lexicon: Lexicon) -> list[str]:
    """The documents' words (three characters or more) of the lexicon concepts a word names: 外部考点
    names external_site, whose words include 增设考点. Only concepts triggered by a part of the word: a
    word found inside a concept's trigger (认定 in 虚假认定) names something narrower than itself."""
    found = [e for c in lexicon.concepts.values() if any(t in word for t in c.triggers) for e in c.expand]
    return [norm(e) for e in dict.fromkeys(found) if len(e) >= 3 and norm(e) != word]


def _parts(word: str, terms: list[str]) -> list[str]:
    """The segmenter's words inside a word, left to right without overlap (申报时间 -> 申报, 时间)."""
    inside = sorted((t for t in terms if t != word and len(t) >= 2 and t in word), key=word.index)
    out: list[str] = []
    end = 0
    for part in inside:
        start = word.index(part)
        if start >= end:
            out.append(part)
            end = start + len(part)
    return out


class ClauseTexts:
    """Every unit's normalised text and lead sentence, and how rare a word is among them."""

    def __init__(self, corpus: Corpus) -> None:
        norm = self.norm
        self.text = {u.id: norm(u.text) for u in corpus.units()}
        self.lead = {u.id: norm(u.heading or _chapeau(corpus, u) or _lead(u.text)) for u in corpus.units()}
        self._clauses = [self.text[u.id] for u in corpus.units() if u.kind not in NOT_CITED]
        self._df: dict[str, int] = {}

    @staticmethod
    def norm(text: str) -> str:
        """Text as the search reads it (full width, 繁体 and Chinese numerals normalised)."""
        from assistant.lang.text import normalize, numbers_to_arabic

        return numbers_to_arabic(normalize(text))

    def idf(self, word: str) -> float:
        """log(N / df) over the clauses, a word held in every clause weighing almost nothing."""
        if word not in self._df:
            self._df[word] = sum(word in t for t in self._clauses)
        return math.log((len(self._clauses) + 1) / (self._df[word] + 1)) + 0.1


_TEXTS: dict[str, ClauseTexts] = {}


def clause_texts(corpus: Corpus) -> ClauseTexts:
    """The texts of a corpus, built once per corpus (a TUI exports several briefings)."""
    found = _TEXTS.get(corpus.fingerprint)
    if found is None:
        _TEXTS.clear()
        found = _TEXTS[corpus.fingerprint] = ClauseTexts(corpus)
    return found


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


class Selector:
    """Chooses a topic's clauses in one corpus."""

    def __init__(self, corpus: Corpus, facts: FactSet, retriever: Retriever) -> None:
        self.corpus, self.facts, self.retriever = corpus, facts, retriever
        self.texts = clause_texts(corpus)

    def select(self, topic: str) -> list[str]:
        """The unit ids a briefing on the topic cites, in reading order."""
        return self.choose(topic).units

    def choose(self, topic: str) -> Choice:
        """The topic's units, each one's search score, and the words that state the topic."""
        result = self.retriever.rank_units(topic, limit=CANDIDATES)
        words = TopicWords(result.query, self.texts, self.retriever.ws.lexicon)
        chosen = set(self._searched(result.hits, words)) | set(self._from_graph(topic, words))
        if not any(words.stated(self.texts.text[u]) >= ABOUT for u in chosen):
            chosen = set()  # nothing states the topic: the search only found look-alikes (食堂伙食)
        kept = self._folded(chosen, words)
        order = {u.id: i for i, u in enumerate(self.corpus.units())}
        best = max((h.text_score or 0.0 for h in result.hits), default=0.0) or 1.0
        share = {h.unit_id: (h.text_score or 0.0) / best for h in result.hits}
        units = sorted(kept, key=order.__getitem__)
        return Choice(units=units, score={u: share.get(u, 0.0) for u in kept}, words=words.spellings(),
                      facts=topic_facts(self.facts, units, words, _comparison(topic), self.texts.norm))

    def asked_share(self, unit_id: str, words: TopicWords) -> float | None:
        """The share of a unit's phrasings that state the topic; None when the unit has none (a document
        added without phrasings is judged on its text alone)."""
        phrasings = ["".join(ws) for ws in self.retriever.asked.words(unit_id)]
        if not phrasings:
            return None
        return sum(words.stated(p) >= ABOUT for p in phrasings) / len(phrasings)

    def _asked_for(self, unit_id: str, words: TopicWords) -> bool:
        share = self.asked_share(unit_id, words)
        return share is None or share > 0

    def _searched(self, hits: list, words: TopicWords) -> list[str]:
        if not hits:
            return []
        best = max(h.text_score or 0.0 for h in hits) or 1.0
        out = []
        for hit in hits:
            unit = self.corpus.unit(hit.unit_id)
            share = (hit.text_score or 0.0) / best
            if unit.kind in NOT_CITED or share < FLOOR:
                continue
            stated = words.stated(self.texts.text[unit.id]) >= ABOUT
            asked = self.asked_share(unit.id, words)
            if (share >= STRONG or (share >= WEAK and stated and (asked is None or asked > 0))
                    or (asked is not None and asked >= ASKED)):
                out.append(unit.id)
        return out

    def _from_graph(self, topic: str, words: TopicWords) -> list[str]:
        """Units holding a fact of the topic: kept when the fact names the topic itself, else when the
        unit's text states the topic too."""
        return [u for u, named in fact_units(topic, words, self.facts, self.texts.norm).items()
                if self.corpus.unit(u).kind not in NOT_CITED
                and (named or words.stated(self.texts.text[u]) >= GRAPH_ABOUT)]

    def _folded(self, chosen: set[str], words: TopicWords) -> set[str]:
        """An article whose lead states the topic stands for its items; else its items stand alone."""
        def leads(unit_id: str) -> bool:
            return words.stated(self.texts.lead[unit_id]) >= ABOUT

        def whole(unit_id: str) -> bool:  # every item of it on the topic
            children = self.corpus.unit(unit_id).children
            return bool(children) and all(c in chosen for c in children)

        chosen = chosen | {p for p in {self.corpus.unit(u).parent for u in chosen} if p and whole(p)}
        kept = set()
        for u in chosen:
            outer = [a for a in chosen if u.startswith(a + "/")]
            if outer:
                top = min(outer, key=len)
                if not (leads(top) or whole(top)):
                    kept.add(u)
            elif not any(k.startswith(u + "/") for k in chosen) or leads(u) or whole(u):
                kept.add(u)
        return {u for u in kept if not any(u.startswith(a + "/") for a in kept)}


def fact_units(topic: str, words: TopicWords, facts: FactSet, norm: Callable[[str], str]) -> dict[str, bool]:
    """Units holding a fact of the topic -> whether the fact names the topic by itself.

    A deadline of the topic's event, a condition of the topic's attribute (as the comparison topics list
    them, trusted when the topic is that comparison topic by name or synonym), or a sanction whose trigger
    or measures state the topic. A deadline whose event is only a part of the topic (公示 of 收费公示)
    is held but does not name it."""
    spec = _comparison(topic)
    events, attributes = set(spec.get("deadline_events", {})), set(spec.get("attributes", {}))
    out: dict[str, bool] = {}

    def add(unit_id: str, named: bool) -> None:
        out[unit_id] = out.get(unit_id, False) or named

    for d in facts.deadlines:
        if d.event in events or d.event in words.query.text or words.stated(norm(d.event)) >= ABOUT:
            add(d.provenance.unit_id, d.event in events or words.stated(norm(d.event)) >= ABOUT)
    for c in facts.conditions:
        if c.attribute in attributes:
            add(c.provenance.unit_id, True)
    for s in facts.sanctions:
        for t in s.triggers:
            if words.stated(norm(t.text)) >= 0.99:
                add(t.provenance.unit_id, True)
        if any(words.stated(norm(m)) >= 0.99 for m in s.measures):
            add(s.provenance.unit_id, True)
    return out


def topic_facts(facts: FactSet, units: list[str], words: TopicWords, spec: dict,
                norm: Callable[[str], str]) -> FactSet:
    """The facts of some units that are about the topic: of the kind the topic asks for (期限 -> deadlines,
    处理 -> sanctions, 要求 -> conditions), of the comparison topic's events and attributes, or stating the
    topic themselves. 吉林 五（五） is on 公示期 for its 5 个工作日 of 公示, not for its 30 个工作日 of
    证书数据上报."""
    asks = set(words.query.asks)

    def inside(unit_id: str) -> bool:
        return any(unit_id == u or unit_id.startswith(u + "/") for u in units)

    def says(*texts: str) -> bool:
        return words.stated(norm(" ".join(texts))) >= ABOUT

    from assistant.compare.table import attribute_name

    return FactSet(
        fingerprint=facts.fingerprint,
        deadlines=[d for d in facts.deadlines if inside(d.provenance.unit_id) and (
            "deadline" in asks or d.event in spec.get("deadline_events", {}) or says(d.event))],
        conditions=[c for c in facts.conditions if inside(c.provenance.unit_id) and (
            "condition" in asks or c.attribute in spec.get("attributes", {}) or says(attribute_name(c.attribute), c.text))],
        sanctions=[s for s in facts.sanctions if (inside(s.provenance.unit_id) and ("sanction" in asks or says(s.text)))
                   or any(inside(t.provenance.unit_id) and says(t.text) for t in s.triggers)])


def _comparison(topic: str) -> dict:
    """The comparison topic's spec (topics.yaml) when the topic is it by name or by one of its synonyms."""
    from assistant.compare.table import topics

    for name, spec in topics().items():
        if name in topic or topic in (name, *spec.get("synonyms", [])):
            return spec
    return {}


def in_places(corpus: Corpus, unit_ids: list[str], places: list[str] | None) -> list[str]:
    """The units of the documents of some jurisdictions (all when none are named)."""
    if not places:
        return unit_ids
    return [u for u in unit_ids if any(p in corpus.doc(u.split("/", 1)[0]).meta.jurisdiction for p in places)]


def selected(corpus: Corpus, facts: FactSet, topic: str, retriever: Retriever) -> list[str]:
    """The clauses of a topic, found through the engine's search."""
    return Selector(corpus, facts, retriever).select(topic)


def unit_lead(unit: Unit) -> str:
    """A unit's own first sentence, as written (for summaries)."""
    return unit.heading or _lead(unit.text)
