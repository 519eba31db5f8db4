"""Wordings of the genre's neighbours a regulator adds: 台湾地区 texts on accrediting test bodies, test sites and
training units (之 for 的, 领有 / 备有 for 具有, 得 for 可, 班次, 资本额, lines wrapped at the page's width), a national
body's rules on its quality supervisors (聘期, referral for handling) and a city's plan of work (targets).

Real clauses of the fourth batch of added documents (queries/unseen-docs4, in the parser's simplified characters),
each also rewritten the ways other regulators write the same rule: the words change, the fact does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.extract import extract_all
from kg.facts import FactSet
from kg.models import Corpus
from kg.numerals import int_to_cn
from kg.parse import parse_corpus

META = ("documents:\n  - id: {id}\n    title: {title}\n    issuer: 某市人力资源和社会保障局\n    jurisdiction: 某市\n"
        "    level: city\n    issued: 2025-01-01\n    effective: 2025-01-01\n    numbering: article\n    body_start: 第一条\n")

# (clause, attribute, value, comparator, look-back): an amount the clause requires.
AMOUNTS: list[tuple[str, str, float, str, str | None]] = [
    # 臺中 三（三）: capital in 新台币, written in Chinese numerals with 万; staff with 达…以上
    ("事业机构其登记资本额在新台币一千五百万元以上或雇用员工人数达一百人以上者。", "registered_capital", 15_000_000, ">=", None),
    ("事业机构登记资本额不少于1500万元。", "registered_capital", 15_000_000, ">=", None),
    ("事业机构的资本额应达到新台币1500万元以上。", "registered_capital", 15_000_000, ">=", None),
    ("事业机构雇用员工人数不少于100人。", "employees", 100, ">=", None),
    # 臺中 三（四）1: years since it was set up
    ("设立三年以上领有登记证书之工会或同业公会。", "established_years", 3, ">=", None),
    ("工会设立满3年。", "established_years", 3, ">=", None),
    ("同业公会设立不少于三年。", "established_years", 3, ">=", None),
    ("实收资本额在新台币五百万元以上。", "registered_capital", 5_000_000, ">=", None),
    ("专任人员三人以上。", "fulltime_staff", 3, ">=", None),  # 专任 is 专职
    ("设立登记满二年。", "established_years", 2, ">=", None),
    # 台湾地区 评鉴要点 十二（一）: years of training experience (训练 is 培训)
    ("办理管理职类或技术职类之教育训练经验达三年以上。", "training_experience_years", 3, ">=", None),
    ("训练单位具有3年以上教育训练经验。", "training_experience_years", 3, ">=", None),
    ("训练单位的职业训练经验不少于三年。", "training_experience_years", 3, ">=", None),
    # 十二（三）: classes held over a look-back, two alternatives in one clause
    ("近三年内办理管理职类教育训练达六班次或技术职类教育训练达十五班次。", "training_classes", 6, ">=", "3年"),
    ("近三年内办理管理职类教育训练达六班次或技术职类教育训练达十五班次。", "training_classes", 15, ">=", "3年"),
    ("最近3年内办理教育训练不少于6班次。", "training_classes", 6, ">=", "3年"),
    ("近两年来举办职业训练至少十班次。", "training_classes", 10, ">=", "2年"),
]

# (clause, attribute, value, look-back): a yes/no requirement or prohibition.
YES_NO: list[tuple[str, str, bool, str | None]] = [
    # 十二（四）: a penalty not imposed over the past two years
    ("近二年内未经主管机关依职业安全卫生法第四十八条规定,裁处罚锾、撤销或废止其认可。", "bad_record", False, "2年"),
    ("近3年内未被主管机关处以罚款。", "bad_record", False, "3年"),
    # 台湾地区 认证办法 第3条二: 非以营利为目的 is 不以营利为目的
    ("申请单位须非以营利为目的。", "not_for_profit", True, None),
]


def _article(i: int) -> str:
    return f"第{int_to_cn(i + 1)}条"


def _write(folder: Path, name: str, title: str, body: str) -> None:
    (folder / f"{name}.txt").write_text(f"{title}\n{body}\n", encoding="utf-8")
    (folder / f"{name}.meta.yaml").write_text(META.format(id=f"{name}-2025-1", title=title), encoding="utf-8")


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, FactSet]:
    """Every clause of the tables as one article of a new document, read by the whole extractor."""
    folder = tmp_path_factory.mktemp("other")
    clauses = list(dict.fromkeys([row[0] for row in AMOUNTS] + [row[0] for row in YES_NO]))
    _write(folder, "new", "某市技能检定术科测试场地评鉴办法", "\n".join(f"{_article(i)} {c}" for i, c in enumerate(clauses)))
    corpus = parse_corpus(folder)
    return corpus, extract_all(corpus, folder)


def _facts(read: tuple[Corpus, FactSet], clause: str, kind: str) -> list[Any]:
    corpus, facts = read
    [unit] = [u.id for u in corpus.units() if u.kind == "article" and u.text.endswith(clause)]
    return [f for f in getattr(facts, kind) if f.provenance.unit_id == unit]


def _lookback(fact: Any) -> str | None:
    return f"{fact.lookback.amount:g}{fact.lookback.unit}" if fact.lookback else None


@pytest.mark.parametrize(("clause", "attribute", "value", "comparator", "lookback"), AMOUNTS,
                         ids=[f"{row[0][:20]}-{row[2]:g}" for row in AMOUNTS])
def test_the_amount_is_read_in_the_neighbours_wording(read: tuple[Corpus, FactSet], clause: str, attribute: str,
                                                      value: float, comparator: str, lookback: str | None) -> None:
    found = [c for c in _facts(read, clause, "conditions") if c.attribute == attribute and c.value == value]
    assert found, [(c.attribute, c.value, c.text) for c in _facts(read, clause, "conditions")]
    assert (found[0].comparator, _lookback(found[0])) == (comparator, lookback)


@pytest.mark.parametrize(("clause", "attribute", "value", "lookback"), YES_NO, ids=[row[0][:20] for row in YES_NO])
def test_the_yes_no_requirement_is_read_in_the_neighbours_wording(read: tuple[Corpus, FactSet], clause: str,
                                                                  attribute: str, value: bool,
                                                                  lookback: str | None) -> None:
    found = [c for c in _facts(read, clause, "conditions") if c.attribute == attribute]
    assert found, [(c.attribute, c.value, c.text) for c in _facts(read, clause, "conditions")]
    assert (found[0].value, _lookback(found[0])) == (value, lookback)


def test_a_look_back_is_no_deadline(read: tuple[Corpus, FactSet]) -> None:
    assert not _facts(read, "近三年内办理管理职类教育训练达六班次或技术职类教育训练达十五班次。", "deadlines")


# 臺中 三: a list of the kinds that may apply, each item labelled by its kind, in 台湾地区 wording.
SITES = """第一条 申请技能检定术科测试场地及机具设备评鉴之单位,应符合下列资格之一:
(一)、职业训练机构:依职业训练机构设立及管理办法登记或许可设立,领有职业训练机构设立证书,且其设立证书登载之训练职类与申请评鉴职类相关者。
(二)、事业机构:其所营事业与申请评鉴职类相关,且其登记资本额在新台币一千五百万元以上者。
(三)、团体:设立三年以上领有登记证书,且申请评鉴职类与其会员本业相关之工会或同业公会。
第二条 下列单位得申请技能职类测验能力认证:
一、为所申请认证技能职类之中央目的事业主管机关。
二、非以营利为目的之全国性专业团体,且其申请认证之技能职类与其会员从业之技能相关。
受委托之专业认证机构不得为申请认证之机关或团体。
第三条 训练单位应符合下列条件:
(一)获人才发展品质管理系统(Talent Quality-management System ,TTQS )评核结果等级达通过门槛等级(含)以上。
(二)应备有经技术士技能检定术科测试场地及机具设备评鉴合格之专属场地、实习机具及设备。
曾接受本部评鉴之训练单位,自评鉴结果送达日起二年内,不得再依第一项规定申请评鉴。
第四条 质量督导员聘任期满前,经本人申请可续聘。聘期为三年。
第五条 被督导对象有下列情形的,质量督导员可提请工考办按有关规定予以处理:拒绝提供有关情况和文件、资料的;阻挠有关人员反映情况的;打击、报复质量督导人员的;其他影响质量督导工作的行为。"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> FactSet:
    folder = tmp_path_factory.mktemp("sites")
    _write(folder, "sites", "某市技能检定术科测试场地评鉴办法", SITES)
    return extract_all(parse_corpus(folder), folder)


