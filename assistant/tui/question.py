"""The question box: Enter asks (also while busy: the question waits its turn), ↑/↓ recall earlier ones."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

PLACEHOLDER = "输入问题或条款，例如：外部考点条件 / 宿迁 第九条（F1 帮助）"


class QuestionInput(Input):
    """The question box, with up/down history like a shell."""

    DEFAULT_CSS = "QuestionInput { height: 3; }"
    BINDINGS = [Binding("up", "older", "上一条", show=False), Binding("down", "newer", "下一条", show=False)]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(placeholder=PLACEHOLDER, **kwargs)  # type: ignore[arg-type]
        self.history: list[str] = []
        self.cursor = 0

    class Asked(Message):
        """A question was entered (the box is already empty)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    async def _on_key(self, event: events.Key) -> None:
        """Enter is taken here, in order with the typed characters: as a binding it would act only after
        the key bubbled up, and the next question's characters, already queued, would join the first."""
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        """Take the question and empty the box at once: keys typed right after Enter (a second question
        typed quickly) go into an empty box instead of being appended to the first and then wiped."""
        text, self.value = self.value, ""
        if text.strip():
            self.remember(text)
            self.post_message(self.Asked(text))

    def remember(self, text: str) -> None:
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self.cursor = len(self.history)

    def action_older(self) -> None:
        if self.history and self.cursor > 0:
            self.cursor -= 1
            self.value = self.history[self.cursor]

    def action_newer(self) -> None:
        if self.cursor < len(self.history) - 1:
            self.cursor += 1
            self.value = self.history[self.cursor]
        else:
            self.cursor, self.value = len(self.history), ""
