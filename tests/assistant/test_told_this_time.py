"""Verdicts on what the question tells this time: the behaviour a sanction question describes is matched to a
trigger, not its question words nor the history told beside it (上半年因为…被约谈过一次；这回又…), written from 浙江监督
第十九—二十一条; a stated amount against a threshold the graph read (宿迁 第八条 桌距)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.engine import Engine
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


@pytest.mark.parametrize(("question", "trigger", "measure"), [
    # the history is a 约谈 for another behaviour; this time it is beyond the filed occupations
    ("宁波的评价机构，去年因为没及时公开评价计划被约谈过；这次又被查到超职业范围评价，会怎么处理？",
     "zhejiang-2022-20-jiandu/art_20/item_2", "书面通知"),
    # a written notice already (被出过书面通知), then another 第二十条 behaviour: the next rung
    ("嘉兴一家评价机构，前年超等级评价被出过书面通知，今年又没按期完成督查发现问题的整改，这次会怎样？",
     "zhejiang-2022-20-jiandu/art_21/item_1", "取消评价资格"),
    # 情节严重 of a 第十九条 behaviour, asked as 处理会是什么
    ("浙江一家评价机构一直不用统一试题资源，被认定情节严重，处理会是什么？",
     "zhejiang-2022-20-jiandu/art_20/item_1", "书面通知"),
])
def test_the_behaviour_told_this_time_picks_the_rung(engine, question: str, trigger: str, measure: str) -> None:  # type: ignore[no-untyped-def]
    engine.reset()
    answer = engine.ask(question, today=date(2026, 6, 1))
    assert answer.intent == "sanction"
    ladders = (answer.computed or {}).get("ladders") or []
    assert ladders and ladders[0]["now"]["trigger_unit"] == trigger and measure in ladders[0]["now"]["measures"], ladders


def test_a_desk_distance_below_the_clause_fails_it(engine) -> None:  # type: ignore[no-untyped-def]
    """宿迁 第八条 桌距不小于80cm: the threshold read from the graph, the change said in its unit."""
    engine.reset()
    answer = engine.ask("宿迁的第三方评价机构，理论考场桌子之间只隔了五十公分，能行吗？", today=date(2026, 6, 1))
    assert answer.verdict is not None and answer.verdict.status == "not_eligible"
    unmet = [c for c in answer.verdict.conditions if c.status == "unmet"]
    assert [c.citation.unit_id for c in unmet if c.citation] == ["suqian-2022-36/art_8"]
    assert any("80" in change for change in answer.verdict.changes_needed)
