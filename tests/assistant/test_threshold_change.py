"""Thresholds come from the documents, not from the rules: edit one in a copy of the corpus and the
verdict follows."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.reason.checklist import evaluate
from assistant.reason.profile import Profile
from assistant.reason.rules import load_rules
from kg.cache import load_corpus, load_facts
from kg.corpus import embedded_corpus_dir

JILIN_SITE = "jilin-2022-78/sec_1/item_2/pt_3/sub_1"


def _site_check(corpus_dir: Path, cache: Path) -> tuple[str, list[str]]:
    corpus = load_corpus(corpus_dir, cache)
    verdict = evaluate(load_rules("eligibility"), Profile(jurisdictions=["吉林省"], org_type="industry_association",
                                                           site_area=900), load_facts(corpus, cache), corpus).verdict
    assert verdict is not None
    site = [c for c in verdict.conditions if c.citation and c.citation.unit_id == JILIN_SITE and "场地面积" in c.text]
    return site[0].status, verdict.changes_needed


def test_lowering_the_site_area_in_the_document_changes_the_verdict(tmp_path: Path) -> None:
    assert _site_check(embedded_corpus_dir(), tmp_path / "cache") == ("unmet", ["场地面积：900 → 至少 1000 平方米"])
    copy = tmp_path / "corpus"
    shutil.copytree(embedded_corpus_dir(), copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    jilin = next(p for p in copy.glob("*.txt") if "场地1000平方米以上" in p.read_text(encoding="utf-8"))
    jilin.write_text(jilin.read_text(encoding="utf-8").replace("场地1000平方米以上", "场地800平方米以上"), encoding="utf-8")
    assert _site_check(copy, tmp_path / "cache") == ("met", [])
