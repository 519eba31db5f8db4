"""How briefings are scored against the gold topics (assistant/evaluation/briefs.py)."""

from __future__ import annotations

from pathlib import Path

from assistant.cli import main
from assistant.evaluation.briefs import GoldTopic, score_topic

GOLD = GoldTopic(topic="外部考点", must=["a/art_9", "b/art_12/item_3"], must_not=["a/art_8", "b/art_12"])


def test_a_cited_article_covers_its_items_and_an_item_its_article() -> None:
    assert score_topic(GOLD, ["a/art_9/item_2", "b/art_12/item_3"]).recall == 1.0
    assert score_topic(GOLD, ["a/art_9", "b/art_12/item_3/pt_1"]).recall == 1.0


def test_unwanted_units_cost_precision_and_unjudged_ones_nothing() -> None:
    score = score_topic(GOLD, ["a/art_9", "a/art_8/item_1", "c/art_1"])
    assert (score.found, score.wrong, score.precision) == (1, 1, 0.5)
    assert score.missed == ["b/art_12/item_3"] and score.unwanted == ["a/art_8"]


def test_an_unwanted_article_is_not_hit_by_citing_the_wanted_item_inside_it() -> None:
    assert score_topic(GOLD, ["b/art_12/item_3"]).wrong == 0
    assert score_topic(GOLD, ["b/art_12"]).wrong == 1


def test_eval_brief_prints_recall_and_precision_per_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    gold = tmp_path / "briefs"
    gold.mkdir()
    (gold / "one.yaml").write_text("topics:\n  - topic: 外部考点\n    must: [suqian-2022-36/art_9, "
                                   "zhejiang-2022-20-jigou/art_12]\n    must_not: [suqian-2022-36/art_8]\n", encoding="utf-8")
    (gold / "two.yaml").write_text("topics:\n  - topic: 档案保存\n    must: [chizhou-2024-4/art_16]\n", encoding="utf-8")
    assert main(["eval", "--brief", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "recall" in out and "precision" in out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.endswith(tuple("0123456789"))}
    assert lines[str(gold / "one.yaml")][1:4] == ["1", "1.000", "1.000"]
    assert str(gold / "two.yaml") in lines
