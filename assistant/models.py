"""Pydantic contracts of the assistant: what a question becomes and what an answer is.

`Answer` is the public JSON of `policykg ask --json`: scripts depend on its field names
(question, intent, answer, citations[], verdict, follow_up), so change it additively only.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

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
    # whether the documents answer the question: covered; partial (a place asked about has no document,
    # other places' rules are shown); not_covered (the citations are only related, never the answer)
    coverage: Coverage = "covered"
    confidence: float = 1.0  # how likely the first citation answers (0–1; ≥ 0.8 is right 95 % of the time)
    coverage_note: str | None = None  # what is missing: a place without a document, a subject not addressed
