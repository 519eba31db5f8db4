"""What would have to change, across places: the smallest change per place, and changes that turn several.

A failed condition names its own remedy: the threshold the graph read from its clause (场地 1000 平方米,
租期 5 年), the yes/no its clause requires (有视频监控), the category it accepts (大中型企业). A place's
smallest change is its closest route's remedies; an unlock is one remedy tried on every failing place
("场地自有或租赁期：3 → 至少 5 年：吉林省 变为符合"). The kind of organisation is never a remedy.
"""

from __future__ import annotations

from typing import Any

from ..models import Status, Unlock
from .profile import STATED, Profile
from .routes import Check, Judgement, Memo, Place, Rule, judge

Remedy = tuple[str, Any]  # (field, value that meets the condition)
# What the organisation is, or what it has already done, is not a change it can make.
FIXED = {"org_type", "jurisdictions", "bad_record", "annual_review_failed", "abnormal_operation"}
PER_PLACE = {"registered_in_jurisdiction"}  # registering is done place by place: no single change across places


def remedy(rule: Rule) -> Remedy | None:
    """The value of the rule's field that would meet it (None: not something to change: the kind, a record)."""
    cond, fact = rule.cond, rule.fact
    if cond.field in FIXED or cond.field.startswith(STATED):
        return None  # a said requirement (保密室) is not a profile field a trial can set
    if cond.accept:
        return cond.field, cond.accept[0]
    if fact is None:
        return (cond.field, cond.expect) if cond.expect is not None else None
    if fact.comparator in ("exists", "absent"):
        return cond.field, fact.comparator == "exists"
    if not isinstance(fact.value, (int, float)):
        return None
    step = {">": 1.0, "<": -1.0}.get(fact.comparator, 0.0)  # a strict bound is met one unit past it
    return cond.field, float(fact.value) + step


class Trials:
    """Changed profiles made once per base profile and set of changes, each with its own memo: many
    places failing the same way are tried against the same changed profile."""

    def __init__(self) -> None:
        self._made: dict[tuple[int, frozenset[Remedy]], tuple[Profile, Memo]] = {}

    def judge(self, place: Place, profile: Profile, remedies: list[Remedy], asked: str) -> Judgement:
        key = (id(profile), frozenset(remedies))
        if key not in self._made:
            self._made[key] = (profile.model_copy(update=dict(remedies)), {})
        changed, memo = self._made[key]
        return judge(place, changed, asked, memo)


def after(place: Place, profile: Profile, unmet: list[Check], asked: str, trials: Trials) -> Status | None:
    """The place's status once every remedy of `unmet` is made (None: some failure has no remedy)."""
    remedies = [remedy(rule) for rule, _, _ in unmet]
    if not remedies or any(r is None or not _hashable(r) for r in remedies):
        return None
    return trials.judge(place, profile, remedies, asked).status  # type: ignore[arg-type]


Row = tuple[str, Place, Profile, Judgement]


def unlocks(rows: list[Row], asked: str, trials: Trials, limit: int = 5) -> list[Unlock]:
    """Single changes that turn failing places, the most places first."""
    failing = [r for r in rows if r[3].status == "not_eligible"]
    candidates: dict[Remedy, str] = {}
    for _, _, _, judged in failing:
        for rule, _, change in judged.unmet:
            found = remedy(rule)
            if found is not None and found[0] not in PER_PLACE and _hashable(found) and change:
                candidates.setdefault(found, change)
    found_unlocks = [u for u in (_try(c, text, failing, asked, trials) for c, text in candidates.items())
                     if u.eligible or u.opened]
    found_unlocks.sort(key=lambda u: (-len(u.eligible), -len(u.opened)))
    return found_unlocks[:limit]


def _hashable(found: Remedy) -> bool:
    try:
        hash(found)
    except TypeError:
        return False
    return True


def _try(change: Remedy, text: str, failing: list[Row], asked: str, trials: Trials) -> Unlock:
    field, _ = change
    unlock = Unlock(field=field, change=text)
    for jurisdiction, place, profile, judged in failing:
        if not any(rule.cond.field == field for rule, _, _ in judged.unmet):
            continue
        status = trials.judge(place, profile, [change], asked).status
        if status == "eligible":
            unlock.eligible.append(jurisdiction)
        elif status == "needs_info":
            unlock.opened.append(jurisdiction)
    return unlock
