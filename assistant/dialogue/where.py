"""A conversation turn that asks where: "在哪些地方能申请" answered with every place's verdict.

The question (or a reply while such a question is running) is folded into the conversation's profile as
any turn is (assistant.dialogue.fill); the places it names are told apart into where the organisation
is and where it asks about (`read_where`); the match table (assistant.reason.match) is the
answer. The most decisive question is left pending, so a bare "没有" or "1200平方米" answers it and the
table is made again; "为什么问这个" shows the clauses that need the fact, as in any conversation.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from assistant.models import MatchTable
from assistant.reason.outcome import Outcome
from assistant.understand.question import Question
from assistant.workspace import Workspace
from kg.facts import FactSet
from kg.models import Corpus

from .fill import fill, introduced
from .state import DialogueState, Turn, Where
from .turns import RESET_WORDS, WHY_WORDS

_SHORT = 16  # a reply this short continues the running match whatever its words


def where_turn(state: DialogueState | None, question: Question, ws: Workspace,
               today: date | None = None) -> tuple[Turn, MatchTable] | None:
    """The turn and its table when the question asks where (or replies to one); None otherwise."""
    from assistant.understand.where import asks_where

    state = state or DialogueState()
    text = question.plain
    if any(w in text for w in RESET_WORDS) or (state.pending and any(w in text for w in WHY_WORDS)):
        return None
    named = question.scope.jurisdictions if question.typed_place else []
    determination = asks_where(question.raw, len(named))
    continuing = determination is None and _continues(state, question.raw)
    whether = determination is None and not continuing and _asks_whether(state, question, ws)
    if determination is None and not continuing and not whether:
        return None
    state = state.model_copy(deep=True)  # the engine keeps the old state until the turn is merged
    determination = determination or ("eligibility" if whether else state.where.determination)  # type: ignore[union-attr]
    read = read_where(state, question, ws.corpus, today or date.today(), determination)
    if whether and not _said_enough(state, read, ws, determination):
        return None
    places = read.places or (state.where.places if continuing and state.where else [])
    return _answer(state, question.raw, determination, places, ws.facts, ws.corpus)


# What says only the organisation's kind: with nothing more, where it is matters first (我们是行业协会，能申请吗)
_KIND = {"org_type", "enterprise_size", "jurisdictions"}


def _asks_whether(state: DialogueState, question: Question, ws: Workspace) -> bool:
    """A question opening a determination without a place to judge for, asking whether the organisation it
    describes may apply (assistant.understand.where.asks_whether): no place named, or only where it is when that
    place has no document and it means to apply elsewhere (在上海注册的…想到外地申请，能申请吗): every place."""
    from assistant.understand.where import asks_whether

    if state.determination is not None or state.where is not None:
        return False
    return (not question.scope.jurisdictions or _only_home_elsewhere(question, ws)) and asks_whether(question.raw)


def _only_home_elsewhere(question: Question, ws: Workspace) -> bool:
    """Every place named is where the organisation is, none has a document, and it says it applies elsewhere."""
    from assistant.understand.requirements_said import said_values

    named = question.scope.jurisdictions if question.typed_place else []
    having = {d.meta.jurisdiction for d in ws.corpus.documents}
    homes = introduced(question.scope.words, question.raw, named)
    return bool(named) and set(named) == set(homes) and not set(named) & having \
        and said_values(question.raw).get("registered_in_jurisdiction") is False


def _said_enough(state: DialogueState, read: WhereQuestion, ws: Workspace, determination: str) -> bool:
    """Whether a placeless question says enough for every place's verdict: more than the organisation's kind,
    or a kind that alone decides a place (街道办事处: places that file no government body say so). A kind that
    leaves every place open is better met by asking where the organisation is."""
    from assistant.reason.match import match_profile

    if set(read.filled) - _KIND:
        return True
    table = match_profile(ws.corpus, ws.facts, state.profile, determination)
    return any(m.status != "needs_info" for m in table.matches)


class WhereQuestion(BaseModel):
    """A where-question read: what it asks about, where the organisation is, which places to list."""

    determination: str
    places: list[str] = []  # the places it asks about (empty: every place)
    filled: list[str] = []  # the profile fields the utterance set


def read_where(state: DialogueState, question: Question, corpus: Corpus, today: date,
               determination: str) -> WhereQuestion:
    """Fold the utterance into the conversation's profile and tell where the organisation is from where it
    asks about: a place that introduces it (吉林的行业协会, 在上海注册的) is where it is; the others named
    (宿迁、池州、吉林、浙江哪些能报) are the places to list."""
    before = list(state.profile.jurisdictions)
    filled = fill(state, question, corpus, today)
    named = question.scope.jurisdictions if question.typed_place else []
    if not named:
        state.profile.jurisdictions = before
        return WhereQuestion(determination=determination, filled=sorted(filled))
    home = introduced(question.scope.words, question.raw, named)
    state.profile.jurisdictions = home or before
    return WhereQuestion(determination=determination, places=[j for j in named if j not in home],
                         filled=sorted(filled))


def _continues(state: DialogueState, question: str) -> bool:
    """A reply to the running match: no intent of its own beyond the one matched, or a short statement of
    facts (是, 1200平方米, 不知道) whatever its words."""
    from assistant.lang.text import normalize
    from assistant.understand.intent import classify
    from assistant.understand.slots import read_slots

    if state.where is None or state.determination is not None:
        return False
    if classify(question) in ("lookup", state.where.determination):
        return True
    said = read_slots(question)
    states = bool(said.values or said.bare_numbers or said.plain_numbers or said.yes_no is not None or said.unsure)
    return len(normalize(question)) <= _SHORT and states


def _answer(state: DialogueState, question: str, determination: str, places: list[str], facts: FactSet,
            corpus: Corpus) -> tuple[Turn, MatchTable]:
    from assistant.reason.match import match_profile
    from assistant.reason.say_match import say_table

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
    turn = Turn(intent=determination, answer=say_table(table), follow_up=[q.ask for q in table.questions],
                state=state, citations=list(dict.fromkeys(cited)), replace_citations=True, extra=extra)
    return turn, table
