"""Deadlines and durations: 公示不少于5个工作日, 提前10个工作日, 自发证日期起30个工作日内, 有效期3年,
有效期满前3个月内, 保存期不少于2年, 一年内无正当理由不开展, 每年3月15—30日, 每季度末, 每年至少一次.

Every amount of time is read by the general reader (quantities.py: numerals, unit spellings, comparator
words); the words around it give the direction (kg.facts.Direction):

- 提前 N / 于…前 N         at_least_before  N or more before the anchor
- …期满前 N 内              within_before    in the last N before the anchor
- N 内 / 以内                within           no later than N after the anchor
- 不少于 / 至少 / N 以上     at_least         lasts N or more (公示, 保存)
- 最多 / 不超过 N            at_most
- 有效期 / 期限 N            valid_for
- N 内未开展 / 停止…超 N     inactivity       a stretch without activity that has consequences
- N 内无违规                 lookback         a clean record over the past N

The event is the nearest event word in the clause (else in the sentence); the anchor is the event the
sentence counts from (自…起, …后, …期满前, for 提前 the activity planned); the actor is who the
sentence asks to act (parties.actor_in).

>>> [(d.direction, d.amount, d.unit, d.event) for d in _read("技能操作考核工件，保存期不少于半年")]
[('at_least', 0.5, '年', '考核工件保存')]
>>> [(d.direction, d.amount, d.unit) for d in _read("一年内无正当理由不开展评价活动的")]
[('inactivity', 1.0, '年')]
>>> [(d.direction, d.anchor) for d in _read("应于有效期满前3个月内提交申请")]
[('within_before', '有效期满')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..facts import Deadline, Provenance
from .parties import actor_of
from .quantities import Quantity, quantities_in
from .spans import UnitText

CLAUSE = "。；;\n，,"
SENTENCE = "。；;\n"
WINDOW = re.compile(r"(\d{1,2})月(\d{1,2})\s*[—\-–~至到]+\s*(\d{1,2})日")
EVERY = re.compile(r"每年至少(?:分别)?(?:安排)?一次|每季度末|每年年初|每年(?:定期)?开展一次")
NO_LATER_THAN = re.compile(r"(?:须|应|应当|需)?在(?P<anchor>[^，。；]{2,20}?)前(?:制定|完成|上报|报送|提交)")

# Event words, most specific first; the one nearest the amount names the event.
EVENTS: list[tuple[str, str]] = [
    ("连续备案", "视同连续备案"), ("年度工作计划", "年度工作计划发布"), ("工作方案", "工作方案制定"),
    ("续期申请", "续期申请"), ("证书数据", "证书数据上报"), ("成绩数据", "证书数据上报"), ("认定计划", "计划报备"), ("批次计划", "计划报备"),
    ("评价计划", "计划报备"), ("结果报备", "结果报备"), ("汇总表", "结果报备"), ("告知是否受理", "受理告知"),
    ("评估意见", "评估意见反馈"), ("点击提交", "成绩提交"), ("公示", "公示"), ("工件", "考核工件保存"),
    ("电子", "电子档案保存"), ("纸质", "纸质档案保存"), ("保存", "档案保存"), ("期满前", "延续申请"), ("申请延续", "延续申请"), ("延续申请", "延续申请"),
    ("延长", "有效期延长"), ("目录有效期", "目录有效期"), ("有效期", "有效期"), ("备案期限", "有效期"),
    ("聘期", "聘期"), ("任期", "任期"),
    ("试点", "认定试点"), ("申报", "申报"), ("督导", "质量督导"), ("检查", "定期检查"),
    ("未开展", "未开展评价"), ("不开展", "未开展评价"), ("停止", "停止认定工作"), ("规范开展", "规范开展评价"),
    # Acts every document of the genre times, named by their verb (a sentence without the words above).
    ("评价结果", "结果报备"), ("认定结果", "结果报备"), ("考核结果", "结果报备"), ("复核", "复核申请"), ("查分", "查分申请"),
    ("申诉", "复核申请"), ("异议", "复核申请"), ("变更", "变更报告"), ("整改", "整改"), ("审核", "审核"),
    ("审查", "审核"), ("上传", "数据上传"), ("录入", "数据上传"), ("颁发", "证书发放"), ("核发", "证书发放"),
    ("发放", "证书发放"), ("发证", "证书发放"), ("补办", "证书补办"), ("备案申请", "备案申请"), ("报告", "报告"),
]
# Acts that name the event only as what is to be done after the amount (…15个工作日内组织专家评估): before it,
# they qualify a noun (通过技术评估的机构…公示).
EVENTS_AFTER: list[tuple[str, str]] = [("评估", "评估")]
# A generic event the sentence may name more precisely before the clause: 考核工件，保存期不少于半年.
REFINES = {"档案保存": ("工件",)}
# Words right before the amount that say what kind of time it is.
# 保存期限: a retention; 聘期为三年, 任期3年: the term an appointment lasts
VALID_BEFORE = re.compile(r"(?:有效期|备案期限|(?<!保存)期限|时间原则上|聘期|任期|聘用期)(?:为|是|延长)?\s*$")
AT_LEAST_BEFORE = re.compile(r"(?:至少)?(?:提前|前)\s*(?:至少)?\s*$")
WITHIN_BEFORE = re.compile(r"(?:期满|到期|届满|截止|结束|有效期)前\s*$")
AT_MOST_BEFORE = re.compile(r"(?:最多|至多|最长)(?:延长|不超过)?\s*$")
KEEP_BEFORE = re.compile(r"保存期(?:为|是)\s*$|(?:公示|公示期|公示时间|公告期)(?:为|是)?\s*$")
INACTIVE_AFTER = re.compile(r"\s*(?:内|以内)?\s*(?:无正当理由)?\s*(?:未|不|没有)(?:开展|从事|组织|实施|进行)")
# A time a sanction's measure lasts (此后两年内不再接受其备案申请, 3年内不得参加): the measure, not a deadline.
MEASURE_AFTER = re.compile(r"\s*(?:内|以内)\s*(?:不再|不得|不予|禁止)(?:接受|受理|参加|申请|申报|备案|认定|开展|从事)")
INACTIVE_BEFORE = re.compile(r"(?:停止|未开展|不开展)[^，。；]{0,20}?(?:超过|超|满)?\s*$")
CLEAN_AFTER = re.compile(r"\s*(?:内|以内)[^，。；]{0,12}?(?:无|未发生|没有)[^，。；]{0,6}?(?:违规|违纪|违法|失信|事故)")
ANCHORS = [re.compile(p) for p in (
    r"自(?P<a>[^，。；]{1,12}?)(?:之日)?起",
    # 成绩公布日起十个工作日内: a day named by its act, counted from without 自 (a later pattern that matches wins).
    r"(?P<a>[^，。；自在从于应须将的]{2,10}?(?:日|日期))起(?=\s*(?:[0-9０-９一二两三四五六七八九十]))",
    r"(?:在|从)?(?P<a>[^，。；自在从于应须将]{2,12}?)之日起",
    r"于(?P<a>[^，。；]{2,10}?)后", r"经(?P<a>[^，。；]{2,10}?)(?:的|后)，",
    r"(?P<a>评价结束|公示无异议|受理备案申请|试点结束|收到[^，。；]{1,10}?)后",
    # …结束后 / …公布后 / …核发后 N 日内: an act done, right before the amount.
    r"(?P<a>[^，。；自在从于应须将的]{1,10}?(?:结束|完成|公布|公示期满|公示|发布|核发|颁发|发放|变更|批准|通过|受理|"
    r"提交|举行|实施))后(?=\s*(?:[0-9０-９一二两三四五六七八九十]|的))",
    r"(?P<a>有效期届满|有效期满|期满|到期|届满|有效期)前",
    # …认定考核前15个工作日 / 考试开始前3日: the act planned, right before 前 and the amount.
    r"(?P<a>[^，。；在于应须将的]{1,10}?(?:开始|举行|实施|开考|考核|考试|认定|鉴定|评价|活动))前"
    r"(?=\s*(?:至少)?\s*[0-9０-９一二两三四五六七八九十])")]
TERM = re.compile(r"聘期|任期|聘用期")
APPOINTED = re.compile(r"聘任|聘用|任命|受聘")
PLANNED = re.compile(r"(认定批次|评价批次|批次|认定|评价|考试|考核|鉴定)")


def _bounds(text: str, at: int, marks: str) -> tuple[int, int]:
    start = max(text.rfind(p, 0, at) for p in marks) + 1
    ends = [i for i in (text.find(p, at) for p in marks) if i >= 0]
    return start, min(ends) if ends else len(text)


def _nearest_event(words: str) -> tuple[int, str] | None:
    """(end position, event) of the event word ending nearest the end of `words` (the longer on ties)."""
    best: tuple[int, int, str] | None = None
    for word, event in EVENTS:
        pos = words.rfind(word)
        if pos >= 0 and (best is None or (pos + len(word), len(word)) > best[:2]):
            best = (pos + len(word), len(word), event)
    return (best[0], best[2]) if best else None


def event_of(text: str, at: int, end: int, anchor: str | None = None) -> str:
    """The event an amount belongs to: the nearest event word before it in its clause (refined by the
    sentence: 考核工件，保存期), else the first event word after it in the sentence (…内将《结果汇总表》报…).
    The anchor's words name what is counted from, not what must be done (成绩公示结束后20日内发放证书)."""
    c_start, _ = _bounds(text, at, CLAUSE)
    s_start, s_end = _bounds(text, at, SENTENCE)
    before = text[c_start: end]
    if anchor and anchor in before:
        before = before.replace(anchor, "　" * len(anchor))
    found = _nearest_event(before)
    if found:
        event = found[1]
        for word in REFINES.get(event, ()):
            if word in text[s_start: c_start]:
                return next(e for w, e in EVENTS if w == word)
        return event
    after, earlier = text[end: s_end], text[s_start: at]
    if anchor:
        earlier = earlier.replace(anchor, "　" * len(anchor))
    return (next((e for w, e in EVENTS + EVENTS_AFTER if w in after), None)
            or next((e for w, e in EVENTS if w in earlier), None) or _act_after(after) or "期限")


