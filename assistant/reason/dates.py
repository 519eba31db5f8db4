"""Dates in questions, as people write them: a full date, a month and day, a month alone, or a day relative
to today (去年8月, 上个月, 下个月15日, 今天, 10.8, 10月8号), or the edge of a month or year (2月底, 3月初, 年底).

A year may be written (2025年), relative (去年, 今年, 明年, 前年) or left out (this year); a month may be
written or relative (上个月, 下个月, 本月); a day may be left out, and a date named by its month alone is
read as the first of that month (备案是2022年5月 → 2022-05-01); the answer shows the date it used.

>>> from datetime import date
>>> today = date(2025, 5, 5)
>>> date_in("2025年3月20日能申报吗", date(2024, 1, 1))
datetime.date(2025, 3, 20)
>>> date_in("7月1日可以报吗", today), date_in("10月8号开考", today), date_in("10.8交的材料", today)
(datetime.date(2025, 7, 1), datetime.date(2025, 10, 8), datetime.date(2025, 10, 8))
>>> date_in("2025.12.25交了申请", today), date_in("2025-03-20", today)
(datetime.date(2025, 12, 25), datetime.date(2025, 3, 20))
>>> date_in("2022年5月遴选设立的", today), date_in("去年8月才备案", today)
(datetime.date(2022, 5, 1), datetime.date(2024, 8, 1))
>>> date_in("前年3月10日成立", today), date_in("明年1月", today)
(datetime.date(2023, 3, 10), datetime.date(2026, 1, 1))
>>> date_in("今天能报吗", today), date_in("昨天考完", today)
(datetime.date(2025, 5, 5), datetime.date(2025, 5, 4))
>>> date_in("下个月能报吗", date(2025, 1, 31)), date_in("下个月15日开考", today), date_in("上个月20号考完", today)
(datetime.date(2025, 2, 28), datetime.date(2025, 6, 15), datetime.date(2025, 4, 20))
>>> date_in("场地1.2千平米", today) is None, date_in("能报吗", today) is None, date_in("2月30日", today) is None
(True, True, True)
>>> date_in("评分8.5分", today) is None, date_in("第3.2条", today) is None, date_in("占地1.5亩", today) is None
(True, True, True)
>>> date_in("有效期到2026年2月底", today), date_in("上个月底考完", today), date_in("今年年底到期", today)
(datetime.date(2026, 2, 28), datetime.date(2025, 4, 30), datetime.date(2025, 12, 31))
>>> date_in("3月初备案", today), date_in("2024年底备案", today)
(datetime.date(2025, 3, 1), datetime.date(2024, 12, 31))
>>> date_has_year("4月28号结束的"), date_has_year("2025年4月28日"), date_has_year("去年8月")
(False, True, True)
>>> date_in("这批证是4.18发的（2024年）", today), date_in("国庆后10月13号(2026年)开考", today)
(datetime.date(2024, 4, 18), datetime.date(2026, 10, 13))
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_YEAR = r"(?:(?P<year>\d{4})\s*年|(?P<ryear>去年|今年|明年|前年|后年))"
_MONTH = r"(?:(?P<month>\d{1,2})\s*月份?|(?P<rmonth>上个?月|下个?月|这个月|本月))"
_DAY = r"(?:(?P<day>\d{1,2})\s*[日号]|(?P<edge>底|末|初))"
_YEAR_END = re.compile(rf"{_YEAR}\s*(?:年)?(?:底|末)")
_WRITTEN = re.compile(rf"(?:{_YEAR}\s*)?{_MONTH}\s*(?:{_DAY})?")
_NUMERIC = re.compile(r"(?<![\d.])(?:(?P<year>\d{4})\s*[\-/.]\s*)?(?P<month>1[0-2]|0?[1-9])\s*[\-/.]\s*"
                      r"(?P<day>3[01]|[12]\d|0?[1-9])(?![\d.])(?!\s*[千万百平米㎡方亩年个人名位元倍%分条款项章节级岁吨a-zA-Z])")
_YEAR_AFTER = re.compile(r".{0,4}?[（(]\s*(\d{4})\s*年?\s*[)）]")
_YEARS = {"去年": -1, "今年": 0, "明年": 1, "前年": -2, "后年": 2}
_MONTHS = {"上个月": -1, "上月": -1, "下个月": 1, "下月": 1, "这个月": 0, "本月": 0}
# 下周三, 这个星期五, 周一: a weekday of next, this or last week (bare: the next one from today on)
_WEEKDAY = re.compile(r"(?<![每几])(?P<week>下个?|这个?|本|上个?)?(?:周|星期|礼拜)(?P<day>[1-7一二三四五六日天])(?![\d次个年天])")
_WEEKS = {"下": 1, "下个": 1, "这": 0, "这个": 0, "本": 0, "上": -1, "上个": -1}
_DAYS = {"今天": 0, "今日": 0, "明天": 1, "后天": 2, "昨天": -1, "前天": -2, "下周": 7, "下星期": 7, "上周": -7}


def find_date(text: str, today: date) -> tuple[date, int, bool] | None:
    """The first date the text names: the day, where its words end, and whether a year was given."""
    if (m := _YEAR_END.search(text)) and not _WRITTEN.search(text[: m.start()]):
        year = int(m.group("year")) if m.group("year") else today.year + _YEARS[m.group("ryear")]
        return date(year, 12, 31), m.end(), True  # 2025年底, 今年年底
    for pattern in (_NUMERIC, _WRITTEN):
        for m in pattern.finditer(text):
            day = _from_match(m, today)
            if day is not None:
                if not (m.group("year") or m.groupdict().get("ryear")) and (y := _YEAR_AFTER.match(text, m.end())):
                    try:  # 4.18发的（2025年）: a year said in brackets after the day is the day's year
                        return day.replace(year=int(y.group(1))), y.end(), True
                    except ValueError:  # 2月29日 of a year without it
                        return None
                return day, m.end(), bool(m.group("year") or m.groupdict().get("ryear"))
            if pattern is _NUMERIC or m.group("month"):
                return None  # a date that does not exist (2月30日) is no date, not a later one
    if m := _WEEKDAY.search(text):
        return _weekday(m, today), m.end(), True
    for word, days in _DAYS.items():
        if (at := text.find(word)) >= 0:
            return today + timedelta(days=days), at + len(word), True
    return None


def _weekday(m: re.Match[str], today: date) -> date:
    """The day a weekday names: in the week said (下周三), else the next such day from today on (周三).

    >>> _weekday(_WEEKDAY.search("下周三"), date(2026, 7, 9)), _weekday(_WEEKDAY.search("周一"), date(2026, 7, 9))
    (datetime.date(2026, 7, 15), datetime.date(2026, 7, 13))
    """
    wanted = "1234567一二三四五六日".find(m.group("day"))
    wanted = 6 if m.group("day") in "日天" else (wanted if wanted < 7 else wanted - 7)
    if m.group("week") is None:
        return today + timedelta(days=(wanted - today.weekday()) % 7)
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=_WEEKS[m.group("week")])
    return monday + timedelta(days=wanted)


def _from_match(m: re.Match[str], today: date) -> date | None:
    """The day a match names (None: it does not exist, or a numeric form without its day)."""
    groups = m.groupdict()
    numeric = "ryear" not in groups  # 2025.12.25, 10.8: the day is always written
    if numeric and not groups["day"]:
        return None
    year = int(groups["year"]) if groups["year"] else today.year + _YEARS.get(groups.get("ryear") or "今年", 0)
    if groups["month"]:
        month = int(groups["month"])
    else:  # 上个月, 下个月, 本月: counted from this month; a relative year (去年下个月) is not a thing people say
        moved = _shift(today.replace(day=1), _MONTHS[groups["rmonth"]])
        year, month = (year if groups["year"] or groups.get("ryear") else moved.year), moved.month
        if not groups["day"] and not groups.get("edge"):
            return _shift(today, _MONTHS[groups["rmonth"]])  # 下个月: the same day next month
    if groups.get("edge") in ("底", "末"):  # 2月底: the month's last day
        return _shift(date(year, month, 1), 1) - timedelta(days=1)
    try:
        return date(year, month, int(groups["day"] or 1))
    except ValueError:
        return None


def _shift(day: date, months: int) -> date:
    from .validity import shift

    return shift(day, months=months)


def month_only(text: str, today: date) -> bool:
    """Whether the date the text names is a month without its day (6月份能申报吗, 2023年8月拿的): a question about
    the window asks about the whole month then, not its first day.

    >>> month_only("6月份能申报吗", date(2026, 1, 5)), month_only("6月20日能申报吗", date(2026, 1, 5))
    (True, False)
    >>> month_only("下个月能报吗", date(2026, 1, 5)), month_only("能报吗", date(2026, 1, 5))
    (False, False)
    """
    found = find_date(text, today)
    if found is None:
        return False
    m = _WRITTEN.search(text)
    return bool(m and m.end() == found[1] and m.group("month") and not m.group("day") and not m.group("edge"))


def date_end(text: str) -> int | None:
    """Where the first written date of the text ends (2024年6月1日设立 -> before 设立), if it has one."""
    found = find_date(text, date.today())
    return found[1] if found else None


def date_in(text: str, today: date) -> date | None:
    """The date a question names, if any (a date that does not exist is ignored)."""
    found = find_date(text, today)
    return found[0] if found else None


def date_has_year(text: str) -> bool:
    """Whether the date the text names says its year (a correction "4月28号" keeps the year said before)."""
    found = find_date(text, date.today())
    return bool(found and found[2])
