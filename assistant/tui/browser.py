"""The document browser: documents -> chapters -> articles -> items, with a filter that reads both words
and clause references (宿迁 第九条, 宿迁第9条, 浙江监督 第20条), and says when nothing matches."""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static, Tree
from textual.widgets.tree import TreeNode

from kg.models import Corpus, Unit

from .commands import resolve_reference

_NUMBER = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[条章]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])\s*")


def tree_label(unit: Unit, width: int = 24) -> str:
    """A unit's number, then the start of its text without the number repeated (第九条 职业技能…).

    >>> from kg.models import Unit
    >>> tree_label(Unit(id="d/art_9", doc_id="d", kind="article", path="第九条", label="", text="第九条 职业技能等级认定活动", span=(0, 1), line=1))
    '第九条 职业技能等级认定活动'
    """
    first = unit.text.strip().split("\n", 1)[0]
    rest = _NUMBER.sub("", first, count=1) if unit.kind != "row" else first
    short = unit.path.split(" ")[-1] if unit.kind == "row" else unit.path
    return f"{short} {rest[:width]}".rstrip()


def squeeze(text: str) -> str:
    """Text compared without spaces and width differences (so 宿迁 第九条 and 宿迁第九条 are one)."""
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


class DocTree(Tree[str]):
    """The corpus as a tree; selecting a unit shows it."""

    class Opened(Message):
        def __init__(self, unit: Unit) -> None:
            super().__init__()
            self.unit = unit

    def load(self, corpus: Corpus, needle: str = "", target: str | None = None) -> int:
        """Show the units holding `needle` (every unit when empty), or the path to `target`; the count shown."""
        self.corpus = corpus
        self.clear()
        self.root.expand()
        shown = 0
        key = squeeze(needle)
        for doc in corpus.documents:
            by_parent: dict[str | None, list[Unit]] = {}
            for u in doc.units:
                by_parent.setdefault(u.parent, []).append(u)
            wanted = self._wanted(by_parent, key, target)
            if (key or target) and not any(wanted(u) for u in doc.units):
                continue
            node = self.root.add(Text(doc.meta.title), data=None, expand=bool(key or target))
            shown += self._add(node, by_parent, None, wanted, bool(key or target))
        return shown

    @staticmethod
    def _wanted(by_parent: dict[str | None, list[Unit]], key: str, target: str | None) -> Callable[[Unit], bool]:
        def holds(u: Unit) -> bool:
            if target:
                return u.id == target or target.startswith(u.id + "/")
            return not key or key in squeeze(u.text) or key in squeeze(u.path) or any(
                holds(c) for c in by_parent.get(u.id, []))
        return holds

    def _add(self, node: TreeNode[str], by_parent: dict[str | None, list[Unit]], parent: str | None,
             wanted: Callable[[Unit], bool], open_all: bool) -> int:
        count = 0
        for u in by_parent.get(parent, []):
            if not wanted(u):
                continue
            count += 1
            label = Text(tree_label(u))
            if by_parent.get(u.id):
                child = node.add(label, data=u.id, expand=open_all)
                count += self._add(child, by_parent, u.id, wanted, open_all)
            else:
                node.add_leaf(label, data=u.id)
        return count

    def select_unit(self, unit_id: str) -> None:
        """Move the cursor to a unit's node (after `load(target=…)`)."""
        for node in _walk(self.root):
            if node.data == unit_id:
                self.select_node(node)
                self.scroll_to_node(node)
                return

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        if event.node.data:
            self.post_message(self.Opened(self.corpus.unit(event.node.data)))


def _walk(node: TreeNode[str]):  # type: ignore[no-untyped-def]
    yield node
    for child in node.children:
        yield from _walk(child)


class Browser(Vertical):
    """The filter box, the tree, and a line saying what the filter found."""

    DEFAULT_CSS = """
    Browser { width: 30; border-right: solid $primary-darken-2; }
    Browser #filter { height: 3; }
    Browser #filter-result { height: auto; color: $text-muted; padding: 0 1; display: none; }
    """

    def compose(self) -> ComposeResult:
        yield Input(placeholder="筛选：词语或条款（宿迁 第九条）", id="filter")
        yield Static("", id="filter-result")
        yield DocTree("文件", id="tree")

    def show(self, corpus: Corpus, needle: str, reference: Unit | None) -> None:
        """Filter the tree by a clause reference (jumping to it) or by words; say when nothing matches."""
        tree = self.query_one(DocTree)
        result = self.query_one("#filter-result", Static)
        if reference is not None:
            tree.load(corpus, target=reference.id)
            tree.call_after_refresh(tree.select_unit, reference.id)  # nodes get their lines on the next refresh
            result.update(Text(f"条款：{reference.label}"))
        elif tree.load(corpus, needle) == 0 and needle.strip():
            result.update(Text(f"没有含“{needle.strip()}”的条款"))
        else:
            result.update(Text(""))
        result.display = bool(str(result.render()).strip())

    def on_input_changed(self, event: Input.Changed) -> None:
        """The filter typed: the app's engine reads a clause reference, the tree is filtered."""
        engine = getattr(self.app, "engine", None)
        if event.input.id == "filter" and engine is not None:
            event.stop()
            self.show(engine.corpus, event.value, resolve_reference(engine, event.value))
