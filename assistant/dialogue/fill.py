"""Folding one utterance into the dialogue's profile: stated facts, and short replies to the last question.

A bare "是" or "1200" means nothing alone; it answers the field last asked about. A later statement
of a field replaces the earlier one, which is how a correction ("说错了，场地是800平方米") works.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.reason.profile import set_field
from assistant.understand.quantities import spell_numbers
from assistant.understand.slots import Slots, read_slots, vocabulary
from kg.models import Corpus

if TYPE_CHECKING:
    from assistant.understand.question import Question

    from .state import DialogueState

_DATE_FIELDS = ("filed_on", "event_date", "expires_on")
_EXPIRY_WORDS = ("到期", "期满", "届满", "有效期至", "有效期到", "截至", "过期")
_FILED_WORDS = ("备案", "设立", "成立", "批准", "取得", "获批", "纳入目录", "目录", "回执")  # 进的省里目录, 回执是…拿的
# A repeated offence: 第二次, 再次, 屡次, 再犯, or 又 before a verb (又拒绝机考了, 今年年度考核又没合格).
_SECOND = re.compile(r"第[2-9二三四五]次|再次|屡次|多次|再犯|二次|又(?![是称叫要想能或])[\u4e00-\u9fff]")
# Measures already taken, said with the verb apart from the measure (收到过人社的书面通知, 被市人社约谈过).
_NOTIFIED = re.compile(r"(收到|接到|出具|下发|被下|拿到|被出具|被出|被开|挨了|吃了)(过|了)?[^，,。；;？?]{0,6}书面通知")
_INTERVIEWED = re.compile(r"被[^，,。；;？?吗]{0,6}约谈(过|了)|约谈过")
_FIRST = re.compile(r"第[1一]次|首次|头一次|初次")
_INTRO = "(的|一家|一所|一个|这边|本地|当地|注册|登记)"
# The office an organisation registers with, between the place and 登记 (江西南昌民政局登记的, 杭州市场监管局注册)
_REGISTRY = "(民政局|民政厅|民政部门|市场监管局|市场监督管理局|工商局|编办|行政审批局)"


def _kind_of(field: str) -> str | None:
    for kind, spec in vocabulary()["numbers"].items():
        if any(f == field for f, _ in spec["fields"]) or spec.get("default") == field:
            return str(kind)
    return None


def fill(state: DialogueState, asked: Question, corpus: Corpus, today: date) -> set[str]:
    """Update `state.profile` from the utterance; the fields it set."""
    question = asked.raw
    profile, slots = state.profile, read_slots(question)
    values: dict[str, Any] = dict(slots.values)
    _requirements(state, asked, values)
    _place(state, asked, values)
    _reply(state, slots, values, question, today)
    _loose_numbers(state, slots, values)
    _dates(state, question, today, values)
    _history(question, values)
    for field, value in values.items():
        set_field(profile, field, value)
        state.said[field] = question
        if field in state.declined:
            state.declined.remove(field)
    return set(values)


def _requirements(state: DialogueState, asked: Question, values: dict[str, Any]) -> None:
    """The yes/no requirements the utterance speaks of (没有保密室), added to what was said before. 外省注册 or
    想到外省申请 says more than a bare 登记, unless the place registered in is named (在上海注册…想到外地申请:
    registered where it is, which fails elsewhere)."""
    from assistant.understand.requirements_said import said, said_values

    question = asked.raw
    home = asked.typed_place and introduced(asked.scope.words, question, asked.scope.jurisdictions)
    for field, value in said_values(question).items():
        if field == "registered_in_jurisdiction" and not home:
            values[field] = value
        values.setdefault(field, value)
    stated = said(question)
    if stated:
        values["stated"] = {**state.profile.stated, **stated}


def _place(state: DialogueState, asked: Question, values: dict[str, Any]) -> None:
    """The place named, and — when it introduces the organisation (浙江的…) — that it is registered there."""
    scope, question = asked.scope, asked.raw
    if not asked.typed_place:
        return
    denied = {j for n, j in scope.words.items() if re.search(f"(不是|不在|并非|而非)(在)?{re.escape(n)}", question)}
    kept = [j for j in scope.jurisdictions if j not in denied]
    values["jurisdictions"] = kept or scope.jurisdictions  # 我们在池州，不是吉林: the place said, not the one denied
    elsewhere = registered_elsewhere(scope.words, question)
    if elsewhere:  # 苏州注册的公司想到嘉兴申请: judged for 浙江, where it is not registered
        values["jurisdictions"], values["registered_in_jurisdiction"] = elsewhere, False
        return
    if "org_type" in values and introduced(scope.words, question, values["jurisdictions"]) \
            and state.profile.registered_in_jurisdiction is None:
        values.setdefault("registered_in_jurisdiction", True)


def _reply(state: DialogueState, slots: Slots, values: dict[str, Any], question: str, today: date) -> None:
    """A short answer to the question last asked."""
    field = state.pending
    if not field:
        if state.focus and state.focus not in values:
            _correct_focus(state.focus, slots, values, question)  # a number after a failure corrects the failing fact
        return
    if field in values:
        return
    if slots.unsure:
        if field not in state.declined:
            state.declined.append(field)
        return
    if slots.yes_no is not None and field not in _DATE_FIELDS:
        values[field] = state.pending_yes if slots.yes_no else state.pending_no
        return
    _number_reply(field, slots, values)
    if field == "behaviour" and len(question) > 2:
        values["behaviour"] = question


def _correct_focus(focus: str, slots: Slots, values: dict[str, Any], question: str) -> None:
    """After a failure, a number naming no field corrects the failing fact (办公用房40平方米 failed; 不对，是60平方米),
    even when its unit alone would have put it in the kind's default field (an area: the site's)."""
    from assistant.understand.slots import names_a_field, prepare

    kind = _kind_of(focus)
    default = vocabulary()["numbers"][kind].get("default") if kind else None
    if kind and default and default != focus and default in values and not names_a_field(prepare(question), kind):
        values[focus] = values.pop(default)
        return
    _number_reply(focus, slots, values)


def _kinds_of(field: str) -> set[str]:
    """Every kind of number that may fill a field (考评员 are counted in 人 or in 个: 是六个)."""
    return {str(kind) for kind, spec in vocabulary()["numbers"].items()
            if any(f == field for f, _ in spec["fields"]) or spec.get("default") == field}


def _number_reply(field: str, slots: Slots, values: dict[str, Any]) -> None:
    kind, kinds = _kind_of(field), _kinds_of(field)
    # the field's own kind first (再招3个，一共6个人: the 6 people), then any kind that fills it (是六个)
    numbers = ([v for v, k in slots.bare_numbers if k == kind] or [v for v, k in slots.bare_numbers if k in kinds]) \
        + slots.plain_numbers
    if kind and numbers:
        values[field] = numbers[0]


def _loose_numbers(state: DialogueState, slots: Slots, values: dict[str, Any]) -> None:
    """Years no word claimed: a lease when a rented site is being discussed ("租的，六年"; of an owned
    site, "近三年年检合格" is no lease)."""
    for value, kind in slots.bare_numbers:
        if kind != "years":
            continue
        if values.get("site_owned") is False or state.pending in ("site_area", "site_tenure_years"):
            values.setdefault("site_tenure_years", value)
        elif state.pending == "evaluation_years":
            values.setdefault("evaluation_years", value)


def _dates(state: DialogueState, question: str, today: date, values: dict[str, Any]) -> None:
    from ..reason.dates import date_has_year, date_in

    text = spell_numbers(question)  # 十月八号 → 10月8号
    day = date_in(text, today)
    if day is None:
        return
    field = state.pending if state.pending in _DATE_FIELDS else _date_field(text)
    earlier = getattr(state.profile, field or "", None) or _said_date(state)
    if not date_has_year(text) and isinstance(earlier, date) and earlier.year != day.year:
        day = _same_day(day, earlier.year)  # "说错了，是4月28号" corrects a date said with its year
    values[field or "event_date"] = day


def _date_field(text: str) -> str:
    """What a stated date is: a filing, an expiry, or the event a deadline counts from."""
    around = _around_date(text)  # the words right after the date say what it is
    if any(w in around for w in _FILED_WORDS):
        return "filed_on"
    if any(w in text for w in _EXPIRY_WORDS):
        return "expires_on"
    return "filed_on" if any(w in text for w in _FILED_WORDS) else "event_date"


def _said_date(state: DialogueState) -> date | None:
    """A date the conversation already holds (the year a yearless correction keeps)."""
    return next((d for f in _DATE_FIELDS if isinstance(d := getattr(state.profile, f, None), date)), None)


def _same_day(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 2月29日 in a year without one
        return day


def _around_date(question: str) -> str:
    """The few characters following the date in the question (2024年6月1日设立的 -> 设立的)."""
    from ..reason.dates import date_end

    end = date_end(question)
    return question[end:end + 6] if end is not None else ""


def _history(question: str, values: dict[str, Any]) -> None:
    """The offence's history: how many times, and which measures were already taken."""
    if _NOTIFIED.search(question):
        values["notified_before"] = True
    if _INTERVIEWED.search(question):
        values["interviewed_before"] = True
    if _SECOND.search(question):
        values["occurrence"] = 2
    elif _FIRST.search(question):
        values["occurrence"] = 1



