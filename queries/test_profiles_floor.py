"""Matching may not fall below its measured floor on the multi-jurisdiction profiles.

queries/profiles/dev.yaml was written from the documents by someone who never saw the rules; its misses
were read while the rules were revised, so its floor is the issue's target (per-cell accuracy 0.95), from
the structured profiles and from the questions as typed. The later splits (final, final2, final3) were measured
once, unread, and read since: they hold the same floor from the questions. Splits still unread are not measured here.
"""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation.profiles import evaluate_profiles, load_profiles
from assistant.workspace import Workspace

DEV = Path(__file__).parent / "profiles" / "dev.yaml"
FLOOR = 0.95


def test_dev_profiles_floor(workspace: Workspace) -> None:
    cases = load_profiles(DEV)
    report = evaluate_profiles(workspace, cases)
    assert report.profiles == 28, "the set changed size: measure it and set its floor again"
    assert report.structured.accuracy >= FLOOR, report.structured.misses
    assert report.said.accuracy >= FLOOR, report.said.misses
    assert report.routed == report.profiles


# The later splits were measured once, unread, then their misses read (development sets now): from the question they
# may not fall below the structured profile's floor either (final3 from the question: 0.857 unread, 0.988 since).
LATER = {"final.yaml": 44, "final2.yaml": 37, "final3.yaml": 42}


def test_later_profiles_read_from_the_question_as_from_the_profile(workspace: Workspace) -> None:
    for name, size in LATER.items():
        report = evaluate_profiles(workspace, load_profiles(DEV.parent / name))
        assert report.profiles == size, f"{name} changed size: measure it and set its floor again"
        assert report.said.accuracy >= FLOOR, (name, report.said.misses)
        assert report.routed == report.profiles, name
