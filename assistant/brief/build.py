"""A briefing's content, computed from the graph: every statement carries its clause."""

from __future__ import annotations

from pydantic import BaseModel

from kg.errors import PolicyKGError
from kg.facts import FactSet
from kg.models import Corpus

from ..compare.table import ComparisonTable, compare

# The order a filing and evaluation goes through, by the events deadlines name.
STAGES = ["申报", "受理告知", "评估意见反馈", "公示", "有效期", "认定试点", "计划报备", "成绩提交", "结果报备",
          "证书数据上报", "档案保存", "考核工件保存", "质量督导", "定期检查", "延续申请", "有效期延长"]


class EmptyBriefing(PolicyKGError):
    """The chosen places say nothing on the topic: a briefing would be an empty handout."""

    exit_code = 1


class Step(BaseModel):
    """One timed step of the process in one jurisdiction."""

    jurisdiction: str
    event: str
    when: str
    label: str
    unit_id: str


class LadderStep(BaseModel):
    """One sanction and what it escalates to."""

    id: str
    label: str
    measures: list[str]
    qualifier: str | None
    next: list[str]
    doc_title: str


class CheckItem(BaseModel):
    """One thing an applicant checks before applying."""

    text: str
    label: str
    unit_id: str


class Briefing(BaseModel):
    """Everything a briefing shows."""

    topic: str
    jurisdictions: list[str]
    table: ComparisonTable
    timeline: list[Step]
    ladder: list[LadderStep]
    checklist: list[CheckItem]
    appendix: list[str]  # unit ids of every cited clause, in order


def _when(amount: float | None, unit: str | None, direction: str, windows: list[tuple[int, int, int]]) -> str:
    if windows:
        return "、".join(f"{m}月{a}—{b}日" for m, a, b in windows)
    words = {"at_least": "不少于", "within": "内", "before": "提前", "at_least_before": "提前", "valid_for": "有效",
             "every": "每", "at_most": "最多", "after": "后", "within_before": "届满前", "inactivity": "连续未开展",
             "lookback": "近"}
    n = "" if amount is None else (str(int(amount)) if float(amount).is_integer() else str(amount))
    if direction in ("within", "within_before", "lookback"):
        return f"{words.get(direction, '') if direction != 'within' else ''}{n}{unit or ''}内"
    return f"{words.get(direction, '')}{n}{unit or ''}"


def timeline(corpus: Corpus, facts: FactSet, jurisdictions: list[str]) -> list[Step]:
    """Deadlines of the process, in process order, per jurisdiction."""
    steps = []
    for d in facts.deadlines:
        j = corpus.doc(d.provenance.doc_id).meta.jurisdiction
        if d.event in STAGES and j in jurisdictions:
            steps.append(Step(jurisdiction=j, event=d.event, when=_when(d.amount, d.unit, d.direction, d.windows),
                              label=corpus.unit(d.provenance.unit_id).label, unit_id=d.provenance.unit_id))
    return sorted(steps, key=lambda s: (STAGES.index(s.event), s.jurisdiction))


def ladder(corpus: Corpus, facts: FactSet, jurisdictions: list[str]) -> list[LadderStep]:
    """Sanctions that are part of a ladder (escalate or are escalated to)."""
    targets = {t for s in facts.sanctions for t in s.escalates_to}
    out = []
    for s in facts.sanctions:
        meta = corpus.doc(s.provenance.doc_id).meta
        if (s.escalates_to or s.id in targets) and meta.jurisdiction in jurisdictions:
            out.append(LadderStep(id=s.id, label=corpus.unit(s.provenance.unit_id).path, measures=list(s.measures),
                                  qualifier=s.qualifier, next=s.escalates_to, doc_title=meta.title))
    return out


def checklist(corpus: Corpus, facts: FactSet, jurisdictions: list[str]) -> list[CheckItem]:
    """江苏 附件3 评估细则 rows (for 江苏 places) and every condition of the chosen places."""
    items = []
    if any(j in ("江苏省", "宿迁市") for j in jurisdictions):
        for u in corpus.units():
            if u.kind == "row" and "/annex_3/sec_2/" in u.id and u.cells:
                items.append(CheckItem(text=f"{u.cells['评估内容']}（{u.cells['评估要求']}）", label=u.label, unit_id=u.id))
    for c in facts.conditions:
        if corpus.doc(c.provenance.doc_id).meta.jurisdiction in jurisdictions:
            items.append(CheckItem(text=c.text, label=corpus.unit(c.provenance.unit_id).label, unit_id=c.provenance.unit_id))
    return items


def build_briefing(topic: str, corpus: Corpus, facts: FactSet, jurisdiction: str | None = None) -> Briefing:
    """The briefing of a topic, for one place or all."""
    table = compare(topic, corpus, facts, [jurisdiction] if jurisdiction else None)
    if not table.rows:
        raise EmptyBriefing(f"{'、'.join(table.jurisdictions) or '所选地区'}的文件中没有关于“{table.topic}”的规定，未生成简报")
    places = table.jurisdictions
    steps, rungs, checks = timeline(corpus, facts, places), ladder(corpus, facts, places), checklist(corpus, facts, places)
    cited = [c.unit_id for row in table.rows for cells in row.cells.values() for c in cells]
    cited += [s.unit_id for s in steps] + [c.unit_id for c in checks]
    cited += [f.provenance.unit_id for f in facts.sanctions if f.id in {r.id for r in rungs}]
    return Briefing(topic=table.topic, jurisdictions=places, table=table, timeline=steps, ladder=rungs,
                    checklist=checks, appendix=list(dict.fromkeys(cited)))
