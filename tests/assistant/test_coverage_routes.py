"""A route that fits a question by its form alone does not make it covered: 结婚证有效期 asks for a validity
as 备案有效期 does, but the documents regulate 备案, not 结婚证. The route's object decides, read from the
corpus (see assistant/search/strangers.py), and no verdict is given on a question the documents do not cover."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.search.strangers import is_fragment
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


@pytest.mark.parametrize("question, thing", [
    ("结婚证有效期是几年", "结婚证"),
    ("健康证的有效期多长", "健康证"),
    ("招标公告要公示几天", "招标"),
])
def test_a_validity_or_deadline_of_something_the_documents_never_name_is_not_covered(
        engine: Engine, question: str, thing: str) -> None:
    engine.reset()
    answer = engine.ask(question)
    assert answer.coverage == "not_covered", (answer.coverage, answer.confidence)
    assert answer.verdict is None and thing in (answer.coverage_note or "")


@pytest.mark.parametrize("question", ["评价机构备案有效期几年", "池州评价机构备案有效期几年", "认定结果要公示几天"])
def test_the_same_routes_on_what_the_documents_regulate_stay_covered(engine: Engine, question: str) -> None:
    engine.reset()
    answer = engine.ask(question)
    assert answer.coverage == "covered" and answer.citations, (answer.coverage, answer.confidence)


def test_a_circumstance_the_documents_never_name_does_not_hide_a_violation_they_do(engine: Engine) -> None:
    """微信群 is where the 包过 advertisement ran; the sanction is for the advertisement."""
    engine.reset()
    answer = engine.ask("浙江有家评价机构在微信群里发包过广告，会怎么处罚")
    assert answer.coverage == "covered" and answer.computed and answer.computed.get("ladders")


def test_a_due_date_from_the_users_own_date_is_computed(engine: Engine) -> None:
    engine.reset()
    answer = engine.ask("宿迁 备案公示从2025年10月8日开始，最早哪天可以结束公示？")
    assert answer.coverage == "covered" and answer.computed and "due" in answer.computed


def test_a_piece_cut_across_a_date_is_not_a_thing() -> None:
    assert is_fragment("回执是2023年5月1日出的", "日出")
    assert not is_fragment("健康证的有效期多长", "健康证")


def test_a_determination_nobody_asked_for_is_offered_not_given(engine: Engine) -> None:
    """劳动合同备案 asks for a list of papers: the eligibility determination is not imposed on it."""
    engine.reset()
    assert engine.ask("劳动合同备案要准备哪些材料").verdict is None
    engine.reset()
    asked = engine.ask("评价机构备案需要什么条件")
    assert asked.coverage == "covered" and asked.verdict is not None and asked.verdict.status == "needs_info"
