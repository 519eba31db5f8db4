"""The citations of the last answer and the full text of the one selected."""

from __future__ import annotations

from rich.text import Text
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
