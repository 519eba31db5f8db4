"""Verdicts on the held-out scenarios' development cases (queries/heldout-scenarios/dev.yaml) may not fall
below the targets: they were written by someone who read neither the rules nor the word lists, so they
measure whether questions are read as people write them. The readers were built while reading this set's
misses, so its figures are optimistic; final.yaml, kept unread, is the real test."""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation.scenarios import evaluate_scenarios, load_scenarios

STATUS_AT_LEAST = 0.90  # measured 55/55 (37/55 before dates, counts and negations were read as written)
CITED_AT_LEAST = 0.95  # measured 66/66 (54/66 before)


def test_heldout_dev_verdicts_reach_the_targets(engine) -> None:  # type: ignore[no-untyped-def]
    report = evaluate_scenarios(engine, load_scenarios(Path(__file__).parent / "heldout-scenarios" / "dev.yaml"))
    assert report.turns_with_status == 55, "the set changed size: measure it and set its floor again"
    assert report.status_right / report.turns_with_status >= STATUS_AT_LEAST, report.failures
    assert report.cites_right / report.turns_with_cites >= CITED_AT_LEAST, report.failures
