"""Finding clauses: the filter and the palette read references typed any common way, the palette
lists its commands before anything is typed, and both say when nothing matches."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.tui.app import make_app
from assistant.tui.browser import DocTree

SUQIAN_9 = "suqian-2022-36/art_9"


def _palette(app: Any) -> list[str]:
    from textual.command import CommandList

    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]


@pytest.mark.parametrize("typed", ["宿迁 第九条", "宿迁第9条", "宿迁 第9条"])
async def test_the_filter_jumps_to_a_reference(fresh: Any, typed: str) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.click("#filter")
        await pilot.press(*typed)
        await pilot.pause()
        await pilot.pause()
        tree = app.query_one(DocTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == SUQIAN_9
        assert "第九条" in str(app.query_one("#filter-result").content)


async def test_the_filter_says_when_nothing_matches(fresh: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.click("#filter")
        await pilot.press(*"食堂伙食")
        await pilot.pause()
        result = app.query_one("#filter-result")
        assert result.display and "没有含“食堂伙食”的条款" in str(result.content)


async def test_the_palette_lists_commands_in_chinese_before_typing(fresh: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        listed = _palette(app)
        assert "范围：只看吉林省" in listed and any(item.startswith("导出简报") for item in listed)
        assert not any(item.startswith(("Change theme", "Quit", "Keys", "Screenshot")) for item in listed)
        assert app.screen.query_one("Input").placeholder.startswith("输入文件名、条款")


@pytest.mark.parametrize("typed,label", [("宿迁 第九条", "第九条"), ("浙江监督第20条", "第二十条"), ("浙江监督 第20条", "第二十条")])
async def test_the_palette_reads_references(fresh: Any, typed: str, label: str) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*typed)
        await pilot.pause(0.8)
        first = _palette(app)[0]
        assert first.startswith("跳到 《") and first.endswith(label)


async def test_the_palette_says_when_nothing_matches_in_chinese(fresh: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"qqqxyz")
        await pilot.pause(1.0)
        listed = " ".join(_palette(app))
        assert "没有匹配“qqqxyz”" in listed and "No matches" not in listed
