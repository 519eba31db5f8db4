"""The genre's wordings, table by table: real clauses of documents of other places (and of the shipped six)
rewritten the ways other regulators write the same rule, each read as one article of a new document.

Each row is a clause and the fact it must give: the words change (comparator, numeral, unit, word order,
the noun that closes the phrase, who is named), the fact does not. Rows say where the clause comes from.
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

# (clause, attribute, value, comparator, scope, look-back): the condition it states.
CONDITIONS: list[tuple[str, str, float | bool, str, str | None, str | None]] = [
    # 福州 一（五）: the examiners an enterprise keeps, counted per occupation, are its roster
    ("拥有一支稳定的考评人员队伍，每个职业(工种)不少于3名考评人员。", "examiners_per_level", 3, ">=", "每个职业(工种)", None),
    ("每个职业（工种）持证考评员不少于六人。", "examiners_per_level", 6, ">=", "每个职业（工种）", None),
    # the people a relative clause names (持有考评员证书的人员), per an occupation qualified by its act (每个申报职业)
    ("每个申报职业(工种)至少有3名以上持有考评员证书的人员。", "examiners_per_level", 3, ">=", "每个申报职业(工种)", None),
    # 江苏 二（四）: examiners assigned while an evaluation runs
    ("评价过程中，每个职业（工种）配备考评人员不得少于3人。", "examiners_per_session", 3, ">=", "每个职业（工种）", None),
    ("考评人员每场次不少于3人。", "examiners_per_session", 3, ">=", "每场次", None),
    # 池州 第八条（五）: the place a compound noun names, not the 场地面积 its last characters spell
    ("操作技能考核场地面积不少于一百五十平方米。", "practical_site_area", 150, ">=", None, None),
    ("技能操作考核场所面积不少于200平方米。", "practical_site_area", 200, ">=", None, None),
    ("理论考试场地面积不少于60平方米。", "theory_room_area", 60, ">=", None, None),
    ("办公场所面积100㎡以上。", "office_area", 100, ">=", None, None),
    ("场地使用面积不少于1,000平方米。", "site_area", 1000, ">=", None, None),
    ("有满足评价需要的场地，总面积达到一千五百平方米。", "site_area", 1500, ">=", None, None),
    ("评价场地千余平方米。", "site_area", 1000, ">", None, None),
    ("考核场地面积≥1000㎡。", "practical_site_area", 1000, ">=", None, None),
    # 吉林 一（二）3: tenure, in every spelling of a floor
    ("场地为自有产权或租赁期限在3年（含）以上。", "site_tenure_years", 3, ">=", None, None),
    ("租赁场地的，剩余租期不少于两年。", "site_tenure_years", 2, ">=", None, None),
    # the head noun the clause closes on names what is counted
    ("有2个以上独立的标准化考场。", "theory_rooms", 2, ">=", None, None),
    ("具有5年以上职业技能鉴定或评价工作经验。", "evaluation_experience_years", 5, ">=", None, None),
    ("开展职业技能培训工作5年以上。", "training_experience_years", 5, ">=", None, None),
    # the national call (unseen-docs3 u402) 一（二）: volumes in 人次, in 万; money in 万元
    ("累计培训评价规模达到3万人次以上。", "trainees", 30000, ">=", None, None),
    ("每个职业（工种）年均评价规模不少于五千人次。", "trainees", 5000, ">=", "每个职业（工种）", None),
    ("注册资金不少于100万元。", "registered_capital", 1000000, ">=", None, None),
    ("具有连续5年以上相关培训评价经历。", "evaluation_experience_years", 5, ">=", None, None),
    # 宿迁 第二条（八）, 福州 一（一）: years since registration are a condition, not a deadline
    ("在本市依法登记注册满2年。", "established_years", 2, ">=", None, None),
    ("行业协会须为民政部门登记的社会团体，成立满3年。", "established_years", 3, ">=", None, None),
    # 福州 一（二）: a scope's own noun is not what it counts
    ("企业在职职工人数达到300人以上。", "employees", 300, ">=", None, None),
    ("每家机构申报职业（工种）原则上不超过5个。", "occupations_max", 5, "<=", None, None),
    ("内部质量督导员每个职业不少于1名。", "supervisors", 1, ">=", "每个职业", None),
    ("每个考场座位不少于30个，桌间距不低于80厘米。", "desk_distance", 80, ">=", "每个考场", None),
    # 池州 第八条（一）, 宿迁 第二条（八）: a look-back that opens the clause
    ("近三年内无违法违规和失信等不良行为记录。", "bad_record", False, "absent", None, "3年"),
    ("近3年内未受到人社部门行政处罚。", "bad_record", False, "absent", None, "3年"),
    ("近三年无违法违规和失信等不良记录。", "bad_record", False, "absent", None, "3年"),
    ("近两年内未发生重大安全生产事故。", "safety_accident", False, "absent", None, "2年"),
    ("法定代表人无犯罪记录。", "bad_record", False, "absent", None, None),
    # a list of refusals whose items stayed in its lead's paragraph
    ("申报单位有下列情形之一的，不予受理：（一）近2年内受到行政处罚的；（二）被列入失信名单的。", "bad_record", False,
     "absent", None, "2年"),
]

# (clause, direction, amount, unit, anchor, event): the deadline it states.
DEADLINES: list[tuple[str, str, float, str, str | None, str]] = [
    # 吉林 四（三）3, 浙江 第二十三条: the end of a term counted back from
    ("备案有效期满需继续开展评价工作的，应在有效期满前3个月内提出延续申请。", "within_before", 3, "月", "有效期满", "延续申请"),
    ("有效期届满需要继续开展认定的，应当在有效期届满前60日内提出延续申请。", "within_before", 60, "日", "有效期届满",
     "延续申请"),
    # 宿迁 第十一条: 提前 is "at least before"
    ("评价机构应当提前30日向社会公布评价计划。", "at_least_before", 30, "日", "评价实施", "计划报备"),
    ("社会培训评价组织应当在每批次认定开始前5个工作日向鉴定中心报送认定计划。", "at_least_before", 5, "工作日",
     "每批次认定开始", "计划报备"),
    # the anchor named by 之日起 without 自, or by an act done right before the amount
    ("人社部门应在收到申请之日起20个工作日内完成审核。", "within", 20, "工作日", "收到申请", "审核"),
    ("考生对成绩有异议的，可在成绩公布之日起7日内申请复核。", "within", 7, "日", "成绩公布", "复核"),
    ("证书信息应在证书核发后30日内上传至全国联网查询系统。", "within", 30, "日", "证书核发", "上传"),
    ("职业技能等级证书应在成绩公示结束后20个工作日内发放。", "within", 20, "工作日", "成绩公示结束", "证书发放"),
    ("评价机构应当于考核结束后10个工作日内将评价结果报人社部门备案。", "within", 10, "工作日", "考核结束", "结果报备"),
    ("评价机构名称发生变更的，应当自变更之日起15日内向备案机关报告。", "within", 15, "日", "变更", "报告"),
    ("市职业技能鉴定中心在收到申报材料后15个工作日内组织专家评估。", "within", 15, "工作日", "收到申报材料", "评估"),
    # a retention named 保存期限 is kept at least that long (not a term of validity)
    ("评价机构应将考生档案归档，档案保存期限不少于5年。", "at_least", 5, "年", None, "档案保存"),
    # 吉林 四（三）3: a publicity period stated bare lasts at least that long
    ("评估结果在市人社局网站公示5个工作日。", "at_least", 5, "工作日", None, "公示"),
    # 浙江 第二十一条: inactivity; 龙岗 (unseen-docs3 u403): 一年内未组织实施一次评价工作
    ("无正当理由连续两年不开展评价工作的，视同自动退出。", "inactivity", 2, "年", None, "未开展评价"),
    ("企业一年内未组织实施评价工作的，取消其备案。", "inactivity", 1, "年", None, "未开展评价"),
    # 德阳 (unseen-docs3 u404) 三: a day named by its act, counted from without 自
    ("考生对成绩有疑问的，可于成绩发布日起5个工作日内提出查分申请。", "within", 5, "工作日", "成绩发布日", "查分"),
]

# (clause, measures it must include, parties sanctioned): a behaviour and what it leads to.
# Clauses of the examination's rules: a consequence for a candidate or an examiner, no sanction of the tables.
RULES = ["考评人员与考生有利害关系的，不得参与该场次考评工作。", "考生迟到15分钟以上的，视为自动放弃考试。"]

SANCTIONS: list[tuple[str, set[str], set[str]]] = [
    ("评价机构弄虚作假、违规发放证书的，取消其备案资格，3年内不再受理其备案申请，并向社会公布。",
     {"取消备案", "不再受理申请", "向社会公布"}, {"org:evaluation_org"}),
    ("考评人员违反考务纪律的，取消其考评资格，并通报其所在单位。", {"取消评价资格", "通报主管部门"}, {"person:examiner"}),
    ("考生在考试中有作弊行为的，当次考试成绩无效，2年内不得参加职业技能等级认定。",
     {"证书或成绩无效", "禁止参与评价"}, {"person:candidate"}),
    ("评价机构未按规定公示评价结果的，责令整改，并暂停其评价活动。", {"限期整改", "暂停评价活动"}, {"org:evaluation_org"}),
    ("社评组织超范围开展评价活动的，移出评价机构目录。", {"移出目录"}, {"org:social_training_org"}),
    # 撤销其备案 revokes the filing (not a certificate: 撤销其 alone is the certificate's word)
    ("评价机构存在违规发放证书、乱收费等行为的，一经查实，撤销其备案，五年内不再受理其备案申请。",
     {"取消备案", "不再受理申请"}, {"org:evaluation_org"}),
    ("考评人员在评价工作中弄虚作假的，取消其考评资格，三年内不得从事考评工作。", {"取消评价资格", "禁止参与评价"},
     {"person:examiner"}),
    # 龙岗 (unseen-docs3 u403): the behaviour inside a longer sentence, its measure's time no deadline
    ("区人社局每年对企业开展评价的情况进行评估，半年内未组织一次认定工作的，此后一年内不再接受其备案申请。",
     {"不再受理申请"}, {"org:enterprise"}),
    ("评价机构连续两年未开展认定工作的，视为自动退出。", {"视同退出"}, {"org:evaluation_org"}),
    # a reposted text lost the line breaks of a list: its items are still the behaviours
    ("评价机构有下列情形之一的，由人力资源社会保障部门责令限期整改，并暂停其评价活动：（一）未按规定公示评价结果的；"
     "（二）超范围开展评价活动的；（三）未按要求报送评价计划的。", {"限期整改", "暂停评价活动"}, {"org:evaluation_org"}),
]


def _article(i: int) -> str:
    return f"{int_to_cn(i + 1)}条"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, FactSet]:
    """Every clause of the tables as one article of a new document, read by the whole extractor."""
    folder = tmp_path_factory.mktemp("genre")
    clauses = [row[0] for table in (CONDITIONS, DEADLINES, SANCTIONS) for row in table] + RULES
    body = "\n".join(f"第{_article(i)} {c}" for i, c in enumerate(clauses))
    (folder / "new.txt").write_text(f"某市技能人才评价机构管理办法\n{body}\n", encoding="utf-8")
    (folder / "new.meta.yaml").write_text(
        "documents:\n  - id: new-2025-1\n    title: 某市技能人才评价机构管理办法\n    issuer: 某市人力资源和社会保障局\n"
        "    jurisdiction: 某市\n    level: city\n    issued: 2025-01-01\n    effective: 2025-01-01\n"
        "    numbering: article\n    body_start: 第一条\n", encoding="utf-8")
    corpus = parse_corpus(folder)
    return corpus, extract_all(corpus, folder)


def _unit(corpus: Corpus, clause: str) -> str:
    [unit] = [u.id for u in corpus.units() if u.kind == "article" and u.text.endswith(clause)]
    return unit


def _facts(read: tuple[Corpus, FactSet], clause: str, kind: str) -> list[Any]:
    corpus, facts = read
    unit = _unit(corpus, clause)
    return [f for f in getattr(facts, kind) if f.provenance.unit_id == unit]


@pytest.mark.parametrize(("clause", "attribute", "value", "comparator", "scope", "lookback"), CONDITIONS,
                         ids=[row[0][:24] for row in CONDITIONS])
def test_the_condition_is_read_whatever_the_wording(read: tuple[Corpus, FactSet], clause: str, attribute: str,
                                                    value: float | bool, comparator: str, scope: str | None,
                                                    lookback: str | None) -> None:
    found = [c for c in _facts(read, clause, "conditions") if c.attribute == attribute]
    assert found, [(c.attribute, c.value, c.text) for c in _facts(read, clause, "conditions")]
    c = found[0]
    got_lookback = f"{c.lookback.amount:g}{c.lookback.unit}" if c.lookback else None
    assert (c.value, c.comparator, c.scope, got_lookback) == (value, comparator, scope, lookback)


@pytest.mark.parametrize(("clause", "direction", "amount", "unit", "anchor", "event"), DEADLINES,
                         ids=[row[0][:24] for row in DEADLINES])
def test_the_deadline_is_read_with_its_anchor_and_event(read: tuple[Corpus, FactSet], clause: str, direction: str,
                                                        amount: float, unit: str, anchor: str | None,
                                                        event: str) -> None:
    found = [d for d in _facts(read, clause, "deadlines") if d.amount == amount]
    assert found, [(d.direction, d.amount, d.text) for d in _facts(read, clause, "deadlines")]
    d = found[0]
    assert (d.direction, d.unit, d.anchor) == (direction, unit, anchor)
    assert event in d.event


def test_time_a_condition_reads_is_no_deadline(read: tuple[Corpus, FactSet]) -> None:
    assert not _facts(read, "在本市依法登记注册满2年。", "deadlines")


def test_the_time_a_measure_lasts_is_no_deadline(read: tuple[Corpus, FactSet]) -> None:
    found = _facts(read, "此后一年内不再接受其备案申请。", "deadlines")
    assert [(d.direction, d.amount) for d in found] == [("inactivity", 0.5)]


@pytest.mark.parametrize(("clause", "measures", "sanctioned"), SANCTIONS, ids=[row[0][:24] for row in SANCTIONS])
def test_the_sanction_names_its_measures_and_who_it_falls_on(read: tuple[Corpus, FactSet], clause: str,
                                                             measures: set[str], sanctioned: set[str]) -> None:
    found = _facts(read, clause, "sanctions")
    assert found, clause
    s = found[0]
    assert measures <= set(s.measures)
    assert set(s.sanctioned) == sanctioned
    assert s.triggers and s.triggers[0].text in clause and not s.triggers[0].text.startswith("第")


@pytest.mark.parametrize("clause", RULES)
def test_a_rule_of_the_examination_is_no_sanction(read: tuple[Corpus, FactSet], clause: str) -> None:
    assert not _facts(read, clause, "sanctions")


@pytest.mark.parametrize("clause", [
    "每个职业(工种)申报的等级原则上不超过3个。",  # levels per occupation: no attribute counts them
    "技能鉴定中心对通过评估的评价工作进行不少于5个工作日的公示。",  # days are no years of experience
    "力争全年完成职业技能培训评价3万人次以上。",  # a target of the work, no requirement
])
def test_what_no_attribute_counts_gives_no_condition(clause: str) -> None:
    from kg.extract.conditions import numeric_readings

    assert not list(numeric_readings(clause))


def test_a_threshold_of_a_list_of_conditions_no_attribute_names_is_still_a_condition(tmp_path: Path) -> None:
    (tmp_path / "list.txt").write_text(
        "某市技能人才评价机构管理办法\n第一条 申请备案的评价机构应当具备下列条件：\n（一）具有独立法人资格；\n"
        "（二）具有高级职称的专业技术人员不少于3人；\n（三）年培训规模500人次以上；\n（四）每个考场配备计算机不少于30台；\n"
        "（五）院校类申报单位还应开设相关专业3年以上。\n"
        "第二条 本市现有评价机构12家，共有考评人员300余人。\n", encoding="utf-8")
    (tmp_path / "list.meta.yaml").write_text(
        "documents:\n  - id: list-2025-1\n    title: 某市技能人才评价机构管理办法\n    issuer: 某市人力资源和社会保障局\n"
        "    jurisdiction: 某市\n    level: city\n    issued: 2025-01-01\n    effective: 2025-01-01\n"
        "    numbering: article\n    body_start: 第一条\n", encoding="utf-8")
    facts = extract_all(parse_corpus(tmp_path), tmp_path)
    got = {(c.attribute, c.value, c.comparator, c.scope, c.provenance.quote) for c in facts.conditions
           if c.attribute.startswith("unnamed")}
    assert got == {("unnamed_persons", 3, ">=", None, "具有高级职称的专业技术人员不少于3人"),
                   ("unnamed_count", 30, ">=", "每个考场", "每个考场配备计算机不少于30台")}  # not 第二条's figures
    # a volume of activity and years of an activity are requirements of the running of the work: left out, and
    # the time a list of conditions requires is no deadline either
    assert not facts.deadlines


def test_the_items_of_a_list_of_refusals_are_prohibitions(tmp_path: Path) -> None:
    (tmp_path / "refuse.txt").write_text(
        "某市技能人才评价机构管理办法\n第一条 申请备案的机构有下列情形之一的，不予备案：\n（一）近3年内受到人社部门行政处罚的；\n"
        "（二）被列入严重失信主体名单的；\n（三）近两年发生重大安全事故的。\n"
        "第二条 评价机构应当如实记录考生受到处罚的情况。\n", encoding="utf-8")
    (tmp_path / "refuse.meta.yaml").write_text(
        "documents:\n  - id: refuse-2025-1\n    title: 某市技能人才评价机构管理办法\n    issuer: 某市人力资源和社会保障局\n"
        "    jurisdiction: 某市\n    level: city\n    issued: 2025-01-01\n    effective: 2025-01-01\n"
        "    numbering: article\n    body_start: 第一条\n", encoding="utf-8")
    facts = extract_all(parse_corpus(tmp_path), tmp_path)
    got = {(c.provenance.unit_id.rsplit("/", 1)[-1], c.attribute, c.comparator,
            f"{c.lookback.amount:g}{c.lookback.unit}" if c.lookback else None) for c in facts.conditions}
    assert got == {("item_1", "bad_record", "absent", "3年"), ("item_2", "listed_as_untrustworthy", "absent", None),
                   ("item_3", "safety_accident", "absent", "2年")}  # 第二条 is no list of refusals
    assert not facts.deadlines  # the look-backs belong to the prohibitions



INLINE_LIST = ("评价机构有下列情形之一的，由人力资源社会保障部门责令限期整改，并暂停其评价活动：（一）未按规定公示评价结果的；"
               "（二）超范围开展评价活动的；（三）未按要求报送评价计划的。")


def test_a_list_of_behaviours_left_in_its_lead_paragraph_is_read_item_by_item(read: tuple[Corpus, FactSet]) -> None:
    [sanction] = _facts(read, INLINE_LIST, "sanctions")
    assert [t.text for t in sanction.triggers] == ["未按规定公示评价结果的", "超范围开展评价活动的", "未按要求报送评价计划的"]
