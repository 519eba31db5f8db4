"""`policykg` with no arguments: a terminal workspace over the same engine as `ask`.

Panes: a document browser (filter as you type), the conversation, the citations of the last
answer and the full text of the selected one. Retrieval runs in a worker so typing never stalls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Header, Input, Static

from ..models import Answer, Citation
from .verdict import EditFact, FactTable, VerdictPanel
from .widgets import AnswerView, CitationList, DocTree, QuestionInput, SourcePane

HELP = """\
policykg — 技能人才评价政策助手（离线，不用语言模型）

输入问题后回车：答案在中间，引用条款在右上，所选条款全文在右下。
输入条款引用（宿迁 第九条、吉林 四（三））直接跳到该条。
左侧：文件目录，上方输入框可筛选。
资格类问题：中间下方是结论清单（✓ 满足 ✗ 不满足 ? 未知，回车打开条款）和已知事实表
（选中一行回车可修改；也可直接回答追问，如“1200平方米”“是”“不知道”“重新开始”）。

F1  帮助          Ctrl+N / Ctrl+B  下一条 / 上一条引用
Ctrl+Y  复制当前引用（标签和全文）      Ctrl+T  切换明暗主题    F2  导出当前主题简报（HTML）
F3  显示/隐藏文件目录（窄于 100 列时默认隐藏）
Ctrl+P  命令面板（跳到文件或条款、选地区范围、导出简报、切换主题）
Ctrl+Q  退出
↑ / ↓  在输入框中翻看历史问题
"""


class HelpScreen(ModalScreen[None]):
    """F1: keys and what the panes are."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "关闭")]

    def compose(self) -> ComposeResult:
        yield Static(Text(HELP), id="help")


class JumpProvider(Provider):
    """Command palette: jump to any document or article, choose a jurisdiction, export a briefing, switch theme."""

    async def search(self, query: str) -> Hits:
        app = self.app
        assert isinstance(app, PolicyApp)
        if app.engine is None:
            return
        matcher = self.matcher(query)
        for label, action, help_text in app.palette_entries():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), action, help=help_text)


if TYPE_CHECKING:
    from ..engine import Engine
    from ..workspace import Workspace


