"""Cross-jurisdiction comparison tables, filled from the knowledge graph's facts.

A topic (assistant/compare/topics.yaml) names the condition attributes, deadline events or
sanctions that make its rows; each cell is a value with the unit that states it. A row whose
jurisdictions say different things is flagged.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from kg.errors import PolicyKGError
from kg.facts import FactSet
from kg.models import Corpus

if TYPE_CHECKING:
    from assistant.search.retriever import Hit, Retriever

Search = Callable[[str, int], "list[Hit]"]  # (topic words, how many) -> ranked hits

TOPICS = Path(__file__).parent / "topics.yaml"
# 比较 here is safe: the intent must be a comparison too (engine.py), and 情节比较轻 is not. The yes/no forms
# (一样吗, 相同吗) ask whether two places differ as much as 有什么不同 does.
COMPARE_WORDS = ("各地", "对比", "比较", "区别", "不同", "差异", "差别", "分别", "异同", "哪些地方", "各省", "各市",
                 "一样吗", "不一样", "一不一样", "是否一样", "相同吗", "是否相同", "一致吗", "是否一致", "相比")


DIRECTION = {"at_least": "≥", "within": "≤", "at_most": "≤", "before": "提前", "at_least_before": "提前",
             "within_before": "届满前", "every": "每"}


class Cell(BaseModel):
    """What one jurisdiction says on one row."""

    value: str
    text: str
    unit_id: str
    label: str


class Row(BaseModel):
    """One requirement across jurisdictions."""

    requirement: str
    cells: dict[str, list[Cell]]
    differs: bool


class ComparisonTable(BaseModel):
    """Jurisdictions × requirements for a topic."""

    topic: str
    jurisdictions: list[str]
    rows: list[Row]


class UnknownTopic(PolicyKGError):
    """A topic with no table; lists the known ones."""

    exit_code = 1


@lru_cache(maxsize=1)
def topics() -> dict[str, dict[str, Any]]:
    """The topic vocabulary."""
    from kg.datafiles import read_package_yaml

    return dict(read_package_yaml(TOPICS))


def match_topic(text: str) -> str | None:
    """The topic a question or name is about (exact name, synonym, then fuzzy)."""
    names = topics()
    for name, spec in names.items():
        if name in text or any(s in text for s in spec.get("synonyms", [])):
            return name
    close = difflib.get_close_matches(text, list(names), n=1, cutoff=0.5)
    return close[0] if close else None


def _did_you_mean(text: str) -> str:
    """A nearby topic by shared characters, so a near miss (档案期限) is pointed at 档案保存."""
    def overlap(name: str) -> float:
        words = [name, *topics()[name].get("synonyms", [])]
        return max(difflib.SequenceMatcher(None, text, w).ratio() for w in words)

    best = max(topics(), key=overlap)
    return f"是否要找“{best}”？" if overlap(best) >= 0.3 else ""


def is_comparison(question: str) -> bool:
    """Whether a question asks how jurisdictions differ."""
    return any(w in question for w in COMPARE_WORDS)


def _amount(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    shown = int(value) if float(value).is_integer() else value
    return f"{shown}{unit or ''}"


def _jurisdiction(corpus: Corpus, doc_id: str) -> str:
    return corpus.doc(doc_id).meta.jurisdiction


def _cell(corpus: Corpus, value: str, text: str, unit_id: str) -> Cell:
    return Cell(value=value, text=text, unit_id=unit_id, label=corpus.unit(unit_id).label)


def _condition_rows(spec: dict[str, Any], corpus: Corpus, facts: FactSet) -> list[tuple[str, str, Cell]]:
    out = []
    for c in facts.conditions:
        label = spec.get("attributes", {}).get(c.attribute)
        if label:
            value = _amount(c.value, c.unit) if isinstance(c.value, float) else ("须具备" if c.value else "不得")
            op = "≤" if c.comparator == "<=" else "≥" if c.comparator == ">=" else ""
            out.append((label, _jurisdiction(corpus, c.provenance.doc_id),
                        _cell(corpus, f"{op}{value}", c.text, c.provenance.unit_id)))
    return out


def _deadline_rows(spec: dict[str, Any], corpus: Corpus, facts: FactSet) -> list[tuple[str, str, Cell]]:
    out = []
    for d in facts.deadlines:
        label = spec.get("deadline_events", {}).get(d.event)
        if label:
            value = DIRECTION.get(d.direction, "") + (_amount(d.amount, d.unit) or d.text)
            value += "内" if d.direction == "within_before" and d.amount is not None else ""
            if d.event != label and d.event not in value:
                value += f"（{d.event}）"
            out.append((label, _jurisdiction(corpus, d.provenance.doc_id),
                        _cell(corpus, value, d.text, d.provenance.unit_id)))
    return out


def _sanction_rows(corpus: Corpus, facts: FactSet) -> list[tuple[str, str, Cell]]:
    out = []
    for s in facts.sanctions:
        row = s.qualifier or ("列举情形" if len(s.triggers) > 1 else "其他情形")
        out.append((f"处理措施（{row}）", _jurisdiction(corpus, s.provenance.doc_id),
                    _cell(corpus, "、".join(s.measures), s.text[:60], s.provenance.unit_id)))
    return out


def _fallback_rows(query: str, corpus: Corpus, search: Search) -> list[tuple[str, str, Cell]]:
    """Per jurisdiction, the clause the search finds for the topic (topics that are not numbers): one
    search, its hits read per jurisdiction."""
    found = search(query, 60)
    out = []
    for j in dict.fromkeys(d.meta.jurisdiction for d in corpus.documents):
        docs = {d.meta.id for d in corpus.documents if d.meta.jurisdiction == j}
        hits = [h for h in found if h.unit_id.split("/")[0] in docs]
        if hits and hits[0].matched_terms:
            unit = corpus.unit(hits[0].unit_id)
            out.append(("相关条款", j, _cell(corpus, unit.path, unit.text.split("\n", 1)[0][:60], unit.id)))
    return out


def compare(topic_or_question: str, corpus: Corpus, facts: FactSet, jurisdictions: list[str] | None = None,
            retriever: Retriever | None = None) -> ComparisonTable:
    """The comparison table of a topic, optionally for some jurisdictions only; topics that are not numbers
    read the clauses the engine's search finds (`retriever`; without one, such rows are left out)."""
    topic = match_topic(topic_or_question)
    if topic is None:
        raise UnknownTopic(f"没有“{topic_or_question}”这个比较主题。{_did_you_mean(topic_or_question)}"
                           f"可用主题：{'、'.join(topics())}")
    spec = topics()[topic]
    found = _condition_rows(spec, corpus, facts) + _deadline_rows(spec, corpus, facts)
    if spec.get("sanctions"):
        found += _sanction_rows(corpus, facts)
    if spec.get("fallback") and retriever is not None:
        found += _fallback_rows(spec["fallback"], corpus, lambda q, n: retriever.search(q, limit=n).hits)
    wanted = [j for j in dict.fromkeys(d.meta.jurisdiction for d in corpus.documents)
              if not jurisdictions or any(w in j for w in jurisdictions)]
    rows: dict[str, dict[str, list[Cell]]] = {}
    for requirement, j, cell in found:
        if j in wanted:
            rows.setdefault(requirement, {}).setdefault(j, []).append(cell)
    return ComparisonTable(topic=topic, jurisdictions=wanted, rows=[
        Row(requirement=r, cells=cells, differs=len({tuple(sorted(c.value for c in v)) for v in cells.values()}) > 1)
        for r, cells in rows.items()])


