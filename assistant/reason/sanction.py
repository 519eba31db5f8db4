"""What a violation leads to, given the behaviour and the history: the measure now and the next rung.

The behaviour is matched to a listed trigger by the retriever's ranking (which already understands
替考 as 舞弊) and, failing that, by shared words. The ladder is the graph's `escalates_to` chain; the
history (already 约谈, already notified, second time, 情节严重) moves up it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel

from kg.facts import FactSet, Sanction, Trigger
from kg.models import Corpus

from .checklist import Pending
from .outcome import Outcome
from .profile import Profile

if TYPE_CHECKING:
    from assistant.lang.lexicon import Lexicon

ASK_BEHAVIOUR = "具体是什么违规行为？（例如：替考舞弊、超范围评价、未及时上报证书数据、虚假宣传……）"
_REPEAT_WORDS = ("又", "再次", "情节严重", "第二次")
MIN_MATCH = 2.0  # two shared word pairs, or one plus a top retrieval rank


class Rung(BaseModel):
    """One step of a sanction ladder, cited."""

    measures: list[str]
    unit: str  # the clause imposing the measures
    trigger_unit: str  # the clause listing the behaviour
    trigger: str
    qualifier: str | None = None


class Ladder(BaseModel):
    """The measure that applies now and, when the documents set one, the next rung."""

    jurisdiction: str
    now: Rung
    next: Rung | None = None


# Word pairs every clause of these documents shares: they say nothing about which behaviour is meant.
_COMMON = {"评价", "开展", "认定", "职业", "技能", "机构", "工作", "等级", "人员", "行为", "规定", "情况", "价机", "业技",
           "能等", "级认", "定工", "作的", "按规", "未按", "有关", "进行", "违规", "违纪", "处理", "违法", "纪违", "规违"}

_COMMON_CHARS = set("的评价开展认定职业技能机构工作等级人员行为规定情况有未按和或违规纪法处理会怎么样了吗呢、，。；（）() ") | {chr(c) for c in range(128)}


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)} - _COMMON


def _pairs(facts: FactSet, doc_ids: set[str]) -> list[tuple[Sanction, Trigger]]:
    return [(s, t) for s in facts.sanctions if s.provenance.doc_id in doc_ids for t in s.triggers]


def _expanded(question: str, lexicon: Lexicon) -> str:
    """The question plus the words its colloquial terms stand for (替考 -> 舞弊, 考场纪律).

    Generic concepts (weight < 0.5: 后果 -> 约谈, 违规 …) are left out: they name every sanction.
    """
    from assistant.lang.text import normalize, numbers_to_arabic

    said = numbers_to_arabic(normalize(question))  # the lexicon's words are spelt as normalised text
    extra = [w for name in lexicon.triggered(said) if (c := lexicon.concepts[name]).weight >= 0.5
             for w in c.expand if w not in question]
    return question + " " + " ".join(extra)


def match_trigger(question: str, ranked: list[str], pairs: list[tuple[Sanction, Trigger]],
                  lexicon: Lexicon) -> tuple[tuple[Sanction, Trigger], float] | None:
    """The listed behaviour the question describes, scored by shared words and the retriever's rank."""
    own = _bigrams(question)
    words, chars = _bigrams(_expanded(question, lexicon)), set(question) - _COMMON_CHARS
    best: tuple[float, int] | None = None
    for i, (_, t) in enumerate(pairs):
        pairs_in = _bigrams(t.text)
        shared = words & pairs_in
        if not shared:
            continue
        # the question's own words describe the behaviour; words its concepts stand for count half
        score = len(shared & own) + 0.5 * len(shared - own) + 0.25 * len(chars & set(t.text))
        at = _rank_of(t.provenance.unit_id, ranked)
        if at is not None:
            score += max(0.5, 1.5 - 0.1 * at)
        if best is None or score > best[0]:
            best = (score, i)
    return (pairs[best[1]], best[0]) if best and best[0] >= MIN_MATCH else None


def _rank_of(unit_id: str, ranked: list[str]) -> int | None:
    """Where retrieval ranked the unit, or the article it shows in its place (hits are regrouped per article)."""
    for i, hit in enumerate(ranked):
        if unit_id == hit or unit_id.startswith(hit + "/"):
            return i
    return None


def _repeated(profile: Profile, s: Sanction) -> bool:
    """Whether the history says this rung was already passed."""
    return bool((profile.interviewed_before and "约谈" in s.measures)
                or (profile.notified_before and "书面通知" in s.measures)
                or (profile.occurrence and profile.occurrence >= 2 and s.qualifier == "第一次")
                or (profile.serious and s.qualifier == "情节轻微"))


