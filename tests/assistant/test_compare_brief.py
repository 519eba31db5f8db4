"""Comparison tables pinned against the documents (briefings: test_brief.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from assistant.compare.table import ComparisonTable, UnknownTopic, compare, match_topic
from kg.extract import extract_all
from kg.facts import FactSet
from kg.models import Corpus


@pytest.fixture(scope="module")
def facts(corpus: Corpus) -> FactSet:
    return extract_all(corpus)


def _cells(table: ComparisonTable, requirement: str) -> dict[str, set[tuple[str, str]]]:
    row = next(r for r in table.rows if r.requirement == requirement)
    return {j: {(c.value, c.unit_id) for c in cells} for j, cells in row.cells.items()}


def test_publicity_period_differs(corpus: Corpus, facts: FactSet) -> None:
    table = compare("公示期", corpus, facts)
    cells = _cells(table, "公示期")
    assert ("≥7天（公示）", "chizhou-2024-4/art_15/pt_3") in cells["池州市"]
    assert ("≥5工作日（公示）", "jilin-2022-78/sec_4/item_3/pt_3") in cells["吉林省"]
    assert table.rows[0].differs


def test_archive_retention(corpus: Corpus, facts: FactSet) -> None:
    cells = _cells(compare("档案保存", corpus, facts), "档案保存")
    assert ("≥2年", "suqian-2022-36/art_12") in cells["宿迁市"]
    assert {("≥3年", "chizhou-2024-4/art_16"), ("≥5年", "chizhou-2024-4/art_16")} <= cells["池州市"]
    assert cells["江苏省"] == {("≥2年", "jiangsu-2019-178/sec_3/item_5")}


def test_filing_validity_three_years_vs_catalogue_two(corpus: Corpus, facts: FactSet) -> None:
    table = compare("备案有效期", corpus, facts)
    cells = _cells(table, "有效期")
    assert cells["吉林省"] == {("3年", "jilin-2022-78/sec_4/item_3/pt_3")}
    assert cells["江苏省"] == {("2年（目录有效期）", "jiangsu-2019-178/sec_1/item_5")}
    assert next(r for r in table.rows if r.requirement == "有效期").differs


def test_site_requirements(corpus: Corpus, facts: FactSet) -> None:
    table = compare("场地要求", corpus, facts)
    assert _cells(table, "场地面积")["吉林省"] == {("≥1000平方米", "jilin-2022-78/sec_1/item_2/pt_3/sub_1")}
    assert ("≥50平方米", "chizhou-2024-4/art_8/pt_5/sub_1") in _cells(table, "办公用房")["池州市"]
    assert _cells(table, "桌距")["宿迁市"] == {("≥80cm", "suqian-2022-36/art_8")}


def test_examiner_numbers(corpus: Corpus, facts: FactSet) -> None:
    table = compare("考评人员数量", corpus, facts)
    assert ("≥5名", "chizhou-2024-4/art_9/pt_4/sub_3") in _cells(table, "考评员（每级别）")["池州市"]
    assert _cells(table, "考评人员（每场）")["江苏省"] == {("≥3人", "jiangsu-2019-178/sec_2/item_4")}


def test_plan_reporting(corpus: Corpus, facts: FactSet) -> None:
    cells = _cells(compare("计划报备", corpus, facts), "计划报备")
    assert cells["江苏省"] == {("提前15工作日", "jiangsu-2019-178/sec_2/item_3")}
    assert cells["吉林省"] == {("提前10工作日", "jilin-2022-78/sec_5/item_3")}


def test_sanctions_for_two_provinces(corpus: Corpus, facts: FactSet) -> None:
    table = compare("违规处理", corpus, facts, ["浙江", "江苏"])
    assert table.jurisdictions == ["江苏省", "浙江省"]
    values = {c.value for r in table.rows for cells in r.cells.values() for c in cells}
    assert "约谈" in values and "禁止参与评价" in values


def test_topic_names_are_matched_loosely_and_unknown_ones_listed(corpus: Corpus, facts: FactSet) -> None:
    assert match_topic("各地对视频监控有什么要求") == "视频监控"
    assert match_topic("公示期限") == "公示期"
    with pytest.raises(UnknownTopic, match="可用主题"):
        compare("食堂伙食", corpus, facts)
    with pytest.raises(UnknownTopic, match="是否要找“考评人员数量”"):
        compare("考评期", corpus, facts)


def test_brief_command_writes_atomically_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "b.html"
    assert main(["brief", "公示期", "--format", "html", "-o", str(out)]) == 0
    assert main(["brief", "公示期", "--format", "html", "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["brief", "公示期", "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_comparison_question_in_ask(capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    assert main(["ask", "--json", "各地档案资料保存期限有什么不同"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["intent"] == "comparison" and answer["comparison"]["topic"] == "档案保存"
    assert {"suqian-2022-36/art_12", "chizhou-2024-4/art_16"} <= {c["unit_id"] for c in answer["citations"]}


@pytest.mark.parametrize("question", ["宿迁和池州的公示期一样吗", "池州跟吉林公示期有什么差别",
                                      "吉林和池州的公示期一不一样", "公示期各地是否相同"])
def test_comparison_words_of_a_yes_no_question(question: str) -> None:
    """Asking whether places agree (一样吗, 差别, 是否相同) asks how they differ."""
    from assistant.compare.table import is_comparison

    assert is_comparison(question)


@pytest.mark.parametrize("question", ["这个考点能用吗", "公示期一样是5天吧", "宿迁的公示期是几天"])
def test_not_a_comparison(question: str) -> None:
    from assistant.compare.table import is_comparison

    assert not is_comparison(question)


def test_yes_no_comparison_in_ask(capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    assert main(["ask", "--json", "宿迁和池州的公示期一样吗"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["intent"] == "comparison" and answer["comparison"]["topic"] == "公示期"
