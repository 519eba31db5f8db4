"""A sample organisation walked through every jurisdiction, as a section of a briefing.

`policykg brief TOPIC --profile FILE.yaml` adds to the briefing what the match table
(assistant.reason.match) says about that organisation: its status in each place, the conditions it fails
there with their clauses, the facts still missing, the change that would turn a failing place, and the
questions that would settle the most places. The section is laid out once (`walk_section`) so Markdown,
HTML and Word say the same; the clauses it cites join the appendix, quoted in full like every other.
"""

from __future__ import annotations

from pathlib import Path

from kg.facts import FactSet
from kg.models import Corpus

from ..models import Match, MatchTable
from ..reason.profile import Profile, ProfileError
from .build import Briefing
from .outline import Items, Section, Table

STATUS = {"eligible": "符合", "not_eligible": "不符合", "needs_info": "还需信息"}
HEADER = ["地区", "结论", "未满足的条件（依据）", "还缺的信息", "需改变"]


def read_profile(path: Path) -> Profile:
    """The profile of a YAML file; a missing file, bad YAML or an unknown field is a one-line error
    (ProfileError, exit code 2) that names the file and what to fix."""
    from ..reason.profile import load_profile

    if not path.is_file():
        raise ProfileError(f"画像文件 {path} 不存在（应为 YAML，例如 org_type: industry_association）")
    return load_profile(path)


def determination_of(topic: str) -> str:
    """What the walk judges for a topic: 外部考点 topics the external-site rules, any other eligibility.

    >>> determination_of("外部考点"), determination_of("申请条件")
    ('external_site', 'eligibility')
    """
    from ..understand.intent import scores

    found = scores(topic)
    return "external_site" if found.get("external_site", 0) > found.get("eligibility", 0) else "eligibility"


def walk(b: Briefing, corpus: Corpus, facts: FactSet, profile: Profile) -> MatchTable:
    """The organisation judged in every place of the briefing that has rules for the topic's determination,
    attached to the briefing; the clauses the walk cites are added to its appendix."""
    from ..reason.match import match_profile

    table = match_profile(corpus, facts, profile, determination_of(b.topic), places=b.jurisdictions)
    b.walk = table
    b.appendix += [u for u in cited_units(table) if u not in b.appendix]
    return table


def cited_units(table: MatchTable) -> list[str]:
    """The clauses the walk names: each failed condition's, then each missing fact's, in table order."""
    units = [u.citation.unit_id for m in table.matches for u in m.unmet if u.citation]
    units += [u.citation.unit_id for m in table.matches for u in m.unknown if u.citation]
    return list(dict.fromkeys(u for u in units if u))


def walk_section(table: MatchTable) -> Section:
    """The walk as one section: the organisation, the headline, a row per place, what would change it."""
    from ..reason.say_match import headline

    facts = "；".join(f"{label}：{value}" for label, value in table.facts.items()) or "（画像中没有事实）"
    paragraphs = [f"示例单位：{facts}。", headline(table),
                  "括号里是该地文件的条款（全文见附录）；“还缺的信息”补齐之前，该地的结论只能是“还需信息”。"]
    rows = [_row(m) for m in table.matches]
    items = [f"改一项：{u.change}——{_turned(u.eligible, u.opened)}" for u in table.unlocks]
    items += [f"最能定结论的问题：{q.ask}（关系到 {'、'.join(q.jurisdictions)}）" for q in table.questions]
    return Section(title=f"示例单位逐地判断：{table.title}", paragraphs=paragraphs,
                   table=Table(header=HEADER, rows=rows, marked=[m.status == "not_eligible" for m in table.matches]),
                   items=Items(items=items) if items else None)


def _row(m: Match) -> list[str]:
    name = m.jurisdiction + ("（草拟规则）" if m.drafted else "")
    status = STATUS[m.status] + (f"（按{m.route}）" if m.route and m.status == "eligible" else "")
    unmet = "；".join(u.text + (f"，现为{u.value}" if u.value else "") + (f"（{_path(u.citation.label)}）" if u.citation else "")
                     for u in m.unmet) or ("各项条件均已满足" if m.status == "eligible" else "—")
    missing = "、".join(dict.fromkeys(u.text.split("：", 1)[0] + (f"（{_path(u.citation.label)}）" if u.citation else "")
                                     for u in m.unknown)) or "—"
    then = f"（改后：{STATUS[m.after_changes]}）" if m.after_changes else ""
    return [name, status, unmet, missing, "；".join(m.changes) + then if m.changes else "—"]


def _path(label: str) -> str:
    """《title》一（二）3（1） → 一（二）3（1）: the row already names the place."""
    return label.split("》")[-1] or label


def _turned(eligible: list[str], opened: list[str]) -> str:
    said = [f"{'、'.join(eligible)} 变为符合"] if eligible else []
    return "；".join(said + ([f"{'、'.join(opened)} 不再不符合（还需信息）"] if opened else []))
