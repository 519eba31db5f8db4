"""The retrieval lexicon (assistant/data/lexicon.yaml), loaded once and validated."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from kg.corpus import read_yaml

DATA = Path(__file__).parent / "data" / "lexicon.yaml"


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
    """The lexicon, parsed once per process."""
    return Lexicon.model_validate(read_yaml(DATA.read_text(encoding="utf-8")))
