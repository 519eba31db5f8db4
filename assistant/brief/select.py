"""Which clauses a briefing on a topic cites: found through the search and the graph, as answers are.

A briefing is about one topic in every jurisdiction, so it needs the clauses whose subject is the topic,
not every clause that mentions one of its words. The steps, none of them naming a document:

1. the search (`searched`): the engine's ranking with the topic as the question, read overall, per
   jurisdiction (each place's best answers and those close to it) and for units stating the whole topic;
2. the graph (`topic_facts`): units holding a deadline, condition or sanction of the topic, and the units
   chosen clauses cite (第十九条所列情况);
3. pruning: units found only per jurisdiction or by their words must name the topic's concepts
   (`topic_words`), a unit speaking of another kind of the topic's thing (外部质量督导 for 内部质量督导员) is
   left out however it was found, as are the clauses a document writes about itself (`itself`: 适用本办法)
   unless the topic asks about the document, and nothing is cited when no unit states the topic at all;
4. folding (`fold`): an article whose lead states the topic stands for its items.

Thresholds were set on the development gold topics (queries/briefs/dev.yaml), checked on topics written
apart from them (tests/data/briefs_extra.yaml), and are measured by `policykg eval --brief`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel

from kg.facts import FactSet
from kg.models import Corpus

from .conjuncts import parts
from .fold import folded
from .itself import about_itself, asks_about_it
from .searched import CANDIDATES, Searched
from .texts import NOT_CITED, ClauseTexts, clause_texts, unit_lead
from .topic_facts import cited_by, comparison, fact_units, topic_facts
from .topic_words import ABOUT, TopicWords

if TYPE_CHECKING:
    from assistant.search.retriever import Retriever

__all__ = ["Choice", "ClauseTexts", "Selector", "TopicWords", "clause_texts", "fact_units", "in_places",
           "selected", "topic_facts", "unit_lead"]

GRAPH_ABOUT = 0.5  # a unit holding a fact of the topic needs to state this much of it


class Choice(BaseModel):
    """A topic's clauses in reading order, each one's search score as a share of the best (0 for units
    only the graph found: a briefing leads each jurisdiction with its best clause), and the words that
    state the topic (for picking a clause's sentence on it)."""

    units: list[str]
    score: dict[str, float]
    words: list[str]
    facts: FactSet  # the facts of these units that are about the topic (not every fact a long clause holds)


@dataclass
class Reading:
    """What one topic (or one part of a joined topic) chooses."""

    chosen: set[str]
    search: Searched
    words: TopicWords


def _union(sets: list[FactSet]) -> FactSet:
    """The facts of several readings, each once."""
    def once(items: list) -> list:
        return list({id(x): x for x in items}.values())

    return FactSet(fingerprint=sets[0].fingerprint, deadlines=once([d for f in sets for d in f.deadlines]),
                   conditions=once([c for f in sets for c in f.conditions]),
                   sanctions=once([s for f in sets for s in f.sanctions]))


class Selector:
    """Chooses a topic's clauses in one corpus."""

    def __init__(self, corpus: Corpus, facts: FactSet, retriever: Retriever) -> None:
        self.corpus, self.facts, self.retriever = corpus, facts, retriever
        self.texts = clause_texts(corpus)
        self.tokens, self.subwords = retriever.tok.tokens, retriever.tok.words

    def select(self, topic: str) -> list[str]:
        """The unit ids a briefing on the topic cites, in reading order."""
        return self.choose(topic).units

    def choose(self, topic: str) -> Choice:
        """The topic's units, each one's search score, and the words that state the topic: the union of
        what the topic and each of the topics it joins (`conjuncts`) find."""
        topics = [topic, *parts(topic, self.tokens, self.subwords)]
        readings = [self._reading(t) for t in topics]
        chosen = set().union(*(r.chosen for r in readings))
        chosen = {u for u in chosen if not any(u.startswith(a + "/") for a in chosen)}  # an article stands for its items
        order = {u.id: i for i, u in enumerate(self.corpus.units())}
        units = sorted(chosen, key=order.__getitem__)
        score = {u: max(r.search.share.get(u, 0.0) for r in readings) for u in units}
        spellings = list(dict.fromkeys(w for r in readings for w in r.words.spellings()))
        found = [topic_facts(self.facts, units, r.words, comparison(t), self.texts.norm)
                 for r, t in zip(readings, topics, strict=True)]
        return Choice(units=units, score=score, words=spellings, facts=_union(found))

    def _reading(self, topic: str) -> Reading:
        """One topic's units, as the search, the graph and the folding of articles choose them."""
        result = self.retriever.rank_units(topic, limit=CANDIDATES)
        words = TopicWords(result.query, self.texts, self.retriever.ws.lexicon)
        search = Searched(self.corpus, self.texts, words, result.hits, lambda u: self.asked_share(u, words))
        found = search.overall() | set(self._from_graph(topic, words))
        chosen = found | search.about((search.per_place() | search.stating_all()) - found)
        chosen |= search.about(cited_by(chosen, self.facts) - chosen)
        chosen |= search.siblings(chosen)
        chosen |= self._forms(chosen)
        chosen = {u for u in chosen if not words.contrasted(self.texts.text[u])}  # 外部 where the topic says 内部
        if not asks_about_it(topic):
            chosen = {u for u in chosen if not about_itself(self.corpus.unit(u).text)}  # 适用本办法
        if not any(words.stated(self.texts.text[u]) >= ABOUT for u in chosen):
            chosen = set()  # nothing states the topic: the search only found look-alikes (食堂伙食)
        return Reading(chosen=folded(chosen, self.corpus, self.texts, words), search=search, words=words)

    def _forms(self, chosen: set[str]) -> set[str]:
        """The annexes (forms, checklists) that chosen clauses point to by number: a clause on the filing
        application that says 提交备案表（附件2） asks for that form, and an annex's heading rarely says the
        topic in the topic's words (附件4 评估意见表), so the citing clause speaks for it."""
        def inside(unit_id: str) -> bool:
            return any(unit_id == u or unit_id.startswith(u + "/") for u in chosen)

        return {r.target_unit for r in self.facts.references
                if r.kind == "internal" and r.target_unit and r.target_unit not in chosen
                and self.corpus.unit(r.target_unit).kind == "annex" and inside(r.provenance.unit_id)}

    def asked_share(self, unit_id: str, words: TopicWords) -> float | None:
        """The share of a unit's phrasings that state the topic; None when the unit has none (a document
        added without phrasings is judged on its text alone)."""
        phrasings = ["".join(ws) for ws in self.retriever.asked.words(unit_id)]
        if not phrasings:
            return None
        return sum(words.stated(p) >= ABOUT for p in phrasings) / len(phrasings)

    def _from_graph(self, topic: str, words: TopicWords) -> list[str]:
        """Units holding a fact of the topic: kept when the fact names the topic itself, else when the
        unit's text states the topic too."""
        return [u for u, named in fact_units(topic, words, self.facts, self.texts.norm).items()
                if self.corpus.unit(u).kind not in NOT_CITED
                and (named or words.stated(self.texts.text[u]) >= GRAPH_ABOUT)]


def in_places(corpus: Corpus, unit_ids: list[str], places: list[str] | None) -> list[str]:
    """The units of the documents of some jurisdictions (all when none are named)."""
    if not places:
        return unit_ids
    return [u for u in unit_ids if any(p in corpus.doc(u.split("/", 1)[0]).meta.jurisdiction for p in places)]


def selected(corpus: Corpus, facts: FactSet, topic: str, retriever: Retriever) -> list[str]:
    """The clauses of a topic, found through the engine's search."""
    return Selector(corpus, facts, retriever).select(topic)