def _rung(s: Sanction, t: Trigger) -> Rung:
    return Rung(measures=list(s.measures), unit=s.provenance.unit_id, trigger_unit=t.provenance.unit_id,
                trigger=t.text, qualifier=s.qualifier)


def _escalation(facts: FactSet, s: Sanction) -> tuple[Sanction, Trigger] | None:
    """The next rung and the trigger that names repetition (约谈后又发生, 再次违反), if any."""
    by_id = {x.id: x for x in facts.sanctions}
    for target in s.escalates_to:
        nxt = by_id.get(target)
        if nxt is None:
            continue
        repeat = [t for t in nxt.triggers if any(w in t.text for w in _REPEAT_WORDS)] or nxt.triggers
        return nxt, repeat[0]
    return None


def ladder_for(profile: Profile, facts: FactSet, s: Sanction, t: Trigger, jurisdiction: str) -> Ladder:
    """Climb the ladder as far as the history says, then name the next rung."""
    seen = {s.id}
    while _repeated(profile, s) and (step := _escalation(facts, s)) and step[0].id not in seen:
        s, t = step
        seen.add(s.id)
    nxt = _escalation(facts, s)
    return Ladder(jurisdiction=jurisdiction, now=_rung(s, t), next=_rung(*nxt) if nxt else None)


# Not working for a while: 之后一直没开展, 没再组织评价; and a trigger counting such a while (一年内…不开展评价活动,
# 2年未开展评价, 连续2年未开展工作).
_IDLE = re.compile(r"(没|未|不)再?(开展|组织|搞|做)")
_IDLE_FOR = re.compile(r"(\d+|一|两|二|三)年内?[^，,；;。]{0,10}?(未|不|没有)(开展|组织)")
_YEARS = {"一": 1, "两": 2, "二": 2, "三": 3}


_LEVEL = "([1-5一二三四五])级"
_FILED_LEVEL = re.compile(r"备案(到|的是|了|为)?" + _LEVEL)
_DONE_LEVEL = re.compile(r"(评了|评出|认定了|发了|给[^，,。]{0,6}评了?|开展了?|做了|组织了?)[^，,。]{0,4}?" + _LEVEL)
_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}


def beyond_level(question: str) -> str:
    """A level certified above the one filed (只备案到三级，却给考生评了二级技师) named as the documents name it:
    超等级范围评价 (一级 is the highest, so a smaller number is beyond). Empty when the question says no such thing.

    >>> beyond_level("只备案到三级，却给考生评了二级技师"), beyond_level("备案到二级，评了三级")
    ('超等级范围评价', '')
    >>> beyond_level("一家社会评价组织只备案了三级到五级，结果偷偷做了二级的认定")
    '超等级范围评价'

    """
    filed = _FILED_LEVEL.search(question)
    done = _DONE_LEVEL.search(question, filed.end()) if filed else None  # what was done comes after what was filed
    if not filed or not done:
        return ""
    level = [int(_DIGIT.get(m.group(m.lastindex or 0), m.group(m.lastindex or 0))) for m in (filed, done)]
    return "超等级范围评价" if level[1] < level[0] else ""


# 两年没开展, 整整两年一场评价都没组织过
_IDLE_SAID = re.compile(r"(\d+|一|两|二|三)年(多)?(了)?[^，,。；;？?]{0,6}?[都也]?(没|未|不)(有)?(再)?(开展|组织|搞|做)")
# A clause telling what happened before (上半年因为…被约谈过, 前年…被出过书面通知) is the history, which
# sanction_outcome reads apart; what the organisation did this time is matched to a trigger.
_HISTORY = re.compile(r"约谈过|约谈了|书面通知|(^|[，,])(之前|以前|去年|前年|上半年|上次|上回)")
_CLAUSES = re.compile(r"[^，,。；;！!？?]+")
# What asks rather than tells (缺了几份 tells: 几 alone is no question here)
_ASKING = re.compile(r"吗|呢|怎|啥|咋|如何|什么|后果|还能|能不能|会不会|是否")
_ASK_WORDS = re.compile(r"会被|会受|受到|会有|这次|这回|那么|机构|怎么样|怎么|怎样|如何|处理|处罚|什么|后果|吗|呢|啥|咋|会|的|了|[\s?？]")
# 又犯了同样的问题, 今年又犯了一次: the history names the behaviour
_SAME_AGAIN = re.compile(r"同样的|一样的|同类的?|类似的|又犯|再犯|又出现了?一次|又发生了?一次")


