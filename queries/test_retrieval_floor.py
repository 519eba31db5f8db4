"""Retrieval quality on the gold questions may not fall below the measured floor.

Floors sit a little under the figures measured when they were set (see `policykg eval queries/`),
so a change that makes retrieval worse fails here. On this set the issue's targets (hit@1 0.85,
hit@3 0.95, paraphrase hit@3 0.90) are the floors; on the held-out set they are not reached yet
(see README, "Measured quality and speed").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluate import evaluate, load_gold
from assistant.retrieve import Retriever

FLOORS = {"hit1": 0.85, "hit3": 0.95, "paraphrase_hit3": 0.90, "multi_recall10": 0.90}
# The held-out set (queries/heldout, never tuned on): regression guards at the level measured when it landed.
HELDOUT_FLOORS = {"hit1": 0.83, "hit3": 0.92, "paraphrase_hit3": 0.75, "multi_recall10": 0.72}


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    retriever = Retriever.open()
    cases = load_gold(Path(__file__).parent)
    return evaluate(retriever.corpus, lambda q: [h.unit_id for h in retriever.search(q).hits], cases)


def test_gold_set_is_large_and_varied() -> None:
    cases = load_gold(Path(__file__).parent)
    styles = {c.style for c in cases}
    assert len(cases) >= 150 and len(styles) == 8


def test_overall_floor(report) -> None:  # type: ignore[no-untyped-def]
    assert report.overall.hit1 >= FLOORS["hit1"], report.overall
    assert report.overall.hit3 >= FLOORS["hit3"], report.overall


def test_paraphrase_and_multi_floor(report) -> None:  # type: ignore[no-untyped-def]
    assert report.by_style["paraphrase"].hit3 >= FLOORS["paraphrase_hit3"]
    assert (report.by_style["multi"].recall10 or 0) >= FLOORS["multi_recall10"]


def test_heldout_floor() -> None:
    retriever = Retriever.open()
    cases = load_gold(Path(__file__).parent / "heldout")
    assert len(cases) >= 300
    rep = evaluate(retriever.corpus, lambda q: [h.unit_id for h in retriever.search(q).hits], cases)
    assert rep.overall.hit1 >= HELDOUT_FLOORS["hit1"] and rep.overall.hit3 >= HELDOUT_FLOORS["hit3"], rep.overall
    assert rep.by_style["paraphrase"].hit3 >= HELDOUT_FLOORS["paraphrase_hit3"]
    assert (rep.by_style["multi"].recall10 or 0) >= HELDOUT_FLOORS["multi_recall10"]


FRESH_FLOORS = {"hit1": 0.55, "hit3": 0.65, "paraphrase_hit3": 0.40}


def test_second_heldout_floor() -> None:
    """queries/heldout2: 60 questions written from the documents alone (half paraphrases): a regression guard."""
    retriever = Retriever.open()
    cases = load_gold(Path(__file__).parent / "heldout2")
    assert len(cases) == 60
    rep = evaluate(retriever.corpus, lambda q: [h.unit_id for h in retriever.search(q).hits], cases)
    assert rep.overall.hit1 >= FRESH_FLOORS["hit1"] and rep.overall.hit3 >= FRESH_FLOORS["hit3"], rep.overall
    assert rep.by_style["paraphrase"].hit3 >= FRESH_FLOORS["paraphrase_hit3"]


THIRD_FLOORS = {"hit1": 0.74, "hit3": 0.85, "paraphrase_hit3": 0.80}


def test_third_heldout_floor() -> None:
    """queries/heldout3: 150 questions in the issue's styles, not read by the retrieval developer."""
    retriever = Retriever.open()
    cases = load_gold(Path(__file__).parent / "heldout3")
    assert len(cases) == 150
    rep = evaluate(retriever.corpus, lambda q: [h.unit_id for h in retriever.search(q).hits], cases)
    assert rep.overall.hit1 >= THIRD_FLOORS["hit1"] and rep.overall.hit3 >= THIRD_FLOORS["hit3"], rep.overall
    assert rep.by_style["paraphrase"].hit3 >= THIRD_FLOORS["paraphrase_hit3"]
