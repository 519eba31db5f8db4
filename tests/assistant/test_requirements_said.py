"""Reading what an applicant says of the yes/no requirements the documents list (保密室, 候考室, 主营业务相关,
非准入职业, 国家职业技能标准, 职工教育经费): the requirement named, and whether it is had, negation and
partial statements included. The sentences are written from the documents' own requirement lists."""

from __future__ import annotations

import pytest

from assistant.understand.requirements_said import label_of, names_for, said, said_values

SAID = [
    # 吉林 一（二）3（2）办公场所应设有办公室、保密室、证书库等
    ("办公场所只有办公室，保密室还没设", {"办公室": True, "保密室": False}),
    ("我们没有保密室和证书库", {"保密室": False, "证书库": False}),
    ("证书库正在建", {"证书库": False}),
    ("保密室、证书库都有", {"保密室": True, "证书库": True}),
    ("有保密室但没有证书库", {"保密室": True, "证书库": False}),
    # 吉林 一（二）3（5）应设有考务室、候考室等
    ("考务室有，候考室没有", {"考务室": True, "候考室": False}),
    ("设了考务室和候考室", {"考务室": True, "候考室": True}),
    # 池州 第九条、浙江 第八条: 职业（工种）与本单位主营业务直接相关
    ("申报的工种与本单位主营业务直接相关", {"related_to_main_business": True}),
    ("这个工种和我们的主营业务无关", {"related_to_main_business": False}),
    ("跟主营业务不沾边", {"related_to_main_business": False}),
    # 福州: 主营业务不包含培训、评价或咨询等业务
    ("我们的主营业务不包含培训", {"main_business_training": False}),
    ("公司主营业务就是职业培训", {"main_business_training": True}),
    # 浙江 第八条（一）2: 足额提取企业职工教育培训经费
    ("职工教育经费每年按规定足额提取", {"funding_in_place": True}),
    ("职工教育经费一直没提取", {"funding_in_place": False}),
    # 池州 第九条2: 技能类非准入职业; 浙江 第六条、吉林 二（一）: 《国家职业资格目录》以外
    ("拟认定的是技能类非准入职业", {"non_licensed_occupation": True}),
    ("这个工种属于准入类职业", {"non_licensed_occupation": False}),
    ("该职业在国家职业资格目录内", {"non_licensed_occupation": False}),
    ("该职业不在国家职业资格目录里", {"non_licensed_occupation": True}),
    # said as inside or outside the list, the side decides over the verb before it (在…以外)
    ("拟认定的工种在现行国家职业资格目录以外", {"non_licensed_occupation": True}),
    ("这个工种在国家职业资格目录之内", {"non_licensed_occupation": False}),
    # 池州 第八条（1）设有专门的试卷保密场所及保密柜
    ("试卷没有专门的保密场所，保密柜也没有", {"保密场所": False, "保密柜": False}),
    # 浙江 第七条（二）、池州 第八条4: 专门负责评价（认定）工作的机构
    ("单位里没有专门负责评价的部门", {"dedicated_department": False}),
    ("设了专门的技能评价科室", {"dedicated_department": True}),
    # 池州 第八条1、吉林 一（二）1: 以人才培养服务为主要工作职责; 浙江 第八条（二）1: 培训服务职能
    ("我们经营范围里没有培训", {"training_function": False}),
    ("业务范围里有职业技能培训", {"training_function": True}),
    # 浙江 第八条（二）2、吉林 一（二）2: 在申报职业方面有丰富的培训或评价经验
    ("这个职业我们之前没评价过", {"evaluation_experience": False}),
    ("申报的工种有十年的培训经验", {"evaluation_experience": True}),
    # 吉林 二（二）1: the occupation within the filed ones, when both are named
    ("企业备案的工种是钳工、电工，打算开展焊工的等级认定", {"within_filed_scope": False}),
    ("我们备案的职业有车工和焊工，想开展焊工的认定", {"within_filed_scope": True}),
    # 是 of a conjunction affirms nothing: 但是…过期了 says the certificates lapsed
    ("考评员有五个，但是考评员证书都过期了", {"examiner_certificates_valid": False}),
    # 池州 第八条2、宿迁 第三条: 具有相应国家职业技能标准
    ("这个工种还没有国家职业技能标准", {"national_standard": False}),
    ("有国家职业技能标准", {"national_standard": True}),
    # 吉林 一（二）1: 具有规范的财务制度和管理制度
    ("财务制度还不健全", {"rules_in_place": False}),
    ("财务制度、管理制度都很规范", {"rules_in_place": True}),
    # 不过, 不但 are conjunctions: they negate nothing
    ("不过独立的办公室只有20平米", {"办公室": True}),
    ("不但有保密室，证书库也有", {"保密室": True, "证书库": True}),
    # a question states nothing
    ("需要设候考室吗？", {}),
    ("有没有保密室的要求", {}),
    ("场地自有1200平方米", {}),
    # a name that only qualifies another noun says nothing of the thing itself
    ("在校生的认定还没做", {}),
    # 池州 第八条4: 考评人员应持有在有效期内的考评人员证书
    ("两个人的考评员证书已经过期了", {"examiner_certificates_valid": False}),
    ("考评员证书都在有效期内", {"examiner_certificates_valid": True}),
]


