"""`policykg` with no arguments: a terminal workspace over the same engine as `ask`.

Panes: the conversation (it gets the width first), the citations of the last answer and the full
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
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import Footer, Input, Static

from ..models import Answer, Citation, Match
from .browser import Browser, DocTree
from .citations import CitationList, SourcePane
from .conversation import AnswerView, Conversation
from .facts import EditFact, FactTable
from .help import HelpScreen
from .matches import MatchPanel, heading
from .notice import NoticeBar
from .palette import Palette, PolicyCommands
from .question import QuestionInput
from .queue import AskQueue, Job
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
        self.place_shown: Match | None = None  # the match-table place whose clauses the citation list holds

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
            with Vertical(id="side"):
                yield CitationList(id="citations")
                with VerticalScroll(id="source-scroll"):
                    yield SourcePane(Text("（选择一条引用查看全文）"), id="source")
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
        self._show_scope()
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
        from ..dialogue.turns import RESET_WORDS, WHY_WORDS

        said = text.strip()
        if any(w in said for w in RESET_WORDS) and self.engine is not None and not self.queue.busy:
            self.engine.reset()
            self._local(said, "好的，已重新开始。请描述贵单位的情况，或直接提问。", clear=True)
            return True
        pending = bool(self.last and self.last.follow_up)
        asks_why = any(w in said for w in WHY_WORDS)
        if not pending and not self.queue.busy and (asks_why or said.rstrip("。.!！") in ("不知道", "不清楚", "不确定")):
            self._local(said, "现在没有待回答的追问。可以直接提问，例如：我们是吉林的行业协会，能申请吗？")
            return True
        return False

    def _local(self, question: str, said: str, clear: bool = False) -> None:
        answer = Answer(question=question, intent="help", answer=said)
        self.query_one(Conversation).add(AnswerView(answer))
        if clear:
            self.last, self.place_shown = None, None
            self._show_reasoning(answer)
            self.query_one(CitationList).show([])
            self._show_scope()

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
            answer, refused = self._answer(job)
        except PolicyKGError as exc:
            self.call_from_thread(self.notify, str(exc), severity="warning", markup=False)
            self.call_from_thread(self._job_done, None)
            return
        if refused:
            self.call_from_thread(self.notify, refused, severity="warning", markup=False)
        self.call_from_thread(self._job_done, answer, None if job.field else job.question)

    def _answer(self, job: Job) -> tuple[Answer, str]:
        """The engine's answer to a job; for a revision it cannot read, the old value is put back."""
        assert self.engine is not None, "jobs run only once the engine is loaded"
        if job.field is None:
            return self.engine.ask(job.question), ""
        answer = self.engine.revise(job.field, job.question)
        if any(f == job.field for f, _, _ in self.engine.known_facts()) or not job.old:
            return answer, ""
        restored = self.engine.revise(job.field, job.old)
        return restored, f"没看懂“{job.question}”，{job.old} 保留未改。请写成例如 1200平方米、是、否。"

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
        self.last, self.place_shown = answer, None
        self.query_one(Conversation).add(AnswerView(answer, typed=typed))
        self._show_reasoning(answer)
        self.query_one(CitationList).show(answer.citations)
        if answer.citations:
            self.query_one(SourcePane).show_citation(answer.citations[0])
        self._show_scope()

    def _show_reasoning(self, answer: Answer) -> None:
        facts = self.engine.known_facts() if self.engine is not None and (answer.verdict or answer.follow_up) else []
        self.query_one(Reasoning).show(answer, facts)

    def _show_scope(self) -> None:
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
            self.notify(f"{event.match.jurisdiction}没有可引用的条款。", markup=False)
            return
        self.place_shown = event.match  # each of its clauses is shown under the place's status
        self.query_one(CitationList).show(cited)
        self.query_one(SourcePane).show_citation(cited[0], heading(event.match))
        self.query_one("#source-scroll").scroll_home(animate=False)

    def on_fact_table_edit(self, event: FactTable.Edit) -> None:
        def apply(value: str | None) -> None:
            if value:
                self.queue.put(Job(question=value, field=event.field, old=event.value))
                self._next_job()

        self.push_screen(EditFact(event.field, event.label, event.value), apply)

    def on_citation_list_picked(self, event: CitationList.Picked) -> None:
        shown = self.place_shown
        self.query_one(SourcePane).show_citation(event.citation, heading(shown) if shown is not None else None)

    def on_doc_tree_opened(self, event: DocTree.Opened) -> None:
        self.open_unit(event.unit)

    def open_unit(self, unit: Any) -> None:
        from assistant.citations import citation_for

        assert self.engine is not None, "units are listed once the engine is loaded"
        self.query_one(SourcePane).show_citation(citation_for(self.engine.corpus, unit, 1.0, []))
        self.query_one("#source-scroll").scroll_home(animate=False)

    # -- browser, palette, scope --------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter" and self.engine is not None:
            self.query_one(Browser).show(self.engine.corpus, event.value, self.resolve_reference(event.value))

    def resolve_reference(self, text: str) -> Any:
        """The unit a clause reference names (宿迁 第九条, 宿迁第9条, 浙江监督 第20条), else None."""
        from kg.errors import PolicyKGError
        from kg.models import Unit

        if self.engine is None or not text.strip() or len(text) > 40:
            return None
        try:
            found = self.engine.lookup(text.strip())
        except (PolicyKGError, ValueError):
            return None
        return found if isinstance(found, Unit) else None

    def palette_entries(self) -> list[tuple[str, Any, str]]:
        """(label, callback, help) of everything the palette finds: commands, documents, clauses."""
        from .commands import clause_entries, commands

        return commands(self) + clause_entries(self)

    def palette_commands(self) -> list[tuple[str, Any, str]]:
        """The commands listed before anything is typed."""
        from .commands import commands

        return commands(self)

    def set_scope(self, place: str | None) -> None:
        assert self.engine is not None, "scopes are offered once the engine is loaded"
        self.engine.place = place
        self._show_scope()
        self.status(f"范围：{place}" if place else "范围：全部地区")

    def action_clear_scope(self) -> None:
        if self.engine is None:
            return
        place, origin = scope_of(self.engine)
        if place is None:
            self.notify("现在没有地区范围。", markup=False)
            return
        self.engine.place = None
        if origin != "选定":  # remembered by the conversation: only forgetting the conversation clears it
            self.engine.reset()
            self._local("（清除范围）", f"已清除地区“{place}”，对话已重新开始。", clear=True)
        self._show_scope()
        self.notify(f"已清除地区范围“{place}”，问题按全部地区回答。", markup=False)

    # -- keys ---------------------------------------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def _step(self, delta: int) -> None:
        listing = self.query_one(CitationList)
        if listing.citations:
            listing.index = max(0, min(len(listing.citations) - 1, (listing.index or 0) + delta))

    def action_next_citation(self) -> None:
        self._step(1)

    def action_previous_citation(self) -> None:
        self._step(-1)

    def action_copy(self) -> None:
        from .clipboard import copy_message, save_copy

        current: Citation | None = self.query_one(SourcePane).current
        if current is None:
            self.notify("先选一条引用，再复制。", severity="warning", markup=False)
            return
        text = f"{current.label}\n{current.text}"
        self.copy_to_clipboard(text)
        self.notify(copy_message(current.label, save_copy(text), asked_terminal=True), markup=False)

    def action_export_brief(self) -> None:
        from .commands import current_topic

        topic = current_topic(self)
        if topic is None:
            self.notify("先问一个问题（如：各地公示期），再导出这个主题的简报；或在命令面板里选“导出简报”。",
                        severity="warning", markup=False)
            return
        self.export_brief(topic)

    def export_brief(self, topic: str, fmt: str = "html") -> None:
        """Write a briefing into the working folder, asking before overwriting."""
        from .export import Overwrite, brief_path, free_name

        path = brief_path(topic, fmt)
        if not path.exists():
            self.write_brief(topic, fmt, path)
            return
        other = free_name(path)

        def chosen(answer: str | None) -> None:
            if answer is None:
                self.notify("已取消导出。", markup=False)
            else:
                self.write_brief(topic, fmt, path if answer == "overwrite" else other)

        self.push_screen(Overwrite(path, other), chosen)

    @work(thread=True, group="brief")
    def write_brief(self, topic: str, fmt: str, path: Any) -> None:
        from kg.errors import PolicyKGError

        from .commands import render_brief
        from .export import write_file

        self.call_from_thread(self.status, f"正在生成“{topic}”简报…", True)
        try:
            write_file(path, render_brief(self.engine, topic, fmt))
        except (PolicyKGError, OSError) as exc:
            self.call_from_thread(self.notify, f"没有导出：{exc}", severity="warning", markup=False)
            self.call_from_thread(self.status, "")
            return
        self.call_from_thread(self.notify, f"已导出 {path}", markup=False)
        self.call_from_thread(self.status, f"已导出 {path.name}")

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
