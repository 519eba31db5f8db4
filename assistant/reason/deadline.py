"""When is it due: a deadline fact of the graph counted from the date the user gives.

工作日 are counted with the State Council calendar (assistant.workdays); a year whose schedule is not
published yet gives a provisional date, said plainly. Calendar units (天, 年, 月) are counted as such.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from assistant.reason.workdays import add_workdays
from assistant.understand.quantities import spell_numbers
from kg.facts import Deadline, FactSet
from kg.models import Corpus

from .checklist import Pending
from .outcome import Outcome
from .profile import Profile
from .rules import rule_file
from .validity import shift


class EventWords(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event: str
    words: list[str]


class DeadlineRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    determination: str
    title: str
    ask_date: str
    events: list[EventWords]
    meaning: dict[str, str]


class DueItem(BaseModel):
    """One computed date, with the rule and whether the holiday schedule for it is published."""

    event: str
    rule: str  # the fact's words: 30个工作日内
    unit_id: str
    label: str
    start: date
    due: date
    kind: str  # 最迟 / 最早结束 / 保存至 …
    provisional: bool = False
    note: str | None = None


BEFORE = ("before", "at_least_before", "within_before")  # counted back from the date given


def deadline_rules() -> DeadlineRules:
    return rule_file("deadlines", DeadlineRules)


def event_in(text: str) -> str | None:
    """The deadline event a question is about (the first listed whose words it uses)."""
    for ev in deadline_rules().events:
        if any(w in text for w in ev.words):
            return ev.event
    return None


def due_item(fact: Deadline, start: date, corpus: Corpus) -> DueItem | None:
    """The date a deadline fact gives from `start`, or None for facts that are not counted from a day."""
    n = int(fact.amount or 0)
    label = corpus.unit(fact.provenance.unit_id).label
    base = {"event": fact.event, "rule": fact.text, "unit_id": fact.provenance.unit_id, "label": label, "start": start}
    if fact.unit == "工作日":
        sign, kind = (-1, "最迟于") if fact.direction in BEFORE else (1, "最迟")
        if fact.direction == "at_least":
            due = add_workdays(start - timedelta(days=1), n)
            return DueItem(**base, due=due.due, kind="最早结束", provisional=due.provisional, note=due.note)
        due = add_workdays(start, sign * n)
        return DueItem(**base, due=due.due, kind=kind, provisional=due.provisional, note=due.note)
    if fact.unit in ("天", "日"):
        return DueItem(**base, due=start + timedelta(days=n - 1 if fact.direction == "at_least" else n), kind="最早结束"
                       if fact.direction == "at_least" else "最迟")
    if fact.unit in ("年", "月") and fact.direction in ("at_least", "valid_for"):
        years, months = (fact.amount or 0, 0) if fact.unit == "年" else (0, n)
        return DueItem(**base, due=shift(start, years=years, months=months), kind="至少保存至" if fact.event == "档案保存" else "届满")
    return None


def deadline_outcome(text: str, profile: Profile, facts: FactSet, corpus: Corpus, today: date | None = None) -> Outcome:
    """Every matching deadline of the places in scope, computed from the date given (or asked for); with
    `today`, whether a latest day is still ahead (还来得及吗)."""
    from .retention import asks_disposal, retention_outcome

    if asks_disposal(text):  # 现在能销毁了吗: the keeping period read the other way round
        return retention_outcome(text, profile, facts, corpus, today or date.today())
    out = Outcome(determination="deadline")
    event = event_in(text)
    if event is None:
        return out
    docs = {d.meta.id for d in corpus.documents if not profile.jurisdictions or d.meta.jurisdiction in profile.jurisdictions}
    found = [d for d in facts.deadlines if d.event == event and d.provenance.doc_id in docs]
    out.citations = list(dict.fromkeys(d.provenance.unit_id for d in found))
    if not found:
        return out
    start = profile.event_date or profile.filed_on  # "备案公示从9月29日开始" reads as a filing date
    if start is None:
        out.pending = [Pending(field="event_date", ask=deadline_rules().ask_date)]
        out.answer = "；".join(f"据{corpus.unit(d.provenance.unit_id).label}，{_rule(d)}" for d in found) + "。"
        return out
    items = []
    for d in found:
        begins = _chained_start(d, facts, start, text, corpus)
        if (item := due_item(d, begins, corpus)) is not None:
            items.append(item if begins == start else item.model_copy(update={"rule": f"{item.rule}（{d.anchor}后起算）"}))
    out.extra = {"due": [i.model_dump(mode="json") for i in items]}
    out.answer = "；".join(_say(i) + _still_time(i, today) for i in items) + "。" if items else ""
    return out


def _chained_start(fact: Deadline, facts: FactSet, start: date, text: str, corpus: Corpus) -> date:
    """The day a deadline counts from when the user's date starts the step it follows: 经公示无异议的，10个工作日内
    报备 counted from a publicity said to begin on a day (认定结果从6月1号开始公示，公示7天) begins when the publicity
    ends — the clause's own period for it (不少于7天), or the length the user says."""
    if not fact.anchor:
        return start
    for before in facts.deadlines:
        if before.provenance.unit_id != fact.provenance.unit_id or before is fact or before.event not in fact.anchor:
            continue
        if not re.search(rf"(开始|起)[^，,。；;]{{0,2}}{before.event}|{before.event}[^，,。；;]{{0,6}}(开始|起)", text):
            return start  # the day given is not said to start that step
        said = re.search(rf"{before.event}[^，,。；;]{{0,8}}?(\d+)\s*(?:个)?(天|日|工作日)", spell_numbers(text))
        step = before.model_copy(update={"amount": float(said.group(1)), "unit": said.group(2)}) if said else before
        item = due_item(step, start, corpus)
        return item.due if item else start
    return start


def _still_time(item: DueItem, today: date | None) -> str:
    """For a latest day: whether today is still within it."""
    if today is None or item.kind != "最迟" or today < item.start:
        return ""
    if today <= item.due:
        return f"（今天 {today.isoformat()}，尚在期限内）"
    return f"（今天 {today.isoformat()}，已超过期限）"


def _rule(fact: Deadline) -> str:
    """The rule in words: the event, then the fact's own words unless they already name it."""
    return fact.text if fact.event in fact.text else f"{fact.event}{fact.text}"


def _say(item: DueItem) -> str:
    text = f"据{item.label}，{item.event}{item.rule}，自 {item.start.isoformat()} 起算，{item.kind} {item.due.isoformat()}"
    return text + (f"（暂定：{item.note}）" if item.provisional else "")
