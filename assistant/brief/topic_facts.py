"""The graph's side of a briefing: units holding a fact of the topic, and the facts of cited units that are
about it (not every fact a long clause holds)."""

from __future__ import annotations

from collections.abc import Callable

from kg.facts import FactSet

from .topic_words import ABOUT, TopicWords


def fact_units(topic: str, words: TopicWords, facts: FactSet, norm: Callable[[str], str]) -> dict[str, bool]:
    """Units holding a fact of the topic -> whether the fact names the topic by itself.

    A deadline of the topic's event, a condition of the topic's attribute (as the comparison topics list
    them, trusted when the topic is that comparison topic by name or synonym), or a sanction whose trigger
    or measures state the topic. A deadline whose event is only a part of the topic (公示 of 收费公示)
    is held but does not name it."""
    spec = comparison(topic)
    events, attributes = set(spec.get("deadline_events", {})), set(spec.get("attributes", {}))
    out: dict[str, bool] = {}

    def add(unit_id: str, named: bool) -> None:
        out[unit_id] = out.get(unit_id, False) or named

    for d in facts.deadlines:
        if d.event in events or d.event in words.query.text or words.stated(norm(d.event)) >= ABOUT:
            add(d.provenance.unit_id, d.event in events or words.stated(norm(d.event)) >= ABOUT)
    from assistant.compare.table import attribute_name

    for c in facts.conditions:
        if c.attribute in attributes or words.stated(norm(attribute_name(c.attribute))) >= ABOUT:
            add(c.provenance.unit_id, True)
    for s in facts.sanctions:
        for t in s.triggers:
            if words.stated(norm(t.text)) >= 0.99:
                add(t.provenance.unit_id, True)
        if any(words.stated(norm(m)) >= 0.99 for m in s.measures):
            add(s.provenance.unit_id, True)
    return out


def topic_facts(facts: FactSet, units: list[str], words: TopicWords, spec: dict,
                norm: Callable[[str], str]) -> FactSet:
    """The facts of some units that are about the topic: of the kind the topic asks for (期限 -> deadlines,
    处理 -> sanctions, 要求 -> conditions), of the comparison topic's events and attributes, or stating the
    topic themselves. 吉林 五（五） is on 公示期 for its 5 个工作日 of 公示, not for its 30 个工作日 of
    证书数据上报."""
    asks = set(words.query.asks)

    def inside(unit_id: str) -> bool:
        return any(unit_id == u or unit_id.startswith(u + "/") for u in units)

    def says(*texts: str) -> bool:
        return words.stated(norm(" ".join(texts))) >= ABOUT

    from assistant.compare.table import attribute_name

    return FactSet(
        fingerprint=facts.fingerprint,
        deadlines=[d for d in facts.deadlines if inside(d.provenance.unit_id) and (
            "deadline" in asks or d.event in spec.get("deadline_events", {}) or says(d.event))],
        conditions=[c for c in facts.conditions if inside(c.provenance.unit_id) and (
            "condition" in asks or c.attribute in spec.get("attributes", {}) or says(attribute_name(c.attribute), c.text))],
        sanctions=[s for s in facts.sanctions if (inside(s.provenance.unit_id) and ("sanction" in asks or says(s.text)))
                   or any(inside(t.provenance.unit_id) and says(t.text) for t in s.triggers)])


def comparison(topic: str) -> dict:
    """The comparison topic's spec (topics.yaml) when the topic is it by name or by one of its synonyms."""
    from assistant.compare.table import topics

    for name, spec in topics().items():
        if name in topic or topic in (name, *spec.get("synonyms", [])):
            return spec
    return {}


def cited_by(unit_ids: set[str], facts: FactSet) -> set[str]:
    """The units the given ones cite (第二十条 第（一）项 cites 第十九条所列情况): what a cited clause
    applies to is part of what it says."""
    def inside(unit_id: str) -> bool:
        return any(unit_id == u or unit_id.startswith(u + "/") for u in unit_ids)

    return {r.target_unit for r in facts.references
            if r.kind == "internal" and r.target_unit and inside(r.provenance.unit_id)}
