"""A topic as the search reads it, and how much of it a clause's text states.

Each of the topic's own words counts by its rarity among the corpus's clauses (机构 in 机构名称变更
says little; 名称 and 变更 say which clause). A word is stated by itself, by all of its parts within one
sentence (申报时间 by 申报 … 时间; 年度考核 is not stated by 年度工作计划 in one sentence and 统一考核 in
another), by a word of three characters or more of the concepts it names (外部考点 by 增设考点), or by all of
its parts within one sentence, each said by itself or by a word of a concept that part names (试卷保管 by
试卷 … 存档; 申报材料 by 申请 … 资料). A word said only inside a longer name a quarter of the clauses or more say
(等级 in 职业技能等级认定, the name of the documents' whole subject) is not said at all: a clause on which
职业（工种） may be recognised is not about 认定等级 for naming the activity.
A word that is itself a trigger of a concept (试卷保管 of the custody of papers) is read through that sense only:
the concepts its parts trigger (档案 for 保管, 试题 for 试卷) name wider things, and the telling stem the
sense's documents' words share (保密 of 保密责任书 and 专职试题保密人员) states it too (保密室, 保密承诺).
The topic's concepts (the lexicon's ideas its words trigger) decide whether a clause found only by its
score is about the topic at all: it has to name each of them, by a trigger or by the documents' word."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from .texts import ClauseTexts

if TYPE_CHECKING:
    from assistant.lang.lexicon import Concept, Lexicon
    from assistant.search.query import NormalizedQuery

TELLING = math.log(4)  # a run of characters held by fewer than a quarter of the clauses tells words apart
ABOUT = 0.5  # share of the topic's words (weighted by rarity) a unit must state to be about the topic
_SENTENCE = re.compile(r"[。；;！!？?]")
_PHRASE = re.compile(r"[。；;！!？?，,、：:]")  # a list's items are phrases of one sentence


class TopicWords:
    """A topic's words, their weights, parts and the documents' words for them; its concepts' triggers."""

    def __init__(self, query: NormalizedQuery, texts: ClauseTexts, lexicon: Lexicon) -> None:
        self.query = query
        self.words = [w for w in query.core if len(w) >= 2] or [t for t in query.terms if len(t) >= 2]
        self.weights = _weights(self.words, texts)
        self.parts = {w: _parts(w, query.terms) for w in self.words}
        self.carriers = {w: texts.carriers(w) for w in self.words}
        own = {w: _own(w, texts.norm, lexicon) for w in self.words}
        self.related = {w: _named(w, texts, lexicon, own[w]) for w in self.words}
        self.alike = {p: [p, *_alike(p, texts, lexicon)] for w in self.words for p in self.parts[w]}
        self.concepts = {c: _names(c, texts, lexicon) for c in _senses(query.concepts, own, lexicon)}
        self.commonness = sum(self.stated(t) >= ABOUT for t in texts.clauses) / max(len(texts.clauses), 1)

    def spellings(self) -> list[str]:
        """Every way the texts may state the topic (its words, their parts, their concepts' words)."""
        return list(dict.fromkeys([*self.words, *(p for w in self.words for p in self.parts[w]),
                                   *(a for w in self.words for a in self.related[w])]))

    def stated(self, text: str) -> float:
        """The share of the topic a text states, 0..1."""
        total = sum(self.weights.values())
        return sum(self.weights[w] * self._said(w, text) for w in self.words) / total if total else 0.0

    def weak_share(self, floor: float, ceiling: float) -> float:
        """The search score (share of the best) from which a clause stating the topic counts: `floor` for a
        topic few clauses state, rising with the share of clauses that state it, up to `ceiling`. A topic made
        of words nearly every clause holds (认定等级: four clauses in ten say 认定 and 等级) is stated by
        clauses on anything, so stating it is no evidence and the search must carry more of the weight."""
        return min(ceiling, max(floor, self.commonness))

    def names_concepts(self, text: str) -> bool:
        """Whether a text names every concept of the topic (收费公示: a fee and a publicity; a clause on
        公示备案 names only the second). A topic naming no concept is judged by how much of it the text
        states."""
        if not self.concepts:
            return self.stated(text) >= ABOUT
        return all(any(t in text for t in triggers) for triggers in self.concepts.values())

    def contrasted(self, text: str) -> bool:
        """Whether a text speaks of another kind of a topic word's thing and never of the topic's kind: a part
        of the word (内部 of 内部质量督导员) is missing from the text, while a word of the same ending (外部: 内部
        and 外部 are kinds of one thing, as 省级 and 市级 are) stands right before the word's next part
        (外部质量督导人员). Such a clause is about the other kind, however close the search puts it."""
        return _other_kind(self.words, text) or any(_other_kind(self.parts[w], text) for w in self.words if w not in text)

    def _said(self, word: str, text: str) -> float:
        if word in text:  # said, unless only inside the name of the documents' whole subject
            return 1.0 if word in _without(text, self.carriers[word]) else 0.0
        parts = self.parts[word]
        sentences = _SENTENCE.split(text) if parts else []
        if any(all(p in s for p in parts) for s in sentences):
            return 0.9
        if any(a in text for a in self.related[word]):
            return 0.8
        phrases = _PHRASE.split(text) if len(parts) >= 2 else []  # one part standing in would be the whole word
        return 0.8 if any(all(any(a in s for a in self.alike[p]) for p in parts) for s in phrases) else 0.0


