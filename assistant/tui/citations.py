"""The citations of the last answer and the full text of the one selected."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import ListItem, ListView, Static

from ..models import Citation
from .wrap import Wrapped


def short_label(c: Citation) -> str:
    """《short title》path: the list is narrow, the source pane shows the full label."""
    title = c.doc_title.replace("（试行）", "")
    return f"《{title}》{c.article}"


class CitationList(ListView):
    """The cited units of the current answer, best first."""

    DEFAULT_CSS = """
    CitationList { height: 35%; min-height: 4; border-bottom: solid $primary-darken-2; }
    CitationList ListItem { padding: 0 1; }
    """

    class Picked(Message):
        """A citation was highlighted or selected."""

        def __init__(self, citation: Citation) -> None:
            super().__init__()
            self.citation = citation

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.citations: list[Citation] = []

    def show(self, citations: list[Citation]) -> None:
        self.citations = citations
        self.clear()
        for i, c in enumerate(citations, 1):
            self.append(ListItem(Static(Wrapped(Text(f"{i}. {short_label(c)}")))))
        if citations:
            self.index = 0

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        if event.list_view is self and self.index is not None and self.citations:
            self.post_message(self.Picked(self.citations[self.index]))


class SourcePane(Static):
    """The cited unit's full text with its place in the document, matched terms highlighted."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.current: Citation | None = None

    def show_citation(self, c: Citation, heading: Text | None = None) -> None:
        text = Text()
        if heading is not None:
            text.append_text(heading)
            text.append("\n")
        text.append(c.label + "\n", style="bold cyan")
        text.append(f"{c.doc_number or ''} · {c.jurisdiction}\n", style="dim")
        if c.context:
            text.append(f"（所在：{c.context}）\n", style="dim")
        body = Text(c.text)
        for term in c.matched_terms:
            body.highlight_words([term], style="bold yellow")
        text.append_text(body)
        self.update(Wrapped(text))
        self.current = c


class SidePane(Vertical):
    """The citation list over the source pane. A list opened for one place of a match table shows that
    place's status above each of its clauses (`heading`), so the clause is read knowing why it is there."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.heading: Text | None = None

    def compose(self) -> ComposeResult:
        yield CitationList(id="citations")
        with VerticalScroll(id="source-scroll"):
            yield SourcePane(Text("（选择一条引用查看全文）"), id="source")

    @property
    def current(self) -> Citation | None:
        """The citation whose text is shown."""
        return self.query_one(SourcePane).current

    def show(self, citations: list[Citation], heading: Text | None = None) -> None:
        """List citations (the first one opened), each under `heading` when given."""
        self.heading = heading
        self.query_one(CitationList).show(citations)
        if citations:
            self.open(citations[0])

    def open(self, c: Citation, heading: Text | None = None) -> None:
        """Show one citation's text from its top (a unit from the tree or palette: no heading)."""
        self.query_one(SourcePane).show_citation(c, heading or self.heading)
        self.query_one("#source-scroll").scroll_home(animate=False)

    def step(self, delta: int) -> None:
        """Move the highlight down or up the list (Ctrl+N / Ctrl+B)."""
        listing = self.query_one(CitationList)
        if listing.citations:
            listing.index = max(0, min(len(listing.citations) - 1, (listing.index or 0) + delta))

    def on_citation_list_picked(self, event: CitationList.Picked) -> None:
        event.stop()
        self.query_one(SourcePane).show_citation(event.citation, self.heading)
