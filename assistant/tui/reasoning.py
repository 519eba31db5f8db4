"""What the engine computed for the last answer, under the conversation: one place's verdict (its
checklist and the highlighted condition in full), or every place's match, and the facts known so far.
Hidden when the answer computed nothing; it shows, it decides nothing."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical

from ..models import Answer
from .facts import FactTable
from .matches import MatchPanel
from .verdict import VerdictDetail, VerdictPanel


class Reasoning(Vertical):
    """The verdict panel, its detail line, the match table and the facts table, shown as the answer needs."""

    def compose(self) -> ComposeResult:
        yield VerdictPanel(id="verdict")
        yield VerdictDetail("", id="verdict-detail")
        yield MatchPanel(id="matches")
        yield FactTable(id="facts")

    def show(self, answer: Answer, facts: list[tuple[str, str, str]]) -> None:
        """Show what `answer` computed; `facts` are the engine's known facts (field, label, value)."""
        self.query_one(VerdictPanel).show(answer.verdict)
        self.query_one(MatchPanel).show(answer.matches, answer.computed)
        self.query_one(FactTable).show(facts)
        detail = self.query_one(VerdictDetail)
        detail.display = answer.verdict is not None
        if answer.verdict is not None:  # the first condition (what decides first) until another is highlighted
            panel = self.query_one(VerdictPanel)
            first = next((i for i, c in enumerate(panel.checks) if c is not None), 0)
            detail.show(panel.checks[first] if panel.checks else None, panel.lines[first] if panel.lines else Text())
        self.set_class(bool(answer.matches), "-matches")  # on a narrow screen the table takes the facts' rows
        self.display = bool(answer.verdict or answer.matches or facts)

    def on_verdict_panel_focused(self, event: VerdictPanel.Focused) -> None:
        event.stop()
        self.query_one(VerdictDetail).show(event.check, event.line)
