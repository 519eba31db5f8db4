"""Whether the documents answer a question: covered, partial (a place without a document) or not_covered.

A wrong answer given confidently is worse than "not in these documents": applicants act on what we say.
The judgement is made from evidence, not from a list of forbidden topics:

- how much of the user's own content words (not what the lexicon or the thesaurus added, nor the pieces the
  segmenter cut from the question's asking forms: forms.py) the first cited clause states, in its own words or
  the documents' words for them, through a compound's parts or under its headings, or by quoting it;
- the user's content words no clause, concept or phrasing of the corpus uses (护照, 驾照, 职称 …), and the
  things it never names though a thesaurus neighbour or a part of the word is used (准生证, 居住; strangers.py);
- how clearly the first clause leads the next one (a near tie is not shown as confident);
- whether the thing whose term is asked (考评员证 of 考评员证有效期) is the clause's;
- whether the place asked about has a document.

A clause of a document with no hand-written phrasings (one a regulator added) is credited the own-text
strength phrasings would have given it, and its confidence mapped on its own scale (`unphrased_offset`,
`UNPHRASED_KNOTS`; fitted by scripts/fit_coverage.py on queries/unseen-docs): otherwise the added documents'
own answers read as "not covered".

`confidence` is a logistic of these, fitted on queries/coverage/dev.yaml so that it means what it says:
among answers with confidence ≥ 0.8, at least 95 % cite a right clause first (`policykg eval
queries/coverage` checks it).

>>> strong = Evidence(stated=1.0, unknown=0.0, margin=1.0, hits=5, strength=5.0, actor=True)
>>> judge(strong).coverage
'covered'
>>> judge(Evidence(stated=0.2, unknown=0.6, margin=0.1, hits=5, strength=3.3)).coverage
'not_covered'
>>> judge(strong, ["上海市没有收录文件"]).coverage
'partial'
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Literal
from weakref import WeakKeyDictionary

from pydantic import BaseModel

from assistant.lang.places import Gazetteer, Scope
from assistant.search.amounts import asks_money, states_money
from assistant.search.forms import own_words
from assistant.search.named_documents import numbers_named, unheld_document
from assistant.search.strangers import form_only, is_determiner, is_linking, names_a_thing, strangers

if TYPE_CHECKING:
    from assistant.search.query import NormalizedQuery
    from assistant.search.retriever import Retriever, SearchResult

Coverage = Literal["covered", "partial", "not_covered"]
Beyond = Literal["amount", "document"]

# A logistic fitted on queries/coverage/dev.yaml (target: the first cited clause is a right one, or the
# question is on a treated subject for a place without a document). How much of the user's words the
# clause states added nothing once the others were in: the words it leaves out are read through
# `unknown` and `rare`. `actor`: the question names a role of the graph's taxonomy (评价机构, 考评人员 …).
WEIGHTS = {"bias": -14.94, "unknown": -5.73, "rare": -3.17, "margin": 1.47, "strength": 3.19, "actor": 2.94}
# The fitted chance mapped so that the figures mean what they say: on the development set, answers with
# p ≥ 0.9 cite a right clause first 96 % of the time, so p = 0.9 is shown as 0.8; p = 0.33 (where
# in-scope questions stop being flagged, 3 of 157) is shown as 0.5, the line between covered and not.
KNOTS = ((0.0, 0.0), (0.33, 0.5), (0.9, 0.8), (1.0, 1.0))
COVERED_AT = 0.5
# The strength a clause of a document without hand-written phrasings is credited (see `unphrased_offset`).
UNPHRASED_STRENGTH = 1.5
# Such a clause's chance mapped apart: among the added documents' development questions (queries/unseen-docs)
# answers with p ≥ 0.98 cite a right clause first 95 % of the time (p ≥ 0.9 only 90 %): their clauses share
# more words with one another, so a strong first clause is more often a neighbour of the right one.
UNPHRASED_KNOTS = ((0.0, 0.0), (0.33, 0.5), (0.98, 0.8), (1.0, 1.0))
# A question naming a thing the corpus never names (strangers.py), or asking a sum its clause does not state
# (amounts.py), is answered by no clause however well the rest matches: of the 158 questions of the four
# development sets (queries/coverage/*.yaml but final4) with such a stranger, 156 are not covered (the other two
# were pieces of a segmentation, now read as such). Their confidence is shown at most this.
UNANSWERED_CAP = 0.2
# A question on a named place whose document's clause states every word of it is covered from this chance on
# (0.2): on the five development coverage sets no out-of-scope question of that kind lies between 0.1 and 0.5; two
# in-scope ones lay between 0.2 and 0.3, the line before (0.235, 0.24).
PLACED_AT = 0.2
# Evidence this strong outweighs a stranger (confidence 0.8: the first clause is right 95 % of the time): the
# unknown word is then a typo the thesaurus reads as another word (平价 for 评价) or a verb or time the clause
# says otherwise (打造, 下午): 7 of the added documents' development questions (queries/unseen-docs), all
# answered by their first clause. No out-of-scope development question with a stranger reached it (at most 0.75).
STRANGER_OUTWEIGHED_AT = 0.8


# A question quoting its clause is answered by it (see `quotes_the_clause`): on the five development coverage sets
# (queries/coverage/*.yaml) the 29 questions with a run of 9 characters or more of their first clause holding 80 % of
# their words, all stated and none unknown, are all in scope (28 cite a right clause first); at 8 characters one
# out-of-scope question (在浙江考的职业技能等级证书…认不认) quotes the common 职业技能等级证书.
# A first clause barely ahead of the next (margin under TIED_MARGIN) is shown with less than 0.8: on the five
# development coverage sets, 5 of the 8 such answers that reached 0.8 cited a right clause first (the rest 179 of 185).
TIED_MARGIN = 0.2
TIED_CAP = 0.75
QUOTED_CHARS = 9
QUOTED_SHARE = 0.8


class Evidence(BaseModel):
    """What the search found for a question, as the coverage judgement reads it."""

    stated: float  # share (by characters) of the user's content words the first cited clause states
    strength: float = 0.0  # the first clause's own-text score, without the place boost (log 1 + score)
    actor: bool = False  # the question names a role of the graph's taxonomy
    unknown: float  # share (by characters) of the user's words no clause nor phrasing uses (护照, 职称 …)
    rare: float = 0.0  # share of the user's words the first clause leaves unsaid and the corpus barely uses
    margin: float  # log of the first clause's score over the second's (0 when alone or tied)
    hits: int
    unstated: list[str] = []  # the user's words the first clause does not state
    unknown_words: list[str] = []
    keyword: bool = False  # a search-box query (公示期, 档案保存): a few characters, no question words
    strangers: list[str] = []  # things asked about that the corpus never names (准生证, 中标): see strangers.py
    things: list[str] = []  # of those, the nouns of the question (not 打造, 下午): they cap the confidence
    form_only: bool = False  # the first clause states none of the question's topic words, only its route's
    phrased: bool = True  # the first clause's document has hand-written phrasings (else: an added document)
    beyond: Beyond | None = None  # what is asked that no clause holds: a sum (amounts.py), a document (named_documents.py)
    own_place: bool = False  # the first clause is of a document of the place the question names
    other_object: str | None = None  # the thing whose validity or term is asked, which the first clause does not name
    quoted: float = 0.0  # share of the user's content words inside the longest run of the question the clause quotes
    quoted_chars: int = 0  # that run's length


class Judgement(BaseModel):
    """Coverage, its confidence and what is missing, as an `Answer` carries them."""

    coverage: Coverage
    confidence: float
    note: str | None = None
    unstated: list[str] = []  # the user's words the first clause leaves out (what a verdict would not answer)
    strangers: list[str] = []  # of those, things the corpus never names: no route answers a question about them
    form_only: bool = False  # the first clause matched the question's form (有效期, 公示) and none of its topic
    actor: bool = False  # the question names a role the documents regulate (评价机构, 考评人员 …)
    beyond: Beyond | None = None  # a sum or a document no clause holds: no route answers it either


RARE_DF = 2  # a word at most this many clauses (and phrasings) use names a subject the documents pass over


def gather(retriever: Retriever, result: SearchResult) -> Evidence:
    """The evidence of one search: what its first hit states of the user's own words, how foreign the
    words it leaves out are to the corpus, and how clearly it leads."""
    query, hits = result.query, result.hits
    # words in Latin letters (an English question, markup) are read by the thesaurus, not judged here:
    # the corpus is Chinese, so "unknown to the corpus" would say nothing about them
    # nor are pointers (有家, 这家, 某个): they name nothing the documents could leave out
    core = [w for w in query.core if not w.isascii() and not _ASKING.match(w) and not is_determiner(w)]
    # nor the pieces the segmenter cut from the question's asking forms (能不能 → 不能, 还能发吗 → 能发): forms.py
    core = own_words(query.text, core, lambda w: _a_known_word(retriever, w))
    query = _with_core(retriever, query, core)
    if not hits:
        return Evidence(stated=0.0, unknown=0.0, margin=0.0, hits=0)
    top = hits[0]
    beyond = beyond_clauses(retriever, result)
    boost = scope_boost(retriever, result, top.unit_id)
    own = (top.text_score if top.text_score is not None else top.score) / boost
    credit, actor = unphrased_offset(retriever, top.unit_id), bool(query.actors)
    strength, phrased = round(math.log(1 + own) + credit, 3), credit == 0.0
    if not core:
        return Evidence(stated=1.0, unknown=0.0, margin=2.0, hits=len(hits), strength=strength, actor=actor,
                        phrased=phrased, beyond=beyond)
    total = sum(len(w) for w in core)
    headed = retriever.headed(top.unit_id)
    unstated = [w for w in retriever.unstated(hits[0].unit_id, query) if w in core and w not in headed
                and not retriever.states_in_parts(top.unit_id, w)]

    def used(field: str, w: str) -> int:
        return max(retriever.doc_frequency(field, a) for a in query.alternatives.get(w, [w]))

    strange = strangers(retriever, query, top.unit_id, core)
    unstated += [w for w in strange if w not in unstated]
    # a thing the corpus never names is foreign though its head or a neighbour is used (准生证 → 证书)
    foreign = [w for w in unstated if (used("body", w) == 0 and used("asked", w) == 0) or w in strange]
    rare = [w for w in unstated if w not in foreign and used("body", w) + used("asked", w) <= 2 * RARE_DF]
    leads = [h.text_score if h.text_score is not None else h.score for h in hits[:2]]
    margin = math.log(leads[0] / leads[1]) if len(leads) > 1 and leads[1] > 0 else 2.0

    def share(words: list[str]) -> float:
        return round(sum(len(w) for w in words) / total, 3)

    # a linking adverb (同时, 一边) names nothing a clause could state: it is not weighed in what the clause states
    content = [w for w in core if not is_linking(w)]
    stated = 1 - round(sum(len(w) for w in unstated if w in content) / max(sum(len(w) for w in content), 1), 3)
    run = retriever.quoted(top.unit_id, query.text)
    other = measured_thing(query.text, core, unstated)
    return Evidence(stated=stated, unknown=share(foreign), rare=share(rare), margin=round(margin, 3),
                    hits=len(hits), unstated=unstated, unknown_words=foreign + rare, strength=strength, actor=actor,
                    phrased=phrased,
                    keyword=_keyword(query.text), strangers=strange,
                    things=[w for w in strange if names_a_thing(query.text, w)],
                    form_only=form_only(core, unstated), beyond=beyond, own_place=boost > 1.0,
                    quoted=round(sum(len(w) for w in content if w in run) / max(sum(len(w) for w in content), 1), 3),
                    quoted_chars=len(run), other_object=other)


def _a_known_word(retriever: Retriever, word: str) -> bool:
    """A word some dictionary lists (the segmenter's, the thesaurus) or a clause uses: not a fused piece."""
    return word in retriever.vocab or word in retriever.synonyms.found_in(word) \
        or retriever.doc_frequency("body", word) > 0


def _with_core(retriever: Retriever, query: NormalizedQuery, core: list[str]) -> NormalizedQuery:
    """The query with the own words read from its asking forms (a word left after a modal, 新增 of 想新增, takes
    the documents' words for it as the query's own words do)."""
    if all(w in query.core for w in core):
        return query
    lex = retriever.ws.lexicon
    alternatives = {w: query.alternatives.get(w) or [w, *lex.alternatives(w)] for w in core}
    return query.model_copy(update={"core": [w for w in query.core if w in core] + [w for w in core if w not in query.core],
                                    "alternatives": {**query.alternatives, **alternatives}})


def unphrased_offset(retriever: Retriever, unit_id: str) -> float:
    """What a clause's strength lacks because its document has no hand-written phrasings (a document a
    regulator added): their words raise the own-text score of the shipped documents' clauses (the index's
    phrasings field, words said only there), so without this a clause of an added document that answers the
    question reads as weak and is flagged not covered. Fitted (scripts/fit_coverage.py) on the development
    questions of queries/unseen-docs with the other weights held, so the shipped documents are judged as before."""
    doc = retriever.corpus.unit(unit_id).doc_id
    return 0.0 if hand_phrased(retriever, doc) else UNPHRASED_STRENGTH


_HAND_PHRASED: WeakKeyDictionary[Retriever, dict[str, bool]] = WeakKeyDictionary()


def hand_phrased(retriever: Retriever, doc_id: str) -> bool:
    """Whether any clause of a document has hand-written phrasings (remembered per retriever and document)."""
    known = _HAND_PHRASED.setdefault(retriever, {})
    if doc_id not in known:
        known[doc_id] = any(retriever.asked.text(u.id) for u in retriever.corpus.doc(doc_id).units)
    return known[doc_id]


_QUESTION_MARKS = set("吗呢么啥怎哪几多谁?？")
# A word that is only the question's form (多少个, 天内, 1年几次, 哪几类, 怎么用) asks about the subject; it is
# not a subject the documents could leave out, so it is not weighed as the user's content. A form fused with
# content (交多少, 有税) stays: it may carry the subject.
_ASKING = re.compile(r"^(\d*[天年月日次个]?(多少|几)[个天年月日次类种项]?(内|以内)?|\d*[天年月日]内|哪几?[类个种项]|怎么[用办]?"
                     r"|[前后]?多久|多长时间)$")


def _keyword(text: str) -> bool:
    """A search-box query: at most six characters without spaces, and no question word or mark."""
    plain = text.replace(" ", "")
    return len(plain) <= 6 and not _QUESTION_MARKS & set(plain)


def scope_boost(retriever: Retriever, result: SearchResult, unit_id: str) -> float:
    """What the question's place added to a clause's score: taken out, so that naming 宿迁 does not make
    an unrelated question look answered by 宿迁's document."""
    scope = retriever.ws.places.scope_of(result.jurisdictions, "typed") if result.jurisdictions else None
    return scope.boosts.get(retriever.corpus.unit(unit_id).doc_id, 1.0) if scope else 1.0


def confidence_of(ev: Evidence) -> float:
    """The fitted logistic of the evidence, recalibrated (KNOTS): how likely the first cited clause
    answers the question."""
    if ev.hits == 0:
        return 0.0
    z = (WEIGHTS["bias"] + WEIGHTS["unknown"] * ev.unknown + WEIGHTS["rare"] * ev.rare
         + WEIGHTS["margin"] * min(ev.margin, 2.0) + WEIGHTS["strength"] * ev.strength + WEIGHTS["actor"] * ev.actor)
    p = 1.0 / (1.0 + math.exp(-z))
    knots = KNOTS if ev.phrased else UNPHRASED_KNOTS
    for (x0, y0), (x1, y1) in zip(knots, knots[1:], strict=False):
        if p <= x1:
            return round(y0 + (y1 - y0) * (p - x0) / (x1 - x0), 3)
    return 1.0


def judge(ev: Evidence, place_gaps: list[str] | None = None, circumstances: bool = False) -> Judgement:
    """Covered when the evidence says the first clause answers; partial when it does but a place asked
    about has no document; not_covered otherwise (a missing place does not make an unrelated question
    related). With `circumstances` (the user stated facts of the organisation that a determination read), the
    things the corpus never names are read as those facts' circumstances (汽车零部件企业, 化工企业), not the
    question's object: they weigh in the logistic but do not cap it."""
    conf = confidence_of(ev)
    if conf < COVERED_AT and ev.keyword and ev.stated >= 1.0 and not ev.unknown_words and ev.hits > 1:
        # a regulator's search-box query whose every word the first clause states, other clauses stating them
        # too: a topic several documents treat (档案保存, 场地要求), where a small margin is no sign of absence
        conf = COVERED_AT
    if PLACED_AT <= conf < COVERED_AT and ev.own_place and ev.stated >= 1.0 and not ev.unknown_words and not ev.beyond:
        # the named place's own document states every word the user used: a small margin there means its
        # neighbouring articles say the same words (设立 in 浙江's articles on several kinds of 机构), not absence
        conf = COVERED_AT
    if conf < COVERED_AT and quotes_the_clause(ev):
        # the user quotes the clause (面向社会开展职业技能等级认定是什么意思): its own phrase, not a margin, says it
        conf = COVERED_AT
    if ev.margin < TIED_MARGIN and conf >= TIED_CAP:
        # the next clause scores nearly as well: which of the two answers is not settled (池州 第八条 and 第九条 say
        # the same of two kinds of organisation), however strong the first
        conf = TIED_CAP
    if (ev.things and not circumstances and conf < STRANGER_OUTWEIGHED_AT) or ev.beyond or ev.other_object:
        conf = min(conf, UNANSWERED_CAP)
    said = {"unstated": ev.unstated, "strangers": ev.strangers, "form_only": ev.form_only, "actor": ev.actor,
            "beyond": ev.beyond}
    if conf < COVERED_AT:
        note = _missing(ev)
        if place_gaps:  # the place asked about is missing too: say it, so no one reads it as "no rule there"
            note = "；".join(place_gaps) + "；" + note
        return Judgement(coverage="not_covered", confidence=conf, note=note, **said)
    if place_gaps:
        return Judgement(coverage="partial", confidence=conf, note="；".join(place_gaps) + "；以下是其他地区的规定", **said)
    return Judgement(coverage="covered", confidence=conf, **said)


_TERMS = re.compile(r"有效期|有效几年|有效多久|期限")  # a term something runs for: 考评员证有效期是几年


def measured_thing(text: str, core: list[str], unstated: list[str]) -> str | None:
    """The thing whose term the question asks (考评员证 of 考评员证有效期是几年) when the clause found does not name
    it: a term is always some thing's, and the clause's term (备案有效期) is then another thing's. Returned as the
    user wrote it, with what closes it (证), for the note; None when the clause names it or nothing is named.

    >>> measured_thing("评价机构的考评员证有效期是几年", ["评价机构", "考评员", "有效期"], ["考评员"])
    '考评员证'
    >>> measured_thing("评价机构备案有效期是几年", ["评价机构", "备案", "有效期"], [])
    """
    for term in _TERMS.finditer(text):
        before = text[:term.start()].rstrip("的之")
        for word in core:
            for closing in ("", "证"):
                if before.endswith(word + closing):
                    return word + closing if word in unstated else None
    return None


def quotes_the_clause(ev: Evidence) -> bool:
    """The question quotes the first clause: a run of QUOTED_CHARS characters or more of it, holding nearly all
    of the user's content words, every one of them stated and none unknown to the corpus."""
    return ev.quoted_chars >= QUOTED_CHARS and ev.quoted >= QUOTED_SHARE and ev.stated >= 1.0 \
        and not ev.unknown_words and not ev.strangers and not ev.beyond


def _missing(ev: Evidence) -> str:
    """What a not_covered answer says is missing: the user's words the documents do not use, or the sum."""
    missing = "、".join(ev.unknown_words)
    if ev.other_object and not missing:
        return f"这些文件没有规定“{ev.other_object}”的期限"
    if ev.beyond == "document":
        return _BEYOND["document"]
    if missing:
        return f"这些文件没有涉及“{missing}”"
    return _BEYOND.get(ev.beyond or "", "这些文件没有直接回答这个问题")


_BEYOND = {"amount": "这些文件没有规定具体金额", "document": "没有收录您问的这份文件"}


def beyond_clauses(retriever: Retriever, result: SearchResult) -> Beyond | None:
    """What the question asks that no clause holds, whatever clause was found: a sum the first clause does not
    state (多少钱, 给多少劳务费), or a document the corpus does not hold (人社部发〔2022〕14号, …工作指引 全文)."""
    text, corpus = result.query.text, retriever.corpus
    if asks_money(text) and not states_money(corpus.unit(result.hits[0].unit_id).text):
        return "amount"
    having = {d.meta.jurisdiction for d in corpus.documents}
    names_held = bool(result.query.documents) or any(j in having for j in result.jurisdictions)
    own = [d.meta.number for d in corpus.documents if d.meta.number]
    return "document" if unheld_document(result.query.original, own, cited_numbers(retriever), names_held) else None


_CITED: WeakKeyDictionary[Retriever, list[str]] = WeakKeyDictionary()


def cited_numbers(retriever: Retriever) -> list[str]:
    """The document numbers the corpus's clauses cite (their basis, 人社部发〔2019〕9号), remembered per retriever."""
    if retriever not in _CITED:
        _CITED[retriever] = [n for u in retriever.corpus.units() for n in numbers_named(u.text)]
    return _CITED[retriever]


def place_gaps(scope: Scope, places: Gazetteer) -> list[str]:
    """What is missing for each place the question is about: 上海 has no document; 合肥 is in 安徽, where
    only 池州 has one. Read from the gazetteer (each name's jurisdiction) and the documents' own places."""
    docs = [d.meta for d in places.corpus.documents]
    having = {m.jurisdiction for m in docs}
    gaps = []
    for j in scope.jurisdictions:
        if j in having:
            continue
        words = [n for n, k in scope.words.items() if k == j and n.rstrip("市省") != j.rstrip("市省")]
        said = f"{words[0]}（{j}）" if words else j
        below = sorted({m.jurisdiction for m in docs if m.parent_jurisdiction == j})
        gaps.append(f"{said}没有收录文件" + (f"，{j}只收录了{'、'.join(below)}的文件" if below else ""))
    return gaps


def fallback_notes(scope: Scope) -> list[str]:
    """A place without a document of its own answered from the place above it says so (苏州 → 江苏省): the
    reader must not take a province's rule for a city's own."""
    notes = []
    for place, answering in scope.fallback.items():
        said = next((w for w, j in scope.words.items() if j == answering and w.rstrip("市县区省") ==
                     place.rstrip("市县区省")), place)
        notes.append(f"{said}没有单独收录文件，按{answering}的文件回答")
    return notes


SUBJECT = ("这些文件规定的是技能人才评价机构（社会培训评价组织、第三方评价机构、用人单位等）的备案条件、"
           "考点和考场、可认定等级、申报时间、备案有效期、日常管理和违规处理，不涉及考生个人的报考、补贴、"
           "证书查询补办，也不涉及职称或其他行业的证照")


def uncovered_text(judgement: Judgement, places: Gazetteer) -> str:
    """What a not_covered answer says first: what is not addressed, what the documents do cover."""
    held = "、".join(dict.fromkeys(d.meta.jurisdiction for d in places.corpus.documents))
    return f"{judgement.note or '这些文件没有直接回答这个问题'}。{SUBJECT}（收录：{held}）。"
