"""What the facts mean: directions, anchors and actors of deadlines, look-backs and subjects of conditions,
the party a sanction falls on and the norm a behaviour breaks — one fact, one kind."""

from __future__ import annotations

import pytest

from kg.extract import extract_all
from kg.facts import FactSet, Period
from kg.graph import build_graph, to_networkx
from kg.models import Corpus


@pytest.fixture(scope="module")
def facts(corpus: Corpus) -> FactSet:
    return extract_all(corpus)


def _deadline(facts: FactSet, unit: str, event: str):  # type: ignore[no-untyped-def]
    [d] = [d for d in facts.deadlines if d.provenance.unit_id == unit and d.event == event]
    return d


def test_at_least_before_is_not_within_before(facts: FactSet) -> None:
    plan = _deadline(facts, "jilin-2022-78/sec_5/item_3", "计划报备")  # 提前10个工作日以上
    renew = _deadline(facts, "zhejiang-2022-20-jigou/art_23", "延续申请")  # 有效期满前3个月内
    assert (plan.direction, plan.anchor, plan.actor) == ("at_least_before", "认定批次", "org:evaluation_org")
    assert (renew.direction, renew.anchor) == ("within_before", "有效期满")


def test_inactivity_is_not_a_time_limit(facts: FactSet) -> None:
    idle = _deadline(facts, "zhejiang-2022-20-jiandu/art_20/item_4", "未开展评价")  # 一年内无正当理由不开展
    assert (idle.direction, idle.amount, idle.unit) == ("inactivity", 1, "年")
    stop = _deadline(facts, "chizhou-2024-4/art_22/pt_2", "停止认定工作")  # 停止…超1年以上的（含1年）
    assert stop.direction == "inactivity"


def test_who_must_act(facts: FactSet) -> None:
    assert _deadline(facts, "jilin-2022-78/sec_5/item_5", "证书数据上报").actor == "org:evaluation_org"
    assert _deadline(facts, "jiangsu-2019-178/sec_1/item_1", "受理告知").actor == "auth:appraisal_body"


def test_one_fact_one_kind(facts: FactSet) -> None:
    """宿迁 第六条 满2年 is the condition for applying for the next level, not also a deadline."""
    unit = "suqian-2022-36/art_6/item_1"
    assert [c.attribute for c in facts.conditions if c.provenance.unit_id == unit] == ["regular_work_years"]
    assert not [d for d in facts.deadlines if d.provenance.unit_id == unit]
    condition_spans = {(c.provenance.doc_id, c.provenance.start) for c in facts.conditions}
    assert not [d for d in facts.deadlines if (d.provenance.doc_id, d.provenance.start) in condition_spans]


def test_look_back_and_every_subject(facts: FactSet) -> None:
    [review] = [c for c in facts.conditions if c.attribute == "annual_review_failed"]
    assert review.lookback == Period(amount=3, unit="年")
    assert review.subjects == ["org:social_group", "org:private_non_enterprise"]
    [abnormal] = [c for c in facts.conditions if c.attribute == "abnormal_operation"]
    assert abnormal.subjects == ["org:enterprise"] and abnormal.lookback == Period(amount=3, unit="年")


def test_a_kind_named_as_a_modifier_is_no_subject(facts: FactSet) -> None:
    """江苏 附件3 二 第16行: 行业企业工种岗位规范 speaks of a norm; the row binds 第三方评价机构."""
    [bank] = [c for c in facts.conditions if c.provenance.unit_id == "jiangsu-2019-178/annex_3/sec_2/row_16"]
    assert bank.subjects == ["org:third_party_org"]


def test_sanctions_name_who_imposes_and_who_is_sanctioned(facts: FactSet) -> None:
    by_unit = {s.provenance.unit_id: s for s in facts.sanctions}
    void = by_unit["zhejiang-2022-20-jiandu/art_18"]
    assert void.imposed_by == "auth:hrss" and void.sanctioned == ["org:evaluation_org", "person:candidate"]
    first = next(s for s in facts.sanctions if s.qualifier == "第一次")
    assert first.imposed_by == "auth:appraisal_body"


def test_behaviours_link_to_the_norm_they_break(facts: FactSet) -> None:
    renew = _deadline(facts, "zhejiang-2022-20-jigou/art_23", "延续申请")
    lapse = next(t for s in facts.sanctions for t in s.triggers
                 if t.provenance.unit_id == "zhejiang-2022-20-jiandu/art_21/item_7")
    assert renew.id in lapse.punishes  # 有效期满未及时申请延续
    legal = next(c for c in facts.conditions if c.provenance.unit_id == "chizhou-2024-4/art_8/pt_1"
                 and c.attribute == "legal_person")
    ended = next(t for s in facts.sanctions for t in s.triggers if t.provenance.unit_id == "chizhou-2024-4/art_22/pt_3")
    assert ended.punishes == [legal.id]  # 法人资格依法终止


def test_graph_sanction_applies_to_the_party_sanctioned(corpus: Corpus, facts: FactSet) -> None:
    g = to_networkx(build_graph(corpus, facts))
    sid = next(s.id for s in facts.sanctions if s.provenance.unit_id == "zhejiang-2022-20-jiandu/art_21")
    assert g.has_edge(sid, "org:evaluation_org", key="applies_to")
    assert g.has_edge(sid, "auth:hrss", key="imposed_by")
    assert not g.has_edge(sid, "auth:hrss", key="applies_to")
