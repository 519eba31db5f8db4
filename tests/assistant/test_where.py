"""Where-questions ("在哪些地方能申请", "各地能不能报") are told from questions that only mention a place or
ask where to do a step (在哪里提交材料), compare places (各地…是否一样) or ask which *parts* of something
(申请表哪些地方要填). The forms are varied on purpose: an interrogative before or after a place noun, 哪里 as
a goal or a subject, distributives over places, counts of places."""

from __future__ import annotations

import pytest

from assistant.understand.where import asks_where, asks_whether

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
    "省级学会，社会团体法人，民政评估5A。能报哪里？",
    "我们是培训学校，可以申请到哪些地方？",
    "我们公司条件如上，去哪报比较好？",
    "像我们这样的条件，报哪里合适？",
    # 材料 in the facts stated before the question is no how-to
    "民非培训学校，去年民政年检没通过（材料交晚了），除此之外没有不良记录。这种情况哪里还能报？",
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


# Naming no place, asking whether the organisation described may apply: every place's verdict answers it.
WHETHER = [
    "大型化工企业，本地独立法人，信用良好，每级考评员6个，有题库，不过考核场地还没上监控。我们能申请吗？",
    "小微企业，本地注册的独立法人，没失信，考场装了监控、有题库，但每个等级只有4个考评员。能申请评价机构吗？",
    "小培训机构，本地登记独立法人，没失信，场地800平租的，租期2年。估计条件差很多，具体差在哪？",
    "我们有1.2千㎡的自有场地，想做职业技能等级认定，可以申请评价机构吗？",
    "我们是街道办事处，能申请成为评价机构吗？",
    "本校场地两千平，专职六人，够不够格？",
    "我们是培训学校，自有场地一千五，专职5人，行不行？",
    "我们具备申报条件吗？场地是租的，租期四年半",
    "我们场地800平，是租的，专职3人，哪些条件还不满足？",
]

NOT_WHETHER = [
    "有失信记录的单位能申请评价机构吗",  # no organisation of the asker's: a question about the rule
    "没有法人资格能备案吗",
    "我们是行业协会，申请评价机构需要什么条件？",  # the rules themselves
    "申请评价机构对注册资本有要求吗，要多少万",
    "我们场地1200平方米，申请材料在哪里提交？",
    "我们被约谈过，会怎么处理？",  # another determination
    "行业协会能申请成为评价机构吗",
    "评价机构的场地租的可以吗，租期有没有要求",
    "我们是培训学校，场地1200平，申请条件是什么？",
    "我们是培训学校，场地800平，能申请职业培训补贴吗？",  # applying for something else
    "我们公司员工300人，能申请稳岗补贴吗？",
]


@pytest.mark.parametrize("question", WHETHER)
def test_asks_whether(question: str) -> None:
    assert asks_whether(question)


@pytest.mark.parametrize("question", NOT_WHETHER)
def test_does_not_ask_whether(question: str) -> None:
    assert not asks_whether(question)
