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


# The second final set and the conversations were measured once, then their misses read: development sets now.
# Their floors sit a little under what is measured (final2 56/73 and 70/87; conversations 29/32 and 53/63), far
# under the targets, so that a change that reads the ask from the facts less well is seen.
# The third final set and its conversations likewise (measured 54/74, 76/96 and 53/62, 53/58 unread; 73/74, 90/96
# and 62/62, 56/58 after their misses were read).
# The fourth final set and its conversations likewise (measured 65/85, 84/106 and 55/58, 56/58 unread; 84/85,
# 105/106 and 56/58, 56/58 after their misses were read).
DEVELOPMENT_FLOORS = {"final2.yaml": (73, 0.75, 0.78), "conversations-final.yaml": (32, 0.85, 0.80),
                      "final3.yaml": (74, 0.93, 0.90), "conversations-final3.yaml": (62, 0.95, 0.93),
                      "final4.yaml": (85, 0.95, 0.95), "conversations-final4.yaml": (58, 0.93, 0.93)}


def test_heldout_development_sets_keep_their_floors(engine) -> None:  # type: ignore[no-untyped-def]
    for name, (turns, status, cited) in DEVELOPMENT_FLOORS.items():
        report = evaluate_scenarios(engine, load_scenarios(Path(__file__).parent / "heldout-scenarios" / name))
        assert report.turns_with_status == turns, f"{name} changed size: measure it and set its floor again"
        assert report.status_right / report.turns_with_status >= status, (name, report.failures)
        assert report.cites_right / report.turns_with_cites >= cited, (name, report.failures)
