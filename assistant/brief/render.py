"""Briefings as Markdown or as one self-contained HTML page that prints on A4."""

from __future__ import annotations

from html import escape

from kg.models import Corpus

from .build import Briefing
from .svg import ladder_svg

CSS = """@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 10.5pt; color: #222; max-width: 180mm; margin: auto; }
h1 { font-size: 17pt; border-bottom: 2px solid #35588a; } h2 { font-size: 13pt; color: #35588a; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; } th, td { border: 1px solid #bbb; padding: 3px 5px; vertical-align: top; }
th { background: #eef3fb; } .differs { background: #fff4e5; } .cite { color: #555; font-size: 9pt; }
.unit { page-break-inside: avoid; margin-bottom: .8em; } .unit pre { white-space: pre-wrap; font-family: inherit; margin: 0; }
ul.check { list-style: none; padding-left: 0; } ul.check li::before { content: "☐ "; }"""


def _summary(b: Briefing) -> str:
    differs = [r.requirement for r in b.table.rows if r.differs]
    return (f"本简报比较{'、'.join(b.jurisdictions)}关于“{b.topic}”的规定，共 {len(b.table.rows)} 项，引用 {len(b.appendix)} 个条款。"
            + (f"各地不同的有：{'、'.join(differs)}。" if differs else "所列各地规定一致。"))


def to_markdown(b: Briefing, corpus: Corpus) -> str:
    """The briefing as Markdown (renders on common viewers)."""
    out = [f"# 简报：{b.topic}", "", _summary(b), "", "## 各地规定", ""]
    out += ["| 要求 | " + " | ".join(b.jurisdictions) + " |", "|---" * (len(b.jurisdictions) + 1) + "|"]
    for row in b.table.rows:
        cells = ["<br>".join(f"{c.value}（{c.label}）" for c in row.cells.get(j, [])) or "—" for j in b.jurisdictions]
        out.append(f"| {'≠ ' if row.differs else ''}{row.requirement} | " + " | ".join(cells) + " |")
    out += ["", "## 流程与时限", ""] + [f"- {s.jurisdiction}｜{s.event}：{s.when}（{s.label}）" for s in b.timeline]
    out += ["", "## 处理措施阶梯", ""]
    out += [f"- {s.doc_title} {s.label}{'（' + s.qualifier + '）' if s.qualifier else ''}：{'、'.join(s.measures)}"
            + (f" → {', '.join(n.split('/')[-1] for n in s.next)}" if s.next else "") for s in b.ladder]
    out += ["", "## 申请前自查", ""] + [f"- [ ] {c.text}（{c.label}）" for c in b.checklist]
    out += ["", "## 附录：引用条款全文", ""]
    for uid in b.appendix:
        u = corpus.unit(uid)
        out += [f"### {u.label}", "", *[f"> {line}" for line in u.text.split("\n")], ""]
    return "\n".join(out)


def to_html(b: Briefing, corpus: Corpus) -> str:
    """The briefing as one HTML file with its CSS and SVG inline: nothing is fetched."""
    e = escape
    head = "".join(f"<th>{e(j)}</th>" for j in b.jurisdictions)
    rows = "".join(
        f"<tr class=\"{'differs' if r.differs else ''}\"><td>{'≠ ' if r.differs else ''}{e(r.requirement)}</td>"
        + "".join("<td>" + ("<br>".join(f"{e(c.value)}<div class=cite>{e(c.label)}</div>" for c in r.cells.get(j, [])) or "—")
                  + "</td>" for j in b.jurisdictions) + "</tr>" for r in b.table.rows)
    steps = "".join(f"<tr><td>{e(s.jurisdiction)}</td><td>{e(s.event)}</td><td>{e(s.when)}</td>"
                    f"<td class=cite>{e(s.label)}</td></tr>" for s in b.timeline)
    checks = "".join(f"<li>{e(c.text)} <span class=cite>{e(c.label)}</span></li>" for c in b.checklist)
    appendix = "".join(f"<div class=unit><h3>{e(corpus.unit(u).label)}</h3><pre>{e(corpus.unit(u).text)}</pre></div>"
                       for u in b.appendix)
    return (f"<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><title>简报：{e(b.topic)}</title>"
            f"<style>{CSS}</style></head><body><h1>简报：{e(b.topic)}</h1><p>{e(_summary(b))}</p>"
            f"<h2>各地规定</h2><table><tr><th>要求</th>{head}</tr>{rows}</table>"
            f"<h2>流程与时限</h2><table><tr><th>地区</th><th>环节</th><th>时限</th><th>依据</th></tr>{steps}</table>"
            f"<h2>处理措施阶梯</h2>{ladder_svg(b.ladder) or '<p>所选地区的文件没有规定逐级处理。</p>'}"
            f"<h2>申请前自查</h2><ul class=check>{checks}</ul><h2>附录：引用条款全文</h2>{appendix}</body></html>")
