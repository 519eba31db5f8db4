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
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

from assistant.lang.lexicon import Lexicon
from assistant.lang.text import normalize, normalize_many, numbers_to_arabic
from assistant.lang.tokenizer import Tokenizer, bigrams, build_dictionary
from assistant.search.phrasings import fingerprint as phrasings_fingerprint
from assistant.search.phrasings import phrasings
from assistant.workspace import Workspace
from kg.cache import cache_dir
from kg.errors import PolicyKGError
from kg.facts import Condition, Deadline, FactSet
from kg.files import replace_dir_atomic, write_atomic
from kg.models import Corpus, Unit

INDEX_VERSION = "33"
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


def fact_tags(corpus: Corpus, facts: FactSet) -> dict[str, list[str]]:
    """Unit id -> tags from the knowledge graph: the measures of the facts it states (unit:平方米)
    and the roles it names (actor:org:social_training_org). Retrieval boosts on them."""
    tags: dict[str, list[str]] = {}
    stated: list[Condition | Deadline] = [*facts.conditions, *facts.deadlines]
    for fact in stated:
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
        start = corpus.unit(unit_id)
        doc = corpus.doc(start.doc_id)
        unit: Unit | None = start
        while unit is not None and unit.kind not in ("chapter", "section", "annex", "annex_section"):
            out.add(unit.id)
            unit = doc.unit(unit.parent) if unit.parent else None
    return out


def normalised_phrasings(unit_ids: list[str], folder: Path) -> dict[str, list[str]]:
    """Each unit's phrasings, normalised like text (each distinct phrasing once: text.normalize_many)."""
    table = phrasings(folder)
    distinct = list(dict.fromkeys(p for u in unit_ids for p in table.get(u, ())))
    normal = dict(zip(distinct, normalize_many(distinct), strict=False))
    return {u: [normal[p] for p in table.get(u, ())] for u in unit_ids}


