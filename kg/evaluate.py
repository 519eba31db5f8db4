"""Precision and recall of extracted facts against the gold annotation in queries/kg_gold/.

A fact matches a gold entry when it sits on the gold unit (or inside it) and states the same
value; each gold entry is matched once. Run `python -m kg.evaluate` for the figures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from .facts import Deadline, FactSet
from .models import Corpus


class GoldDeadline(BaseModel):
    """One annotated deadline or duration."""

    model_config = ConfigDict(extra="forbid")

    unit: str
    event: str
    amount: float | None = None
    unit_of: str | None = None
    direction: str
    windows: list[tuple[int, int, int]] = []
    note: str | None = None


class GoldCondition(BaseModel):
    """One annotated requirement or prohibition."""

    model_config = ConfigDict(extra="forbid")

    unit: str
    attribute: str
    value: float | bool
    words: str
    note: str | None = None


class GoldTrigger(BaseModel):
    """One annotated behaviour and the measures it leads to."""

    model_config = ConfigDict(extra="forbid")

    unit: str
    words: str
    measures: list[str]


class TypeScores(BaseModel):
    """Figures for one fact type."""

    gold: int
    extracted: int
    matched: int
    precision: float
    recall: float
    missed: list[str] = []
    spurious: list[str] = []


class KgReport(BaseModel):
    """Figures per fact type."""

    by_type: dict[str, TypeScores]


G = TypeVar("G", bound=BaseModel)


def _load(path: Path, model: type[G]) -> list[G]:
    from .datafiles import read_yaml

    return [model.model_validate(x) for x in read_yaml(path.read_text(encoding="utf-8"))]


def _inside(fact_unit: str, gold_unit: str) -> bool:
    return fact_unit == gold_unit or fact_unit.startswith(gold_unit + "/")


def _same_deadline(fact: Deadline, gold: GoldDeadline) -> bool:
    if not _inside(fact.provenance.unit_id, gold.unit):
        return False
    if gold.direction == "window":
        return fact.direction == "window" and [tuple(w) for w in fact.windows] == [tuple(w) for w in gold.windows]
    return fact.amount == gold.amount and fact.unit == gold.unit_of


def _score(found: list[Any], gold: list[Any], same: Callable[[Any, Any], bool], name: Callable[[Any], str],
           shown: Callable[[Any], str]) -> TypeScores:
    """Match each gold entry to one unused extracted fact; count what is left on both sides."""
    unmatched = list(found)
    missed = []
    for g in gold:
        hit = next((f for f in unmatched if same(f, g)), None)
        if hit is None:
            missed.append(name(g))
        else:
            unmatched.remove(hit)
    n, matched = len(found), len(gold) - len(missed)
    return TypeScores(gold=len(gold), extracted=n, matched=matched, precision=matched / n if n else 0.0,
                      recall=matched / len(gold) if gold else 0.0, missed=missed, spurious=[shown(f) for f in unmatched])


def load_gold_deadlines(gold_dir: Path) -> list[GoldDeadline]:
    """The deadlines annotations (validated: a malformed entry fails loudly)."""
    return _load(gold_dir / "deadlines.yaml", GoldDeadline)


def score_deadlines(facts: FactSet, gold: list[GoldDeadline]) -> TypeScores:
    """Precision/recall of the deadline facts."""
    return _score(facts.deadlines, gold, _same_deadline, lambda g: f"{g.unit} {g.event} {g.amount}{g.unit_of or ''}",
                  lambda f: f"{f.provenance.unit_id} {f.text}")


def load_gold_conditions(gold_dir: Path) -> list[GoldCondition]:
    """The conditions annotations (validated: a malformed entry fails loudly)."""
    return _load(gold_dir / "conditions.yaml", GoldCondition)


def score_conditions(facts: FactSet, gold: list[GoldCondition]) -> TypeScores:
    """Precision/recall of the condition facts: same unit, attribute and value."""
    def same(f: Any, g: GoldCondition) -> bool:
        return _inside(f.provenance.unit_id, g.unit) and f.attribute == g.attribute and f.value == g.value

    return _score(facts.conditions, gold, same, lambda g: f"{g.unit} {g.attribute}={g.value} ({g.words})",
                  lambda f: f"{f.provenance.unit_id} {f.attribute} {f.text}")


def load_gold_triggers(gold_dir: Path) -> list[GoldTrigger]:
    """The sanctions annotations (validated: a malformed entry fails loudly)."""
    return _load(gold_dir / "sanctions.yaml", GoldTrigger)


def score_triggers(facts: FactSet, gold: list[GoldTrigger]) -> TypeScores:
    """Precision/recall over (sanction, trigger) pairs: same behaviour, at least the gold measures."""
    def same(pair: Any, g: GoldTrigger) -> bool:
        sanction, trigger = pair
        return (_inside(trigger.provenance.unit_id, g.unit) and g.words in trigger.text
                and set(g.measures) <= set(sanction.measures))

    pairs = [(s, t) for s in facts.sanctions for t in s.triggers]
    return _score(pairs, gold, same, lambda g: f"{g.unit} {g.words} -> {g.measures}",
                  lambda p: f"{p[1].provenance.unit_id} {p[1].text[:30]}")


def evaluate_kg(corpus: Corpus, facts: FactSet, gold_dir: Path) -> KgReport:
    """Figures for every fact type that has a gold annotation."""
    return KgReport(by_type={"deadline": score_deadlines(facts, load_gold_deadlines(gold_dir)),
                             "condition": score_conditions(facts, load_gold_conditions(gold_dir)),
                             "sanction_trigger": score_triggers(facts, load_gold_triggers(gold_dir))})


def main() -> int:
    """Print the figures for the embedded corpus (python -m kg.evaluate [GOLD_DIR]); nothing is cached."""
    from .corpus import embedded_corpus_dir
    from .extract import extract_all
    from .parse import parse_corpus

    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("queries/kg_gold")
    corpus = parse_corpus(embedded_corpus_dir())
    report = evaluate_kg(corpus, extract_all(corpus), gold_dir)
    for name, s in report.by_type.items():
        print(f"{name:<10} gold {s.gold:>3}  extracted {s.extracted:>3}  precision {s.precision:.2f}  recall {s.recall:.2f}")
        for m in s.missed:
            print(f"   missed   {m}")
        for x in s.spurious:
            print(f"   spurious {x}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
