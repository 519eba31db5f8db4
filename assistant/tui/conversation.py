"""The conversation: each question and its answer, newest last, broken into lines the Chinese way.

The scroll follows the newest answer, also across a resize: reflowing text changes every answer's
height, and a scroll position kept in rows would land on an older answer.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..models import Answer
from .wrap import Wrapped

QUESTION_SHOWN = 80  # characters of a question echoed; the engine keeps (and notes) what it read


def echo(question: str) -> str:
    """A question as echoed: long ones cut, saying how long they were.

    >>> echo("问" * 615)[-11:]
    '问…（共 615 字）'
    """
    text = " ".join(question.split())
    return text if len(text) <= QUESTION_SHOWN else f"{text[:QUESTION_SHOWN]}…（共 {len(text)} 字）"


def answer_text(answer: Answer, said: str | None = None, typed: str | None = None) -> Text:
    """Question (as typed), answer, notes and the follow-ups the answer does not already ask."""
    text = Text()
    text.append("问：", style="bold")
    text.append(echo(typed or answer.question) + "\n")
    text.append("答：", style="bold green")
    text.append(said if said is not None else answer.answer)
    for note in answer.notes:
        text.append(f"\n（{note}）", style="dim")
    shown = text.plain
    for q in answer.follow_up:
        if q not in shown:
            text.append(f"\n· {q}", style="italic")
    return text


class AnswerView(Static):
    """One exchange of the conversation."""

    DEFAULT_CSS = "AnswerView { margin: 0 0 1 0; }"

    def __init__(self, answer: Answer, said: str | None = None, typed: str | None = None) -> None:
        self.answer = answer
        self.text = answer_text(answer, said, typed)
        super().__init__(Wrapped(self.text), classes="answer")


class Conversation(VerticalScroll):
    """The exchanges, scrolled to the newest unless the user scrolled back."""

    DEFAULT_CSS = "Conversation { height: 1fr; padding: 0 1; }"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.following = True

    def add(self, view: Static) -> None:
        self.mount(view)
        self.following = True
        self.call_after_refresh(self.scroll_end, animate=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.following = new >= self.max_scroll_y - 1

    def on_resize(self) -> None:
        if self.following:
            self.call_after_refresh(self.scroll_end, animate=False)