def _texts(facts: FactSet, unit_end: str) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for c in facts.conditions:
        if c.provenance.unit_id.endswith(unit_end):
            out.setdefault(c.attribute, []).append((c.value, c.text))
    return out


def test_an_item_labelled_by_its_kind_states_its_requirements(sites: FactSet) -> None:
    got = _texts(sites, "art_1/item_1")
    assert got["stated_requirement"] == [(True, "领有职业训练机构设立证书")]
    assert got["related_to_main_business"] == [(True, "与申请评鉴职类相关")]
    assert "lawfully_registered" not in got  # 依…办法登记 names the law, not 依法登记


def test_the_applied_occupation_related_to_the_applicants_business_is_one_requirement_either_way(sites: FactSet) -> None:
    assert [v for v, _ in _texts(sites, "art_1/item_2")["related_to_main_business"]] == [True]  # 其所营事业与…相关
    assert [v for v, _ in _texts(sites, "art_1/item_3")["related_to_main_business"]] == [True]  # 申请评鉴职类与…相关
    assert _texts(sites, "art_1/item_3")["established_years"] == [(3, "设立三年以上")]


def test_a_list_of_who_may_apply_states_what_each_must_be(sites: FactSet) -> None:
    got = _texts(sites, "art_2")
    assert (True, "为所申请认证技能职类之中央目的事业主管机关") in got["stated_requirement"]
    assert (False, "不得为申请认证之机关或团体") in got["stated_requirement"]
    assert got["not_for_profit"] == [(True, "非以营利为目的")]
    assert [v for v, _ in got["related_to_main_business"]] == [True]


