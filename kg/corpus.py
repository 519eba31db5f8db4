"""Where the corpus lives and what its metadata says.

The embedded corpus ships inside the package (`policykg_corpus`, the repository's `corpus/`
folder); an entry point may choose another folder of the same shape: `NAME.txt` beside
`NAME.meta.yaml`, plus an optional `places.yaml`. Nothing here reads the environment.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .datafiles import load_yaml_file
from .errors import CorpusError
from .models import DocumentMeta

PARSER_VERSION = "2"  # bump when parsing changes so caches keyed on the corpus are rebuilt
# The parser's own modules: a change to any of them changes every corpus fingerprint, so a parse cached by an
# older parser (a page break that used to swallow 第四条) is never read back after an upgrade.
_PARSER_MODULES = ("parse.py", "markers.py", "layout.py", "source.py", "prose.py", "tables.py", "tree.py",
                   "numerals.py", "models.py", "corpus.py", "provisional.py")


def embedded_corpus_dir() -> Path:
    """The corpus shipped inside the package (the repository's corpus/ folder)."""
    import policykg_corpus

    return Path(policykg_corpus.__file__).parent


def text_files(corpus_dir: Path) -> list[Path]:
    """The source texts, in file-name order (which is citation order)."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}：找不到语料文件夹（用 --corpus 或 POLICYKG_CORPUS 指定）")
    files = sorted(corpus_dir.glob("*.txt"))
    if not files:
        raise CorpusError(f"{corpus_dir}：语料文件夹中没有 .txt 文档")
    return files


def fingerprint(corpus_dir: Path) -> str:
    """A hash of every corpus file, the parser version and the parser's code: the cache key."""
    h = hashlib.sha256(PARSER_VERSION.encode())
    h.update(_parser_code())
    for path in sorted(corpus_dir.glob("*.txt")) + sorted(corpus_dir.glob("*.yaml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def _parser_code() -> bytes:
    """A digest of the parser's modules (read once per process)."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in _PARSER_MODULES:
        path = here / name
        if path.exists():
            h.update(path.read_bytes())
    return h.digest()


def load_meta(text_path: Path, meta_path: Path | None = None) -> list[DocumentMeta]:
    """The documents a text file carries, from the metadata file beside it."""
    meta_path = meta_path or text_path.with_suffix(".meta.yaml")
    if not meta_path.exists():
        raise CorpusError(f"{text_path}：旁边没有元数据文件 {meta_path.name}（字段见 corpus/*.meta.yaml）")
    data = load_yaml_file(meta_path)
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise CorpusError(f"{meta_path}：应是一个含 `documents:` 列表的映射")
    metas = []
    for i, entry in enumerate(data["documents"], 1):
        if not isinstance(entry, dict):
            raise CorpusError(f"{meta_path}：第 {i} 个文档应是字段映射（id、title……）")
        try:
            metas.append(DocumentMeta.model_validate({**entry, "source_file": text_path.name}))
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise CorpusError(f"{meta_path}：第 {i} 个文档：{' '.join(problems.split())}") from None
    return metas


def load_places(corpus_dir: Path, copies: Path | None = None) -> dict[str, Any]:
    """The place gazetteer (province -> cities, county -> city); empty if absent."""
    path = corpus_dir / "places.yaml"
    return load_yaml_file(path, copies) if path.exists() else {}
