"""A determination only when the question asks for one: a lookup (要交哪些材料, 至少几名, 向哪一级) is answered
with its clause and the determination offered, whether or not it names a place; a yes/no about a place
(通化…3月20日能申报吗) or the asker's own case (我们是企业) still gets its verdict; the text says 结论 exactly
when the answer carries a verdict.

Questions written in the ways an applicant would ask, from 江苏 细则 一（一）/（三）, 浙江 机构办法 第九条,
吉林 征集通知 六."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.engine import Engine
from assistant.models import Answer
from assistant.understand.intent import asks_value, asks_yes_no
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


def ask(engine: Engine, text: str) -> Answer:
    engine.reset()
    return engine.ask(text, today=date(2026, 1, 10))


@pytest.mark.parametrize("text", [
    "常州的企业申请认定备案，要递交哪些材料",  # a place named: still a lookup
    "无锡 认定单位 评估专家至少几名",
    "丽水的社会评价组织设立以后向哪一级部门报",
    "申请成为评价机构，要准备哪些东西",
])
def test_a_lookup_gets_its_clause_and_no_verdict(engine: Engine, text: str) -> None:
    answer = ask(engine, text)
    assert answer.coverage == "covered"
    assert answer.verdict is None
    assert "结论" not in answer.answer
    assert answer.answer.startswith("据《")  # the clause answers first


def test_the_determination_is_offered_and_a_reply_takes_it_up(engine: Engine) -> None:
    """The follow-up stays as an offer (如需判断…); answering it opens the determination."""
    first = ask(engine, "常州的企业申请认定备案，要递交哪些材料")
    assert first.verdict is None and first.follow_up
    assert "如需判断，请告诉我" in first.answer
    reply = engine.ask("2000平方米", today=date(2026, 1, 10))
    assert reply.verdict is not None


@pytest.mark.parametrize("text", [
    "通化的技工学校，3月20日能申报认定机构吗",  # a place and a yes/no: the place's determination is asked
    "常州的企业申请认定备案，要递交哪些材料？我们是企业",  # the asker's own case
])
def test_a_determination_asked_for_is_given(engine: Engine, text: str) -> None:
    answer = ask(engine, text)
    assert answer.verdict is not None
    assert "结论" in answer.answer


@pytest.mark.parametrize("text", [
    "常州的企业申请认定备案，要递交哪些材料",
    "通化的技工学校，3月20日能申报认定机构吗",
    "吉林 认定机构 办公用房要有哪几间",
    "宁波的评价组织设立要向哪一级人社部门申请",
    "评价机构备案的条件有哪些",
])
def test_text_and_json_agree_on_the_verdict(engine: Engine, text: str) -> None:
    answer = ask(engine, text)
    assert ("结论" in answer.answer) == (answer.verdict is not None)


def test_a_lookup_its_route_cannot_judge_is_answered_by_its_clause(engine: Engine) -> None:
    """No rules to judge by is no reason to print 无法给出结论 to a question that asked for none."""
    answer = ask(engine, "宁波的评价组织设立要向哪一级人社部门申请")
    assert "无法给出结论" not in answer.answer and answer.answer.startswith("据《")


@pytest.mark.parametrize(("text", "yes_no", "value"), [
    ("通化的技工学校，3月20日能申报认定机构吗", True, False),
    ("我们协会可不可以申请备案", True, False),
    ("常州的企业申请认定备案，要递交哪些材料", False, True),
    ("场地最少要多少平方米", False, True),
    ("吉林申报职业技能等级认定机构要交哪些材料？", False, True),  # 技能 is no modal 能
    ("宿迁 第三方评价机构能认定几级", False, False),  # 能: the asker's capacity, a determination
    ("评价机构备案的条件有哪些", False, False),  # the determination's own subject
    ("外部考点怎么设", False, False),
])
def test_the_ask_read(text: str, yes_no: bool, value: bool) -> None:
    assert asks_yes_no(text) is yes_no
    assert asks_value(text) is value


def test_a_term_asked_is_a_lookup_and_a_yes_no_on_it_a_determination(engine: Engine) -> None:
    """管几年 leads with the clause and offers the computation; 可不可以延长 asks, so its 结论 is said."""
    looked_up = ask(engine, "宿迁第三方评价机构备案后管几年")
    assert "结论" not in looked_up.answer and "如需计算，请告诉我" in looked_up.answer
    asked = ask(engine, "宿迁的第三方评价机构，备案有效期可不可以延长")
    assert asked.verdict is not None and "结论" in asked.answer
