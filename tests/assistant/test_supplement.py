"""Determinations hold every condition their document's lists state, not only the ones the rule file
names: a stated fact that fails one is 不符合 citing its own clause; one left unstated is the evaluation's
to check and changes nothing (the rule of silence, README "Verdicts and conversations")."""

from __future__ import annotations

from pathlib import Path

from assistant.reason.checklist import evaluate
from assistant.reason.match import match_profile
from assistant.reason.profile import Profile, load_profile
from assistant.reason.rules import load_rules
from assistant.reason.supplement import supplemented
from assistant.workspace import Workspace

JILIN = {"jurisdictions": ["吉林省"], "org_type": "industry_association", "legal_person": True,
         "registered_in_jurisdiction": True, "bad_record": False, "annual_review_failed": False,
         "government_affiliated": False, "site_area": 1200, "site_owned": True, "fulltime_staff": 6,
         "video_monitoring": True, "not_for_profit": True}


def _verdict(workspace: Workspace, **fields: object):  # type: ignore[no-untyped-def]
    profile = Profile.model_validate(fields)
    checked = evaluate(load_rules("eligibility", workspace.corpus), profile, workspace.facts, workspace.corpus)
    assert checked.verdict is not None
    return checked.verdict


def _unmet(verdict) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.citation.unit_id for c in verdict.conditions if c.status == "unmet" and c.citation]


def test_a_room_the_list_requires_said_missing_fails_citing_its_item(workspace: Workspace) -> None:
    verdict = _verdict(workspace, **JILIN, stated={"保密室": False})
    assert verdict.status == "not_eligible"
    assert _unmet(verdict) == ["jilin-2022-78/sec_1/item_2/pt_3/sub_2"]
    verdict = _verdict(workspace, **JILIN, stated={"候考室": False})
    assert _unmet(verdict) == ["jilin-2022-78/sec_1/item_2/pt_3/sub_5"]


def test_an_unstated_supplementary_condition_changes_no_verdict(workspace: Workspace) -> None:
    silent = _verdict(workspace, **JILIN)
    assert silent.status == "eligible"
    assert not any(c.citation and c.citation.unit_id.endswith("pt_3/sub_2") for c in silent.conditions)
    partial = _verdict(workspace, **JILIN, stated={"保密室": True})  # 证书库, 办公室 not said: still the evaluation's
    assert partial.status == "eligible"
    every = _verdict(workspace, **JILIN, stated={"保密室": True, "证书库": True, "办公室": True})
    met = [c for c in every.conditions if c.citation and c.citation.unit_id.endswith("pt_3/sub_2")]
    assert every.status == "eligible" and [c.status for c in met] == ["met"]


def test_supplements_come_from_the_sets_own_lists(workspace: Workspace) -> None:
    det = load_rules("eligibility", workspace.corpus)
    full = {rs.id: rs for rs in supplemented(det, workspace.facts, workspace.corpus).rulesets}
    added = {rs.id: [c for c in full[rs.id].conditions if c not in rs.conditions] for rs in det.rulesets}
    for conds in added.values():
        for cond in conds:
            assert cond.unstated == "assessed" and cond.quote
            assert cond.quote.replace(" ", "") in workspace.corpus.unit(cond.unit).text.replace(" ", ""), cond
    units = {set_id: {c.unit for c in conds} for set_id, conds in added.items()}
    # 吉林: the items of 一（二）3 beside the ones the rule file cites; not 四（二）5, a list of materials
    assert {"jilin-2022-78/sec_1/item_2/pt_3/sub_2", "jilin-2022-78/sec_1/item_2/pt_3/sub_5"} <= units["jilin"]
    assert not any(u.startswith("jilin-2022-78/sec_4") for u in units["jilin"])
    # 池州: 1 个职业不超过 3 家 binds the 评价组织 route (第七条 is its obligation), not 第九条 企业
    assert "chizhou-2024-4/art_7" in units["chizhou-social"] and "chizhou-2024-4/art_7" not in units["chizhou-enterprise"]
    assert "chizhou-2024-4/art_9/pt_2" in units["chizhou-enterprise"]


def test_a_fourth_organisation_for_one_occupation_fails_chizhou(workspace: Workspace) -> None:
    verdict = _verdict(workspace, jurisdictions=["池州市"], org_type="training_institution", orgs_per_occupation=4)
    assert verdict.status == "not_eligible" and "chizhou-2024-4/art_7" in _unmet(verdict)


def test_a_profile_file_states_requirements_and_matching_reads_them(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("org_type: enterprise\nenterprise_size: large_medium\nlegal_person: true\n"
                    "stated:\n  related_to_main_business: false\n", encoding="utf-8")
    profile = load_profile(path)
    table = match_profile(workspace.corpus, workspace.facts, profile)
    by_place = {m.jurisdiction: m for m in table.matches}
    row = by_place["浙江省"]
    assert row.status == "not_eligible"
    assert [u.citation.unit_id for u in row.unmet if u.citation] == ["zhejiang-2022-20-jigou/art_8/item_1/pt_1"]
    # 池州's 第九条 (企业) fails the same way, but 第八条 (评价组织) is another way in that does not ask it
    assert by_place["池州市"].status == "needs_info" and by_place["池州市"].route == "第八条 社会培训评价组织"
    assert table.facts.get("与主营业务相关") == "否"


def test_a_said_requirement_is_corrected_in_the_fact_table(workspace: Workspace) -> None:
    from assistant.engine import Engine

    engine = Engine.open(workspace)
    first = engine.ask("吉林的行业协会，独立法人，场地自有1200平，专职6人，没有保密室，能申报认定机构吗？")
    assert first.verdict is not None and first.verdict.status == "not_eligible"
    assert ("stated:保密室", "保密室", "无") in engine.known_facts()
    revised = engine.revise("stated:保密室", "有")
    assert revised.verdict is not None and revised.verdict.status != "not_eligible"
    assert ("stated:保密室", "保密室", "有") in engine.known_facts()
