"""Precision and recall of extracted facts against the gold annotation in queries/kg_gold/.

A fact matches a gold entry when it sits on the gold unit (or inside it) and states the same
value; each gold entry is matched once. Run `python -m kg.evaluate` for the figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

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


def _inside(fact_unit: str, gold_unit: str) -> bool:
    return fact_unit == gold_unit or fact_unit.startswith(gold_unit + "/")


def _same_deadline(fact: Deadline, gold: GoldDeadline) -> bool:
    if not _inside(fact.provenance.unit_id, gold.unit):
        return False
    if gold.direction == "window":
        return fact.direction == "window" and [tuple(w) for w in fact.windows] == [tuple(w) for w in gold.windows]
    return fact.amount == gold.amount and fact.unit == gold.unit_of


def load_gold_deadlines(gold_dir: Path) -> list[GoldDeadline]:
    """The deadline annotations (validated: a malformed entry fails loudly)."""
    import yaml

    path = gold_dir / "deadlines.yaml"
    return [GoldDeadline.model_validate(x) for x in yaml.safe_load(path.read_text(encoding="utf-8"))]


def score_deadlines(facts: FactSet, gold: list[GoldDeadline]) -> TypeScores:
    """Precision/recall of the deadline facts."""
    unmatched = list(facts.deadlines)
    missed = []
    for g in gold:
        hit = next((f for f in unmatched if _same_deadline(f, g)), None)
        if hit is None:
            missed.append(f"{g.unit} {g.event} {g.amount}{g.unit_of or ''}")
        else:
            unmatched.remove(hit)
    matched = len(gold) - len(missed)
    n = len(facts.deadlines)
    return TypeScores(gold=len(gold), extracted=n, matched=matched, precision=matched / n if n else 0.0,
                      recall=matched / len(gold) if gold else 0.0, missed=missed,
                      spurious=[f"{f.provenance.unit_id} {f.text}" for f in unmatched])


def load_gold_conditions(gold_dir: Path) -> list[GoldCondition]:
    """The condition annotations."""
    import yaml

    path = gold_dir / "conditions.yaml"
    return [GoldCondition.model_validate(x) for x in yaml.safe_load(path.read_text(encoding="utf-8"))]


def score_conditions(facts: FactSet, gold: list[GoldCondition]) -> TypeScores:
    """Precision/recall of the condition facts: same unit, attribute and value."""
    unmatched = list(facts.conditions)
    missed = []
    for g in gold:
        hit = next((f for f in unmatched if _inside(f.provenance.unit_id, g.unit) and f.attribute == g.attribute
                    and f.value == g.value), None)
        if hit is None:
            missed.append(f"{g.unit} {g.attribute}={g.value} ({g.words})")
        else:
            unmatched.remove(hit)
    n, matched = len(facts.conditions), len(gold) - len(missed)
    return TypeScores(gold=len(gold), extracted=n, matched=matched, precision=matched / n if n else 0.0,
                      recall=matched / len(gold) if gold else 0.0, missed=missed,
                      spurious=[f"{f.provenance.unit_id} {f.attribute} {f.text}" for f in unmatched])


def load_gold_triggers(gold_dir: Path) -> list[GoldTrigger]:
    """The sanction-trigger annotations."""
    import yaml

    path = gold_dir / "sanctions.yaml"
    return [GoldTrigger.model_validate(x) for x in yaml.safe_load(path.read_text(encoding="utf-8"))]


def score_triggers(facts: FactSet, gold: list[GoldTrigger]) -> TypeScores:
    """Precision/recall over (sanction, trigger) pairs: same behaviour, at least the gold measures."""
    pairs = [(s, t) for s in facts.sanctions for t in s.triggers]
    unmatched = list(range(len(pairs)))
    missed = []
    for g in gold:
        hit = next((i for i in unmatched if _inside(pairs[i][1].provenance.unit_id, g.unit)
                    and g.words in pairs[i][1].text and set(g.measures) <= set(pairs[i][0].measures)), None)
        if hit is None:
            missed.append(f"{g.unit} {g.words} -> {g.measures}")
        else:
            unmatched.remove(hit)
    n, matched = len(pairs), len(gold) - len(missed)
    return TypeScores(gold=len(gold), extracted=n, matched=matched, precision=matched / n if n else 0.0,
                      recall=matched / len(gold) if gold else 0.0, missed=missed,
                      spurious=[f"{pairs[i][1].provenance.unit_id} {pairs[i][1].text[:30]}" for i in unmatched])


def evaluate_kg(corpus: Corpus, facts: FactSet, gold_dir: Path) -> KgReport:
    """Figures for every fact type that has a gold annotation."""
    return KgReport(by_type={"deadline": score_deadlines(facts, load_gold_deadlines(gold_dir)),
                             "condition": score_conditions(facts, load_gold_conditions(gold_dir)),
                             "sanction_trigger": score_triggers(facts, load_gold_triggers(gold_dir))})


def main() -> int:
    """Print the figures (python -m kg.evaluate [GOLD_DIR])."""
    from .cache import load_corpus
    from .extract import extract_all

    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("queries/kg_gold")
    corpus = load_corpus()
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