def normalise_each(phrases_of: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each unit's phrasings normalised like text (each distinct phrasing once)."""
    distinct = list(dict.fromkeys(p for ps in phrases_of.values() for p in ps))
    normal = dict(zip(distinct, normalize_many(distinct), strict=False))
    return {u: [normal[p] for p in ps] for u, ps in phrases_of.items()}


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


def _document(tok: Tokenizer, lexicon: Lexicon, corpus: Corpus, unit: Unit, tags: list[str],
              text: str | None = None, asked: Segmented | None = None) -> dict[str, str]:
    """The index fields of one unit as whoosh's own writer takes them (`text`: its normalised text, when
    already at hand; `asked`: its phrasings, segmented)."""
    fields = _fields(tok, lexicon, corpus, unit, tags, text, asked)
    return {name: value if isinstance(value, str) else " ".join(value) for name, value in fields.items()}


def _fields(tok: Tokenizer, lexicon: Lexicon, corpus: Corpus, unit: Unit, tags: list[str],
            text: str | None = None, asked: Segmented | None = None) -> dict[str, str | list[str]]:
    """The index fields of one unit; those made of words hold the word lists (words never hold a space, so
    WordSegmentWriter takes them as they are instead of joining them to split them again)."""
    text = text if text is not None else numbers_to_arabic(normalize(unit.text))
    context = numbers_to_arabic(normalize(_context_text(corpus, unit)))
    return {"unit_id": unit.id, "doc_id": unit.doc_id, "body": tok.words(text),
            "context": tok.words(context), "concepts": " ".join(lexicon.concepts_in(text)),
            "grams": bigrams(text), "facts": " ".join(dict.fromkeys(tags)),
            "asked": list(chain.from_iterable(words for words, _ in asked or []))}


def build_index(ws: Workspace, target: Path, progress: Progress | None = None) -> None:
    """Build the dictionary, the index and the tables beside it into a temporary folder, then swap it in.

    The synonym table (thesaurus, the word vectors' neighbours of the corpus's words, the characters' readings)
    needs the corpus's words alone: a process of its own reads what it needs from the machine while the corpus
    is parsed, and writes it while the corpus is indexed (assistant.lang.prepare)."""
    with _collector_paused():
        _build(ws, target, progress or (lambda _m: None))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while building: the build allocates millions of small objects (words,
    postings, rows) that live until it ends and form no cycles worth collecting, and each full collection walks
    all of them again (a tenth of the first build's CPU). The collector is back on, as it was, when it ends."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _build(ws: Workspace, target: Path, say: Progress) -> None:
    """build_index's work (the collector paused); the synonym table is written meanwhile by a process of its
    own (assistant.lang.prepare) when a core is idle, else here, as when that process failed."""
    import gc

    from assistant.lang import prepare
    from assistant.lang.synonyms import FILE as SYNONYMS_FILE
    from assistant.lang.synonyms import readable

    build = target.with_name(target.name + ".building")
    shutil.rmtree(build, ignore_errors=True)
    build.mkdir(parents=True)
    table = build / SYNONYMS_FILE
    corpus = ws.corpus  # parsed into the cache first, where the side process reads it
    # with a core to spare, a process of its own extracts the facts (unless loaded) and reads the machine's data
    facts_there = "facts" in vars(ws)
    side = prepare.start(ws.cache_root, None if facts_there else ws.corpus_dir) if prepare.spare_core() else None
    try:
        lexicon = ws.lexicon
        units = list(indexed_units(corpus))
        say(f"正在为 {len(units)} 个条款建立索引（首次使用或语料已更新）…")
        texts = [numbers_to_arabic(normalize(u.text)) for u in units]
        build_dictionary(texts, lexicon.all_words(), build / "words.dict")
        tok = Tokenizer(build / "words.dict")
        vocabulary, stop = {w for w, freq in tok.vocabulary().items() if freq}, set(lexicon.stopwords)
        prepare.ask(side, vocabulary, stop, table)
        if not facts_there:
            prepare.facts_ready(side)
        _write_index(ws, build, tok, units, texts)
        prepare.finish(side)
    except BaseException:
        prepare.finish(side, cancel=True)
        raise
    if not readable(table):  # the side process failed: the same table, written here
        gc.collect()  # the index writer's objects (cycles among them) are freed before the table's peak
        prepare.write_synonym_table(table, vocabulary, stop, ws.cache_root)
    for scratch in (table.with_name(table.name + ".words"), table.with_name(table.name + ".tmp")):
        scratch.unlink(missing_ok=True)
    write_atomic(build / "ready.json", json.dumps(_marker(ws)))
    replace_dir_atomic(build, target)
    say("索引已建立。")


def _write_index(ws: Workspace, build: Path, tok: Tokenizer, units: list[Unit], texts: list[str]) -> None:
    """The whoosh segment of the units (their normalised `texts`) and the phrasings table beside it."""
    from whoosh import index as windex

    from assistant.search.phrasings_made import made_phrasings
    from assistant.search.phrasings_table import FILE as ASKED_FILE
    from assistant.search.phrasings_table import Row
    from assistant.search.phrasings_table import write_table as write_asked
    from assistant.search.segment import WordSegmentWriter

    corpus, lexicon = ws.corpus, ws.lexicon
    tags = fact_tags(corpus, ws.facts)
    ix = windex.create_in(str(build), _schema())
    writer = WordSegmentWriter(ix)
    rows: dict[str, Row] = {}
    seen: dict[str, Phrasing] = {}
    phrases_of, stop = normalised_phrasings([u.id for u in units], ws.phrasings_dir), set(lexicon.stopwords)
    made_of = normalise_each(made_phrasings(corpus, ws.facts, units, lexicon,
                                            {u.id: t for u, t in zip(units, texts, strict=False)}))
    try:
        for unit, text in zip(units, texts, strict=False):
            segmented = segment_phrasings(tok, phrases_of[unit.id], stop, seen)
            made = segment_phrasings(tok, made_of[unit.id], stop, seen)
            writer.add_words(_fields(tok, lexicon, corpus, unit, tags.get(unit.id, []), text, segmented + made))
            if segmented or made:  # the phrasings as one text, apart (no word spans two), for coverage and pairs
                rows[unit.id] = Row(";".join(phrases_of[unit.id]), [content for _, content in segmented if content],
                                    ";".join(made_of[unit.id]), [content for _, content in made if content])
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    write_asked(build / ASKED_FILE, rows)


def index_dir(ws: Workspace) -> Path:
    """Where the index of a workspace's corpus lives."""
    return cache_dir(ws.cache_root, ws.corpus.fingerprint) / "index"


def is_ready(path: Path, ws: Workspace) -> bool:
    """Whether a finished index of this version and corpus is at path, with the files built beside it
    (a missing dictionary or synonym table would quietly change every answer)."""
    from assistant.lang.synonyms import FILE as SYNONYMS_FILE
    from assistant.lang.synonyms import readable
    from assistant.search.phrasings_table import FILE as ASKED_FILE

    try:
        marker = json.loads((path / "ready.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    beside = all((path / name).is_file() for name in ("words.dict", SYNONYMS_FILE, ASKED_FILE))
    return bool(marker == _marker(ws)) and beside and readable(path / SYNONYMS_FILE)


def _marker(ws: Workspace) -> dict[str, str]:
    """What an index was built from: code version, corpus, lexicon and phrasings (a change rebuilds)."""
    import hashlib

    lex = hashlib.sha256(ws.lexicon_file.read_bytes()).hexdigest()[:12]
    return {"version": INDEX_VERSION, "fingerprint": ws.corpus.fingerprint, "lexicon": lex,
            "phrasings": phrasings_fingerprint(ws.phrasings_dir), "code": _builder_code()}


# What decides an index's contents besides the corpus: a change to any of these rebuilds it, so an upgrade
# never answers from an index its old code built (INDEX_VERSION stays for changes elsewhere).
_BUILDER_FILES = ("search/index.py", "search/segment.py", "search/postings.py", "search/phrasings.py",
                  "search/phrasings_table.py", "search/phrasings_made.py", "lang/text.py", "lang/tokenizer.py",
                  "lang/synonyms.py", "lang/vectors.py", "lang/sounds.py", "lang/prepare.py",
                  "data/question_words.yaml")


@lru_cache(maxsize=1)
def _builder_code() -> str:
    """A digest of the modules and data that build the index (read once per process)."""
    import hashlib

    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for name in _BUILDER_FILES:
        path = root / name
        if path.exists():
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


@contextmanager
def building(path: Path) -> Iterator[None]:
    """Hold the build lock of an index folder (an advisory lock on a file beside it, released on exit,
    also when the process is killed), so concurrent first builds build once."""
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def open_index(ws: Workspace, progress: Progress | None = None) -> tuple[Any, Tokenizer]:
    """The index and tokenizer of a corpus, (re)built when missing, stale or corrupt."""
    from assistant.search.whoosh_import import import_whoosh

    windex = import_whoosh()
    from whoosh.index import IndexError as WhooshIndexError

    path = index_dir(ws)
    for attempt in range(2):
        if attempt or not is_ready(path, ws):
            with building(path):  # two processes on a cold cache: one builds, the other waits and reuses it
                if attempt or not is_ready(path, ws):
                    build_index(ws, path, progress)
        try:
            return windex.open_dir(str(path)), Tokenizer(path / "words.dict")
        except (WhooshIndexError, OSError, EOFError, ValueError) as exc:
            if progress:
                progress(f"索引损坏（{type(exc).__name__}），正在重建…")
    raise IndexProblem(f"{path}：索引无法建立或打开；请删除该文件夹后重试")


class IndexProblem(PolicyKGError):
    """The index is broken and rebuilding it did not help."""

    exit_code = 3
