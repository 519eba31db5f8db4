"""Retrieval quality on the gold questions may not fall below the measured floor.

On our own set (queries/retrieval) the floors are the issue's targets (hit@1 0.85, hit@3 0.95,
paraphrase hit@3 0.90, multi-answer recall@10 0.90). On the sets written by others the floors sit a
little under the figures measured when they were last set (README, "Measured quality and speed"), so a
change that makes retrieval worse on questions we did not write fails here too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluation.retrieval import RetrievalReport, evaluate, load_gold
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace

HERE = Path(__file__).parent

# set folder -> (questions, hit@1, hit@3, paraphrase hit@3, multi recall@10 or None)
FLOORS = {
    ".": (301, 0.85, 0.95, 0.90, 0.90),
    "heldout": (333, 0.91, 0.97, 0.93, 0.85),
    "heldout2": (60, 0.78, 0.90, 0.80, None),
    "heldout3": (150, 0.87, 0.93, 0.91, None),
    "heldout4": (120, 0.86, 0.94, 0.90, None),
    "heldout5": (120, 0.90, 0.95, 0.93, None),
}


@pytest.fixture(scope="module")
def retriever(workspace: Workspace) -> Retriever:
    return Retriever.open(workspace)


def _report(retriever: Retriever, folder: str) -> RetrievalReport:
    cases = load_gold(HERE / folder)
    return evaluate(retriever.corpus, lambda q: [h.unit_id for h in retriever.search(q).hits], cases)


def test_own_gold_set_is_large_and_varied() -> None:
    cases = load_gold(HERE)
    styles = {c.style for c in cases}
    assert len(cases) >= 150 and len(styles) == 8


@pytest.mark.parametrize("folder", list(FLOORS))
def test_floor(retriever: Retriever, folder: str) -> None:
    size, hit1, hit3, paraphrase, multi = FLOORS[folder]
    report = _report(retriever, folder)
    assert report.overall.n == size, "a gold set changed size: set its floor again"
    assert report.overall.hit1 >= hit1 and report.overall.hit3 >= hit3, report.overall
    assert report.by_style["paraphrase"].hit3 >= paraphrase, report.by_style["paraphrase"]
    if multi is not None:
        assert (report.by_style["multi"].recall10 or 0) >= multi, report.by_style["multi"]
