"""Is the application window open on a day, and when is the next one (吉林 六、时间安排)."""

from __future__ import annotations

from datetime import date

from kg.facts import Deadline, FactSet
from kg.models import Corpus

from ..models import CitationRef, ConditionCheck, Verdict


def _windows_of(facts: FactSet, doc_ids: set[str] | None) -> list[Deadline]:
    return [d for d in facts.deadlines if d.direction == "window"
            and (doc_ids is None or d.provenance.doc_id in doc_ids)]


def next_window(windows: list[tuple[int, int, int]], day: date) -> tuple[date, date]:
    """The first window that ends on or after `day` (this year or next)."""
    for year in (day.year, day.year + 1):
        for month, first, last in sorted(windows):
            if date(year, month, last) >= day:
                return date(year, month, first), date(year, month, last)
    raise ValueError("no window")


def window_verdict(facts: FactSet, corpus: Corpus, day: date, doc_ids: set[str] | None = None,
                   whole_month: bool = False) -> Verdict | None:
    """Open or not on `day` (with `whole_month`: on some day of its month, 6月份能申报吗), with the rule cited;
    None when no document sets yearly windows."""
    found = _windows_of(facts, doc_ids)
    if not found:
        return None
    fact = found[0]
    unit = corpus.unit(fact.provenance.unit_id)
    said = f"{day.year}年{day.month}月" if whole_month else day.isoformat()
    if whole_month:
        day = day.replace(day=1)
        start, end = next_window(fact.windows, day)
        is_open = (start.year, start.month) == (day.year, day.month)
    else:
        start, end = next_window(fact.windows, day)
        is_open = start <= day <= end
    cite = CitationRef(doc_id=unit.doc_id, label=unit.label, text=unit.text, unit_id=unit.id)
    check = ConditionCheck(text=f"申报时间为每年{fact.text}", status="met" if is_open else "unmet",
                           value=said, citation=cite)
    changes = [] if is_open else [f"{said} 不在申报时间内；下一个窗口：{start.isoformat()} 至 {end.isoformat()}"]
    obligations = ([f"本月申报时间 {start.isoformat()} 至 {end.isoformat()}"] if whole_month
                   else [f"本窗口截止 {end.isoformat()}"]) if is_open else []
    return Verdict(status="eligible" if is_open else "not_eligible", determination="申报窗口",
                   conditions=[check], changes_needed=changes, obligations=obligations)
