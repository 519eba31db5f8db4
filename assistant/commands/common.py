"""What the commands share at the edge: argument types, whether to colour, reading lines from stdin.

This is the only place below `assistant/cli.py` that looks at the environment (NO_COLOR) and the
terminal; everything it decides is passed down as plain values.

>>> count(1)("3")
3
>>> undecodable("公示期"), undecodable("\\udcff公示期")
(False, True)
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from typing import IO

__all__ = ["count", "color_wanted", "printable", "read_lines", "seconds", "undecodable"]


def count(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type for a whole number in [low, high]: `-n -1` is a usage error, not a silent 1."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
        if value < low or (high is not None and value > high):
            span = f"在 {low} 到 {high} 之间" if high is not None else f"不小于 {low}"
            raise argparse.ArgumentTypeError(f"应为{span}的整数（现为 {value}）")
        return value

    return parse


def seconds(text: str) -> float:
    """An argparse type for a time limit: more than 0, at most an hour."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是秒数") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"应大于 0 且不超过 3600 秒（现为 {text}）")
    return value


def color_wanted(stream: IO[str]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def undecodable(text: str) -> bool:
    """Whether text holds bytes that were not UTF-8 (Python keeps them as lone surrogates)."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def printable(text: str) -> str:
    """Text safe to print or put in JSON: undecodable bytes shown as U+FFFD."""
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text) if undecodable(text) else text


def read_lines(stream: IO[str]) -> Iterator[tuple[int, str]]:
    """(line number, line) of a text stream; a line that is not UTF-8 keeps its bytes as surrogates.

    A pipe may carry anything (a binary file, another encoding). Decoding strictly would end the
    whole batch with a traceback at the first bad byte; with `surrogateescape` each line can be
    judged on its own (`undecodable`) and the batch goes on."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="surrogateescape")
    for number, line in enumerate(iter(stream.readline, ""), 1):
        yield number, line.rstrip("\r\n")