# What the words right after an amount require or forbid to be done in it (二年内，不得再依第一项规定申请评鉴):
# the act, named by its own verb and object, when no event word names it.
ACT_AFTER = re.compile(r"^\s*(?:内|以内|之内)?\s*[，,]?\s*(?:应当|应|须|不得|不能|不再|禁止)?\s*(?P<again>再)?\s*"
                       r"(?:依[^，,。；;]{0,12}?规定\s*)?(?P<act>(?:申请|申报|提出|提交|办理|参加|报送)[^，,。；;\s]{1,8})")


def _act_after(after: str) -> str | None:
    m = ACT_AFTER.match(after)
    return (m.group("again") or "") + m.group("act") if m else None


def anchor_of(text: str, at: int, direction: str) -> str | None:
    """The event the sentence counts from (自发证日期起, 评价结束后, 有效期满前); for 提前, the activity
    planned (认定批次); a term of validity only from an explicit 自…起."""
    s_start, s_end = _bounds(text, at, SENTENCE)
    found = None
    for pattern in ANCHORS[:1] if direction == "valid_for" else ANCHORS:
        for m in pattern.finditer(text, s_start, min(s_end, at + 12)):
            found = m.group("a")
    if found is None and direction == "valid_for" and TERM.search(text, s_start, at):
        appointed = APPOINTED.search(text, s_start, at)  # 聘任为质量督导员，聘期为三年: the term runs from it
        found = appointed.group(0) if appointed else None
    if found is None and direction == "at_least_before":
        planned = PLANNED.search(text, at, s_end) or PLANNED.search(text, s_start, at)
        if planned:
            found = "认定批次" if "批次" in text[s_start: s_end] else planned.group(1) + "实施"
    return found


