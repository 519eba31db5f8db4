"""Which levels may an organisation certify, and may it apply for the next one (宿迁 第六条)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from kg.facts import FactSet
from kg.models import Corpus
from kg.numerals import int_to_cn

from ..models import ConditionCheck, Verdict
from .checklist import Pending, cite, fact_for
from .outcome import Outcome
from .profile import FILING_NAMES, Profile
from .rules import RuleCondition, rule_file


class Tier(BaseModel):
    model_config = ConfigDict(extra="forbid")
    filing: str
    jurisdiction: str
    unit: str
    may_certify: list[int]
    quote: str
    next_level: int
    apply_to: str
    next_quote: str


class LevelRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    determination: str
    title: str
    tiers: list[Tier]
    ask_filing: str
    ask_years: str


def level_rules() -> LevelRules:
    return rule_file("levels", LevelRules)


def _levels(levels: list[int]) -> str:
    return "、".join(f"{int_to_cn(n)}级" for n in levels)


_APPLY_WORDS = ("申请", "申报", "升级")  # asking to be filed for a level, not to certify it today


def years_since(filed_on: date | None, today: date) -> float | None:
    """Whole and half years from a filing date to today (a date said by its month counts from the 1st).

    >>> years_since(date(2022, 9, 1), date(2025, 3, 10)), years_since(date(2024, 8, 1), date(2025, 6, 1))
    (2.5, 0.5)
    """
    if filed_on is None or filed_on > today:
        return None
    months = (today.year - filed_on.year) * 12 + today.month - filed_on.month - (today.day < filed_on.day)
    return (months // 6) / 2


def levels_outcome(profile: Profile, facts: FactSet, corpus: Corpus, today: date | None = None,
                   question: str = "") -> Outcome:
    """The levels a filing allows, and whether the next level may be applied for now.

    A level above the filing asked about as work to do now (能直接开展二级吗: no application, no years of
    work said) is not allowed, citing the tier's clause; asked as an application (申请开展二级), or with the
    years of regular work said, it depends on those years, read from the filing date when not said."""
    rules = level_rules()
    tiers = [t for t in rules.tiers if t.jurisdiction in profile.jurisdictions]
    out = Outcome(determination="levels", citations=[t.unit for t in tiers])
    if not tiers:
        return out
    tier = next((t for t in tiers if t.filing == profile.filing_level), None)
    if tier is None:
        out.pending = [Pending(field="filing_level", ask=rules.ask_filing)]
        out.by_field = {"filing_level": [t.unit for t in tiers]}
        out.verdict = Verdict(status="needs_info", determination=rules.title)
        return out
    filed = ConditionCheck(text=f"备案层级：{tier.quote}", status="met", value=FILING_NAMES[tier.filing],
                           citation=cite(corpus, tier.unit))
    target = profile.target_level
    said_years = profile.evaluation_years is not None or profile.filed_on is not None
    if target is not None and target not in tier.may_certify and not said_years \
            and not any(w in question for w in _APPLY_WORDS):
        return _beyond(out, tier, target, corpus, filed)
    if target is None or target in tier.may_certify:
        out.verdict = Verdict(status="eligible", determination=rules.title, conditions=[filed],
                              obligations=[f"规范开展评价工作满规定年限后，可向{tier.apply_to}申请开展{int_to_cn(tier.next_level)}级（{tier.next_quote}）"])
        out.answer = f"在{FILING_NAMES[tier.filing]}备案，可认定{_levels(tier.may_certify)}。"
        return out
    return _next_level(out, tier, target, profile, facts, corpus, filed, today)


def _beyond(out: Outcome, tier: Tier, target: int, corpus: Corpus, filed: ConditionCheck) -> Outcome:
    """A level the filing does not cover, asked about as work to do now: unmet, citing the tier's clause."""
    rules = level_rules()
    check = ConditionCheck(text=f"可认定等级：{tier.quote}", status="unmet", value=f"{int_to_cn(target)}级",
                           citation=cite(corpus, tier.unit))
    step = (f"先向{tier.apply_to}申请备案{int_to_cn(tier.next_level)}级（{tier.next_quote}）"
            if target == tier.next_level else f"目前可认定{_levels(tier.may_certify)}，下一步只能申请{int_to_cn(tier.next_level)}级")
    out.verdict = Verdict(status="not_eligible", determination=rules.title, conditions=[filed, check],
                          changes_needed=[f"{int_to_cn(target)}级不在本备案层级的认定范围：{step}"])
    out.citations = [tier.unit]
    return out


def _next_level(out: Outcome, tier: Tier, target: int, profile: Profile, facts: FactSet, corpus: Corpus,
                filed: ConditionCheck, today: date | None) -> Outcome:
    rules = level_rules()
    if target != tier.next_level:
        return _beyond(out, tier, target, corpus, filed)
    rule = RuleCondition(id="years", field="evaluation_years", unit=tier.unit, label="规范开展评价工作年限",
                         ask=rules.ask_years, attribute="regular_work_years")
    fact = fact_for(facts, rule)
    years = profile.evaluation_years
    if years is None and today is not None:
        years = years_since(profile.filed_on, today)
    status = "unknown" if years is None else "met" if years >= float(fact.value) else "unmet"  # type: ignore[arg-type]
    check = ConditionCheck(text=f"申请{int_to_cn(target)}级：{fact.text}后，{tier.next_quote}", status=status,
                           value=None if years is None else f"{years:g}年", citation=cite(corpus, tier.unit))
    verdict = Verdict(status={"met": "eligible", "unmet": "not_eligible", "unknown": "needs_info"}[status],
                      determination=rules.title, conditions=[filed, check])
    if status == "unmet":
        verdict.changes_needed = [f"规范开展评价工作年限：{years:g} → 至少 {float(fact.value):g} 年"]  # type: ignore[arg-type]
    if status == "met":
        verdict.obligations = [f"向{tier.apply_to}申请备案{int_to_cn(target)}级"]
    out.verdict = verdict
    out.pending = [Pending(field="evaluation_years", ask=rules.ask_years)] if status == "unknown" else []
    out.by_field = {"evaluation_years": [tier.unit]}
    out.citations = [tier.unit]
    return out
