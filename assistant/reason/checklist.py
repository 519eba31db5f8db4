"""Evaluating a determination's rule sets against a profile: met / unmet / unknown per condition.

The verdict is the conjunction of every rule set that binds the applicant (宿迁 binds 宿迁's and
江苏's). Unknowns are asked in rule order, one field at a time, and only while nothing is unmet:
a fact that could only confirm a failed verdict is not worth the user's time.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from kg.facts import Condition, FactSet
from kg.models import Corpus

from ..models import CitationRef, ConditionCheck, Verdict
from .profile import FILING_NAMES, ORG_TYPE_NAMES, SIZE_NAMES, Profile
from .rules import Determination, RuleCondition, RuleError, RuleSet

_HAS_FIELDS = {"bad_record", "annual_review_failed", "abnormal_operation", "video_monitoring", "question_bank"}
DRAFTED = "草拟规则：由文件中抽取的条件自动生成，未经人工审核"
ORG_TYPE_QUESTION = "贵单位是什么类型？（企业、行业协会、技工院校、职业院校、培训机构、事业单位……）"


class Pending(BaseModel):
    """A fact still to ask for: the field, the question, and the conditions that need it."""

    field: str
    ask: str
    conditions: list[str] = []  # condition ids
    yes: Any = True  # what a bare 是 / 有 means for the field
    no: Any = False


class Checked(BaseModel):
    """A verdict plus what the dialogue needs to go on."""

    verdict: Verdict | None
    pending: list[Pending] = []
    rulesets: list[str] = []
    by_field: dict[str, list[str]] = {}  # field -> unit ids of the conditions reading it
    obligation_units: list[str] = []  # the clauses of the steps that follow a positive decision


def binding_sets(det: Determination, profile: Profile, corpus: Corpus) -> list[RuleSet]:
    """The rule sets of the places the profile names (a province's inherited sets included)."""
    parents = {d.meta.jurisdiction: d.meta.parent_jurisdiction for d in corpus.documents}
    named = set(profile.jurisdictions)
    return [rs for rs in det.rulesets if rs.jurisdiction in named
            or (rs.inherit and any(parents.get(j) == rs.jurisdiction for j in named))]


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
    if isinstance(value, bool) and field in _HAS_FIELDS:
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


def _compare(comparator: str, have: float, want: float) -> bool:
    return {">=": have >= want, ">": have > want, "<=": have <= want, "<": have < want, "==": have == want}[comparator]


def _by_fact(cond: RuleCondition, fact: Condition, profile: Profile) -> tuple[str, str | None]:
    """(status, change needed) for a condition whose threshold the graph holds."""
    if cond.owned_satisfies and profile.site_owned:
        return "met", None
    value = getattr(profile, cond.field)
    if cond.accept:
        return ("unknown", None) if value is None else ("met", None) if value in cond.accept else (
            "unmet", f"{cond.label}：需为“{cond.quote}”")
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
    return "unmet", f"{cond.label}：{value:g} → {bound} {fact.value:g} {fact.unit or ''}".rstrip()


def _by_rule(cond: RuleCondition, profile: Profile) -> tuple[str, str | None]:
    """(status, change needed) for a condition the rule file states with a quote."""
    value = getattr(profile, cond.field)
    if value is None:
        return "unknown", None
    if cond.forbid_types or cond.allow_types:
        ok = value not in cond.forbid_types and (not cond.allow_types or value in cond.allow_types)
        return ("met", None) if ok else ("unmet", f"{cond.label}：{show_value(cond.field, value)} 不在可申报范围（“{cond.quote}”）")
    if cond.accept:
        return ("met", None) if value in cond.accept else ("unmet", f"{cond.label}：需为“{cond.quote}”")
    return ("met", None) if value == cond.expect else ("unmet", f"{cond.label}：需满足“{cond.quote}”")


def check(cond: RuleCondition, profile: Profile, facts: FactSet, corpus: Corpus) -> tuple[ConditionCheck, str | None]:
    """One condition evaluated and cited."""
    if cond.attribute:
        fact = fact_for(facts, cond)
        status, change = _by_fact(cond, fact, profile)
        text = f"{cond.label}：{_phrase(fact)}"
    else:
        status, change = _by_rule(cond, profile)
        text = f"{cond.label}：{cond.quote}"
    value = show_value(cond.field, getattr(profile, cond.field))
    if cond.owned_satisfies and profile.site_owned:
        value = "自有"
    return ConditionCheck(text=text, status=status, value=value, citation=cite(corpus, cond.unit)), change  # type: ignore[arg-type]


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


def applies(cond: RuleCondition, profile: Profile) -> bool | None:
    if not cond.when_types:
        return True
    return None if profile.org_type is None else profile.org_type in cond.when_types


def evaluate(det: Determination, profile: Profile, facts: FactSet, corpus: Corpus) -> Checked:
    """The determination's verdict for the profile (None when no rule set covers the place).

    Every unknown is listed in `pending`; the dialogue skips the ones the user said 不知道 to.
    """
    sets = binding_sets(det, profile, corpus)
    if not sets:
        return Checked(verdict=None)
    checks, changes, pending, by_field = [], [], [], {}  # type: ignore[var-annotated]
    type_unknown = any(rs.binds(profile.org_type) is None for rs in sets)
    if type_unknown:
        pending.append(Pending(field="org_type", ask=ORG_TYPE_QUESTION))
    obligations: list[str] = []
    duty_units: list[str] = []
    for rs in sets:
        if not rs.binds(profile.org_type):
            continue
        obligations += [f"{o.text}（{corpus.unit(o.unit).label}）" for o in rs.obligations]
        duty_units += [o.unit for o in rs.obligations]
        for cond in rs.conditions:
            if not applies(cond, profile):
                continue
            result, change = check(cond, profile, facts, corpus)
            checks.append(result)
            by_field.setdefault(cond.field, []).append(cond.unit)
            if change:
                changes.append(change)
            if result.status == "unknown":
                _add_pending(pending, cond)
    verdict = _verdict(det, checks, changes, obligations, pending)
    if any(rs.drafted for rs in sets if rs.binds(profile.org_type) is not False):
        verdict = verdict.model_copy(update={"drafted": True, "determination": f"{det.title}；{DRAFTED}"})
    return Checked(verdict=verdict,
                   pending=pending, rulesets=[rs.id for rs in sets],
                   by_field=by_field, obligation_units=list(dict.fromkeys(duty_units)))


def _add_pending(pending: list[Pending], cond: RuleCondition) -> None:
    for p in pending:
        if p.field == cond.field:
            p.conditions.append(cond.id)
            return
    yes, no = _yes_no_values(cond)
    pending.append(Pending(field=cond.field, ask=cond.ask, conditions=[cond.id], yes=yes, no=no))


def _yes_no_values(cond: RuleCondition) -> tuple[Any, Any]:
    """What 是 / 不是 answer to the condition's question (是大中型企业吗 -> large_medium / small)."""
    if cond.accept:
        return cond.accept[0], "small"
    return cond.yes_means, not cond.yes_means


def _verdict(det: Determination, checks: list[ConditionCheck], changes: list[str], obligations: list[str],
             pending: list[Pending]) -> Verdict:
    unmet = any(c.status == "unmet" for c in checks)
    unknown = bool(pending)
    status = "not_eligible" if unmet else "needs_info" if unknown else "eligible"
    return Verdict(status=status, determination=det.title, conditions=checks,  # type: ignore[arg-type]
                   changes_needed=list(dict.fromkeys(changes)) if unmet else [],
                   obligations=list(dict.fromkeys(obligations)) if status == "eligible" else [])
