"""Matching one profile against every jurisdiction, on the real corpus: statuses, failing clauses,
routes, counterfactuals, deciding questions, and the interfaces (ask, chat, policykg match)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.models import MatchTable
from assistant.reason.match import match_profile
from assistant.reason.profile import Profile, ProfileError, load_profile
from assistant.reason.rules import load_rules
from assistant.reason.say_match import say_table
from assistant.understand.question import parse_question
from assistant.workspace import Workspace
from kg.facts import FactSet
from kg.models import Corpus

REPO = Path(__file__).resolve().parents[2]
ISSUE = Profile(org_type="industry_association", legal_person=True, site_area=1200, site_owned=False,
                site_tenure_years=6, fulltime_staff=8)
LEASE_3 = Profile(org_type="technical_school", legal_person=True, registered_in_jurisdiction=True, bad_record=False,
                  not_for_profit=True, site_area=1200, site_owned=False, site_tenure_years=3, office_area=60,
                  theory_room_area=70, seats=35, work_stations=10, fulltime_staff=6, examiners_per_level=5,
                  video_monitoring=True, question_bank=True)


@pytest.fixture(scope="module")
def facts(workspace: Workspace) -> FactSet:
    return workspace.facts


def _rows(table: MatchTable) -> dict[str, tuple[str, set[str]]]:
    return {m.jurisdiction: (m.status, {u.citation.unit_id for u in m.unmet if u.citation}) for m in table.matches}


def test_every_jurisdiction_with_rules_gets_a_row(corpus: Corpus, facts: FactSet) -> None:
    table = match_profile(corpus, facts, ISSUE)
    assert set(_rows(table)) == {"宿迁市", "池州市", "吉林省", "江苏省", "浙江省"}
    assert {m.status for m in table.matches} == {"needs_info"}
    assert [q.field for q in table.questions] == ["video_monitoring", "bad_record"]
    assert set(table.questions[0].jurisdictions) == {"宿迁市", "池州市", "吉林省", "江苏省", "浙江省"}


def test_a_bad_record_fails_every_place_whatever_the_kind(corpus: Corpus, facts: FactSet) -> None:
    """Three-valued across routes: the kind is unknown, but every way in fails on the stated record."""
    rows = _rows(match_profile(corpus, facts, Profile(bad_record=True)))
    assert rows["宿迁市"] == ("not_eligible", {"suqian-2022-36/art_2/item_1"})
    assert rows["池州市"] == ("not_eligible", {"chizhou-2024-4/art_8/pt_1", "chizhou-2024-4/art_9/pt_4/sub_1"})
    assert rows["吉林省"][0] == rows["浙江省"][0] == "not_eligible"


def test_a_small_enterprise_in_chizhou_still_has_article_8(corpus: Corpus, facts: FactSet) -> None:
    small = Profile(org_type="enterprise", enterprise_size="small")
    row = next(m for m in match_profile(corpus, facts, small, places=["池州市"]).matches)
    assert row.status == "needs_info" and row.route == "第八条 社会培训评价组织"
    assert any("第九条" in u.text and u.citation and u.citation.unit_id == "chizhou-2024-4/art_9/pt_1" for u in row.unmet)
    named = match_profile(corpus, facts, small, places=["池州市"], asked="能申请企业职业技能等级认定吗").matches[0]
    assert named.status == "not_eligible"


def test_eligible_first_then_closest(corpus: Corpus, facts: FactSet) -> None:
    table = match_profile(corpus, facts, LEASE_3)
    assert [m.status for m in table.matches] == ["eligible"] * 4 + ["not_eligible"]
    jilin = table.matches[-1]
    assert jilin.jurisdiction == "吉林省" and jilin.changes == ["场地自有或租赁期：3 → 至少 5 年"]
    assert jilin.after_changes == "eligible"
    assert [(u.field, u.eligible) for u in table.unlocks] == [("site_tenure_years", ["吉林省"])]
    assert "场地自有或租赁期：3 → 至少 5 年：吉林省 变为符合" in say_table(table)


def test_an_eligible_place_shows_the_clauses_it_rests_on(corpus: Corpus, facts: FactSet) -> None:
    """An eligible row carries the conditions met, each with its clause, so the table can open them."""
    table = match_profile(corpus, facts, LEASE_3)
    for m in table.matches:
        if m.status != "eligible":
            assert m.met == [] or all(c.citation for c in m.met)
            continue
        units = {c.citation.unit_id for c in m.met if c.citation}
        assert units and all(corpus.unit(u) for u in units)
    area = next(c for m in table.matches if m.jurisdiction == "池州市" for c in m.met if c.text.startswith("办公用房"))
    assert area.value == "60" and area.citation and "平方米" in corpus.unit(area.citation.unit_id).text
    assert "满足" in say_table(table) and "依据：" in say_table(table)


def test_one_longer_lease_unlocks_two_places(corpus: Corpus, facts: FactSet) -> None:
    short = Profile(org_type="training_institution", site_area=1500, site_owned=False, site_tenure_years=2)
    unlocks = {u.change: set(u.opened) for u in match_profile(corpus, facts, short).unlocks}
    assert unlocks["场地自有或租赁期：2 → 至少 5 年"] == {"池州市", "吉林省"}


def test_registered_elsewhere_fails_local_registration(corpus: Corpus, facts: FactSet) -> None:
    shanghai = Profile(org_type="industry_association", jurisdictions=["上海市"], registered_in_jurisdiction=True)
    rows = _rows(match_profile(corpus, facts, shanghai))
    assert rows["浙江省"] == ("not_eligible", {"zhejiang-2022-20-jigou/art_7/item_1"})
    assert rows["宿迁市"][0] == "needs_info"  # 宿迁 asks for no local registration
    home = _rows(match_profile(corpus, facts, shanghai.model_copy(update={"jurisdictions": ["浙江省"]})))
    assert home["浙江省"][0] == "needs_info" and home["吉林省"][0] == "not_eligible"


def test_drafted_rules_are_marked(corpus: Corpus, facts: FactSet) -> None:
    det = load_rules("eligibility")
    drafted = det.model_copy(update={"rulesets": [rs.model_copy(update={"drafted": rs.jurisdiction == "浙江省"})
                                                  for rs in det.rulesets]})
    table = match_profile(corpus, facts, ISSUE, rules=drafted)
    assert {m.jurisdiction for m in table.matches if m.drafted} == {"浙江省"}
    assert "浙江省（草拟规则）" in say_table(table)


def test_a_profile_file_is_checked(tmp_path: Path) -> None:
    good = tmp_path / "org.yaml"
    good.write_text("profile: {org_type: technical_school, site_area: 1200}\n", encoding="utf-8")
    assert load_profile(good).site_area == 1200
    bad = tmp_path / "bad.yaml"
    bad.write_text("site_aera: 1200\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="site_area"):
        load_profile(bad)


def test_ask_answers_where_with_matches(capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    assert main(["ask", "--json", "我们是行业协会，独立法人，场地1200平方米，租期6年，专职人员8人，在哪些地方能申请成为评价机构？"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["intent"] == "eligibility" and answer["comparison"] is None
    assert {m["jurisdiction"] for m in answer["matches"]} >= {"宿迁市", "池州市", "吉林省", "浙江省"}
    assert set(answer["matches"][0]) >= {"jurisdiction", "determination", "status", "unmet", "unknown"}
    assert answer["follow_up"][0].startswith("有与评价职业相适应") and "unlocks" in answer["computed"]
    assert main(["ask", "--json", "各地公示期有什么不同"]) == 0
    assert json.loads(capsys.readouterr().out)["matches"] is None


def test_chat_replies_go_on_matching(workspace: Workspace) -> None:
    from assistant.dialogue.where import where_turn

    def where(state, text):  # type: ignore[no-untyped-def]
        return where_turn(state, parse_question(text, workspace.places), workspace)

    first = where(None, "我们是技工学校，场地1200平方米，租期3年，各地能不能申请？")
    assert first is not None and first[0].state.pending == "video_monitoring"
    reply = where(first[0].state, "有")
    assert reply is not None and "视频监控=有" in (reply[0].answer or "")
    jilin = next(m for m in reply[1].matches if m.jurisdiction == "吉林省")
    assert jilin.status == "not_eligible" and jilin.changes == ["场地自有或租赁期：3 → 至少 5 年"]
    assert where(reply[0].state, "外部考点条件") is None  # another question leaves matching


def test_a_placeless_question_gets_every_place_when_it_says_enough(workspace: Workspace) -> None:
    """No place named: an organisation described beyond its kind, or a kind some place decides on, gets every
    place's verdict; a kind alone that decides nowhere asks where the organisation is (no table); a place
    named or remembered keeps the one place's verdict."""
    from assistant.dialogue.state import DialogueState
    from assistant.dialogue.where import where_turn

    def where(text: str, state: DialogueState | None = None):  # type: ignore[no-untyped-def]
        return where_turn(state, parse_question(text, workspace.places), workspace)

    described = where("大型化工企业，本地独立法人，信用良好，每级考评员6个，有题库，不过考核场地还没上监控。我们能申请吗？")
    assert described is not None
    assert {m.jurisdiction for m in described[1].matches if m.status == "not_eligible"} >= {"宿迁市", "池州市", "吉林省", "浙江省"}
    street = where("我们是街道办事处，想自己牵头做家政服务员的认定，能申请成为评价机构吗？")
    assert street is not None and {m.status for m in street[1].matches if m.jurisdiction == "吉林省"} == {"not_eligible"}
    assert where("我们是行业协会，能申请第三方评价机构吗") is None  # where it is decides first
    assert where("我们是吉林的行业协会，场地1200平方米，能申请吗") is None  # one place named: its verdict
    elsewhere = where("我们是在江西登记的职业院校，独立法人，无不良记录。想跨省申请评价机构，可以吗？")
    assert elsewhere is not None and elsewhere[0].state.profile.jurisdictions == ["江西省"]
    assert {m.status for m in elsewhere[1].matches if m.jurisdiction == "浙江省"} == {"not_eligible"}
    assert where("我们是上海的培训机构，场地1200平，能申请吗？") is None  # not said to apply elsewhere: 上海 has no document
    running = DialogueState(determination="eligibility")
    assert where("我们场地1200平方米，租了六年，能申报吗", running) is None  # inside a running determination


def _cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", "match", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_exit_codes_and_json(tmp_path: Path) -> None:
    profile = tmp_path / "org.yaml"
    profile.write_text("org_type: training_institution\nsite_area: 1500\nsite_owned: false\nsite_tenure_years: 2\n",
                       encoding="utf-8")
    done = _cli("--profile", str(profile), "--json")
    assert done.returncode == 0, done.stderr
    table = MatchTable.model_validate(json.loads(done.stdout))
    assert {m.jurisdiction for m in table.matches if m.status == "not_eligible"} == {"池州市", "吉林省"}
    assert _cli().returncode == 2
    assert _cli("--places", "北京", "我们是行业协会").returncode == 1
    assert _cli("--places", "火星", "我们是行业协会").returncode == 2
    missing = _cli("--profile", str(tmp_path / "none.yaml"))
    assert missing.returncode == 2 and missing.stderr.strip().count("\n") == 0 and "不存在" in missing.stderr
