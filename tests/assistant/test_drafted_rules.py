"""A document added today gets verdicts: its rule set is drafted (草拟) from its own conditions, its
thresholds read from the graph, its clauses cited, and the verdict says it comes from a draft."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.dialogue import turn
from assistant.reason.draft import draft_ruleset
from assistant.reason.rules import load_rules
from assistant.understand.question import parse_question
from assistant.workspace import Workspace

HEFEI = """合肥市技能人才评价机构管理办法（试行）

第一条 为规范我市技能人才评价机构管理，制定本办法。

第二条 申请备案的社会培训评价组织应当具备以下条件：

（一）在合肥市行政区域内依法登记，具有独立法人资格，无违法违规、失信等不良行为记录；

（二）专职工作人员不少于6人；

（三）具有所有权或租赁期限不少于3年的场地，场地面积不低于八百平方米；

（四）理论知识考试考场不少于3个，并配备视频监控设备；

（五）行业协会应当具有民政部门3A级及以上评估等级。

第三条 企业申请开展职业技能等级认定的，应当为规模以上企业。

第四条 评价机构应当于认定结束后10个工作日内上报认定结果。
"""
META = """documents:
  - id: hefei-2025-1
    title: 合肥市技能人才评价机构管理办法（试行）
    aliases: [合肥办法]
    issuer: 合肥市人力资源和社会保障局
    jurisdiction: 合肥市
    parent_jurisdiction: 安徽省
    level: city
    issued: 2025-01-01
    effective: 2025-01-01
    numbering: article
    body_start: 合肥市技能人才评价机构管理办法
"""


@pytest.fixture()
def hefei(tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """The embedded corpus plus 合肥's document, added with `ingest --add` (which drafts its rules)."""
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (tmp_path / "005_hefei.txt").write_text(HEFEI, encoding="utf-8")
    (tmp_path / "005_hefei.meta.yaml").write_text(META, encoding="utf-8")
    monkeypatch.setenv("POLICYKG_CORPUS", str(copy))
    assert main(["ingest", "--add", str(tmp_path / "005_hefei.txt")]) == 0
    out = capsys.readouterr().out
    assert "草拟规则" in out and "场地面积（第二条第（三）项）" in out
    return copy


def _ws(folder: Path) -> Workspace:
    return Workspace(folder, folder.parent / "cache")


def _ask(folder: Path, *lines: str):  # type: ignore[no-untyped-def]
    ws = _ws(folder)
    state, step = None, None
    for line in lines:
        step = turn(state, parse_question(line, ws.places), ws, today=date(2025, 6, 1))
        state = step.state
    return step


def test_a_document_added_today_gets_verdicts_from_its_own_thresholds(hefei: Path) -> None:
    step = _ask(hefei, "我们是合肥的培训机构，场地700平方米，能申请吗？")
    verdict = step.verdict
    assert verdict is not None and verdict.status == "not_eligible" and verdict.drafted
    assert "草拟" in verdict.determination
    assert "场地面积：700 → 至少 800 平方米" in verdict.changes_needed
    site = next(c for c in verdict.conditions if "场地面积" in c.text)
    assert site.citation is not None and site.citation.unit_id == "hefei-2025-1/art_2/item_3"


def test_drafted_conditions_read_the_graph_and_quote_the_clause(hefei: Path) -> None:
    corpus = _ws(hefei).corpus
    [ruleset] = [rs for rs in load_rules("eligibility", corpus).rulesets if rs.jurisdiction == "合肥市"]
    assert ruleset.drafted and "草拟" in ruleset.title
    by_field = {c.field: c for c in ruleset.conditions}
    assert {"site_area", "fulltime_staff", "site_tenure_years", "theory_rooms", "legal_person", "bad_record",
            "registered_in_jurisdiction", "video_monitoring", "civil_affairs_rating", "enterprise_size"} <= set(by_field)
    assert by_field["civil_affairs_rating"].when_types == ["industry_association"]
    assert by_field["enterprise_size"].when_types == ["enterprise"]
    assert by_field["enterprise_size"].accept == ["above_scale", "large_medium"]
    for cond in ruleset.conditions:
        assert cond.quote and cond.quote in corpus.unit(cond.unit).text.replace("\n", "")


def test_categorical_and_per_kind_thresholds_follow_the_document(hefei: Path) -> None:
    step = _ask(hefei, "我们是合肥的行业协会，民政部门评估2A级，能申请吗？")
    assert step.verdict is not None and step.verdict.status == "not_eligible"
    assert any("3" in c for c in step.verdict.changes_needed)


def test_hand_written_rules_win_over_a_draft(workspace: Workspace) -> None:
    """Drafting 吉林 from its facts finds the amounts the hand-written rules read, and is never used there."""
    corpus = workspace.corpus
    ruleset, report = draft_ruleset(corpus.doc("jilin-2022-78"), workspace.facts)
    drafted = {(c.attribute, c.unit) for c in ruleset.conditions}
    written = {(c.attribute, c.unit) for rs in load_rules("eligibility", corpus).rulesets if rs.jurisdiction == "吉林省"
               for c in rs.conditions if c.attribute}
    assert {a for a, _ in written} <= {a for a, _ in drafted} | {"government_affiliated"}
    assert all(not rs.drafted for rs in load_rules("eligibility", corpus).rulesets)


def test_rules_draft_refuses_to_overwrite(hefei: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "draft", "hefei-2025-1"]) == 3
    assert "--force" in capsys.readouterr().err
    assert main(["rules", "draft", "合肥办法", "--force"]) == 0
