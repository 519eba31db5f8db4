"""May this be destroyed yet: a keeping period of the graph, the material it binds, and the batch's date.

Documents set how long records are kept (纸质材料保存至少3年, 技能操作考核工件保存期不少于半年, 扫描的电子档
材料永久保存). People ask the other way round — 现在能销毁了吗, 能不能删掉, 可以处理掉了吗 — about one kind of
material. The periods are read from the graph's keeping deadlines (an event of keeping, counted at least so
long); "永久保存" has no amount and is read from the clause's words. Each period is bound to the words of the
stretch of text that states it, so the question's material picks its period; nothing here names a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.facts import FactSet
from kg.models import Corpus, Unit

from ..models import CitationRef, ConditionCheck, Verdict
from .checklist import Pending
from .outcome import Outcome
from .profile import Profile
from .validity import shift

# Asking whether kept material may go: 销毁, 删掉, 扔了, 处理掉, 清理掉 …
DISPOSAL = re.compile(r"销毁|删掉|删除|删了|能删|当废料|当废品|当垃圾|扔掉|扔了|能扔|丢掉|丢了|处理掉|清理掉|清掉|清理了|报废|不留了|不要了")
_KEEP = re.compile(r"保存|保管|留存|存档")
_FOREVER = re.compile(r"永久保存|永久保管|长期保存|永久留存")
_SENTENCE = re.compile(r"[；;。]")
_CLAUSE = re.compile(r"[，,（）()]")
# Words every keeping clause shares: they do not tell one material from another.
_INTRODUCTION = re.compile(r"^[^，,]{0,12}(机构|组织|单位|学校|协会|学会|企业|公司|中心)(这边|那边)?$")
_GENERIC = {"材料", "资料", "保存", "保管", "档案", "评价", "机构", "认定", "存期", "应当", "妥善", "至少", "不少", "少于"}
ASK_BATCH_DATE = "这批材料是哪天形成的？请给出认定（考核）日期，例如：2025年5月那批"
ASK_MATERIAL = "是哪类材料？（例如：纸质档案、电子档案、考场录像、技能操作考核工件）"
TITLE = "档案资料保存期限"


@dataclass(frozen=True)
class Keeping:
    """One keeping period and the words of the stretch that states it (None years: kept for good)."""

    unit: Unit
    words: str
    years: float | None


def asks_disposal(text: str) -> bool:
    """Whether a question asks if kept material may be destroyed (能销毁了吗, 可以处理掉了吗)."""
    return bool(DISPOSAL.search(text))


def keepings(facts: FactSet, corpus: Corpus, doc_ids: set[str]) -> list[Keeping]:
    """Every keeping period of the documents: the graph's keeping deadlines, and clauses keeping for good."""
    out: list[Keeping] = []
    units = {d.provenance.unit_id for d in facts.deadlines if d.provenance.doc_id in doc_ids and _KEEP.search(d.event or "")}
    units |= {u.id for d in corpus.documents if d.meta.id in doc_ids for u in d.units if _FOREVER.search(u.text)}
    for unit_id in sorted(units):
        unit = corpus.unit(unit_id)
        amounts = [d for d in facts.deadlines if d.provenance.unit_id == unit_id and _KEEP.search(d.event or "")
                   and d.direction == "at_least" and d.unit in ("年", "月")]
        for sentence in _SENTENCE.split(unit.text):
            out += _in_sentence(unit, sentence, [(d.text, _years(d.amount, d.unit)) for d in amounts])
    return out


def _years(amount: float | None, unit: str | None) -> float:
    return float(amount or 0) / (12 if unit == "月" else 1)


def _in_sentence(unit: Unit, sentence: str, amounts: list[tuple[str, float]]) -> list[Keeping]:
    """The periods one sentence states: split at its commas when it states several, a clause that starts
    with 保存期 taking its material from the clause before."""
    if _FOREVER.search(sentence):
        return [Keeping(unit, sentence, None)]
    here = [(t, y) for t, y in amounts if t in sentence]
    if len(here) <= 1:
        return [Keeping(unit, sentence, y) for _, y in here]
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
    out = []
    for i, clause in enumerate(clauses):
        for text, years in here:
            if text in clause:
                words = clause if not clause.startswith(("保存", "保管")) or i == 0 else clauses[i - 1] + clause
                out.append(Keeping(unit, words, years))
    return out


def _pairs(text: str) -> set[str]:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)} - _GENERIC


