"""How long a filing is valid, whether it still is on a day, and how and when to renew or extend it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from kg.facts import Deadline, FactSet
from kg.models import Corpus

from ..models import ConditionCheck, Verdict
from .checklist import Pending, check, cite
from .outcome import Outcome
from .profile import Profile
from .rules import RuleCondition, RuleError, rule_file


class FactRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit: str
    event: str


class Lapse(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    unit: str


class Place(BaseModel):
    model_config = ConfigDict(extra="forbid")
    jurisdiction: str
    inherit: bool = False
    valid: FactRef | None = None
    renew: FactRef | None = None
    extend: FactRef | None = None
    lapse: Lapse | None = None
    conditions: list[RuleCondition] = []
    # The conditions, all met, carry the filing past its term (江苏: 2年内随机督导无违规违纪 … 视同为连续备案):
    # a term that has run out is then not the end of the filing, and they are checked whenever it has.
    continues: bool = False


class ValidityRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    determination: str
    title: str
    ask_filed: str
    places: list[Place]


def validity_rules() -> ValidityRules:
    return rule_file("validity", ValidityRules)


def deadline_fact(facts: FactSet, ref: FactRef) -> Deadline:
    for d in facts.deadlines:
        if d.provenance.unit_id == ref.unit and d.event == ref.event:
            return d
    raise RuleError(f"有效期规则：{ref.unit} 中没有抽取到“{ref.event}”的期限")


def shift(day: date, years: float = 0, months: int = 0) -> date:
    """`day` moved by whole months (a 31st becomes the month's last day)."""
    total = day.month - 1 + months + round(years * 12)
    year, month = day.year + total // 12, total % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def _places(profile: Profile, corpus: Corpus) -> list[Place]:
    parents = {d.meta.jurisdiction: d.meta.parent_jurisdiction for d in corpus.documents}
    named = set(profile.jurisdictions)
    return [p for p in validity_rules().places if p.jurisdiction in named
            or (p.inherit and any(parents.get(j) == p.jurisdiction for j in named))]


def validity_outcome(profile: Profile, facts: FactSet, corpus: Corpus, today: date, extension: bool,
                     asked: str = "") -> Outcome:
    """Valid on `today`? With the renewal window and, when asked, the extension conditions; `asked` is the
    question, read for a length of extension asked for (延长三年) and the day a renewal is handed in."""
    rules, places = validity_rules(), _places(profile, corpus)
    out = Outcome(determination="validity")
    if not places:
        return out
    checks, notes, changes = [], [], []  # type: ignore[var-annotated]
    for place in places:
        term = _term_checks(place, profile, facts, corpus, today, notes, changes, out)
        if extension:
            term += _asked_checks(place, profile, facts, corpus, today, asked, changes)
        lapsed = any(c.status == "unmet" for c in term)
        if place.continues and lapsed:
            carried = [check(cond, profile, facts, corpus)[0] for cond in place.conditions]
            if all(c.status == "met" for c in carried):
                _carry_over(term, changes, notes, place)
            elif not any(c.status == "unmet" for c in carried):
                term = [c.model_copy(update={"status": "unknown"}) for c in term]
        checks += term
        if extension or not place.valid or (place.continues and lapsed):
            for cond in place.conditions:
                result, change = check(cond, profile, facts, corpus)
                checks.append(result)
                changes += [change] if change else []
                out.citations.append(cond.unit)
                if result.status == "unknown" and all(p.field != cond.field for p in out.pending):
                    out.pending.append(Pending(field=cond.field, ask=cond.ask, conditions=[cond.id],
                                               yes=cond.yes_means, no=not cond.yes_means))
    if profile.filed_on is None and profile.expires_on is None and any(p.valid for p in places):
        out.pending.insert(0, Pending(field="filed_on", ask=rules.ask_filed))
    out.by_field = {"filed_on": [p.valid.unit for p in places if p.valid]}
    unmet = any(c.status == "unmet" for c in checks)
    status = "not_eligible" if unmet else "needs_info" if out.pending else "eligible"
    out.verdict = Verdict(status=status, determination=rules.title, conditions=checks,
                          changes_needed=changes if unmet else [], obligations=notes)
    out.citations = list(dict.fromkeys(out.citations))
    return out


_EXTEND_BY = re.compile(r"延长(\d+(?:\.\d+)?)年")
_RENEWING = re.compile(r"延续|续期|续展")


def _asked_checks(place: Place, profile: Profile, facts: FactSet, corpus: Corpus, today: date, asked: str,
                  changes: list[str]) -> list[ConditionCheck]:
    """What a renewal or extension question asks of the rules: an extension longer than the most the clause
    allows (最多延长2年, asked 延长3年), a renewal handed in before its window opens (期满前3个月内)."""
    out: list[ConditionCheck] = []
    from assistant.lang.text import normalize, numbers_to_arabic
    from assistant.understand.intent import ask_part

    asked = numbers_to_arabic(normalize(ask_part(asked)[0]))  # what is asked, not what is told (一直没申请延续)
    by = _EXTEND_BY.search(asked)
    if by and place.extend:
        fact = deadline_fact(facts, place.extend)
        if fact.direction == "at_most" and fact.amount is not None:
            ok = float(by.group(1)) <= fact.amount
            out.append(ConditionCheck(text=f"有效期延长：{fact.text}", status="met" if ok else "unmet",
                                      value=f"延长{by.group(1)}年", citation=cite(corpus, place.extend.unit)))
            changes += [] if ok else [f"延长期限：{by.group(1)} → 至多 {fact.amount:g} 年"]
    if place.renew and place.valid and profile.filed_on is not None and _RENEWING.search(asked):
        term = deadline_fact(facts, place.valid)
        expiry = shift(profile.filed_on, years=term.amount or 0) - timedelta(days=1)
        fact = deadline_fact(facts, place.renew)
        opens = shift(expiry + timedelta(days=1), months=-int(fact.amount or 0) if fact.unit == "月" else 0)
        if today < opens:
            out.append(ConditionCheck(text=f"延续申请：{fact.text}提出（{opens.isoformat()} 至 {expiry.isoformat()}）",
                                      status="unmet", value=f"今天 {today.isoformat()}", citation=cite(corpus, place.renew.unit)))
            changes.append(f"延续申请须在 {opens.isoformat()} 至 {expiry.isoformat()} 提出")
    return out


def _carry_over(term: list[ConditionCheck], changes: list[str], notes: list[str], place: Place) -> None:
    """A lapsed term the place's conditions carry over: met, with the clause that says so."""
    for c in term:
        if c.status == "unmet":
            c.status = "met"
            c.text += "；期满后符合下列条件的视同连续备案"
    changes[:] = [c for c in changes if not c.startswith("备案已于")]
    notes.extend(f"视同连续备案：{cond.quote or cond.label}" for cond in place.conditions)


def _term_checks(place: Place, profile: Profile, facts: FactSet, corpus: Corpus, today: date,
                 notes: list[str], changes: list[str], out: Outcome) -> list[ConditionCheck]:
    """The validity term (and renewal window) of one place's documents."""
    result: list[ConditionCheck] = []
    if place.extend:
        fact = deadline_fact(facts, place.extend)
        notes.append(f"有效期可延长：{fact.text}（{corpus.unit(fact.provenance.unit_id).label}）")
        out.citations.append(place.extend.unit)
    if not place.valid:
        return result
    term = deadline_fact(facts, place.valid)
    out.citations.insert(0, place.valid.unit)
    if profile.filed_on is None and profile.expires_on is None:
        return [ConditionCheck(text=f"有效期：{term.text}", status="unknown", citation=cite(corpus, place.valid.unit))]
    if profile.filed_on is not None:
        expiry = shift(profile.filed_on, years=term.amount or 0) - timedelta(days=1)
        given = f"{profile.filed_on.isoformat()} 备案"
    else:
        assert profile.expires_on is not None  # neither date given returned above
        expiry, given = profile.expires_on, f"有效期至 {profile.expires_on.isoformat()}"
    valid = today <= expiry
    result.append(ConditionCheck(text=f"有效期：{term.text}（至 {expiry.isoformat()}）", status="met" if valid else "unmet",
                                 value=f"{given}，今天 {today.isoformat()}", citation=cite(corpus, place.valid.unit)))
    if not valid:
        changes.append(f"备案已于 {expiry.isoformat()} 期满" + (f"；{place.lapse.text}（{corpus.unit(place.lapse.unit).label}）" if place.lapse else ""))
        if place.lapse:
            out.citations.append(place.lapse.unit)
    if place.renew:
        notes.append(_renewal(facts, place.renew, expiry, today, corpus))
    return result


def _renewal(facts: FactSet, ref: FactRef, expiry: date, today: date, corpus: Corpus) -> str:
    fact = deadline_fact(facts, ref)
    months = int(fact.amount or 0) if fact.unit == "月" else 0
    opens = shift(expiry + timedelta(days=1), months=-months)
    where = corpus.unit(ref.unit).label
    state = "现在正可提交" if opens <= today <= expiry else "尚未开始" if today < opens else "已过"
    return f"延续申请期：{opens.isoformat()} 至 {expiry.isoformat()}（{fact.text}，{where}），{state}"
