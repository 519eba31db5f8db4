"""Conditions and sanctions: values in the cited characters, ladders as the text states them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate_kg
from kg.extract import extract_all
from kg.facts import FactSet
from kg.layout import clean_block
from kg.models import Corpus

GOLD = Path(__file__).resolve().parents[2] / "queries" / "kg_gold"


@pytest.fixture(scope="module")
def facts(corpus: Corpus) -> FactSet:
    return extract_all(corpus)


def _cited(corpus: Corpus, corpus_dir: Path, prov) -> str:  # type: ignore[no-untyped-def]
    source = (corpus_dir / corpus.doc(prov.doc_id).meta.source_file).read_text(encoding="utf-8")
    unit = corpus.unit(prov.unit_id)
    if unit.kind == "row":
        return source[prov.start: prov.end]
    return clean_block(source, prov.start, prov.end).replace("\n", "")


def test_every_threshold_is_in_the_characters_cited(facts: FactSet, corpus: Corpus, corpus_dir: Path) -> None:
    for c in facts.conditions:
        cited = _cited(corpus, corpus_dir, c.provenance).replace(" ", "")
        assert cited == c.provenance.quote.replace(" ", ""), c.id
        lo, hi = corpus.unit(c.provenance.unit_id).span
        assert lo <= c.provenance.start < c.provenance.end <= hi
        if isinstance(c.value, float) and c.attribute != "evaluation_experience_years":
            assert str(int(c.value)) in cited, (c.id, cited)


@pytest.mark.parametrize(
    ("unit_id", "attribute", "value", "unit"),
    [
        ("jilin-2022-78/sec_1/item_2/pt_3/sub_1", "site_area", 1000, "平方米"),
        ("jilin-2022-78/sec_1/item_2/pt_3/sub_1", "site_tenure_years", 5, "年"),
        ("chizhou-2024-4/art_9/pt_4/sub_3", "examiners_per_level", 5, "名"),
        ("suqian-2022-36/art_8", "desk_distance", 80, "cm"),
        ("suqian-2022-36/art_2/item_8", "civil_affairs_rating", 4, "A"),
        ("chizhou-2024-4/art_7", "orgs_per_occupation", 3, "家"),
    ],
)
def test_thresholds_read_from_the_text(facts: FactSet, unit_id: str, attribute: str, value: float, unit: str) -> None:
    [c] = [c for c in facts.conditions if c.provenance.unit_id == unit_id and c.attribute == attribute]
    assert (c.value, c.unit) == (value, unit)


def test_prohibitions_name_who_they_bind(facts: FactSet) -> None:
    [c] = [c for c in facts.conditions if c.attribute == "external_site_allowed"]
    assert c.polarity == "prohibited" and c.subjects == ["org:public_training_center", "org:training_institution"]
    assert c.provenance.unit_id == "suqian-2022-36/art_9/item_5"


def test_zhejiang_ladder_climbs_19_20_21(facts: FactSet) -> None:
    at = {s.provenance.unit_id.rsplit("_", 1)[-1]: s for s in facts.sanctions
          if s.provenance.unit_id.startswith("zhejiang-2022-20-jiandu/art_")}
    assert at["19"].measures == ["约谈"] and at["19"].qualifier == "情节轻微"
    assert at["19"].escalates_to == [at["20"].id]
    assert at["20"].escalates_to == [at["21"].id]
    assert "取消评价资格" in at["21"].measures and len(at["21"].triggers) == 10


def test_jiangsu_first_and_second_time(facts: FactSet) -> None:
    first = next(s for s in facts.sanctions if s.qualifier == "第一次")
    second = next(s for s in facts.sanctions if s.qualifier == "第二次")
    assert first.measures == ["评价结果不予认定", "限期整改"] and second.measures == ["禁止参与评价"]
    assert first.escalates_to == [second.id]


def test_chizhou_rectification_deadline_leads_to_cancellation(facts: FactSet) -> None:
    art20 = next(s for s in facts.sanctions if s.provenance.unit_id == "chizhou-2024-4/art_20")
    art22 = next(s for s in facts.sanctions if s.provenance.unit_id == "chizhou-2024-4/art_22")
    assert art22.id in art20.escalates_to


def test_quality_floors(corpus: Corpus, facts: FactSet) -> None:
    report = evaluate_kg(corpus, facts, GOLD)
    sizes = {"deadline": 35, "condition": 60, "sanction_trigger": 40}
    for name, scores in report.by_type.items():
        assert scores.gold >= sizes[name], name
        assert scores.precision >= 0.9 and scores.recall >= 0.9, (name, scores)
        assert scores.full_precision >= 0.97, (name, scores.wrong)  # comparator, direction, event, subject, scope …
