"""The TUI's panes. Every piece of corpus or user text is a rich Text: never parsed as markup."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, ListItem, ListView, Static, Tree

from kg.models import Corpus, Unit

from ..models import Answer, Citation


def plain(text: str, style: str = "") -> Text:
    """Text shown exactly as written (markup such as [bold] stays literal)."""
    return Text(text, style=style)


class QuestionInput(Input):
    """The question box, with up/down history like a shell."""

    BINDINGS = [Binding("up", "older", "上一条", show=False), Binding("down", "newer", "下一条", show=False)]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(placeholder="输入问题或条款，例如：外部考点条件 / 宿迁 第九条 （F1 帮助）", **kwargs)  # type: ignore[arg-type]
        self.history: list[str] = []
        self.cursor = 0

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


class AnswerView(Static):
    """One answer in the conversation: the question, the short answer, notes and follow-ups."""

    def __init__(self, answer: Answer) -> None:
        text = Text()
        text.append("问：", style="bold")
        text.append(answer.question + "\n")
        text.append("答：", style="bold green")
        text.append(answer.answer)
        for note in answer.notes:
            text.append(f"\n（{note}）", style="dim")
        for q in answer.follow_up:
            text.append(f"\n· {q}", style="italic")
        super().__init__(text, classes="answer")


class CitationList(ListView):
    """The cited units of the current answer, best first."""

    class Picked(Message):
        """A citation was highlighted or selected."""

        def __init__(self, citation: Citation) -> None:
            super().__init__()
            self.citation = citation

    def show(self, citations: list[Citation]) -> None:
        self.citations = citations
        self.clear()
        for i, c in enumerate(citations, 1):
            self.append(ListItem(Static(plain(f"{i}. {c.label}"))))
        if citations:
            self.index = 0

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        if event.list_view is self and self.index is not None and getattr(self, "citations", None):
            self.post_message(self.Picked(self.citations[self.index]))


class SourcePane(Static):
    """The cited unit's full text, its enclosing clause, matched terms highlighted."""

    def show_citation(self, c: Citation) -> None:
        text = Text()
        text.append(c.label + "\n", style="bold cyan")
        text.append(f"{c.doc_number or ''} · {c.jurisdiction}\n", style="dim")
        if c.context:
            text.append(f"（所在：{c.context}）\n", style="dim")
        body = Text(c.text)
        for term in c.matched_terms:
            body.highlight_words([term], style="bold yellow")
        text.append_text(body)
        self.update(text)
        self.current = c


class DocTree(Tree[str]):
    """Documents -> chapters -> articles -> items; selecting a unit shows it."""

    class Opened(Message):
        def __init__(self, unit: Unit) -> None:
            super().__init__()
            self.unit = unit

    def load(self, corpus: Corpus, needle: str = "") -> None:
        self.corpus = corpus
        self.clear()
        self.root.expand()
        for doc in corpus.documents:
            node = self.root.add(plain(doc.meta.title), data=None, expand=bool(needle))
            by_parent: dict[str | None, list[Unit]] = {}
            for u in doc.units:
                by_parent.setdefault(u.parent, []).append(u)
            self._add(node, by_parent, None, needle)

    def _add(self, node, by_parent, parent, needle: str) -> None:  # type: ignore[no-untyped-def]
        for u in by_parent.get(parent, []):
            first = u.text.split("\n", 1)[0][:24]
            if needle and needle not in u.text and needle not in u.path and not _any_child(by_parent, u, needle):
                continue
            label = plain(f"{u.path} {first}")
            if by_parent.get(u.id):
                child = node.add(label, data=u.id, expand=bool(needle))
                self._add(child, by_parent, u.id, needle)
            else:
                node.add_leaf(label, data=u.id)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        if event.node.data:
            self.post_message(self.Opened(self.corpus.unit(event.node.data)))


def _any_child(by_parent: dict[str | None, list[Unit]], unit: Unit, needle: str) -> bool:
    return any(needle in c.text or _any_child(by_parent, c, needle) for c in by_parent.get(unit.id, []))
