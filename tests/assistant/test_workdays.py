"""Working-day arithmetic against the official calendar."""

from __future__ import annotations

from datetime import date

from assistant.reason.workdays import add_workdays, is_workday


def test_spring_festival_week_is_skipped_and_make_up_saturday_counts() -> None:
    # 2025: 春节 holiday 1/28–2/4; Sunday 1/26 and Saturday 2/8 are make-up working days
    assert is_workday(date(2025, 1, 26)) == (True, True)
    assert is_workday(date(2025, 1, 30)) == (False, True)
    assert add_workdays(date(2025, 1, 27), 1).due == date(2025, 2, 5)


def test_ten_working_days_around_national_day() -> None:
    result = add_workdays(date(2024, 9, 27), 10)
    assert result.due == date(2024, 10, 16) and not result.provisional  # 9/29 (Sun) and 10/12 (Sat) are make-up days


def test_unpublished_year_is_provisional_and_says_so() -> None:
    result = add_workdays(date(2027, 9, 28), 5)
    assert result.provisional and "尚未公布" in (result.note or "")
    assert result.due == date(2027, 10, 6)  # 10/1–10/3 (Fri–Sun) skipped as fixed holidays