class PolicyApp(App[int]):
    """The workspace."""

    CSS_PATH = "app.tcss"
    TITLE = "policykg"
    COMMANDS = App.COMMANDS | {JumpProvider}
    BINDINGS = [
        Binding("f1", "help", "帮助"), Binding("ctrl+n", "next_citation", "下一条"),
        Binding("ctrl+b", "previous_citation", "上一条"), Binding("ctrl+y", "copy", "复制引用"),
        Binding("ctrl+t", "toggle_theme", "主题"), Binding("f2", "export_brief", "导出简报"),
        Binding("f3", "toggle_browser", "目录"),
        Binding("ctrl+q", "quit", "退出"),
    ]

    def __init__(self, engine: Engine | None = None, ws: Workspace | None = None) -> None:
        super().__init__()
        self.engine = engine
        self.ws = ws if ws is not None else (engine.ws if engine is not None else None)
        self.last: Answer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="browser"):
                yield Input(placeholder="筛选条款…", id="filter")
                yield DocTree("文件", id="tree")
            with Vertical(id="conversation-pane"):
                yield VerticalScroll(id="conversation")
                with Vertical(id="reasoning"):
                    yield VerdictPanel(id="verdict")
                    yield FactTable(id="facts")
                yield QuestionInput(id="question")
            with Vertical(id="side"):
                yield CitationList(id="citations")
                with VerticalScroll(id="source-scroll"):
                    yield SourcePane(Text("（选择一条引用查看全文）"), id="source")
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#question").focus()
        if self.engine is None:
            self.status("正在加载语料和索引…")
            self.load_engine()
        else:
            self.engine_ready()

    def status(self, message: str) -> None:
        self.query_one("#status", Static).update(Text(message))

    @work(thread=True, exclusive=True, group="engine")
    def load_engine(self) -> None:
        from ..engine import Engine

        assert self.ws is not None, "the app is made with an engine or a workspace"
        engine = Engine.open(self.ws, progress=lambda m: self.call_from_thread(self.status, m))
        self.call_from_thread(self._set_engine, engine)

    def _set_engine(self, engine: Engine) -> None:
        self.engine = engine
        self.engine_ready()

    def engine_ready(self) -> None:
        self.query_one(DocTree).load(self.engine.corpus)
        self.status(f"已载入 {len(self.engine.corpus.documents)} 个文件。")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "question" or not event.value.strip() or self.engine is None:
            return
        box = self.query_one(QuestionInput)
        box.remember(event.value)
        box.value = ""
        self.status("检索中…")
        self.ask(event.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter" and self.engine is not None:
            self.query_one(DocTree).load(self.engine.corpus, event.value.strip())

    @work(thread=True, exclusive=True, group="ask")
    def ask(self, question: str) -> None:
        from kg.errors import PolicyKGError

        try:
            answer = self.engine.ask(question)
        except PolicyKGError as exc:
            self.call_from_thread(self.notify, str(exc), severity="warning")
            return
        self.call_from_thread(self.show_answer, answer)

    def show_answer(self, answer: Answer) -> None:
        self.last = answer
        log = self.query_one("#conversation", VerticalScroll)
        log.mount(AnswerView(answer))
        log.scroll_end(animate=False)
        self.query_one(VerdictPanel).show(answer.verdict)
        facts = self.engine.known_facts() if answer.verdict or answer.follow_up else []
        self.query_one(FactTable).show(facts)
        self.query_one("#reasoning").display = bool(answer.verdict or facts)
        self.query_one(CitationList).show(answer.citations)
        if answer.citations:
            self.query_one(SourcePane).show_citation(answer.citations[0])
        self.status(f"{len(answer.citations)} 条引用")

    def on_verdict_panel_opened(self, event: VerdictPanel.Opened) -> None:
        self.open_unit(self.engine.corpus.unit(event.unit_id))

    def on_fact_table_edit(self, event: FactTable.Edit) -> None:
        def apply(value: str | None) -> None:
            if value:
                self.status(f"修改 {event.label}…")
                self.revise(event.field, value)

        self.push_screen(EditFact(event.label), apply)

    @work(thread=True, exclusive=True, group="ask")
    def revise(self, field: str, value: str) -> None:
        from kg.errors import PolicyKGError

        try:
            answer = self.engine.revise(field, value)
        except PolicyKGError as exc:
            self.call_from_thread(self.notify, str(exc), severity="warning")
            return
        self.call_from_thread(self.show_answer, answer)

    def on_citation_list_picked(self, event: CitationList.Picked) -> None:
        self.query_one(SourcePane).show_citation(event.citation)

    def on_doc_tree_opened(self, event: DocTree.Opened) -> None:
        self.open_unit(event.unit)

    def open_unit(self, unit: Any) -> None:
        from assistant.citations import citation_for

        self.query_one(SourcePane).show_citation(citation_for(self.engine.corpus, unit, 1.0, []))

    def palette_entries(self) -> list[tuple[str, Any, str]]:
        """(label, callback, help) for every palette command: documents, articles, scope, briefings, theme."""
        from ..compare.table import topics

        corpus = self.engine.corpus
        entries: list[tuple[str, Any, str]] = []
        for doc in corpus.documents:
            first = next((u for u in doc.units if u.kind not in ("preamble", "chapter")), doc.units[0])
            entries.append((f"文件：{doc.meta.title}", lambda u=first: self.open_unit(u), doc.meta.number or ""))
        entries += [(u.label, lambda u=u: self.open_unit(u), "跳到条款") for u in corpus.units()
                    if u.kind in ("article", "section", "annex", "item")]
        for place in dict.fromkeys(d.meta.jurisdiction for d in corpus.documents):
            entries.append((f"范围：只看{place}", lambda p=place: self.set_scope(p), "没写地点的问题按此地区回答"))
        entries.append(("范围：全部地区", lambda: self.set_scope(None), "取消地区范围"))
        entries += [(f"导出简报：{t}", lambda t=t: self.export_brief(t), "写出 HTML 简报到当前目录") for t in topics()]
        entries.append(("切换明暗主题", self.action_toggle_theme, "Ctrl+T"))
        return entries

    def set_scope(self, place: str | None) -> None:
        self.engine.place = place
        self.sub_title = f"范围：{place}" if place else ""
        self.status(f"范围：{place}" if place else "范围：全部地区")

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def _step(self, delta: int) -> None:
        listing = self.query_one(CitationList)
        if getattr(listing, "citations", None):
            listing.index = max(0, min(len(listing.citations) - 1, (listing.index or 0) + delta))

    def action_next_citation(self) -> None:
        self._step(1)

    def action_previous_citation(self) -> None:
        self._step(-1)

    def action_copy(self) -> None:
        current: Citation | None = getattr(self.query_one(SourcePane), "current", None)
        if current is not None:
            self.copy_to_clipboard(f"{current.label}\n{current.text}")
            self.notify(f"已复制 {current.label}")

    def action_export_brief(self) -> None:
        """Write an HTML briefing on the topic of the last question into the working folder."""
        from ..compare.table import match_topic

        topic = match_topic(self.last.question) if self.last else None
        if topic is None:
            self.notify("先问一个有比较主题的问题（如：各地公示期），再导出简报。", severity="warning")
            return
        self.export_brief(topic)

    @work(thread=True, group="brief")
    def export_brief(self, topic: str) -> None:
        from pathlib import Path

        from kg.errors import PolicyKGError
        from kg.files import check_target, write_file

        from ..brief.build import build_briefing
        from ..brief.render import to_html

        out = Path(f"policykg-简报-{topic}.html")
        if out.exists():
            self.call_from_thread(self.notify, f"{out} 已存在，未覆盖", severity="warning")
            return
        try:
            check_target(out, force=False)
            html = to_html(build_briefing(topic, self.engine.corpus, self.engine.facts), self.engine.corpus)
            write_file(out, html + "\n")
        except PolicyKGError as exc:  # no such folder, no rule on the topic …: said, not raised in a worker
            self.call_from_thread(self.notify, f"{exc}，未导出", severity="warning")
            return
        self.call_from_thread(self.notify, f"已导出 {out.resolve()}")

    def on_resize(self) -> None:
        """Below 100 columns the document browser folds away (F3 brings it back) so answers keep their width."""
        self.query_one("#browser").display = self.size.width >= 100

    def action_toggle_browser(self) -> None:
        browser = self.query_one("#browser")
        browser.display = not browser.display

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme != "textual-light" else "textual-dark"


def make_app(engine: Engine | None = None, ws: Workspace | None = None) -> PolicyApp:
    """The app over an engine that is already open (tests share one), or one it opens in a workspace."""
    return PolicyApp(engine, ws)


def run_app(ws: Workspace) -> int:
    """Run the app in a workspace until the user quits."""
    make_app(ws=ws).run()
    return 0
