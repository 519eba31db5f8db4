"""Snapshots of the workspace at a fixed size (cursor blink off, so frames are stable)."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.tui.app import make_app


def _steady(pilot) -> None:  # type: ignore[no-untyped-def]
    for widget in pilot.app.query("Input"):
        widget.cursor_blink = False


def test_start_screen(snap_compare, workspace) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(Engine.open(workspace)), terminal_size=(120, 36), run_before=_steady)


def test_help_screen(snap_compare, workspace) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(Engine.open(workspace)), terminal_size=(80, 24), press=["f1"], run_before=_steady)


def test_verdict_screen(snap_compare, workspace) -> None:  # type: ignore[no-untyped-def]

    async def ask(pilot) -> None:  # type: ignore[no-untyped-def]
        _steady(pilot)
        pilot.app.query_one("#question").value = "我们是吉林的技工学校，场地600平方米，能申请吗？"
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(Engine.open(workspace)), terminal_size=(120, 40), run_before=ask)
