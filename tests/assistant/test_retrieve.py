"""Query understanding: normalisation, concepts, typo repair and place scoping."""

from __future__ import annotations

import pytest

from assistant.retrieve import Retriever
from assistant.scope import find_scope
from assistant.text import normalize
from kg.models import Corpus


@pytest.fixture(scope="module")
def retriever(corpus: Corpus) -> Retriever:
    return Retriever.open(corpus)


def test_traditional_and_full_width_are_normalised() -> None:
    assert normalize("外部考點　ＡＢＣ") == "外部考点 abc"


def test_typos_are_repaired_into_policy_terms(retriever: Retriever) -> None:
    q = retriever.search("外部考典条件").query
    assert "外部考点" in q.repairs.values() or "考点" in q.repairs.values()
    assert "今后" not in retriever.search("今天天气").query.repairs.values()


def test_colloquial_words_expand_to_document_words(retriever: Retriever) -> None:
    q = retriever.search("考场要装录像吗").query
    assert "视频监控" in q.expansions


@pytest.mark.parametrize(
    ("question", "first_doc"),
    [("苏州的机构备案有效期", "jiangsu-2019-178"), ("沭阳县外部考点", "suqian-2022-36")],
)
def test_places_scope_the_ranking(retriever: Retriever, question: str, first_doc: str) -> None:
    assert retriever.search(question).hits[0].unit_id.startswith(first_doc)


def test_city_named_also_ranks_its_province(corpus: Corpus) -> None:
    scope = find_scope(corpus, "宿迁")
    assert scope.boosts["suqian-2022-36"] > scope.boosts["jiangsu-2019-178"] > 1


def test_an_article_and_its_item_never_fill_two_places(retriever: Retriever) -> None:
    ids = [h.unit_id for h in retriever.search("外部考点", limit=10).hits]
    roots = [i.split("/item_")[0].split("/pt_")[0] for i in ids]
    assert len(roots) == len(set(roots))
