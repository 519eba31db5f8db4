"""Questions typed in quick succession, or while the index is first built, wait their turn and are
answered in order; the status line says what is happening."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from assistant.tui.app import make_app
from assistant.tui.conversation import AnswerView
from assistant.tui.status import StatusLine


async def test_questions_typed_quickly_are_all_answered_in_order(fresh: Any, settle: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        box = app.query_one("#question")
        for q in ("外部考点条件", "公示期多久", "档案保存多久"):
            box.value = q
            await pilot.press("enter")
        await settle(app, pilot)
        assert [v.answer.question for v in app.query(AnswerView)] == ["外部考点条件", "公示期多久", "档案保存多久"]


async def test_a_second_question_typed_right_after_enter_is_not_merged(fresh: Any, settle: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"外部考点条件", "enter", *"公示期多久", "enter")
        await settle(app, pilot)
        assert [v.answer.question for v in app.query(AnswerView)] == ["外部考点条件", "公示期多久"]


async def test_enter_while_the_index_is_built_queues_the_question_and_says_so(
        engine: Any, monkeypatch: pytest.MonkeyPatch, settle: Any) -> None:
    from assistant.engine import Engine

    release = threading.Event()

    def slow_open(ws: Any, progress: Any = None) -> Any:
        if progress:
            progress("建立索引 40%")
        release.wait(10)
        engine.reset()
        engine.place = None
        return engine

    monkeypatch.setattr(Engine, "open", staticmethod(slow_open))
    app = make_app(ws=engine.ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        status = app.query_one(StatusLine)
        assert status.busy and "建立索引 40%" in status.message
        app.query_one("#question").value = "外部考点条件"
        await pilot.press("enter")
        await pilot.pause()
        assert status.busy and "已排队 1 个问题" in status.message
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert "正在建立索引" in _palette_text(app)
        await pilot.press("escape")
        release.set()
        await settle(app, pilot)
        assert [v.answer.question for v in app.query(AnswerView)] == ["外部考点条件"]
        assert not status.busy


def _palette_text(app: Any) -> str:
    from textual.command import CommandList

    options = app.screen.query_one(CommandList)
    return " ".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
