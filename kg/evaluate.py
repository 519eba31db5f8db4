"""Precision and recall of extracted facts against gold facts (kg/gold.py), two ways.

- *value* check: a fact matches a gold entry when it sits on the gold unit (or inside it) and states the
  same value (conditions: attribute and value; deadlines: amount and unit; triggers: words and measures);
- *full* check: the same, and every other field the annotator wrote agrees too — comparator, unit,
  scope, subjects and look-back of a condition; direction, event, anchor and actor of a deadline; the
  party a sanction falls on. `field_errors` counts, among value matches, the fields that disagree.

Each gold entry is matched once. Run `python -m kg.evaluate [GOLD_DIR]` for the figures.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .extract.quantities import same_unit
from .extract.requirements import kind_named
from .facts import ATTRIBUTES, Condition, Deadline, FactSet, Sanction, Trigger
from .gold import (
    ANNOTATOR_VOCABULARY,
    GENERIC,
    GoldCondition,
    GoldDeadline,
    GoldSet,
    GoldTrigger,
    actor_ids,
    load_gold,
    part_documents,
    part_names,
)
from .models import Corpus


class TypeScores(BaseModel):
    """Figures for one fact type (precision / recall: the value check; full_*: every annotated field)."""

    gold: int
    extracted: int
    matched: int
    precision: float
    recall: float
    full_matched: int = 0
    full_precision: float = 0.0
    full_recall: float = 0.0
    field_errors: dict[str, int] = {}
    missed: list[str] = []
    spurious: list[str] = []
    unscored: int = 0  # facts of kinds this gold does not annotate (the genre's open yes/no requirements)
    wrong: list[str] = []  # value matches with a disagreeing field: "unit … field: got X, gold Y"


class KgReport(BaseModel):
    """Figures per fact type."""

    by_type: dict[str, TypeScores]


def _inside(fact_unit: str, gold_unit: str) -> bool:
    return fact_unit == gold_unit or fact_unit.startswith(gold_unit + "/")


def _alike(a: str | None, b: str | None) -> bool:
    """Two free-text names agree when equal or one holds the other (档案保存 / 纸质档案保存)."""
    if not a or not b:
        return not a and not b
    return a in b or b in a


def _same_deadline(fact: Deadline, gold: GoldDeadline) -> bool:
    if not _inside(fact.provenance.unit_id, gold.unit):
        return False
    if gold.direction == "window":
        return fact.direction == "window" and [tuple(w) for w in fact.windows] == [tuple(w) for w in gold.windows]
    return fact.amount == gold.amount and (fact.unit == gold.unit_of or same_unit(fact.unit, gold.unit_of))


def deadline_disagreements(fact: Deadline, gold: GoldDeadline) -> dict[str, tuple[Any, Any]]:
    """Annotated fields of a value-matched deadline that the fact gets wrong: field -> (got, gold)."""
    out: dict[str, tuple[Any, Any]] = {}
    if fact.direction != gold.direction:
        out["direction"] = (fact.direction, gold.direction)
    if not _alike(fact.event, gold.event):
        out["event"] = (fact.event, gold.event)
    if "anchor" in gold.model_fields_set and not _alike(fact.anchor, gold.anchor):
        out["anchor"] = (fact.anchor, gold.anchor)
    if "actor" in gold.model_fields_set:
        wanted = actor_ids(gold.actor)
        if not ({fact.actor} & wanted if fact.actor else not wanted):
            out["actor"] = (fact.actor, gold.actor)
    return out


def _overlap(a: str, b: str, least: int = 4) -> bool:
    """Two phrases share a run of `least` characters (or the shorter one entirely)."""
    short, long_ = sorted((a, b), key=len)
    n = min(least, len(short))
    return any(short[i: i + n] in long_ for i in range(len(short) - n + 1))


def _same_attribute(fact: Condition, gold: GoldCondition, named: set[str]) -> bool:
    """The same attribute. Annotators write `other` (with a note) for a requirement outside the names they
    had (kg.gold.ANNOTATOR_VOCABULARY and the names the gold itself uses): it matches a fact of a name outside those
    that states the same words (信用良好 → good_credit). A name neither the extractor nor the annotators' vocabulary
    has is the annotator's own for an amount (evaluation_years): a fact of any name with the same words matches it."""
    if gold.attribute == "other":
        return fact.attribute not in named and _overlap(fact.text, gold.words)
    if not _known(gold.attribute):  # a name of the annotator's own (evaluation_years): the words and value decide
        return _overlap(fact.text, gold.words)
    return fact.attribute == gold.attribute


