"""Text -> Document: the hierarchy of citable units, each with its span in the source file.

One pass over the paragraphs of a document's body: a numbering mark opens a unit at the depth
its style gives it (see `markers.LEVELS`); any other paragraph belongs to the innermost open
unit. Annex tables (tab-led cells) are read as rows before marks are looked for, so a cell that
starts with `1、` is not mistaken for a point.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .corpus import fingerprint, load_meta, text_files
from .errors import CorpusError, ParseError
from .layout import Line, LogicalLine, clean_line, damaged_mark, logical_lines, split_lines
from .markers import KINDS, LEVELS, Marker, detect, inline_heading
from .models import Corpus, Document, DocumentMeta, ParseWarning
from .source import read_source
from .tables import Row, header_of, read_rows
from .tree import Node, Piece, assign_ids, loose_unit, to_units

_NUMBERING = {"article": "条款编号", "outline": "提纲编号"}


@dataclass
class Region:
    """The lines of one document: preamble, body and closing."""

    preamble: list[Line]
    body: list[Line]
    closing: list[Line]


def _find_line(lines: list[Line], needle: str, occurrence: int = 1) -> int | None:
    """Index of the n-th line whose clean text starts with the clean needle; a needle that is a numbering
    label also finds the label spelt otherwise (body_start 第一条 finds 第 1 条)."""
    target, seen = clean_line(needle), 0
    label = detect(target)
    for i, line in enumerate(lines):
        if line.text and (line.text.startswith(target) or _same_label(label, line.text)):
            seen += 1
            if seen == occurrence:
                return i
    return None


def _same_label(label: Marker | None, text: str) -> bool:
    """Whether a line opens on the article or chapter label a needle names (and the needle is nothing more)."""
    if label is None or label.rest or label.type not in ("ARTICLE", "CHAPTER"):
        return False
    found = detect(text)
    return found is not None and (found.type, found.number) == (label.type, label.number)


def _regions(path: Path, source: str, metas: list[DocumentMeta]) -> list[Region]:
    """Cut a file into one region per document it carries."""
    lines = split_lines(source)
    starts = []
    for i, meta in enumerate(metas):
        at = 0 if i == 0 and not meta.region_start else _find_line(lines, meta.region_start or "")
        if at is None:
            raise ParseError(path.name, None, f"找不到 {meta.id} 的 region_start“{meta.region_start}”")
        starts.append(at)
    regions = []
    for i, meta in enumerate(metas):
        chunk = lines[starts[i]: starts[i + 1] if i + 1 < len(starts) else len(lines)]
        body_at = _find_line(chunk, meta.body_start, meta.body_start_occurrence)
        if body_at is None:
            raise ParseError(path.name, chunk[0].number if chunk else None,
                             f"在 {meta.id} 的范围内找不到 body_start“{meta.body_start}”")
        end_at = _find_line(chunk, meta.body_end) if meta.body_end else None
        end_at = len(chunk) if end_at is None or end_at < body_at else end_at
        regions.append(Region(chunk[:body_at], chunk[body_at:end_at], chunk[end_at:]))
    return regions


class _Builder:
    """Builds the node tree of one document body."""

    def __init__(self, meta: DocumentMeta) -> None:
        self.meta = meta
        self.levels = LEVELS[meta.numbering]
        self.root = Node("root", -1, None, "", None, 0)
        self.stack: list[Node] = [self.root]
        self.warnings: list[ParseWarning] = []
        self.header: list[str] | None = None
        self.title_lines: list[str] = []

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(file=self.meta.source_file, line=line, message=message))

    def in_annex(self) -> Node | None:
        return next((n for n in self.stack if n.kind == "annex"), None)

    def feed(self, lines: list[Line]) -> None:
        pending: list[Line] = []
        for block in _blocks(lines):
            first_cell = next((i for i, line in enumerate(block) if line.is_cell), None)
            if first_cell is not None:
                self.flush(pending + block[:first_cell])
                pending = []
                if self.in_annex():
                    self.table_block(block[first_cell:])
                    continue
                block = block[first_cell:]
            pending.extend(block)
        self.flush(pending)

    def flush(self, lines: list[Line]) -> None:
        for para in logical_lines(lines):
            self.paragraph(para)

    def paragraph(self, para: LogicalLine) -> None:
        mark = detect(para.text)
        if mark and damaged_mark(para.lines[0].raw):
            self.warn(para.number, f"{mark.marker}：编号标记的字符已损坏，按编号读取"
                      f"（{para.lines[0].raw.strip()[:12]}…）")
        if mark and mark.type in self.levels and self.accept(mark, para):
            self.open(mark, para)
        elif len(self.stack) == 1:
            self.title_lines.append(para.text)  # the document's title, before the first numbered unit
        else:
            self.stack[-1].pieces.append(Piece(para.text, para.start, para.end, para.number))

    def accept(self, mark: Marker, para: LogicalLine) -> bool:
        """A mark opens a unit only where its number continues its siblings' sequence."""
        level = self.levels[mark.type]
        parent = next(n for n in reversed(self.stack) if n.level < level)
        kind = self.kind_of(mark, parent)
        if kind == "article":  # articles number on across chapters
            same = [n for n in self.root.subtree() if n.kind == "article"]
        else:
            same = [c for c in parent.children if c.kind == kind]
        expected = same[-1].number + 1 if same and same[-1].number else 1
        if mark.number == expected:
            return True
        if mark.type == "ANNEX" and mark.number > expected:
            return True  # 附件1 is often the document itself
        if kind == "article" and same and mark.number == expected + 1:
            self.recover_article(same[-1], expected, mark, para)
            return True
        if mark.type in ("ARTICLE", "CHAPTER", "ENUM_CN") and mark.number > expected:
            self.warn(para.number, f"{mark.marker}：应为第 {expected} 个，仍按编号读取")
            return True
        self.warn(para.number, f"{mark.marker} 编号不连续（应为第 {expected} 个），按正文读取")
        return False

    def recover_article(self, prev: Node, number: int, mark: Marker, para: LogicalLine) -> None:
        """An article whose number a page break or a conversion swallowed: its text is the paragraph of the
        article before that starts a new sentence after it ended (第三条……适用本办法。 / 技能人才评价机构…),
        read as the missing article; said exactly either way."""
        from .numerals import int_to_cn

        name, before = f"第{int_to_cn(number)}条", f"第{int_to_cn(number - 1)}条"
        at = next((i for i in range(1, len(prev.pieces)) if prev.pieces[i - 1].text.endswith(("。", "；"))
                   and not detect(prev.pieces[i].text)), None)
        if at is None:
            self.warn(para.number, f"缺少{name}：正文从{before}（第 {prev.line} 行）直接到{mark.marker}（第 {para.number} 行），"
                      f"中间没有可作为{name}的段落，未读出任何内容")
            return
        piece = prev.pieces[at]
        node = Node("article", prev.level, number, name, None, piece.line, prev.parent)
        node.pieces, prev.pieces = prev.pieces[at:], prev.pieces[:at]
        node.children = [c for c in prev.children if c.pieces and c.pieces[0].start > piece.start]
        prev.children = [c for c in prev.children if c not in node.children]
        for child in node.children:
            child.parent = node
        siblings = prev.parent.children  # type: ignore[union-attr]
        siblings.insert(siblings.index(prev) + 1, node)
        self.warn(piece.line, f"{name}在正文中没有编号：第 {piece.line} 行的段落（“{piece.text[:14]}…”）"
                  f"在{before}结束之后另起一句，按{name}读取")

    def kind_of(self, mark: Marker, parent: Node) -> str:
        kind = KINDS[mark.type]
        if kind == "section" and self.in_annex() and parent.kind != "root":
            return "annex_section"
        return kind

    def open(self, mark: Marker, para: LogicalLine) -> None:
        level = self.levels[mark.type]
        while self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1]
        kind = self.kind_of(mark, parent)
        if kind == "annex":
            self.header = None
        heading = mark.rest if kind == "chapter" else None if kind == "article" else inline_heading(mark.rest)
        node = Node(kind, level, mark.number, mark.marker, heading, para.number, parent)
        node.pieces.append(Piece(para.text, para.start, para.end))
        parent.children.append(node)
        self.stack.append(node)

    def table_block(self, block: list[Line]) -> None:
        for row in read_rows(block):
            header = header_of(row.cells)
            if header:
                self.header = header
            elif self.header and any(row.cells[1 : len(self.header)]):
                self.add_row(row, self.header)
            else:
                self.stack[-1].pieces.append(Piece(row.as_text(), row.start, row.end))

    def add_row(self, row: Row, header: list[str]) -> None:
        """A table row as a unit: its cells under the header's labels; an empty first cell repeats the row
        above's (the first column groups rows, as 评估项目 does)."""
        while self.stack[-1].kind == "row":
            self.stack.pop()
        parent = self.stack[-1]
        rows = [c for c in parent.children if c.kind == "row"]
        values = row.cells[: len(header)]
        while len(values) > 2 and not values[-1].strip():  # a form's column left to fill in (评估结果) is not kept
            values.pop()
        if not values[0] and rows:
            values[0] = (rows[-1].cells or {}).get(header[0], "")
        project = values[0]
        cells = dict(zip(header, values, strict=False))
        node = Node("row", 9, len(rows) + 1, "", project or None, row.line, parent, cells=cells)
        text = "；".join(f"{label}：{value}" for label, value in cells.items())
        node.pieces.append(Piece(text, row.start, row.end))
        parent.children.append(node)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines between blank lines (blank lines kept, so page breaks still show)."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        blocks[-1].append(line)
        if not line.text and not line.raw.startswith("\t"):
            blocks.append([])
    return [b for b in blocks if any(line.text for line in b)]


