"""Fixtures for driving the terminal workspace as a user would (Textual's Pilot), loaded as a plugin by the
root conftest.py (a second conftest.py beside queries/conftest.py would clash: neither folder is a package)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

Ask = Callable[..., Awaitable[None]]


@pytest.fixture(scope="module")
def engine(workspace: Any) -> Any:
    """One engine per test module (the index is built once per run, in the run's cache)."""
    from assistant.engine import Engine

    return Engine.open(workspace)


@pytest.fixture
def fresh(engine: Any) -> Any:
    """The module's engine with no conversation and no chosen place."""
    engine.reset()
    engine.place = None
    yield engine
    engine.reset()
    engine.place = None


async def _ask(app: Any, pilot: Any, question: str) -> None:
    """Type a question, press Enter, wait for the answer to be shown."""
    app.query_one("#question").value = question
    await pilot.press("enter")
    await _settle(app, pilot)


async def _settle(app: Any, pilot: Any) -> None:
    """Wait until every worker is done and the screen has caught up."""
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.queue.busy and not len(app.queue):
            break
    await pilot.pause()


def _shown(widget: Any) -> str:
    """The text a widget shows, as plain text (its lines joined)."""
    from textual.geometry import Region

    width, height = widget.size.width, widget.size.height
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height)))


def _content(widget: Any) -> str:
    """The text a Static holds, whatever its width."""
    value = widget.content
    return getattr(value, "plain", None) or str(value)


@pytest.fixture
def ask() -> Ask:
    """`await ask(app, pilot, question)`: type a question, press Enter, wait for the answer."""
    return _ask


@pytest.fixture
def settle() -> Callable[..., Awaitable[None]]:
    """`await settle(app, pilot)`: wait for the workers and the queue."""
    return _settle


@pytest.fixture
def shown() -> Callable[[Any], str]:
    """`shown(widget)`: the lines a widget shows on screen."""
    return _shown


@pytest.fixture
def content() -> Callable[[Any], str]:
    """`content(widget)`: the plain text a Static holds."""
    return _content
