"""Importing packages that import pkg_resources only to find their own data files (jieba, zhconv).

pkg_resources takes longer to import than the whole parse of the corpus and is deprecated under setuptools;
without it these packages open their files beside their own modules, the same files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_pkg_resources() -> Iterator[None]:
    """Imports inside see no pkg_resources (a `from pkg_resources import …` fails and the package falls back)."""
    saved = sys.modules.get("pkg_resources")
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if saved is None:
            del sys.modules["pkg_resources"]
        else:
            sys.modules["pkg_resources"] = saved
