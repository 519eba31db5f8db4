"""A question as searched: its words, their expansions, repaired typos, and what kind of answer it wants.

The question's own words are kept apart from what the lexicon, the thesaurus and the word vectors add,
so coverage (how much of the question a clause says) is judged on what the user said.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel

from assistant.lang.lexicon import Lexicon
from assistant.lang.synonyms import Synonyms
from assistant.lang.text import normalize, numbers_to_arabic
from assistant.lang.tokenizer import Tokenizer
from assistant.search.repair import Repairer
from assistant.understand.question import Question
from kg.extract.actors import mentions_in

SYNONYM_WEIGHT = 0.7  # a thesaurus synonym of a word the corpus does not use


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
    documents: list[str] = []  # documents the question names by their title (兵团技能人才评价机构管理办法 …)
    title_terms: list[str] = []  # the words of that title: they select the document, not the clause
    scoped_title: list[str] = []  # core words in the titles of the named place's documents: every unit says them
    selectors: list[str] = []  # runs of the question that select documents (a place name, a title), not clauses

    @property
    def asked_text(self) -> str:
        """The question's text without the runs that select documents: what it asks of the clauses."""
        return without_runs(self.text, self.selectors)


def without_runs(text: str, runs: list[str]) -> str:
    """A text with the given runs cut out (longest first), a separator in their place so no character pair
    spans the cut."""
    for run in sorted(runs, key=len, reverse=True):
        text = text.replace(run, "|")
    return text


_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")


def understand(question: Question | str, tok: Tokenizer, repairs: Repairer, lex: Lexicon,
               synonyms: Synonyms | None = None) -> NormalizedQuery:
    """Segment, drop stopwords, expand concepts and thesaurus synonyms, repair typos.

    The question's own content words (`core`) are kept apart from what the lexicon, the thesaurus and the
    vectors add (`weights`, `synonyms`): coverage and answers are judged on the user's words."""
    text = question.text if isinstance(question, Question) else numbers_to_arabic(normalize(question))
    original = question.raw if isinstance(question, Question) else question
    stop = set(lex.stopwords)
    terms = list(dict.fromkeys(w for w in tok.words(text) if w not in stop))
    found = synonyms.found_in(text) if synonyms else {}
    # a word the thesaurus knows (检举) is a word, not a typo of a corpus word (检查)
    fixes = {typed: fix for typed, fix in repairs.repair(text).items() if typed not in found}
    # an A-not-A question form (行不行, 好不好) is asked, not a word: left whole out, so that 现在报行不行 has no 报行
    core = [w for w in tok.tokens(_A_NOT_A.sub("，", text)) if w not in stop and len(w) >= 2]
    core = list(dict.fromkeys(fixes.get(w, w) for w in core))
    alternatives = {w: [w, *lex.alternatives(w)] for w in core}
    concepts = lex.triggered(text)
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
    return NormalizedQuery(original=original, text=text, terms=terms, expansions=list(weights),
                           synonyms=list(dict.fromkeys(borrowed)), weights=weights, concepts=concepts, repairs=fixes, core=core, alternatives=alternatives,
                           measures=[u for q in lex.quantities if any(t in text for t in q.triggers) for u in q.units],
                           actors=mentions_in(text), asks=[k for k, ws in lex.asks.items() if any(w in text for w in ws)])


def without_places(query: NormalizedQuery, is_place: Callable[[str], bool], names: list[str] | None = None) -> NormalizedQuery:
    """A named place selects documents (the scope boosts them); as a search word it would also reward
    the clauses that spell the place out (definitions, preambles) over the clause that answers.

    `names` are the place names as found in the question: a name the segmenter splits (中央国家机关 →
    中央 + 国家机关) is dropped by its pieces, the words of the question that lie only inside it."""
    names = [n for n in names or [] if n in query.text]
    rest = without_runs(query.text, names)

    def place(word: str) -> bool:
        return is_place(word) or (word in query.text and word not in rest)

    terms = [t for t in query.terms if not place(t)]
    if not terms:
        return query  # the place is all the question says
    return query.model_copy(update={"terms": terms, "core": [t for t in query.core if not place(t)],
                                    "selectors": [*query.selectors, *names]})




DOCUMENT_KINDS = re.compile(r"(?:办法|规程|细则|通知|规定|方案|公告|通告|条例)")  # not 意见: 征求意见 is an act
NAME_CHARS = 4  # the shortest run of a title that names a document (考聘办法, 认定规程)


def named_span(text: str, titles: list[str]) -> str:
    """The longest run of the question that is part of a document's title and ends with the word for a
    kind of document (…管理办法, …认定规程): the question names the document it asks about."""
    best = ""
    for kind in DOCUMENT_KINDS.finditer(text):
        end = kind.end()
        start = end - len(kind.group(0))
        while start > 0 and any(text[start - 1:end] in t for t in titles):
            start -= 1
        span = text[start:end]
        if len(span) >= NAME_CHARS and len(span) > len(best) and any(span in t for t in titles):
            best = span
    return best


def naming_documents(query: NormalizedQuery, titles: dict[str, str]) -> NormalizedQuery:
    """A question naming a document by its title (兵团技能人才评价机构管理办法从哪天开始施行) asks about that
    document; the title's words select it, as a place does, and would otherwise favour the clauses that
    restate the title (its purpose article, its closing) over the one that answers. They are kept as search
    words, weighing less (the document's clauses must still be candidates), and left out of coverage."""
    span = named_span(query.text, list(titles.values()))
    if not span:
        return query
    core = [t for t in query.core if t not in span]
    if not core:
        return query  # the title is all the question says
    named = [d for d, t in titles.items() if span in t]
    return query.model_copy(update={"core": core, "documents": named, "title_terms": [t for t in query.terms if t in span],
                                    "selectors": [*query.selectors, span]})


def within_titles(query: NormalizedQuery, titles: list[str]) -> NormalizedQuery:
    """A question scoped to a place whose documents' titles hold some of its words (宝安…企业职业技能等级认定申报
    按什么原则受理, asked of 宝安区's 开展…企业职业技能等级认定申报的通知): those words say which document, as the
    place does, and the clause that restates them (a notice's opening) is not thereby the answer. The ranking's
    coverage credits them to every unit (as said by its document), unless they are all the question says;
    they are still searched, and the judgement of whether the documents cover the question still reads them
    (`core` is unchanged)."""
    if not titles or query.documents:
        return query
    named = [t for t in query.core if any(t in title for title in titles)]
    if not named or len(named) == len(query.core):
        return query
    return query.model_copy(update={"scoped_title": named})