def direction_of(text: str, q: Quantity) -> tuple[str, int] | None:
    """What kind of time an amount is, from the words around it, and where the words that say so
    start (提前, 期满前, 有效期, 最多延长: quoted with the amount); None when the words say nothing."""
    c_start = _bounds(text, q.start, CLAUSE)[0]
    near, far = max(c_start, q.num_start - 12), max(c_start, q.start - 24)
    before, bare_before, after = text[near: q.num_start], text[far: q.start], text[q.end: q.end + 24]
    if INACTIVE_AFTER.match(after) or (INACTIVE_BEFORE.search(bare_before) and q.suffix not in ("内", "以内")):
        return "inactivity", q.start
    if CLEAN_AFTER.match(after) or (q.suffix in ("内", "以内") and CLEAN_AFTER.match("内" + after)):
        return "lookback", q.start
    for direction, pattern, words, start in (
            ("within_before", WITHIN_BEFORE, bare_before, far), ("at_least_before", AT_LEAST_BEFORE, before, near),
            ("at_least_before", AT_LEAST_BEFORE, bare_before, far), ("at_most", AT_MOST_BEFORE, before, near),
            ("valid_for", VALID_BEFORE, bare_before, far)):
        m = pattern.search(words)
        if m and (direction != "within_before" or q.suffix in ("内", "以内", "之内")):
            return direction, min(start + m.start(), q.start)
    if q.comparator in ("<=", "<") and q.suffix is None:
        return "at_most", q.start
    if q.suffix in ("内", "以内", "之内"):
        return "within", q.start
    if q.comparator in (">=", ">") or KEEP_BEFORE.search(bare_before):
        return "at_least", q.start
    return None


