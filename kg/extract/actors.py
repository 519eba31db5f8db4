"""Actors: the taxonomy in kg/data/actors.yaml, and which units name which role.

A longer alias wins over a shorter one inside it (社会培训评价组织 is not also 评价组织 there).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..datafiles import read_package_yaml
from ..facts import Actor
from ..models import Corpus

DATA = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"
CATEGORY = {"authorities": "authority", "organisations": "organisation", "people": "person"}


@lru_cache(maxsize=1)
def taxonomy() -> tuple[Actor, ...]:
    """Every actor of the taxonomy (validated)."""
    data = read_package_yaml(DATA)
    return tuple(Actor(id=actor_id, category=CATEGORY[group], **fields)
                 for group, actors in data.items() for actor_id, fields in actors.items())


@lru_cache(maxsize=1)
def _aliases() -> tuple[tuple[str, str], ...]:
    """(alias, actor id), longest first."""
    return tuple(sorted(((a, actor.id) for actor in taxonomy() for a in actor.aliases), key=lambda p: -len(p[0])))


def mentions_in(text: str) -> list[str]:
    """Actor ids a text names, longest aliases first so overlaps resolve to the specific role."""
    aliases = _aliases()
    taken = [False] * len(text)
    found: list[str] = []
    for alias, actor_id in aliases:
        start = text.find(alias)
        while start >= 0:
            if not any(taken[start: start + len(alias)]):
                taken[start: start + len(alias)] = [True] * len(alias)
                found.append(actor_id)
            start = text.find(alias, start + 1)
    return list(dict.fromkeys(found))


def mentions(corpus: Corpus) -> dict[str, list[str]]:
    """Unit id -> actor ids the unit names."""
    return {u.id: ids for u in corpus.units() if (ids := mentions_in(u.text))}
