"""The whoosh index of citable units, on disk in the corpus's cache folder.

Text is segmented by our own tokenizer before it reaches whoosh, and whoosh only splits on
spaces: the schema then pickles a trivial analyzer instead of jieba, so opening the index
costs milliseconds. A marker file written last says the build finished; an index without it,
of another version, or that fails to open is rebuilt, never trusted.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.cache import cache_dir, replace_dir_atomic, write_atomic
from kg.errors import PolicyKGError
from kg.models import Corpus, Unit

from .lexicon import lexicon
from .phrasings import fingerprint as phrasings_fingerprint
from .phrasings import phrasings
from .text import normalize, normalize_many, numbers_to_arabic
from .tokenize import Tokenizer, bigrams, build_dictionary

INDEX_VERSION = "26"
SKIP_KINDS = {"chapter"}  # preamble and closing are indexed (联系电话, 印发日期) but ranked lower
Progress = Callable[[str], None]


def indexed_units(corpus: Corpus) -> Iterator[Unit]:
    """Units worth ranking: containers whose children are indexed are left out."""
    for unit in corpus.units():
        if unit.kind in SKIP_KINDS:
            continue
        if unit.kind in ("section", "annex", "annex_section") and unit.children:
            continue
        yield unit


def concepts_in(text: str) -> list[str]:
    """The lexicon concepts whose document words occur in a text (sentence by sentence: no concept word
    holds a 。, and a sentence met before, in another unit or a copy of the document, is not scanned again)."""
    _, _, order = _concept_words()
    found: set[str] = set()
    for sentence in text.split("。"):
        found |= _concepts_of_sentence(sentence)
    return sorted(found, key=order.__getitem__)


@lru_cache(maxsize=65536)
def _concepts_of_sentence(sentence: str) -> frozenset[str]:
    by_first, owners, _ = _concept_words()
    found: set[str] = set()
    for i, ch in enumerate(sentence):
        for word in by_first.get(ch, ()):
            if sentence.startswith(word, i):
                found |= owners[word]
    return frozenset(found)


@lru_cache(maxsize=1)
def _concept_words() -> tuple[dict[str, list[str]], dict[str, set[str]], dict[str, int]]:
    """Concept words by first character (a regex alternation of ~1500 words tried each one at every
    position: 5.8 s for the 100x corpus against 1.2 s), their concepts, and the lexicon's order."""
    owners: dict[str, set[str]] = {}
    for name, concept in lexicon().concepts.items():
        for word in concept.expand:
            if word:
                owners.setdefault(word, set()).add(name)
    by_first: dict[str, list[str]] = {}
    for word in owners:
        by_first.setdefault(word[0], []).append(word)
    return by_first, owners, {name: i for i, name in enumerate(lexicon().concepts)}


def _schema() -> Any:
    from whoosh.analysis import SpaceSeparatedTokenizer
    from whoosh.fields import ID, KEYWORD, TEXT, Schema

    plain = SpaceSeparatedTokenizer()
    # No positions (phrase=False): nothing searches phrases, and positions are most of the postings' weight.
    return Schema(unit_id=ID(stored=True, unique=True), doc_id=ID(stored=True),
                  body=TEXT(analyzer=plain, phrase=False), context=TEXT(analyzer=plain, phrase=False),
                  lead=TEXT(analyzer=plain, phrase=False), concepts=KEYWORD(),
                  grams=TEXT(analyzer=plain, phrase=False), facts=KEYWORD(),
                  asked=TEXT(analyzer=plain, phrase=False))


def _context_text(corpus: Corpus, unit: Unit) -> str:
    """Headings and lead sentences of the enclosing units, and the citation path."""
    doc = corpus.doc(unit.doc_id)
    parts = [unit.path, unit.heading or ""]
    parent = unit.parent
    while parent:
        anc = doc.unit(parent)
        parts.append(anc.heading or anc.text.split("\n", 1)[0][:60])
        parent = anc.parent
    return " ".join(parts)


