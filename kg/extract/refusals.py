"""The items of a list of refusals: 有下列情形之一的，不予备案：（一）近3年内受到行政处罚的；（二）被列入失信名单的.

A list of conditions says what must hold; a list of refusals says what must not. Its items name the bad
thing in the positive (受到行政处罚, 存在违法违规行为), so the negated patterns that read a condition
(无违法违规记录, 未被列入…名单) do not see them: here each item is read as a prohibition of the same
attribute, with the look-back its clause opens with.

>>> [(a, m.group(0)) for a, m in prohibitions("近3年内受到人社部门行政处罚的；")]
[('bad_record', '受到人社部门行政处罚')]
>>> [(a, m.group(0)) for a, m in prohibitions("被列入严重失信主体名单的")]
[('listed_as_untrustworthy', '列入严重失信主体名单')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..facts import Condition
from .conditions import lookback_of
from .parties import subjects_of
from .spans import UnitText

# (attribute, what an item says that the attribute forbids); the first that matches names the item.
FORBIDDEN: list[tuple[str, re.Pattern[str]]] = [
    ("listed_as_untrustworthy", re.compile(r"列入[^，,；;。]{0,20}?(?:名单|名录|目录)")),
    ("bad_record", re.compile(r"(?:受到|受过|被给予)[^，,；;。]{0,12}?(?:行政处罚|刑事处罚|处罚|处分)"
                              r"|(?:存在|有)[^，,；;。]{0,8}?(?:违法违规|违法|违规|失信|不良)(?:行为|记录|情形)")),
    ("safety_accident", re.compile(r"发生[^，,；;。]{0,8}?(?:安全生产|安全|质量)?(?:责任)?事故")),
]


def prohibitions(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """(attribute, match) of what a refusal item forbids, once per attribute."""
    for attribute, pattern in FORBIDDEN:
        m = pattern.search(text)
        if m:
            yield attribute, m


def refusals_in(ut: UnitText, refused: bool) -> Iterator[Condition]:
    """The prohibitions an item of a list of refusals states (`refused`: the unit is such an item)."""
    if not refused:
        return
    for attribute, m in prohibitions(ut.text):
        subjects = subjects_of(ut.text, m.start())
        yield Condition(id="", subject=subjects[0] if subjects else None, subjects=subjects, attribute=attribute,
                        comparator="absent", value=False, polarity="prohibited", lookback=lookback_of(m),
                        text=m.group(0), provenance=ut.provenance(m.start(), m.end()))
