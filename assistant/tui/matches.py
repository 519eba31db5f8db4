"""Every jurisdiction's verdict for one organisation ("在哪些地方能申请"), as a table.

One row per place in the engine's order (eligible first, then the closest to eligible): its status, how
many conditions it fails and how many facts it still needs. Enter on a row asks the app to open that
place's deciding clauses in the citation pane. Under the table, the one or two questions that would
settle the most places and the single changes that would turn places (场地自有或租赁期：3 → 至少 5 年：
吉林省 变为符合). It shows what assistant.reason.match computed; it decides nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from ..models import Citation, Decider, Match, Unlock

if TYPE_CHECKING:
    from kg.models import Corpus

STATUS = {"eligible": ("符合", "bold green"), "not_eligible": ("不符合", "bold red"), "needs_info": ("还需信息", "bold yellow")}
COLUMNS = ("地区", "结论", "未满足", "还缺")
UNLOCKS_SHOWN = 3  # the table is read on 24 rows too; the CLI lists every unlock


def row_cells(m: Match) -> tuple[Text, Text, Text, Text]:
    """地区 / 结论 / 未满足 (conditions failed) / 还缺 (facts missing) of one place.

    >>> [c.plain for c in row_cells(Match(jurisdiction="吉林省", determination="eligibility", title="t",
    ...                                     status="needs_info", drafted=True))]
    ['吉林省（草拟）', '还需信息', '0', '0']
    """
    word, style = STATUS[m.status]
    name = Text(m.jurisdiction + ("（草拟）" if m.drafted else ""))
    return name, Text(word, style=style), Text(str(len(m.unmet)), style="red" if m.unmet else "dim"), \
        Text(str(len(missing_facts(m))), style="yellow" if m.unknown else "dim")


def missing_facts(m: Match) -> list[str]:
    """The facts a place still needs, once each (two conditions may need the same fact)."""
    return list(dict.fromkeys(u.field for u in m.unknown))


def deciding_units(m: Match) -> list[str]:
    """The clauses that decide a place, most decisive first: the failed conditions', then the missing facts';
    a place with neither (符合) rests on the clauses of the conditions it meets."""
    cited = [u.citation.unit_id for u in m.unmet if u.citation] + [u.citation.unit_id for u in m.unknown if u.citation]
    if not cited:
        cited = [u.citation.unit_id for u in m.met if u.citation]
    return list(dict.fromkeys(u for u in cited if u))


def heading(m: Match) -> Text:
    """The line above a place's clauses in the source pane: 吉林省：不符合（未满足 1 项，还缺 3 项）."""
    word, style = STATUS[m.status]
    text = Text.assemble((f"{m.jurisdiction}：", "bold"), (word, style),
                         f"（未满足 {len(m.unmet)} 项，还缺 {len(missing_facts(m))} 项）")
    for u in m.unmet:
        text.append(f"\n✗ {u.text}" + (f"（现为{u.value}）" if u.value else ""), style="red")
    if m.status == "eligible":
        for c in m.met:
            text.append(f"\n✓ {c.text}" + (f"（{c.value}）" if c.value else ""), style="green")
    if m.changes:
        text.append("\n需改变：" + "；".join(m.changes), style="italic")
    return text


def notes(questions: list[Decider], unlocks: list[Unlock]) -> Text:
    """The deciding questions and the one-change unlocks, under the table, one line each (cut with … on a
    narrow screen: the answer above says them in full, with the places each question decides)."""
    lines = [Text.assemble((f"问{i}：", "bold"), f"{q.ask}（定 {len(q.jurisdictions)} 地）")
             for i, q in enumerate(questions, 1)]
    lines += [Text.assemble(("改一项：", "bold"), f"{u.change}：{turned(u)}") for u in unlocks[:UNLOCKS_SHOWN]]
    return Text("\n").join(lines)


def turned(u: Unlock) -> str:
    """What one change does: 吉林省 变为符合；浙江省 不再不符合（还需信息）.

    >>> turned(Unlock(field="site_tenure_years", change="租期", eligible=["吉林省"], opened=["浙江省"]))
    '吉林省 变为符合；浙江省 不再不符合（还需信息）'
    """
    out = [f"{'、'.join(u.eligible)} 变为符合"] if u.eligible else []
    return "；".join(out + ([f"{'、'.join(u.opened)} 不再不符合（还需信息）"] if u.opened else []))


def extras(computed: dict[str, Any] | None) -> tuple[list[Decider], list[Unlock]]:
    """The deciding questions and unlocks a where-answer carries in `computed`."""
    computed = computed or {}
    return ([Decider.model_validate(q) for q in computed.get("questions", [])],
            [Unlock.model_validate(u) for u in computed.get("unlocks", [])])


class MatchGrid(DataTable[Text]):
    """The places, one row each; Enter (or a click) on a row opens its clauses."""

    DEFAULT_CSS = "MatchGrid { height: auto; max-height: 9; }"

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_columns(*COLUMNS)


class MatchPanel(Vertical):
    """The match table and, under it, what would decide or turn the most places."""

    DEFAULT_CSS = """
    MatchPanel { height: auto; display: none; }
    MatchPanel #match-notes { height: auto; max-height: 6; padding: 0 1; border-top: dashed $primary-darken-2;
                              text-wrap: nowrap; text-overflow: ellipsis; }
    """

    class Opened(Message):
        """A place was chosen: show the clauses that decide it."""

        def __init__(self, match: Match) -> None:
            super().__init__()
            self.match = match

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.matches: list[Match] = []

    def compose(self) -> ComposeResult:
        yield MatchGrid(id="match-grid")
        yield Static("", id="match-notes")

    def show(self, matches: list[Match] | None, computed: dict[str, Any] | None = None) -> None:
        """Fill the table from an answer's `matches` (hidden when the answer has none)."""
        self.matches = list(matches or [])
        self.display = bool(self.matches)
        grid = self.query_one(MatchGrid)
        grid.clear()
        for m in self.matches:
            grid.add_row(*row_cells(m), key=m.jurisdiction)
        said = notes(*extras(computed))
        shown = self.query_one("#match-notes", Static)
        shown.display = bool(said.plain)
        shown.update(said)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "match-grid" and 0 <= event.cursor_row < len(self.matches):
            event.stop()
            self.post_message(self.Opened(self.matches[event.cursor_row]))


def clauses_of(m: Match, corpus: Corpus, cited: list[Citation]) -> list[Citation]:
    """The clauses that decide a place, as citations; for a place with nothing failed or missing (符合),
    the answer's own citations of that place."""
    from ..citations import citation_for

    units = deciding_units(m)
    if units:
        return [citation_for(corpus, corpus.unit(u), 1.0, []) for u in units]
    return [c for c in cited if c.jurisdiction == m.jurisdiction]
