"""Pydantic contracts of the assistant: what a question becomes and what an answer is.

`Answer` is the public JSON of `policykg ask --json`: scripts depend on its field names
(question, intent, answer, citations[], verdict, follow_up), so change it additively only.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Intent = Literal[
    "lookup", "eligibility", "external_site", "levels", "window", "validity",
    "sanction", "deadline", "comparison", "help", "smalltalk", "unknown",
]
Coverage = Literal["covered", "partial", "not_covered"]


class Citation(BaseModel):
    """One cited unit, with enough of its document to quote it properly."""

    doc_id: str
    doc_title: str
    doc_number: str | None
    jurisdiction: str
    article: str  # the path inside the document: 第九条第（五）项, 四（三）
    label: str  # 《title》path
    text: str  # the full text of the cited unit
    score: float
    unit_id: str = ""
    context: str | None = None  # the enclosing article's text when the unit is an item
    matched_terms: list[str] = []


class CitationRef(BaseModel):
    """A short pointer to a unit inside a verdict."""

    doc_id: str
    label: str
    text: str
    unit_id: str = ""


class ConditionCheck(BaseModel):
    """One condition of a determination, evaluated against what the session knows."""

    text: str
    status: Literal["met", "unmet", "unknown"]
    value: str | None = None
    citation: CitationRef | None = None


class Verdict(BaseModel):
    """A computed determination with every deciding condition cited."""

    status: Literal["eligible", "not_eligible", "needs_info"]
    determination: str
    conditions: list[ConditionCheck] = []
    changes_needed: list[str] = []
    obligations: list[str] = []
    drafted: bool = False  # read from rules drafted from a document's facts (草拟), not written by a person


Status = Literal["eligible", "not_eligible", "needs_info"]


class UnmetCondition(BaseModel):
    """A stated fact that fails one of a place's conditions, and the change that would meet it."""

    text: str
    value: str | None = None
    citation: CitationRef | None = None
    change: str | None = None  # 场地面积：950 → 至少 1000 平方米


class MetCondition(BaseModel):
    """A condition the stated facts meet: an eligible row shows what it rests on, clause by clause."""

    text: str
    value: str | None = None
    citation: CitationRef | None = None


class UnknownCondition(BaseModel):
    """A condition the profile does not settle yet, and the question that would (one per rule, shared)."""

    model_config = ConfigDict(frozen=True)

    text: str
    ask: str
    field: str
    citation: CitationRef | None = None


class Match(BaseModel):
    """One jurisdiction's verdict on one determination for a profile: a row of the match table."""

    jurisdiction: str
    determination: str  # eligibility, external_site
    title: str
    status: Status
    drafted: bool = False  # rules drafted for an added document, not yet reviewed (草拟)
    route: str | None = None  # the way in the verdict is for, when the place has several
    unmet: list[UnmetCondition] = []
    unknown: list[UnknownCondition] = []
    met: list[MetCondition] = []  # the conditions the closest route finds met, with their clauses
    changes: list[str] = []  # the smallest change that lifts every failure it can change (the closest route's)
    after_changes: Status | None = None  # the status once `changes` are made


class Unlock(BaseModel):
    """One change of one fact, and the places it would turn."""

    field: str
    change: str  # 场地自有或租赁期：3 → 至少 5 年
    eligible: list[str] = []  # places that would become 符合
    opened: list[str] = []  # places that would no longer fail, though still needing information


class Decider(BaseModel):
    """A question whose answer settles or moves the most places at once."""

    field: str
    ask: str
    jurisdictions: list[str]
    yes: Any = Field(default=True, exclude=True)  # what a bare 是 / 有 means for the field
    no: Any = Field(default=False, exclude=True)


class MatchTable(BaseModel):
    """Every jurisdiction's verdict for one profile: eligible first, then the closest to eligible."""

    determination: str
    title: str
    facts: dict[str, str] = {}  # what the profile states: label -> value as said
    matches: list[Match] = []
    questions: list[Decider] = []  # at most two, most decisive first
    unlocks: list[Unlock] = []


class Answer(BaseModel):
    """What `ask` returns: a short answer, ranked citations, and (later) a verdict."""

    question: str
    intent: Intent = "lookup"
    answer: str
    citations: list[Citation] = []
    verdict: Verdict | None = None
    follow_up: list[str] = []
    jurisdictions: list[str] = []  # the scope the question named, if any
    notes: list[str] = []  # e.g. "问题过长，已截取前 500 字"
    comparison: dict[str, Any] | None = None  # the ComparisonTable, for "各地…有什么不同" questions
    computed: dict[str, Any] | None = None  # sanction ladders ({"ladders": …}) or due dates ({"due": …})
    matches: list[Match] | None = None  # "在哪些地方能申请": every jurisdiction's verdict (questions, unlocks in computed)
    # whether the documents answer the question: covered; partial (a place asked about has no document,
    # other places' rules are shown); not_covered (the citations are only related, never the answer)
    coverage: Coverage = "covered"
    confidence: float = 1.0  # how likely the first citation answers (0–1; ≥ 0.8 is right 95 % of the time)
    coverage_note: str | None = None  # what is missing: a place without a document, a subject not addressed
