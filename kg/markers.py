"""The numbering marks that open a unit, and how they nest in each numbering style.

>>> detect("第二十三条 本办法自发布之日起施行。")
Marker(type='ARTICLE', number=23, marker='第二十三条', rest='本办法自发布之日起施行。')
>>> detect("第 3 条 评价机构应当…").marker
'第三条'
>>> detect("(三) 阅卷不规范").type
'PAREN_CN'
>>> detect("2. 职业技能等级认定备案表").number
2
>>> detect("2022年3月28日") is None
True
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .numerals import cn_to_int, int_to_cn

_CN = "一二三四五六七八九十百零〇"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # A label a PDF conversion spaced out (第 三 条) or wrote in digits (第3条) is the same label.
    ("CHAPTER", re.compile(rf"^(第[ \u3000]*([{_CN}]+|\d{{1,3}})[ \u3000]*章)\s*(.*)$")),
    ("ARTICLE", re.compile(rf"^(第[ \u3000]*([{_CN}]+|\d{{1,3}})[ \u3000]*条)\s*(.*)$")),
    ("ANNEX", re.compile(r"^(附件\s*(\d+))\s*()$")),
    ("ENUM_CN", re.compile(r"^(([一二三四五六七八九十]+)、)\s*(.*)$")),
    ("PAREN_CN", re.compile(r"^([（(]([一二三四五六七八九十]+)[）)])\s*(.*)$")),
    ("PAREN_AR", re.compile(r"^([（(](\d{1,2})[）)])\s*(.*)$")),
    ("ARABIC", re.compile(r"^((\d{1,2})\s*[.．、](?!\d))\s*(.*)$")),
]

# Nesting depth of each mark, per numbering style (smaller = higher up).
LEVELS: dict[str, dict[str, int]] = {
    "article": {"CHAPTER": 0, "ARTICLE": 1, "PAREN_CN": 2, "ARABIC": 3, "PAREN_AR": 4},
    "outline": {"ANNEX": 0, "ENUM_CN": 1, "PAREN_CN": 2, "ARABIC": 3, "PAREN_AR": 4},
}

KINDS: dict[str, str] = {
    "CHAPTER": "chapter", "ARTICLE": "article", "ANNEX": "annex", "ENUM_CN": "section",
    "PAREN_CN": "item", "ARABIC": "point", "PAREN_AR": "subpoint",
}


class Marker(NamedTuple):
    """A numbering mark found at the start of a paragraph."""

    type: str
    number: int
    marker: str
    rest: str


def detect(text: str) -> Marker | None:
    """The numbering mark a paragraph starts with, if any."""
    for mtype, pattern in _PATTERNS:
        m = pattern.match(text)
        if m:
            number = cn_to_int(m.group(2).strip())
            marker = m.group(1).strip()
            if mtype in ("CHAPTER", "ARTICLE") and number > 0:
                marker = f"第{int_to_cn(number)}{marker[-1]}"  # 第 3 条 is cited as 第三条
            return Marker(mtype, number, marker, m.group(3).strip())
    return None


def inline_heading(rest: str) -> str | None:
    """A short title at the start of a unit: `备案申请` in `（一）备案申请。有意愿…`.

    >>> inline_heading("备案申请。有意愿开展职业技能等级认定的用人单位")
    '备案申请'
    >>> inline_heading("征集范围")
    '征集范围'
    >>> inline_heading("依法设立、管理规范、信用良好，热心社会公益事业；") is None
    True
    """
    if rest and len(rest) <= 20 and rest[-1] not in "。；;：:，,":
        return rest
    head, sep, tail = rest.partition("。")
    if sep and tail and 2 <= len(head) <= 12 and not any(p in head for p in "，、；："):
        return head
    return None
