"""Verdicts on questions worded as people write them, on the real corpus: levels counted from a filing
date said by its month, a level beyond the filing asked as work to do now, a lapsed 江苏 filing carried
over (视同连续备案), a route chosen by the facts stated, and the one document that holds a determination."""

from __future__ import annotations

from datetime import date

from assistant.dialogue import DialogueState, Turn, turn
from assistant.understand.question import parse_question
from assistant.workspace import Workspace


def talk(workspace: Workspace, today: date, *lines: str) -> list[Turn]:
    state: DialogueState | None = None
    turns = []
    for line in lines:
        step = turn(state, parse_question(line, workspace.places), workspace, today=today)
        state = step.state
        turns.append(step)
    return turns


def unmet(step: Turn) -> list[str]:
    verdict = step.verdict
    return [c.citation.unit_id for c in (verdict.conditions if verdict else []) if c.status == "unmet" and c.citation]


def test_levels_count_years_from_a_month_only_filing_date(workspace: Workspace) -> None:
    early, = talk(workspace, date(2025, 6, 1), "沭阳县鉴定机构备案的第三方评价机构，今年1月才备案，想申请开展二级，可以吗？")
    assert early.verdict and early.verdict.status == "not_eligible"
    assert unmet(early) == ["suqian-2022-36/art_6/item_1"]
    later, = talk(workspace, date(2025, 6, 1), "沭阳县鉴定机构备案的第三方评价机构，2022年9月备案的，想申请开展二级，可以吗？")
    assert later.verdict and later.verdict.status == "eligible"


def test_a_level_beyond_the_filing_asked_as_work_now_is_unmet(workspace: Workspace) -> None:
    step, = talk(workspace, date(2025, 6, 1), "宿迁市鉴定机构备案的第三方评价机构，能直接开展一级高级技师的认定吗？")
    assert step.verdict and step.verdict.status == "not_eligible"
    assert unmet(step) == ["suqian-2022-36/art_6/item_2"]


def test_levels_without_a_place_are_answered_for_the_one_document_that_holds_them(workspace: Workspace) -> None:
    step, = talk(workspace, date(2025, 6, 1), "县区鉴定机构备案的第三方评价机构，可以认定哪几个等级？")
    assert step.verdict and step.verdict.status == "eligible"
    assert step.answer and "以下按宿迁市的规定回答" in step.answer


def test_a_lapsed_jiangsu_filing_is_carried_over_when_supervision_found_nothing(workspace: Workspace) -> None:
    clean, = talk(workspace, date(2025, 10, 1), "苏州的评价机构，2023年9月1日备案，两年里随机督导没有发现违规违纪，现在备案还有效吗？")
    assert clean.verdict and clean.verdict.status == "eligible"
    assert "jiangsu-2019-178/sec_3/item_1" in clean.citations
    unknown, = talk(workspace, date(2025, 10, 1), "苏州的评价机构，2023年9月1日备案，现在备案还有效吗？")
    assert unknown.verdict and unknown.verdict.status == "needs_info"


def test_facts_only_one_route_reads_choose_it(workspace: Workspace) -> None:
    step, = talk(workspace, date(2025, 6, 1), "池州的机构，理论考试场地只有五十平，能备案吗？")
    assert step.verdict and step.verdict.status == "not_eligible"
    assert unmet(step) == ["chizhou-2024-4/art_8/pt_5/sub_2"]


def test_a_condition_stated_as_not_yet_done_fails(workspace: Workspace) -> None:
    step, = talk(workspace, date(2025, 6, 1), "湖州一家规模以上企业想做认定机构，职业技能等级津贴制度还没建立，行吗？")
    assert step.verdict and step.verdict.status == "not_eligible"
    assert "zhejiang-2022-20-jigou/art_8/item_1/pt_3" in unmet(step)


def test_still_in_time_is_said_against_today(workspace: Workspace) -> None:
    late, = talk(workspace, date(2025, 12, 2), "江苏的认定单位，11月10号评价结束的，现在提交成绩还来得及吗？")
    assert late.intent == "deadline" and late.answer and "最迟 2025-11-24" in late.answer and "已超过期限" in late.answer
    early, = talk(workspace, date(2025, 11, 12), "江苏的认定单位，11月10号评价结束的，现在提交成绩还来得及吗？")
    assert early.answer and "尚在期限内" in early.answer


def test_a_route_named_by_its_own_words_is_the_one_judged(workspace: Workspace) -> None:
    """江苏 附件3 has two ways in; a question that says 第三方评价机构 is judged on that one (附件3 二), not on the
    用人单位 rows (附件3 一), with no word list: the route's own name chooses it."""
    step, = talk(workspace, date(2025, 6, 1), "我们是苏州的第三方评价机构，没有评价题库，能申请备案吗？")
    assert step.verdict is not None
    cited = {c.citation.unit_id for c in step.verdict.conditions if c.citation}
    assert cited and all(u.startswith("jiangsu-2019-178/annex_3/sec_2/") for u in cited)


def test_a_city_answered_from_its_province_says_so(workspace: Workspace) -> None:
    from assistant.engine import Engine

    answer = Engine.open(workspace).ask("苏州 第三方评价机构评估需要什么条件")
    assert "苏州没有单独收录文件，按江苏省的文件回答" in answer.notes
