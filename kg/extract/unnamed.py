"""Amounts a list of conditions requires that no attribute names: 具有高级职称的专业技术人员不少于3人,
年培训规模500人次以上, 配备计算机不少于30台.

A threshold in an item of a list of conditions (应当具备下列条件) is a requirement whatever it counts: a
regulator adds new ones with every document. When no cue word of kg/data/attributes.yaml names it, it is
still a condition, named by what it counts (`unnamed_persons`, `unnamed_count`, `unnamed_area`), quoted
from its clause's start so the words say what is counted; a volume of activity (`unnamed_person_times`) and
years of an activity (`unnamed_years`) are read but not kept (see KEPT). Time whose clause names a period of
the work is left to the deadline reader (公示不少于5个工作日 is a period, not a condition); amounts without a
comparator (a description: 共有3个考场) are no threshold.

>>> [(name, q.value, q.comparator, text) for name, q, text, _ in unnamed_readings("具有高级职称的专业技术人员不少于3人")]
[('unnamed_persons', 3.0, '>=', '具有高级职称的专业技术人员不少于3人')]
>>> list(unnamed_readings("公示期不少于5个工作日"))
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..facts import Condition
from .conditions import CLAUSE, REFUSAL, SENTENCE, numeric_readings, scope_before
from .parties import subjects_in, subjects_of
from .quantities import Quantity, quantities_in
from .spans import UnitText

NAMES = {"persons": "unnamed_persons", "count": "unnamed_count", "area": "unnamed_area",
         "person_times": "unnamed_person_times", "time": "unnamed_years"}
# Time in a list of conditions is a requirement (开设相关专业3年以上) unless its clause names a period of the
# work (有效期, 保存, 公示 …), which the deadline reader reads.
PERIOD_WORDS = re.compile(r"有效期|期限|保存|公示|公告|期满|提前|之日|以内|内$")
FLIP = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}
LEAD_IN = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）.．、]\s*|其中\s*|并\s*|且\s*)+")


def _bounds(text: str, at: int, marks: str) -> tuple[int, int]:
    start = max(text.rfind(p, 0, at) for p in marks) + 1
    ends = [i for i in (text.find(p, at) for p in marks) if i >= 0]
    return start, min(ends) if ends else len(text)


def unnamed_readings(text: str) -> Iterator[tuple[str, Quantity, str, int]]:
    """(attribute, amount, quote, quote start) of every threshold in a text no attribute names."""
    named = {(r.quantity.start, r.quantity.end) for r in numeric_readings(text)}
    for q in quantities_in(text):
        if q.dimension not in NAMES or q.comparator is None or (q.start, q.end) in named:
            continue
        start, end = _bounds(text, q.start, CLAUSE)
        if q.dimension == "time" and (q.unit not in ("年", "月") or q.comparator not in (">=", ">")
                                      or PERIOD_WORDS.search(text[start: q.end]) or PERIOD_WORDS.search(text[q.end: end])):
            continue
        start += len(m.group(0)) if (m := LEAD_IN.match(text[start: q.start])) else 0
        if q.start - start < 2:
            continue  # 不少于3人 alone: nothing says what is counted
        yield NAMES[q.dimension], q, text[start: q.end], start


# What is kept as a fact: staff, equipment and space, which annotators of the genre's requirements count as
# requirements on the organisation; a volume of activity (年培训500人次以上) or a number of years of some
# activity no attribute names is a requirement too, but of the running of the work, and is left out.
KEPT = {"unnamed_persons", "unnamed_count", "unnamed_area"}


def unnamed_in(ut: UnitText, listed: bool) -> Iterator[Condition]:
    """The thresholds an item of a list of conditions states that no attribute names (`listed`: the unit is
    such an item; elsewhere an amount is a figure of the running of the work, not a condition). Those not
    KEPT still tell the caller which time is a requirement rather than a deadline."""
    if not listed:
        return
    text = ut.text
    for name, q, quote, start in unnamed_readings(text):
        comparator = q.comparator or ">="
        if REFUSAL.search(text, q.end, _bounds(text, q.end, SENTENCE)[1]):
            comparator = FLIP[comparator]
        subjects = subjects_in(text[start: q.start]) or subjects_of(text, start)  # 院校类申报单位还应…3年以上
        scope = scope_before(text, _bounds(text, q.start, SENTENCE)[0], q.start)
        yield Condition(id="", subject=subjects[0] if subjects else None, subjects=subjects, attribute=name,
                        comparator=comparator, value=q.value, value_max=q.value_max, unit=q.unit, scope=scope,
                        text=quote, provenance=ut.provenance(start, q.end))
