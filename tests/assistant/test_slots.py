"""Reading an applicant's facts from plain Chinese: places aside, every slot kind on real phrasings."""

from __future__ import annotations

import pytest

from assistant.understand.slots import read_slots


@pytest.mark.parametrize(("text", "expected"), [
    ("我们是一家规模以上企业", {"org_type": "enterprise", "enterprise_size": "above_scale"}),
    ("不是规模以上的小公司", {"org_type": "enterprise", "enterprise_size": "small"}),
    ("我们是行业协会，民政评估5A级", {"org_type": "industry_association", "civil_affairs_rating": 5.0}),
    ("技师学院，场地一千二百平方米", {"org_type": "technical_school", "site_area": 1200.0}),
    ("租期两年半", {"site_owned": False, "site_tenure_years": 2.5}),
    ("场地是自有的，专职工作人员六名", {"site_owned": True, "fulltime_staff": 6.0}),
    ("每个级别有4名考评员", {"examiners_per_level": 4.0}),
    ("尚未取得法人资格", {"legal_person": False}),
    ("具有独立法人资格，没有失信记录", {"legal_person": True, "bad_record": False}),
    ("有过违法违规记录", {"bad_record": True}),
    ("考场没有装监控", {"video_monitoring": False}),
    ("不以营利为目的", {"not_for_profit": True}),
    ("还没有与政府部门脱钩", {"government_affiliated": True}),
    ("办公室60平米，理论考试场地80平米", {"office_area": 60.0, "theory_room_area": 80.0}),
    ("理论考场3个，考位40个，工位12个", {"theory_rooms": 3.0, "seats": 40.0, "work_stations": 12.0}),
    ("在县区鉴定机构备案，干了三年，想申请二级", {"filing_level": "county", "evaluation_years": 3.0, "target_level": 2}),
    ("我們是民辦培訓學校", {"org_type": "training_institution"}),
])
def test_reads_slots(text: str, expected: dict[str, object]) -> None:
    values = read_slots(text).values
    assert {k: values.get(k) for k in expected} == expected, values


# Forms whose parts take words between them, kinds and units people also write, and negations that belong to
# another verb: each the general form, varied from the sentences it was found in.
FORMS = [
    ("最近三年年审全部都合格", {"annual_review_failed": False}),
    ("年检连续3年都通过了", {"annual_review_failed": False}),
    ("前年年检没合格", {"annual_review_failed": True}),
    ("年审有一年不合格", {"annual_review_failed": True}),
    ("单位信用向来不错", {"bad_record": False}),
    ("打算把认定当成一门生意", {"not_for_profit": False}),
    ("我们中心由区政府主办", {"government_affiliated": True}),
    ("是乡镇管的培训学校", {"government_affiliated": True}),
    ("不是人社局主办的", {"government_affiliated": False}),
    ("早已跟业务主管的局脱钩", {"government_affiliated": False}),
    ("考核基地是集团自己的", {"site_owned": True}),
    ("考评员是我们自己的", {"site_owned": None}),  # people, not premises
    ("培训中心挂靠在县人社局", {"government_affiliated": True}),
    ("实训中心由县人社局统一管理", {"government_affiliated": True}),
    ("这个服务中心是镇政府的事业单位", {"government_affiliated": True}),
    ("人社局直属的实训基地", {"government_affiliated": True}),
    ("我们是人社局的合作单位", {"government_affiliated": None}),  # a partner, not a unit of it
    ("民办的职业学校", {"government_affiliated": None}),
    ("年审从来没出过问题", {"annual_review_failed": False}),
    ("没有违法违规行为", {"bad_record": False}),
    ("技能培训学校（民办非企业单位）", {"org_type": "private_non_enterprise"}),  # the legal form, in brackets
    ("理论考场两间共120平、60个座", {"theory_rooms": 2.0, "theory_room_area": 120.0, "seats": 60.0}),
    ("我们是一所民办本科", {"org_type": "university"}),
    ("我们是省属高校", {"org_type": "university"}),
    # a colon opens the parts, a dash starts another statement
    ("场地自有，总共两千平：其中办公室60平", {"site_area": 2000.0, "office_area": 60.0}),
    ("监控、题库都有——就是专职只有3人", {"video_monitoring": True, "question_bank": True, "fulltime_staff": 3.0}),
    # a negator inside a cause negates the cause, not what follows
    ("由于年报没报上而被列入经营异常名录", {"abnormal_operation": True}),
    ("因为联系不上被列进了失信名单", {"bad_record": True}),
    ("从没有被列入经营异常名录", {"abnormal_operation": False}),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[t for t, _ in FORMS])
def test_reads_forms_with_words_between_their_parts(text: str, expected: dict[str, object]) -> None:
    values = read_slots(text).values
    assert {k: values.get(k) for k in expected} == expected, values


def test_a_date_year_is_not_a_quantity() -> None:
    assert read_slots("2025年3月20日能申报吗").values == {}


@pytest.mark.parametrize(("text", "yes_no"), [("是", True), ("是的。", True), ("有", True), ("不是", False),
                                              ("没有", False), ("1200", None)])
def test_short_replies(text: str, yes_no: bool | None) -> None:
    assert read_slots(text).yes_no is yes_no


def test_unsure_reply_and_plain_number() -> None:
    assert read_slots("这个不知道").unsure
    assert read_slots("1200").plain_numbers == [1200.0]
    assert read_slots("六年").bare_numbers == [(6.0, "years")]
