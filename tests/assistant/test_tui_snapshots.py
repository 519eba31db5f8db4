"""Snapshots of the workspace at 80×24, 120×40 and 200×60 (cursor blink off, workers done, so frames
are stable): the start screen, an answer with citations, a verdict with 12 conditions, the command
palette, the facts editor, the match table of a where-question. `pytest --snapshot-update -k NAME`
rewrites one after a deliberate change."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.tui.app import make_app

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=["80x24", "120x40", "200x60"])
TWELVE = "我们是吉林的行业协会，场地950平方米，能申请吗？"
WHERE = "我们是行业协会，独立法人，场地1200平方米，租期6年，专职人员8人，在哪些地方能申请成为评价机构？"


async def _steady(pilot: Any) -> None:
    for widget in pilot.app.query("Input"):
        widget.cursor_blink = False
    await pilot.pause()


async def _asked(pilot: Any, question: str) -> None:
    await _steady(pilot)
    app = pilot.app
    app.query_one("#question").value = question
    await pilot.press("enter")
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.queue.busy and not len(app.queue):
            break
    app.query_one("#question").focus()
    await pilot.pause()


@SIZES
def test_start_screen(snap_compare: Any, fresh: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(fresh), terminal_size=size, run_before=_steady)


@SIZES
def test_answer_with_citations(snap_compare: Any, fresh: Any, size: tuple[int, int]) -> None:
    async def run(pilot: Any) -> None:
        await _asked(pilot, "外部考点条件")

    assert snap_compare(make_app(fresh), terminal_size=size, run_before=run)


@SIZES
def test_verdict_with_twelve_conditions(snap_compare: Any, fresh: Any, size: tuple[int, int]) -> None:
    async def run(pilot: Any) -> None:
        await _asked(pilot, TWELVE)

    assert snap_compare(make_app(fresh), terminal_size=size, run_before=run)


@SIZES
def test_palette(snap_compare: Any, fresh: Any, size: tuple[int, int]) -> None:
    async def run(pilot: Any) -> None:
        await _steady(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        for widget in pilot.app.screen.query("Input"):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(fresh), terminal_size=size, run_before=run)


@SIZES
def test_facts_editor(snap_compare: Any, fresh: Any, size: tuple[int, int]) -> None:
    async def run(pilot: Any) -> None:
        await _asked(pilot, "我们是吉林的技工学校，场地600平方米，能申请吗？")
        table = pilot.app.query_one("#facts")
        table.focus()
        table.move_cursor(row=table.get_row_index("site_area"))
        await pilot.press("enter")
        await pilot.pause()
        for widget in pilot.app.screen.query("Input"):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(fresh), terminal_size=size, run_before=run)


def test_help_screen(snap_compare: Any, fresh: Any) -> None:
    assert snap_compare(make_app(fresh), terminal_size=(80, 24), press=["f1"], run_before=_steady)


@SIZES
def test_where_match_table(snap_compare: Any, fresh: Any, size: tuple[int, int]) -> None:
    async def run(pilot: Any) -> None:
        await _asked(pilot, WHERE)

    assert snap_compare(make_app(fresh), terminal_size=size, run_before=run)
