"""A conversation about one applicant: state across turns, short replies, corrections, "why", reset.

`turn()` is the whole contract with the engine (and so with `ask`, `chat` and the TUI): it reads one
utterance, updates the profile, picks or keeps the determination, computes it and says what to ask
next. Nothing here knows a threshold; the rules and the graph do.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.reason.determine import DETERMINATIONS, determine
from assistant.reason.explain import FIELD_NAMES, say
from assistant.reason.outcome import Outcome
from assistant.reason.profile import set_field
from assistant.understand.question import Question
from assistant.workspace import Workspace
from kg.models import Corpus

from .fill import fill
from .state import DialogueState, Turn

RESET_WORDS = ("重新开始", "重来", "从头开始", "清空", "reset", "restart")
WHY_WORDS = ("为什么问", "为啥问", "为何问", "问这个干", "为什么要问", "为什么需要", "why")
HELP_TEXT = ("我可以：查条款（宿迁 第九条）；判断能否申请成为评价机构、能否设外部考点、能认定几级；"
             "算申报窗口、备案有效期和各类期限（按工作日）；说明违规后果和处理阶梯；比较各地规定。"
             "例如：我们是浙江的民办培训学校，能申请成为社会评价组织吗？")
_TOPICS = {"eligibility", "external_site", "levels", "validity"}  # a bare topic also wants the clauses' words
_CONTEXT_FIELDS = {"jurisdictions", "registered_in_jurisdiction"}
_YES_NO = re.compile(r"吗|嘛|哪些|什么|能不能|可不可以|可否|能否|行不行|够不够|是否|够格|达标|来得及|可以[?？]|行[?？]")
# A question of its own: asks what, where or how of something, beyond an ellipsis (那浙江呢).
_OWN_QUESTION = re.compile(r".{4,}(哪里|哪儿|什么|哪些|多少|多久|多长|怎么|如何|怎样)")
# Facts of an event or an offence, not of the organisation (a date, a history, a behaviour).
_NOT_DESCRIBING = {"filed_on", "event_date", "expires_on", "behaviour", "interviewed_before", "notified_before",
                   "occurrence", "serious", "rectified"}
_WEAK = 1  # an intent score of weak words only (see understand/data/intents.yaml)
_SHORT = 16  # a reply this short, with no intent words of its own, continues the running determination


def turn(state: DialogueState | None, question: Question, ws: Workspace, today: date | None = None,
         ranked: list[str] | None = None, intent: str | None = None) -> Turn:
    """Read one utterance and answer it in the light of the conversation so far.

    `ranked` is the retriever's ranking (it matches behaviours to sanction triggers); the question carries
    the corpus words the retriever repaired typos into (外部考典 -> 外部考点) among its intent scores.
    """
    state = (state or DialogueState()).model_copy(deep=True)
    today = today or date.today()
    text = question.plain
    if any(w in text for w in RESET_WORDS):
        return Turn(intent="help", answer="好的，已重新开始。请描述贵单位的情况，或直接提问。", state=DialogueState())
    if state.pending and any(w in text for w in WHY_WORDS):
        return _why(state, ws.corpus)
    filled = fill(state, question, ws.corpus, today)
    named = intent or question.intent()
    if state.determination and _continues(question, text, filled, state.determination):
        named = state.determination
    if named == "help":
        return Turn(intent="help", answer=HELP_TEXT, state=state)
    if named == "lookup" and _describes_applicant(question, filled):
        named = "eligibility"
    if named in _TOPICS and (_only_mentions(question, named, filled, state) or _asks_the_rule(question, filled, state)):
        named = "lookup"
    if named not in DETERMINATIONS:
        return Turn(intent=named, state=state)
    replying = state.determination == named  # a turn inside a running determination, not a new question
    _remember_topic(state, named, question.raw)
    context = question.raw if state.topic == question.raw else f"{state.topic} {question.raw}"
    outcome = determine(named, context, state.profile, ws, today, ranked or [])
    step = _respond(state, named, outcome, ws.corpus, continuing=replying and bool(filled) and len(text) <= _SHORT)
    step.topic = named in _TOPICS and not (filled - _CONTEXT_FIELDS) and state.topic == question.raw
    step.facts_given = bool(filled - _CONTEXT_FIELDS) or (replying and bool(filled))
    return step


def _continues(question: Question, text: str, filled: set[str], running: str) -> bool:
    """Whether an utterance continues the running determination rather than asking a new one: it names no
    topic (and is not a question of its own: 收费标准要在哪里公示), or it is a short reply that names no other
    topic (宿迁备案前向社会公示多长时间 is short, names a place and asks about a deadline), or it states facts and
    asks only in a generic yes/no form (如果人社还没确认，我们先开考行不行 — 行不行 is a weak eligibility word)."""
    stated = filled - _CONTEXT_FIELDS
    if not question.intents:
        return bool(stated) or not _OWN_QUESTION.search(text)
    top = max(question.intents.values())
    if len(text) <= _SHORT and filled and (top <= _WEAK or question.intent() == running):
        return True
    return bool(stated) and top <= _WEAK


def _describes_applicant(question: Question, filled: set[str]) -> bool:
    """An utterance naming no topic that describes an organisation by two facts or more and asks about it (那要是
    在长春注册一个独立法人的新机构呢？场地是自有的3000平，专职8个人): whether it qualifies, the question an
    applicant describing itself asks."""
    described = filled - _CONTEXT_FIELDS - _NOT_DESCRIBING
    return len(described) >= 2 and bool(_YES_NO.search(question.plain) or "呢" in question.plain)


# How long, how many, or who: asking what the rule says, not what it makes of the applicant.
_RULE_QUESTION = re.compile(r"多久|多长|几年|几个月|几天|谁|哪个部门|哪一级|哪级|什么部门")


def _asks_the_rule(question: Question, filled: set[str], state: DialogueState) -> bool:
    """Later in a conversation, a how-long or who question stating nothing new (延续评估合格的话能延长多久？,
    外市增设考点要经过谁确认？) asks what the clause says: the clause answers it, and a verdict computed from
    earlier facts would answer a question not asked. An opening one still opens its determination."""
    return (state.last is not None and not (filled - _CONTEXT_FIELDS) and bool(_RULE_QUESTION.search(question.plain))
            and not _YES_NO.search(question.plain))


def _only_mentions(question: Question, named: str, filled: set[str], state: DialogueState) -> bool:
    """A topic named only by a generic word (资格, 申请), with no fact, no yes/no or which-question, and no running
    determination, is a look-up, not a request for a verdict: 月嫂资格证要求, 技能提升补贴怎么申请."""
    if state.determination or (filled - _CONTEXT_FIELDS) or question.intents.get(named, 0) > _WEAK:
        return False
    return not _YES_NO.search(question.plain)


def revise(state: DialogueState, field: str, value: Question, ws: Workspace,
           today: date | None = None, ranked: list[str] | None = None) -> Turn:
    """Change one fact (the TUI's fact table): the value is read as a reply to that field's question."""
    state = state.model_copy(deep=True)
    asked = [p for p in (state.last.pending if state.last else []) if p.field == field]
    state.pending = field
    state.pending_yes, state.pending_no = (asked[0].yes, asked[0].no) if asked else (True, False)
    if field != "jurisdictions":
        set_field(state.profile, field, None)
    return turn(state, value, ws, today=today, ranked=ranked, intent=state.determination)


def _remember_topic(state: DialogueState, named: str, question: str) -> None:
    if named != state.determination:
        state.determination, state.pending, state.last, state.topic = named, None, None, question
    if named == "sanction" and (state.profile.behaviour is None or state.pending == "behaviour"):
        state.profile.behaviour = question


def _respond(state: DialogueState, named: str, outcome: Outcome, corpus: Corpus, continuing: bool) -> Turn:
    failed = outcome.verdict is not None and outcome.verdict.status == "not_eligible"
    # Once something is unmet, more facts could only confirm the failure: do not ask for them.
    pending = [] if failed else [p for p in outcome.pending if p.field not in state.declined]
    first = pending[0] if pending else None
    state.pending = first.field if first else None
    state.focus = state.pending or _failed_field(outcome)
    state.pending_yes, state.pending_no = (first.yes, first.no) if first else (True, False)
    state.last = outcome
    follow = [p.ask for p in pending[:3]]
    either = _either_way(state, outcome)
    text = say(outcome, state.profile, corpus, follow, either)
    undecided = outcome.verdict is None and not outcome.answer and not follow
    if undecided:
        text = _not_covered(state, named, corpus)
    return Turn(intent=named, verdict=outcome.verdict, follow_up=follow, answer=text or None, state=state,
                citations=outcome.citations, replace_citations=continuing, extra=outcome.extra, undecided=undecided)


def _failed_field(outcome: Outcome) -> str | None:
    """The field of the first unmet condition ("一年" → "说错了，三年" corrects it)."""
    verdict = outcome.verdict
    unmet = [c.citation.unit_id for c in (verdict.conditions if verdict else []) if c.status == "unmet" and c.citation]
    for field, units in outcome.by_field.items():
        if unmet and unmet[0] in units:
            return field
    return None


def _either_way(state: DialogueState, outcome: Outcome) -> str | None:
    """After 不知道: what the verdict would be if the unknown fact went each way."""
    verdict = outcome.verdict
    if not verdict or verdict.status != "needs_info" or not state.declined:
        return None
    open_fields = {p.field for p in outcome.pending}
    if not open_fields or not open_fields <= set(state.declined):
        return None
    names = "、".join(FIELD_NAMES.get(f, f) for f in sorted(open_fields))
    return f"尚不清楚：{names}。若这些条件都满足，结论为“符合”；只要有一项不满足，结论为“不符合”。"


def _why(state: DialogueState, corpus: Corpus) -> Turn:
    """"为什么问这个": the conditions and clauses that need the fact asked for."""
    last = state.last
    units = (last.by_field.get(state.pending or "", []) if last else []) or (last.citations[:2] if last else [])
    lines = [f"{corpus.unit(u).label}：{corpus.unit(u).text}" for u in dict.fromkeys(units)]
    name = FIELD_NAMES.get(state.pending or "", state.pending or "")
    answer = f"因为以下条款的条件要用到“{name}”：\n" + "\n".join(lines)
    follow = [p.ask for p in (last.pending if last else []) if p.field not in state.declined][:3]
    return Turn(intent=state.determination or "help", verdict=last.verdict if last else None,
                follow_up=follow, answer=answer, state=state, citations=list(dict.fromkeys(units)), replace_citations=True)


def _not_covered(state: DialogueState, named: str, corpus: Corpus) -> str:
    """No verdict: either the place has no document, or its documents (one added without machine-checkable
    rules) are in the corpus and their clauses are cited instead of claiming there is no rule."""
    places = "、".join(state.profile.jurisdictions) or "所问地区"
    own = [d.meta.title for d in corpus.documents if d.meta.jurisdiction in state.profile.jurisdictions]
    if own:
        titles = "、".join(f"《{t}》" for t in dict.fromkeys(own))
        return (f"语料收录了{places}的{titles}，但其中的条件尚未整理成可自动核对的规则，无法给出结论。"
                "下面是其中最相关的条款，请对照原文判断。")
    covered = "、".join(dict.fromkeys(d.meta.jurisdiction for d in corpus.documents))
    return f"语料中没有{places}关于这一问题的规定，无法给出结论（已收录：{covered}）。下面是最相关的条款。"
