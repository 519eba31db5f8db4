"""Briefings as Markdown, or as one self-contained HTML page made to be printed on A4.

Both write the outline (`outline.py`), so they carry the same content. The HTML page fetches nothing
(CSS and the ladder's SVG are inline), starts every section on a new page when printed, keeps a clause
of the appendix on one page where it fits, and repeats table headers across pages.
"""

from __future__ import annotations

from html import escape

from kg.models import Corpus

from .build import Briefing
from .outline import Outline, Quote, Section, outline
from .svg import ladder_svg

CSS = """@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: counter(page) " / " counter(pages); } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif;
       font-size: 10.5pt; line-height: 1.6; color: #222; max-width: 178mm; margin: 0 auto; }
h1 { font-size: 18pt; border-bottom: 2px solid #35588a; padding-bottom: 4px; margin: 0 0 .6em; }
h2 { font-size: 13.5pt; color: #35588a; margin: 0 0 .5em; }
h3 { font-size: 11pt; margin: .9em 0 .2em; }
section { margin-bottom: 1.6em; }
section + section { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #aab; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eef3fb; } tr.differs td { background: #fff4e5; }
.note, .src, .ctx { color: #555; font-size: 9pt; }
.unit { break-inside: avoid; page-break-inside: avoid; margin-bottom: .9em; }
.unit pre { white-space: pre-wrap; font-family: inherit; margin: .2em 0 0; }
ul.check { list-style: none; padding-left: 0; } ul.check li::before { content: "☐ "; }
li { margin: .15em 0; } svg { max-width: 100%; height: auto; }
@media screen { body { margin: 2em auto; } section + section { border-top: 1px dashed #ccd; padding-top: 1em; } }"""


def to_markdown(b: Briefing, corpus: Corpus) -> str:
    """The briefing as Markdown (renders on common viewers)."""
    doc = outline(b, corpus)
    out = [f"# {doc.title}", ""]
    for section in doc.sections:
        out += _md_section(section)
    return "\n".join(out).rstrip() + "\n"


def _md_section(s: Section) -> list[str]:
    out = [f"## {s.title}", ""]
    out += [p for para in s.paragraphs for p in (para, "")]
    if s.table:
        out += ["| " + " | ".join(s.table.header) + " |", "|" + "---|" * len(s.table.header)]
        out += ["| " + " | ".join(c.replace("|", "｜") for c in row) + " |" for row in s.table.rows] + [""]
    if s.items:
        out += [("- [ ] " if s.items.check else "- ") + item for item in s.items.items] + [""]
    for q in s.quotes:
        out += [f"### {q.label}", "", f"*{q.source}*" + (f"　（所在：{q.context}）" if q.context else ""), ""]
        out += [f"> {line}" if line.strip() else ">" for line in q.text.split("\n")] + [""]
    return out


def to_html(b: Briefing, corpus: Corpus) -> str:
    """The briefing as one HTML file with its CSS and SVG inline: nothing is fetched."""
    doc = outline(b, corpus)
    body = "".join(_html_section(s, b) for s in doc.sections)
    return (f"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{escape(doc.title)}</title>"
            f"<style>{CSS}</style></head><body><h1>{escape(doc.title)}</h1>{body}</body></html>\n")


def _html_section(s: Section, b: Briefing) -> str:
    e = escape
    parts = [f"<h2>{e(s.title)}</h2>"] + [f"<p class=\"note\">{e(p)}</p>" for p in s.paragraphs]
    if s.ladder:
        parts.append(ladder_svg(b.ladder, b.label))
    if s.table:
        head = "".join(f"<th>{e(h)}</th>" for h in s.table.header)
        marked = s.table.marked or [False] * len(s.table.rows)
        differs = ' class="differs"'
        rows = "".join(f"<tr{differs if m else ''}>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                       for row, m in zip(s.table.rows, marked, strict=False))
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    if s.items:
        cls = " class=\"check\"" if s.items.check else ""
        parts.append(f"<ul{cls}>" + "".join(f"<li>{e(i)}</li>" for i in s.items.items) + "</ul>")
    parts += [_html_quote(q) for q in s.quotes]
    return "<section>" + "".join(parts) + "</section>"


def _html_quote(q: Quote) -> str:
    e = escape
    ctx = f"<div class=\"ctx\">（所在：{e(q.context)}）</div>" if q.context else ""
    return (f"<div class=\"unit\"><h3>{e(q.label)}</h3><div class=\"src\">{e(q.source)}</div>{ctx}"
            f"<pre>{e(q.text)}</pre></div>")


__all__ = ["CSS", "Outline", "to_html", "to_markdown"]
