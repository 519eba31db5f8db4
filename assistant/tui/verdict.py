"""The reasoning panes: the verdict checklist (each condition links to its clause) and the facts the
user gave, as an editable table. They show what the engine computed; they decide nothing."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, ListItem, ListView, Static

from ..models import ConditionCheck, Verdict

MARK = {"met": ("✓", "green"), "unmet": ("✗", "red"), "unknown": ("?", "yellow")}
STATUS = {"eligible": ("符合", "bold green"), "not_eligible": ("不符合", "bold red"), "needs_info": ("还需要信息", "bold yellow")}


class VerdictPanel(ListView):
    """One line per condition (mark, text, value, clause); selecting a line opens its clause."""

    class Opened(Message):
        """A condition was selected: show the unit it cites."""

        def __init__(self, unit_id: str) -> None:
            super().__init__()
            self.unit_id = unit_id

    def show(self, verdict: Verdict | None) -> None:
        self.checks: list[ConditionCheck | None] = []
        self.clear()
        self.display = verdict is not None
        if verdict is None:
            return
        word, style = STATUS[verdict.status]
        self._line(Text.assemble((f"结论（{verdict.determination}）：", "bold"), (word, style)), None)
        order = {"unmet": 0, "unknown": 1, "met": 2}  # what decides first
        for c in sorted(verdict.conditions, key=lambda c: order[c.status]):
            mark, colour = MARK[c.status]
            line = Text.assemble((f"{mark} ", colour), c.text, (f"（{c.value}）" if c.value else "", "italic"),
                                 (f"  — {c.citation.label}" if c.citation else "", "dim"))
            self._line(line, c)
        for change in verdict.changes_needed:
            self._line(Text.assemble(("需改变：", "bold red"), change), None)
        for duty in verdict.obligations:
            self._line(Text.assemble(("之后还须：", "bold"), duty), None)

    def _line(self, text: Text, check: ConditionCheck | None) -> None:
        self.checks.append(check)
        self.append(ListItem(Static(text)))

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        check = self.checks[self.index] if self.index is not None and self.index < len(self.checks) else None
        if event.list_view is self and check is not None and check.citation is not None:
            self.post_message(self.Opened(check.citation.unit_id))


class FactTable(DataTable[str]):
    """The facts gathered so far; Enter on a row edits that fact."""

    BINDINGS = [Binding("enter", "edit", "修改此项")]

    class Edit(Message):
        """The user wants to change one fact."""

        def __init__(self, field: str, label: str) -> None:
            super().__init__()
            self.field, self.label = field, label

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_columns("已知事实", "值")

    def show(self, facts: list[tuple[str, str, str]]) -> None:
        """(field, label, shown value) rows."""
        self.clear()
        self.display = bool(facts)
        for field, label, value in facts:
            self.add_row(Text(label), Text(value), key=field)

    def action_edit(self) -> None:
        if self.row_count:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or ""
            label = str(self.get_row(key)[0])
            self.post_message(self.Edit(key, label))


class EditFact(ModalScreen[str | None]):
    """Type a new value for one fact (1200平方米, 是, 租的，六年 …)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消")]

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def compose(self) -> ComposeResult:
        yield Label(Text(f"修改“{self.label}”：输入新的值后回车（Esc 取消）"))
        yield Input(placeholder="例如：1200平方米 / 是 / 不是 / 租的，六年", id="fact-value")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
