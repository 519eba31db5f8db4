"""Verdicts on what applicants say they lack or did, worded as people write, on the real corpus.

A requirement a list states beside another (有…专设机构和专职工作人员、内部质量督导人员) is read where said
to be lacking altogether; an assessment table's rows are conditions too; a month alone asks about all of it
(the window) or counts from its last day (keeping periods); a deadline after a step counts from the step's
end; the place, the history and the level of a sanction are read as said. Wording written from the
documents (宿迁 第二条, 浙江 第七条, 江苏 附件3, 吉林 二（二）、六, 池州 第七、九、十五、二十二条, 浙江监督
第二十、二十一条), not from the held-out questions."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.dialogue.acts import act_of
from assistant.engine import Engine
from assistant.understand.intent import classify
from assistant.understand.requirements_said import said, said_values
from assistant.understand.slots import read_slots
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


def ask(engine: Engine, text: str, today: date | None = None):  # type: ignore[no-untyped-def]
    engine.reset()
    return engine.ask(text, today=today)


def unmet(answer) -> list[str]:  # type: ignore[no-untyped-def]
    verdict = answer.verdict
    return [c.citation.unit_id for c in (verdict.conditions if verdict else []) if c.status == "unmet" and c.citation]


@pytest.mark.parametrize(("text", "expected"), [
    ("考务室有了 候考室还没有 能报吗", {"考务室": True, "候考室": False}),  # a space ends a clause
    ("学校没有开对口专业", {"within_school_majors": False}),  # 没有开: one negation
    ("督导员一个都没有", {"督导人员": False}),
    ("专职人员不到5个", {}),  # an amount, not a lack: the number's own rule decides
    ("专职的一个也没有", {"专职工作人员": False}),
    ("专职人员8人，督导员也有", {}),  # had: the amount's own rule reads it, and silence is the evaluation's
    ("收费标准我们不打算公示", {"fee_published": False}),
    ("这个工种超过了我们的培训范围", {"within_training_scope": False}),
    ("这个工种以前从没做过任何评价", {"evaluation_experience": False}),
    ("员工拿证以后也没落实待遇", {"待遇": False}),
    ("没有题库室和制卷室", {"题库室": False, "制卷室": False}),
])
def test_what_is_said_to_be_lacking(text: str, expected: dict[str, bool]) -> None:
    assert said(text) == expected


def test_counts_of_organisations_said_in_other_ways() -> None:
    assert said_values("这个工种已经备案了两家") == {"orgs_per_occupation": 3.0}
    assert said_values("我们算第三家") == {"orgs_per_occupation": 3.0}
    assert said_values("现在只有一家") == {"orgs_per_occupation": 2.0}


def test_slots_read_none_at_all_and_a_negated_list() -> None:
    assert read_slots("专职的一个都没有").values["fulltime_staff"] == 0.0
    assert read_slots("我们和负责人都没有违法违规、失信或不良记录").values["bad_record"] is False
    assert read_slots("没有题库室").values.get("question_bank") is None  # a room, not the bank
    assert read_slots("那边的人社局还没给我们备案").values.get("org_type") is None  # the body one files with


def test_staff_a_list_names_beside_the_department_decide_when_none_at_all(engine: Engine) -> None:
    answer = ask(engine, "宿迁的培训学校申请第三方评价机构，考评员有，就是督导员一个都没有，够条件吗？")
    assert answer.verdict and answer.verdict.status == "not_eligible"
    assert unmet(answer) == ["suqian-2022-36/art_2/item_2"]
    answer = ask(engine, "嘉兴的社会评价组织，人员都是兼职，专职的一个也没有，能设立评价机构吗？")
    assert answer.verdict and answer.verdict.status == "not_eligible"
    assert "zhejiang-2022-20-jigou/art_7/item_2" in unmet(answer)


def test_rows_of_an_assessment_table_are_conditions(engine: Engine) -> None:
    answer = ask(engine, "扬州一家企业以用人单位身份申请认定备案，这几年职工教育经费都没足额提取，评估能过吗？")
    assert answer.verdict and answer.verdict.status == "not_eligible"
    assert unmet(answer) == ["jiangsu-2019-178/annex_3/sec_1/row_13"]


def test_a_rule_a_kind_of_applicant_has_and_the_place_read_before_numerals(engine: Engine) -> None:
    answer = ask(engine, "通化的社会培训机构，想认定的职业超出了培训范围，能申报认定机构吗？")
    assert answer.verdict and unmet(answer) == ["jilin-2022-78/sec_2/item_2/pt_4"]
    answer = ask(engine, "四平一家行业协会，理论考场就一个，能报认定机构吗？")
    assert answer.jurisdictions[:1] == ["吉林省"] or answer.verdict and answer.verdict.status == "not_eligible"
    assert unmet(answer) == ["jilin-2022-78/sec_1/item_2/pt_3/sub_3"]


def test_an_enterprise_certifying_its_own_staff_and_their_treatment(engine: Engine) -> None:
    answer = ask(engine, "池州一家大型机械企业，想给本企业职工开展等级认定，拿证的员工一直没落实待遇，能备案吗？")
    assert answer.verdict and answer.verdict.status == "not_eligible"
    assert unmet(answer) == ["chizhou-2024-4/art_9/pt_4/sub_1"]


def test_a_month_alone_asks_about_the_whole_month(engine: Engine) -> None:
    closed = ask(engine, "吉林的认定机构，9月份可以申报吗？", today=date(2026, 1, 10))
    assert closed.intent == "window" and closed.verdict and closed.verdict.status == "not_eligible"
    assert "2026年9月" in closed.verdict.changes_needed[0]
    open_ = ask(engine, "吉林的认定机构，10月份可以申报吗？", today=date(2026, 1, 10))
    assert open_.verdict and open_.verdict.status == "eligible"
    assert "2026-10-15" in open_.verdict.obligations[0]
    # a condition of the organisation stated: the month is when it means to apply, whether it may is asked
    assert classify("我们协会前年民政年检不合格，今年10月能申报认定机构吗？") == "eligibility"


def test_a_month_alone_counts_a_keeping_period_from_its_last_day(engine: Engine) -> None:
    answer = ask(engine, "宿迁的机构，今年6月份考核的工件，现在能清理了吗？", today=date(2026, 12, 5))
    assert answer.verdict and answer.verdict.status == "not_eligible"  # 6月30日 + 半年 > 12月5日
    answer = ask(engine, "宿迁的机构，今年5月份考核的工件，现在能清理了吗？", today=date(2026, 12, 5))
    assert answer.verdict and answer.verdict.status == "eligible"


def test_a_deadline_after_a_step_counts_from_the_steps_end(engine: Engine) -> None:
    answer = ask(engine, "池州的评价机构，认定结果2026年3月2日开始公示，按7天算，没有异议，结果最晚哪天报备？")
    due = [d for d in (answer.computed or {}).get("due", []) if d["event"] == "结果报备"]
    assert [(d["start"], d["due"]) for d in due] == [("2026-03-08", "2026-03-20")]
    plain = ask(engine, "池州的评价机构，认定结果公示2026年3月8日结束，没有异议，结果报备最晚哪天？")  # the step's end, said
    assert [(d["start"], d["due"]) for d in plain.computed["due"] if d["event"] == "结果报备"] == [("2026-03-08", "2026-03-20")]


def test_sanctions_read_as_said(engine: Engine) -> None:
    answer = ask(engine, "浙江一家社会评价组织只备案了四级，结果做了三级的认定，会怎么处理？")
    ladder = (answer.computed or {})["ladders"][0]
    assert ladder["now"]["trigger_unit"] == "zhejiang-2022-20-jiandu/art_20/item_2"
    answer = ask(engine, "浙江的评价机构之前因为没及时上报证书数据被约谈过，这次又犯了，会怎样？")
    ladder = (answer.computed or {})["ladders"][0]
    assert ladder["now"]["trigger_unit"] == "zhejiang-2022-20-jiandu/art_20/item_1"
    answer = ask(engine, "池州一家评价组织，备案时报的专职人员名单是假的，会怎么处理？")
    assert "chizhou-2024-4/art_22/pt_4" in [c.unit_id for c in answer.citations]


def test_certifying_in_another_city_needs_its_filing(engine: Engine) -> None:
    answer = ask(engine, "池州的评价组织，想去外市开展认定，那个市的人社局还没给我们备案，能先去吗？")
    assert answer.intent == "external_site"
    assert answer.verdict and answer.verdict.status == "not_eligible"
    assert unmet(answer) == ["chizhou-2024-4/art_7"]
    assert classify("我们想到吉林开展认定，能申请吗？") == "eligibility"  # applying there, not working there


def test_thanks_with_the_users_next_step_and_what_to_tell() -> None:
    assert act_of("好的谢谢，我先去整理一下材料") == "thanks"
    assert act_of("谢谢，我先去整理一下材料要交几份？") is None
    assert classify("你需要知道哪些信息才能判断我们能不能申请？") == "help"
