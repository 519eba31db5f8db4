"""How people ask for a clause, in their words: the everyday phrasings written per unit (data).

A clause says 理论知识考场应当满足一人一桌，桌距不小于80cm; people ask 笔试座位隔多远. The lexicon links
words to words; these link a unit to the situations in which it is the answer (座位间隔, 单人单桌). They
were written per unit from the documents alone (assistant/data/phrasings/README.md says by whom and how),
never from the gold questions, and are indexed in a field of their own that weighs less than the clause's
own words: a phrasing helps a clause be found, the clause's text stays what is cited and shown.

A document without a phrasings file is searched by its own words only; a phrasing naming a unit the
corpus does not have is reported by `unknown_units` (a test keeps the shipped files clean).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pydantic import TypeAdapter

from kg.corpus import load_yaml_file
from kg.errors import PolicyKGError
from kg.models import Corpus

FOLDER = Path(__file__).parent / "data" / "phrasings"
_SHAPE = TypeAdapter(dict[str, list[str]])


class PhrasingsError(PolicyKGError):
    """A phrasings file that is not a mapping of unit id -> list of phrases."""

    exit_code = 3


def files() -> list[Path]:
    return sorted(FOLDER.glob("*.yaml"))


@lru_cache(maxsize=1)
def phrasings() -> dict[str, tuple[str, ...]]:
    """Unit id -> its phrasings, from every file of the folder (read once per process)."""
    out: dict[str, tuple[str, ...]] = {}
    for path in files():
        raw = load_yaml_file(path)  # a YAML error names the file and line
        try:
            data = _SHAPE.validate_python(raw or {})
        except ValueError as exc:
            raise PhrasingsError(f"{path}: expected `unit id: [phrase, …]` lines ({str(exc).splitlines()[0]})") from exc
        for unit_id, phrases in data.items():
            clean = [p.strip() for p in phrases if p and p.strip()]
            out[unit_id] = tuple(dict.fromkeys([*out.get(unit_id, ()), *clean]))
    return out


def unknown_units(corpus: Corpus) -> list[str]:
    """Phrased unit ids the corpus does not have (a renumbered document, a typo in the data)."""
    known = {u.id for u in corpus.units()}
    return sorted(u for u in phrasings() if u not in known)


def fingerprint() -> str:
    """Changes whenever a phrasings file does: the index is rebuilt then."""
    digest = hashlib.sha256()
    for path in files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
