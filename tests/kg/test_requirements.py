"""Yes/no requirements of the genre, read on documents of other places (the development part of
queries/unseen-docs: u101–u110), and the split of that gold into a part that may be read and one kept unread."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate_kg
from kg.extract import extract_all
from kg.extract.requirements import readings
from kg.factcheck import GoldFolder, check_folder, render
from kg.facts import FactSet
from kg.gold import load_gold
from kg.models import Corpus
from kg.parse import parse_corpus

UNSEEN = Path(__file__).resolve().parents[2] / "queries" / "unseen-docs"


@pytest.fixture(scope="module")
def unseen() -> tuple[Corpus, FactSet]:
    corpus = parse_corpus(UNSEEN / "corpus")
    return corpus, extract_all(corpus, UNSEEN / "corpus")


def _of(facts: FactSet, unit: str) -> dict[str, object]:
    return {c.attribute: c.value for c in facts.conditions if c.provenance.unit_id == unit}


def test_福州_企业_条件_each_yes_no_requirement_is_a_fact_bound_to_enterprises(unseen: tuple[Corpus, FactSet]) -> None:
    corpus, facts = unseen
    unit = "fuzhou-2021-qiye/sec_1/item_1"
    assert _of(facts, unit) == {"registered_in_jurisdiction": True, "legal_person": True, "good_credit": True,
                                "main_business_training": False, "mechanism_in_place": True, "rules_in_place": True}
    text = corpus.unit(unit).text
    for fact in (c for c in facts.conditions if c.provenance.unit_id == unit):
        assert fact.subjects == ["org:enterprise"]  # the list's lead-in: 有意愿…的企业…应具备下列条件
        assert fact.text in text and fact.provenance.quote == fact.text


def test_福建_续期条件_quality_and_batches(unseen: tuple[Corpus, FactSet]) -> None:
    _, facts = unseen
    assert _of(facts, "fujian-2022-26/sec_3/item_1/pt_1") == {"good_credit": True}
    assert _of(facts, "fujian-2022-26/sec_3/item_1/pt_2") == {"evaluation_batches": 6.0}


def test_河南_须在备案范围内开展_and_不得跨省辖市开展(unseen: tuple[Corpus, FactSet]) -> None:
    _, facts = unseen
    assert _of(facts, "henan-2023-jigou/art_6") == {"within_filed_scope": True}
    assert _of(facts, "henan-2023-jigou/art_5") == {"cross_region_activity": False}


def test_a_duty_of_running_the_work_outside_a_list_of_conditions_is_no_condition() -> None:
    from kg.extract.requirements import in_requirement

    text = "评价机构应建立内部质量督导机制，定期开展自查。"
    [(name, _, (start, _))] = list(readings(text))
    assert name == "mechanism_in_place" and not in_requirement(text, start, listed=False, construction=False)
    assert in_requirement(text, start, listed=True, construction=False)


def test_an_authoritys_department_is_not_the_applicants() -> None:
    assert [k for k, _, _ in readings("具有独立法人资格和民政部门评估等级")] == []


def test_the_development_part_holds_only_u1xx_documents_and_final_misses_are_never_listed(corpus: Corpus) -> None:
    dev = check_folder(GoldFolder(name="unseen", gold=UNSEEN / "facts", corpus=UNSEEN / "corpus"), corpus,
                       UNSEEN / "corpus", part="dev")
    gold = load_gold(UNSEEN / "facts")
    assert dev.kg.by_type["condition"].gold < len(gold.conditions)
    assert all(m.split("/", 1)[0] != "tianjin-2022-24" for m in dev.kg.by_type["condition"].missed)
    assert any(line.startswith("   missed") for line in render(dev, details=True))
    for part in ("final", "all"):  # the final part, or the whole folder that holds it
        hidden = dev.model_copy(update={"folder": dev.folder.model_copy(update={"part": part})})
        assert not any(line.startswith("   ") for line in render(hidden, details=True))


def test_development_part_figures_and_rewording(corpus: Corpus) -> None:
    """Targets on documents nobody tuned on: precision ≥ 0.90, recall ≥ 0.80 (value check); ≥ 90 % of the
    facts kept under systematic rewording."""
    rep = check_folder(GoldFolder(name="unseen", gold=UNSEEN / "facts", corpus=UNSEEN / "corpus"), corpus,
                       UNSEEN / "corpus", part="dev")
    cond = rep.kg.by_type["condition"]
    assert cond.precision >= 0.90 and cond.recall >= 0.80
    assert rep.kg.by_type["deadline"].recall == 1.0 and rep.kg.by_type["sanction_trigger"].recall == 1.0
    assert rep.reword.variants > 300 and rep.reword.share >= 0.90


def test_the_six_documents_keep_their_figures(corpus: Corpus) -> None:
    facts = extract_all(corpus)
    report = evaluate_kg(corpus, facts, Path(__file__).resolve().parents[2] / "queries" / "kg_gold")
    for kind in ("deadline", "condition", "sanction_trigger"):
        assert report.by_type[kind].precision == 1.0 and report.by_type[kind].full_precision >= 0.97
    assert report.by_type["condition"].unscored > 0  # yes/no kinds the six documents' gold does not annotate


def test_subjects_come_from_the_lists_own_lead_in_else_the_documents_title(unseen: tuple[Corpus, FactSet]) -> None:
    """广东 续期: 1.申请类型为企业的，应当同时具备以下三个条件 → 企业 (not 企业 and 院校 of the title); 广东 考务指引:
    no clause or heading names a kind → the title's 社会培训评价组织."""
    _, facts = unseen
    renewal = [c for c in facts.conditions if c.provenance.unit_id == "guangdong-2022-184/sec_1/item_4/pt_1"]
    assert renewal and all(c.subjects == ["org:enterprise"] for c in renewal)
    [tenure] = [c for c in facts.conditions if c.provenance.unit_id == "guangdong-2025-kaowu/art_3"]
    assert tenure.subjects == ["org:social_training_org"]


def test_a_split_folder_measured_without_a_part_is_its_development_part(corpus: Corpus) -> None:
    """`policykg eval --kg queries/` must not spend the reserved part each time someone runs it."""
    unnamed = check_folder(GoldFolder(name="unseen", gold=UNSEEN / "facts", corpus=UNSEEN / "corpus"), corpus,
                           UNSEEN / "corpus")
    assert unnamed.folder.part == "dev"
    assert all(m.split("/", 1)[0] != "tianjin-2022-24" for m in unnamed.kg.by_type["condition"].missed)
