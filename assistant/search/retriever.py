"""Question -> ranked units: search (BM25F over the index), scope, coverage, regroup.

The ranking unit is the one that actually says it: items and articles are both indexed, and
hits are regrouped per article so an article and its own item never fill two places; the
better-scoring of the two is shown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from assistant.lang.places import DIRECT, Scope
from assistant.lang.synonyms import Synonyms
from assistant.lang.text import normalize, numbers_to_arabic
from assistant.lang.tokenizer import Tokenizer, bigrams
from assistant.search.index import open_index
from assistant.search.phrasings_table import FILE as ASKED_FILE
from assistant.search.phrasings_table import AskedTable
from assistant.search.query import NormalizedQuery, naming_documents, understand, within_titles, without_places
from assistant.search.repair import Repairer
from assistant.understand.question import Question
from assistant.workspace import Workspace
from kg.models import Unit

FIELD_BOOST = {"body": 1.0, "context": 0.5, "concepts": 1.2, "grams": 0.25, "facts": 0.3, "kind": 1.0, "asked": 0.3}
ASKED_COVERAGE = 0.5  # a question word said only by a unit's phrasings counts this much towards coverage
PHRASE_GRAMS = 3.0  # x(1 + this * share of the question's character pairs, rarest counting most, its phrasings hold)
PHRASE_BOOST = 1.2  # the question holds all the words of one of the unit's phrasings (机构改名了: 机构 + 改名)
HAND_PAIRS_CAP = 0.5  # the most the hand-written phrasings add to the share of the question a unit holds
BM25_B, BM25_K1 = 0.3, 1.2  # low length normalisation: long clauses that list conditions are answers too
REPAIR_WEIGHT = 0.8
NAMED_BOOST = 2.0  # a unit of the document the question names by its title (0: names not read)
NAMED_SHARE = 3  # a name fitting more than a third of the documents (管理办法) names none of them
TITLE_TERM_WEIGHT = 0.3  # a word of the title the question names its document by
PIECE_WEIGHT = 0.5  # a word segmented inside a longer word of the question (人才 in 技能人才评价)
PIECE_OF = 5  # ... of this many characters at least (等级认定 keeps its pieces: 等级, 认定 each say something)
TITLE_MIN = 6  # a title this long, restated in a unit, is taken out of what the unit says (coverage)
ABOVE_SAID = 1.0  # a word the lead of the list a unit is an item of says counts this much for the item
ABOVE_PAIRS = 0.5  # and each of its character pairs, towards the share of the question the item holds
LISTED = ("item", "point", "subpoint")  # the kinds of a list's entries
SCOPED_TITLE_SAID = 0.5  # a word of the named place's documents' titles counts this much for a unit not saying it
COMMON_DF = 0.6  # a word in more than this share of units says nothing about which one answers
COVERAGE_BASE = 0.5  # what a unit saying none of the question's words keeps of its score (plus what it says)
LEAD_WEIGHT = 0.5  # saying the question in the lead sentence (or heading) counts this much more
KIND_PRIOR = {"preamble": 0.6, "closing": 0.6, "annex": 0.85}  # notices, signatures and blank forms (附件2 备案表) answer only what no clause does
AMOUNT_BOOST = 1.3  # a clause stating an amount in the asked measure is likelier the answer
ASKED_KIND_BOOST = 1.4  # a clause stating the kind of fact asked for
ASKED_KINDS = ("sanction", "deadline")
ARTICLE_PREFERENCE = 1.5  # an item must say it clearly better than its article to be cited alone
SCOPE_DEPTH = 8  # how far down the BM25 list the named place's units are looked for
_UNPUNCTUATED = re.compile(r"[^\w]")  # punctuation and spaces: not what a quotation is judged by
PARTS_GAP = 4  # at most this many characters between the parts of a compound a unit states in its own order
COMMON_GRAM_DF = 0.25  # character pairs are only a net for typos: common ones cost time and add noise


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


def _parts(word: str, pieces: list[str]) -> list[str]:
    """The word cut into its dictionary sub-words, left to right, longest first; [] when they leave a gap."""
    subs = sorted({p for p in pieces if 2 <= len(p) < len(word)}, key=len, reverse=True)
    parts: list[str] = []
    at = 0
    while at < len(word):
        part = next((p for p in subs if word.startswith(p, at)), None)
        if part is None:
            return []
        parts.append(part)
        at += len(part)
    return parts


def _lead(text: str) -> str:
    """A unit's first sentence or line, from its own text (normalised text has lost its line breaks);
    for an annex, the title under its "附件2" line: the form's name."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and _ANNEX_LINE.fullmatch(lines[0]):
        lines = lines[1:]
    return _SENTENCE_END.split(lines[0] if lines else "", maxsplit=1)[0]


