"""An item of a list is read with the list's opening: 申请…评鉴之单位，应符合下列资格之一： → (二)学校：….

台中's notice (queries/unseen-docs4/corpus/u506, added without phrasings) lists who may apply for a test-site
accreditation under 三、; an outline section holding a list is not itself indexed, so the item must carry
what its section's lead says, or a question asking "which schools may apply for …" finds only items and
clauses elsewhere that repeat the accreditation's name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.search.retriever import Retriever

ITEM = "taizhong-2024-shukeceshi-changdi/sec_3/item_2"


@pytest.fixture(scope="module")
def added(added_retriever: Callable[[str, str], Retriever]) -> Retriever:
    return added_retriever("unseen-docs4", "u506_*")


def test_an_item_carries_the_lead_of_its_list(added: Retriever) -> None:
    above = added._above(added._unit(ITEM))
    assert "应符合下列资格之一" in above and "术科测试场地" in above


def test_a_clause_that_is_no_item_carries_nothing(added: Retriever) -> None:
    assert added._above(added._unit("taizhong-2024-shukeceshi-changdi/sec_2")) == ""


def _rank(retriever: Retriever, question: str) -> int:
    ids = [h.unit_id for h in retriever.search(question, limit=10).hits]
    return ids.index(ITEM) + 1 if ITEM in ids else 99


def test_the_item_answers_what_its_list_opens_with(added: Retriever, monkeypatch: pytest.MonkeyPatch) -> None:
    """Second, behind the notice's 二、 (which asks the units meeting the 设立资格 to set up test sites); without
    its list's lead the item says only 学校 and falls behind the notice's other clauses."""
    question = "什么样的学校可以申请技能检定术科测试场地及机具设备评鉴？"
    with_lead = _rank(added, question)
    monkeypatch.setattr("assistant.search.retriever.ABOVE_SAID", 0.0)
    monkeypatch.setattr("assistant.search.retriever.ABOVE_PAIRS", 0.0)
    assert with_lead <= 2 < _rank(added, question)
