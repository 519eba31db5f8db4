"""Fixtures for the gold-data tests: one answer engine for the whole run, on the real corpus."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def engine(session_cache: Path) -> Iterator[object]:
    """The engine `ask`, `chat` and the TUI use, built once in the run's cache."""
    from assistant.engine import Engine

    old = os.environ.get("POLICYKG_CACHE")
    os.environ["POLICYKG_CACHE"] = str(session_cache)
    try:
        yield Engine.open()
    finally:
        if old is None:
            os.environ.pop("POLICYKG_CACHE", None)
        else:
            os.environ["POLICYKG_CACHE"] = old