_ANNEX_LINE = re.compile(r"附件\s*\d+")
_SENTENCE_END = re.compile(r"[。；：;:]")


class Retriever:
    """Searches one corpus's index."""

    def __init__(self, ws: Workspace, ix: Any, tok: Tokenizer) -> None:
        self.ws, self.corpus, self.ix, self.tok = ws, ws.corpus, ix, tok
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
        self._units: dict[str, Unit] = {}
        self._titles: dict[str, str] | None = None
        self._leads_above: dict[str, str] = {}

    @classmethod
    def open(cls, ws: Workspace, progress: Callable[[str], None] | None = None) -> Retriever:
        """Open the index of a workspace's corpus, building it when missing, stale or corrupt."""
        ix, tok = open_index(ws, progress)
        return cls(ws, ix, tok)

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
            self._repairer = Repairer(self.vocab, self.tok, self.ws.lexicon, lambda w: self.doc_frequency("body", w) > 0,
                                      lambda w: self.doc_frequency("asked", w) > 0, self.synonyms.sound_alike)
        return self._repairer

    def _unit(self, unit_id: str) -> Unit:
        """A unit by id, from a table of the corpus's units (the corpus's own lookup goes through pydantic's
        private attributes: a few microseconds, some 250 times a question)."""
        if not self._units:
            self._units = {u.id: u for u in self.corpus.units()}
        return self._units[unit_id]

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

    def search(self, question: Question | str, limit: int = 10) -> SearchResult:
        """The best units for a question, regrouped per article, scoped to the question's place."""
        query, scope = self._read(question)
        raw = self._raw_hits(query, limit * 6, scope)
        hits = self._regroup(raw, scope, query, limit)
        if hits and not self._answers(hits[0], query):
            hits = []  # only character pairs or thesaurus guesses matched: nothing in the corpus answers this
        return SearchResult(query=query, hits=hits, jurisdictions=scope.jurisdictions)

    def unstated(self, unit_id: str, query: NormalizedQuery) -> list[str]:
        """The question's own content words (not the expansions) a unit's text does not state, in any of
        the documents' words for them: what a cited clause leaves unanswered, for the coverage judgement."""
        text = self._normalized(self._unit(unit_id))[0]
        return [w for w in query.core if not any(a in text for a in query.alternatives.get(w, [w]))]

    def headed(self, unit_id: str) -> str:
        """The headings a unit stands under (a table row under 第三方评价机构评估细则, an item under its chapter's
        title): what the row says, it says of them. Headings only, not the enclosing units' text."""
        unit = self._unit(unit_id)
        doc, heads = self.corpus.doc(unit.doc_id), []
        parent = unit.parent
        while parent:
            anc = doc.unit(parent)
            heads.append(anc.heading or "")
            parent = anc.parent
        return numbers_to_arabic(normalize(" ".join(h for h in heads if h)))

    def quoted(self, unit_id: str, text: str) -> str:
        """The longest run of the question's text a unit holds verbatim: a question quoting the document's own
        phrase (面向社会开展职业技能等级认定是什么意思) asks about what that clause says."""
        said, best = _UNPUNCTUATED.sub("", self._normalized(self._unit(unit_id))[0]), ""
        text = _UNPUNCTUATED.sub("", text)  # 谁评价谁发证谁负责 quotes 谁评价、谁发证、谁负责
        for start in range(len(text)):
            end = start + len(best) + 1
            while end <= len(text) and text[start:end] in said:
                best, end = text[start:end], end + 1
        return best

    def states_in_parts(self, unit_id: str, word: str) -> bool:
        """Whether a unit states a compound word of the question through its parts, in order and close together
        (认定计划 in 认定批次计划, 第三方评价机构 in 第三方社会评价机构): the documents' own way of saying it."""
        parts = _parts(word, self.tok.words(word))
        if len(parts) < 2:
            return False
        text = self._normalized(self._unit(unit_id))[0]
        gap = f".{{0,{PARTS_GAP}}}"
        return re.search(gap.join(re.escape(p) for p in parts), text) is not None

    def unknown(self, query: NormalizedQuery) -> list[str]:
        """The question's own content words that no clause, concept or phrasing of the corpus uses."""
        return [w for w in query.core if not self.repairer.is_known(w) and not query.alternatives.get(w, [w])[1:]]

    def _answers(self, hit: Hit, query: NormalizedQuery) -> bool:
        """Whether a hit holds a word of the question (or of its concepts) in its text or its phrasings,
        rather than only thesaurus guesses or character pairs."""
        if set(hit.matched_terms) - set(query.synonyms):
            return True
        asked = self._asked(self._unit(hit.unit_id))
        return any(len(t) >= 2 and t in asked for t in query.terms)

    def _weighted_terms(self, query: NormalizedQuery) -> dict[str, float]:
        weights = {t: PIECE_WEIGHT if any(t != o and t in o and len(o) >= PIECE_OF for o in query.terms) else 1.0
                   for t in query.terms}
        for t in query.title_terms:
            weights[t] *= TITLE_TERM_WEIGHT
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

    def _raw_hits(self, query: NormalizedQuery, limit: int, scope: Scope | None = None) -> list[tuple[str, float]]:
        """The best `limit` units by BM25F, plus, when a place is named, up to `limit` of its documents' units
        from further down: many clauses with phrasings can fill the first places on their phrasings' words
        alone, and the named place's clause must still be among the candidates to be ranked first."""
        if scope is None or not scope.boosts:
            return self._posting_scorer().top(self.query_parts(query), limit)
        wide = self._posting_scorer().top(self.query_parts(query), limit * SCOPE_DEPTH)
        inside = [hit for hit in wide if self._unit(hit[0]).doc_id in scope.boosts][:limit]
        return list(dict.fromkeys([*wide[:limit], *inside]))

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
        question ("社会培训评价组织…应具备以下条件") is the answer even when it is long. An item also says
        what its list's opening says (`_above`): 申请…之单位，应符合下列资格之一： (二)学校：….
        """
        if not query.core:
            return 1.0
        core, named = query.core, set(query.scoped_title)
        text, lead = self._said(unit)
        alts = query.alternatives
        total = sum(len(t) for t in core)
        asked, above = self._asked(unit), self._above(unit)

        def said(word: str) -> float:
            words = alts.get(word, [word])
            if any(a in text for a in words):
                return 1.0
            return max(SCOPED_TITLE_SAID if word in named else 0.0,
                       ABOVE_SAID if above and any(a in above for a in words) else 0.0,
                       ASKED_COVERAGE if asked and any(a in asked for a in words) else 0.0)

        in_text = sum(len(t) * said(t) for t in core) / total
        in_lead = sum(len(t) * (1.0 if any(a in lead for a in alts.get(t, [t])) else SCOPED_TITLE_SAID * (t in named))
                      for t in core) / total
        amount = 1.0
        if query.measures and re.search(r"\d+(?:" + "|".join(map(re.escape, query.measures)) + ")", text):
            amount = AMOUNT_BOOST
        return (COVERAGE_BASE + in_text) * (1.0 + LEAD_WEIGHT * in_lead) * amount

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
        for words in self.asked.words(unit.id):  # the made ones name a fact's terms: their pairs count instead
            if all(w in query.text for w in words):
                return PHRASE_BOOST
        return 1.0

    def _pair_weights(self, query: NormalizedQuery) -> dict[str, float]:
        """The question's character pairs, each weighted by how rare it is among the clauses (idf over the
        index's character-pair field): 不想再干了 and 不干了 share 干了, however each was segmented.
        The runs that select documents (a place, a title) are left out: they would favour the clauses that
        restate them (中央国家机关…督导工作 over the clause listing 督导方式)."""
        total = max(self.ix.doc_count(), 1)
        return {g: math.log(total / (1 + self.doc_frequency("grams", g))) + 1
                for g in dict.fromkeys(bigrams(query.asked_text))}

    def _pairs_phrased(self, unit: Unit, pairs: dict[str, float]) -> float:
        """Favours a unit whose phrasings hold much of the question, pair by pair. Computed for the
        candidates only (as a field of its own, phrasings' character pairs doubled the 100x index build).

        The unit's own text and the phrasings made from it (every document has them) count in full; the
        hand-written ones (the shipped documents') add at most HAND_PAIRS_CAP, so they cannot carry a clause
        past a clause of a document without them that holds clearly more of the question."""
        if not pairs:
            return 1.0
        # Held by its own text or made phrasings, or (capped) by its hand-written ones. A pair of Chinese
        # characters is one of a text's character pairs exactly when the text contains it, so the texts are
        # searched, not split into pairs.
        total = sum(pairs.values())
        text, made, hand = self._normalized(unit)[0], self.asked.made_text(unit.id), self.asked.text(unit.id)
        own = {g for g in pairs if g in text or g in made}
        above = self._above(unit)
        base = (sum(pairs[g] for g in own) + ABOVE_PAIRS * sum(w for g, w in pairs.items() if g not in own and g in above)) / total
        extra = sum(w for g, w in pairs.items() if g not in own and g in hand) / total
        return 1.0 + PHRASE_GRAMS * (base + min(extra, HAND_PAIRS_CAP))

    def _tagged(self, tag: str) -> set[str]:
        """The units carrying a graph tag, read once from the index's facts field."""
        found = self._tags.get(tag)
        if found is None:
            found = self._tags[tag] = self._posting_scorer().units_with("facts", tag)
        return found

    def _asked(self, unit: Unit) -> str:
        """A unit's phrasings (how people ask for it: made and hand-written), normalised, from the table
        beside the index."""
        made, hand = self.asked.made_text(unit.id), self.asked.text(unit.id)
        return f"{made};{hand}" if made and hand else made or hand

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

    def _above(self, unit: Unit) -> str:
        """The lead sentences (or headings) of the units enclosing a list item, normalised: the list's
        opening says what every item is an answer to (申请…评鉴之单位，应符合下列资格之一： → (二)学校：…), and an
        outline section holding a list is not itself indexed. Remembered per unit."""
        cached = self._leads_above.get(unit.id)
        if cached is None:
            parts, parent = [], unit.parent
            while parent and unit.kind in LISTED:
                enclosing = self._unit(parent)
                parts.append(self._normalized(enclosing)[1])
                parent = enclosing.parent
            cached = self._leads_above[unit.id] = "|".join(parts)
        return cached

    def _said(self, unit: Unit) -> tuple[str, str]:
        """A unit's normalised text and lead as judged for coverage: with its document's title taken out.

        A notice restates the title it is issued under (its heading line, 现将《…》印发给你们); the title
        names the document, not what the unit says, and counting it let the preamble outrank the clause
        that answers whenever a question used the title's words (宝安区…企业职业技能等级认定申报按什么原则受理)."""
        text, lead = self._normalized(unit)
        title = self.titles.get(unit.doc_id, "")
        if len(title) < TITLE_MIN or title not in text:
            return text, lead
        return text.replace(title, "　"), lead.replace(title, "　")

    def _read(self, question: Question | str) -> tuple[NormalizedQuery, Scope]:
        """The question as searched (its words, expansions and repairs) and its place scope."""
        if isinstance(question, str):
            from assistant.understand.question import parse_question

            question = parse_question(question, self.ws.places)
        query = understand(question, self.tok, self.repairer, self.ws.lexicon, self.synonyms)
        if question.scope.jurisdictions:
            query = without_places(query, self.ws.places.is_place, question.scope.named)
        if NAMED_BOOST:
            query = naming_documents(query, self.titles)
        scoped = [t for d, t in self.titles.items() if question.scope.boosts.get(d) == DIRECT]  # the place's own
        return within_titles(query, scoped), question.scope

    @property
    def titles(self) -> dict[str, str]:
        """Document id -> its normalised title, for questions that name a document."""
        if self._titles is None:
            self._titles = {d.meta.id: numbers_to_arabic(normalize(d.meta.title)) for d in self.corpus.documents}
        return self._titles

    def _named(self, unit: Unit, query: NormalizedQuery) -> float:
        """A unit of a document the question names by its title, unless the name fits many documents."""
        if not query.documents or len(query.documents) * NAMED_SHARE > len(self.titles):
            return 1.0
        return NAMED_BOOST if unit.doc_id in query.documents else 1.0

    def rank_units(self, question: Question | str, limit: int = 100) -> SearchResult:
        """Units scored each on its own, best first, without regrouping per article.

        For callers that choose many clauses at once (a briefing): there an article and each of its items
        are judged separately, while an answer shows one place per article (`search`)."""
        query, scope = self._read(question)
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
            unit = self._unit(unit_id)
            text_score = score * (scope.boosts.get(unit.doc_id, 1.0) * self._coverage(unit, query)
                                  * KIND_PRIOR.get(unit.kind, 1.0) * self._states_asked(unit, query)
                                  * self._named(unit, query))
            out.append((text_score * self._phrased(unit, query) * self._pairs_phrased(unit, pairs), unit_id, text_score))
        return out

    def _regroup(self, raw: list[tuple[str, float]], scope: Scope, query: NormalizedQuery, limit: int) -> list[Hit]:
        """One hit per article: ranked by its best unit, shown as the article unless an item says it clearly better."""
        groups: dict[str, list[tuple[float, str, float]]] = {}
        for score, unit_id, text_score in self._scored(raw, scope, query):
            groups.setdefault(self._group_key(self._unit(unit_id)), []).append((score, unit_id, text_score))
        ranked = []
        for key, members in groups.items():
            top = max(s for s, _, _ in members)
            shown = max(members, key=lambda m: (m[0] * (ARTICLE_PREFERENCE if m[1] == key else 1.0), m[1]))
            ranked.append((top, shown[1], max(t for _, _, t in members)))
        ranked.sort(key=lambda p: (self._outside(p[1], scope), -p[0], p[1]))
        terms = query.terms + query.expansions + list(query.repairs.values())
        return [Hit(unit_id=u, score=round(s, 4), matched_terms=self._matched(u, terms), text_score=round(t, 4))
                for s, u, t in ranked[:limit]]

    def _outside(self, unit_id: str, scope: Scope) -> bool:
        """Whether a hit lies outside the documents a named place selects: those come after every hit inside,
        whatever their score. A multiplier alone let a clause with many phrasings (浙江's, written by hand)
        outrank the named place's own clause in a document added without any."""
        return bool(scope.boosts) and self._unit(unit_id).doc_id not in scope.boosts

    def _matched(self, unit_id: str, terms: list[str]) -> list[str]:
        """The question's words the unit contains (in the index's spelling: 4级 for 四级)."""
        text = self._normalized(self._unit(unit_id))[0]
        return sorted({t for t in terms if len(t) >= 2 and t in text})
