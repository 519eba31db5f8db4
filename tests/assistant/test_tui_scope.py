"""The place questions are answered for is on screen (chosen, or remembered from the conversation),
and Ctrl+L clears it."""

from __future__ import annotations

from typing import Any

from assistant.tui.app import make_app
from assistant.tui.scope import ScopeChip


async def test_a_remembered_place_is_shown_and_ctrl_l_clears_it(fresh: Any, ask: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        chip = app.query_one(ScopeChip)
        assert not chip.display
        await ask(app, pilot, "我们是吉林的技工学校，场地600平方米，能申请吗？")
        assert chip.display and chip.place == "吉林省" and chip.origin == "对话中提到"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not chip.display
        assert not any(field == "jurisdictions" for field, _, _ in fresh.known_facts())


async def test_a_chosen_place_is_shown_as_chosen(fresh: Any, ask: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_scope("浙江省")
        await pilot.pause()
        chip = app.query_one(ScopeChip)
        assert chip.display and chip.origin == "选定" and chip.region.right <= 80
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert fresh.place is None and not chip.display
