"""What one conversation has established, and what one turn hands back to the engine."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from assistant.models import Intent, Verdict
from assistant.reason.outcome import Outcome
from assistant.reason.profile import Profile


class Where(BaseModel):
    """A running "在哪些地方能申请" (assistant.dialogue.where): what is matched across places, and which places."""

    determination: str
    places: list[str] = []  # empty: every place with rules


class DialogueState(BaseModel):
    """What one conversation has established so far."""

    profile: Profile = Profile()
    determination: str | None = None
    pending: str | None = None  # the field last asked about
    focus: str | None = None  # the field a bare number most likely corrects: the one asked, or the one that failed
    pending_yes: Any = True
    pending_no: Any = False
    declined: list[str] = []  # fields the user said 不知道 to
    said: dict[str, str] = {}  # field -> the words that gave it
    topic: str = ""  # the question that opened the running determination (a reply alone names no event)
    last: Outcome | None = None
    where: Where | None = None  # set while the conversation matches every place (replies go on matching)


class Turn(BaseModel):
    """One turn's result, as the engine merges it into an `Answer`."""

    intent: Intent
    verdict: Verdict | None = None
    follow_up: list[str] = []
    answer: str | None = None
    state: DialogueState
    citations: list[str] = []  # unit ids, deciding first
    replace_citations: bool = False  # a short reply: retrieval hits on "是" are noise
    topic: bool = False  # a topic question (外部考点条件) with no facts: lead with the clauses' own words
    facts_given: bool = True  # the turn stated facts of the applicant (not only a place): the verdict leads
    extra: dict[str, Any] = {}
    undecided: bool = False  # the route holds no rules to judge by (无法给出结论): a lookup keeps its clause's answer