def test_a_comma_inside_brackets_does_not_end_the_requirement(sites: FactSet) -> None:
    [(value, text)] = _texts(sites, "art_3/item_1")["stated_requirement"]
    assert value is True and text.endswith("评核结果等级达通过门槛等级(含)以上")


def test_a_certified_facility_is_a_requirement_and_a_rule_on_a_kind_is_not(sites: FactSet) -> None:
    got = _texts(sites, "art_3/item_2")
    assert [t for _, t in got["stated_requirement"]] == ["备有经技术士技能检定术科测试场地及机具设备评鉴合格之专属场地、实习机具及设备"]
    assert not any("训练单位" in t or "不得再" in t for facts in got.values() for _, t in facts)


def test_a_period_in_which_an_act_is_forbidden_is_a_deadline_named_by_the_act(sites: FactSet) -> None:
    [d] = [d for d in sites.deadlines if d.provenance.unit_id.endswith("art_3/item_2")]
    assert (d.direction, d.amount, d.unit, d.anchor) == ("within", 2, "年", "评鉴结果送达日")
    assert "申请评鉴" in d.event


def test_a_term_of_appointment_lasts_its_years_from_the_appointment(sites: FactSet) -> None:
    [d] = [d for d in sites.deadlines if d.provenance.unit_id.endswith("art_4")]
    assert (d.direction, d.amount, d.unit, d.event, d.anchor) == ("valid_for", 3, "年", "聘期", None)  # names none
    from kg.extract.deadlines import _read

    [d] = list(_read("考核合格的人员，经审批同意后，聘任为质量督导员，聘期为三年。"))
    assert (d.direction, d.amount, d.event, d.anchor) == ("valid_for", 3, "聘期", "聘任")


@pytest.mark.parametrize(("clause", "scopes"), [
    ("近三年内办理管理职类教育训练达六班次或技术职类教育训练达十五班次。", {6: "管理职类", 15: "技术职类"}),
    ("近三年内举办管理职类培训不少于6班次，或举办技术职类培训不少于15班次。", {6: "管理职类", 15: "技术职类"}),
    ("办理管理职类教育训练不少于6班次。", {6: "管理职类"}),
    ("办理管理职类或技术职类之教育训练经验达三年以上。", {3: None}),  # one amount for either category
])
def test_an_amount_is_scoped_by_the_category_it_counts(clause: str, scopes: dict[float, str | None]) -> None:
    from kg.extract.conditions import numeric_readings

    assert {r.quantity.value: r.scope for r in numeric_readings(clause)} == scopes


