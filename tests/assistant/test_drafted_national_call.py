"""The national call for 社会培训评价组织 (unseen-docs3 u402, measured once, development since), added today: its
drafted determination follows its own thresholds and clauses — the 6年以上 of 一（二） read from the graph into the
years of evaluation an applicant states, its volumes and other requirements listed for the evaluation to check."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.dialogue import turn
from assistant.reason.rules import load_rules
from assistant.understand.question import parse_question
from assistant.workspace import Workspace

UNSEEN = Path(__file__).resolve().parents[2] / "queries" / "unseen-docs3" / "corpus"
CALL = "u402_quanguo-shepingzuzhi-zhengji-tonggao"
ITEM_2 = "quanguo-2020-shepingzuzhi-zhengji/sec_1/item_2"


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path, session_cache: Path) -> Path:
    """The embedded corpus plus the national call, added with `ingest --add` (which drafts its rules)."""
    tmp_path = tmp_path_factory.mktemp("national")
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    for suffix in (".txt", ".meta.yaml"):
        shutil.copy(UNSEEN / f"{CALL}{suffix}", tmp_path / f"{CALL}{suffix}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POLICYKG_CACHE", str(session_cache))  # module-scoped: set what the autouse fixture sets
        patch.setenv("POLICYKG_DATA", str(session_cache / "user-data"))
        patch.setenv("POLICYKG_CORPUS", str(copy))
        assert main(["ingest", "--add", str(tmp_path / f"{CALL}.txt")]) == 0
    return copy


def _ws(folder: Path) -> Workspace:
    return Workspace(folder, folder.parent / "cache")


def test_the_draft_asks_the_calls_years_and_lists_its_other_requirements(national: Path) -> None:
    corpus = _ws(national).corpus
    [ruleset] = [rs for rs in load_rules("eligibility", corpus).rulesets if rs.jurisdiction == "全国"]
    assert ruleset.drafted
    years = next(c for c in ruleset.conditions if c.field == "evaluation_years")
    assert years.unit == ITEM_2 and years.attribute == "evaluation_experience_years" and "6年以上" in years.quote
    left = " ".join(o.text for o in ruleset.obligations)
    for words in ("5万人次以上", "不得少于1万人次", "曾参与相关职业国家职业技能标准", "自愿接受", "不得以营利为最终目的"):
        assert words in left, words
    assert "影响力" not in left and "基础条件" not in left  # qualities and unquantified resources are no condition


def test_a_verdict_from_the_draft_reads_the_calls_own_threshold(national: Path) -> None:
    ws = _ws(national)
    step = turn(None, parse_question("我们是社会培训评价组织，想面向全国开展认定，开展评价工作4年，能申请吗？", ws.places), ws,
                today=date(2025, 6, 1))
    verdict = step.verdict
    assert verdict is not None and verdict.drafted and verdict.status == "not_eligible"
    assert any("至少 6 年" in change for change in verdict.changes_needed), verdict.changes_needed
    failing = next(c for c in verdict.conditions if c.status == "unmet")
    assert failing.citation is not None and failing.citation.unit_id == ITEM_2
