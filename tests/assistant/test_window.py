"""Is the application window open on a day (吉林 六、时间安排), answered with the rule cited."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assistant.cli import main
from assistant.reason.window import next_window, window_verdict
from kg.extract import extract_all
from kg.models import Corpus


@pytest.mark.parametrize(
    ("day", "status", "next_start"),
    [(date(2025, 3, 20), "eligible", date(2025, 3, 15)), (date(2025, 3, 31), "not_eligible", date(2025, 7, 15)),
     (date(2025, 10, 30), "eligible", date(2025, 10, 15)), (date(2025, 11, 1), "not_eligible", date(2026, 3, 15))],
)
def test_window_on_a_day(corpus: Corpus, day: date, status: str, next_start: date) -> None:
    facts = extract_all(corpus)
    verdict = window_verdict(facts, corpus, day)
    assert verdict is not None and verdict.status == status
    assert verdict.conditions[0].citation.unit_id == "jilin-2022-78/sec_6"  # type: ignore[union-attr]
    windows = next(d.windows for d in facts.deadlines if d.direction == "window")
    assert next_window(windows, day)[0] == next_start


def test_ask_with_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "吉林2025年3月20日能申报吗"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["intent"] == "window" and answer["verdict"]["status"] == "eligible"
    assert answer["citations"][0]["unit_id"] == "jilin-2022-78/sec_6"
    assert "2025-03-30" in answer["answer"]
