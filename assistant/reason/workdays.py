"""Counting 工作日 with the State Council holiday calendar, 调休 make-up days included.

Published years come from `chinesecalendar` (the official schedule, make-up working Saturdays and all).
A year whose schedule is not published yet is counted with weekends and the fixed-date statutory holidays
only, and the result says it is provisional: calendar days are never silently counted as working days.

>>> from datetime import date
>>> add_workdays(date(2025, 9, 26), 5).due    # the National Day week and its 调休 Saturday
datetime.date(2025, 10, 10)
>>> add_workdays(date(2027, 4, 28), 3).provisional
True
>>> add_workdays(date(2025, 10, 10), -5).due   # five working days before, across the holiday
datetime.date(2025, 9, 26)
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel

# Fixed-date statutory holidays (the lunar ones — 春节, 清明, 端午, 中秋 — need the published schedule).
FIXED_HOLIDAYS = {(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)}


class DueDate(BaseModel):
    """A computed date and whether the holiday schedule for it was published."""

    start: date
    workdays: int
    due: date
    provisional: bool
    note: str | None = None


def is_workday(day: date) -> tuple[bool, bool]:
    """(is a working day, from the published schedule)."""
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:
        return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS, False


def add_workdays(start: date, n: int) -> DueDate:
    """The n-th working day after `start` (before it when n < 0; the day itself not counted)."""
    day, left, published, step = start, abs(n), True, timedelta(days=1 if n >= 0 else -1)
    while left > 0:
        day += step
        working, known = is_workday(day)
        published = published and known
        left -= working
    note = None if published else (f"{day.year} 年的放假调休安排尚未公布：按周末和固定日期的法定节假日计算，"
                                   "实际日期以国务院公布的安排为准")
    return DueDate(start=start, workdays=n, due=day, provisional=not published, note=note)
