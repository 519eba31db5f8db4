"""A real document of another place, added today (福州's notice on enterprises' evaluation, which nothing was
written for): its drafted determination (草拟) asks its own yes/no requirements, binds them to the kind the
notice addresses (企业), and a verdict from it cites its own clauses."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.dialogue import turn
from assistant.models import Verdict
from assistant.reason.rules import load_rules
from assistant.understand.question import parse_question
from assistant.workspace import Workspace

UNSEEN = Path(__file__).resolve().parents[2] / "queries" / "unseen-docs" / "corpus"
FUZHOU = "u103_fuzhou-qiye-dengji-rending"


@pytest.fixture()
def fuzhou(tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """The embedded corpus plus 福州's notice, added with `ingest --add` (which drafts its rules)."""
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    for suffix in (".txt", ".meta.yaml"):
        shutil.copy(UNSEEN / f"{FUZHOU}{suffix}", tmp_path / f"{FUZHOU}{suffix}")
    monkeypatch.setenv("POLICYKG_CORPUS", str(copy))
    assert main(["ingest", "--add", str(tmp_path / f"{FUZHOU}.txt")]) == 0
    assert "草拟规则" in capsys.readouterr().out
    return copy


def _ws(folder: Path) -> Workspace:
    return Workspace(folder, folder.parent / "cache")


def test_the_draft_asks_the_notices_yes_no_requirements_of_enterprises(fuzhou: Path) -> None:
    corpus = _ws(fuzhou).corpus
    [ruleset] = [rs for rs in load_rules("eligibility", corpus).rulesets if rs.jurisdiction == "福州市"]
    assert ruleset.drafted and "草拟" in ruleset.title
    by_field = {c.field: c for c in ruleset.conditions}
    assert {"registered_in_jurisdiction", "legal_person", "good_reputation"} <= set(by_field)
    assert by_field["examiners_per_level"].unit == "fuzhou-2021-qiye/sec_1/item_5"  # 每个职业(工种)不少于3名考评人员
    for cond in ruleset.conditions:
        assert cond.unit.startswith("fuzhou-2021-qiye/sec_1/item_") and cond.when_types == ["enterprise"]
        assert cond.quote and cond.quote in corpus.unit(cond.unit).text
    # requirements no profile field holds but an applicant can state (跟主营业务没关系, 职工教育经费没提取) are
    # read from what is said, each cited to its own item, and never asked for
    said = {c.field: c for c in ruleset.conditions if c.field.startswith("stated:")}
    assert {"stated:main_business_training", "stated:related_to_main_business", "stated:funding_in_place"} <= set(said)
    assert said["stated:related_to_main_business"].unit == "fuzhou-2021-qiye/sec_1/item_2"
    assert said["stated:funding_in_place"].unit == "fuzhou-2021-qiye/sec_1/item_3"
    assert all(c.unstated == "assessed" for c in said.values())
    left = " ".join(o.text for o in ruleset.obligations)
    assert "设有负责职工技能培训与考核的部门" in left and "有专门的办公场所" in left


def _refused(fuzhou: Path, text: str) -> Verdict:
    """The verdict on a question to the corpus with 福州's drafted rules: not eligible, from the draft."""
    ws = _ws(fuzhou)
    verdict = turn(None, parse_question(text, ws.places), ws, today=date(2025, 6, 1)).verdict
    assert verdict is not None and verdict.status == "not_eligible" and verdict.drafted
    return verdict


def test_a_verdict_from_the_draft_follows_its_requirement_and_cites_its_clause(fuzhou: Path) -> None:
    verdict = _refused(fuzhou, "我们是福州的企业，没有独立法人资格，能申请开展等级认定吗？")
    assert "草拟" in verdict.determination
    failing = [c for c in verdict.conditions if "法人" in c.text]
    assert failing and failing[0].citation is not None
    assert failing[0].citation.unit_id == "fuzhou-2021-qiye/sec_1/item_1"


def test_a_drafted_requirement_said_unmet_fails_citing_its_item(fuzhou: Path) -> None:
    verdict = _refused(fuzhou, "福州的一家企业，独立法人，想认定的工种跟我们主营业务没关系，能申请等级认定吗？")
    assert [c.citation.unit_id for c in verdict.conditions if c.status == "unmet" and c.citation] == \
        ["fuzhou-2021-qiye/sec_1/item_2"]
