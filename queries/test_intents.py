"""Intent accuracy on the labelled questions (queries/intents/*.yaml) may not fall below the floor.

The floor sits under the accuracy measured when it was set (`policykg eval queries/`); the word lists
were tuned on this set, so its figure is optimistic — an independently written set is the real test.
"""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation.scenarios import evaluate_intents, load_intents

FLOOR = 0.95


def test_intent_accuracy_floor(engine) -> None:  # type: ignore[no-untyped-def]
    items = [i for f in sorted((Path(__file__).parent / "intents").glob("*.yaml")) for i in load_intents(f)]
    assert len(items) >= 100 and len({i.intent for i in items}) == 10
    report = evaluate_intents(engine, items)
    assert report.right / report.n >= FLOOR, report.misses