def _labels(kind: str) -> dict[str, str]:
    """Every row name the comparison topics give an attribute or a deadline event (their own wording)."""
    names: dict[str, str] = {}
    for spec in topics().values():
        names.update(spec.get(kind, {}))
    return names


def attribute_name(attribute: str) -> str:
    """A condition attribute's row name: the comparison topics' wording, else the vocabulary's."""
    from kg.facts import ATTRIBUTES

    found = _labels("attributes").get(attribute)
    return found or ATTRIBUTES.get(attribute, attribute).split(" (")[0].split(" ")[0]


def table_of(topic: str, corpus: Corpus, facts: FactSet, unit_ids: list[str],
             jurisdictions: list[str]) -> ComparisonTable:
    """The table of the facts some units state (a briefing's clauses): one row per condition attribute,
    deadline event and sanction, named as the comparison topics name them, one column per jurisdiction."""
    def inside(unit_id: str) -> bool:
        return any(unit_id == u or unit_id.startswith(u + "/") for u in unit_ids)

    held = FactSet(fingerprint=facts.fingerprint,
                   conditions=[c for c in facts.conditions if inside(c.provenance.unit_id)],
                   deadlines=[d for d in facts.deadlines if inside(d.provenance.unit_id)],
                   sanctions=[s for s in facts.sanctions
                              if inside(s.provenance.unit_id) or any(inside(t.provenance.unit_id) for t in s.triggers)])
    spec = {"attributes": {c.attribute: attribute_name(c.attribute) for c in held.conditions},
            "deadline_events": {d.event: _labels("deadline_events").get(d.event, d.event) for d in held.deadlines}}
    found = _condition_rows(spec, corpus, held) + _deadline_rows(spec, corpus, held)
    for sanction in held.sanctions:  # cited where the units list the behaviour, when they do not hold the sanction
        where = sanction.provenance.unit_id if inside(sanction.provenance.unit_id) else next(
            t.provenance.unit_id for t in sanction.triggers if inside(t.provenance.unit_id))
        row = sanction.qualifier or ("列举情形" if len(sanction.triggers) > 1 else "其他情形")
        found.append((f"处理措施（{row}）", _jurisdiction(corpus, sanction.provenance.doc_id),
                      _cell(corpus, "、".join(sanction.measures), corpus.unit(where).text[:60], where)))
    rows: dict[str, dict[str, list[Cell]]] = {}
    for requirement, j, cell in found:
        if j in jurisdictions:
            rows.setdefault(requirement, {}).setdefault(j, []).append(cell)
    return ComparisonTable(topic=topic, jurisdictions=jurisdictions, rows=[
        Row(requirement=r, cells=cells, differs=len({tuple(sorted(c.value for c in v)) for v in cells.values()}) > 1)
        for r, cells in rows.items()])
