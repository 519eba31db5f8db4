"""A briefing laid out once as sections of simple blocks; Markdown, HTML and Word write the same outline.

Keeping the content in one place is what makes the three formats say the same thing: a writer only
decides how a paragraph, a table, a list or a quoted clause looks on its medium.
"""

from __future__ import annotations

from pydantic import BaseModel

from kg.models import Corpus

from .build import Briefing


class Table(BaseModel):
    """A table: a header row, body rows, and which body rows differ between places (marked ≠)."""

    header: list[str]
    rows: list[list[str]]
    marked: list[bool] = []


class Items(BaseModel):
    """A list; `check` makes it a list of boxes to tick."""

    items: list[str]
    check: bool = False


class Quote(BaseModel):
    """One cited clause in full: its label, its document line, what it sits in, its text."""

    label: str
    source: str
    context: str | None
    text: str


class Section(BaseModel):
    """A titled part of the briefing; each starts a new page when printed."""

    title: str
    paragraphs: list[str] = []
    table: Table | None = None
    items: Items | None = None
    ladder: bool = False  # draw the sanction ladder here (HTML only; the list says the same in words)
    quotes: list[Quote] = []


class Outline(BaseModel):
    """The whole briefing."""

    title: str
    sections: list[Section]


NOTE_DIFFERS = "≠ 表示各地规定不同；— 表示该地文件未作规定。"


def outline(b: Briefing, corpus: Corpus) -> Outline:
    """The briefing's sections, empty ones left out."""
    parts = [Section(title="摘要", items=Items(items=b.summary)), _clauses(b)]
    if b.table.rows:
        parts.append(_table(b))
    if b.timeline:
        parts.append(Section(title="流程与时限", table=Table(
            header=["地区", "环节", "时限", "依据"], rows=[[s.jurisdiction, s.event, s.when, s.label] for s in b.timeline])))
    if b.ladder:
        parts.append(Section(title="处理措施", ladder=True, items=Items(items=[_rung(b, r) for r in b.ladder])))
    if b.checklist:
        parts.append(Section(title="申请前自查", paragraphs=["逐项核对，每项后注明依据。"],
                             items=Items(items=[f"{c.text}（{c.label}）" for c in b.checklist], check=True)))
    if b.walk is not None:
        from .profile import walk_section

        parts.append(walk_section(b.walk))
    parts.append(Section(title="附录：引用条款全文", quotes=[_quote(corpus, u) for u in b.appendix]))
    return Outline(title=f"简报：{b.topic}", sections=parts)


def _clauses(b: Briefing) -> Section:
    lines = [f"{c.jurisdiction}｜{c.label}：{c.lead}" for c in b.clauses]
    lines += [f"{p}｜文件未涉及" for p in b.jurisdictions if p not in b.covered]
    return Section(title="各地条款", items=Items(items=lines))


def _table(b: Briefing) -> Section:
    rows, marked = [], []
    for row in b.table.rows:
        cells = ["；".join(f"{c.value}（{c.label.split('》')[-1]}）" for c in row.cells.get(j, [])) or "—"
                 for j in b.jurisdictions]
        rows.append([("≠ " if row.differs else "") + row.requirement, *cells])
        marked.append(row.differs)
    return Section(title="各地对比", paragraphs=[NOTE_DIFFERS],
                   table=Table(header=["要求", *b.jurisdictions], rows=rows, marked=marked))


def _rung(b: Briefing, r: object) -> str:
    from .build import LadderStep

    assert isinstance(r, LadderStep)
    head = f"《{r.doc_title}》{r.label}" + (f"（{r.qualifier}）" if r.qualifier else "")
    what = f"{r.behaviour} → " if r.behaviour else ""
    nxt = "；再进一步：" + "、".join(b.label(n) for n in r.next) if r.next else ""
    return f"{head}：{what}{'、'.join(r.measures)}{nxt}"


def _quote(corpus: Corpus, unit_id: str) -> Quote:
    from assistant.render import ancestors, doc_line

    unit = corpus.unit(unit_id)
    around = " › ".join(a.text.split("\n", 1)[0] for a in ancestors(corpus, unit))
    return Quote(label=unit.label, source=doc_line(corpus.doc(unit.doc_id)), context=around or None, text=unit.text)
