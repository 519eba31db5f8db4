"""Facts from units, by rules over the text: every fact carries the characters it was read from.

`extract_all(corpus)` (in factset.py) is the one entry point; each fact type has its own module.
Nothing is imported here eagerly: the question path needs only the actor taxonomy (actors.py),
not the compiled patterns of every extractor.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "extract_all":
        from .factset import extract_all

        return extract_all
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
