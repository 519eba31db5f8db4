"""A checklist determination for the place a profile names: the verdict, what to ask next, what to cite.

The place's rule sets (宿迁 binds 宿迁's and 江苏's) are judged as routes (assistant.reason.routes):
the verdict is the best route's, failing only when every way in fails on a stated fact. Unknowns are
asked in rule order, one field at a time, and only while nothing is unmet: a fact that could only
confirm a failed verdict is not worth the user's time.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from kg.facts import FactSet
from kg.models import Corpus

from ..models import ConditionCheck, Verdict
from .condition import check, cite, fact_for, show_value  # noqa: F401  (the names levels/validity use)
from .profile import Profile
from .routes import Check, Judgement, compiled, failures, judge
from .rules import Determination, RuleCondition

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


def evaluate(det: Determination, profile: Profile, facts: FactSet, corpus: Corpus, asked: str = "") -> Checked:
    """The determination's verdict for the profile (None when no rule set covers the place).

    `asked` is the question's text: a route it names by its own words is the only one judged. Every
    unknown is listed in `pending`; the dialogue skips the ones the user said 不知道 to.
    """
    place = compiled(det, facts, corpus).place(tuple(profile.jurisdictions))
    if place is None:
        return Checked(verdict=None)
    judged = judge(place, profile, asked)
    pending = pending_of(judged, profile)
    by_field: dict[str, list[str]] = {}
    for r in judged.routes:
        for rule, _, _ in r.checks + r.deferred:
            by_field.setdefault(rule.cond.field, []).append(rule.cond.unit)
    sets = [rs for rs, _, _, _ in judged.route.route.sets if rs.binds(profile.org_type)] if judged.route else []
    obligations = [f"{o.text}（{corpus.unit(o.unit).label}）" for rs in sets for o in rs.obligations]
    verdict = Verdict(status=judged.status, determination=det.title, conditions=_conditions(judged, profile),
                      changes_needed=_changes(judged),
                      obligations=list(dict.fromkeys(obligations)) if judged.status == "eligible" else [])
    if place.drafted:  # an added document's rules, drafted from its facts: the verdict says so
        verdict = verdict.model_copy(update={"drafted": True, "determination": f"{det.title}；{DRAFTED}"})
    return Checked(verdict=verdict, pending=pending, rulesets=[rs.id for rs in place.sets],
                   by_field={f: list(dict.fromkeys(u)) for f, u in by_field.items()},
                   obligation_units=list(dict.fromkeys(o.unit for rs in sets for o in rs.obligations)))


def pending_of(judged: Judgement, profile: Profile) -> list[Pending]:
    """The facts still to ask for: the kind first when it matters, then the shown route's unknowns in rule
    order (the closest way in; another route is asked about once the user turns to it). A kind the
    clause neither names nor bars stays unknown, but asking for the kind again would not settle it."""
    pending: list[Pending] = []
    if judged.kind_open:
        pending.append(Pending(field="org_type", ask=ORG_TYPE_QUESTION))
    for r in [judged.route] if judged.route else []:
        for rule, status, _ in r.checks:
            if status == "unknown" and not (rule.cond.field == "org_type" and profile.org_type):
                _add_pending(pending, rule.cond)
    return pending


def _conditions(judged: Judgement, profile: Profile) -> list[ConditionCheck]:
    """The shown route's conditions, then what fails the place elsewhere, marked with its route."""
    from .condition import value_of

    shown = [(rule, status, None) for rule, status, _ in (judged.route.checks if judged.route else [])]
    listed = {(r.citation.unit_id, r.text) for r, _, _ in shown}
    rows = shown + [(c[0], c[1], route) for c, route in failures(judged) if (c[0].citation.unit_id, c[0].text) not in listed]
    return [ConditionCheck(text=f"〔{route}〕{rule.text}" if route else rule.text, status=status,
                           value=value_of(rule.cond, profile), citation=rule.citation) for rule, status, route in rows]


def _changes(judged: Judgement) -> list[str]:
    """What would have to change: the shown route's failures (the closest way in)."""
    if judged.status != "not_eligible":
        return []
    own: list[Check] = judged.route.unmet() if judged.route and judged.route.status == "not_eligible" else judged.unmet
    return list(dict.fromkeys(change for _, _, change in own if change))


def _add_pending(pending: list[Pending], cond: RuleCondition) -> None:
    for p in pending:
        if p.field == cond.field:
            p.conditions.append(cond.id)
            return
    yes, no = yes_no_values(cond)
    pending.append(Pending(field=cond.field, ask=cond.ask, conditions=[cond.id], yes=yes, no=no))


def yes_no_values(cond: RuleCondition) -> tuple[Any, Any]:
    """What 是 / 不是 answer to the condition's question (是大中型企业吗 -> large_medium / small)."""
    if cond.accept:
        return cond.accept[0], "small"
    return cond.yes_means, not cond.yes_means