def test_behaviours_listed_without_numbers_are_the_triggers_of_a_referral(sites: FactSet) -> None:
    [s] = [s for s in sites.sanctions if s.provenance.unit_id.endswith("art_5")]
    assert s.measures == ["依规处理"]
    assert [t.text for t in s.triggers] == ["拒绝提供有关情况和文件、资料的", "阻挠有关人员反映情况的", "打击、报复质量督导人员的"]
    assert s.sanctioned == ["org:evaluation_org"]  # the supervised body; the supervisor who refers is not sanctioned


def test_lines_wrapped_at_the_pages_width_are_one_phrase(tmp_path: Path) -> None:
    body = ("第一条 主动向评鉴机构提出申请评鉴者,应符合下列条件:\n"
            "  (一)近三年内办理管理职类教育训练达六班次或技术职类教育训练达\n"
            "        十五班次。\n"
            "  (二)近二年内未经主管机关依职业安全卫生法第四十八条或职业训练\n"
            "        法第三十九条规定,裁处罚锾。\n")
    _write(tmp_path, "wrap", "某市训练单位评鉴作业要点", body)
    facts = extract_all(parse_corpus(tmp_path), tmp_path)
    got = {(c.attribute, c.value, _lookback(c)) for c in facts.conditions}
    assert {("training_classes", 6, "3年"), ("training_classes", 15, "3年"), ("bad_record", False, "2年")} <= got
    [classes] = [c for c in facts.conditions if c.value == 15]
    assert classes.provenance.quote == "教育训练达 十五班次"  # the source's characters, the wrap read as a space
    assert not facts.deadlines


def test_the_targets_of_a_plan_of_work_are_no_conditions(tmp_path: Path) -> None:
    body = ("第一条 到2025年,全市持证人员总量达到130万人以上。\n第二条 年培训2万人次以上,1.7万人取得证书。\n"
            "第三条 承担培训任务的机构应当具备下列条件:\n(一)专职工作人员不少于5人。")
    _write(tmp_path, "plan", "某市技能人才培养工作方案", body)
    facts = extract_all(parse_corpus(tmp_path), tmp_path)
    assert [(c.attribute, c.value) for c in facts.conditions] == [("fulltime_staff", 5)]  # only the list's


UNSEEN4 = Path(__file__).resolve().parents[2] / "queries" / "unseen-docs4"


def test_the_fourth_batch_of_added_documents_keeps_its_figures(corpus: Corpus) -> None:
    """The fourth batch (development data since it was measured once): conditions P/R were 0.33 / 0.10 and no
    sanction was read before its wordings were; now the value check's targets hold (P ≥ 0.90, R ≥ 0.80), every
    sanction and deadline is read, and every fact survives rewording."""
    from kg.factcheck import GoldFolder, check_folder

    rep = check_folder(GoldFolder(name="unseen4", gold=UNSEEN4 / "facts", corpus=UNSEEN4 / "corpus"), corpus,
                       UNSEEN4 / "corpus", part="dev")
    cond, trig = rep.kg.by_type["condition"], rep.kg.by_type["sanction_trigger"]
    assert cond.precision >= 0.90 and cond.recall >= 0.80, (cond.missed, cond.spurious)
    assert (trig.precision, trig.recall, trig.full_recall) == (1.0, 1.0, 1.0)
    assert rep.kg.by_type["deadline"].recall == 1.0
    assert rep.reword.facts >= 15 and rep.reword.share >= 0.95, rep.reword.lost[:5]


def test_the_kind_an_item_is_labelled_by_or_closes_on_is_its_subject(sites: FactSet) -> None:
    """(一)、职业训练机构:… binds 职业训练机构; 1.设立三年以上…之工会或同业公会 (an item of a list of who may apply)
    binds the kind it closes on."""
    subjects = {c.provenance.unit_id.split("/", 1)[1]: c.subjects for c in sites.conditions}
    assert subjects["art_1/item_1"] == ["org:training_institution"]
    assert subjects["art_1/item_3"] == ["org:industry_association"]


