"""A question as searched: its words, their expansions, repaired typos, and what kind of answer it wants.

The question's own words are kept apart from what the lexicon, the thesaurus and the word vectors add,
so coverage (how much of the question a clause says) is judged on what the user said.
"""

from __future__ import annotations

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
    core = [w for w in tok.tokens(text) if w not in stop and len(w) >= 2]
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


def without_places(query: NormalizedQuery, is_place: Callable[[str], bool]) -> NormalizedQuery:
    """A named place selects documents (the scope boosts them); as a search word it would also reward
    the clauses that spell the place out (definitions, preambles) over the clause that answers."""
    terms = [t for t in query.terms if not is_place(t)]
    if not terms:
        return query  # the place is all the question says
    return query.model_copy(update={"terms": terms, "core": [t for t in query.core if not is_place(t)]})