def fact_tags(corpus: Corpus) -> dict[str, list[str]]:
    """Unit id -> tags from the knowledge graph: the measures of the facts it states (unit:平方米)
    and the roles it names (actor:org:social_training_org). Retrieval boosts on them."""
    from kg.cache import load_facts

    facts = load_facts(corpus)
    tags: dict[str, list[str]] = {}
    for fact in [*facts.conditions, *facts.deadlines]:
        if fact.unit:
            tags.setdefault(fact.provenance.unit_id, []).append(f"unit:{fact.unit}")
    kinds = [("condition", [c.provenance.unit_id for c in facts.conditions]),
             ("deadline", [d.provenance.unit_id for d in facts.deadlines]),
             ("sanction", [t.provenance.unit_id for s in facts.sanctions for t in s.triggers])]
    for kind, unit_ids in kinds:
        for unit_id in _with_ancestors(corpus, unit_ids):
            tags.setdefault(unit_id, []).append(f"kind:{kind}")
    for unit_id, actors in facts.mentions.items():
        tags.setdefault(unit_id, []).extend(f"actor:{a}" for a in actors)
    return tags


def _with_ancestors(corpus: Corpus, unit_ids: list[str]) -> set[str]:
    """The units and the articles or items containing them (a condition in 第八条5（1） tags 第八条 too)."""
    out: set[str] = set()
    for unit_id in unit_ids:
        unit = corpus.unit(unit_id)
        doc = corpus.doc(unit.doc_id)
        while unit is not None and unit.kind not in ("chapter", "section", "annex", "annex_section"):
            out.add(unit.id)
            unit = doc.unit(unit.parent) if unit.parent else None
    return out


def normalised_phrasings(unit_ids: list[str]) -> dict[str, list[str]]:
    """Each unit's phrasings, normalised like text (each distinct phrasing once: text.normalize_many)."""
    table = phrasings()
    distinct = list(dict.fromkeys(p for u in unit_ids for p in table.get(u, ())))
    normal = dict(zip(distinct, normalize_many(distinct)))
    return {u: [normal[p] for p in table.get(u, ())] for u in unit_ids}


Phrasing = tuple[list[str], list[str] | None]  # (words for the index field, content words or None)
Segmented = list[Phrasing]


def segment_phrasings(tok: Tokenizer, phrases: list[str], stop: set[str], seen: dict[str, Phrasing]) -> Segmented:
    """Each (normalised) phrasing of a unit as (its words for the index field, its content words for "the
    question holds all of one phrasing", or None when it has fewer than 3 content characters: too vague to
    say a question asks for the unit).

    Segmented at build, so a question never loads jieba's HMM for the phrasings' unknown words. The
    content words include sub-words (考试地点, 考试, 地点), which change nothing (a word in the question
    brings its parts), and come only with words of 3 characters or more. `seen` remembers phrasings met
    before: the same question is a phrasing of several units."""
    out = []
    for phrase in phrases:
        found = seen.get(phrase)
        if found is None:
            words = tok.words(phrase)
            content = [w for w in dict.fromkeys(words) if w not in stop]
            found = seen[phrase] = (words, content if sum(map(len, content)) >= 3 else None)
        out.append(found)
    return out


def _document(tok: Tokenizer, corpus: Corpus, unit: Unit, tags: list[str], text: str | None = None,
              asked: Segmented | None = None) -> dict[str, str]:
    """The index fields of one unit (`text`: its normalised text, when already at hand; `asked`: its
    phrasings, segmented)."""
    text = text if text is not None else numbers_to_arabic(normalize(unit.text))
    context = numbers_to_arabic(normalize(_context_text(corpus, unit)))
    return {"unit_id": unit.id, "doc_id": unit.doc_id, "body": " ".join(tok.words(text)),
            "context": " ".join(tok.words(context)), "concepts": " ".join(concepts_in(text)),
            "grams": " ".join(bigrams(text)), "facts": " ".join(dict.fromkeys(tags)),
            "asked": " ".join(w for words, _ in asked or [] for w in words)}


