"""Question -> ranked units: normalise, segment, expand, search (BM25F), scope, regroup.

The ranking unit is the one that actually says it: items and articles are both indexed, and
hits are regrouped per article so an article and its own item never fill two places; the
better-scoring of the two is shown.
"""

from __future__ import annotations

import math
import re

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from kg.extract.actors import mentions_in
from kg.models import Corpus, Unit

from assistant.search.phrasings_table import FILE as ASKED_FILE
from assistant.search.phrasings_table import AskedTable
from assistant.search.index import open_index
from assistant.lang.lexicon import lexicon
from assistant.lang.places import Scope, find_scope, place_names
from assistant.lang.synonyms import Synonyms
from assistant.lang.text import normalize, numbers_to_arabic
from assistant.lang.tokenizer import Tokenizer, bigrams

FIELD_BOOST = {"body": 1.0, "context": 0.5, "concepts": 1.2, "grams": 0.25, "facts": 0.3, "kind": 1.0, "asked": 0.5}
ASKED_COVERAGE = 0.5  # a question word said only by a unit's phrasings counts this much towards coverage
PHRASE_GRAMS = 3.0  # x(1 + this * share of the question's character pairs, rarest counting most, its phrasings hold)
PHRASE_BOOST = 1.2  # the question holds all the words of one of the unit's phrasings (机构改名了: 机构 + 改名)
BM25_B, BM25_K1 = 0.3, 1.2  # low length normalisation: long clauses that list conditions are answers too
MAX_INSIDE_TRIGGERS = 3  # concepts a question word may name by appearing inside their triggers
SYNONYM_WEIGHT = 0.7  # a thesaurus synonym of a word the corpus does not use
REPAIR_WEIGHT = 0.8
COMMON_DF = 0.6  # a word in more than this share of units says nothing about which one answers
COVERAGE_POWER = 1.0  # how strongly saying all of the question outweighs repeating part of it
COVERAGE_BASE = 0.5  # what a unit saying none of the question's words keeps of its score (plus what it says)
LEAD_WEIGHT = 0.5  # saying the question in the lead sentence (or heading) counts this much more
KIND_PRIOR = {"preamble": 0.6, "closing": 0.6, "annex": 0.85}  # notices, signatures and blank forms (附件2 备案表) answer only what no clause does
AMOUNT_BOOST = 1.3  # a clause stating an amount in the asked measure is likelier the answer
ASKED_KIND_BOOST = 1.4  # a clause stating the kind of fact asked for
ASKED_KINDS = ("sanction", "deadline")
ARTICLE_PREFERENCE = 1.5  # an item must say it clearly better than its article to be cited alone
COMMON_GRAM_DF = 0.25  # character pairs are only a net for typos: common ones cost time and add noise


class NormalizedQuery(BaseModel):
    """A question after normalisation and expansion, as searched."""

    original: str
    text: str
    terms: list[str]
    expansions: list[str] = []
    synonyms: list[str] = []  # expansions that only the thesaurus suggested (今天 -> 现行): weaker evidence
    weights: dict[str, float] = {}
    concepts: list[str] = []
    repairs: dict[str, str] = {}
    core: list[str] = []  # the question's own content words (typos repaired), for coverage
    alternatives: dict[str, list[str]] = {}  # core word -> itself and the documents' words for it
    measures: list[str] = []  # measure words of the amount asked for (几个人 -> 人, 名)
    actors: list[str] = []  # roles the question names (培训学校 -> org:training_institution), from the graph's taxonomy
    asks: list[str] = []  # kinds of fact the question asks for (condition, sanction, deadline)
    notes: list[str] = []


class Hit(BaseModel):
    """One ranked unit."""

    unit_id: str
    score: float
    matched_terms: list[str]
    text_score: float | None = None  # the score without what its phrasings added: how strongly its own text answers


class SearchResult(BaseModel):
    """The ranked units for a question and how the question was read."""

    query: NormalizedQuery
    hits: list[Hit]
    jurisdictions: list[str] = []


