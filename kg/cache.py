"""Built artefacts live in a cache folder keyed by the corpus fingerprint.

The cache root is chosen by the entry point (the workspace) and passed in; it holds one folder per
corpus fingerprint, so a changed corpus gets a new folder and nothing stale is ever read. Files are
written to a temporary name and renamed (kg.files), so an interrupted build leaves no half-written file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from .corpus import fingerprint
from .files import write_atomic
from .models import Corpus

if TYPE_CHECKING:
    from .facts import FactSet
    from .graph import KnowledgeGraph


def cache_dir(root: Path, fp: str) -> Path:
    """The cache folder for one corpus fingerprint under a cache root (created on demand)."""
    path = root / fp
    path.mkdir(parents=True, exist_ok=True)
    return path


M = TypeVar("M", bound=BaseModel)


def cached(path: Path, model: type[M], fingerprint: str, build: Callable[[], M]) -> M:
    """A model from its cache file when it is whole and of this corpus, else built and written."""
    if path.exists():
        try:
            found = model.model_validate_json(path.read_bytes())
            if getattr(found, "fingerprint", None) == fingerprint:
                return found
        except ValueError:
            pass  # corrupt or from another version: rebuilt below, never trusted
    built = build()
    write_atomic(path, built.model_dump_json())
    return built


def load_corpus(corpus_dir: Path, root: Path) -> Corpus:
    """The parsed corpus of a folder, from the cache when it matches the files, else parsed and cached."""
    fp = fingerprint(corpus_dir)

    def parse() -> Corpus:
        from .parse import parse_corpus  # the parser's patterns are compiled only when it runs

        return parse_corpus(corpus_dir)

    corpus = cached(cache_dir(root, fp) / "corpus.json", Corpus, fp, parse)
    corpus.folder = corpus_dir
    return corpus


def rules_fingerprint() -> str:
    """A hash of the extraction rules and their data: changed rules mean re-extracted facts."""
    import hashlib

    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted([*(here / "extract").glob("*.py"), *(here / "data").glob("*.yaml"),
                        here / "facts.py", here / "graph.py"]):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def load_facts(corpus: Corpus, root: Path) -> FactSet:
    """The extracted fact set of a corpus, cached beside it (rebuilt when stale or corrupt)."""
    from .extract import extract_all
    from .facts import FactSet

    path = cache_dir(root, corpus.fingerprint) / f"facts-{rules_fingerprint()}.json"
    return cached(path, FactSet, corpus.fingerprint, lambda: extract_all(corpus))


def load_graph(corpus: Corpus, root: Path) -> KnowledgeGraph:
    """The graph of a corpus, from the cache when it matches, else built and cached."""
    from .graph import KnowledgeGraph, build_graph

    path = cache_dir(root, corpus.fingerprint) / f"graph-{rules_fingerprint()}.json"
    return cached(path, KnowledgeGraph, corpus.fingerprint, lambda: build_graph(corpus, load_facts(corpus, root)))
