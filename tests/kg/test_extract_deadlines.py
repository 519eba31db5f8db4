"""Deadlines are read from the text with the exact characters that state them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.evaluate import load_gold_deadlines, score_deadlines
from kg.extract import extract_all
from kg.facts import FactSet
from kg.layout import clean_block
from kg.models import Corpus
from kg.numerals import cn_to_int

GOLD = Path(__file__).resolve().parents[2] / "queries" / "kg_gold"


@pytest.fixture(scope="module")
def facts(corpus: Corpus) -> FactSet:
    return extract_all(corpus)


def test_every_amount_is_in_the_characters_cited(facts: FactSet, corpus: Corpus, corpus_dir: Path) -> None:
    for d in facts.deadlines:
        source = (corpus_dir / corpus.doc(d.provenance.doc_id).meta.source_file).read_text(encoding="utf-8")
        cited = clean_block(source, d.provenance.start, d.provenance.end).replace("\n", "")
        assert cited.replace(" ", "") == d.provenance.quote.replace(" ", ""), d.id
        numbers = [cn_to_int(n) if n != "半" else 0.5 for n in re.findall(r"\d+|[一二两三四五六七八九十]+|半", cited)]
        if d.amount is not None and d.direction != "every":
            assert d.amount in numbers, (d.id, cited)
        for month, first, last in d.windows:
            assert f"{month}月{first}" in cited and f"{last}日" in cited


def test_every_span_lies_inside_its_unit(facts: FactSet, corpus: Corpus) -> None:
    for d in facts.deadlines:
        lo, hi = corpus.unit(d.provenance.unit_id).span
        assert lo <= d.provenance.start < d.provenance.end <= hi, d.id


def test_precision_and_recall_floor(facts: FactSet) -> None:
    scores = score_deadlines(facts, load_gold_deadlines(GOLD))
    assert scores.gold >= 35
    assert scores.precision >= 0.9 and scores.recall >= 0.9, scores


@pytest.mark.parametrize(
    ("unit_id", "event", "amount", "unit", "direction", "anchor"),
    [
        ("jilin-2022-78/sec_5/item_5", "证书数据上报", 30, "工作日", "within", "发证日期"),
        ("zhejiang-2022-20-jigou/art_23", "延续申请", 3, "月", "within_before", "有效期满"),
        ("chizhou-2024-4/art_15/pt_3", "结果报备", 10, "工作日", "within", "公示无异议"),
        ("chizhou-2024-4/art_15/pt_1", "计划报备", 10, "工作日", "at_least_before", "认定批次"),
        ("suqian-2022-36/art_12", "考核工件保存", 0.5, "年", "at_least", None),
        ("zhejiang-2022-20-jiandu/art_20/item_4", "未开展评价", 1, "年", "inactivity", None),
        ("jiangsu-2019-178/sec_2/item_6", "成绩提交", 10, "工作日", "within", "评价结束"),
    ],
)
def test_event_and_anchor_are_read(facts: FactSet, unit_id: str, event: str, amount: float, unit: str,
                                   direction: str, anchor: str | None) -> None:
    found = [d for d in facts.deadlines if d.provenance.unit_id == unit_id and d.amount == amount and d.unit == unit]
    assert found and found[0].event == event and found[0].direction == direction and found[0].anchor == anchor


def test_yearly_windows(facts: FactSet) -> None:
    [window] = [d for d in facts.deadlines if d.direction == "window"]
    assert window.windows == [(3, 15, 30), (7, 15, 30), (10, 15, 30)]
    assert window.provenance.unit_id == "jilin-2022-78/sec_6"


def test_odd_text_is_skipped_not_invented(tmp_path: Path, corpus_dir: Path) -> None:
    from kg.parse import parse_corpus

    for f in corpus_dir.glob("00[0]*"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    text = tmp_path / "000_02455d504c7f1dc1.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("不少于5个工作日", "不少于若干个工作日"), encoding="utf-8")
    facts = extract_all(parse_corpus(tmp_path), tmp_path)
    assert not [d for d in facts.deadlines if d.provenance.unit_id == "suqian-2022-36/art_7/item_4"]
