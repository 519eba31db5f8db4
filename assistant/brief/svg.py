"""The sanction ladder as an inline SVG: boxes per sanction, arrows where one escalates to another."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .build import LadderStep

BOX_W, BOX_H, GAP_X, GAP_Y = 210, 64, 40, 30


def _columns(steps: list[LadderStep]) -> list[list[LadderStep]]:
    """Ladders left to right, one column per document, steps top to bottom in ladder order."""
    by_doc: dict[str, list[LadderStep]] = {}
    for s in steps:
        by_doc.setdefault(s.doc_title, []).append(s)
    return list(by_doc.values())


def ladder_svg(steps: list[LadderStep], label: Callable[[str], str] | None = None) -> str:
    """An SVG drawing of the ladders (empty string when there are none). Boxes show where a behaviour is
    listed and what it leads to; arrows join a rung to the one it escalates to."""
    if not steps:
        return ""
    cols = _columns(steps)
    pos: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    for ci, col in enumerate(cols):
        x = 10 + ci * (BOX_W + GAP_X)
        parts.append(f'<text x="{x}" y="16" font-size="11" font-weight="bold">{escape(col[0].doc_title[:17])}</text>')
        for ri, step in enumerate(col):
            y = 26 + ri * (BOX_H + GAP_Y)
            pos[step.id] = (x, y)
            title = escape((step.label + (f"（{step.qualifier}）" if step.qualifier else ""))[:17])
            measures = escape("、".join(step.measures))
            parts.append(f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#eef3fb" stroke="#35588a"/>'
                         f'<text x="{x + 8}" y="{y + 20}" font-size="12" font-weight="bold">{title}</text>'
                         f'<text x="{x + 8}" y="{y + 40}" font-size="10">{measures[:26]}</text>'
                         f'<text x="{x + 8}" y="{y + 54}" font-size="10">{measures[26:52]}</text>')
    for step in steps:
        for nxt in step.next:
            if step.id in pos and nxt in pos:
                (x1, y1), (x2, y2) = pos[step.id], pos[nxt]
                parts.append(f'<line x1="{x1 + BOX_W // 2}" y1="{y1 + BOX_H}" x2="{x2 + BOX_W // 2}" y2="{y2}" '
                             'stroke="#b23" stroke-width="2" marker-end="url(#arrow)"/>')
    rows = max(len(c) for c in cols)
    width, height = 20 + len(cols) * (BOX_W + GAP_X), 40 + rows * (BOX_H + GAP_Y)
    marker = ('<defs><marker id="arrow" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto">'
              '<path d="M0,0 L10,4 L0,8 z" fill="#b23"/></marker></defs>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'font-family="sans-serif" role="img" aria-label="处理措施阶梯">{marker}{"".join(parts)}</svg>')
