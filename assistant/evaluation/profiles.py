"""Multi-jurisdiction profiles (queries/profiles/*.yaml): load, match, score cell by cell.

Each profile is matched twice: from its structured `profile` (the matching itself) and from its `say`
(the question as a user types it, read the way `ask` and `chat` read it: routing, slots, places). A
cell is one jurisdiction's expected status; a not_eligible cell also lists the clauses that fail it,
and those are scored as the share of expected clauses among the answer's unmet citations.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from assistant.models import MatchTable
from assistant.workspace import Workspace

TODAY = date(2025, 6, 1)  # the day questions are read on (the profiles name no dates)


class Cell(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["eligible", "not_eligible", "needs_info"]
    unmet: list[str] = []


class ProfileCase(BaseModel):
    """One organisation walked through every jurisdiction; a malformed case fails validation."""

    model_config = ConfigDict(extra="forbid")
    id: str
    say: str
    profile: dict[str, Any]
    expect: dict[str, Cell]
    why: str = ""


class ProfileSet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profiles: list[ProfileCase]


class Scores(BaseModel):
    """Per-cell status accuracy and, on cells rightly not eligible, the expected failing clauses cited."""

    cells: int = 0
    right: int = 0
    clauses: int = 0
    clauses_cited: int = 0
    misses: list[str] = []

    @property
    def accuracy(self) -> float:
        return self.right / max(self.cells, 1)

    @property
    def clause_recall(self) -> float:
        return self.clauses_cited / max(self.clauses, 1)


class ProfileReport(BaseModel):
    profiles: int
    structured: Scores
    said: Scores
    routed: int  # questions the engine sends to matching (asks where)


def is_profile_set(path: Path) -> bool:
    """Whether a file (or every YAML file of a folder) holds multi-jurisdiction profiles."""
    from kg.datafiles import read_yaml

    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if not files:
        return False
    for f in files:
        data = read_yaml(f.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "profiles" not in data:
            return False
    return True


def load_profiles(path: Path) -> list[ProfileCase]:
    from kg.datafiles import read_yaml

    return ProfileSet.model_validate(read_yaml(path.read_text(encoding="utf-8"))).profiles


def evaluate_profiles(ws: Workspace, cases: list[ProfileCase]) -> ProfileReport:
    """Match every case from its profile and from its question; score each expected cell."""
    from assistant.dialogue.where import where_turn
    from assistant.reason.match import match_profile
    from assistant.reason.profile import Profile
    from assistant.understand.question import parse_question

    corpus, facts = ws.corpus, ws.facts

    report = ProfileReport(profiles=len(cases), structured=Scores(), said=Scores(), routed=0)
    for case in cases:
        table = match_profile(corpus, facts, Profile.model_validate(case.profile))
        _score(report.structured, case, table)
        found = where_turn(None, parse_question(case.say, ws.places), ws, today=TODAY)
        report.routed += found is not None
        _score(report.said, case, found[1] if found else None)
    return report


def _score(scores: Scores, case: ProfileCase, table: MatchTable | None) -> None:
    rows = {m.jurisdiction: m for m in table.matches} if table else {}
    for place, cell in case.expect.items():
        got = rows.get(place)
        status = got.status if got else None
        scores.cells += 1
        scores.right += status == cell.status
        cited = {u.citation.unit_id for u in got.unmet if u.citation} if got else set()
        if status == cell.status == "not_eligible":
            scores.clauses += len(cell.unmet)
            scores.clauses_cited += len(set(cell.unmet) & cited)
        if status != cell.status:
            scores.misses.append(f"{case.id} {place}: {status} (expected {cell.status}; unmet {sorted(cited)})")
