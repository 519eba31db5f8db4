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
