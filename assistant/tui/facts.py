"""The facts the user gave, as a table: select a row, Enter, type the new value; the verdict is
recomputed. The cursor stays on the row it was on across answers, and a value the assistant cannot
read is refused (the old one kept) instead of silently dropping the fact."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label

EXAMPLES = {"平方米": "1200平方米", "年": "5年", "人": "6人", "个": "3个", "A": "4A级"}
FIELD_EXAMPLES = {"jurisdictions": "吉林 / 浙江 / 宿迁", "org_type": "行业协会 / 技工学校 / 企业 / 培训机构",
                  "filed_on": "2024年3月1日", "expires_on": "2026年3月1日", "event_date": "2025年9月26日",
                  "target_level": "三级", "occurrence": "第二次"}


def example_for(field: str, label: str) -> str:
    """An example value in the field's own terms (a number with its unit, a place, 是/否).

    >>> example_for("site_area", "场地面积(平方米)")
    '1200平方米'
    >>> example_for("legal_person", "独立法人资格")
    '是 / 否'
    """
    if field in FIELD_EXAMPLES:
        return FIELD_EXAMPLES[field]
    unit = label.rsplit("(", 1)[-1].rstrip(")") if label.endswith(")") else ""
    return EXAMPLES.get(unit, "是 / 否")


class FactTable(DataTable[Text]):
    """The facts gathered so far; Enter on a row edits that fact."""

    DEFAULT_CSS = "FactTable { height: auto; min-height: 3; max-height: 6; border-top: dashed $primary-darken-2; }"
    BINDINGS = [Binding("enter", "edit", "修改此项")]

    class Edit(Message):
        """The user wants to change one fact."""

        def __init__(self, field: str, label: str, value: str) -> None:
            super().__init__()
            self.field, self.label, self.value = field, label, value

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_columns("已知事实", "值")

    def current_field(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def show(self, facts: list[tuple[str, str, str]]) -> None:
        """(field, label, shown value) rows; the cursor stays on the field it was on."""
        keep = self.current_field()
        self.clear()
        self.display = bool(facts)
        for field, label, value in facts:
            self.add_row(Text(label), Text(value), key=field)
        if keep is not None and any(f == keep for f, _, _ in facts):
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def action_edit(self) -> None:
        key = self.current_field()
        if key is not None:
            label, value = (str(cell) for cell in self.get_row(key))
            self.post_message(self.Edit(key, label, value))


class EditFact(ModalScreen[str | None]):
    """Type a new value for one fact, seeing the current one and an example of the field's kind."""

    DEFAULT_CSS = """
    EditFact { align: center middle; }
    EditFact > Vertical { width: 64; max-width: 90%; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    EditFact Label { width: 100%; margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "取消")]

    def __init__(self, field: str, label: str, value: str) -> None:
        super().__init__()
        self.field, self.label, self.value = field, label, value

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"修改：{self.label}"
            yield Label(Text.assemble("现在：", (self.value or "（未知）", "bold"), "\n输入新的值后回车，Esc 取消。"))
            yield Input(placeholder=f"例如：{example_for(self.field, self.label)}", id="fact-value")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
