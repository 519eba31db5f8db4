"""Briefings as Word documents (.docx), for trainers in 人社 bureaus who edit and print in Word.

Written from the same outline as Markdown and HTML (`outline.py`), so the content is the same: A4 pages,
every section on a new page, tables with a repeated header row, tick boxes for the self-check list and
the cited clauses in full in the appendix. python-docx is imported only here, when a .docx is asked for.
"""

from __future__ import annotations

import io
from typing import Any

from kg.models import Corpus

from .build import Briefing
from .outline import Quote, Section, Table, outline

FONT = "SimSun"  # 宋体: what Word in a Chinese office has; Word substitutes where it is missing
SHADE_DIFFERS = "FFF4E5"


def to_docx(b: Briefing, corpus: Corpus) -> bytes:
    """The briefing as the bytes of a .docx file."""
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    for s in doc.sections:
        s.page_width, s.page_height = Mm(210), Mm(297)
        s.left_margin = s.right_margin = Mm(18)
        s.top_margin = s.bottom_margin = Mm(18)
    _font(doc.styles["Normal"], Pt(10.5))
    plan = outline(b, corpus)
    doc.core_properties.title = plan.title
    doc.add_heading(plan.title, level=0)
    for i, section in enumerate(plan.sections):
        if i:
            doc.add_page_break()
        _section(doc, section)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _font(style: Any, size: Any) -> None:
    """Set a style's Latin and East Asian font (Word keeps them apart)."""
    from docx.oxml.ns import qn

    style.font.name, style.font.size = FONT, size
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), FONT)


def _section(doc: Any, s: Section) -> None:
    doc.add_heading(s.title, level=1)
    for para in s.paragraphs:
        doc.add_paragraph(para)
    if s.table:
        _table(doc, s.table)
    if s.items:
        for item in s.items.items:
            doc.add_paragraph(("☐ " if s.items.check else "") + item, style=None if s.items.check else "List Bullet")
    for q in s.quotes:
        _quote(doc, q)


def _table(doc: Any, t: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = doc.add_table(rows=1, cols=len(t.header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, t.header, strict=False):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row again on every page the table runs onto
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    marked = t.marked or [False] * len(t.rows)
    for values, differs in zip(t.rows, marked, strict=False):
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=False):
            cell.text = text
            if differs:
                _shade(cell, SHADE_DIFFERS)


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _quote(doc: Any, q: Quote) -> None:
    from docx.shared import Pt, RGBColor

    doc.add_heading(q.label, level=2)
    meta = doc.add_paragraph()
    run = meta.add_run(q.source + (f"（所在：{q.context}）" if q.context else ""))
    run.font.size, run.font.color.rgb = Pt(9), RGBColor(0x55, 0x55, 0x55)
    for line in q.text.split("\n"):
        doc.add_paragraph(line)
