"""The search's side of a briefing: which units the engine's ranking puts on the topic.

The same retriever that answers questions scores every unit with the topic as the question. Three ways a
unit gets in on its score, none of them naming a document:

- overall: a unit close to the best is on the topic by that alone, unless the topic names concepts, the
  unit does not name them and none of its phrasings asks for it in the topic's words (a clause on a
  bureau's powers scores close to the best for a question on who may apply, but is neither about
  applicants nor asked for as such); one
  further down must also state the topic and, where people's phrasings of it exist, be asked for in the
  topic's words (a clause on fee publicity says 公示 too, but nobody looks for it as 公示期);
- per jurisdiction: each place answers in its own words, and its best clause may score far below another
  place's (江苏 says 生成…证书号 where others say 颁发证书), so a unit close to its own jurisdiction's best
  counts too, when that best scores at least a tenth of the overall best (below that the place is taken to
  be silent on the topic; above it a stray mention can still lead a silent place, which the concept check
  below is there to catch);
- stating all of it: a unit that says the whole topic in its own text and scores fair;
- beside a chosen item: an item of the same clause's list scored close to the best and to that item (a
  list's parallel items say one thing of different cases, and one may say the topic's words less).

Units found only per jurisdiction or by stating the topic must also name the topic's concepts (see
`TopicWords.names_concepts`) and say some of its words: that prunes the neighbours that share one word
with it, or only the concepts' commonest words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.models import Corpus

from .texts import NOT_CITED, ClauseTexts
from .topic_words import ABOUT, TopicWords

if TYPE_CHECKING:
    from assistant.search.retriever import Hit

STRONG = 0.5  # a unit scored at this share of the best unit or more is on the topic by the search alone
WEAK = 0.1  # below this share a unit counts only when its phrasings ask for it in the topic's words
# (raised to the share of clauses that state the topic, for a topic most clauses state: TopicWords.weak_share)
FLOOR = 0.05  # below this share nothing counts
ASKED = 0.05  # share of a unit's phrasings in the topic's words that makes it the topic's on its own
PLACE_SHARE = 0.5  # a unit scored at this share of its own jurisdiction's best unit is that place's answer too
PLACE_FLOOR = 0.1  # ... when that best scores at least this share of the overall best
WHOLE = 0.2  # a unit stating the whole topic in its own text counts from this share of the best
FULL = 0.99  # "the whole topic": every word of it, as written or by all its parts in one sentence
SIBLING = 0.8  # an item beside a chosen one counts when scored this share of it or more ...
NEAR = 0.3  # ... and both score at least this share of the best
LISTS = ("article", "item", "point")  # units whose children are one clause's list (not a chapter's articles)
CANDIDATES = 200  # units scored per topic


def shares(hits: list[Hit]) -> dict[str, float]:
    """Each hit's text score as a share of the best one's (its phrasings' bonus left out)."""
    best = max((h.text_score or 0.0 for h in hits), default=0.0) or 1.0
    return {h.unit_id: (h.text_score or 0.0) / best for h in hits}


class Searched:
    """The units a topic's ranking puts on the topic, read three ways."""

    def __init__(self, corpus: Corpus, texts: ClauseTexts, words: TopicWords, hits: list[Hit],
                 asked: Callable[[str], float | None]) -> None:
        self.corpus, self.texts, self.words, self.asked = corpus, texts, words, asked
        self.hits = [h for h in hits if corpus.unit(h.unit_id).kind not in NOT_CITED]
        self.share = shares(hits)

    def overall(self) -> set[str]:
        """Units close to the best, or further down stating the topic and asked for in its words."""
        out = set()
        weak = self.words.weak_share(WEAK, STRONG)  # higher for a topic most clauses state
        for hit in self.hits:
            share = self.share[hit.unit_id]
            if share < FLOOR:
                continue
            stated = self.words.stated(self.texts.text[hit.unit_id]) >= ABOUT
            asked = self.asked(hit.unit_id)
            sought = asked is None or asked > 0  # asked for in the topic's words, or nothing is known
            close = share >= STRONG and (sought or not self.words.concepts
                                         or self.words.names_concepts(self.texts.text[hit.unit_id]))
            if close or (share >= weak and stated and sought) or (asked is not None and asked >= ASKED):
                out.add(hit.unit_id)
        return out

    def per_place(self) -> set[str]:
        """Units close to their own jurisdiction's best unit, where that best scores PLACE_FLOOR of the
        overall best or more."""
        places: dict[str, list[Hit]] = {}
        for hit in self.hits:
            places.setdefault(self._place(hit.unit_id), []).append(hit)
        out = set()
        for hits in places.values():
            top = max(hits, key=lambda h: h.text_score or 0.0)
            if self.share[top.unit_id] < PLACE_FLOOR or not top.text_score:
                continue
            out |= {h.unit_id for h in hits if (h.text_score or 0.0) / top.text_score >= PLACE_SHARE}
        return out

    def stating_all(self) -> set[str]:
        """Units saying the whole topic in their own text, scored fair."""
        return {h.unit_id for h in self.hits if self.share[h.unit_id] >= WHOLE
                and self.words.stated(self.texts.text[h.unit_id]) >= FULL}

    def siblings(self, chosen: set[str]) -> set[str]:
        """The items of a list beside a chosen item that the search puts near the best, as near as that item:
        a list's parallel items say the same thing of different cases (宿迁 第六条: the levels a county's
        and the city's organisations may recognise), and one of them may say the topic's words less."""
        out = set()
        for unit_id in chosen:
            unit = self.corpus.unit(unit_id)
            if not unit.parent or self.corpus.unit(unit.parent).kind not in LISTS \
                    or self.share.get(unit_id, 0.0) < NEAR:
                continue
            for sib in self.corpus.unit(unit.parent).children:
                share = self.share.get(sib, 0.0)
                if sib not in chosen and share >= NEAR and share >= SIBLING * self.share[unit_id]:
                    out.add(sib)
        return out

    def about(self, unit_ids: set[str]) -> set[str]:
        """The units among some that name the topic's concepts (or state it, for a topic naming none) and
        say something of the topic in their own words: a concept's triggers can be as common as 条件 or 申请,
        so a clause on an organisation's 备案条件 names every concept of 考生报名条件 without a word of it."""
        return {u for u in unit_ids if self.words.names_concepts(self.texts.text[u])
                and self.words.stated(self.texts.text[u]) > 0}

    def _place(self, unit_id: str) -> str:
        return self.corpus.doc(self.corpus.unit(unit_id).doc_id).meta.jurisdiction
