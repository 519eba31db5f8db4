"""Query understanding: normalisation, concepts, typo repair and place scoping."""

from __future__ import annotations

import pytest

from assistant.lang.text import normalize
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def retriever(workspace: Workspace) -> Retriever:
    return Retriever.open(workspace)


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


def test_city_named_also_ranks_its_province(workspace: Workspace) -> None:
    scope = workspace.places.scope("宿迁")
    assert scope.boosts["suqian-2022-36"] > scope.boosts["jiangsu-2019-178"] > 1


def test_an_article_and_its_item_never_fill_two_places(retriever: Retriever) -> None:
    ids = [h.unit_id for h in retriever.search("外部考点", limit=10).hits]
    roots = [i.split("/item_")[0].split("/pt_")[0] for i in ids]
    assert len(roots) == len(set(roots))


def test_lexicon_words_are_spelt_as_normalised_text(workspace: Workspace) -> None:
    """Questions and clauses are matched after 四级 -> 4级; a lexicon word left as 四级 would never fire."""
    from assistant.lang.text import normalize, numbers_to_arabic

    lex = workspace.lexicon
    words = [w for c in lex.concepts.values() for w in c.triggers + c.expand] + [w for ws in lex.asks.values() for w in ws]
    assert all(numbers_to_arabic(normalize(w)) == w for w in words)
    assert "4级" in lex.concepts["level"].expand


def test_a_level_in_chinese_numerals_meets_the_clause_that_states_it(retriever: Retriever) -> None:
    result = retriever.search("我们想从四级往上开二级，得等几年")
    assert result.hits and result.hits[0].unit_id.startswith("suqian-2022-36/art_6")
    assert "4级" in result.hits[0].matched_terms


def test_a_question_naming_a_document_by_its_title() -> None:
    """The run of the question that is part of a title and ends with a kind of document names it."""
    from assistant.search.query import named_span

    titles = ["兵团技能人才评价机构管理办法(试行)", "西藏自治区机关、事业单位技师考聘办法(试行)"]
    assert named_span("兵团技能人才评价机构管理办法从哪天开始施行？", titles) == "兵团技能人才评价机构管理办法"
    assert named_span("西藏技师考聘办法的制定依据是什么？", titles) == "技师考聘办法"
    assert named_span("评价机构的办法有哪些", titles) == ""  # 办法 alone names nothing
    assert named_span("考评员要几个人", titles) == ""
