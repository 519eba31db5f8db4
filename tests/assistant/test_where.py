"""Where-questions ("在哪些地方能申请", "各地能不能报") are told from questions that only mention a place or
ask where to do a step (在哪里提交材料), compare places (各地…是否一样) or ask which *parts* of something
(申请表哪些地方要填). The forms are varied on purpose: an interrogative before or after a place noun, 哪里 as
a goal or a subject, distributives over places, counts of places."""

from __future__ import annotations

import pytest

from assistant.understand.where import asks_where

WHERE = [
    "我们是行业协会，在哪些地方能申请成为评价机构？",
    "我们是技工学校，场地800平方米，哪里可以申请备案？",
    "各地能不能报评价机构？",
    "我们单位在哪儿能申报职业技能等级认定？",
    "像我们这样的培训机构，哪些省市可以申请？",
    "我们去哪里申请成为第三方评价机构比较合适？",
    "有哪些地区允许我们申请？",
    "全国哪些城市我们符合条件？",
    "我们这种情况能在哪些地区备案？",
    "我们可以到哪些地方申报评价机构？",
    "哪个地方我们够条件申请？",
    "我们企业在几个地方中哪些能报？",
    "我们协会可以在哪里设外部考点？",
    "哪些省份会接受我们的申请？",
    "符合条件的地方有哪些？",
    "在哪些地区我们能成为评价机构",
    "我们能在什么地方申请认定资格？",
    "哪些地方我们是符合的？",
    "我们可以去哪几个地区申报？",
    "请问各地我们都能申请吗？",
    "在哪些城市可以申请成为技能评价机构",
    "我们在各个地区是否都符合申请条件？",
    "哪里能让我们申请评价机构资质？",
    "哪几个省能报？",
    "哪些地方能接受行业协会申请评价机构？",
    "我们在哪些地方符合备案要求？",
    "全国各地哪里都能申请吗？",
    "能申请的地区有哪些？",
    "哪些地市能够受理我们的申请？",
    "这五个地方我们分别能不能申报？",
    "我们适合去哪儿备案？",
    "所有地方都能申请吗？",
    "每个省我们是否都符合申请条件？",
]

NOT_WHERE = [
    "各地公示期有什么不同",
    "浙江哪里能查到评价机构名单",
    "吉林的行业协会能申请吗？",
    "申请材料在哪里提交？",
    "外部考点条件",
    "哪些情形会被取消资格？",
    "在哪里下载申请表？",
    "评价机构有哪些义务？",
    "宿迁第九条说了什么",
    "公示期多少天",
    "哪些单位不能申报？",
    "哪些职业可以认定？",
    "证书在哪里领取？",
    "各地区的申请条件是否一样？",
    "申请表什么地方要盖章？",
    "各地区申请备案都需要多久？",
    "我们申请评价机构，不符合的地方有哪些？",
    "申请书哪些地方要填写？",
    "各地符合条件的机构有多少家？",
    "各地申请是否需要现场评估？",
]


@pytest.mark.parametrize("question", WHERE)
def test_asks_where(question: str) -> None:
    assert asks_where(question) is not None


@pytest.mark.parametrize("question", NOT_WHERE)
def test_does_not_ask_where(question: str) -> None:
    assert asks_where(question) is None


def test_external_sites_are_asked_about_as_such() -> None:
    assert asks_where("我们协会可以在哪里设外部考点？") == "external_site"
    assert asks_where("在哪些地区我们能成为评价机构") == "eligibility"


def test_several_named_places_ask_where_only_when_several() -> None:
    assert asks_where("宿迁、吉林哪些能报？", places=2) == "eligibility"
    assert asks_where("吉林哪些能报？", places=1) is None
