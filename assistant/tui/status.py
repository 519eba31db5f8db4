"""The status line: what the app is doing, with a spinner while it is busy."""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from .wrap import clip

FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusLine(Static):
    """One line under the panes; `busy` turns the spinner on."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; color: $text-muted; }
    StatusLine.-busy { color: $text; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.message = ""
        self.busy = False
        self._frame = 0
        self._timer: Timer | None = None

    def show(self, message: str, busy: bool = False) -> None:
        self.message, self.busy = message, busy
        self.set_class(busy, "-busy")
        if busy and self._timer is None:
            self._timer = self.set_interval(0.1, self._spin)
        elif not busy and self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._draw()

    def _spin(self) -> None:
        self._frame = (self._frame + 1) % len(FRAMES)
        self._draw()

    def _draw(self) -> None:
        prefix = f"{FRAMES[self._frame]} " if self.busy else ""
        self.update(Text(clip(prefix + self.message, max(self.size.width - 2, 10))))

    def on_resize(self) -> None:
        self._draw()