def _without(text: str, names: list[str]) -> str:
    """A text with some names (longest first) blanked out."""
    for name in names:
        text = text.replace(name, "|")
    return text


def _other_kind(parts: list[str], text: str) -> bool:
    """Whether a text says, before a part of a word, another kind than the word's own part before it."""
    for kind, after in zip(parts, parts[1:], strict=False):
        if len(kind) == 2 and kind not in text:
            if re.search(f"[^{re.escape(kind[0])}]{re.escape(kind[1])}{re.escape(after)}", text):
                return True
    return False


def _weights(words: list[str], texts: ClauseTexts) -> dict[str, float]:
    """Each word's rarity; a word no clause holds weighs no more than the rarest word some clause does.

    A topic may carry a word of the asker's that no document uses (监管职责分工: 分工): at its own rarity it
    would outweigh every word the documents do say, so no clause could state the topic. Capped, it still
    keeps a topic of mostly unknown words (食堂伙食管理) from being stated by its one common word."""
    weights = {w: texts.idf(w) for w in words}
    known = [weights[w] for w in words if texts.holds(w)]
    if not known:
        return weights
    return {w: weight if texts.holds(w) else min(weight, max(known)) for w, weight in weights.items()}


def _own(word: str, norm: Callable[[str], str], lexicon: Lexicon) -> list[str]:
    """The concepts a word is itself a trigger of (试卷保管 of question_custody): the word's own sense, as
    against the concepts its parts trigger (保管 of archive, 试卷 of question_bank), which name something
    wider than the word."""
    return [name for name, c in lexicon.concepts.items() if word in map(norm, c.triggers)]


def _senses(found: list[str], own: dict[str, list[str]], lexicon: Lexicon) -> list[str]:
    """The topic's concepts, without those a word's parts trigger when the word has a sense of its own: a
    clause on 试卷保管 need not name archives (档案) and questions (试题) both, but the custody of papers."""
    mine = {c for cs in own.values() for c in cs}
    if not mine:
        return [c for c in found if c in lexicon.concepts]
    def triggered(word: str) -> set[str]:
        return {c for c, concept in lexicon.concepts.items() if any(t in word for t in concept.triggers)}

    plain = {c for w, cs in own.items() if not cs for c in triggered(w)}  # what the other words name stays
    parted = {c for w, cs in own.items() if cs for c in triggered(w) if c not in cs} - mine - plain
    return [c for c in dict.fromkeys([*found, *mine]) if c in lexicon.concepts and c not in parted]


def _stems(concept: Concept, texts: ClauseTexts, lexicon: Lexicon) -> list[str]:
    """The telling runs of two characters that most of a concept's documents' words share and the askers say
    too (保密 of 专职试题保密人员, 保密责任书 and 保密员): the stem the documents build that idea's words on
    (保密室, 保密场所, 保密承诺), which a clause may say without any of the listed words. A run only the
    documents' words share is their common context, not the idea (质量 of 质量督导人员, 理论 of 理论知识考场)."""
    words = [texts.norm(e) for e in concept.expand if len(e) >= 3 and not e.isascii()]
    asked = [texts.norm(t) for t in concept.triggers if len(t) >= 3]
    runs = Counter(r for w in words for r in {w[i:i + 2] for i in range(len(w) - 1)})
    listed = {texts.norm(w) for c in lexicon.concepts.values() for w in (*c.triggers, *c.expand) if len(w) == 2}
    return [r for r, n in runs.items() if n >= 2 and 2 * n >= len(words) and texts.idf(r) > TELLING
            and any(r in t for t in asked) and r in listed]