def _known(name: str) -> bool:
    """Whether an attribute name is one the extractor or the annotators' vocabulary has."""
    return name in ATTRIBUTES or name in ANNOTATOR_VOCABULARY or kind_named(name) is not None


def _same_condition(fact: Condition, gold: GoldCondition, named: set[str] | None = None) -> bool:
    named = set(ANNOTATOR_VOCABULARY) if named is None else named
    return (_inside(fact.provenance.unit_id, gold.unit) and _same_attribute(fact, gold, named)
            and fact.value == gold.value)


def annotated_names(gold: list[GoldCondition]) -> set[str]:
    """The attribute names annotators had: the vocabulary and every name the gold uses."""
    return set(ANNOTATOR_VOCABULARY) | {g.attribute for g in gold} - {"other"}


def annotates_open_requirements(gold: list[GoldCondition]) -> bool:
    """Whether a gold set annotates the genre's open yes/no requirements (制度, 机制, 信用良好 …): an `other`
    entry or one of the kinds of kg/data/requirements.yaml. One that does not (kg_gold, written when only
    the named attributes were annotated) does not score them: they are counted as unscored."""
    return any(g.attribute == "other" or kind_named(g.attribute) for g in gold)


def _lookback(fact: Condition) -> str | None:
    if fact.lookback is None:
        return fact.lookback_words
    amount = fact.lookback.amount
    return f"{int(amount) if float(amount).is_integer() else amount}{fact.lookback.unit}"


def _period_words(words: str | None) -> str | None:
    """A look-back as amount and unit when the words count one (近三年内 = 三年 = 3年), else the words themselves."""
    from .extract.quantities import number_value

    m = re.fullmatch(r"\s*(?:近|最近|过去)?\s*([0-9一二两三四五六七八九十半]+)\s*(年|个月|月)\s*(?:内|以内|来)?\s*", words or "")
    if not m:
        return words
    amount = number_value(m.group(1))
    return f"{int(amount) if amount.is_integer() else amount}{'月' if m.group(2) == '个月' else m.group(2)}"


def _same_lookback(got: str | None, wanted: str | None) -> bool:
    """Two look-backs agree when they count the same past (近三年内 = 3年) or name the same one (有效期内)."""
    return _period_words(got) == _period_words(wanted)


def condition_disagreements(fact: Condition, gold: GoldCondition) -> dict[str, tuple[Any, Any]]:
    """Annotated fields of a value-matched condition that the fact gets wrong: field -> (got, gold)."""
    wanted = gold.comparator
    if isinstance(gold.value, bool) and wanted in (None, "=="):  # 具有法人资格 == true is "exists"
        wanted = "exists" if gold.value else "absent"
    checks: dict[str, tuple[Any, Any, bool]] = {
        "comparator": (fact.comparator, wanted, wanted is None or fact.comparator == wanted),
        "unit": (fact.unit, gold.unit_of, "unit_of" not in gold.model_fields_set or same_unit(fact.unit, gold.unit_of)),
        "scope": (fact.scope, gold.scope, "scope" not in gold.model_fields_set or _same_scope(fact.scope, gold.scope)),
        "subjects": (fact.subjects, gold.subjects, gold.subjects is None or set(fact.subjects) == set(gold.subjects)),
        "subject": (fact.subjects, gold.subject, "subject" not in gold.model_fields_set or _has_subject(fact, gold.subject)),
        "lookback": (_lookback(fact), gold.lookback, "lookback" not in gold.model_fields_set
                     or _same_lookback(_lookback(fact), gold.lookback)),
        "value_max": (fact.value_max, gold.value_max, "value_max" not in gold.model_fields_set
                      or fact.value_max == gold.value_max),
    }
    return {name: (got, want) for name, (got, want, ok) in checks.items() if not ok}


def _has_subject(fact: Condition, wanted: str | list[str] | None) -> bool:
    """A single annotated subject (an actor id or a name, kg.gold.actor_ids): the fact binds it (any of a
    list); null, or the applicant in general (评价机构): the fact names no particular kind."""
    ids = actor_ids(wanted)
    if not ids - GENERIC:
        return not set(fact.subjects) - GENERIC
    return bool(ids & set(fact.subjects))


