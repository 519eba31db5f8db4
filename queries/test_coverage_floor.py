"""Coverage on the development questions (queries/coverage/dev.yaml) may not fall below the floors.

The floors sit under the figures measured when they were set (`policykg eval queries/coverage`); the
judgement was fitted on this set, so its figures are optimistic: final.yaml, kept unread, is the real test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluation.coverage import CoverageReport, evaluate_coverage, load_coverage

IN_SCOPE_FLAGGED_AT_MOST = 0.03  # measured 2/125 (5/125 before asking forms, quotations and parts were read; 6/125
# before the made phrasings)
OUT_OF_SCOPE_FLAGGED_AT_LEAST = 0.94  # measured 140/146 (136/146 before what no clause holds capped the confidence;
# 131/146 before a route's object had to be a thing the documents name)
CONFIDENT_RIGHT_AT_LEAST = 0.97  # measured 55/55 (58/58 before a near tie was capped; 72/75 before the places table)
VERDICTS_ON_UNCOVERED_AT_MOST = 0  # measured 0 (1 before an opening question the documents barely touch stopped opening a
# determination: 60岁还能报名考证书吗; 3 before a generic word alone stopped opening one)


# The fourth set (final4.yaml), measured once and development data since: its floors sit a little under what it
# measures now (it measured in-scope flagged 8/88, out-of-scope 78/83, confident right 37/40 and 1 verdict on a
# not_covered question when it was first measured).
FINAL4 = Path(__file__).parent / "coverage" / "final4.yaml"
FINAL4_IN_SCOPE_FLAGGED_AT_MOST = 0.06  # measured 4/88
FINAL4_OUT_OF_SCOPE_FLAGGED_AT_LEAST = 0.93  # measured 80/83
FINAL4_CONFIDENT_RIGHT_AT_LEAST = 0.95  # measured 37/37


@pytest.fixture(scope="module")
def report(engine) -> CoverageReport:  # type: ignore[no-untyped-def]
    return evaluate_coverage(engine, load_coverage(Path(__file__).parent / "coverage"))


@pytest.fixture(scope="module")
def fourth(engine) -> CoverageReport:  # type: ignore[no-untyped-def]
    return evaluate_coverage(engine, load_coverage(FINAL4))


def _share(pair: tuple[int, int]) -> float:
    return pair[0] / max(pair[1], 1)


def test_in_scope_questions_are_rarely_flagged(report: CoverageReport) -> None:
    assert _share(report.in_scope_flagged) <= IN_SCOPE_FLAGGED_AT_MOST, report.misses


def test_out_of_scope_questions_are_flagged(report: CoverageReport) -> None:
    assert _share(report.out_flagged) >= OUT_OF_SCOPE_FLAGGED_AT_LEAST, report.misses


def test_confidence_means_what_it_says(report: CoverageReport) -> None:
    assert report.confident_right[1] >= 50 and _share(report.confident_right) >= CONFIDENT_RIGHT_AT_LEAST


def test_few_verdicts_on_uncovered_questions(report: CoverageReport) -> None:
    assert report.verdicts_on_uncovered <= VERDICTS_ON_UNCOVERED_AT_MOST


def test_the_fourth_set_holds_its_figures(fourth: CoverageReport) -> None:
    assert _share(fourth.in_scope_flagged) <= FINAL4_IN_SCOPE_FLAGGED_AT_MOST, fourth.misses
    assert _share(fourth.out_flagged) >= FINAL4_OUT_OF_SCOPE_FLAGGED_AT_LEAST, fourth.misses
    assert fourth.confident_right[1] >= 30 and _share(fourth.confident_right) >= FINAL4_CONFIDENT_RIGHT_AT_LEAST
    assert fourth.verdicts_on_uncovered == 0, fourth.misses


@pytest.mark.parametrize("question", ["如何办理护照", "考研报名时间", "护照过期了怎么续签", "驾照扣分怎么处理"])
def test_unrelated_questions_get_no_citation_as_answer(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    engine.reset()
    answer = engine.ask(question)
    assert answer.coverage == "not_covered" and answer.verdict is None and answer.answer.startswith("这些文件没有")


@pytest.mark.parametrize(("question", "said"), [("上海 公示期多久", "上海市没有收录文件"),
                                                ("合肥评价机构备案期限是几年", "安徽省只收录了池州市的文件")])
def test_a_place_without_a_document_is_named(engine, question: str, said: str) -> None:  # type: ignore[no-untyped-def]
    engine.reset()
    answer = engine.ask(question)
    assert answer.coverage == "partial" and said in (answer.coverage_note or "") and said in answer.answer.split("\n")[0]
