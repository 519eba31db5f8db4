"""Notifications in a bar across the whole width, instead of Textual's toasts.

A toast floats over the panes, and where its edge falls on a Chinese character (two cells wide) the
character under it or in it is dropped. A bar docked under the panes never crosses a border; it wraps
its message with the Chinese line breaker and clears itself after a while.
"""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from .wrap import Wrapped

SEVERITY_MARK = {"information": "ℹ", "warning": "⚠", "error": "✗"}


class NoticeBar(Static):
    """The app's notifications, one at a time, newest wins."""

    DEFAULT_CSS = """
    NoticeBar { height: auto; max-height: 3; padding: 0 1; display: none; }
    NoticeBar.-information { background: $primary 25%; }
    NoticeBar.-warning { background: $warning 30%; }
    NoticeBar.-error { background: $error 35%; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self._timer: Timer | None = None
        self.message = ""

    def say(self, message: str, severity: str = "information", timeout: float = 6.0) -> None:
        """Show a message (plain text, never markup) for `timeout` seconds."""
        self.message = message
        for name in SEVERITY_MARK:
            self.set_class(name == severity, f"-{name}")
        self.update(Wrapped(Text(f"{SEVERITY_MARK.get(severity, '')} {message}")))
        self.display = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(timeout, self.clear)

    def clear(self) -> None:
        self.message = ""
        self.display = False
