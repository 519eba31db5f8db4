"""A topic joining several topics (视频监控与档案保存) is briefed as each of them: read on the real corpus."""

from __future__ import annotations

import pytest

from assistant.brief.conjuncts import parts
from assistant.brief.select import Selector
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
from kg.extract import extract_all
from kg.models import Corpus


@pytest.fixture(scope="module")
def retriever(workspace: Workspace) -> Retriever:
    return Retriever.open(workspace)


@pytest.fixture(scope="module")
def selector(corpus: Corpus, retriever: Retriever) -> Selector:
    return Selector(corpus, extract_all(corpus), retriever)


@pytest.mark.parametrize(("topic", "expected"), [
    ("视频监控与档案保存", ["视频监控", "档案保存"]),
    ("证书发放和收费标准", ["证书发放", "收费标准"]),
    ("考评人员、场地要求", ["考评人员", "场地要求"]),
    ("试题与试卷保管", ["试题保管", "试卷保管"]),  # 试题 alone is too bare: the 保管 is its too
    ("考场与设备", ["考场", "设备"]),  # bare words of one kind are each a topic
    ("公示期及方式", ["公示期"]),  # 方式 alone is none, and 公示期 is one word to share nothing of
    ("参与评价的单位", []),  # 与 inside 参与 joins nothing
    ("证书及时发放", []),  # nor 及 inside 及时
    ("公示期", []),
])
def test_a_topic_is_split_where_a_conjunction_joins_topics(retriever: Retriever, topic: str,
                                                           expected: list[str]) -> None:
    assert parts(topic, retriever.tok.tokens, retriever.tok.words) == expected


def test_a_joined_topic_cites_what_each_of_its_topics_cites(selector: Selector) -> None:
    joined = set(selector.select("视频监控与档案保存"))
    for part in ("视频监控", "档案保存"):
        assert set(selector.select(part)) <= joined, part


def test_a_clause_on_half_of_a_joined_topic_is_cited(selector: Selector) -> None:
    """浙江 suspends an organisation whose 年度考核 fails (第二十条第（三）项), 池州 cancels one rated below three
    stars (第二十二条 6): each names one half of 年度考核与星级, and both are on it."""
    cited = selector.select("年度考核与星级")
    assert "zhejiang-2022-20-jiandu/art_20/item_3" in cited
    assert "chizhou-2024-4/art_22/pt_6" in cited
    assert "zhejiang-2022-20-jiandu/art_20/item_2" not in cited  # 超范围评价, the item beside it

