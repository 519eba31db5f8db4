"""Layout at 80×24, 120×40 and 200×60: the conversation gets the width first, numbers and clauses
break properly, one line per condition, the footer fits, a resize keeps the newest answer in view."""

from __future__ import annotations

import re
from typing import Any

from assistant.tui.app import make_app
from assistant.tui.browser import Browser
from assistant.tui.conversation import AnswerView, Conversation
from assistant.tui.verdict import VerdictDetail, VerdictPanel

TWELVE = "我们是吉林的行业协会，场地950平方米，能申请吗？"  # 12 conditions


async def test_the_conversation_gets_the_width_first(fresh: Any) -> None:
    for size, browser, least in (((80, 24), False, 44), ((120, 40), False, 68), ((200, 60), True, 100)):
        app = make_app(fresh)
        async with app.run_test(size=size):
            assert app.query_one(Browser).display is browser, size
            assert app.query_one("#conversation-pane").size.width >= least, size


async def test_numbers_and_clause_numbers_stay_whole_when_lines_break(fresh: Any, ask: Any, shown: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(80, 24)) as pilot:
        await ask(app, pilot, TWELVE)
        lines = shown(app.query(AnswerView).last()).splitlines()
        for upper, lower in zip(lines, lines[1:], strict=False):
            assert not (re.search(r"\d$", upper) and re.match(r"\s*\d", lower)), (upper, lower)
            assert not re.match(r"\s*[。，、；：）]", lower), lower
        assert any("（12 项条件" in line for line in lines)


async def test_each_condition_takes_one_line_and_its_detail_shows_on_highlight(fresh: Any, ask: Any, shown: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, TWELVE)
        panel = app.query_one(VerdictPanel)
        conditions = [c for c in panel.checks if c is not None]
        assert len(conditions) == 12
        assert all(item.size.height == 1 for item in panel.children)
        assert panel.size.height >= 13  # the headline and all twelve at 120×40
        panel.focus()
        panel.index = 3
        await pilot.pause()
        detail = shown(app.query_one(VerdictDetail))
        assert panel.checks[3].text[:10] in detail.replace("\n", "") and "依据" in detail


async def test_the_footer_fits_at_80_columns(fresh: Any, shown: Any) -> None:
    from textual.widgets import Footer

    app = make_app(fresh)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = list(app.query_one(Footer).query("FooterKey"))
        assert [k.description for k in keys] == ["退出", "帮助", "命令", "导出", "目录", "复制"]
        for _ in range(20):  # on a loaded machine the footer's keys may take a few refreshes to get their width
            if all(k.region.width for k in keys):
                break
            await pilot.pause(0.05)
        assert all(k.region.right <= 80 and k.region.width >= len(k.description) * 2 for k in keys)


async def test_a_resize_keeps_the_newest_answer_in_view(fresh: Any, ask: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        for q in ("外部考点条件", "公示期多久", "档案保存多久", "吉林 四（三）"):
            await ask(app, pilot, q)
        log = app.query_one(Conversation)
        for size in ((80, 24), (200, 60), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            newest = app.query(AnswerView).last()
            assert log.scroll_y >= log.max_scroll_y - 1, size
            assert newest.region.y + newest.region.height <= log.region.y + log.region.height + 1, size


async def test_the_browser_follows_the_new_size(fresh: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        assert not app.query_one(Browser).display
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert app.query_one(Browser).display
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not app.query_one(Browser).display
        await pilot.press("f3")
        assert app.query_one(Browser).display  # asked for: stays
