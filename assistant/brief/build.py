"""A briefing's content: the topic's own clauses in every jurisdiction, and only what they state.

The clauses come from `select` (the search and the graph, as answers are found); everything else is
read from them: the comparison table from the facts they hold, the timeline from their deadlines, the
sanction ladder from the sanctions they set off, the self-check list from their conditions and table
rows, the summary from all of that. The appendix is exactly the clauses cited, so a briefing on 外部考点
never carries the whole 附件3 checklist or every deadline of every document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import BaseModel

from kg.errors import PolicyKGError
from kg.facts import FactSet, Sanction
from kg.models import Corpus, Unit

from ..compare.table import ComparisonTable, table_of
from ..models import MatchTable
from .select import Selector, in_places
from .texts import unit_lead

if TYPE_CHECKING:
    from assistant.search.retriever import Retriever

# The order a filing and an evaluation go through, by the events deadlines name; other events follow.
STAGES = ["申报", "受理告知", "评估意见反馈", "公示", "有效期", "目录有效期", "认定试点", "计划报备", "成绩提交", "结果报备",
          "证书数据上报", "档案保存", "考核工件保存", "质量督导", "定期检查", "延续申请", "有效期延长"]
_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、)\s*")
_NUMBER = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条\s*")
_SENTENCE = re.compile(r"[^。；\n]+[。；]?")


class NoClauses(PolicyKGError):
    """No clause of the corpus is about the topic."""

    exit_code = 1


class Clause(BaseModel):
    """One cited clause, as the briefing lists it under its jurisdiction."""

    unit_id: str
    jurisdiction: str
    label: str  # 《title》path
    lead: str  # its first sentence, as written


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
    """One sanction the topic's clauses set off, and the rungs it escalates to (within the briefing)."""

    id: str  # the graph's id: links rungs, never shown
    label: str  # where the behaviour is listed: 第十九条第（十二）项
    behaviour: str  # what was done, as the clause says it
    measures: list[str]
    qualifier: str | None
    next: list[str]  # ids of rungs of this briefing it escalates to
    doc_title: str
    unit_ids: list[str]  # the cited units


class CheckItem(BaseModel):
    """One thing an applicant checks before applying: a whole requirement, as the clause says it."""

    text: str
    label: str
    unit_id: str


class Briefing(BaseModel):
    """Everything a briefing shows."""

    topic: str
    jurisdictions: list[str]  # the places considered
    covered: list[str]  # the places whose documents speak to the topic
    clauses: list[Clause]  # by jurisdiction, best first
    table: ComparisonTable
    timeline: list[Step]
    ladder: list[LadderStep]
    checklist: list[CheckItem]
    summary: list[str]
    appendix: list[str]  # unit ids of every cited clause, in reading order
    walk: MatchTable | None = None  # a sample organisation judged in every place (brief --profile; brief/profile.py)

    def label(self, rung_id: str) -> str:
        """A rung's label, for arrows that point at it."""
        return next((s.label for s in self.ladder if s.id == rung_id), "")


def build_briefing(topic: str, corpus: Corpus, facts: FactSet, retriever: Retriever,
                   jurisdiction: str | None = None) -> Briefing:
    """The briefing of a topic, for one place or all, its clauses found through the engine's search."""
    topic = " ".join(topic.split())
    choice = Selector(corpus, facts, retriever).choose(topic)
    places = [p for p in dict.fromkeys(d.meta.jurisdiction for d in corpus.documents)
              if not jurisdiction or jurisdiction.rstrip("省市") in p]
    chosen = in_places(corpus, choice.units, places)
    if not chosen:
        where = f"（{jurisdiction}）" if jurisdiction else ""
        raise NoClauses(f"没有找到关于“{topic}”的条款{where}。换一个说法试试，或用 policykg compare 查看可比较的主题。")
    clauses = _clauses(corpus, chosen, choice.score, choice.words)
    covered = [p for p in places if any(c.jurisdiction == p for c in clauses)]
    own = choice.facts  # the facts of these clauses that are about the topic
    steps, rungs = timeline(corpus, own, chosen), ladder(corpus, own, chosen)
    checks = checklist(corpus, own, chosen)
    table = table_of(topic, corpus, own, chosen, places)
    briefing = Briefing(topic=topic, jurisdictions=places, covered=covered, clauses=clauses, table=table,
                        timeline=steps, ladder=rungs, checklist=checks, summary=[],
                        appendix=list(chosen))  # every rung, step and check item lies inside these
    from .summary import summarise

    briefing.summary = summarise(briefing, corpus)
    return briefing


def _clauses(corpus: Corpus, chosen: list[str], score: dict[str, float], words: list[str]) -> list[Clause]:
    """The cited clauses grouped by jurisdiction (in corpus order), each jurisdiction's best first."""
    places = list(dict.fromkeys(d.meta.jurisdiction for d in corpus.documents))
    out = [Clause(unit_id=u, jurisdiction=corpus.doc(corpus.unit(u).doc_id).meta.jurisdiction,
                  label=corpus.unit(u).label, lead=topic_sentence(corpus.unit(u), words)) for u in chosen]
    position = {u: i for i, u in enumerate(chosen)}
    return sorted(out, key=lambda c: (places.index(c.jurisdiction), -score.get(c.unit_id, 0.0), position[c.unit_id]))


