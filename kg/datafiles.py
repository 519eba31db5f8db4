"""YAML data files: parsed safely, with a JSON copy kept in a cache folder when one is given.

Every question reads the lexicon, slot, intent and rule files; YAML (import and parse) costs a tenth of a
cold `ask`, JSON a fraction of that. The folder for the copies is passed in by whoever owns the settings
(the workspace); without one the file is simply parsed.

The package's own word lists and rule files (intents, slots, rules, actors) are the same for every
workspace and are read deep inside the pipeline; where their copies go is set once per process by the
entry point (`keep_package_copies_in`), the one process-wide setting, and only a speed-up: without it they
are parsed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import CorpusError
from .files import write_atomic


def read_yaml(text: str, prepare: Callable[[Any], Any] | None = None, tag: str = "",
              copies: Path | None = None) -> Any:
    """Safe YAML, or its JSON copy in `copies` when the same text was parsed before.

    `prepare` turns the parsed data into what is kept (the lexicon normalises its words), and `tag`
    names that preparation (and its version) so its copy is kept apart from the plain one. Data JSON
    cannot hold unchanged (dates, non-string keys) is not copied.
    """
    path = None
    if copies is not None:
        path = copies / (hashlib.sha1((tag + "\0" + text).encode("utf-8")).hexdigest() + ".json")
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    data = parse_yaml(text)
    if prepare is not None:
        data = prepare(data)
    if path is not None:
        _keep_copy(path, data)
    return data


def _keep_copy(path: Path, data: Any) -> None:
    try:
        copy = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    if json.loads(copy) == data:
        try:
            write_atomic(path, copy)
        except OSError:
            pass  # a read-only cache only costs the parse


_PACKAGE_COPIES: list[Path] = []


def keep_package_copies_in(folder: Path | None) -> None:
    """Where JSON copies of the package's own data files go (entry points call this; None: nowhere)."""
    _PACKAGE_COPIES[:] = [folder] if folder is not None else []


def read_package_yaml(path: Path) -> Any:
    """One of the package's own data files, through its JSON copy when the entry point set a folder."""
    return read_yaml(path.read_text(encoding="utf-8"), copies=_PACKAGE_COPIES[0] if _PACKAGE_COPIES else None)


def parse_yaml(text: str) -> Any:
    """Safe YAML, with the C parser when present (the pure-Python one costs ~70 ms a file)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


def load_yaml_file(path: Path, copies: Path | None = None) -> Any:
    """A YAML data file; an error names the file and line, on one line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}：不是 UTF-8 文本（第 {exc.start} 字节起无法解码）") from None
    except OSError as exc:
        from .files import os_reason

        raise CorpusError(f"{path}：无法读取（{os_reason(exc)}）") from None
    try:
        return read_yaml(text, copies=copies)
    except Exception as exc:
        import yaml  # only a failed parse needs its error types

        if not isinstance(exc, yaml.YAMLError):
            raise
        raise CorpusError(f"{path}{_yaml_where(exc)}：不是有效的 YAML（{_yaml_problem(exc)}）") from None


def _yaml_where(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return f":{mark.line + 1}" if mark else ""


def _yaml_problem(exc: Exception) -> str:
    """PyYAML's own words for what is wrong, without its multi-line excerpt of the file."""
    words = [w for w in (getattr(exc, "context", None), getattr(exc, "problem", None)) if w]
    return "，".join(words) if words else " ".join(str(exc).split())[:200]
