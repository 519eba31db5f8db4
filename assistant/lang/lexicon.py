"""The retrieval lexicon (assistant/data/lexicon.yaml), loaded once and validated."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kg.corpus import read_yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "lexicon.yaml"


class Concept(BaseModel):
    """One idea and the words the documents use for it."""

    triggers: list[str]
    expand: list[str]
    weight: float = 0.6  # generic concepts (处理, 申请) weigh less than specific ones (替考)


class Quantity(BaseModel):
    """Words asking for an amount, and the measure words an answering clause uses."""

    triggers: list[str]
    units: list[str]


class Lexicon(BaseModel):
    """Terms kept whole, stopwords, concepts, and amount questions."""

    terms: list[str]
    stopwords: list[str]
    concepts: dict[str, Concept]
    quantities: list[Quantity] = []
    asks: dict[str, list[str]] = {}  # fact kind (condition, sanction, deadline) -> words asking for it

    def all_words(self) -> set[str]:
        """Every word the tokenizer dictionary must know."""
        words = set(self.terms)
        for c in self.concepts.values():
            words.update(w for w in c.triggers + c.expand if not w.isascii())
        return words


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, parsed once per process, its words spelt as normalised text spells them.

    Questions and documents are matched after normalisation (四级 -> 4级, full-width brackets -> ASCII), so a
    trigger written 一年考几次 or an expansion written 五级 would otherwise never meet a question or a clause."""
    return Lexicon.model_validate(read_yaml(DATA.read_text(encoding="utf-8"), _normalised, "lexicon-normalised-1"))


def _normalised(data: Any) -> Any:
    """Every string of the lexicon's data normalised like text; mapping keys (concept names) kept."""
    from assistant.lang.text import normalize_many

    strings: list[str] = []
    _collect(data, strings)
    return _rebuild(data, iter(normalize_many(strings)))


def _collect(data: Any, out: list[str]) -> None:
    if isinstance(data, str):
        out.append(data)
    elif isinstance(data, list):
        for x in data:
            _collect(x, out)
    elif isinstance(data, dict):
        for v in data.values():
            _collect(v, out)


def _rebuild(data: Any, done: Any) -> Any:
    if isinstance(data, str):
        return next(done)
    if isinstance(data, list):
        return [_rebuild(x, done) for x in data]
    if isinstance(data, dict):
        return {k: _rebuild(v, done) for k, v in data.items()}
    return data
