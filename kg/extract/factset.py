"""The whole FactSet of a corpus: every extractor run over every unit, duplicates resolved.

A fact found in both an article and its item is kept once, on the most specific unit that states it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from ..facts import Condition, Deadline, FactSet
from ..models import Corpus, Unit
from .actors import mentions, taxonomy
from .conditions import conditions_in
from .context import REFUSAL_CUE, addressees, for_people, lead, listed, refused
from .deadlines import deadlines_in
from .ids import identify_conditions, identify_deadlines, identify_references, identify_sanctions
from .links import link_triggers
from .references import Directory, references_in
from .refusals import refusals_in
from .requirements import requirements_in
from .sanctions import sanctions_in
from .spans import UnitText
from .stated import stated_in
from .unnamed import KEPT, unnamed_in

SKIP = {"preamble", "closing", "chapter"}
LOOKBACK_REACH = 16  # characters between a look-back (近3年内) and the prohibition it opens
F = TypeVar("F", bound=Any)


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
        yield ut.unwrap()


def _most_specific(facts: list[F]) -> list[F]:
    """One fact per source span of a document, on the deepest unit that holds it (two documents may hold
    facts at the same offsets of their own files)."""
    best: dict[tuple[str, int, int, str], F] = {}
    for fact in facts:
        kind = getattr(fact, "direction", "") or getattr(fact, "attribute", "") or getattr(fact, "kind", "")
        key = (fact.provenance.doc_id, fact.provenance.start, fact.provenance.end, kind)
        held = best.get(key)
        if held is None or fact.provenance.unit_id.count("/") > held.provenance.unit_id.count("/"):
            best[key] = fact
    return sorted(best.values(), key=lambda f: (f.provenance.doc_id, f.provenance.start))


def _not_claimed(deadlines: list[Deadline], conditions: list[Condition]) -> list[Deadline]:
    """One fact, one kind: time a condition reads (租赁期不少于5年, 规范开展评价工作满2年, 3年内年审不合格)
    is not also a deadline."""
    spans: dict[str, list[tuple[int, int]]] = {}
    looks: dict[str, list[tuple[int, float]]] = {}
    for c in conditions:
        spans.setdefault(c.provenance.doc_id, []).append((c.provenance.start, c.provenance.end))
        if c.lookback is not None:  # 近3年内受到行政处罚: the 3年内 is the prohibition's look-back
            looks.setdefault(c.provenance.doc_id, []).append((c.provenance.start, c.lookback.amount))
    return [d for d in deadlines
            if not any(a < d.provenance.end and d.provenance.start < b for a, b in spans.get(d.provenance.doc_id, []))
            and not any(0 <= at - d.provenance.end <= LOOKBACK_REACH and d.amount == amount
                        for at, amount in looks.get(d.provenance.doc_id, []))]


def _collect(texts: list[UnitText], finder: Callable[[UnitText], Iterator[F]], warnings: list[str]) -> list[F]:
    found: list[F] = []
    for ut in texts:
        try:
            found.extend(finder(ut))
        except (ValueError, IndexError) as exc:
            name = getattr(finder, "__name__", "extractor")
            warnings.append(f"{ut.unit.doc_id}: {ut.unit.id}: {name} skipped ({exc})")
    return found


def _with_subject(corpus: Corpus, fact: F) -> F:
    """A requirement that names no organisation type binds the ones its enclosing headings or list lead-in
    name (浙江 第八条（二）社会评价组织 › 1. 独立法人主体), else those its document's title names (企业 of a notice
    on enterprises' evaluation)."""
    if fact.subject:
        return fact
    found = addressees(corpus, corpus.unit(fact.provenance.unit_id), fact.provenance.quote)
    return fact.model_copy(update={"subject": found[0], "subjects": found}) if found else fact


