"""One entry point over the seven determinations: (name, profile, question) -> Outcome."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kg.facts import FactSet
from kg.models import Corpus

from ..models import Verdict
from .checklist import Pending, evaluate
from .outcome import Outcome
from .profile import Profile
from .rules import load_rules

if TYPE_CHECKING:
    from assistant.workspace import Workspace

DETERMINATIONS = ("eligibility", "external_site", "levels", "window", "validity", "sanction", "deadline")
_EXTEND_WORDS = ("延长", "延续", "续期", "续展")


def ask_place(corpus: Corpus) -> str:
    """The follow-up asking where the organisation is, listing the places the corpus has documents for
    (a city's province named with it: 江苏省（含宿迁市）)."""
    provinces: dict[str, list[str]] = {}
    for doc in corpus.documents:
        meta = doc.meta
        if meta.level == "city" and meta.parent_jurisdiction:
            provinces.setdefault(meta.parent_jurisdiction, []).append(meta.jurisdiction)
        else:
            provinces.setdefault(meta.jurisdiction, [])
    listed = [f"{p}（含{'、'.join(dict.fromkeys(c))}）" if c and p in {d.meta.jurisdiction for d in corpus.documents}
              else (f"{p}{''.join(dict.fromkeys(c))}" if c else p) for p, c in provinces.items()]
    return f"贵单位在哪个省、市？（语料收录：{'、'.join(listed)}）"


def determine(name: str, question: str, profile: Profile, ws: Workspace, today: date, ranked: list[str]) -> Outcome:
    """The named determination for what the session knows.

    The workspace's facts are read only when needed: a question that first needs the place never reads them.
    """
    corpus = ws.corpus
    assumed = _sole_place(name, profile, corpus) if not profile.jurisdictions else None
    if assumed is not None:
        place, note = assumed
        outcome = determine(name, question, profile.model_copy(update={"jurisdictions": [place]}), ws, today, ranked)
        outcome.answer = f"{note}\n{outcome.answer}".strip()
        return outcome
    if name not in ("sanction", "deadline", "window") and not profile.jurisdictions:
        return Outcome(determination=name, pending=[Pending(field="jurisdictions", ask=ask_place(corpus))],
                       verdict=Verdict(status="needs_info", determination=load_title(name)))
    facts = ws.facts
    if name == "sanction":
        from .sanction import sanction_outcome

        return sanction_outcome(profile.behaviour or question, profile, facts, corpus, ranked, ws.lexicon, today)
    if name == "deadline":
        from .deadline import deadline_outcome

        return deadline_outcome(question, profile, facts, corpus, today)
    if name == "window":
        return _window(profile, facts, corpus, today, question)
    if name == "levels":
        from .levels import levels_outcome

        return levels_outcome(profile, facts, corpus, today, question)
    if name == "validity":
        from .validity import validity_outcome

        return validity_outcome(profile, facts, corpus, today, any(w in question for w in _EXTEND_WORDS), asked=question)
    return _checklist(name, profile, facts, corpus, question)


def _sole_place(name: str, profile: Profile, corpus: Corpus) -> tuple[str, str] | None:
    """The one place whose document holds a determination, when the question uses that document's terms and
    names no place: answered for it, saying so (县区鉴定机构备案 is how 宿迁 第六条 speaks of levels).

    Only the levels are held by one document's rules today; a second document with tiers would make the
    question ask for the place again."""
    if name != "levels" or profile.filing_level is None:
        return None
    from .levels import level_rules

    tiers = level_rules().tiers
    places = {t.jurisdiction for t in tiers}
    if len(places) != 1:
        return None
    unit = corpus.unit(tiers[0].unit)
    title = corpus.doc(unit.doc_id).meta.title
    place = places.pop()
    return place, (f"问题未说明地区；只有《{title}》按备案层级规定可认定的等级，以下按{place}的规定回答"
                   f"（若不在{place}，请说明所在地区）。")


def load_title(name: str) -> str:
    titles = {"levels": "可认定等级与申请更高等级", "validity": "备案有效期与延续", "window": "申报窗口"}
    return titles.get(name) or load_rules(name).title


def _checklist(name: str, profile: Profile, facts: FactSet, corpus: Corpus, question: str) -> Outcome:
    checked = evaluate(load_rules(name, corpus), profile, facts, corpus, asked=question)
    verdict = checked.verdict
    units: list[str] = []
    if verdict:
        ordered = sorted(verdict.conditions, key=lambda c: {"unmet": 0, "unknown": 1, "met": 2}[c.status])
        units = [c.citation.unit_id for c in ordered if c.citation]
        if verdict.status == "eligible":
            units += checked.obligation_units
    return Outcome(determination=name, verdict=verdict, pending=checked.pending, by_field=checked.by_field,
                   citations=list(dict.fromkeys(units)))


def _window(profile: Profile, facts: FactSet, corpus: Corpus, today: date, question: str = "") -> Outcome:
    from .dates import date_in, month_only
    from .window import window_verdict

    docs = {d.meta.id for d in corpus.documents if d.meta.jurisdiction in profile.jurisdictions} or None
    day = profile.event_date or today
    # 6月份能申报吗: the month this question names, not the first of it
    whole_month = profile.event_date is not None and month_only(question, today) and date_in(question, today) == day
    verdict = window_verdict(facts, corpus, day, docs, whole_month)
    out = Outcome(determination="window", verdict=verdict)
    if verdict and verdict.conditions[0].citation:
        check = verdict.conditions[0]
        out.citations = [check.citation.unit_id]  # type: ignore[union-attr]
        out.answer = f"{check.value}：据{check.citation.label}，{check.text}。"  # type: ignore[union-attr]
    return out
