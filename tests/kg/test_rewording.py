"""Facts survive new wording: real clauses rewritten systematically, and a corpus copy reworded by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.conditions import conditions_in
from kg.extract.requirements import requirements_in
from kg.extract.spans import UnitText
from kg.facts import FactSet
from kg.gold import load_gold
from kg.models import Corpus
from kg.parse import parse_corpus
from kg.reword import condition_variants, deadline_variants, requirement_variants, reword_check

GOLD = Path(__file__).resolve().parents[2] / "queries" / "kg_gold"


@pytest.fixture(scope="module")
def facts(corpus: Corpus) -> FactSet:
    return extract_all(corpus)


@pytest.mark.parametrize(("unit_id", "attribute"), [
    ("jilin-2022-78/sec_1/item_2/pt_3/sub_1", "site_area"),
    ("jilin-2022-78/sec_1/item_2/pt_3", "fulltime_staff"),
    ("jilin-2022-78/sec_1/item_2/pt_3/sub_1", "site_tenure_years"),
    ("jilin-2022-78/sec_1/item_2/pt_3/sub_3", "theory_rooms"),
    ("chizhou-2024-4/art_8/pt_5/sub_2", "seats"),
    ("chizhou-2024-4/art_8/pt_5/sub_1", "office_area"),
    ("chizhou-2024-4/art_8/pt_5/sub_3", "work_stations"),
    ("chizhou-2024-4/art_9/pt_4/sub_3", "examiners_per_level"),
    ("chizhou-2024-4/art_7", "orgs_per_occupation"),
    ("suqian-2022-36/art_8", "desk_distance"),
    ("suqian-2022-36/art_2/item_8", "civil_affairs_rating"),
])
def test_comparator_numeral_and_unit_rewordings_keep_the_condition(
        facts: FactSet, corpus: Corpus, corpus_dir: Path, unit_id: str, attribute: str) -> None:
    [fact] = [c for c in facts.conditions if c.provenance.unit_id == unit_id and c.attribute == attribute]
    unit = corpus.unit(unit_id)
    ut = UnitText(unit, corpus_dir / corpus.doc(unit.doc_id).meta.source_file)
    variants = condition_variants(fact)
    assert len(variants) >= 10
    lost = []
    for text in variants:
        read = list(conditions_in(UnitText.of_text(unit, ut.text.replace(fact.text, text, 1))))
        same = (attribute, fact.value, fact.comparator, fact.scope)
        if not [c for c in read if (c.attribute, c.value, c.comparator, c.scope) == same and c.provenance.quote in text]:
            lost.append(text)
    assert not lost, lost


@pytest.mark.parametrize(("unit_id", "attribute"), [
    ("jilin-2022-78/sec_1/item_2/pt_1", "rules_in_place"),
    ("jilin-2022-78/sec_1/item_2/pt_1", "good_credit"),
    ("jilin-2022-78/sec_1/item_2/pt_3", "dedicated_department"),
    ("chizhou-2024-4/art_9/pt_4/sub_1", "mechanism_in_place"),
    ("chizhou-2024-4/art_9/pt_4/sub_2", "related_to_main_business"),
    ("zhejiang-2022-20-jigou/art_8/item_1/pt_2", "funding_in_place"),
])
def test_yes_no_requirement_rewordings_keep_the_kind(
        facts: FactSet, corpus: Corpus, corpus_dir: Path, unit_id: str, attribute: str) -> None:
    """具有规范的财务制度 → 须建立健全规范的财务制度, 社会信用良好 → 良好的社会信用 …: the same kind, same value."""
    [fact] = [c for c in facts.conditions if c.provenance.unit_id == unit_id and c.attribute == attribute]
    unit = corpus.unit(unit_id)
    ut = UnitText(unit, corpus_dir / corpus.doc(unit.doc_id).meta.source_file)
    variants = requirement_variants(fact)
    assert len(variants) >= 4
    lost = [text for text in variants
            if not any((c.attribute, c.value) == (attribute, fact.value) for c in
                       requirements_in(UnitText.of_text(unit, ut.text.replace(fact.text, text, 1)), listed=True))]
    assert len(lost) <= len(variants) // 10, lost


def test_deadline_rewordings_keep_direction_event_and_amount(facts: FactSet) -> None:
    within = next(d for d in facts.deadlines if d.provenance.unit_id == "jilin-2022-78/sec_5/item_5" and d.direction == "within")
    variants = deadline_variants(within)
    assert "三十个工作日以内" in variants and "30工作日之内" in variants


def test_most_rewordings_keep_their_fact(corpus: Corpus, facts: FactSet, corpus_dir: Path) -> None:
    report = reword_check(corpus, facts, load_gold(GOLD), corpus_dir)
    assert report.facts >= 50 and report.variants >= 1000
    assert report.share >= 0.9, report.lost[:20]


REWORDED = {  # the measurement: the same meaning, other words, in a copy of the corpus
    "002_93686fe7d64fd8b8.txt": [("场地1000平方米以上", "场地面积不少于1000平方米"),
                                 ("不少于5人的专职工作人员", "专职工作人员不少于五人"),
                                 ("考试考场不少于2个", "考试考场至少两个"),
                                 ("自发证日期起30个工作日内", "自发证日期起三十个工作日以内")],
    "001_a68e68fda460f672.txt": [("配备至少 30 个考位", "考位不少于30个"),
                                 ("不少于 50 平方米", "面积不低于五十平米"),
                                 ("提前 10 个工作日", "至少提前十个工作日")],
    "000_02455d504c7f1dc1.txt": [("桌距不小于80cm", "桌距不得小于80厘米"),
                                 ("保存期不少于半年", "保存期至少为半年")],
}


def test_a_corpus_reworded_by_hand_keeps_its_facts(tmp_path: Path, corpus_dir: Path) -> None:
    for f in corpus_dir.iterdir():
        if f.suffix in (".txt", ".yaml"):
            (tmp_path / f.name).write_bytes(f.read_bytes())
    for name, edits in REWORDED.items():
        text = (tmp_path / name).read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, old
            text = text.replace(old, new, 1)
        (tmp_path / name).write_text(text, encoding="utf-8")
    facts = extract_all(parse_corpus(tmp_path), tmp_path)
    conditions = {(c.provenance.unit_id, c.attribute): (c.value, c.comparator) for c in facts.conditions}
    assert conditions[("jilin-2022-78/sec_1/item_2/pt_3/sub_1", "site_area")] == (1000, ">=")
    assert conditions[("jilin-2022-78/sec_1/item_2/pt_3", "fulltime_staff")] == (5, ">=")
    assert conditions[("jilin-2022-78/sec_1/item_2/pt_3/sub_3", "theory_rooms")] == (2, ">=")
    assert conditions[("chizhou-2024-4/art_8/pt_5/sub_2", "seats")] == (30, ">=")
    assert conditions[("chizhou-2024-4/art_8/pt_5/sub_1", "office_area")] == (50, ">=")
    assert conditions[("suqian-2022-36/art_8", "desk_distance")] == (80, ">=")
    deadlines = {(d.provenance.unit_id, d.event): d for d in facts.deadlines}
    assert (deadlines[("jilin-2022-78/sec_5/item_5", "证书数据上报")].direction,
            deadlines[("jilin-2022-78/sec_5/item_5", "证书数据上报")].anchor) == ("within", "发证日期")
    assert deadlines[("chizhou-2024-4/art_15/pt_1", "计划报备")].direction == "at_least_before"
    assert deadlines[("suqian-2022-36/art_12", "考核工件保存")].amount == 0.5


YES_NO = {  # real yes/no clauses and other ways documents say the same requirement
    ("jilin-2022-78/sec_1/item_2/pt_1", "legal_person"): ["具备独立法人资格", "具有法人资格", "为独立法人单位", "具有独立的法人资格"],
    ("jilin-2022-78/sec_1/item_2/pt_1", "registered_in_jurisdiction"): [
        "在吉林省内依法注册", "在吉林省行政区域内登记注册", "在吉林省境内依法登记"],
    ("jilin-2022-78/sec_1/item_2/pt_1", "bad_record"): [
        "无不良信用记录", "未被列入严重失信名单", "无违法违规行为", "无失信等不良行为记录"],
    ("jilin-2022-78/sec_1/item_2/pt_3/sub_3", "video_monitoring"): ["配备视频监控系统", "安装监控录像设备", "设有视频监控装置"],
    ("jilin-2022-78/sec_1/item_2/pt_4", "not_for_profit"): ["不以营利为目的", "坚持非营利性"],
}


@pytest.mark.parametrize(("place", "wordings"), YES_NO.items(), ids=lambda v: v[1] if isinstance(v, tuple) else "")
def test_yes_no_requirements_survive_other_wordings(facts: FactSet, corpus: Corpus, corpus_dir: Path,
                                                    place: tuple[str, str], wordings: list[str]) -> None:
    unit_id, attribute = place
    [fact] = [c for c in facts.conditions if c.provenance.unit_id == unit_id and c.attribute == attribute]
    unit = corpus.unit(unit_id)
    text = UnitText(unit, corpus_dir / corpus.doc(unit.doc_id).meta.source_file).text
    for words in wordings:
        read = conditions_in(UnitText.of_text(unit, text.replace(fact.text, words, 1)))
        assert [c for c in read if (c.attribute, c.value) == (attribute, fact.value)], words
