"""A conversation turn that asks where: "在哪些地方能申请" answered with every place's verdict.

The question (or a reply while such a question is running) is folded into the conversation's profile as
any turn is (assistant.understand.fill); the places it names are told apart into where the organisation
is and where it asks about (assistant.understand.where); the match table (assistant.reason.match) is the
answer. The most decisive question is left pending, so a bare "没有" or "1200平方米" answers it and the
table is made again; "为什么问这个" shows the clauses that need the fact, as in any conversation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from kg.facts import FactSet
from kg.models import Corpus

from .dialogue import RESET_WORDS, WHY_WORDS, DialogueState, Turn, Where
from .models import MatchTable
from .reason.outcome import Outcome

_SHORT = 16  # a reply this short continues the running match whatever its words


def where_turn(state: DialogueState | None, question: str, facts: FactSet | Callable[[], FactSet], corpus: Corpus,
               today: date | None = None) -> tuple[Turn, MatchTable] | None:
    """The turn and its table when the question asks where (or replies to one); None otherwise."""
    from assistant.lang.places import find_scope
    from assistant.lang.text import normalize

    from .understand.where import asks_where, read_where

    state = state or DialogueState()
    text = normalize(question)
    if any(w in text for w in RESET_WORDS) or (state.pending and any(w in text for w in WHY_WORDS)):
        return None
    named = find_scope(corpus, question).jurisdictions
    determination = asks_where(question, len(named))
    continuing = determination is None and _continues(state, question)
    if determination is None and not continuing:
        return None
    state = state.model_copy(deep=True)  # the engine keeps the old state until the turn is merged
    determination = determination or state.where.determination  # type: ignore[union-attr]
    read = read_where(state, question, corpus, today or date.today(), determination)
    places = read.places or (state.where.places if continuing and state.where else [])
    return _answer(state, question, determination, places, facts() if callable(facts) else facts, corpus)


def _continues(state: DialogueState, question: str) -> bool:
    """A reply to the running match: no intent of its own beyond the one matched, or a short statement of
    facts (是, 1200平方米, 不知道) whatever its words."""
    from assistant.lang.text import normalize

    from .understand.intent import classify
    from .understand.slots import read_slots

    if state.where is None or state.determination is not None:
        return False
    if classify(question) in ("lookup", state.where.determination):
        return True
    said = read_slots(question)
    states = bool(said.values or said.bare_numbers or said.plain_numbers or said.yes_no is not None or said.unsure)
    return len(normalize(question)) <= _SHORT and states


def _answer(state: DialogueState, question: str, determination: str, places: list[str], facts: FactSet,
            corpus: Corpus) -> tuple[Turn, MatchTable]:
    from .reason.match import match_profile
    from .reason.say_match import say_table

    table = match_profile(corpus, facts, state.profile, determination, places=places or None, asked=question,
                          declined=state.declined)
    top = table.questions[0] if table.questions else None
    state.where, state.determination, state.topic = Where(determination=determination, places=places), None, question
    state.pending = state.focus = top.field if top else None
    state.pending_yes, state.pending_no = (top.yes, top.no) if top else (True, False)
    by_field: dict[str, list[str]] = {}
    for m in table.matches:
        for u in m.unknown:
            if u.citation:
                by_field.setdefault(u.field, []).append(u.citation.unit_id)
    cited = [u.citation.unit_id for m in table.matches for u in m.unmet if u.citation]
    cited += by_field.get(top.field, []) if top else []
    state.last = Outcome(determination=determination, by_field={f: list(dict.fromkeys(u)) for f, u in by_field.items()},
                         citations=list(dict.fromkeys(cited)))
    extra = {"questions": [q.model_dump() for q in table.questions], "unlocks": [u.model_dump() for u in table.unlocks]}
    turn = Turn(intent=determination, answer=say_table(table), follow_up=[q.ask for q in table.questions],  # type: ignore[arg-type]
                state=state, citations=list(dict.fromkeys(cited)), replace_citations=True, extra=extra)
    return turn, table