@lru_cache(maxsize=4096)
def _alternatives(word: str) -> tuple[str, ...]:
    """The documents' words for a question word (the concepts it triggers), remembered per word.

    A trigger inside the word always counts (外部考点 holds 考点). The word inside triggers counts only
    when few concepts have it so (替考 in 找人替考): a common word found inside many triggers (考试, 证书)
    would make every clause "say" it and coverage would stop telling clauses apart."""
    concepts = lexicon().concepts
    named = [n for n, c in concepts.items() if any(t in word for t in c.triggers)]
    inside = [n for n, c in concepts.items() if n not in named and any(word in t for t in c.triggers)]
    if len(inside) <= MAX_INSIDE_TRIGGERS:
        named += inside
    return tuple(e for n in named for e in concepts[n].expand)


def understand(question: str, tok: Tokenizer, repairs: Repairer, synonyms: Synonyms | None = None) -> NormalizedQuery:
    """Normalise, segment, drop stopwords, expand concepts and thesaurus synonyms, repair typos."""
    lex = lexicon()
    text = numbers_to_arabic(normalize(question))
    stop = set(lex.stopwords)
    terms = list(dict.fromkeys(w for w in tok.words(text) if w not in stop))
    found = synonyms.found_in(text) if synonyms else {}
    # a word the thesaurus knows (检举) is a word, not a typo of a corpus word (检查)
    fixes = {typed: fix for typed, fix in repairs.repair(text).items() if typed not in found}
    core = [w for w in tok.tokens(text) if w not in stop and len(w) >= 2]
    core = list(dict.fromkeys(fixes.get(w, w) for w in core))
    alternatives = {w: [w, *_alternatives(w)] for w in core}
    concepts = [name for name, c in lex.concepts.items() if any(t in text for t in c.triggers)]
    weights: dict[str, float] = {}
    for name in concepts:
        concept = lex.concepts[name]
        # when the question already uses the documents' own word, related words matter less
        damp = 0.5 if any(t in text and t in concept.expand for t in concept.triggers) else 1.0
        for word in concept.expand:
            w = numbers_to_arabic(normalize(word))  # the index holds 5级, not 五级
            if w not in terms:
                weights[w] = max(weights.get(w, 0.0), concept.weight * damp)
    borrowed: list[str] = []
    for word, corpus_words in found.items():
        if not corpus_words:
            continue  # a word the thesaurus or the vectors know, with nothing close to it in the corpus
        if any(word in typed for typed in fixes):
            continue  # part of a typo being repaired (证书数剧 -> 证书数据) is not read as a word of its own
        for w in corpus_words:
            if w not in terms and w not in weights:
                borrowed.append(w)
            if w not in terms:
                weights[w] = max(weights.get(w, 0.0), SYNONYM_WEIGHT / len(corpus_words))  # evidence split among readings
        for c in core:
            if word in c or c in word:
                alternatives[c] = [*alternatives[c], *corpus_words]
    return NormalizedQuery(original=question, text=text, terms=terms, expansions=list(weights),
                           synonyms=list(dict.fromkeys(borrowed)), weights=weights, concepts=concepts, repairs=fixes, core=core, alternatives=alternatives,
                           measures=[u for q in lex.quantities if any(t in text for t in q.triggers) for u in q.units],
                           actors=mentions_in(text), asks=[k for k, ws in lex.asks.items() if any(w in text for w in ws)])


