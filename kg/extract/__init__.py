"""Facts from units, by rules over the text: every fact carries the characters it was read from.

`extract_all(corpus)` is the one entry point; each fact type has its own module. A fact found in
both an article and its item is kept once, on the most specific unit that states it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..corpus import default_corpus_dir
from ..facts import Deadline, FactSet
from ..models import Corpus, Unit
from .deadlines import deadlines_in
from .spans import UnitText

SKIP = {"preamble", "closing", "chapter"}


def _units(corpus: Corpus) -> Iterator[Unit]:
    for unit in corpus.units():
        if unit.kind in SKIP or (unit.kind in ("section", "annex", "annex_section") and unit.children):
            continue
        yield unit


def _unit_texts(corpus: Corpus, corpus_dir: Path, warnings: list[str]) -> Iterator[UnitText]:
    for unit in _units(corpus):
        path = corpus_dir / corpus.doc(unit.doc_id).meta.source_file
        ut = UnitText(unit, path)
        if ut.offsets and ut.text != unit.text:
            warnings.append(f"{path.name}: {unit.id}: text does not align with its source span; skipped")
            continue
        yield ut


def _most_specific(facts: list[Deadline]) -> list[Deadline]:
    """One fact per source span, on the deepest unit that holds it."""
    best: dict[tuple[int, int, str], Deadline] = {}
    for fact in facts:
        key = (fact.provenance.start, fact.provenance.end, fact.direction)
        held = best.get(key)
        if held is None or fact.provenance.unit_id.count("/") > held.provenance.unit_id.count("/"):
            best[key] = fact
    return sorted(best.values(), key=lambda f: (f.provenance.doc_id, f.provenance.start))


def _numbered(facts: list[Deadline], prefix: str) -> list[Deadline]:
    counts: dict[str, int] = {}
    out = []
    for fact in facts:
        unit = fact.provenance.unit_id
        counts[unit] = counts.get(unit, 0) + 1
        out.append(fact.model_copy(update={"id": f"{prefix}:{unit}#{counts[unit]}"}))
    return out


def _collect(texts: list[UnitText], finder: Callable[[UnitText], Iterator[Deadline]], warnings: list[str]) -> list[Deadline]:
    found: list[Deadline] = []
    for ut in texts:
        try:
            found.extend(finder(ut))
        except (ValueError, IndexError) as exc:
            warnings.append(f"{ut.unit.doc_id}: {ut.unit.id}: {finder.__name__} skipped ({exc})")
    return found


def extract_all(corpus: Corpus, corpus_dir: Path | None = None) -> FactSet:
    """Every fact the rules find in a corpus."""
    warnings: list[str] = []
    texts = list(_unit_texts(corpus, corpus_dir or default_corpus_dir(), warnings))
    deadlines = _numbered(_most_specific(_collect(texts, deadlines_in, warnings)), "deadline")
    return FactSet(fingerprint=corpus.fingerprint, deadlines=deadlines, warnings=warnings)