def described(question: str) -> str:
    """The behaviour a sanction question describes: its stated clauses without the asking ones (会怎么处理,
    以后还能重新申请吗) and without the history (被约谈过一次), when any are left; else the question.

    >>> described("浙江一家机构帮考生伪造工作年限证明，被查出来了，会怎样？")
    '浙江一家机构帮考生伪造工作年限证明 被查出来了'
    >>> described("另外问下，浙江的机构搞包过宣传会怎么处理？")
    '另外问下 浙江的机构搞包过宣传会怎么处理'
    >>> described("上半年因为数据没上报被约谈过一次；这回又超范围评价了，会怎么处理？")
    '这回又超范围评价了'
    >>> described("替考会怎样")
    '替考会怎样'
    """
    again = bool(_SAME_AGAIN.search(question))  # 又犯了同样的问题: the history names the behaviour
    kept = [c for c in _CLAUSES.findall(question)
            if not _only_asks(c) and (again or not _HISTORY.search(c))]
    return " ".join(kept) if kept else question


def _only_asks(clause: str) -> bool:
    """A clause that asks and says nothing of the behaviour (会怎么处理, 这次会怎样, 人社会怎么处理)."""
    return bool(_ASKING.search(clause)) and len(_ASK_WORDS.sub("", clause)) <= 2


def idle_years(question: str, profile: Profile, today: date | None) -> float | None:
    """How long the organisation has not worked: said (已经两年没开展过评价, 连续两年都没开展认定工作), or from the
    last time it did (最后一次组织评价是2024年8月)."""
    said = _IDLE_SAID.search(question)
    if said:
        return float(said.group(1)) if said.group(1).isdigit() else float(_YEARS[said.group(1)])
    since = profile.event_date
    if since is None or today is None or not _IDLE.search(question) or since > today:
        return None
    return (today - since).days / 365.25


def idle_trigger(pairs: list[tuple[Sanction, Trigger]], years: float) -> tuple[Sanction, Trigger] | None:
    """The trigger counting the longest while not working that has already passed (2年未开展评价 after two
    years and more, 一年内不开展评价活动 before)."""
    counted = [(float(m.group(1)) if m.group(1).isdigit() else _YEARS[m.group(1)], pair)
               for pair in pairs if (m := _IDLE_FOR.search(pair[1].text))]
    passed = [(n, pair) for n, pair in counted if n <= years]
    return max(passed, key=lambda x: x[0])[1] if passed else None


def sanction_outcome(question: str, profile: Profile, facts: FactSet, corpus: Corpus, ranked: list[str],
                     lexicon: Lexicon, today: date | None = None) -> Outcome:
    """Per jurisdiction in scope (or every one the ranking reaches), the ladder for the behaviour; a while
    without working, dated, picks the trigger that counts it."""
    out = Outcome(determination="sanction")
    docs = [d for d in corpus.documents if not profile.jurisdictions or d.meta.jurisdiction in profile.jurisdictions]
    scored: list[tuple[float, Ladder]] = []
    for jurisdiction in dict.fromkeys(d.meta.jurisdiction for d in docs):
        ids = {d.meta.id for d in docs if d.meta.jurisdiction == jurisdiction}
        pairs = _pairs(facts, ids)
        found = match_trigger(f"{described(question)} {beyond_level(question)}".strip(), ranked, pairs, lexicon)
        idle = idle_years(question, profile, today)
        if idle is not None and (by_time := idle_trigger(pairs, idle)) is not None:
            found = (by_time, max(found[1] if found else 0.0, MIN_MATCH))
        if found:
            scored.append((found[1], ladder_for(profile, facts, *found[0], jurisdiction)))
    top = max((s for s, _ in scored), default=0.0)
    ladders = [lad for s, lad in sorted(scored, key=lambda x: -x[0]) if profile.jurisdictions or s >= top * 0.6]
    if not ladders:
        out.pending = [Pending(field="behaviour", ask=ASK_BEHAVIOUR)]
        return out
    out.extra = {"ladders": [lad.model_dump() for lad in ladders]}
    out.citations = list(dict.fromkeys(u for lad in ladders for u in _units(lad)))
    out.answer = "；".join(_say(lad, corpus) for lad in ladders) + "。"
    return out


def _units(lad: Ladder) -> list[str]:
    units = [lad.now.trigger_unit, lad.now.unit]
    return units + ([lad.next.trigger_unit, lad.next.unit] if lad.next else [])


def _say(lad: Ladder, corpus: Corpus) -> str:
    now = f"{lad.jurisdiction}：据{corpus.unit(lad.now.trigger_unit).label}，" + (
        f"（{lad.now.qualifier}）" if lad.now.qualifier else "") + "、".join(lad.now.measures)
    if lad.next:
        when = lad.next.qualifier or lad.next.trigger.strip("（）()一二三四五六七八九十 ;；。")
        now += f"；下一步（{when}）：" + "、".join(lad.next.measures) + (
            f"（{corpus.unit(lad.next.trigger_unit).label}）")
    return now