def _same_scope(a: str | None, b: str | None) -> bool:
    """每个职业 = 每职业 = 各职业; 每个职业（工种） = 每个职业(工种)."""
    def norm(s: str | None) -> str:
        return (s or "").replace("(", "（").replace(")", "）").replace("各", "每").replace("个", "").replace("一", "")
    return norm(a) == norm(b)


def _score(found: list[Any], gold: list[Any], same: Callable[[Any, Any], bool],
           differ: Callable[[Any, Any], dict[str, tuple[Any, Any]]], name: Callable[[Any], str],
           shown: Callable[[Any], str]) -> TypeScores:
    """Match each gold entry to one unused extracted fact (preferring one right in every field);
    count what is left on both sides and which fields disagree."""
    unmatched = list(found)
    missed: list[str] = []
    wrong: list[str] = []
    errors: dict[str, int] = {}
    full = 0
    for g in gold:
        hits = [f for f in unmatched if same(f, g)]
        if not hits:
            missed.append(name(g))
            continue
        hit = min(hits, key=lambda f: len(differ(f, g)))
        unmatched.remove(hit)
        problems = differ(hit, g)
        full += not problems
        for field, (got, want) in problems.items():
            errors[field] = errors.get(field, 0) + 1
            wrong.append(f"{name(g)}  {field}: got {got!r}, gold {want!r}")
    n, matched = len(found), len(gold) - len(missed)
    return TypeScores(gold=len(gold), extracted=n, matched=matched, precision=matched / n if n else 0.0,
                      recall=matched / len(gold) if gold else 0.0, full_matched=full,
                      full_precision=full / n if n else 0.0, full_recall=full / len(gold) if gold else 0.0,
                      field_errors=errors, missed=missed, spurious=[shown(f) for f in unmatched], wrong=wrong)


def _no_fields(_a: Any, _b: Any) -> dict[str, tuple[Any, Any]]:
    return {}


def load_gold_deadlines(gold_dir: Path) -> list[GoldDeadline]:
    """The deadline annotations (validated: a malformed entry fails loudly)."""
    return load_gold(gold_dir).deadlines


def score_deadlines(facts: FactSet, gold: list[GoldDeadline]) -> TypeScores:
    """Precision/recall of the deadline facts."""
    return _score(facts.deadlines, gold, _same_deadline, deadline_disagreements,
                  lambda g: f"{g.unit} {g.event} {g.amount}{g.unit_of or ''}", lambda f: f"{f.provenance.unit_id} {f.text}")


def load_gold_conditions(gold_dir: Path) -> list[GoldCondition]:
    """The condition annotations (validated: a malformed entry fails loudly)."""
    return load_gold(gold_dir).conditions


def score_conditions(facts: FactSet, gold: list[GoldCondition]) -> TypeScores:
    """Precision/recall of the condition facts: same unit, attribute and value (then every annotated field)."""
    named = annotated_names(gold)
    return _score(facts.conditions, gold, lambda f, g: _same_condition(f, g, named), condition_disagreements,
                  lambda g: f"{g.unit} {g.attribute}={g.value} ({g.words})",
                  lambda f: f"{f.provenance.unit_id} {f.attribute} {f.text}")


def load_gold_triggers(gold_dir: Path) -> list[GoldTrigger]:
    """The sanction annotations (validated: a malformed entry fails loudly)."""
    return load_gold(gold_dir).triggers


def _trigger_disagreements(pair: tuple[Sanction, Trigger], gold: GoldTrigger) -> dict[str, tuple[Any, Any]]:
    sanction, _ = pair
    if gold.sanctioned is not None and not set(gold.sanctioned) <= set(sanction.sanctioned):
        return {"sanctioned": (sanction.sanctioned, gold.sanctioned)}
    if gold.party is not None:
        wanted = actor_ids(gold.party)
        if not wanted & set(sanction.sanctioned):
            return {"sanctioned": (sanction.sanctioned, gold.party)}
    return {}


def _behaviour_words(gold: GoldTrigger) -> str:
    """The behaviour's words without the 的 that closes it as a condition (…评价工作的，→ …评价工作)."""
    return gold.words.rstrip("的，,；; ")


def _has_measure(sanction: Sanction, measure: str) -> bool:
    """The sanction imposes the measure: one of its measures, or, for a name outside the vocabulary (the
    annotator's own: 两年内不再接受备案申请), words its sentence shares with it."""
    from .extract.sanctions import MEASURES

    if measure in sanction.measures:
        return True
    return measure not in {name for _, name in MEASURES} and _overlap(measure, sanction.text)


