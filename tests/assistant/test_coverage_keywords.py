"""A regulator's search-box query for a topic several documents treat is covered, not "not in these
documents" because its clauses are many and close (a small margin is no sign the topic is absent)."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


@pytest.mark.parametrize("query", ["公示期", "档案保存", "场地要求"])
def test_topic_keywords_are_covered(engine: Engine, query: str) -> None:
    engine.reset()
    answer = engine.ask(query)
    assert answer.coverage == "covered" and answer.citations, (answer.coverage, answer.confidence)


@pytest.mark.parametrize("query", ["护照", "驾照扣分"])
def test_keywords_the_documents_do_not_use_stay_uncovered(engine: Engine, query: str) -> None:
    engine.reset()
    assert engine.ask(query).coverage == "not_covered"
