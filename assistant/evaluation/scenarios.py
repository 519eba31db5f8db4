"""Scenario cases (queries/scenarios/*.yaml) and labelled intents (queries/intents.yaml): load, run, score.

The same runner serves pytest (queries/conftest.py collects one test per case) and `policykg eval`
(verdict and intent accuracy), so what the tests check is what the figures measure.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from assistant.models import Answer

if TYPE_CHECKING:
    from assistant.engine import Engine


class Due(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event: str | None = None
    date: date


class Expect(BaseModel):
    """What one turn must produce; every key optional."""

    model_config = ConfigDict(extra="forbid")
    intent: str | None = None
    status: Literal["eligible", "not_eligible", "needs_info"] | None = None
    unmet: list[str] = []
    cites: list[str] = []
    follow_up: str | None = None
    no_follow_up: bool = False
    no_verdict: bool = False
    changes_contain: str | None = None
    measures: list[str] = []
    next_measures: list[str] = []
    due: Due | None = None
    answer_contains: list[str] = []

    @field_validator("changes_contain", "answer_contains", "follow_up", mode="before")
    @classmethod
    def _dates_as_text(cls, value: Any) -> Any:
        """YAML reads 2025-07-15 as a date; in a substring check it means its ISO text."""
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list):
            return [v.isoformat() if isinstance(v, date) else v for v in value]
        return value


class ScenarioTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    say: str
    expect: Expect = Expect()


class Scenario(BaseModel):
    """One conversation (a single-turn case is a conversation of one turn)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    rule: str
    today: date | None = None
    turns: list[ScenarioTurn]


class ScenarioFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cases: list[Scenario]


def load_scenarios(path: Path) -> list[Scenario]:
    """Every case in a file, or in every *.yaml of a folder (a malformed case is a ValidationError)."""
    from kg.datafiles import read_yaml

    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return [c for f in files for c in ScenarioFile.model_validate(read_yaml(f.read_text(encoding="utf-8"))).cases]


def check_turn(answer: Answer, expect: Expect) -> list[str]:
    """Every way the answer differs from the expectation (empty: the turn is right)."""
    problems: list[str] = []
    verdict = answer.verdict
    if expect.intent and answer.intent != expect.intent:
        problems.append(f"intent {answer.intent!r}, expected {expect.intent!r}")
    if expect.status and (verdict is None or verdict.status != expect.status):
        problems.append(f"status {verdict.status if verdict else None!r}, expected {expect.status!r}")
    if expect.no_verdict and verdict is not None:
        problems.append(f"a verdict ({verdict.status}) where none was expected")
    unmet = {c.citation.unit_id for c in (verdict.conditions if verdict else []) if c.status == "unmet" and c.citation}
    problems += [f"no unmet condition citing {u} (unmet: {sorted(unmet)})" for u in expect.unmet if u not in unmet]
    cited = [c.unit_id for c in answer.citations]
    problems += [f"{u} not cited (cited: {cited[:8]})" for u in expect.cites if u not in cited]
    if expect.follow_up and not (answer.follow_up and expect.follow_up in answer.follow_up[0]):
        problems.append(f"first follow-up {answer.follow_up[:1]} lacks {expect.follow_up!r}")
    if expect.no_follow_up and answer.follow_up:
        problems.append(f"unexpected follow-up {answer.follow_up[:1]}")
    if expect.changes_contain and not any(expect.changes_contain in c for c in (verdict.changes_needed if verdict else [])):
        problems.append(f"no change mentions {expect.changes_contain!r}: {verdict.changes_needed if verdict else None}")
    problems += [f"answer lacks {w!r}" for w in expect.answer_contains if w not in answer.answer]
    return problems + _computed(answer, expect)


def _computed(answer: Answer, expect: Expect) -> list[str]:
    computed: dict[str, Any] = answer.computed or {}
    problems: list[str] = []
    ladders = computed.get("ladders", [])
    now = {m for lad in ladders[:1] for m in lad["now"]["measures"]}
    nxt = {m for lad in ladders[:1] if lad.get("next") for m in lad["next"]["measures"]}
    problems += [f"measure {m} not imposed (first ladder: {sorted(now)})" for m in expect.measures if m not in now]
    problems += [f"next step lacks {m} ({sorted(nxt)})" for m in expect.next_measures if m not in nxt]
    if expect.due:
        dues = computed.get("due", [])
        if not any(due_matches(d, expect.due, expect.cites) for d in dues):
            problems.append(f"no due date {expect.due.event} {expect.due.date}: {[(d['event'], d['due']) for d in dues]}")
    return problems


