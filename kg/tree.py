"""The unit tree under construction and the units it becomes: nodes, their ids and citation paths.

The parser (kg/parse.py) builds the tree; this module turns it into `Unit`s with readable, stable ids
(`suqian-2022-36/art_9/item_5`) and the customary citation of each (第九条第（五）项, 四（三）3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Line, logical_lines
from .models import DocumentMeta, Unit

_ID_PREFIX = {"chapter": "chp", "article": "art", "section": "sec", "annex": "annex",
              "annex_section": "sec", "item": "item", "point": "pt", "subpoint": "sub", "row": "row",
              "paragraph": "para"}


@dataclass
class Piece:
    """A paragraph of text owned by a node, with its place in the source."""

    text: str
    start: int
    end: int
    line: int = 0


@dataclass
class Node:
    """A unit under construction."""

    kind: str
    level: int
    number: int | None
    marker: str
    heading: str | None
    line: int
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    cells: dict[str, str] | None = None
    id: str = ""
    path: str = ""

    def subtree(self) -> list[Node]:
        out = [self]
        for child in self.children:
            out.extend(child.subtree())
        return out


def path_of(node: Node, outline: bool) -> str:
    """The customary citation of a unit inside its document (第九条第（五）项, 四（三）3)."""
    from .numerals import int_to_cn

    n, parent = node.number or 0, node.parent
    ppath = parent.path if parent and parent.kind != "root" else ""
    match node.kind:
        case "chapter":
            return f"第{int_to_cn(n)}章"
        case "article":
            return f"第{int_to_cn(n)}条"
        case "annex":
            return f"附件{n}"
        case "section":
            return int_to_cn(n)
        case "annex_section":
            return f"{ppath} {int_to_cn(n)}"
        case "row":
            return f"{ppath} 第{n}行"
        case "item":
            return f"{ppath}（{int_to_cn(n)}）" if outline else f"{ppath}第（{int_to_cn(n)}）项"
        case "point":
            if outline:
                return f"{ppath}{n}"
            return f"{ppath}第{n}项" if parent and parent.kind == "article" else f"{ppath}第{n}目"
        case _:  # subpoint
            if not outline and parent and parent.kind == "point" and parent.parent and parent.parent.kind == "article":
                return f"{ppath}第（{n}）目"
            return f"{ppath}（{n}）"


def assign_ids(root: Node, meta: DocumentMeta) -> None:
    """Readable ids, stable across rebuilds: document, then the path of numbers (ELI-like)."""
    outline = meta.numbering == "outline"
    for node in root.subtree()[1:]:
        step = f"{_ID_PREFIX[node.kind]}_{node.number}"
        flat = node.kind in ("chapter", "article", "section", "annex") or node.parent is root
        parent_id = meta.id if flat or node.parent is None else node.parent.id
        node.id = f"{parent_id}/{step}"
        node.path = path_of(node, outline)


def to_units(root: Node, meta: DocumentMeta, source: str) -> list[Unit]:
    units = []
    for node in root.subtree()[1:]:
        pieces = sorted((p for n in node.subtree() for p in n.pieces), key=lambda p: p.start)
        units.append(Unit(
            id=node.id, doc_id=meta.id, kind=node.kind, number=node.number, marker=node.marker,
            heading=node.heading, path=node.path, label=f"《{meta.title}》{node.path}",
            parent=node.parent.id if node.parent and node.parent is not root else None,
            children=[c.id for c in node.children], text="\n".join(p.text for p in pieces),
            span=(pieces[0].start, pieces[-1].end), line=node.line, cells=node.cells,
        ))
    return units


def loose_unit(meta: DocumentMeta, kind: str, lines: list[Line], path: str) -> Unit | None:
    """The preamble or closing: one unit of plain paragraphs, if there is any text."""
    paras = logical_lines(lines)
    if not paras:
        return None
    return Unit(id=f"{meta.id}/{kind}", doc_id=meta.id, kind=kind, path=path,
                label=f"《{meta.title}》{path}", text="\n".join(p.text for p in paras),
                span=(paras[0].start, paras[-1].end), line=paras[0].number)