def test_a_traditional_title_names_the_kinds_its_requirements_bind(tmp_path: Path) -> None:
    body = "第一条 主动提出申请评鉴者,应符合下列条件:\n(一)办理教育训练经验达三年以上。\n"
    _write(tmp_path, "trad", "職業安全衛生教育訓練單位評鑑作業要點", body)
    [c] = extract_all(parse_corpus(tmp_path), tmp_path).conditions
    assert (c.attribute, c.subjects) == ("training_experience_years", ["org:training_institution"])


@pytest.mark.parametrize(("clause", "related"), [
    ("其所营事业与申请评鉴职类相关者", True),  # 臺中 三（三）
    ("申请评鉴职类与其会员本业相关之工会或同业公会", True),  # 臺中 三（四）1
    ("其申请认证之技能职类与其会员从业之技能相关", True),  # 台湾地区 认证办法 第3条二
    ("其经营范围与申报职业相关", True),
    ("申报的职业（工种）与本单位主营业务相关", True),
    ("拟申报的工种与其业务范围相关", True),
    ("其业务与申请认定的职业(工种)相关", True),
    ("设有与申报职业相关的专业", False),  # what the applicant has, not what it does
    ("设有与评鉴职类相关科系者", False),
])
def test_the_applied_occupation_related_to_the_business_in_every_word_order(clause: str, related: bool) -> None:
    from kg.extract.requirements import readings

    assert ("related_to_main_business" in {k for k, _, _ in readings(clause)}) is related


@pytest.mark.parametrize(("lead", "is_list"), [
    ("第3条 下列单位得申请技能职类测验能力认证:", True), ("下列机构可以申请备案：", True), ("以下单位可申报：", True),
    ("下列组织可申请开展认定：", True), ("下列人员可以申请：", False),  # people: no list of organisations' conditions
])
def test_a_list_of_who_may_apply_is_a_list_of_conditions(lead: str, is_list: bool) -> None:
    from kg.extract.context import LIST_CUE

    assert bool(LIST_CUE.search(lead)) is is_list


@pytest.mark.parametrize("lead", [
    "被督导对象有下列情形的,质量督导员可提请工考办按有关规定予以处理:",
    "评价机构有下列行为之一的，由人社部门依规予以处理：",
    "被检查单位有以下情况的，检查人员可以提请主管部门予以处理：",
])
def test_behaviours_listed_without_numbers_in_other_leads(tmp_path: Path, lead: str) -> None:
    _write(tmp_path, "refer", "某市职业技能鉴定质量督导办法",
           f"第一条 {lead}拒绝提供有关情况和文件、资料的；阻挠有关人员反映情况的；其他影响督导工作的行为。")
    [s] = extract_all(parse_corpus(tmp_path), tmp_path).sanctions
    assert "依规处理" in s.measures
    assert [t.text for t in s.triggers] == ["拒绝提供有关情况和文件、资料的", "阻挠有关人员反映情况的"]
    assert not {"person:supervisor", "person:examiner"} & set(s.sanctioned)


def test_only_a_long_line_wrapped_into_an_indented_one_is_unwrapped(tmp_path: Path) -> None:
    from kg.extract.spans import UnitText

    body = ("第一条 训练单位应符合下列条件,并检具评鉴申请表及相关证明文件向评\n"
            "      鉴机构提出书面申请:\n"
            "  (一)办理教育训练经验达三年以上。\n"
            "第二条 评鉴程序\n"
            "      评鉴机构受理申请后办理书面审查。\n")
    _write(tmp_path, "wraps", "某市训练单位评鉴作业要点", body)
    corpus = parse_corpus(tmp_path)
    texts = {u.id.split("/", 1)[1]: UnitText(u, tmp_path / "wraps.txt").unwrap().text for u in corpus.units()
             if u.kind == "article"}
    assert "向评 鉴机构提出书面申请:\n" in texts["art_1"]  # the wrap read as a space; the item still opens a line
    assert "评鉴程序\n" in texts["art_2"]  # a heading is shorter than a wrapped line: its break stays