def _conditions(corpus: Corpus, texts: list[UnitText],
                warnings: list[str]) -> tuple[list[Condition], list[Condition]]:
    """Amounts and fixed yes/no patterns of every unit, then the yes/no requirements of the genre's grammar
    where they state something the others do not, the thresholds of a list of conditions no attribute
    names, what the items of a list of refusals forbid, and any other requirement a clause of a list (or a duty
    of an organisation to build something of its own) states in its own words; apart, the thresholds read but not kept (time a
    list of conditions requires: no deadline either)."""
    found = [c for c in _collect(texts, conditions_in, warnings) if not _plan_target(corpus, c)]
    taken = _spans(found)
    more = _collect(texts, lambda ut: requirements_in(ut, listed(corpus, ut.unit)), warnings)
    found += [c for c in more if not _overlaps(c, taken)]  # 未被列入失信名单 is bad_record already
    unnamed = _collect(texts, lambda ut: unnamed_in(ut, listed(corpus, ut.unit)), warnings)
    found += [c for c in unnamed if c.attribute in KEPT]
    taken = _spans(found)
    banned = _collect(texts, lambda ut: refusals_in(ut, refused(corpus, ut.unit)), warnings)
    found += [c for c in banned if not _overlaps(c, taken)]
    taken = _spans(found + unnamed)
    stated = _collect(texts, lambda ut: stated_in(ut, _organisation_list(corpus, ut.unit)), warnings)
    found += [c for c in stated if not _overlaps(c, taken)]  # what no named kind or amount reads
    left_out = [c for c in unnamed if c.attribute not in KEPT]
    return [_with_subject(corpus, c) for c in _most_specific(found)], left_out


# A plan of work (工作方案, 实施方案, 行动计划, 规划) sets targets for a territory (持证人员总量达到130万人以上, 年培训2万
# 人次以上): outside a list of conditions its amounts are goals, not requirements on an organisation.
PLAN_TITLE = re.compile(r"(?:工作|实施|行动)方案|行动计划|规划")


def _plan_target(corpus: Corpus, fact: Condition) -> bool:
    """Whether an amount is a target of a plan rather than a condition (see PLAN_TITLE)."""
    if fact.value is None or isinstance(fact.value, bool):
        return False
    unit = corpus.unit(fact.provenance.unit_id)
    return bool(PLAN_TITLE.search(corpus.doc(unit.doc_id).meta.title)) and not listed(corpus, unit)


def _organisation_list(corpus: Corpus, unit: Unit) -> bool:
    """An item of a list of conditions on an organisation: not of refusals (kg/extract/refusals.py reads those),
    not of conditions on people."""
    doc = corpus.doc(unit.doc_id)
    return (listed(corpus, unit) and not refused(corpus, unit) and not REFUSAL_CUE.search(lead(doc, unit))
            and not for_people(corpus, unit))


def _spans(facts: list[Condition]) -> dict[str, set[tuple[int, int]]]:
    """Document id -> the source spans its facts hold: a fact is checked against its own document's spans
    only (checking every document's made the corpus at 100x spend most of its extraction here)."""
    out: dict[str, set[tuple[int, int]]] = {}
    for c in facts:
        out.setdefault(c.provenance.doc_id, set()).add((c.provenance.start, c.provenance.end))
    return out


def _overlaps(fact: Condition, spans: dict[str, set[tuple[int, int]]]) -> bool:
    p = fact.provenance
    return any(a < p.end and p.start < b for a, b in spans.get(p.doc_id, ()))


def extract_all(corpus: Corpus, corpus_dir: Path | None = None) -> FactSet:
    """Every fact the rules find in a corpus."""
    warnings: list[str] = []
    corpus_dir = corpus_dir or corpus.require_folder()
    texts = list(_unit_texts(corpus, corpus_dir, warnings))
    conditions, left_out = _conditions(corpus, texts, warnings)
    conditions = identify_conditions(conditions)
    deadlines = _most_specific(_collect(texts, deadlines_in, warnings))
    deadlines = identify_deadlines(_not_claimed(deadlines, conditions + left_out))
    sanctions = identify_sanctions(sanctions_in(corpus, corpus_dir, {ut.unit.id: ut for ut in texts}))
    sanctions = link_triggers(sanctions, conditions, deadlines, corpus)
    directory = Directory(corpus)
    refs = _collect(texts, lambda ut: references_in(ut, directory), warnings)
    references = identify_references(_most_specific(refs))
    return FactSet(fingerprint=corpus.fingerprint, deadlines=deadlines, conditions=conditions,
                   sanctions=sanctions, references=references, actors=list(taxonomy()),
                   mentions=mentions(corpus), warnings=warnings)
