"""What a question asks that no clause holds keeps it not covered, however well its subject matches: a sum of
money (the documents say who sets a fee, not how much), a document the corpus does not hold, a thing the
corpus never names, and a where-question about such a thing. Questions on the documents' own rules stay
covered. Written in the ways applicants and staff ask, on the shipped corpus."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


def _ask(engine: Engine, question: str):  # type: ignore[no-untyped-def]
    engine.reset()
    return engine.ask(question)


@pytest.mark.parametrize("question", ["第三方评价机构收考生多少报名费", "宿迁评价机构违规了罚多少钱"])
def test_a_sum_no_clause_states_is_not_covered(engine: Engine, question: str) -> None:
    answer = _ask(engine, question)
    assert answer.coverage == "not_covered" and answer.verdict is None, (answer.coverage, answer.confidence)
    assert answer.coverage_note == "这些文件没有规定具体金额" and answer.confidence <= 0.2


@pytest.mark.parametrize("question", ["人社部发〔2021〕15号文件说了什么", "关于加强技能人才评价工作的若干意见 全文"])
def test_a_document_the_corpus_does_not_hold_is_not_covered(engine: Engine, question: str) -> None:
    answer = _ask(engine, question)
    assert answer.coverage == "not_covered" and answer.verdict is None, (answer.coverage, answer.confidence)
    assert answer.confidence <= 0.2


@pytest.mark.parametrize("question", ["沭阳哪里可以考叉车证", "泗阳哪里能报名考电工证"])
def test_a_where_question_about_an_exam_takers_certificate_is_not_covered(engine: Engine, question: str) -> None:
    answer = _ask(engine, question)
    assert answer.coverage == "not_covered" and answer.verdict is None and not answer.matches


def test_a_foreign_thing_is_named_in_the_note(engine: Engine) -> None:
    answer = _ask(engine, "宿迁市场监管局的食品抽检结果在哪查")
    assert answer.coverage == "not_covered" and "食品" in (answer.coverage_note or "")


@pytest.mark.parametrize("question", ["评价机构的考场要多大面积", "第三方评价机构备案有效期几年", "评价机构考场监控录像要保存多久",
                                      "宿迁评价机构要在哪里设考点"])
def test_the_documents_own_rules_stay_covered(engine: Engine, question: str) -> None:
    answer = _ask(engine, question)
    assert answer.coverage == "covered", (answer.coverage, answer.confidence, answer.coverage_note)


def test_a_where_question_about_the_organisations_places_is_answered(engine: Engine) -> None:
    answer = _ask(engine, "我们是行业协会，在哪些地方能申请当评价机构")
    assert answer.coverage == "covered"


def test_a_named_places_clause_stating_every_word_is_covered(engine: Engine) -> None:
    """Neighbouring articles of 浙江's document share the words (设立 of several kinds of 机构): a small margin
    over them is no sign that the documents leave the question out."""
    answer = _ask(engine, "浙江 职业技能考核鉴定机构 如何设立")
    assert answer.coverage == "covered" and answer.citations[0].unit_id.startswith("zhejiang-2022-20-jigou/art_9")
