"""How people ask for a clause, in their words: the everyday phrasings written per unit (data).

A clause says 理论知识考场应当满足一人一桌，桌距不小于80cm; people ask 笔试座位隔多远. The lexicon links
words to words; these link a unit to the situations in which it is the answer (座位间隔, 单人单桌). They
were written per unit from the documents alone (assistant/data/phrasings/README.md says by whom and how),
never from the gold questions, and are indexed in a field of their own that weighs less than the clause's
own words: a phrasing helps a clause be found, the clause's text stays what is cited and shown.

A document without a phrasings file is searched by its own words only; a phrasing naming a unit the
corpus does not have is reported by `unknown_units` (a test keeps the shipped files clean). The folder
read is the workspace's: assistant/data/phrasings/ unless the entry point named another.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from pydantic import TypeAdapter

from kg.datafiles import load_yaml_file
from kg.errors import PolicyKGError
from kg.models import Corpus

FOLDER = Path(__file__).resolve().parent.parent / "data" / "phrasings"
_SHAPE = TypeAdapter(dict[str, list[str]])


class PhrasingsError(PolicyKGError):
    """A phrasings file that is not a mapping of unit id -> list of phrases."""

    exit_code = 3


def files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def phrasings(folder: Path = FOLDER) -> dict[str, tuple[str, ...]]:
    """Unit id -> its phrasings, from every file of a folder (read once per process and content: a folder
    whose files changed, as in leave-one-out evaluation, is read again)."""
    return _read_folder(folder, fingerprint(folder))


@lru_cache(maxsize=8)
def _read_folder(folder: Path, _fingerprint: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for path in files(folder):
        raw = read_lines(path.read_text(encoding="utf-8"))
        if raw is None:
            raw = load_yaml_file(path)  # a YAML error names the file and line
        try:
            data = _SHAPE.validate_python(raw or {})
        except ValueError as exc:
            raise PhrasingsError(f"{path}：{_first_bad(raw)}；每行应是 `条款 id: [说法, …]`") from exc
        for unit_id, phrases in data.items():
            clean = [p.strip() for p in phrases if p and p.strip()]
            out[unit_id] = tuple(dict.fromkeys([*out.get(unit_id, ()), *clean]))
    return out


def _first_bad(raw: object) -> str:
    """What is wrong with a file that is not a mapping of unit id -> list of phrases, in a user's words."""
    if not isinstance(raw, dict):
        return "文件不是“条款 id: 说法列表”的映射"
    for key, value in raw.items():
        if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
            return f"{key}：不是说法列表（{value!r:.40}）"
    return "有一项不是 `条款 id: [说法, …]`"


_LINE = re.compile(r"([A-Za-z0-9_./-]+): \[(.*)\]")
_YAML_SIGNS = re.compile(r"[\[\]{}'\"#&*!|>%@`]|: |^[-?,]")


def read_lines(text: str) -> dict[str, list[str]] | None:
    """The files' own shape, `unit id: [phrase, phrase]` per line, read without YAML; None when a line is
    anything else or a phrase holds a character YAML would read otherwise (the file then goes to YAML).
    Parsing YAML took a quarter of the 100x index build (600 files); this takes a tenth of that."""
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _LINE.fullmatch(line.rstrip())
        if m is None:
            return None
        items = [x.strip() for x in m.group(2).split(",")]
        if any(not x or _YAML_SIGNS.search(x) or _PLAIN_NOT_STRING.fullmatch(x) for x in items):
            return None
        out[m.group(1)] = items
    return out


_PLAIN_NOT_STRING = re.compile(r"[-+]?[0-9][0-9_.:eE+-]*|true|false|yes|no|on|off|null|~", re.IGNORECASE)


def unknown_units(corpus: Corpus, folder: Path = FOLDER) -> list[str]:
    """Phrased unit ids the corpus does not have (a renumbered document, a typo in the data)."""
    known = {u.id for u in corpus.units()}
    return sorted(u for u in phrasings(folder) if u not in known)


def fingerprint(folder: Path) -> str:
    """Changes whenever a phrasings file does: the index is rebuilt then."""
    digest = hashlib.sha256()
    for path in files(folder):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
