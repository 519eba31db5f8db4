"""One rule condition against one profile: met, unmet, unknown — or not for the profile to settle.

Shared by the single-place verdict (checklist), the alternative routes of a place (routes) and matching
across places (match), so that a condition means the same wherever it is read.
"""

from __future__ import annotations

from typing import Any, Literal

from kg.facts import Condition, FactSet
from kg.models import Corpus

from ..models import CitationRef, ConditionCheck
from .profile import FILING_NAMES, ORG_TYPE_NAMES, SIZE_NAMES, STATED, Profile, field_value
from .rules import RuleCondition, RuleError

Status = Literal["met", "unmet", "unknown", "skip"]  # skip: an assessed condition the profile is silent on
_HAS_FIELDS = {"bad_record", "annual_review_failed", "abnormal_operation", "video_monitoring", "question_bank"}


def fact_for(facts: FactSet, cond: RuleCondition) -> Condition:
    """The graph's condition a rule reads; a rule without its fact is a broken rule, said loudly."""
    for fact in facts.conditions:
        if fact.provenance.unit_id == cond.unit and fact.attribute == cond.attribute:
            return fact
    raise RuleError(f"规则 {cond.id}：在 {cond.unit} 中没有抽取到属性 {cond.attribute} 的条件，请检查语料或规则文件")


def cite(corpus: Corpus, unit_id: str) -> CitationRef:
    unit = corpus.unit(unit_id)
    return CitationRef(doc_id=unit.doc_id, label=unit.label, text=unit.text, unit_id=unit.id)


def show_value(field: str, value: Any) -> str | None:
    """A profile value as the user would say it."""
    if value is None:
        return None
    if isinstance(value, bool) and (field in _HAS_FIELDS or field.startswith(STATED)):
        return "有" if value else "无"
    if isinstance(value, bool):
        return "是" if value else "否"
    if field == "org_type":
        return ORG_TYPE_NAMES.get(value, value)
    if field == "enterprise_size":
        return SIZE_NAMES.get(value, value)
    if field == "filing_level":
        return FILING_NAMES.get(value, value)
    if field == "target_level" and isinstance(value, int) and 1 <= value <= 5:
        return "一二三四五"[value - 1] + "级"
    return f"{value:g}" if isinstance(value, float) else str(value)


def status_of(cond: RuleCondition, fact: Condition | None, profile: Profile) -> tuple[Status, str | None]:
    """(status, the change that would meet it) for a condition whose fact (if it reads one) is given."""
    if cond.owned_satisfies and profile.site_owned:
        return "met", None
    if field_value(profile, cond.field) is None and cond.unstated == "assessed":
        return "skip", None
    if fact is not None:
        return _by_fact(cond, fact, profile)
    return _by_rule(cond, profile)


def text_of(cond: RuleCondition, fact: Condition | None) -> str:
    """The condition as the verdict lists it: its label and the clause's words."""
    if fact is not None:
        return f"{cond.label}：{_phrase(fact)}"
    return f"{cond.label}：{'不得：' if cond.quote_polarity == 'prohibited' else ''}{cond.quote}"


def value_of(cond: RuleCondition, profile: Profile) -> str | None:
    """The profile's value for the condition, as said (自有 for a tenure the ownership settles)."""
    if cond.owned_satisfies and profile.site_owned:
        return "自有"
    return show_value(cond.field, field_value(profile, cond.field))


def check(cond: RuleCondition, profile: Profile, facts: FactSet, corpus: Corpus) -> tuple[ConditionCheck, str | None]:
    """One condition evaluated and cited (an unstated assessed condition counts as unknown here)."""
    fact = fact_for(facts, cond) if cond.attribute else None
    status, change = status_of(cond, fact, profile)
    return ConditionCheck(text=text_of(cond, fact), status="unknown" if status == "skip" else status,
                          value=value_of(cond, profile), citation=cite(corpus, cond.unit)), change


def _compare(comparator: str, have: float, want: float) -> bool:
    return {">=": have >= want, ">": have > want, "<=": have <= want, "<": have < want, "==": have == want}[comparator]


def _by_fact(cond: RuleCondition, fact: Condition, profile: Profile) -> tuple[Status, str | None]:
    """(status, change needed) for a condition whose threshold the graph holds."""
    value = field_value(profile, cond.field)
    if cond.accept:
        return _categorical(cond, value)
    if value is None:
        return "unknown", None
    if fact.comparator in ("exists", "absent"):
        wanted = fact.comparator == "exists"
        return ("met", None) if bool(value) == wanted else ("unmet", _requirement(cond, fact))
    if not isinstance(value, (int, float)) or not isinstance(fact.value, (int, float)):
        raise RuleError(f"规则 {cond.id}：{cond.field} 与 {fact.id} 的取值类型不可比较")
    if _compare(fact.comparator, float(value), float(fact.value)):
        return "met", None
    bound = "至少" if fact.comparator in (">=", ">") else "至多"
    return "unmet", f"{cond.label}：{value:g} → {bound} {_amount(float(fact.value), fact.unit)}"


def _amount(value: float, unit: str | None) -> str:
    """A threshold as the documents write it: 1000 平方米, but 4A (a letter grade is part of the number).

    >>> _amount(1000, "平方米"), _amount(4, "A"), _amount(5, None)
    ('1000 平方米', '4A', '5')
    """
    if not unit:
        return f"{value:g}"
    return f"{value:g}{unit}" if unit.isascii() and unit.isalpha() else f"{value:g} {unit}"


def _categorical(cond: RuleCondition, value: Any) -> tuple[Status, str | None]:
    if value is None or value in cond.undecided:
        return "unknown", None
    return ("met", None) if value in cond.accept else ("unmet", f"{cond.label}：需为“{cond.quote}”")


def _by_rule(cond: RuleCondition, profile: Profile) -> tuple[Status, str | None]:
    """(status, change needed) for a condition the rule file states with a quote."""
    value = field_value(profile, cond.field)
    if value is None:
        return "unknown", None
    if cond.forbid_types or cond.allow_types:
        return kind_status(cond, value)
    if cond.accept:
        return _categorical(cond, value)
    if value == cond.expect:
        return "met", None
    if cond.quote_polarity == "prohibited":
        return "unmet", f"{cond.label}：不得存在“{cond.quote}”的情形"
    return "unmet", f"{cond.label}：需满足“{cond.quote}”"


def kind_status(cond: RuleCondition, value: str) -> tuple[Status, str | None]:
    """A kind of organisation against the kinds a clause admits, bars, or leaves unnamed."""
    barred = f"{cond.label}：{show_value(cond.field, value)} 不在可申报范围（“{cond.quote}”）"
    if value in cond.forbid_types:
        return "unmet", barred
    if value in cond.allow_types:
        return "met", None
    unlisted = cond.unlisted or ("unmet" if cond.allow_types else "met")
    return (unlisted, barred if unlisted == "unmet" else None)


def _requirement(cond: RuleCondition, fact: Condition) -> str:
    """What must change for an unmet yes/no condition, worded by its polarity."""
    text = fact.text.lstrip("和与及并含、，")
    if fact.polarity == "prohibited" and not any(ch in text for ch in "无不未非"):
        return f"{cond.label}：不得存在“{text}”的情形"
    return f"{cond.label}：需满足“{text}”"


def _phrase(fact: Condition) -> str:
    """The fact's words as a requirement: a list fragment (和视频监控设备) trimmed, a prohibition marked."""
    text = fact.text.lstrip("和与及并含、，")
    if fact.polarity == "prohibited" and not any(ch in text for ch in "无不未非"):
        return f"不得：{text}"
    return text
