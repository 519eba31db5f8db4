"""The verdict checklist: one line per condition (what decides first at the top), the detail of the
highlighted one underneath, Enter opens its clause. It shows what the engine computed; it decides nothing."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import ListItem, ListView, Static

from ..models import ConditionCheck, Verdict
from .wrap import Wrapped

MARK = {"met": ("✓", "green"), "unmet": ("✗", "red"), "unknown": ("?", "yellow")}
STATUS = {"eligible": ("符合", "bold green"), "not_eligible": ("不符合", "bold red"), "needs_info": ("还需要信息", "bold yellow")}
ORDER = {"unmet": 0, "unknown": 1, "met": 2}  # what decides first
LINE_CSS = "height: 1; text-wrap: nowrap; text-overflow: ellipsis;"


def condition_line(c: ConditionCheck) -> Text:
    """✗ 场地面积：场地1000平方米以上（600） — 一（二）3（1）, shown on one line (cut with …)."""
    mark, colour = MARK[c.status]
    path = c.citation.label.split("》")[-1] if c.citation else ""
    return Text.assemble((f"{mark} ", colour), c.text, (f"（{c.value}）" if c.value else "", "italic"),
                         (f" — {path}" if path else "", "dim"))


def condition_detail(c: ConditionCheck) -> Text:
    """Everything about one condition, wrapped: status, requirement, what is known, the clause."""
    mark, colour = MARK[c.status]
    word = {"met": "满足", "unmet": "不满足", "unknown": "未知"}[c.status]
    text = Text.assemble((f"{mark} {word}：", f"bold {colour}"), c.text)
    if c.value:
        text.append(f"\n已知：{c.value}", style="italic")
    if c.citation:
        text.append(f"\n依据：{c.citation.label}（回车查看条款）", style="dim")
    return text


class VerdictPanel(ListView):
    """The determination's headline, then one line per condition; changes and obligations after."""

    DEFAULT_CSS = f"""
    VerdictPanel {{ height: 1fr; }}
    VerdictPanel ListItem Static {{ {LINE_CSS} }}
    """

    class Opened(Message):
        """A condition was selected: show the unit it cites."""

        def __init__(self, unit_id: str) -> None:
            super().__init__()
            self.unit_id = unit_id

    class Focused(Message):
        """A line was highlighted: show its detail."""

        def __init__(self, check: ConditionCheck | None, line: Text) -> None:
            super().__init__()
            self.check, self.line = check, line

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.checks: list[ConditionCheck | None] = []
        self.lines: list[Text] = []

    def show(self, verdict: Verdict | None) -> None:
        self.checks, self.lines = [], []
        self.clear()
        self.display = verdict is not None
        if verdict is None:
            return
        word, style = STATUS[verdict.status]
        counts = {s: sum(c.status == s for c in verdict.conditions) for s in ORDER}
        self._line(Text.assemble((f"结论（{verdict.determination}）：", "bold"), (word, style),
                                 (f"  ✗{counts['unmet']} ?{counts['unknown']} ✓{counts['met']}", "dim")), None)
        for c in sorted(verdict.conditions, key=lambda c: ORDER[c.status]):
            self._line(condition_line(c), c)
        for change in verdict.changes_needed:
            self._line(Text.assemble(("需改变：", "bold red"), change), None)
        for duty in verdict.obligations:
            self._line(Text.assemble(("之后还须：", "bold"), duty), None)

    def _line(self, text: Text, check: ConditionCheck | None) -> None:
        self.checks.append(check)
        self.lines.append(text)
        self.append(ListItem(Static(text)))

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        if event.list_view is self and self.index is not None and self.index < len(self.checks):
            self.post_message(self.Focused(self.checks[self.index], self.lines[self.index]))

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        check = self.checks[self.index] if self.index is not None and self.index < len(self.checks) else None
        if event.list_view is self and check is not None and check.citation is not None:
            self.post_message(self.Opened(check.citation.unit_id))


class VerdictDetail(Static):
    """The highlighted line in full (a condition's requirement, what is known, its clause)."""

    DEFAULT_CSS = "VerdictDetail { height: auto; max-height: 4; padding: 0 1; border-top: dashed $primary-darken-2; }"

    def show(self, check: ConditionCheck | None, line: Text) -> None:
        self.update(Wrapped(condition_detail(check) if check is not None else line))