def _lead(text: str) -> str:
    """A unit's first sentence or line, from its own text (normalised text has lost its line breaks);
    for an annex, the title under its "附件2" line: the form's name."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and _ANNEX_LINE.fullmatch(lines[0]):
        lines = lines[1:]
    return _SENTENCE_END.split(lines[0] if lines else "", maxsplit=1)[0]


_ANNEX_LINE = re.compile(r"附件\s*\d+")
_SENTENCE_END = re.compile(r"[。；：;:]")


def _without_places(query: NormalizedQuery, places: dict[str, str]) -> NormalizedQuery:
    """A named place selects documents (the scope boosts them); as a search word it would also reward
    the clauses that spell the place out (definitions, preambles) over the clause that answers."""
    def is_place(word: str) -> bool:
        return word in places or word.rstrip("市省") in places

    terms = [t for t in query.terms if not is_place(t)]
    if not terms:
        return query  # the place is all the question says
    return query.model_copy(update={"terms": terms, "core": [t for t in query.core if not is_place(t)]})


_QUESTION_CHARS = set("几多少啥么吗呢怎哪什谁吧呀")
_CJK = re.compile(r"[\u4e00-\u9fff]+")


class Repairer:
    """Finds corpus words one character away from what was typed (考典 -> 考点, 评介机构 -> 评价机构),
    where the typed character sounds like the one it replaces (pinyin input: 圆 for 员, never 会 for 协).

    Only spans made of whole tokens, at least one of them unknown, are repaired, and only into
    words the index actually holds: a known word is never "corrected".
    """

    def __init__(self, vocab: set[str], tok: Tokenizer, in_index: Callable[[str], bool],
                 phrased: Callable[[str], bool] | None = None, alike: Callable[[str, str], bool] | None = None) -> None:
        lex = lexicon()
        self.vocab = vocab
        self.extra = {t for c in lex.concepts.values() for t in c.triggers} | set(lex.stopwords)
        self.tok, self.in_index, self.phrased = tok, in_index, phrased
        self.alike = alike or (lambda _typed, _meant: True)  # whether a typed character may stand for another
        self.domain = lex.all_words()
        self._patterns: dict[str, list[str]] | None = None

    def is_known(self, word: str) -> bool:
        """A corpus word, a concept trigger, a stopword or a word of the phrasings: never "repaired"."""
        if word in self.vocab or word in self.extra:
            return True
        # a word people use for a clause is a word; a lone character in a phrasing says nothing (按 in 按时)
        return len(word) >= 2 and self.phrased is not None and self.phrased(word)

    @property
    def patterns(self) -> dict[str, list[str]]:
        """Each corpus word with one character blanked, built only when a question has an unknown word."""
        if self._patterns is None:
            self._patterns = {}
            for word in sorted(self.vocab):
                if 2 <= len(word) <= 6 and _CJK.fullmatch(word):
                    for i in range(len(word)):
                        self._patterns.setdefault(word[:i] + "?" + word[i + 1:], []).append(word)
        return self._patterns

    def repair(self, text: str) -> dict[str, str]:
        """Typed span -> the corpus word it most likely meant."""
        tokens = self.tok.tokens(text)
        found: dict[str, str] = {}
        for i in range(len(tokens)):
            for j in range(min(len(tokens), i + 3), i, -1):
                span = "".join(tokens[i:j])
                if not 2 <= len(span) <= 6 or not _CJK.fullmatch(span) or _QUESTION_CHARS & set(span):
                    continue
                if all(self.is_known(t) for t in tokens[i:j]) or any(span in k for k in found):
                    continue
                fix = self._fix(span)
                if fix:
                    found[span] = fix
        return found

    def _fix(self, span: str) -> str | None:
        for i in range(len(span)):
            for cand in self.patterns.get(span[:i] + "?" + span[i + 1:], []):
                if len(span) == 2 and cand not in self.domain:
                    continue  # two-character guesses only into policy terms: 今天 is not a typo of 今后
                if cand != span and self.in_index(cand) and self.alike(span[i], cand[i]):
                    return cand
        return None


class Retriever:
    """Searches one corpus's index."""

    def __init__(self, corpus: Corpus, ix: Any, tok: Tokenizer) -> None:
        self.corpus, self.ix, self.tok = corpus, ix, tok
        self._searcher: Any = None
        self._reader: Any = None
        self._vocab: set[str] | None = None
        self._repairer: Repairer | None = None
        self._synonyms: Synonyms | None = None
        self._norm: dict[str, tuple[str, str]] = {}
        self._scorer: Any = None
        self._groups: dict[str, str] = {}
        self._tags: dict[str, set[str]] = {}
        self._df: dict[tuple[str, str], int] = {}
        self._asked_table: AskedTable | None = None

    @classmethod
    def open(cls, corpus: Corpus | None = None, progress: Callable[[str], None] | None = None) -> Retriever:
        """Open the index of a corpus, building it when missing, stale or corrupt."""
        if corpus is None:
            from kg.cache import load_corpus

            corpus = load_corpus()
        ix, tok = open_index(corpus, progress)
        return cls(corpus, ix, tok)

    @property
    def vocab(self) -> set[str]:
        if self._vocab is None:
            self._vocab = {w for w, freq in self.tok.vocabulary().items() if freq}  # jieba keeps prefixes at 0
        return self._vocab

    @property
    def synonyms(self) -> Synonyms:
        """The thesaurus table built beside the index (read on first use)."""
        if self._synonyms is None:
            self._synonyms = Synonyms.load(self.tok.dictionary.parent)
        return self._synonyms

    @property
    def repairer(self) -> Repairer:
        if self._repairer is None:
            self._repairer = Repairer(self.vocab, self.tok, lambda w: self.doc_frequency("body", w) > 0,
                                      lambda w: self.doc_frequency("asked", w) > 0, self.synonyms.sound_alike)
        return self._repairer

    def doc_frequency(self, field: str, term: str) -> int:
        """How many units hold a term, remembered (whoosh looks it up in its term table each time)."""
        key = (field, term)
        found = self._df.get(key)
        if found is None:
            if len(self._df) > 200_000:  # a long TUI session asking about everything: start over
                self._df.clear()
            found = self._df[key] = int(self.reader().doc_frequency(field, term))
        return found

    def reader(self) -> Any:
        """The index's reader, opened once: postings and statistics are read through it."""
        if self._reader is None:
            self._reader = self.ix.reader()
        return self._reader

    def searcher(self) -> Any:
        """whoosh's own BM25F search over the index: what the scorer's figures are checked against."""
        if self._searcher is None:
            from whoosh import scoring

            self._searcher = self.ix.searcher(weighting=scoring.BM25F(B=BM25_B, K1=BM25_K1))
        return self._searcher

    def search(self, question: str, limit: int = 10) -> SearchResult:
        """The best units for a question, regrouped per article, place-scoped."""
        query = understand(question, self.tok, self.repairer, self.synonyms)
        scope = find_scope(self.corpus, query.text)
        if scope.jurisdictions:
            query = _without_places(query, place_names(self.corpus))
        raw = self._raw_hits(query, limit * 6)
        hits = self._regroup(raw, scope, query, limit)
        if hits and not self._answers(hits[0], query):
            hits = []  # only character pairs or thesaurus guesses matched: nothing in the corpus answers this
        return SearchResult(query=query, hits=hits, jurisdictions=scope.jurisdictions)

    def _answers(self, hit: Hit, query: NormalizedQuery) -> bool:
        """Whether a hit holds a word of the question (or of its concepts) in its text or its phrasings,
        rather than only thesaurus guesses or character pairs."""
        if set(hit.matched_terms) - set(query.synonyms):
            return True
        asked = self._asked(self.corpus.unit(hit.unit_id))
        return any(len(t) >= 2 and t in asked for t in query.terms)

    def _weighted_terms(self, query: NormalizedQuery) -> dict[str, float]:
        weights = {t: 1.0 for t in query.terms}
        for t, w in query.weights.items():
            weights.setdefault(t, w)
        for t in query.repairs.values():
            weights.setdefault(t, REPAIR_WEIGHT if len(t) > 2 else REPAIR_WEIGHT / 2)
        total = max(self.ix.doc_count(), 1)
        return {t: w for t, w in weights.items() if self.doc_frequency("body", t) / total <= COMMON_DF}

    def query_parts(self, query: NormalizedQuery) -> list[tuple[str, str, float]]:
        """The weighted union searched: (field, term, boost) for words, concepts, graph tags, character pairs."""
        parts: list[tuple[str, str, float]] = []
        for term, weight in self._weighted_terms(query).items():
            parts.append(("body", term, weight * FIELD_BOOST["body"]))
            parts.append(("context", term, weight * FIELD_BOOST["context"]))
            parts.append(("asked", term, weight * FIELD_BOOST["asked"]))
        parts += [("concepts", c, FIELD_BOOST["concepts"]) for c in query.concepts]
        parts += [("facts", f"unit:{m}", FIELD_BOOST["facts"]) for m in query.measures]
        parts += [("facts", f"actor:{a}", FIELD_BOOST["facts"]) for a in query.actors]
        parts += [("facts", f"kind:{k}", FIELD_BOOST["kind"]) for k in query.asks]
        if self._needs_net(query):
            total = max(self.ix.doc_count(), 1)
            parts += [("grams", g, FIELD_BOOST["grams"]) for g in dict.fromkeys(bigrams(query.text))
                      if 0 < self.doc_frequency("grams", g) / total <= COMMON_GRAM_DF]
        return parts

    def _posting_scorer(self) -> Any:
        if self._scorer is None:
            from assistant.search.postings import PostingScorer

            self._scorer = PostingScorer(self.reader(), B=BM25_B, K1=BM25_K1)
        return self._scorer

    def _raw_hits(self, query: NormalizedQuery, limit: int) -> list[tuple[str, float]]:
        return self._posting_scorer().top(self.query_parts(query), limit)

    def _needs_net(self, query: NormalizedQuery) -> bool:
        """Character pairs are a net for typos and odd segmentations: cast it only when a word of the
        question is not a corpus word (or was repaired); otherwise it costs time and adds noise."""
        return bool(query.repairs) or any(not self.repairer.is_known(t) for t in query.core)

    def _group_key(self, unit: Unit) -> str:
        """The article (or outline item) a unit belongs to, for regrouping (remembered per unit)."""
        key = self._groups.get(unit.id)
        if key is None:
            key = self._groups[unit.id] = self._find_group(unit)
        return key

    def _find_group(self, unit: Unit) -> str:
        doc = self.corpus.doc(unit.doc_id)
        current = unit
        while current.parent:
            parent = doc.unit(current.parent)
            if parent.kind in ("section", "annex", "annex_section", "chapter"):
                break
            current = parent
        return current.id

    def _coverage(self, unit: Unit, query: NormalizedQuery) -> float:
        """How much of the question the unit says, in its own words and in its lead sentence.

        BM25 rewards short units that repeat one term; a clause that states every part of the
        question ("社会培训评价组织…应具备以下条件") is the answer even when it is long.
        """
        if not query.core:
            return 1.0
        text, lead = self._normalized(unit)
        alts = query.alternatives
        total = sum(len(t) for t in query.core)
        asked = self._asked(unit)

        def said(word: str) -> float:
            if any(a in text for a in alts.get(word, [word])):
                return 1.0
            return ASKED_COVERAGE if asked and any(a in asked for a in alts.get(word, [word])) else 0.0

        in_text = sum(len(t) * said(t) for t in query.core) / total
        in_lead = sum(len(t) for t in query.core if any(a in lead for a in alts.get(t, [t]))) / total
        amount = 1.0
        if query.measures and re.search(r"\d+(?:" + "|".join(map(re.escape, query.measures)) + ")", text):
            amount = AMOUNT_BOOST
        return ((COVERAGE_BASE + in_text) * (1.0 + LEAD_WEIGHT * in_lead)) ** COVERAGE_POWER * amount

    def _states_asked(self, unit: Unit, query: NormalizedQuery) -> float:
        """A question asking for a consequence or a time limit ("会怎样", "多久") prefers clauses the graph
        found stating one (their kind:… tags) over procedure that shares its words. Not for conditions:
        the extractor tags the thresholds it can check, and requirement clauses without one (浙江 第十二条,
        外部考点) would fall behind those that have."""
        asks = [k for k in query.asks if k in ASKED_KINDS]
        return ASKED_KIND_BOOST if any(unit.id in self._tagged(f"kind:{k}") for k in asks) else 1.0

    def _phrased(self, unit: Unit, query: NormalizedQuery) -> float:
        """A question holding all the words of one of a unit's phrasings is asking what people ask when that
        unit is the answer; the field's BM25 alone also rewards words gathered from several phrasings."""
        for words in self.asked.words(unit.id):
            if all(w in query.text for w in words):
                return PHRASE_BOOST
        return 1.0

    def _pair_weights(self, query: NormalizedQuery) -> dict[str, float]:
        """The question's character pairs, each weighted by how rare it is among the clauses (idf over the
        index's character-pair field): 不想再干了 and 不干了 share 干了, however each was segmented."""
        total = max(self.ix.doc_count(), 1)
        return {g: math.log(total / (1 + self.doc_frequency("grams", g))) + 1
                for g in dict.fromkeys(bigrams(query.text))}

    def _pairs_phrased(self, unit: Unit, pairs: dict[str, float]) -> float:
        """Favours a unit whose phrasings hold much of the question, pair by pair. Computed for the
        candidates only (as a field of its own, phrasings' character pairs doubled the 100x index build)."""
        if not pairs:
            return 1.0
        held = self.asked.pairs(unit.id)
        share = sum(w for g, w in pairs.items() if g in held) / sum(pairs.values())
        return 1.0 + PHRASE_GRAMS * share

    def _tagged(self, tag: str) -> set[str]:
        """The units carrying a graph tag, read once from the index's facts field."""
        found = self._tags.get(tag)
        if found is None:
            found = self._tags[tag] = self._posting_scorer().units_with("facts", tag)
        return found

    def _asked(self, unit: Unit) -> str:
        """A unit's phrasings (how people ask for it), normalised, from the table beside the index."""
        return self.asked.text(unit.id)

    @property
    def asked(self) -> AskedTable:
        if self._asked_table is None:
            self._asked_table = AskedTable(self.tok.dictionary.parent / ASKED_FILE)
        return self._asked_table

    def _normalized(self, unit: Unit) -> tuple[str, str]:
        """A unit's normalised text and lead sentence, computed once per process."""
        cached = self._norm.get(unit.id)
        if cached is None:
            text = numbers_to_arabic(normalize(unit.text))
            lead = numbers_to_arabic(normalize(unit.heading or _lead(unit.text)))
            cached = self._norm[unit.id] = (text, lead)
        return cached

    def rank_units(self, question: str, limit: int = 100) -> SearchResult:
        """Units scored each on its own, best first, without regrouping per article.

        For callers that choose many clauses at once (a briefing): there an article and each of its items
        are judged separately, while an answer shows one place per article (`search`)."""
        query = understand(question, self.tok, self.repairer, self.synonyms)
        scope = find_scope(self.corpus, query.text)
        if scope.jurisdictions:
            query = _without_places(query, place_names(self.corpus))
        scored = sorted(self._scored(self._raw_hits(query, limit), scope, query), key=lambda s: (-s[0], s[1]))
        terms = query.terms + query.expansions + list(query.repairs.values())
        hits = [Hit(unit_id=u, score=round(s, 4), matched_terms=self._matched(u, terms), text_score=round(t, 4))
                for s, u, t in scored[:limit]]
        if hits and not self._answers(hits[0], query):
            hits = []  # as in `search`: only character pairs or thesaurus guesses matched
        return SearchResult(query=query, jurisdictions=scope.jurisdictions, hits=hits)

    def _scored(self, raw: list[tuple[str, float]], scope: Scope, query: NormalizedQuery) -> list[tuple[float, str, float]]:
        """(score, unit id, text score) of each raw hit: BM25 times place, coverage, kind and phrasings."""
        pairs = self._pair_weights(query)
        out = []
        for unit_id, score in raw:
            unit = self.corpus.unit(unit_id)
            text_score = score * (scope.boosts.get(unit.doc_id, 1.0) * self._coverage(unit, query)
                                  * KIND_PRIOR.get(unit.kind, 1.0) * self._states_asked(unit, query))
            out.append((text_score * self._phrased(unit, query) * self._pairs_phrased(unit, pairs), unit_id, text_score))
        return out

    def _regroup(self, raw: list[tuple[str, float]], scope: Scope, query: NormalizedQuery, limit: int) -> list[Hit]:
        """One hit per article: ranked by its best unit, shown as the article unless an item says it clearly better."""
        groups: dict[str, list[tuple[float, str, float]]] = {}
        for score, unit_id, text_score in self._scored(raw, scope, query):
            groups.setdefault(self._group_key(self.corpus.unit(unit_id)), []).append((score, unit_id, text_score))
        ranked = []
        for key, members in groups.items():
            top = max(s for s, _, _ in members)
            shown = max(members, key=lambda m: (m[0] * (ARTICLE_PREFERENCE if m[1] == key else 1.0), m[1]))
            ranked.append((top, shown[1], max(t for _, _, t in members)))
        ranked.sort(key=lambda p: (-p[0], p[1]))
        terms = query.terms + query.expansions + list(query.repairs.values())
        return [Hit(unit_id=u, score=round(s, 4), matched_terms=self._matched(u, terms), text_score=round(t, 4))
                for s, u, t in ranked[:limit]]

    def _matched(self, unit_id: str, terms: list[str]) -> list[str]:
        """The question's words the unit contains (in the index's spelling: 4级 for 四级)."""
        text = self._normalized(self.corpus.unit(unit_id))[0]
        return sorted({t for t in terms if len(t) >= 2 and t in text})
