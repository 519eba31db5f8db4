"""Every scenario in queries/scenarios/*.yaml is a test: the conversation is played through the engine
and each turn's verdict, citations, follow-up and computed figures are checked.

A malformed case fails collection (pydantic validation), so a typo cannot silently drop a case. The
test id is the case's rule in words, e.g. `吉林 行业协会 场地950平方米 不符合 场地1000平方米以上`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant.evaluation.scenarios import Scenario, load_scenarios, run_scenario

HERE = Path(__file__).parent / "scenarios"
CASES = load_scenarios(HERE)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.id}: {c.rule}" for c in CASES])
def test_scenario(engine, case: Scenario) -> None:  # type: ignore[no-untyped-def]
    problems = run_scenario(engine, case)
    assert not problems, "\n".join([f"{case.id} — {case.rule}", *problems])


def test_scenarios_cover_every_determination_and_place() -> None:
    single = [c for c in CASES if len(c.turns) == 1]
    multi = [c for c in CASES if len(c.turns) > 1]
    intents = Counter(t.expect.intent for c in CASES for t in c.turns if t.expect.intent)
    assert len(single) >= 60 and len(multi) >= 15, (len(single), len(multi))
    for name in ("eligibility", "external_site", "levels", "window", "validity", "sanction", "deadline"):
        assert intents[name] >= 3, (name, intents)
    text = " ".join(t.say for c in CASES for t in c.turns)
    for place in ("宿迁", "池州", "吉林", "浙江", "江苏"):
        assert place in text, place


def test_case_ids_are_unique() -> None:
    ids = Counter(c.id for c in CASES)
    assert not [i for i, n in ids.items() if n > 1]
