"""Regenerate docs/screenshot.svg: the workspace after a two-turn eligibility conversation.

    python scripts/screenshot.py
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from assistant.engine import Engine
from assistant.tui.app import make_app
from assistant.workspace import Workspace

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshot.svg"
TURNS = ["我们是吉林的技工学校，能申请成为认定机构吗？", "场地只有800平方米"]


async def main() -> None:
    app = make_app(Engine.open(Workspace.from_settings(os.environ)))
    async with app.run_test(size=(140, 42)) as pilot:
        for widget in app.query("Input"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
        for question in TURNS:
            app.query_one("#question").value = question  # type: ignore[attr-defined]
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
        app.save_screenshot(str(OUT.name), str(OUT.parent))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
