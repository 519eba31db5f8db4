"""Coverage gold (queries/coverage/*.yaml): does the answer say whether the documents answer the question?

Measured per kind of question (in_scope, no_document_place, exam_taker, national, other_topic,
domain_unstated), with the figures the product promises: in-scope questions wrongly flagged, out-of-scope
questions flagged, no verdict on a not_covered question, and that `confidence` means what it says (among
answers with confidence ≥ 0.8, the share citing a right clause first).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from assistant.models import Answer, Coverage

if TYPE_CHECKING:
    from assistant.engine import Engine
    from kg.models import Corpus

CONFIDENT = 0.8


class CoverageCase(BaseModel):
    """One gold question."""

    model_config = ConfigDict(extra="forbid")
    q: str
    coverage: Coverage
    kind: Literal["in_scope", "no_document_place", "exam_taker", "national", "other_topic", "domain_unstated"]
    expect: list[str] = []
    source: str | None = None


class CoverageReport(BaseModel):
    n: int
    by_kind: dict[str, tuple[int, int]] = {}  # kind -> (answered with the gold coverage, n)
    in_scope_flagged: tuple[int, int] = (0, 0)  # covered gold answered as not covered
    out_flagged: tuple[int, int] = (0, 0)  # not_covered gold answered as not_covered (or partial for a missing place)
    verdicts_on_uncovered: int = 0
    confident_right: tuple[int, int] = (0, 0)  # confidence ≥ 0.8: first citation right, of how many
    misses: list[str] = []


def load_coverage(path: Path) -> list[CoverageCase]:
    """The cases of one file, or of the development split of a folder (final.yaml is read only when named)."""
    from kg.datafiles import read_yaml

    files = [path / "dev.yaml"] if path.is_dir() else [path]
    return [CoverageCase.model_validate(c) for f in files for c in read_yaml(f.read_text(encoding="utf-8"))]


def right_first(corpus: Corpus, answer: Answer, expect: list[str]) -> bool:
    """Whether the first citation is an expected unit, inside one, or the article holding one."""
    if not answer.citations or not expect:
        return False
    top = answer.citations[0].unit_id
    return any(top == e or top.startswith(e + "/") or e.startswith(top + "/") for e in expect)


def evaluate_coverage(engine: Engine, cases: list[CoverageCase]) -> CoverageReport:
    rep = CoverageReport(n=len(cases))
    flagged_in = [0, 0]
    flagged_out = [0, 0]
    confident = [0, 0]
    for case in cases:
        engine.reset()
        a = engine.ask(case.q)
        ok = a.coverage == case.coverage
        right, n = rep.by_kind.get(case.kind, (0, 0))
        rep.by_kind[case.kind] = (right + ok, n + 1)
        if case.coverage == "covered":
            flagged_in[0] += a.coverage != "covered"
            flagged_in[1] += 1
        if case.coverage == "not_covered":
            flagged_out[0] += a.coverage == "not_covered" or (a.coverage == "partial" and bool(a.jurisdictions))
            flagged_out[1] += 1
            rep.verdicts_on_uncovered += a.verdict is not None
        if a.confidence >= CONFIDENT and case.coverage != "partial":
            confident[0] += right_first(engine.corpus, a, case.expect)
            confident[1] += 1
        verdict = f" with a verdict ({a.verdict.status})" if a.verdict is not None and case.coverage == "not_covered" else ""
        if not ok or verdict:
            rep.misses.append(f"[{case.kind}] {case.q} → {a.coverage} ({a.confidence}){verdict} {a.coverage_note or ''}")
    rep.in_scope_flagged = (flagged_in[0], flagged_in[1])
    rep.out_flagged = (flagged_out[0], flagged_out[1])
    rep.confident_right = (confident[0], confident[1])
    return rep
