"""The scorer: the value check, the full check of every annotated field, and the per-document layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import CorpusError
from kg.evaluate import evaluate_kg, score_conditions, score_deadlines
from kg.extract import extract_all
from kg.facts import FactSet
from kg.gold import GoldCondition, GoldDeadline, load_gold
from kg.models import Corpus


@pytest.fixture(scope="module")
def facts(corpus: Corpus) -> FactSet:
    return extract_all(corpus)


def test_full_check_sees_a_wrong_comparator_scope_or_subject(facts: FactSet) -> None:
    unit = "chizhou-2024-4/art_8/pt_5/sub_2"
    right = GoldCondition(unit=unit, attribute="theory_room_area", value=60, comparator=">=", unit_of="平方米",
                          scope="每个职业", words="不少于 60 平方米")
    wrong = right.model_copy(update={"comparator": "<=", "scope": None, "subjects": ["org:enterprise"]})
    wrong.model_fields_set.update({"comparator", "scope", "subjects"})
    assert score_conditions(facts, [right]).full_matched == 1
    scores = score_conditions(facts, [wrong])
    assert (scores.matched, scores.full_matched) == (1, 0)
    assert scores.field_errors == {"comparator": 1, "scope": 1, "subjects": 1}


def test_full_check_sees_a_wrong_direction_event_or_anchor(facts: FactSet) -> None:
    gold = GoldDeadline(unit="zhejiang-2022-20-jigou/art_23", event="延续申请", amount=3, unit_of="月",
                        direction="before", anchor="发证日期")
    scores = score_deadlines(facts, [gold])
    assert scores.matched == 1 and scores.field_errors == {"direction": 1, "anchor": 1}


def test_per_document_gold_files_are_read(tmp_path: Path, corpus: Corpus, facts: FactSet) -> None:
    (tmp_path / "jilin.yaml").write_text(
        "conditions:\n"
        "  - {unit: jilin-2022-78/sec_1/item_2/pt_3/sub_1, attribute: site_area, value: 1000, comparator: '>=',\n"
        "     unit_of: 平方米, scope: null, subjects: [org:social_training_org], words: 场地1000平方米以上}\n"
        "deadlines:\n"
        "  - {unit: jilin-2022-78/sec_5/item_5, event: 证书数据上报, amount: 30, unit_of: 工作日, direction: within,\n"
        "     anchor: 发证日期, actor: org:evaluation_org}\n", encoding="utf-8")
    gold = load_gold(tmp_path)
    assert len(gold.conditions) == 1 and len(gold.deadlines) == 1
    report = evaluate_kg(corpus, facts, tmp_path)
    assert report.by_type["condition"].full_recall == 1.0 and report.by_type["deadline"].full_recall == 1.0


def test_a_malformed_entry_names_file_entry_and_field(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("conditions:\n  - {unit: a/b, attribute: site_area, valeu: 3, words: x}\n",
                                     encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x.yaml: conditions entry 1: .*valeu"):
        load_gold(tmp_path)


def test_a_look_back_is_compared_by_the_past_it_counts() -> None:
    from kg.evaluate import _same_lookback

    assert _same_lookback("3年", "近三年内") and _same_lookback("2年", "近二年内") and _same_lookback("6月", "近6个月")
    assert not _same_lookback("2年", "近三年内") and not _same_lookback(None, "近三年内")
    assert _same_lookback("备案有效期内", "备案有效期内") and not _same_lookback("有效期内", "3年")