def build_index(corpus: Corpus, target: Path, progress: Progress | None = None) -> None:
    """Build the dictionary and the index into a temporary folder, then swap it in."""
    from whoosh import index as windex

    from .asked import FILE as ASKED_FILE
    from .asked import write_table as write_asked
    from .segment import WordSegmentWriter
    from .synonyms import FILE as SYNONYMS_FILE
    from .synonyms import write_synonyms

    say = progress or (lambda _m: None)
    build = target.with_name(target.name + ".building")
    shutil.rmtree(build, ignore_errors=True)
    build.mkdir(parents=True)
    units = list(indexed_units(corpus))
    say(f"正在为 {len(units)} 个条款建立索引（首次使用或语料已更新）…")
    texts = [numbers_to_arabic(normalize(u.text)) for u in units]
    build_dictionary(texts, lexicon().all_words(), build / "words.dict")
    tok = Tokenizer(build / "words.dict")
    vocabulary = {w for w, freq in tok.vocabulary().items() if freq}
    write_synonyms(build / SYNONYMS_FILE, vocabulary, set(lexicon().stopwords))
    tags = fact_tags(corpus)
    ix = windex.create_in(str(build), _schema())
    writer = WordSegmentWriter(ix)
    rows: dict[str, tuple[str, list[list[str]]]] = {}
    phrases_of, stop, seen = normalised_phrasings([u.id for u in units]), set(lexicon().stopwords), {}
    try:
        for unit, text in zip(units, texts):
            segmented = segment_phrasings(tok, phrases_of[unit.id], stop, seen)
            writer.add_words(_document(tok, corpus, unit, tags.get(unit.id, []), text, segmented))
            if segmented:  # the phrasings as one text, apart (no word spans two), for coverage and pairs
                rows[unit.id] = (";".join(phrases_of[unit.id]), [content for _, content in segmented if content])
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    write_asked(build / ASKED_FILE, rows)
    write_atomic(build / "ready.json", json.dumps(_marker(corpus)))
    replace_dir_atomic(build, target)
    say("索引已建立。")


def index_dir(corpus: Corpus) -> Path:
    """Where the index of a corpus lives."""
    return cache_dir(fp=corpus.fingerprint) / "index"


def is_ready(path: Path, corpus: Corpus) -> bool:
    """Whether a finished index of this version and corpus is at path, with the files built beside it
    (a missing dictionary or synonym table would quietly change every answer)."""
    from .asked import FILE as ASKED_FILE
    from .synonyms import FILE as SYNONYMS_FILE
    from .synonyms import readable

    try:
        marker = json.loads((path / "ready.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    beside = all((path / name).is_file() for name in ("words.dict", SYNONYMS_FILE, ASKED_FILE))
    return bool(marker == _marker(corpus)) and beside and readable(path / SYNONYMS_FILE)


def _marker(corpus: Corpus) -> dict[str, str]:
    """What an index was built from: code version, corpus, lexicon and phrasings (a change rebuilds)."""
    import hashlib

    from .lexicon import DATA

    lex = hashlib.sha256(DATA.read_bytes()).hexdigest()[:12]
    return {"version": INDEX_VERSION, "fingerprint": corpus.fingerprint, "lexicon": lex,
            "phrasings": phrasings_fingerprint()}


def open_index(corpus: Corpus, progress: Progress | None = None) -> tuple[Any, Tokenizer]:
    """The index and tokenizer of a corpus, (re)built when missing, stale or corrupt."""
    from whoosh import index as windex
    from whoosh.index import IndexError as WhooshIndexError

    path = index_dir(corpus)
    for attempt in range(2):
        if attempt or not is_ready(path, corpus):
            build_index(corpus, path, progress)
        try:
            return windex.open_dir(str(path)), Tokenizer(path / "words.dict")
        except (WhooshIndexError, OSError, EOFError, ValueError) as exc:
            if progress:
                progress(f"索引损坏（{type(exc).__name__}），正在重建…")
    raise IndexProblem(f"{path}：索引无法建立或打开；请删除该文件夹后重试")


class IndexProblem(PolicyKGError):
    """The index is broken and rebuilding it did not help."""

    exit_code = 3
