"""Plain-text rendering of units, answers and verdicts for the terminal (no domain logic here).

Corpus and user text is printed as text: nothing in it is interpreted as markup, and control
characters are made visible so a crafted document or question cannot drive the terminal.
"""

from __future__ import annotations

import re

from kg.models import Corpus, Document, Unit

from .models import Answer, Verdict

BOLD, YELLOW, DIM, CYAN, RESET = "\x1b[1m", "\x1b[33m", "\x1b[2m", "\x1b[36m", "\x1b[0m"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def safe(text: str) -> str:
    """Text with control characters (ANSI escapes included) shown as visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def style(text: str, code: str, color: bool) -> str:
    """Wrap text in an ANSI style when colour is on."""
    return f"{code}{text}{RESET}" if color else text


def highlight(text: str, terms: list[str], color: bool) -> str:
    """Mark the matched terms: bold yellow on a terminal, 【】 brackets in plain output."""
    terms = sorted({t for t in terms if len(t) >= 2 and t in text}, key=len, reverse=True)
    if not terms:
        return safe(text)
    pattern = re.compile("|".join(map(re.escape, terms)))
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(safe(text[pos:m.start()]))
        out.append(style(m.group(0), BOLD + YELLOW, True) if color else f"【{m.group(0)}】")
        pos = m.end()
    out.append(safe(text[pos:]))
    return "".join(out)


def doc_line(doc: Document) -> str:
    """One line of document facts: 文号 · jurisdiction · dates."""
    m = doc.meta
    issued = m.issued.strftime("%Y-%m") if m.issued_precision == "month" else m.issued.isoformat()
    parts = [m.number or "（无文号）", m.jurisdiction, f"印发 {issued}", f"施行 {m.effective.isoformat()}"]
    return " · ".join(parts)


def ancestors(corpus: Corpus, unit: Unit) -> list[Unit]:
    """The units a unit sits in, outermost first (chapters left out: they are not cited)."""
    doc = corpus.doc(unit.doc_id)
    chain: list[Unit] = []
    parent = doc.unit(unit.parent) if unit.parent else None
    while parent is not None:
        if parent.kind != "chapter":
            chain.append(parent)
        parent = doc.unit(parent.parent) if parent.parent else None
    return chain[::-1]


def context_line(corpus: Corpus, unit: Unit, width: int = 36) -> str | None:
    """The lead sentences of the enclosing units: 第八条 社会培训…备案条件： › 5. 具有所有权…"""
    leads = []
    for anc in ancestors(corpus, unit):
        first = anc.text.split("\n", 1)[0]
        leads.append(first if len(first) <= width else first[: width - 1] + "…")
    return " › ".join(leads) or None


def render_unit(corpus: Corpus, unit: Unit, color: bool, terms: list[str] | None = None) -> str:
    """A unit with its citation label, document facts and full text."""
    doc = corpus.doc(unit.doc_id)
    lines = [style(unit.label, BOLD + CYAN, color), style(doc_line(doc), DIM, color)]
    ctx = context_line(corpus, unit)
    if ctx:
        lines.append(style(f"（所在：{safe(ctx)}）", DIM, color))
    lines += ["", highlight(unit.text, terms or [], color)]
    return "\n".join(lines)


def render_document(doc: Document, color: bool) -> str:
    """A document's facts and its outline of top-level units."""
    lines = [style(f"《{doc.meta.title}》", BOLD + CYAN, color), style(doc_line(doc), DIM, color), ""]
    for u in doc.top_level():
        first = u.text.split("\n", 1)[0]
        lines.append(f"  {u.path:<8} {safe(first[:60])}{'…' if len(first) > 60 else ''}")
    return "\n".join(lines)

_MARK = {"met": "✓", "unmet": "✗", "unknown": "?"}
_STATUS = {"eligible": "符合", "not_eligible": "不符合", "needs_info": "还需要信息"}


def render_verdict(verdict: Verdict, color: bool, said: str = "") -> list[str]:
    """The checklist of a verdict, one line per condition, with its clause (lines `said` already has skipped)."""
    lines = [style(f"结论（{verdict.determination}）：{_STATUS[verdict.status]}", BOLD, color)]
    order = {"unmet": 0, "unknown": 1, "met": 2}  # what decides first, as in the TUI
    for c in sorted(verdict.conditions, key=lambda c: order[c.status]):
        value = f"（{safe(c.value)}）" if c.value else ""
        cite = f"  —— {c.citation.label}" if c.citation else ""
        lines.append(f"  {_MARK[c.status]} {safe(c.text)}{value}{style(cite, DIM, color)}")
    lines += [f"  需改变：{safe(x)}" for x in verdict.changes_needed if x not in said]
    lines += [f"  后续义务：{safe(x)}" for x in verdict.obligations if x not in said]
    return lines


def render_answer(corpus: Corpus, answer: Answer, color: bool, limit: int = 4) -> str:
    """The whole answer as terminal text."""
    lines = [style("答：", BOLD, color) + safe(answer.answer)]
    lines += [style(f"（{safe(n)}）", DIM, color) for n in answer.notes]
    v = answer.verdict
    if v and (v.conditions or v.changes_needed or v.obligations):  # a bare status is already in the answer
        lines += [""] + render_verdict(v, color, answer.answer)
    if answer.comparison:
        from .compare.render import render_table
        from .compare.table import ComparisonTable

        lines += ["", safe(render_table(ComparisonTable.model_validate(answer.comparison)))]
    if answer.citations[:limit]:
        heading = "相关但不直接回答：" if answer.coverage == "not_covered" else "引用条款："
        lines += ["", style(heading, BOLD, color)]
    for i, c in enumerate(answer.citations[:limit], 1):
        lines.append(style(f"{i}. {c.label}", BOLD + CYAN, color) + style(f"  {c.doc_number or ''}", DIM, color))
        if c.context:
            lines.append(style(f"   （所在：{safe(c.context)}）", DIM, color))
        lines += ["   " + row for row in highlight(c.text, c.matched_terms, color).split("\n")]
    if len(answer.citations) > limit:
        more_cited = len(answer.citations) - limit
        lines += ([""] if not limit else []) + [style(f"（另有 {more_cited} 条相关条款，用 -n 查看更多）", DIM, color)]
    more = [q for q in answer.follow_up if q not in answer.answer]
    if more:
        lines += ["", style("请补充：", BOLD, color)] + [f"  · {safe(q)}" for q in more]
    return "\n".join(lines)
