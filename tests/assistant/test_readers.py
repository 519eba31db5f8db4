"""The readers of questions as people write them: numbers, dates, several facts in one sentence, negations
after the word, yes/no forms. Written from the documents' own requirements (场地1000平方米以上, 30个考位,
不少于5名考评员, 建立职业技能等级津贴制度 …), in the words an applicant would use."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.reason.dates import date_has_year, date_in
from assistant.understand.intent import classify
from assistant.understand.quantities import spell_numbers
from assistant.understand.slots import read_slots

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("自有场地1,200㎡", {"site_owned": True, "site_area": 1200.0}),
    ("场地0.12万平方米", {"site_area": 1200.0}),
    ("实训场地1.2千平米", {"site_area": 1200.0}),
    ("场地一千二百平，租期五年", {"site_area": 1200.0, "site_tenure_years": 5.0}),
    ("场地是租的，租期半年", {"site_owned": False, "site_tenure_years": 0.5}),
    ("场地租了一年半", {"site_owned": False, "site_tenure_years": 1.5}),
    ("专职人员就三个", {"fulltime_staff": 3.0}),
    ("每个等级的考评员只有两个人", {"examiners_per_level": 2.0}),
    ("理论考场只有两间，考位二十八个", {"theory_rooms": 2.0, "seats": 28.0}),
    ("自有场地两千多平", {"site_owned": True, "site_area": 2000.0}),
    ("自有场地一千二，专职五个", {"site_owned": True, "site_area": 1200.0, "fulltime_staff": 5.0}),
    ("场地面积约1500，租期十年", {"site_area": 1500.0, "site_tenure_years": 10.0}),
    # each number takes the field named nearest before it (else after it); 各 gives it to every one named
    ("场地1200平米其中办公用房100平米", {"site_area": 1200.0, "office_area": 100.0}),
    ("理论考场2个共60个考位", {"theory_rooms": 2.0, "seats": 60.0}),
    ("理论考场面积80平", {"theory_room_area": 80.0, "site_area": None}),
    ("办公场所只有20平米", {"office_area": 20.0, "site_area": None}),
    ("专职人员和考评员各5人", {"fulltime_staff": 5.0, "examiners_per_level": 5.0}),
    ("有3个专职人员", {"fulltime_staff": 3.0}),
    ("每个等级自有持证考评员6人", {"examiners_per_level": 6.0, "site_owned": None}),
    ("考核工位十来个", {"work_stations": 10.0}),
    # the unit names the field: 座, 位子 are seats even after the room's word
    ("理论考场75平36座", {"theory_room_area": 75.0, "seats": 36.0, "theory_rooms": None}),
    ("理论考场六十平米三十个位子", {"theory_room_area": 60.0, "seats": 30.0, "theory_rooms": None}),
    ("办公室八十个平方", {"office_area": 80.0}),
    ("民政评估是四A", {"civil_affairs_rating": 4.0}),
    ("社会组织评估等级5A级", {"civil_affairs_rating": 5.0}),
    # months after years; the term of the agreement a site is held by (合同, 协议, 使用期)
    ("厂房租期两年零八个月", {"site_tenure_years": 2.67}),
    ("场地租的，4年6个月", {"site_tenure_years": 4.5}),
    ("租了个厂房，合同签了六年", {"site_owned": False, "site_tenure_years": 6.0}),
    ("实训场地借用兄弟单位的，使用协议签了两年", {"site_owned": False, "site_tenure_years": 2.0}),
    ("场地是借来的，使用期四年", {"site_owned": False, "site_tenure_years": 4.0}),
    # a total said after a change is the field's amount; 前两年, 近3年 say when, not how long
    ("考评员原来三个，又培养了两个，现在一共五个", {"examiners_per_level": 5.0}),
    ("前两年因为欠税上过失信名单", {"site_tenure_years": None, "evaluation_years": None, "bad_record": True}),
    ("近3年年审都合格", {"annual_review_failed": False, "site_tenure_years": None}),
    # the theory room's desks, in 公分, 厘米 or cm (宿迁 第八条 桌距不小于80cm)
    ("考场里桌子之间隔了七十公分", {"desk_distance": 70.0}),
    ("桌距只有50cm", {"desk_distance": 50.0}),
    # a numeral inside a place's name is no amount (四平市, 八宿县)
    ("四平市的一家职业培训学校", {"site_area": None, "org_type": "training_institution"}),
])
def test_numbers_in_every_common_form(text: str, expected: dict[str, object]) -> None:
    values = read_slots(text).values
    assert {k: values.get(k) for k in expected} == expected, values


@pytest.mark.parametrize(("text", "expected"), [
    # several facts in one sentence: comma, 顿号 and 和/及 lists, a 不过 turning the clause
    ("独立法人、信用良好、有视频监控和题库", {"legal_person": True, "bad_record": False, "video_monitoring": True,
                                "question_bank": True}),
    ("有视频监控，不过没有题库", {"video_monitoring": True, "question_bank": False}),
    # the negation after the word (违规都没有, 还没确认, 还没做过) and before it (没有独立法人)
    ("近两年随机督导一次违规都没有", {"no_violation": True}),
    ("分公司，没有独立法人资格", {"legal_person": False}),
    ("我们不是法人", {"legal_person": False}),
    ("法人资格还没取得", {"legal_person": False}),
    ("民政年审有一次不合格", {"annual_review_failed": True}),
    ("内部职工的职业技能等级认定还没做过", {"internal_certification_done": False}),
    ("一直没有建立技能津贴制度", {"skill_allowance": False}),
    ("校内学生的认定还一次没搞过", {"internal_certification_done": False}),
    ("已建立职业技能等级津贴制度", {"skill_allowance": True}),
    ("考点所在地的人社局还没确认", {"local_confirmation": False}),
    ("打算先考后补手续", {"local_confirmation": False}),
    ("把报名点设成外部考点", {"site_is_exam_place": False}),
    ("视频监控设备还在采购", {"video_monitoring": False}),
    ("法定代表人有失信记录", {"bad_record": True, "legal_person": None}),
    ("约谈之后又发生了", {"interviewed_before": True}),
    ("收到书面通知以后还是没改", {"notified_before": True}),
    # "not lacking" says it is there; a plain 没有 after the word still negates
    ("监控、题库一样不缺", {"video_monitoring": True, "question_bank": True}),
    ("题库都不缺", {"question_bank": True}),
    ("题库还没有", {"question_bank": False}),
    # a profit motive said plainly; a local organisation is registered where it applies
    ("做评价主要是想赚点钱", {"not_for_profit": False}),
    ("认定这块不挣钱", {"not_for_profit": True}),
    ("我们是本地的一家企业", {"registered_in_jurisdiction": True}),
    # the annual review passed, said of every year; failed, said as 年度检查
    ("近三年年检全部合格", {"annual_review_failed": False}),
    ("民政年度检查去年没通过", {"annual_review_failed": True}),
    # affiliation to government, said as 隶属 or 下属 of a government body; administrative functions apart
    ("和主管部门没有隶属关系", {"government_affiliated": False, "org_type": None}),
    ("我们不属于任何政府部门", {"government_affiliated": False, "org_type": None}),
    ("区人社局下属的事业单位", {"government_affiliated": True, "administrative_functions": None,
                         "org_type": "public_institution"}),
    ("单位承担一部分行政审批职能", {"administrative_functions": True}),
    ("某集团下属的培训中心", {"government_affiliated": None}),
    # a profit motive said as 利润
    ("认定收费想当利润来源", {"not_for_profit": False}),
    # an enterprise's size negated or lost, or said small in everyday words
    ("我们不是规上企业", {"enterprise_size": "small"}),
    ("今年掉出规模以上了", {"enterprise_size": "small"}),
    ("一家小厂，三十来个工人", {"enterprise_size": "small", "org_type": "enterprise"}),
    # a sanction said as 行政处罚 is a record
    ("前年因为消防问题被行政处罚过", {"bad_record": True}),
])
def test_several_facts_and_negations(text: str, expected: dict[str, object]) -> None:
    values = read_slots(text).values
    assert {k: values.get(k) for k in expected} == expected, values


@pytest.mark.parametrize(("text", "expected"), [
    ("2024年6月1日备案", date(2024, 6, 1)),
    ("2024.6.1备案", date(2024, 6, 1)),
    ("2024-06-01", date(2024, 6, 1)),
    ("10月8号考试", date(2025, 10, 8)),
    ("十月八号考试", None),  # the reader sees digits: spell_numbers comes first (see below)
    ("10.8那天考完", date(2025, 10, 8)),
    ("2023年5月设立的", date(2023, 5, 1)),
    ("去年8月才备案", date(2024, 8, 1)),
    ("前年备案，今年3月想升级", date(2025, 3, 1)),
    ("上个月20号考完", date(2025, 5, 20)),
    ("下个月15日开考", date(2025, 7, 15)),
    ("下个月去报", date(2025, 7, 1)),
    ("今天能报吗", TODAY),
    ("有效期到2026年2月底", date(2026, 2, 28)),
    ("今年年底到期", date(2025, 12, 31)),
    ("今年到底能不能报", None),
    ("下周三去交", date(2025, 6, 4)),  # 2025-06-01 is a Sunday: next week's Wednesday
    ("周五去交", date(2025, 6, 6)),
    ("每周3次", None),
    ("场地1.5千平米", None),
    ("2月30日", None),
])
def test_dates(text: str, expected: date | None) -> None:
    assert date_in(text, TODAY) == expected


def test_chinese_numerals_of_a_day_are_spelt_first() -> None:
    assert date_in(spell_numbers("十月八号考试"), TODAY) == date(2025, 10, 8)
    assert not date_has_year("说错了，是4月28号") and date_has_year("去年4月28号")


@pytest.mark.parametrize(("text", "intent"), [
    ("长春的行业协会，自有场地八百平方米，够格吗？", "eligibility"),
    ("杭州的培训学校，没有独立法人，可不可以申请评价机构？", "eligibility"),
    ("吉林的行业协会，自有场地九百平，有戏吗？", "eligibility"),
    ("池州的培训学校，考评员证书都在有效期内，没有违法违规记录，能备案吗？", "eligibility"),
    ("县区鉴定机构备案满两年了，能申请开展二级吗？", "levels"),
    ("江苏的机构，2023年备案，现在还有效吗？", "validity"),
    ("约谈之后又违规了会怎样？", "sanction"),
    ("江苏的认定单位，11月10号评价结束的，现在提交成绩还来得及吗？", "deadline"),
    ("吉林的行业协会，下个月15日去申报还来得及吗？", "window"),
    ("浙江和吉林的场地要求比较", "comparison"),
    # whether a day is in time asks about the day the sentence names: applying, the window
    ("申报书都写好了，明天就去交吉林的申报，来得及吗？", "window"),
    ("我们下周一去省鉴定中心递交申报材料，还在时间里吗？", "window"),
    ("这周五报吉林的认定机构，行不行？", "window"),
    # … unless what falls due is kept material (那次评价的考生报名表…能销毁吗)
    ("2024年3月5日那次评价的考生报名表，能销毁了吗？", "deadline"),
    ("那批实操考核工件现在能当废料处理吗？", "deadline"),
    # "now" after a stated condition asks whether it may apply now, not on which days
    ("我们协会前年年检没过，现在能报吗？", "eligibility"),
    ("吉林的行业协会，现在能报吗？", "window"),
    ("去年3月备案的，现在还算数吗？", "validity"),
    ("吉林这边，10月20日交认定机构的申报还算数吗？", "window"),
])
def test_yes_no_forms_keep_the_topic(text: str, intent: str) -> None:
    assert classify(text) == intent


@pytest.mark.parametrize(("text", "expected"), [
    ("我们是行业协会，场地1200平方米，在哪些地方能申请成为评价机构？", "eligibility"),
    ("培训学校，独立法人，去哪申请评价机构比较好？", "eligibility"),
    ("我们能在哪备案成为第三方评价机构？", "eligibility"),
    ("企业想设外部考点，适合在哪设？", "external_site"),
    ("浙江哪里能查到评价机构名单", None),
    ("我们有过经营异常记录，哪里还能申请评价机构？", "eligibility"),
    ("协会只有3A，有没有地方可以申请当评价机构？", "eligibility"),
    ("我们年检没过，在哪里还有机会申请评价机构？", "eligibility"),
    ("培训学校想申请评价机构，各地情况如何？", "eligibility"),
    ("各地公示期有什么不同", None),
])
def test_where_questions(text: str, expected: str | None) -> None:
    from assistant.understand.where import asks_where

    assert asks_where(text) == expected


@pytest.mark.parametrize(("text", "kind"), [
    ("我们是民办非企业单位（职业培训学校）", "private_non_enterprise"),
    ("一家企业的培训中心", "training_institution"),
    ("我们是技师学院", "technical_school"),
    ("与政府部门脱钩的行业协会", "industry_association"),
    ("考点所在地的人社局还没确认，我们是技工学校", "technical_school"),
    ("长春一家规模以上的公司", "enterprise"),
    ("我们是街道办事处，下面有个培训中心", "government"),
    # the nature said before another kind is the kind (民办非企业性质的…); a verb between two kinds relates
    # the first to another party, which stays a party (大学的场地是借企业的)
    ("民办非企业性质的职业培训中心", "private_non_enterprise"),
    ("事业单位性质的培训中心", "public_institution"),
    ("我们技工学校的实训楼是租企业的", "technical_school"),
    ("一家培训集团在县里办的分校", "training_institution"),
    ("我们是省里的一个学会", "social_group"),
    ("和政府部门没有隶属关系的行业协会", "industry_association"),
    # a legal form before another kind is the kind (民办非企业的培训学校 registers as a 民办非企业单位)
    ("一所民办非企业的职业培训学校", "private_non_enterprise"),
])
def test_the_kind_of_organisation_named(text: str, kind: str) -> None:
    values = read_slots(text).values
    assert values.get("org_type") == kind and "target_level" not in values, values


@pytest.mark.parametrize(("text", "places", "expected"), [
    ("我们是行业协会，宿迁和池州能不能申请评价机构？", 2, "eligibility"),
    ("培训学校，独立法人，吉林、浙江可以申请吗？", 2, "eligibility"),
    ("我们这种情况，哪里符合申请评价机构的条件？", 0, "eligibility"),
    ("吉林和池州对评价机构场地的要求有什么不一样？", 2, None),
    ("浙江的协会能不能申请评价机构？", 1, None),
])
def test_where_questions_over_named_places(text: str, places: int, expected: str | None) -> None:
    from assistant.understand.where import asks_where

    assert asks_where(text, places=places) == expected
