"""Deadlines and durations: 公示不少于5个工作日, 提前10个工作日, 自发证日期起30个工作日内, 有效期3年,
有效期满前3个月内, 保存期不少于2年, 每年3月15—30日, 每季度末, 每年至少一次.

Each pattern names the direction the words give; the event is the nearest event word before the
amount in the same sentence, and the anchor an explicit 自…起 / …后 / 期满前.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..facts import Deadline
from ..numerals import cn_to_int
from .spans import UnitText

NUM = r"(\d+|[一二两三四五六七八九十]+|半)"
UNIT = r"(工作日|日|天|个月|月|年)"
# (direction, pattern); the first group is the amount, the second the unit (when present)
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("before", re.compile(rf"提前\s*{NUM}\s*个?\s*{UNIT}")),
    ("before", re.compile(rf"期满前\s*{NUM}\s*个?\s*{UNIT}内")),
    ("at_most", re.compile(rf"最多延长\s*{NUM}\s*{UNIT}")),
    ("valid_for", re.compile(rf"(?:有效期|备案期限|期限)(?:为|延长)?\s*{NUM}\s*{UNIT}")),
    ("valid_for", re.compile(rf"时间原则上为\s*{NUM}\s*{UNIT}")),
    ("at_least", re.compile(rf"(?:不少于|至少保存|至少|保存期为|保存期不少于|保存至少)\s*{NUM}\s*个?\s*{UNIT}")),
    ("at_least", re.compile(rf"(?:连续|满|超)\s*{NUM}\s*{UNIT}")),
    ("at_least", re.compile(rf"{NUM}\s*(年)未开展")),
    ("within", re.compile(rf"{NUM}\s*个?\s*{UNIT}\s*内")),
]
WINDOW = re.compile(r"(\d{1,2})月(\d{1,2})\s*[—\-–~至到]+\s*(\d{1,2})日")
EVERY = re.compile(r"每年至少(?:分别)?(?:安排)?一次|每季度末")
# Time words that qualify a condition, not a deadline: 3年内民政部门年审不合格, 租赁期不少于5年.
CONDITION_CONTEXT = ("年审不合格", "异常目录", "不能申报", "租")

# Event words, most specific first; the one nearest before the amount names the event.
EVENTS: list[tuple[str, str]] = [
    ("连续备案", "视同连续备案"),
    ("证书数据", "证书数据上报"), ("成绩数据", "证书数据上报"), ("认定计划", "计划报备"), ("批次计划", "计划报备"),
    ("评价计划", "计划报备"), ("结果报备", "结果报备"), ("汇总表", "结果报备"), ("告知是否受理", "受理告知"),
    ("评估意见", "评估意见反馈"), ("点击提交", "成绩提交"), ("公示", "公示"), ("工件", "考核工件保存"),
    ("电子", "电子档案保存"), ("纸质", "纸质档案保存"), ("保存", "档案保存"), ("期满前", "延续申请"),
    ("延长", "有效期延长"), ("目录有效期", "目录有效期"), ("有效期", "有效期"), ("备案期限", "有效期"),
    ("试点", "认定试点"), ("申报", "申报"), ("督导", "质量督导"), ("检查", "定期检查"),
    ("未开展", "未开展评价"), ("不开展", "未开展评价"), ("停止", "停止认定工作"), ("规范开展", "规范开展评价"),
]
ANCHORS = re.compile(r"自(.{1,8}?)起|于(.{2,10}?)后|(评价结束|公示无异议|受理备案申请)后|(有效期满)前")


def _amount(text: str) -> float:
    return 0.5 if text == "半" else float(cn_to_int(text))


def _unit(word: str | None) -> str | None:
    return {"个月": "月"}.get(word or "", word)


def _clause(text: str, at: int, marks: str = "。；\n，,") -> tuple[int, str]:
    """The clause (up to the nearest marks) that holds position `at`, and where it starts."""
    start = max(text.rfind(p, 0, at) for p in marks) + 1
    ends = [i for i in (text.find(p, at) for p in marks) if i >= 0]
    return start, text[start: min(ends) if ends else len(text)]


def event_before(text: str, at: int, end: int | None = None) -> str:
    """The event an amount belongs to: the event word ending nearest the amount in its clause,
    else the first event word after it in the sentence (…10个工作日内将《结果汇总表》报…)."""
    start, _ = _clause(text, at)
    before = text[start: end or at]
    best: tuple[int, int, str] | None = None
    for word, event in EVENTS:
        pos = before.rfind(word)
        if pos >= 0 and (best is None or (pos + len(word), len(word)) > best[:2]):
            best = (pos + len(word), len(word), event)
    if best is not None:
        return best[2]
    s_start, sentence = _clause(text, at, "。；\n")
    after, earlier = sentence[at - s_start:], sentence[: at - s_start]
    return next((e for w, e in EVENTS if w in after), None) or next((e for w, e in EVENTS if w in earlier), "期限")


def anchor_before(text: str, at: int) -> str | None:
    """An explicit anchor event (自发证日期起, 评价结束后, 有效期满前) in the sentence."""
    start, _ = _clause(text, at, "。；\n")
    found = None
    for m in ANCHORS.finditer(text, start, at + 12):
        found = next(g for g in m.groups() if g)
    return found


def deadlines_in(ut: UnitText) -> Iterator[Deadline]:
    """Every deadline or duration stated in one unit's text."""
    text, taken = ut.text, []
    for direction, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # a wider pattern already read these words
            taken.append((m.start(), m.end()))
            if any(w in _clause(text, m.start())[1] for w in CONDITION_CONTEXT):
                continue
            yield Deadline(id="", event=event_before(text, m.start(), m.end()), amount=_amount(m.group(1)),
                           unit=_unit(m.group(2)), direction=direction,  # type: ignore[arg-type]
                           anchor=anchor_before(text, m.start()), text=m.group(0),
                           provenance=ut.provenance(m.start(), m.end()))
    yield from _windows(ut)
    for m in EVERY.finditer(text):
        unit, amount = ("月", 3.0) if "季度" in m.group(0) else ("年", 1.0)
        yield Deadline(id="", event=event_before(text, m.end()), amount=amount, unit=unit,  # type: ignore[arg-type]
                       direction="every", text=m.group(0), provenance=ut.provenance(m.start(), m.end()))


def _windows(ut: UnitText) -> Iterator[Deadline]:
    """Yearly windows (每年的3月15—30日、7月15—30日…) as one fact with every window."""
    found = list(WINDOW.finditer(ut.text))
    if len(found) < 2 or "每年" not in ut.text:
        return
    windows = [(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in found]
    yield Deadline(id="", event=event_before(ut.text, found[0].start()), direction="window", windows=windows,
                   text=ut.text[found[0].start(): found[-1].end()],
                   provenance=ut.provenance(found[0].start(), found[-1].end()))
