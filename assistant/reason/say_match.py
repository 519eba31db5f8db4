"""Saying a match table in words: one line per place, what fails and what is missing, what to change,
what to ask. Plain text (the CLI colours nothing here; the answer engine uses it as the answer)."""

from __future__ import annotations

from ..models import Match, MatchTable

STATUS_WORDS = {"eligible": "符合", "not_eligible": "不符合", "needs_info": "还需信息"}
_MISSING_SHOWN = 6  # missing facts named per place; the rest are counted


def say_table(table: MatchTable) -> str:
    """The whole table: headline, a line or more per place, unlocks, deciding questions, known facts."""
    lines = [headline(table)]
    for m in table.matches:
        lines += _place(m)
    if table.unlocks:
        lines.append("改变一项就能改变结论：")
        lines += [f"  · {u.change}：" + "；".join(_turned(u.eligible, u.opened)) for u in table.unlocks]
    if table.questions:
        lines.append("最能定结论的问题：")
        lines += [f"  {i}. {q.ask}（关系到：{'、'.join(q.jurisdictions)}）" for i, q in enumerate(table.questions, 1)]
    if table.facts:
        lines.append("已知：" + "；".join(f"{label}={value}" for label, value in table.facts.items()) + "（说错了可以直接更正）")
    return "\n".join(lines)


def headline(table: MatchTable) -> str:
    """符合 / 不符合 / 还需信息 counted over the places, the eligible ones named."""
    by = {s: [m.jurisdiction for m in table.matches if m.status == s] for s in STATUS_WORDS}
    if not table.matches:
        return f"各地结论（{table.title}）：没有可以判断的地区。"
    counts = "，".join(f"{STATUS_WORDS[s]} {len(by[s])}" for s in STATUS_WORDS if by[s])
    where = f"符合的：{'、'.join(by['eligible'])}。" if by["eligible"] else "目前没有一地能确认符合。"
    return f"各地结论（{table.title}，{len(table.matches)} 地）：{counts}。{where}"


def _place(m: Match) -> list[str]:
    name = m.jurisdiction + ("（草拟规则）" if m.drafted else "")
    route = f"（按{m.route}）" if m.route and m.status == "eligible" else ""
    lines = [f"【{name}】{STATUS_WORDS[m.status]}{route}"]
    if m.status == "eligible" and m.met:
        basis = list(dict.fromkeys(c.citation.label for c in m.met if c.citation))
        lines.append(f"  满足 {len(m.met)} 项条件，依据：{'、'.join(basis)}")
    for u in m.unmet:
        value = f"（现为{u.value}）" if u.value else ""
        lines.append(f"  ✗ {u.text}{value} —— {u.citation.label if u.citation else ''}".rstrip(" —"))
    if m.changes:
        then = f"（改后：{STATUS_WORDS[m.after_changes]}）" if m.after_changes else ""
        lines.append(f"  需改变：{'；'.join(m.changes)}{then}")
    missing = list(dict.fromkeys(u.text.split("：", 1)[0] for u in m.unknown))
    if missing:
        more = f" 等 {len(missing)} 项" if len(missing) > _MISSING_SHOWN else ""
        lines.append(f"  还缺：{'、'.join(missing[:_MISSING_SHOWN])}{more}")
    return lines


def _turned(eligible: list[str], opened: list[str]) -> list[str]:
    out = [f"{'、'.join(eligible)} 变为符合"] if eligible else []
    return out + ([f"{'、'.join(opened)} 不再不符合（还需信息）"] if opened else [])