def _top_level(builder: _Builder) -> int:
    """How many units of the numbering's own top level (articles; outline sections, annexes) were found."""
    kinds = ("article", "chapter") if builder.meta.numbering == "article" else ("section", "annex")
    return sum(1 for n in builder.root.subtree() if n.kind in kinds)


def _build(meta: DocumentMeta, region: Region) -> _Builder:
    builder = _Builder(meta)
    builder.feed(region.body)
    return builder


def parse_region(meta: DocumentMeta, region: Region, source: str) -> Document:
    """Structure one document's region of its file. Text whose numbering is not the one its metadata names
    is read with the other; text with no numbering at all is read paragraph by paragraph (kg.prose). Either
    way the document's warnings say so: readable text is never refused."""
    builder = _build(meta, region)
    if not _top_level(builder):
        other = meta.model_copy(update={"numbering": "outline" if meta.numbering == "article" else "article"})
        retry = _build(other, region)
        if _top_level(retry):
            retry.warn(region.body[0].number if region.body else 1,
                       f"元数据写的是{_NUMBERING[meta.numbering]}，正文用的是{_NUMBERING[other.numbering]}"
                       f"（{'第一条' if other.numbering == 'article' else '一、'}…），按{_NUMBERING[other.numbering]}读取")
            meta, builder = other, retry
    if not builder.root.children:
        return _prose_document(meta, region, builder)
    assign_ids(builder.root, meta)
    units = to_units(builder.root, meta, source)
    seen: set[str] = set()
    for u in units:
        if u.id in seen:
            builder.warn(u.line, f"条款 id {u.id} 重复")
        seen.add(u.id)
    pre = loose_unit(meta, "preamble", region.preamble, "印发通知")
    post = loose_unit(meta, "closing", region.closing, "联系方式及落款")
    units = ([pre] if pre else []) + units + ([post] if post else [])
    return Document(meta=meta, units=units, warnings=builder.warnings, title_lines=builder.title_lines)


