"""Dates in questions: 2025年3月20日, 2025-03-20, 3月20日 (this year), 今天, 明天, 下周, 下个月.

>>> from datetime import date
>>> date_in("2025年3月20日能申报吗", date(2024, 1, 1))
datetime.date(2025, 3, 20)
>>> date_in("7月1日可以报吗", date(2025, 5, 5))
datetime.date(2025, 7, 1)
>>> date_in("今天能报吗", date(2025, 5, 5))
datetime.date(2025, 5, 5)
>>> date_in("下个月能报吗", date(2025, 1, 31))
datetime.date(2025, 2, 28)
>>> date_in("能报吗", date(2025, 5, 5)) is None
True
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_FULL = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_RELATIVE = {"今天": 0, "今日": 0, "明天": 1, "后天": 2, "下周": 7, "下星期": 7}


def date_end(text: str) -> int | None:
    """Where the first written date of the text ends (2024年6月1日设立 -> before 设立), if it has one."""
    m = _FULL.search(text) or _MONTH_DAY.search(text)
    return m.end() if m else None


def date_in(text: str, today: date) -> date | None:
    """The date a question names, if any (a date that does not exist is ignored)."""
    try:
        if m := _FULL.search(text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _MONTH_DAY.search(text):
            return date(today.year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None
    for word, days in _RELATIVE.items():
        if word in text:
            return today + timedelta(days=days)
    if "下个月" in text or "下月" in text:
        from .validity import shift

        return shift(today, months=1)
    return None
