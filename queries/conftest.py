"""Fixtures for the gold-data tests: one answer engine for the whole run, on the real corpus."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from assistant.engine import Engine
    from assistant.workspace import Workspace


@pytest.fixture(scope="session")
def engine(workspace: Workspace) -> Engine:
    """The engine `ask`, `chat` and the TUI use, built once in the run's cache."""
    from assistant.engine import Engine

    return Engine.open(workspace)
