"""Built artefacts live in a cache directory keyed by the corpus fingerprint.

`$POLICYKG_CACHE` (or ~/.cache/policykg) holds one folder per corpus fingerprint; a changed
corpus gets a new folder, so nothing stale is ever read. Files are written to a temporary name
and renamed, so an interrupted build leaves no half-written file behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .corpus import default_corpus_dir, fingerprint
from .models import Corpus


def cache_root() -> Path:
    """Where all caches live: $POLICYKG_CACHE, else $XDG_CACHE_HOME/policykg."""
    env = os.environ.get("POLICYKG_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "policykg"


def cache_dir(corpus_dir: Path | None = None, fp: str | None = None) -> Path:
    """The cache folder for a corpus (created on demand)."""
    fp = fp or fingerprint(corpus_dir or default_corpus_dir())
    path = cache_root() / fp
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file via a temporary sibling and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_dir_atomic(build: Path, target: Path) -> None:
    """Swap a freshly built folder into place (old one removed after the swap)."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(build, target)
    shutil.rmtree(old, ignore_errors=True)


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


def load_corpus(corpus_dir: Path | None = None) -> Corpus:
    """The parsed corpus, from the cache when it matches the files, else parsed and cached."""
    corpus_dir = corpus_dir or default_corpus_dir()
    fp = fingerprint(corpus_dir)

    def parse() -> Corpus:
        from .parse import parse_corpus  # the parser's patterns are compiled only when it runs

        return parse_corpus(corpus_dir)

    return cached(cache_dir(fp=fp) / "corpus.json", Corpus, fp, parse)


def rules_fingerprint() -> str:
    """A hash of the extraction rules and their data: changed rules mean re-extracted facts."""
    import hashlib

    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted([*(here / "extract").glob("*.py"), *(here / "data").glob("*.yaml"),
                        here / "facts.py", here / "graph.py"]):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def load_facts(corpus: Corpus | None = None):  # type: ignore[no-untyped-def]
    """The extracted fact set of a corpus, cached beside it (rebuilt when stale or corrupt)."""
    from .extract import extract_all
    from .facts import FactSet

    corpus = corpus or load_corpus()
    path = cache_dir(fp=corpus.fingerprint) / f"facts-{rules_fingerprint()}.json"
    return cached(path, FactSet, corpus.fingerprint, lambda: extract_all(corpus))