def score_triggers(facts: FactSet, gold: list[GoldTrigger]) -> TypeScores:
    """Precision/recall over (sanction, trigger) pairs: same behaviour, at least the gold measures."""
    def same(pair: Any, g: GoldTrigger) -> bool:
        sanction, trigger = pair
        return (_inside(trigger.provenance.unit_id, g.unit) and _behaviour_words(g) in trigger.text
                and all(_has_measure(sanction, m) for m in g.measures))

    pairs = [(s, t) for s in facts.sanctions for t in s.triggers]
    return _score(pairs, gold, same, _trigger_disagreements, lambda g: f"{g.unit} {g.words} -> {g.measures}",
                  lambda p: f"{p[1].provenance.unit_id} {p[1].text[:30]}")


def _only(facts: FactSet, docs: set[str]) -> FactSet:
    """The facts of some documents (a gold folder covers only the documents it annotates)."""
    keep = {"deadlines": [d for d in facts.deadlines if d.provenance.doc_id in docs],
            "conditions": [c for c in facts.conditions if c.provenance.doc_id in docs],
            "sanctions": [s for s in facts.sanctions if s.provenance.doc_id in docs]}
    return facts.model_copy(update=keep)


def select_part(gold: GoldSet, docs: set[str]) -> GoldSet:
    """The gold entries of some documents only (one part of a split gold folder)."""
    def keep(entries: list[Any]) -> list[Any]:
        return [e for e in entries if e.unit.split("/", 1)[0] in docs]

    return GoldSet(deadlines=keep(gold.deadlines), conditions=keep(gold.conditions), triggers=keep(gold.triggers))


def part_of(corpus: Corpus, gold_dir: Path, part: str | None) -> set[str] | None:
    """The documents of a part of the gold folder (None: no part asked, or the folder is not split)."""
    if part is None or not part_names(gold_dir):
        return None
    return part_documents(gold_dir, {d.meta.id: d.meta.source_file for d in corpus.documents}, part)


def evaluate_kg(corpus: Corpus, facts: FactSet, gold_dir: Path, part: str | None = None) -> KgReport:
    """Figures for every fact type that has a gold annotation, over the documents the gold covers (only
    those of `part` when the folder is split into parts: parts.yaml)."""
    gold = load_gold(gold_dir)
    chosen = part_of(corpus, gold_dir, part)
    if chosen is not None:
        gold = select_part(gold, chosen)
    entries: list[GoldDeadline | GoldCondition | GoldTrigger] = [*gold.deadlines, *gold.conditions, *gold.triggers]
    docs = {e.unit.split("/", 1)[0] for e in entries} | (chosen or set())
    facts = _only(facts, docs & {d.meta.id for d in corpus.documents})
    unscored = 0
    if not annotates_open_requirements(gold.conditions):
        kept = [c for c in facts.conditions if not kind_named(c.attribute)]
        unscored = len(facts.conditions) - len(kept)
        facts = facts.model_copy(update={"conditions": kept})
    conditions = score_conditions(facts, gold.conditions).model_copy(update={"unscored": unscored})
    report = {"deadline": score_deadlines(facts, gold.deadlines), "condition": conditions}
    if gold.triggers:
        report["sanction_trigger"] = score_triggers(facts, gold.triggers)
    return KgReport(by_type=report)


def main() -> int:
    """Print the figures for the embedded corpus (python -m kg.evaluate [GOLD_DIR]); nothing is cached."""
    from .corpus import embedded_corpus_dir
    from .extract import extract_all
    from .parse import parse_corpus

    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("queries/kg_gold")
    corpus = parse_corpus(embedded_corpus_dir())
    report = evaluate_kg(corpus, extract_all(corpus), gold_dir)
    for name, s in report.by_type.items():
        print(f"{name:<10} gold {s.gold:>3}  extracted {s.extracted:>3}  precision {s.precision:.2f}  "
              f"recall {s.recall:.2f}  full check {s.full_precision:.2f} / {s.full_recall:.2f}"
              + (f"  (+{s.unscored} yes/no facts of kinds this gold does not annotate)" if s.unscored else ""))
        for m in s.missed:
            print(f"   missed   {m}")
        for x in s.spurious:
            print(f"   spurious {x}")
        for w in s.wrong:
            print(f"   wrong    {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
