"""Terminal rendering of an `Answer`: direct answer, verdict checklist, citations, follow-ups."""

from __future__ import annotations

from kg.models import Corpus

from .models import Answer, Verdict
from .render import BOLD, CYAN, DIM, highlight, safe, style

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
        lines += ["", style("引用条款：", BOLD, color)]
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