def _event_after(text: str, end: int) -> str | None:
    """What must be done in the last stretch before an end (有效期前90日内，向…提交备案续期申请): the first event
    word in the two clauses after the amount; the words before it name the end counted back from."""
    first_end = _bounds(text, end, CLAUSE)[1]
    words = text[end: _bounds(text, first_end + 1, CLAUSE)[1] if first_end < len(text) else first_end]
    words = words[: min([i for i in (words.find(p) for p in SENTENCE) if i >= 0] or [len(words)])]
    hits = [(words.find(w), -len(w), e) for w, e in EVENTS if w in words]
    return min(hits)[2] if hits else None


def _inactive_event(text: str, q: Quantity) -> str:
    """The activity a stretch of inactivity stops: the inactivity words next to the amount name it."""
    c_start, c_end = _bounds(text, q.start, CLAUSE)
    around = text[q.end: c_end] + text[c_start: q.start]
    return next((e for w, e in EVENTS if w in ("未开展", "不开展", "停止") and w in around), "未开展评价")


def _read(text: str, ut: UnitText | None = None) -> Iterator[Deadline]:
    """Deadlines of a text (provenance from `ut`, or relative to the text alone)."""
    def prov(a: int, b: int) -> Provenance:
        if ut is not None:
            return ut.provenance(a, b)
        return Provenance(doc_id="", unit_id="", start=a, end=b, quote=text[a:b])

    for q in quantities_in(text):
        if q.dimension != "time" or q.unit == "日" and q.value_max is not None:
            continue
        if re.search(r"[（(]含\s*$", text[max(0, q.start - 3): q.start]):
            continue  # （含1年）restates the amount just read
        if MEASURE_AFTER.match(text, q.end - (1 if q.suffix in ("内",) else 2 if q.suffix == "以内" else 0)):
            continue
        read = direction_of(text, q)
        if read is None:
            continue
        direction, start = read
        actor = None if direction in ("valid_for", "lookback") else actor_of(text, q.start)
        anchor = anchor_of(text, q.start, direction)
        event = _inactive_event(text, q) if direction == "inactivity" else (
            direction == "within_before" and _event_after(text, q.end)
            or event_of(text, q.start, q.end, anchor if direction == "within" else None))
        yield Deadline(id="", event=event, amount=q.value, amount_max=q.value_max,
                       unit=q.unit, direction=direction, anchor=anchor,
                       actor=actor, text=text[start: q.end], provenance=prov(start, q.end))
    for m in NO_LATER_THAN.finditer(text):
        yield Deadline(id="", event=event_of(text, m.start(), m.end()), direction="at_least_before",
                       anchor=m.group("anchor"), actor=actor_of(text, m.start()), text=m.group(0),
                       provenance=prov(m.start(), m.end()))
    for m in EVERY.finditer(text):
        unit, amount = ("月", 3.0) if "季度" in m.group(0) else ("年", 1.0)
        yield Deadline(id="", event=event_of(text, m.end(), m.end()), amount=amount, unit=unit,
                       direction="every", actor=actor_of(text, m.start()), text=m.group(0),
                       provenance=prov(m.start(), m.end()))


def deadlines_in(ut: UnitText) -> Iterator[Deadline]:
    """Every deadline or duration stated in one unit's text."""
    yield from _read(ut.text, ut)
    yield from _windows(ut)


def _windows(ut: UnitText) -> Iterator[Deadline]:
    """Yearly windows (每年的3月15—30日、7月15—30日…) as one fact with every window."""
    found = list(WINDOW.finditer(ut.text))
    if len(found) < 2 or "每年" not in ut.text:
        return
    windows = [(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in found]
    yield Deadline(id="", event=event_of(ut.text, found[0].start(), found[0].start()), direction="window",
                   windows=windows, text=ut.text[found[0].start(): found[-1].end()],
                   provenance=ut.provenance(found[0].start(), found[-1].end()))