def topic_sentence(unit: Unit, words: list[str]) -> str:
    """The clause's sentence that states the topic most (its first when none does), without its number
    (第九条, （三）) and cut at a comma past 90 characters."""
    from assistant.citations import best_sentence

    text = _row_text(unit) if unit.kind == "row" and unit.cells else _NUMBER.sub("", unit.text.strip(), count=1)
    sentence = _clean(best_sentence(text, words) if any(w in text for w in words) else unit_lead(unit))
    if len(sentence) > 90:
        cut = max(sentence.rfind(p, 0, 90) for p in "，,；")
        sentence = sentence[: cut if cut > 30 else 90] + "……"
    return sentence


def _inside(unit_id: str, chosen: list[str]) -> bool:
    return any(unit_id == u or unit_id.startswith(u + "/") for u in chosen)


def _when(amount: float | None, unit: str | None, direction: str, windows: list[tuple[int, int, int]]) -> str:
    if windows:
        return "、".join(f"{m}月{a}—{b}日" for m, a, b in windows)
    n = "" if amount is None else (str(int(amount)) if float(amount).is_integer() else str(amount))
    measure = "个工作日" if unit == "工作日" else "个月" if unit == "月" else (unit or "")
    return {"at_least": f"不少于{n}{measure}", "within": f"{n}{measure}内", "before": f"提前{n}{measure}",
            "at_least_before": f"提前{n}{measure}", "within_before": f"届满前{n}{measure}内",
            "inactivity": f"连续{n}{measure}未开展", "lookback": f"近{n}{measure}内",
            "valid_for": f"有效期{n}{measure}", "every": f"每{n}{measure}" if n != "1" else f"每{measure}",
            "at_most": f"最多{n}{measure}", "after": f"{n}{measure}后"}.get(direction, f"{n}{measure}")


def timeline(corpus: Corpus, facts: FactSet, chosen: list[str]) -> list[Step]:
    """The deadlines the briefing's clauses state, in process order."""
    steps = [Step(jurisdiction=corpus.doc(d.provenance.doc_id).meta.jurisdiction, event=d.event,
                  when=_when(d.amount, d.unit, d.direction, d.windows), label=corpus.unit(d.provenance.unit_id).label,
                  unit_id=d.provenance.unit_id)
             for d in facts.deadlines if _inside(d.provenance.unit_id, chosen)]
    rank = {e: i for i, e in enumerate(STAGES)}
    return sorted(steps, key=lambda s: (rank.get(s.event, len(STAGES)), s.jurisdiction))


def ladder(corpus: Corpus, facts: FactSet, chosen: list[str]) -> list[LadderStep]:
    """The sanctions the briefing's clauses set off (a listed behaviour among them, or the sanction's
    own clause), linked where one escalates to another."""
    rungs = [s for s in facts.sanctions
             if _inside(s.provenance.unit_id, chosen) or any(_inside(t.provenance.unit_id, chosen) for t in s.triggers)]
    ids = {s.id for s in rungs}
    return [_rung(corpus, s, chosen, ids) for s in rungs]


def _rung(corpus: Corpus, s: Sanction, chosen: list[str], ids: set[str]) -> LadderStep:
    triggers = [t for t in s.triggers if _inside(t.provenance.unit_id, chosen)]
    if _inside(s.provenance.unit_id, chosen) or not triggers:
        where, behaviour = [s.provenance.unit_id], ""
    else:
        where = list(dict.fromkeys(t.provenance.unit_id for t in triggers))
        behaviour = "；".join(dict.fromkeys(_clean(t.text) for t in triggers))
    labels = "、".join(corpus.unit(u).path for u in where)
    return LadderStep(id=s.id, label=labels, behaviour=behaviour, measures=list(s.measures), qualifier=s.qualifier,
                      next=[n for n in s.escalates_to if n in ids], doc_title=corpus.doc(s.provenance.doc_id).meta.title,
                      unit_ids=where)


def checklist(corpus: Corpus, facts: FactSet, chosen: list[str]) -> list[CheckItem]:
    """What an applicant checks: each table row of the clauses (评估内容 with its 评估要求) and each
    clause holding a condition, as the requirement's whole sentence."""
    with_conditions: dict[str, list[str]] = {}
    for c in facts.conditions:
        if _inside(c.provenance.unit_id, chosen):
            with_conditions.setdefault(c.provenance.unit_id, []).append(c.provenance.quote)
    items = []
    for unit in corpus.units():
        if not _inside(unit.id, chosen):
            continue
        if unit.kind == "row" and unit.cells:
            items.append(CheckItem(text=_row_text(unit), label=unit.label, unit_id=unit.id))
        elif unit.id in with_conditions:
            items.append(CheckItem(text=_requirement(unit, with_conditions[unit.id]), label=unit.label, unit_id=unit.id))
    return items


def _row_text(unit: Unit) -> str:
    """A table row as one requirement: its cells after the first when the first groups rows (评估项目)."""
    values = [v.strip() for v in (unit.cells or {}).values() if v.strip()]
    shown = values[1:] if len(values) >= 3 else values
    return "：".join(shown)


def _requirement(unit: Unit, quotes: list[str]) -> str:
    """The sentences of a clause that state its conditions, without the list marker."""
    sentences = [s.strip() for s in _SENTENCE.findall(unit.text) if s.strip()]
    flat = [q.replace("\n", "") for q in quotes]
    stating = [s for s in sentences if any(q and q in s.replace("\n", "") for q in flat)] or sentences[:1]
    return _clean("".join(stating))


def _clean(text: str) -> str:
    """One line without the leading list marker （一） / 1. / (3)."""
    return _MARKER.sub("", " ".join(text.split())).strip()