def due_matches(item: dict[str, Any], due: Due, cites: list[str]) -> bool:
    """Whether a computed due date is the one expected: the same day, counted from a clause the case cites
    (when it names any; an article covers its items), for an event named alike. Events are named freely (认定计划报送 / 计划报备, 告知是否受理 /
    受理告知), so the names need only share a two-character word; the date and the clause are exact.

    >>> item = {"event": "计划报备", "due": "2026-04-24", "unit_id": "j/sec_5/item_3"}
    >>> due_matches(item, Due(event="认定计划报送", date=date(2026, 4, 24)), ["j/sec_5/item_3"])
    True
    >>> due_matches(item, Due(event="证书数据上报", date=date(2026, 4, 24)), [])
    False
    >>> due_matches(item, Due(event="认定计划报送", date=date(2026, 4, 24)), ["j/sec_5/item_5"])
    False
    """
    if item["due"] != due.date.isoformat():
        return False
    unit = str(item.get("unit_id", ""))
    if cites and not any(unit == c or unit.startswith(c + "/") or c.startswith(unit + "/") for c in cites):
        return False  # an article covers its items, an item its article
    return due.event is None or bool(_pairs(due.event) & _pairs(item["event"]))


def _pairs(name: str) -> set[str]:
    """The two-character words of an event's name."""
    return {name[i:i + 2] for i in range(len(name) - 1)}


def run_scenario(engine: Engine, case: Scenario) -> list[str]:
    """Play a conversation from a fresh state; the problems found, turn by turn."""
    engine.reset()
    problems: list[str] = []
    for n, step in enumerate(case.turns, 1):
        answer = engine.ask(step.say, today=case.today)
        problems += [f"turn {n} 「{step.say}」: {p}" for p in check_turn(answer, step.expect)]
    return problems


class ScenarioReport(BaseModel):
    """Verdict accuracy: cases with every turn right, and turns with the right status."""

    cases: int
    cases_right: int
    turns_with_status: int
    status_right: int
    turns_with_cites: int = 0  # turns expecting deciding clauses (cites, unmet)
    cites_right: int = 0  # of those, turns citing every one
    failures: dict[str, list[str]] = {}


def evaluate_scenarios(engine: Engine, cases: list[Scenario]) -> ScenarioReport:
    right, with_status, status_right, failures = 0, 0, 0, {}
    with_cites = cites_right = 0
    for case in cases:
        problems = run_scenario(engine, case)
        right += not problems
        if problems:
            failures[case.id] = problems
        expected = [t for t in case.turns if t.expect.status]
        with_status += len(expected)
        bad_turns = {p.split(":")[0] for p in problems if "status" in p}
        status_right += len(expected) - len(bad_turns)
        citing = [n for n, t in enumerate(case.turns, 1) if t.expect.cites or t.expect.unmet]
        uncited = {p.split(":")[0] for p in problems if "not cited" in p or "no unmet condition citing" in p}
        with_cites += len(citing)
        cites_right += sum(1 for n in citing if not any(u.startswith(f"turn {n} ") for u in uncited))
    return ScenarioReport(cases=len(cases), cases_right=right, turns_with_status=with_status,
                          status_right=status_right, turns_with_cites=with_cites, cites_right=cites_right,
                          failures=failures)


class LabelledIntent(BaseModel):
    """One question of queries/intents.yaml and the intent it asks for."""

    model_config = ConfigDict(extra="forbid")
    q: str
    intent: str
    style: str = "natural"


class IntentReport(BaseModel):
    n: int
    right: int
    by_intent: dict[str, tuple[int, int]] = {}  # intent -> (right, n)
    misses: list[tuple[str, str, str]] = []  # (question, expected, got)


def load_intents(path: Path) -> list[LabelledIntent]:
    from kg.datafiles import read_yaml

    return [LabelledIntent.model_validate(x) for x in read_yaml(path.read_text(encoding="utf-8")) or []]


def evaluate_intents(engine: Engine, items: list[LabelledIntent]) -> IntentReport:
    """Intent accuracy of the engine's answers (each question asked in a fresh conversation)."""
    report = IntentReport(n=len(items), right=0)
    for item in items:
        engine.reset()
        got = engine.ask(item.q, today=date(2025, 6, 1)).intent
        right, n = report.by_intent.get(item.intent, (0, 0))
        report.by_intent[item.intent] = (right + (got == item.intent), n + 1)
        report.right += got == item.intent
        if got != item.intent:
            report.misses.append((item.q, item.intent, got))
    return report
