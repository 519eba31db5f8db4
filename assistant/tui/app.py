"""`policykg` with no arguments: a terminal workspace over the same engine as `ask`.

Panes: the conversation (it gets the width first) with what the engine computed under it (a verdict's
checklist, or every place's match table, and the facts), the citations of the last answer and the full
text of the selected one, and, on wide terminals, the document browser. Everything that blocks (opening
the engine, answering, exporting) runs in a worker and posts its result back; questions typed meanwhile
wait in a queue. The widgets live in their own modules with their CSS; this module wires them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Footer, Static

from ..models import Answer
from .browser import Browser, DocTree
from .citations import SidePane
from .conversation import AnswerView, Conversation
from .facts import EditFact, FactTable
from .help import HelpScreen
from .matches import MatchPanel, heading
from .notice import NoticeBar
from .palette import Palette, PolicyCommands
from .question import QuestionInput
from .queue import AskQueue, Job, answer_job
from .reasoning import Reasoning
from .scope import ScopeChip, scope_of
from .status import StatusLine
from .verdict import VerdictPanel

WIDE = 150  # from this width on the document browser is shown beside the conversation
LOADING = "正在载入语料和索引（首次使用要建索引，约十秒）"


if TYPE_CHECKING:
    from ..engine import Engine
    from ..workspace import Workspace


class PolicyApp(App[int]):
    """The workspace."""

    CSS_PATH = "app.tcss"
    TITLE = "policykg"
    COMMANDS = {PolicyCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "退出", priority=True), Binding("f1", "help", "帮助"),
        Binding("ctrl+p", "command_palette", "命令", priority=True), Binding("f2", "export_brief", "导出"),
        Binding("f3", "toggle_browser", "目录"), Binding("ctrl+y", "copy", "复制"),
        Binding("ctrl+l", "clear_scope", "清除范围", show=False), Binding("ctrl+n", "next_citation", "下一条", show=False),
        Binding("ctrl+b", "previous_citation", "上一条", show=False), Binding("ctrl+t", "toggle_theme", "主题", show=False),
    ]

    def __init__(self, engine: Engine | None = None, ws: Workspace | None = None) -> None:
        super().__init__()
        self.engine = engine
        self.ws = ws if ws is not None else (engine.ws if engine is not None else None)
        self.last: Answer | None = None
        self.queue = AskQueue()
        self.browser_wanted: bool | None = None  # F3's choice; None: by width
        self.progress = LOADING

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(Text.assemble(("policykg", "bold"), " · 技能人才评价政策助手"), id="title")
            yield ScopeChip(id="scope")
        with Horizontal(id="main"):
            yield Browser(id="browser")
            with Vertical(id="conversation-pane"):
                yield Conversation(id="conversation")
                yield Reasoning(id="reasoning")
                yield QuestionInput(id="question")
            yield SidePane(id="side")
        with Vertical(id="bottom"):
            yield NoticeBar(id="notice")
            yield StatusLine(id="status")
            yield Footer(show_command_palette=False)

    # -- the engine and the question queue --------------------------------------------------------

    def on_mount(self) -> None:
        self.query_one("#question").focus()
        self._fit(self.size.width)
        if self.engine is None:
            self._show_progress(LOADING)
            self.load_engine()
        else:
            self.engine_ready()

    def status(self, message: str, busy: bool = False) -> None:
        self.query_one(StatusLine).show(message, busy)

    def notify(self, message: str, *, title: str = "", severity: str = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification goes to the bar under the panes (a toast over them drops characters)."""
        text = Text.from_markup(message).plain if markup else message
        self.query_one(NoticeBar).say(f"{title}：{text}" if title else text, severity, timeout or 6.0)

    def action_help_quit(self) -> None:
        self.notify("要退出请按 Ctrl+Q", markup=False)

    def action_command_palette(self) -> None:
        if not Palette.is_open(self):  # type: ignore[arg-type]  # textual types it App[object]; App is invariant
            self.push_screen(Palette())

    @work(thread=True, exclusive=True, group="engine")
    def load_engine(self) -> None:
        from ..engine import Engine

        assert self.ws is not None, "the app is made with an engine or a workspace"
        engine = Engine.open(self.ws, progress=lambda m: self.call_from_thread(self._show_progress, f"{LOADING}：{m}"))
        self.call_from_thread(self._set_engine, engine)

    def _set_engine(self, engine: Engine) -> None:
        self.engine = engine
        self.engine_ready()

    def engine_ready(self) -> None:
        assert self.engine is not None, "called once the engine is set"
        self.query_one(DocTree).load(self.engine.corpus)
        self.status(f"已载入 {len(self.engine.corpus.documents)} 个文件。")
        self.show_scope()
        self._next_job()

    def on_question_input_asked(self, event: QuestionInput.Asked) -> None:
        if self._answered_here(event.text):
            return
        self.queue.put(Job(question=event.text))
        self._show_progress()
        self._next_job()

    def _show_progress(self, message: str | None = None) -> None:
        """The status while busy: what is being done, and how many questions wait."""
        if message is not None:
            self.progress = message
        waiting = f"｜已排队 {len(self.queue)} 个问题" if len(self.queue) else ""
        if self.engine is None or self.queue.busy:
            self.status(self.progress + waiting, busy=True)

    def _answered_here(self, text: str) -> bool:
        """重新开始, and 为什么问这个 / 不知道 with no question pending, answered without a search."""
        from .queue import local_reply

        reply = local_reply(self.engine, bool(self.last and self.last.follow_up), self.queue.busy, text)
        if reply is not None:
            self.local(text.strip(), *reply)
        return reply is not None

    def local(self, question: str, said: str, clear: bool = False) -> None:
        """A reply made here, not by the engine; `clear` also empties the panes (a new conversation)."""
        answer = Answer(question=question, intent="help", answer=said)
        self.query_one(Conversation).add(AnswerView(answer))
        if clear:
            self.last = None
            self._show_reasoning(answer)
            self.query_one(SidePane).show([])
            self.show_scope()

    def _next_job(self) -> None:
        if self.engine is None:
            return
        job = self.queue.take()
        if job is None:
            return
        self._show_progress("修改中…" if job.field else "检索中…")
        self.run_job(job)

    @work(thread=True, group="ask")
    def run_job(self, job: Job) -> None:
        from kg.errors import PolicyKGError

        try:
            assert self.engine is not None, "jobs run only once the engine is loaded"
            answer, refused = answer_job(self.engine, job)
        except PolicyKGError as exc:
            self.call_from_thread(self.notify, str(exc), severity="warning", markup=False)
            self.call_from_thread(self._job_done, None)
            return
        if refused:
            self.call_from_thread(self.notify, refused, severity="warning", markup=False)
        self.call_from_thread(self._job_done, answer, None if job.field else job.question)

    def _job_done(self, answer: Answer | None, typed: str | None = None) -> None:
        self.queue.done()
        if answer is not None:
            self.show_answer(answer, typed)
        if self.queue.busy or len(self.queue):
            self._next_job()
        elif answer is not None:
            self.status(f"{len(answer.citations)} 条引用")

    # -- showing an answer ------------------------------------------------------------------------

    def show_answer(self, answer: Answer, typed: str | None = None) -> None:
        """Show an answer; `typed` is the question as the user typed it (the engine may have cut it)."""
        self.last = answer
        self.query_one(Conversation).add(AnswerView(answer, typed=typed))
        self._show_reasoning(answer)
        self.query_one(SidePane).show(answer.citations)
        self.show_scope()

    def _show_reasoning(self, answer: Answer) -> None:
        facts = self.engine.known_facts() if self.engine is not None and (answer.verdict or answer.follow_up) else []
        self.query_one(Reasoning).show(answer, facts)

    def show_scope(self) -> None:
        self.query_one(ScopeChip).show(*scope_of(self.engine) if self.engine is not None else (None, ""))

    def on_verdict_panel_opened(self, event: VerdictPanel.Opened) -> None:
        assert self.engine is not None, "verdicts come from the engine"
        self.open_unit(self.engine.corpus.unit(event.unit_id))

    def on_match_panel_opened(self, event: MatchPanel.Opened) -> None:
        """A place of the match table chosen: its deciding clauses in the citation list, the first shown."""
        from .matches import clauses_of

        assert self.engine is not None, "matches come from the engine"
        cited = clauses_of(event.match, self.engine.corpus, self.last.citations if self.last else [])
        if not cited:
            said = "各项条件均已满足，没有未满足或缺少的条件" if event.match.status == "eligible" else "没有可引用的条款"
            self.notify(f"{event.match.jurisdiction}：{said}。", markup=False)
            return
        self.query_one(SidePane).show(cited, heading(event.match))

    def on_fact_table_edit(self, event: FactTable.Edit) -> None:
        def apply(value: str | None) -> None:
            if value:
                self.queue.put(Job(question=value, field=event.field, old=event.value))
                self._next_job()

        self.push_screen(EditFact(event.field, event.label, event.value), apply)

    def on_doc_tree_opened(self, event: DocTree.Opened) -> None:
        self.open_unit(event.unit)

    def open_unit(self, unit: Any) -> None:
        from assistant.citations import citation_for

        assert self.engine is not None, "units are listed once the engine is loaded"
        self.query_one(SidePane).open(citation_for(self.engine.corpus, unit, 1.0, []))

    # -- browser, palette, scope --------------------------------------------------------------------

    def palette_entries(self) -> list[tuple[str, Any, str]]:
        """(label, callback, help) of everything the palette finds: commands, documents, clauses."""
        from .commands import clause_entries, commands

        return commands(self) + clause_entries(self)

    def set_scope(self, place: str | None) -> None:
        assert self.engine is not None, "scopes are offered once the engine is loaded"
        self.engine.place = place
        self.show_scope()
        self.status(f"范围：{place}" if place else "范围：全部地区")

    def action_clear_scope(self) -> None:
        from .scope import clear_scope

        clear_scope(self)

    # -- keys ---------------------------------------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_next_citation(self) -> None:
        self.query_one(SidePane).step(1)

    def action_previous_citation(self) -> None:
        self.query_one(SidePane).step(-1)

    def action_copy(self) -> None:
        from .clipboard import copy_citation

        copy_citation(self, self.query_one(SidePane).current)

    def export_brief(self, topic: str, fmt: str = "html", walk: bool = False) -> None:
        """Write a briefing into the working folder, asking before overwriting (assistant.tui.export); with
        `walk`, the organisation a where-answer matched is walked through every place in it."""
        from .commands import walked_profile
        from .export import export_brief

        export_brief(self, topic, fmt, walked_profile(self) if walk else None)

    def action_export_brief(self) -> None:
        from .commands import current_topic

        topic = current_topic(self)
        if topic is None:
            self.notify("先问一个问题（如：各地公示期），再导出这个主题的简报；或在命令面板里选“导出简报”。",
                        severity="warning", markup=False)
            return
        self.export_brief(topic, walk=True)

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """The conversation gets the width first: the browser only on wide terminals (or when F3 asks)."""
        wide = width >= WIDE
        self.query_one(Browser).display = wide if self.browser_wanted is None else self.browser_wanted
        self.set_class(width < 100, "-narrow")

    def action_toggle_browser(self) -> None:
        browser = self.query_one(Browser)
        self.browser_wanted = not browser.display
        browser.display = self.browser_wanted

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme != "textual-light" else "textual-dark"


def make_app(engine: Engine | None = None, ws: Workspace | None = None) -> PolicyApp:
    """The app over an engine that is already open (tests share one), or one it opens in a workspace."""
    return PolicyApp(engine, ws)


def run_app(ws: Workspace) -> int:
    """Run the app in a workspace until the user quits."""
    make_app(ws=ws).run()
    return 0
