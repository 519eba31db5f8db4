"""Where the corpus lives and what its metadata says.

The embedded corpus ships inside the package (`policykg_corpus`, the repository's `corpus/`
folder); `POLICYKG_CORPUS` or `--corpus DIR` points at another folder of the same shape:
`NAME.txt` beside `NAME.meta.yaml`, plus an optional `places.yaml`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import CorpusError
from .models import DocumentMeta

PARSER_VERSION = "2"  # bump when parsing changes so caches keyed on the corpus are rebuilt


def default_corpus_dir() -> Path:
    """The corpus folder in use: $POLICYKG_CORPUS, else the embedded one."""
    env = os.environ.get("POLICYKG_CORPUS")
    if env:
        return Path(env)
    import policykg_corpus

    return Path(policykg_corpus.__file__).parent


def text_files(corpus_dir: Path) -> list[Path]:
    """The source texts, in file-name order (which is citation order)."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: corpus folder not found (set POLICYKG_CORPUS or pass --corpus)")
    files = sorted(corpus_dir.glob("*.txt"))
    if not files:
        raise CorpusError(f"{corpus_dir}: no .txt documents in the corpus folder")
    return files


def fingerprint(corpus_dir: Path) -> str:
    """A hash of every corpus file and the parser version: the cache key."""
    h = hashlib.sha256(PARSER_VERSION.encode())
    for path in sorted(corpus_dir.glob("*.txt")) + sorted(corpus_dir.glob("*.yaml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def read_yaml(text: str, prepare: Callable[[Any], Any] | None = None, tag: str = "") -> Any:
    """Safe YAML, parsed once: the data of a text seen before comes from a JSON copy in the cache.

    Every question reads the lexicon, slot, intent and rule files; YAML (import and parse) cost a
    tenth of a cold `ask`. Data JSON cannot hold unchanged (dates, non-string keys) is not cached.
    `prepare` turns the parsed data into what is kept (the lexicon normalises its words), and `tag`
    names that preparation (and its version) so its copy is kept apart from the plain one.
    """
    from .cache import cache_root, write_atomic

    path = cache_root() / "yaml" / (hashlib.sha1((tag + "\0" + text).encode("utf-8")).hexdigest() + ".json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = _parse_yaml(text)
    if prepare is not None:
        data = prepare(data)
    try:
        copy = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data
    if json.loads(copy) == data:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, copy)
        except OSError:
            pass  # a read-only cache only costs the parse
    return data


def _parse_yaml(text: str) -> Any:
    """Safe YAML, with the C parser when present (the pure-Python one costs ~70 ms a file)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


def load_yaml_file(path: Path) -> Any:
    """A YAML data file; a parse error names the file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        return read_yaml(text)
    except Exception as exc:
        import yaml  # only a failed parse needs its error types

        if not isinstance(exc, yaml.YAMLError):
            raise
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise CorpusError(f"{path}{line}: not valid YAML ({exc})") from exc


def load_meta(text_path: Path, meta_path: Path | None = None) -> list[DocumentMeta]:
    """The documents a text file carries, from the metadata file beside it."""
    meta_path = meta_path or text_path.with_suffix(".meta.yaml")
    if not meta_path.exists():
        raise CorpusError(f"{text_path}: no metadata file {meta_path.name} beside it "
                          "(see corpus/*.meta.yaml for the fields)")
    data = load_yaml_file(meta_path)
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise CorpusError(f"{meta_path}: expected a mapping with a `documents:` list")
    metas = []
    for i, entry in enumerate(data["documents"], 1):
        try:
            metas.append(DocumentMeta.model_validate({**entry, "source_file": text_path.name}))
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise CorpusError(f"{meta_path}: document {i}: {problems}") from exc
    return metas


def load_places(corpus_dir: Path) -> dict[str, Any]:
    """The place gazetteer (province -> cities, county -> city); empty if absent."""
    path = corpus_dir / "places.yaml"
    return load_yaml_file(path) if path.exists() else {}
