"""The in-memory scorer gives whoosh's own BM25F scores for the same weighted union."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluation.retrieval import load_gold
from assistant.search.query import understand
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def retriever(workspace: Workspace) -> Retriever:
    return Retriever.open(workspace)


@pytest.mark.parametrize("large", [False, True], ids=["python sums", "numpy sums"])
def test_scores_equal_whoosh_on_the_gold_questions(retriever: Retriever, large: bool, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from whoosh.query import Or, Term

    from assistant.search import postings

    monkeypatch.setattr(postings, "LARGE", 0 if large else 10**9)
    retriever._scorer = None  # a fresh scorer: its cached postings are kept in the mode's own form
    searcher = retriever.searcher()
    questions = [c.q for c in load_gold(REPO / "queries")]
    for q in questions:
        query = understand(q, retriever.tok, retriever.repairer, retriever.ws.lexicon)
        parts = retriever.query_parts(query)
        if not parts:
            continue
        union = Or([Term(f, t, boost=b) for f, t, b in parts])
        union.matcher_type = Or.ARRAY_MATCHER
        expected = {r["unit_id"]: r.score for r in searcher.search(union, limit=None)}
        ours = dict(retriever._raw_hits(query, len(expected) or 1))
        assert ours.keys() == expected.keys(), q
        assert all(abs(ours[u] - expected[u]) < 1e-6 * max(1.0, expected[u]) for u in ours), q
    retriever._scorer = None