def pick(question: str, found: list[Keeping]) -> Keeping | None:
    """The period whose material the question names: most word pairs shared with the stretch stating it, or —
    when none shares any — with another sentence of its clause that shares some with that stretch (电子档案包括
    …视频监控资料 ties 录像 to 电子、影像材料). None when the question names no material and the periods differ:
    guessing one would give a verdict the documents do not give."""
    if not found:
        return None
    asked = _pairs(_material(question))
    scored = [(len(asked & _pairs(k.words)), k) for k in found]
    best = max(s for s, _ in scored)
    if best == 0:
        scored = [(_through_clause(asked, k), k) for k in found]
        best = max(s for s, _ in scored)
    top = [k for s, k in scored if s == best]
    if best == 0 and len({k.years for k in found}) > 1:
        return None
    return top[0]


def _through_clause(asked: set[str], keeping: Keeping) -> int:
    """Pairs the question shares with a sentence of the clause whose subject (its opening words: 电子档案包括…)
    the stretch names."""
    own = _pairs(keeping.words)
    return max((len(asked & _pairs(s)) for s in _SENTENCE.split(keeping.unit.text)
                if s not in keeping.words and own & _pairs(s.strip()[:4])), default=0)


def _material(question: str) -> str:
    """The question without the clauses that only introduce the asker (宿迁的第三方评价机构，…): the
    organisation's words are not the material's."""
    return "，".join(c for c in re.split(r"[，,]", question) if not _INTRODUCTION.search(c))


def retention_outcome(question: str, profile: Profile, facts: FactSet, corpus: Corpus, today: date) -> Outcome:
    """Whether the material named may be destroyed on `today`, from its batch's date, citing the period."""
    out = Outcome(determination="deadline")
    docs = {d.meta.id for d in corpus.documents if not profile.jurisdictions or d.meta.jurisdiction in profile.jurisdictions}
    found = keepings(facts, corpus, docs)
    chosen = pick(question, found)
    if chosen is None:
        return _which_material(out, found)
    unit = chosen.unit
    cite = CitationRef(doc_id=unit.doc_id, label=unit.label, text=unit.text, unit_id=unit.id)
    out.citations = [unit.id]
    rule = chosen.words.strip()
    start = _latest_day(question, profile.event_date or profile.filed_on, today)
    if chosen.years is None:
        check = ConditionCheck(text=rule, status="unmet", value="永久保存", citation=cite)
        verdict = Verdict(status="not_eligible", determination=TITLE, conditions=[check],
                          changes_needed=["须永久保存，不能销毁或删除"])
    elif start is None:
        check = ConditionCheck(text=rule, status="unknown", citation=cite)
        verdict = Verdict(status="needs_info", determination=TITLE, conditions=[check])
        out.pending = [Pending(field="event_date", ask=ASK_BATCH_DATE)]
    else:
        end = shift(start, years=chosen.years)
        gone = today >= end
        check = ConditionCheck(text=rule, status="met" if gone else "unmet",
                               value=f"自 {start.isoformat()} 起，保存至 {end.isoformat()}", citation=cite)
        verdict = Verdict(status="eligible" if gone else "not_eligible", determination=TITLE, conditions=[check],
                          changes_needed=[] if gone else [f"须保存至 {end.isoformat()}，之后方可处理"])
    out.verdict = verdict
    out.answer = f"据{unit.label}，{rule}。" + _conclusion(verdict)
    return out


def _latest_day(question: str, start: date | None, today: date) -> date | None:
    """The batch's day, or for a month named alone (今年4月份考核的工件) its last day: the period is counted from
    the latest day the batch can be, so that nothing is called disposable before its time."""
    from .dates import date_in, month_only

    if start is None or not month_only(question, today) or date_in(question, today) != start:
        return start
    return shift(start.replace(day=1), months=1) - timedelta(days=1)


def _which_material(out: Outcome, found: list[Keeping]) -> Outcome:
    """No material named and the periods differ: list them, cited, and ask which material it is."""
    if not found:
        return out
    out.citations = list(dict.fromkeys(k.unit.id for k in found))
    out.answer = "；".join(f"据{k.unit.label}，{k.words.strip()}" for k in found) + "。"
    out.pending = [Pending(field="behaviour", ask=ASK_MATERIAL)]
    return out


def _conclusion(verdict: Verdict) -> str:
    check = verdict.conditions[0]
    if verdict.status == "eligible":
        return f"{check.value}，保存期已满，可以按规定处理。"
    if verdict.status == "not_eligible":
        return f"{check.value or ''}，尚不能销毁。".lstrip("，") if check.value != "永久保存" else "须永久保存，不能销毁。"
    return "还需要知道这批材料形成的日期。"