@pytest.mark.parametrize(("text", "expected"), SAID, ids=[t for t, _ in SAID])
def test_a_statement_of_a_requirement_is_read_with_its_polarity(text: str, expected: dict[str, bool]) -> None:
    assert said(text) == expected


VALUES = [
    ("本市这个职业已有两家评价组织备案", {"orgs_per_occupation": 3.0}),
    ("这个职业本市已经有三家了", {"orgs_per_occupation": 4.0}),
    ("营业执照在外省注册", {"registered_in_jurisdiction": False}),
    ("公司是在省外登记的", {"registered_in_jurisdiction": False}),
    ("在本市依法注册", {}),
    ("我们是在池州以外的城市登记的", {"registered_in_jurisdiction": False}),
    ("想到外省去申请评价机构", {"registered_in_jurisdiction": False}),
    ("打算跨省申报认定机构", {"registered_in_jurisdiction": False}),
]


@pytest.mark.parametrize(("text", "expected"), VALUES, ids=[t for t, _ in VALUES])
def test_counts_and_registration_elsewhere_are_read(text: str, expected: dict[str, object]) -> None:
    assert said_values(text) == expected


def test_a_clause_is_named_by_the_heads_it_lists_or_by_words_people_use() -> None:
    assert names_for("exam_facilities", "办公场所应设有办公室、保密室、证书库等") == ["办公室", "保密室", "证书库"]
    assert names_for("related_to_main_business", "与本企业主营业务直接相关") == ["related_to_main_business"]
    # a clause of the kind in words nobody names the kind by is not read from what is said
    assert names_for("rules_in_place", "建立职业技能等级津贴制度") == []
    assert label_of("保密室") == "保密室" and "主营业务" in label_of("related_to_main_business")


SCOPES = [
    # 吉林 二（二）: 在备案的职业（工种）范围内 / 院校设置的学科专业范围内且有在校生 / 本机构的主体业务
    ("拟开展的工种不在备案范围内", {"within_filed_scope": False}),
    ("学校没开设相关专业", {"within_school_majors": False}),
    ("这个方向有在校生", {"within_school_majors": True}),
    ("这个职业不是我们协会的主体业务", {"related_to_main_business": False}),
]


@pytest.mark.parametrize(("text", "expected"), SCOPES, ids=[t for t, _ in SCOPES])
def test_what_an_applicant_may_evaluate_is_read(text: str, expected: dict[str, bool]) -> None:
    assert said(text) == expected
