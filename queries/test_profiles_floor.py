"""Matching may not fall below its measured floor on the multi-jurisdiction profiles.

queries/profiles/dev.yaml was written from the documents by someone who never saw the rules; its misses
were read while the rules were revised, so its floor is the issue's target (per-cell accuracy 0.95), from
the structured profiles and from the questions as typed. The later splits (final, final2, final3, final4) were measured
once, unread, and read since: they hold the same floor from the questions; dev5 (the read half of the fifth set) holds
its own, from both, and the sentence may not do worse than the profile. Splits still unread are not measured here.
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
# may not fall below the structured profile's floor either (final3 from the question: 0.857 unread, 0.988 since;
# final4: 0.935 unread, 0.970 since, as from the profile).
LATER = {"final.yaml": 44, "final2.yaml": 37, "final3.yaml": 42, "final4.yaml": 42}


def test_later_profiles_read_from_the_question_as_from_the_profile(workspace: Workspace) -> None:
    for name, size in LATER.items():
        report = evaluate_profiles(workspace, load_profiles(DEV.parent / name))
        assert report.profiles == size, f"{name} changed size: measure it and set its floor again"
        assert report.said.accuracy >= FLOOR, (name, report.said.misses)
        assert report.routed == report.profiles, name


# dev5.yaml, half of the fifth set after one measurement of the whole (from the sentence 0.661, with 31/42 routed),
# read since: from the sentence as from the profile, 0.940, every sentence routed (a third of them name no place).
# Its remaining misses are the matching's own (年检不合格 leaving 信用良好 open, 浙江 第八条 for small enterprises).
DEV5, DEV5_FLOOR = "dev5.yaml", 0.92


def test_dev5_profiles_read_from_the_sentence_as_from_the_profile(workspace: Workspace) -> None:
    report = evaluate_profiles(workspace, load_profiles(DEV.parent / DEV5))
    assert report.profiles == 21, "the set changed size: measure it and set its floor again"
    assert report.structured.accuracy >= DEV5_FLOOR, report.structured.misses
    assert report.said.accuracy >= DEV5_FLOOR, report.said.misses
    assert report.said.right >= report.structured.right, report.said.misses
    assert report.routed == report.profiles
