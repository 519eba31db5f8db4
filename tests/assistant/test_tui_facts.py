"""The facts table: an unreadable value is refused, the dialog shows what is there and what to type,
the cursor stays on its row."""

from __future__ import annotations

from typing import Any

from assistant.tui.app import make_app
from assistant.tui.facts import EditFact, FactTable
from assistant.tui.notice import NoticeBar

QUESTION = "我们是吉林的技工学校，场地600平方米，能申请吗？"


async def _edit(app: Any, pilot: Any, field: str) -> None:
    table = app.query_one(FactTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(field))
    await pilot.press("enter")
    await pilot.pause()


async def test_an_unreadable_value_keeps_the_fact_and_the_verdict(fresh: Any, ask: Any, settle: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, QUESTION)
        await _edit(app, pilot, "site_area")
        app.screen.query_one("#fact-value").value = "很大"
        await pilot.press("enter")
        await settle(app, pilot)
        assert fresh.state.profile.site_area == 600
        assert app.last.verdict.status == "not_eligible"
        notice = app.query_one(NoticeBar)
        assert notice.display and "没看懂“很大”" in notice.message and "600" in notice.message


async def test_the_dialog_has_a_border_the_current_value_and_an_example_of_its_kind(fresh: Any, ask: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, QUESTION)
        await _edit(app, pilot, "site_area")
        dialog = app.screen
        assert isinstance(dialog, EditFact)
        box = dialog.query_one("Vertical")
        assert box.border_title == "修改：场地面积(平方米)" and box.styles.border_top[0] != ""
        assert box.region.y > 0  # the title row stays visible
        assert "600" in str(dialog.query_one("Label").content)
        assert dialog.query_one("#fact-value").placeholder == "例如：1200平方米"
        await pilot.press("escape")
        await _edit(app, pilot, "registered_in_jurisdiction")
        assert app.screen.query_one("#fact-value").placeholder == "例如：是 / 否"


async def test_the_cursor_stays_on_its_row_after_an_answer(fresh: Any, ask: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "我们是吉林的技工学校，能申请成为评价机构吗？")
        await ask(app, pilot, "场地1200平方米")
        table = app.query_one(FactTable)
        table.move_cursor(row=table.get_row_index("site_area"))
        await ask(app, pilot, "是")
        assert table.current_field() == "site_area"
