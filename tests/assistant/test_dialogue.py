"""The conversation layer: short replies fill the field asked about, corrections replace, 不知道 is an
answer, 为什么问这个 cites the clauses needing the fact, a failed verdict asks nothing more."""

from __future__ import annotations

from datetime import date

from assistant.dialogue import DialogueState, Turn, turn
from assistant.understand.question import parse_question
from assistant.workspace import Workspace


def talk(workspace: Workspace, *lines: str) -> list[Turn]:
    state: DialogueState | None = None
    turns = []
    for line in lines:
        step = turn(state, parse_question(line, workspace.places), workspace, today=date(2025, 6, 1))
        state = step.state
        turns.append(step)
    return turns


def test_short_replies_fill_the_asked_field(workspace: Workspace) -> None:
    first, second = talk(workspace, "我们是吉林的技工学校，能申请认定机构吗？", "不是")
    assert first.state.pending == "bad_record" and "不良" in first.follow_up[0]
    assert second.state.profile.bad_record is False
    assert second.state.pending != "bad_record"


def test_unmet_condition_stops_the_questions(workspace: Workspace) -> None:
    (step,) = talk(workspace, "我们是吉林的技工学校，场地只有600平方米，能申请吗")
    assert step.verdict is not None and step.verdict.status == "not_eligible"
    assert step.follow_up == [] and step.state.pending is None
    assert any("600 → 至少 1000" in c for c in step.verdict.changes_needed)


def test_correction_replaces_the_earlier_fact(workspace: Workspace) -> None:
    *_, last = talk(workspace, "我们是吉林的技工学校，场地1200平方米，能申请吗", "说错了，场地是800平方米")
    assert last.state.profile.site_area == 800
    assert last.verdict is not None and last.verdict.status == "not_eligible"


def test_lease_reply_with_bare_years(workspace: Workspace) -> None:
    *_, last = talk(workspace, "我们是吉林的技工学校，能申请吗", "场地1200平方米", "租的，六年")
    profile = last.state.profile
    assert (profile.site_area, profile.site_owned, profile.site_tenure_years) == (1200, False, 6)


def test_why_cites_the_clauses_needing_the_fact(workspace: Workspace) -> None:
    first, why = talk(workspace, "我们是吉林的技工学校，能申请吗", "为什么问这个？")
    assert why.intent == "eligibility" and why.citations == ["jilin-2022-78/sec_1/item_2/pt_1"]
    assert "无违法违规、失信等不良行为记录" in (why.answer or "")
    assert why.follow_up == first.follow_up


def test_dont_know_moves_on_and_says_both_outcomes(workspace: Workspace) -> None:
    first, second = talk(workspace, "我们是池州的大中型企业，每级别6名考评员，有视频监控，能申请吗", "不知道")
    assert first.state.pending == "not_for_profit"
    assert second.verdict is not None and second.verdict.status == "needs_info"
    assert "not_for_profit" in second.state.declined and not second.follow_up
    assert "若这些条件都满足" in (second.answer or "")


def test_reset_forgets_everything(workspace: Workspace) -> None:
    *_, last = talk(workspace, "我们是吉林的技工学校，能申请吗", "重新开始")
    assert last.state.profile.org_type is None and last.state.determination is None and last.verdict is None


def test_place_without_documents_gets_no_verdict(workspace: Workspace) -> None:
    (step,) = talk(workspace, "我们是合肥的行业协会，能申请成为评价机构吗")
    assert step.verdict is None and "安徽省" in (step.answer or "")


def test_province_rules_bind_its_cities(workspace: Workspace) -> None:
    (step,) = talk(workspace, "我们是沭阳的行业协会，民政评估3A级，能申请吗")
    assert step.verdict is not None and step.verdict.status == "not_eligible"
    cited = {c.citation.unit_id for c in step.verdict.conditions if c.citation}
    assert "suqian-2022-36/art_2/item_8" in cited and any(u.startswith("jiangsu-2019-178/annex_3/sec_2") for u in cited)
