"""The retrieval lexicon (assistant/data/lexicon.yaml), loaded once and validated."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, PrivateAttr

from kg.datafiles import read_yaml

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
    _alternatives: dict[str, tuple[str, ...]] = PrivateAttr(default_factory=dict)
    _finder: ConceptFinder | None = PrivateAttr(default=None)
    _triggers: tuple[dict[str, set[str]], str] | None = PrivateAttr(default=None)

    def all_words(self) -> set[str]:
        """Every word the tokenizer dictionary must know."""
        words = set(self.terms)
        for c in self.concepts.values():
            words.update(w for w in c.triggers + c.expand if not w.isascii())
        return words

    def triggered(self, text: str) -> list[str]:
        """The concepts a (normalised) text names by one of their triggers."""
        return [name for name, c in self.concepts.items() if any(t in text for t in c.triggers)]

    def alternatives(self, word: str) -> tuple[str, ...]:
        """The documents' words for a question word (the concepts it triggers), remembered per word.

        A trigger inside the word always counts (外部考点 holds 考点). The word inside triggers counts only
        when few concepts have it so (替考 in 找人替考): a common word found inside many triggers (考试, 证书)
        would make every clause "say" it and coverage would stop telling clauses apart."""
        found = self._alternatives.get(word)
        if found is None:
            owners, joined = self._trigger_index()
            spans = {word[i:j] for i in range(len(word)) for j in range(i + 1, len(word) + 1)} | {""}
            holding = {n for span in spans for n in owners.get(span, ())}
            named = [n for n in self.concepts if n in holding]
            inside = [n for n, c in self.concepts.items() if n not in holding and any(word in t for t in c.triggers)
                      ] if word in joined else []  # no trigger holds the word: no need to look through them
            if len(inside) <= MAX_INSIDE_TRIGGERS:
                named += inside
            found = self._alternatives[word] = tuple(e for n in named for e in self.concepts[n].expand)
        return found

    def _trigger_index(self) -> tuple[dict[str, set[str]], str]:
        """Trigger -> the concepts it triggers, and every trigger in one text (apart by a character no
        trigger holds): a new question word is looked up by its spans instead of against ~1500 triggers."""
        if self._triggers is None:
            owners: dict[str, set[str]] = {}
            for name, concept in self.concepts.items():
                for trigger in concept.triggers:
                    owners.setdefault(trigger, set()).add(name)
            self._triggers = (owners, "\0".join(owners))
        return self._triggers

    def concepts_in(self, text: str) -> list[str]:
        """The concepts whose document words occur in a text (for the index's concepts field)."""
        if self._finder is None:
            self._finder = ConceptFinder(self)
        return self._finder.find(text)


MAX_INSIDE_TRIGGERS = 3  # concepts a question word may name by appearing inside their triggers


class ConceptFinder:
    """Finds the concepts whose document words occur in a text, sentence by sentence: no concept word
    holds a 。, and a sentence met before, in another unit or a copy of the document, is not scanned again.

    Words are looked up by first character (a regex alternation of ~1500 words tried each one at every
    position: 5.8 s for the 100x corpus against 1.2 s)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.owners: dict[str, set[str]] = {}
        for name, concept in lexicon.concepts.items():
            for word in concept.expand:
                if word:
                    self.owners.setdefault(word, set()).add(name)
        self.by_first: dict[str, list[str]] = {}
        for word in self.owners:
            self.by_first.setdefault(word[0], []).append(word)
        self.order = {name: i for i, name in enumerate(lexicon.concepts)}
        self.sentences: dict[str, frozenset[str]] = {}

    def find(self, text: str) -> list[str]:
        found: set[str] = set()
        for sentence in text.split("。"):
            found |= self._of_sentence(sentence)
        return sorted(found, key=self.order.__getitem__)

    def _of_sentence(self, sentence: str) -> frozenset[str]:
        known = self.sentences.get(sentence)
        if known is None:
            hits: set[str] = set()
            for i, ch in enumerate(sentence):
                for word in self.by_first.get(ch, ()):
                    if sentence.startswith(word, i):
                        hits |= self.owners[word]
            if len(self.sentences) > 65536:
                self.sentences.clear()
            known = self.sentences[sentence] = frozenset(hits)
        return known


@lru_cache(maxsize=8)
def load_lexicon(path: Path = DATA, copies: Path | None = None) -> Lexicon:
    """A lexicon file, parsed once per process, its words spelt as normalised text spells them.

    Questions and documents are matched after normalisation (四级 -> 4级, full-width brackets -> ASCII), so a
    trigger written 一年考几次 or an expansion written 五级 would otherwise never meet a question or a clause.
    `copies` is a folder for a JSON copy of the parsed file (parsing the YAML costs ~0.1 s)."""
    return Lexicon.model_validate(read_yaml(path.read_text(encoding="utf-8"), _normalised, "lexicon-normalised-1",
                                            copies=copies))


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