def registered_elsewhere(words: dict[str, str], question: str) -> list[str]:
    """The places an organisation registered in one place means to apply in, when they differ (我们是苏州注册的
    培训公司，想到嘉兴申请做浙江的社会评价组织 → 浙江省); empty when it applies where it is registered.

    >>> registered_elsewhere({"苏州": "江苏省", "嘉兴": "浙江省", "浙江": "浙江省"}, "苏州注册的公司，想到嘉兴申请做浙江的评价组织")
    ['浙江省']
    >>> registered_elsewhere({"苏州": "江苏省"}, "苏州注册的公司，想在苏州申请")
    []
    """
    home = {j for n, j in words.items() if re.search(f"{re.escape(n)}(市|省|县|区)?(注册|登记)", question)}
    # a place is also named by its jurisdiction's own short name (杭州 typed, 浙江这边 said later)
    names = {**words, **{j.rstrip("省市"): j for j in words.values() if j.rstrip("省市") in question}}
    target = [j for n, j in names.items() if j not in home and re.search(
        f"(到|去|来|在){re.escape(n)}(市|省)?[^，,。？?]{{0,4}}(申请|申报|备案)|(做|成为|当){re.escape(n)}(省|市)?的"
        f"|(申请|申报|备案)(成为|做)?{re.escape(n)}(省|市)?(这边|那边|这里|那里)?的", question)]
    return list(dict.fromkeys(target)) if home and target else []


def introduced(words: dict[str, str], question: str, jurisdictions: list[str]) -> list[str]:
    """The named places that introduce the organisation (浙江的…, 在上海注册的…): where it is.
    `words` are the place words the question typed, with their jurisdictions (Scope.words)."""
    named = [(n, j) for n, j in words.items() if j in jurisdictions and n in question]
    return list(dict.fromkeys(j for n, j in named if re.search(f"{re.escape(n)}(市|省|县|区)?{_INTRO}", question)
                              or re.search(f"{re.escape(n)}[^，,。；;？?]{{0,8}}?{_REGISTRY}(注册|登记)", question)))