def _prose_document(meta: DocumentMeta, region: Region, builder: _Builder) -> Document:
    """A document without numbering, one unit per paragraph (news-style prose)."""
    from .prose import paragraph_units

    units, titles = paragraph_units(meta, region.body)
    first = region.body[0].number if region.body else 1
    if not units:
        raise ParseError(meta.source_file, first, f"{meta.id}：body_start {meta.body_start!r} 之后没有正文")
    builder.warnings = [w for w in builder.warnings if "编号不连续" not in w.message]
    builder.warn(first, f"没有找到编号条款（按{_NUMBERING[meta.numbering]}查找，如"
                 f"{'第一条' if meta.numbering == 'article' else '一、'}）：按新闻体逐段读取，共 {len(units)} 段，"
                 f"引用为第1段…第{len(units)}段")
    pre = loose_unit(meta, "preamble", region.preamble, "印发通知")
    post = loose_unit(meta, "closing", region.closing, "联系方式及落款")
    return Document(meta=meta, units=([pre] if pre else []) + units + ([post] if post else []),
                    warnings=builder.warnings, title_lines=titles)


def parse_file(path: Path, meta_path: Path | None = None) -> list[Document]:
    """Every document a text file carries, structured."""
    return parse_with_meta(path, load_meta(path, meta_path))


def parse_with_meta(path: Path, metas: list[DocumentMeta]) -> list[Document]:
    """The documents of a text file, with metadata given (`ingest` of a text without its meta file)."""
    source = read_source(path).text
    return [parse_region(m, r, source) for m, r in zip(metas, _regions(path, source, metas), strict=False)]


def parse_corpus(corpus_dir: Path) -> Corpus:
    """Parse every document of a corpus folder."""
    docs = [doc for path in text_files(corpus_dir) for doc in parse_file(path)]
    ids = [d.meta.id for d in docs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise CorpusError(f"{corpus_dir}：文档 id 重复：{'、'.join(dupes)}")
    return Corpus(documents=docs, fingerprint=fingerprint(corpus_dir), folder=corpus_dir)