def _named(word: str, texts: ClauseTexts, lexicon: Lexicon, own: list[str]) -> list[str]:
    """The words (three characters or more) of the lexicon concepts a word names, the documents' and the
    askers': 外部考点 names external_site, whose words include 增设考点; 内部质量督导员 names inspector, which
    people also call 督查员. Only concepts triggered by a part of the word: a word found inside a concept's
    trigger (认定 in 虚假认定) names something narrower than itself.

    A concept that lists the word among the documents' words for it (年度考核 beside 定期评估) lends its
    other documents' words that share a telling part with it (定期评估 shares 评估 with 年度评估; 督导人员
    shares only 人员, which a third of the clauses say, with 考评人员): such a list mixes synonyms with what
    goes with them (取消其评价资格 beside 试题泄密).

    A word with a sense of its own is also named by the concepts whose documents' words hold that sense's
    stem (试题泄密 holds 保密's thing gone wrong, 保密室 its room): they lend those of their words that hold the
    stem or share a telling run with the askers' words for the sense (试题泄密 shares 试题 with 试题保管;
    取消其评价资格 shares nothing, nor does 质量管理责任书, whose 责任书 only the documents' 保密责任书 says)."""
    norm = texts.norm
    if own:  # a word with a sense of its own is named by that sense's words, not by its parts' concepts'
        named = [lexicon.concepts[c] for c in own]
    else:
        named = [c for c in lexicon.concepts.values() if any(t in word for t in c.triggers)]
    beside = [c for c in lexicon.concepts.values() if c not in named and norm(word) in map(norm, c.expand)]
    found = [e for c in named for e in (*c.expand, *c.triggers)]
    found += [e for c in beside for e in c.expand if _shares(norm(e), norm(word), texts)]
    stems = [s for name in own for s in _stems(lexicon.concepts[name], texts, lexicon) if s not in word]
    asked = [norm(t) for c in named for t in c.triggers if len(t) >= 3] if own else []
    kin = [c for c in lexicon.concepts.values() if c not in named and any(s in norm(e) for s in stems for e in c.expand)]
    found += [e for c in kin for e in c.expand
              if any(s in norm(e) for s in stems) or any(_shares(norm(e), t, texts) for t in asked)]
    return [*(norm(e) for e in dict.fromkeys(found) if len(e) >= 3 and norm(e) != word and not e.isascii()),
            *stems]


def _shares(one: str, other: str, texts: ClauseTexts) -> bool:
    """Whether two words share two characters in a row that fewer than a quarter of the clauses hold."""
    runs = {one[i:i + 2] for i in range(len(one) - 1)} & {other[i:i + 2] for i in range(len(other) - 1)}
    return any(texts.idf(r) > TELLING for r in runs)


def _alike(part: str, texts: ClauseTexts, lexicon: Lexicon) -> list[str]:
    """The words of the concepts a part of a topic word names (their triggers of two characters or more, no
    commoner among the clauses than the part): they may stand for that part, and only that part, within a
    sentence that holds the word's other parts too (试卷保管 by 试卷…存档, 申报材料 by 申请…资料). A trigger of a
    concept one part names (试题 for the 试卷 of 试卷保管) never stands for the whole word: that would state
    试卷保管 by every clause on questions; nor does a commoner one (备案 for the 申报 of 申报时间: nearly every
    clause on filing says 备案 and a time)."""
    concepts = [c for c in lexicon.concepts.values() if any(len(t) >= 2 and t in part for t in c.triggers)]
    found = [texts.norm(t) for c in concepts for t in c.triggers if len(t) >= 2 and not t.isascii()]
    return [t for t in dict.fromkeys(found) if t != part and texts.idf(t) >= texts.idf(part)]


def _names(concept: str, texts: ClauseTexts, lexicon: Lexicon) -> list[str]:
    """The words that name a concept in a clause: its triggers of two characters or more (证 alone is
    inside too many words) and the documents' words for it of three or more (用人单位 names an enterprise;
    条件, 提交 say too little), without the English ones."""
    norm = texts.norm
    concept_ = lexicon.concepts[concept]
    words = [t for t in concept_.triggers if len(t) >= 2] + [e for e in concept_.expand if len(e) >= 3]
    return [*(norm(w) for w in dict.fromkeys(words) if not w.isascii()), *_stems(concept_, texts, lexicon)]


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
