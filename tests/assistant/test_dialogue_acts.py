"""Greetings, thanks and closings get a short reply and never repeat the last verdict; a remembered place is
shown with the answers it scopes."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.engine import Engine
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


def test_thanks_does_not_repeat_the_verdict(engine) -> None:  # type: ignore[no-untyped-def]
    engine.reset()
    first = engine.ask("吉林的备案有效期多久", today=date(2025, 6, 1))
    thanks = engine.ask("谢谢")
    assert thanks.intent == "smalltalk" and thanks.verdict is None and first.answer not in thanks.answer


def test_greeting_then_question(engine) -> None:  # type: ignore[no-untyped-def]
    engine.reset()
    assert engine.ask("你好").intent == "smalltalk"
    answer = engine.ask("宿迁的行业协会，民政评估是3A，想做第三方评价机构，可以吗？")
    assert answer.verdict is not None and answer.verdict.status == "not_eligible"


@pytest.mark.parametrize("said", ["好的", "好吧。", "你好，想咨询个事", "我想咨询一下", "谢谢，换个问题。"])
def test_acknowledgements_and_openings_get_a_short_reply(engine, said: str) -> None:  # type: ignore[no-untyped-def]
    engine.reset()
    engine.ask("池州一家培训学校，每级考评员只有三个，能备案吗？", today=date(2025, 6, 1))
    reply = engine.ask(said, today=date(2025, 6, 1))
    assert reply.intent == "smalltalk" and reply.verdict is None


def test_a_count_corrected_in_its_other_measure_word(engine) -> None:  # type: ignore[no-untyped-def]
    """考评员 said in 人, then corrected in 个 (不对，是六个): the failing fact takes it."""
    engine.reset()
    first = engine.ask("池州一家职业培训学校，每个职业等级的持证考评员只有三人，能备案吗？", today=date(2025, 6, 1))
    assert first.verdict is not None and first.verdict.status == "not_eligible"
    fixed = engine.ask("不对，我数错了，是六个。", today=date(2025, 6, 1))
    assert fixed.verdict is not None and fixed.verdict.status != "not_eligible"


def test_a_how_long_question_later_in_a_conversation_is_answered_by_its_clause(engine) -> None:  # type: ignore[no-untyped-def]
    engine.reset()
    engine.ask("浙江的一家社会评价组织，2023年5月1日设立的，现在能申请延续吗？", today=date(2026, 3, 1))
    rule = engine.ask("延续以后有效期能延长几年？", today=date(2026, 3, 1))
    assert rule.verdict is None and "zhejiang-2022-20-jigou/art_23" in [c.unit_id for c in rule.citations]


def test_a_place_corrected_by_denying_the_other(engine) -> None:  # type: ignore[no-untyped-def]
    """我们在池州，不是吉林: the place said is judged, not the one denied beside it."""
    engine.reset()
    first = engine.ask("吉林一家职业培训学校，场地六百平方米，能报认定机构吗？", today=date(2025, 6, 1))
    assert first.verdict is not None and first.verdict.status == "not_eligible"
    fixed = engine.ask("说错了，我们在池州，不是吉林。", today=date(2025, 6, 1))
    unmet = [c.citation.unit_id for c in fixed.verdict.conditions if c.status == "unmet" and c.citation] if fixed.verdict else []
    assert not any(u.startswith("jilin") for u in unmet)
