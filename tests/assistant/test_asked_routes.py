"""Verdicts on questions as applicants word them: the route follows what is asked, not words of the stated
facts; kept material may be destroyed once its period has run; history climbs the sanction ladder; a renewal
or an extension is checked against its clause; the scorer compares due dates by day and clause.

Wording written from the documents (宿迁 第十二条, 池州 第十六条, 浙江监督 第十九—二十一条, 浙江 第二十三条,
宿迁 第十七条, 吉林 六), in the ways an applicant or an officer would ask."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.dialogue.fill import registered_elsewhere
from assistant.engine import Engine
from assistant.evaluation.scenarios import Due, due_matches
from assistant.reason.sanction import beyond_level
from assistant.understand.intent import ask_part, classify
from assistant.understand.slots import read_slots
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


def ask(engine: Engine, text: str, today: date | None = None):  # type: ignore[no-untyped-def]
    engine.reset()
    return engine.ask(text, today=today)


@pytest.mark.parametrize(("text", "intent"), [
    # a fact's words (租期 … 到期, 年检, 证书过期, 整改) do not decide: the clause asking does
    ("我们协会在长春，场地租的，合同签了四年，到期再续签，这样能申报认定机构吗？", "eligibility"),
    ("池州一家培训学校，去年民政年检没过，整改完了，今年还能备案吗？", "eligibility"),
    ("我们的考评员有一半证书已经过期了，还没续，这样能申请备案吗？", "eligibility"),
    ("评价机构去年被约谈过，今年又没按时上报证书数据，这回会怎么处理？", "sanction"),
    ("只备案到四级，却给考生评了三级，会受到什么处理？", "sanction"),
    ("宿迁的评价机构，想在外县先把考点开起来，鉴定机构还没核准，先考后补可不可以？", "external_site"),
    ("评价机构2023年3月设立的，现在想把延续申请交上去，可以吗？", "validity"),
    # a day next to handing in the application asks about the window, whoever hands it in
    ("吉林认定机构的申报材料，下周三交还来得及吗？", "window"),
    ("吉林的社会培训评价组织征集，10月20号去交行不行？", "window"),
    ("吉林一年里哪几个时间段能申报认定机构？", "window"),
    # … but a day next to handing in something with a deadline of its own stays a deadline
    ("发证日期是9月1日，今天报证书数据还来得及吗？", "deadline"),
    # whether kept material may go yet is the keeping period read the other way round
    ("池州评价机构前年那批纸质档案能销毁了吗？", "deadline"),
    ("宿迁这边去年考核的工件可以处理掉了吗？", "deadline"),
    # … but destroying them is an offence when the ask is what happens
    ("浙江的评价机构私自销毁了评价档案，会怎样？", "sanction"),
    # 会受什么处理, 会有什么结果 ask what happens, whatever the facts name (有效期满了, 忘了申请延续)
    ("浙江的评价机构有效期到了，一直没提交延续申请，会受什么处理？", "sanction"),
    ("江苏的认定单位连续三年都没开展过认定，会有什么结果？", "sanction"),
    ("吉林的认定机构，2022年备案的，现在资格还在不在？", "validity"),
    # 降了一级 is a step down a scale, not the level 一级
    ("宿迁的行业协会，民政评估去年降了一级，现在是3A，能做第三方评价机构吗？", "eligibility"),
])
def test_the_route_follows_what_is_asked(text: str, intent: str) -> None:
    assert classify(text) == intent


@pytest.mark.parametrize(("text", "asked"), [
    ("场地是租的，合同签了三年。这样能申报吗？", "这样能申报吗"),
    ("合同签了三年，这样行吗？", "合同签了三年 这样行吗"),  # a bare yes/no asks about its whole sentence
    ("我们想在外市设考点，当地还没确认，先考后补可不可以？", "我们想在外市设考点 先考后补可不可以"),
    ("外部考点条件", "外部考点条件"),  # no question form: all of it is asked
])
def test_the_ask_is_told_from_the_stated_facts(text: str, asked: str) -> None:
    assert ask_part(text)[0] == asked


# a batch named by its month counts from the month's last day (nothing is called disposable before its time)
@pytest.mark.parametrize(("text", "today", "status", "cited", "says"), [
    ("宿迁的第三方评价机构，2025年3月考核的工件现在能处理掉了吗？", date(2025, 12, 1), "eligible",
     "suqian-2022-36/art_12", "2025-09-30"),
    ("宿迁的第三方评价机构，2025年3月考核的工件现在能处理掉了吗？", date(2025, 6, 1), "not_eligible",
     "suqian-2022-36/art_12", "2025-09-30"),
    ("宿迁的第三方评价机构，早年认定材料扫描的电子档能删除吗？", date(2026, 1, 5), "not_eligible",
     "suqian-2022-36/art_12", "永久"),
    ("池州的评价机构，2022年6月那批认定的纸质材料现在能销毁了吗？", date(2025, 7, 1), "eligible",
     "chizhou-2024-4/art_16", "2025-06-30"),
    ("池州的评价机构，2023年6月那批考场视频监控录像现在能删掉吗？", date(2026, 7, 1), "not_eligible",
     "chizhou-2024-4/art_16", "2028-06-30"),
])
def test_kept_material_may_go_once_its_period_has_run(engine: Engine, text: str, today: date, status: str,
                                                       cited: str, says: str) -> None:
    answer = ask(engine, text, today)
    assert answer.verdict is not None and answer.verdict.status == status, answer.answer
    assert answer.citations[0].unit_id == cited and says in answer.answer


def test_kept_material_without_a_date_asks_for_it(engine: Engine) -> None:
    answer = ask(engine, "池州的评价机构，纸质档案现在能销毁吗？", date(2026, 1, 5))
    assert answer.verdict is not None and answer.verdict.status == "needs_info"
    assert answer.follow_up and "哪天" in answer.follow_up[0]


@pytest.mark.parametrize(("text", "today", "now", "trigger"), [
    # 约谈 was already the measure: the next rung (浙江监督 第二十条第（一）项)
    ("浙江的评价机构，上半年因为没按要求使用统一题库被人社约谈过，下半年又没用统一题库，这次怎么处理？", None,
     "书面通知", "zhejiang-2022-20-jiandu/art_20/item_1"),
    # 情节严重 moves a 第十九条 case up to 第二十条
    ("浙江一家评价机构没有完整保存评价档案资料，情节特别严重，会怎么处理？", None,
     "书面通知", "zhejiang-2022-20-jiandu/art_20/item_1"),
    # 书面通知 already received, the same failing again: 第二十一条第（一）项
    ("浙江的评价机构去年抽查不合格，接到过人社的书面通知，今年专项督查又不合格，会怎样？", None,
     "取消评价资格", "zhejiang-2022-20-jiandu/art_21/item_1"),
    # a while without working, dated: the trigger counting it
    ("浙江的评价机构，上一次组织评价是2023年5月，之后一直没开展，人社会怎么处理？", date(2025, 9, 1),
     "取消评价资格", "zhejiang-2022-20-jiandu/art_21/item_7"),
    ("浙江的评价机构，上一次组织评价是2025年1月，之后一直没开展，人社会怎么处理？", date(2025, 9, 1),
     "书面通知", "zhejiang-2022-20-jiandu/art_20/item_4"),
    # … or said as a while (已经三年没组织过评价了)
    ("浙江有家评价机构已经三年没组织过评价了，会有什么结果？", None,
     "取消评价资格", "zhejiang-2022-20-jiandu/art_21/item_7"),
    # a level certified above the one filed is 超等级
    ("浙江的评价机构只备案了四级，却给几个考生评了三级，会怎么处理？", None,
     "书面通知", "zhejiang-2022-20-jiandu/art_20/item_2"),
    ("浙江的评价机构备案到四级，却组织了三级的认定，会受什么处理？", None,
     "书面通知", "zhejiang-2022-20-jiandu/art_20/item_2"),
])
def test_history_moves_up_the_ladder(engine: Engine, text: str, today: date | None, now: str, trigger: str) -> None:
    answer = ask(engine, text, today)
    ladder = (answer.computed or {}).get("ladders", [])[0]
    assert now in ladder["now"]["measures"] and ladder["now"]["trigger_unit"] == trigger, ladder


@pytest.mark.parametrize(("text", "level"), [
    ("只备案到三级，却评了二级", "超等级范围评价"),
    ("备案到二级，这次只评了四级", ""),
    ("备案的是三级", ""),
])
def test_a_level_above_the_filing(text: str, level: str) -> None:
    assert beyond_level(text) == level


@pytest.mark.parametrize(("text", "today", "status", "change"), [
    # 宿迁 第十七条: 最多延长2年
    ("宿迁的第三方评价机构，一直没违规，社会评价好，想把备案有效期延长四年，行吗？", None, "not_eligible", "至多 2 年"),
    # 浙江 第二十三条: 期满前3个月内申请延续
    ("浙江的评价机构，2024年6月1日设立的，现在就想提交延续申请，可以吗？", date(2025, 6, 1), "not_eligible",
     "2027-03-01"),
])
def test_renewal_and_extension_are_checked_against_the_clause(engine: Engine, text: str, today: date | None,
                                                              status: str, change: str) -> None:
    answer = ask(engine, text, today)
    assert answer.verdict is not None and answer.verdict.status == status, answer.answer
    assert any(change in c for c in answer.verdict.changes_needed), answer.verdict.changes_needed


def test_a_renewal_told_is_not_a_renewal_asked(engine: Engine) -> None:
    answer = ask(engine, "浙江的评价机构，2023年5月设立的，一直没申请过延续，现在还有效吗？", date(2025, 9, 1))
    assert answer.verdict is not None and answer.verdict.status == "eligible", answer.answer


def test_an_approval_not_obtained_stops_an_external_site(engine: Engine) -> None:
    answer = ask(engine, "宿迁的企业类第三方评价机构，外部考点实地评估合格了，还没报考点所在地鉴定机构核准，能先开考吗？")
    assert answer.verdict is not None and answer.verdict.status == "not_eligible"
    assert any(c.citation and c.citation.unit_id == "suqian-2022-36/art_9/item_2" for c in answer.verdict.conditions
               if c.status == "unmet")


@pytest.mark.parametrize(("text", "expected"), [
    ("办公用房是四十五个平方", {"office_area": 45.0}),
    ("负责评价的部门有一间办公室，二十平方", {"office_area": 20.0, "site_area": None}),
    ("有12个考核工位，两个场地都装了监控", {"work_stations": 12.0}),
    ("备案以来没违规，想把有效期延长三年", {"evaluation_years": None}),
    ("民政评估去年降了一级", {"target_level": None}),
    ("因为拒绝采用无纸化机考被约谈过", {"interviewed_before": True}),
])
def test_readers(text: str, expected: dict[str, object]) -> None:
    values = read_slots(text).values
    assert {k: values.get(k) for k in expected} == expected, values


@pytest.mark.parametrize(("said", "correction"), [
    # a bare number after a failure corrects the failing fact
    ("池州的社会培训评价组织，办公用房30平方米，能备案吗？", "说错了，是55平方米"),
    # a failed review moved outside the look-back period no longer fails it
    ("吉林的行业协会，前年民政年审没合格，能申报认定机构吗？", "不对，是六年前没通过，近几年都合格"),
])
def test_a_correction_after_a_failure_replaces_the_failing_fact(engine: Engine, said: str, correction: str) -> None:
    engine.reset()
    first = engine.ask(said)
    second = engine.ask(correction)
    assert first.verdict is not None and first.verdict.status == "not_eligible"
    assert second.verdict is not None and second.verdict.status == "needs_info", second.answer


@pytest.mark.parametrize("reply", ["好的，明白了", "谢谢，你真厉害"])
def test_an_acknowledgement_does_not_repeat_the_verdict(engine: Engine, reply: str) -> None:
    engine.reset()
    engine.ask("吉林的技工学校，场地只有600平方米，能申请吗？")
    answer = engine.ask(reply)
    assert answer.intent == "smalltalk" and answer.verdict is None



def test_registered_in_one_place_applying_in_another() -> None:
    words = {"无锡": "江苏省", "杭州": "浙江省"}
    assert registered_elsewhere(words, "我们是无锡注册的公司，想去杭州申请评价机构") == ["浙江省"]
    assert registered_elsewhere(words, "我们是无锡注册的公司，想在无锡申请") == []


@pytest.mark.parametrize(("event", "unit", "cites", "right"), [
    ("认定计划报送", "j/sec_5/item_3", ["j/sec_5/item_3"], True),  # named otherwise, same day and clause
    ("告知是否受理", "j/sec_2/item_1", ["j/sec_2"], True),  # an article covers its items
    ("证书数据上报", "j/sec_5/item_3", [], False),  # nothing in common: another event
    ("认定计划报送", "j/sec_5/item_3", ["j/sec_5/item_5"], False),  # another clause
])
def test_the_scorer_compares_due_dates_by_day_and_clause(event: str, unit: str, cites: list[str], right: bool) -> None:
    item = {"event": "计划报备" if "计划" in event or "证书" in event else "受理告知", "due": "2026-04-24", "unit_id": unit}
    assert due_matches(item, Due(event=event, date=date(2026, 4, 24)), cites) is right
    assert not due_matches(item, Due(event=event, date=date(2026, 4, 23)), cites)


def test_an_organisation_described_without_a_topic_asks_whether_it_qualifies(engine: Engine) -> None:
    answer = ask(engine, "要是在浙江杭州注册一个独立法人的评价公司呢？场地自有的2000平，专职6个人。")
    assert answer.intent == "eligibility" and answer.verdict is not None, answer.answer


def test_a_place_corrected_after_a_place_without_documents_keeps_the_facts(engine: Engine) -> None:
    engine.reset()
    first = engine.ask("我们是西安的培训学校，场地只有700平方米，能申请认定机构吗？")
    second = engine.ask("说错了，我们在吉林")
    third = engine.ask("外部考点条件")
    assert first.verdict is None
    assert second.verdict is not None and second.verdict.status == "not_eligible", second.answer
    assert any(c.citation and c.citation.unit_id == "jilin-2022-78/sec_1/item_2/pt_3/sub_1"
               for c in second.verdict.conditions if c.status == "unmet")
    assert "西安" not in third.answer  # the place without a document is not remembered
