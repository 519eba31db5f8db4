"""Requirements and prohibitions: 场地1000平方米以上, 租赁期不少于5年, 每级别不少于5名考评员, 4A级及以上,
桌距不小于80cm, 具有独立法人资格, 规模以上, 不得设置外部考点, 政府及其所属部门不能申报.

Each rule names a controlled attribute (kg.facts.ATTRIBUTES); the comparator comes from the words
around the number (以上/不少于/至少/不小于 -> >=, 不超过 -> <=). Subjects are the organisation types the
clause names, when it names one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..facts import Condition
from ..numerals import cn_to_int
from .spans import UnitText

N = r"(\d+|[一二两三四五六七八九十]+)"
GE = r"(?:不少于|不小于|至少|不得少于|不低于)"


@dataclass(frozen=True)
class Rule:
    """One way a requirement is written."""

    attribute: str
    pattern: re.Pattern[str]
    comparator: str = ">="
    unit: str | None = None
    polarity: str = "required"
    scope: str | None = None


def _r(attribute: str, pattern: str, **kw: str | None) -> Rule:
    return Rule(attribute, re.compile(pattern), **kw)  # type: ignore[arg-type]


NUMERIC: list[Rule] = [
    _r("site_area", rf"场地\s*{N}\s*平方米以上", unit="平方米"),
    _r("office_area", rf"办公用房[^。；]{{0,8}}{GE}\s*{N}\s*平方米", unit="平方米"),
    _r("office_area", rf"{GE}\s*{N}\s*平米", unit="平方米"),
    _r("theory_room_area", rf"考试场地每个职业{GE}\s*{N}\s*平方米", unit="平方米", scope="每个职业"),
    _r("site_tenure_years", rf"租赁期{GE}\s*{N}\s*年", unit="年"),
    _r("site_tenure_years", rf"租期应在\s*{N}\s*年以上", unit="年"),
    _r("site_tenure_years", rf"所有权或\s*{N}\s*年以上使用权", unit="年"),
    _r("fulltime_staff", rf"{GE}\s*{N}\s*人的专职工作人员", unit="人"),
    _r("examiners_per_level", rf"等级自有[^。；]{{0,12}}持证人员{GE}\s*{N}\s*人", unit="人", scope="每个职业（工种）等级"),
    _r("examiners_per_level", rf"每级别{GE}\s*{N}\s*名考评员", unit="名", scope="每级别"),
    _r("examiners_per_session", rf"配备考评人员{GE}\s*{N}\s*人", unit="人", scope="每个职业（工种）"),
    _r("experts", rf"专家总数应?{GE}\s*{N}\s*名", unit="名"),
    _r("theory_rooms", rf"考试考场{GE}\s*{N}\s*个", unit="个"),
    _r("seats", rf"{GE}\s*{N}\s*个考位", unit="个"),
    _r("work_stations", rf"{GE}\s*{N}\s*个考核工位", unit="个", scope="每个职业"),
    _r("desk_distance", rf"桌距{GE}\s*{N}\s*cm", unit="cm"),
    _r("pass_score", rf"{N}\s*分及以上者为合格", unit="分"),
    _r("pass_score", rf"均达到\s*{N}\s*分者为合格", unit="分"),
    _r("civil_affairs_rating", rf"{N}\s*A\s*级及以上", unit="A"),
    _r("orgs_per_occupation", rf"{N}\s*个职业不超过\s*{N}\s*家", comparator="<=", unit="家", scope="每个职业"),
    _r("regular_work_years", rf"规范开展评价工作满\s*{N}\s*年", unit="年"),
    _r("evaluation_experience_years", rf"{N}\s*年以上技能人才评价活动", unit="年"),
]

PRESENCE: list[Rule] = [
    _r("legal_person", r"具有独立(?:的)?法人资格|具有独立法人|独立法人主体|具有法人资格"),
    _r("registered_in_jurisdiction", r"[在为][^，。；]{1,8}(?:省内|行政区域内)依法登记"),
    _r("independent_office", r"办公用房相对独立"),
    _r("enterprise_size", r"规模以上(?:单位|龙头企业)|大中型企业"),
    _r("video_monitoring", r"(?:有|和|及|含|配备|安装|场地)[^。；]{0,6}视频监控(?:设备|摄像装置|录像设备)?"),
    _r("one_desk_per_person", r"一人一桌"),
    _r("not_for_profit", r"不以[营盈]利为(?:最终)?目的"),
    _r("bad_record", r"无违法违规[、和]?失信等不良行为记录", comparator="absent", polarity="prohibited"),
    _r("government_affiliated", r"政府及其所属部门[^。；]{0,30}不能申报", comparator="absent", polarity="prohibited"),
    _r("government_affiliated", r"不应当具备政府行政管理、审批许可职能", comparator="absent", polarity="prohibited"),
    _r("annual_review_failed", r"\d年内民政部门年审不合格", comparator="absent", polarity="prohibited"),
    _r("abnormal_operation", r"\d年内在市场监管部门公布的企业经营异常目录内", comparator="absent", polarity="prohibited"),
    _r("external_site_allowed", r"不得设置外部考点", comparator="absent", polarity="prohibited"),
    _r("question_bank", r"评价题库|配套的评价题库"),
]

SUBJECTS = [
    ("公共实训中心", "org:public_training_center"), ("职业技能培训机构", "org:training_institution"),
    ("行业组织", "org:industry_association"), ("社会培训评价组织", "org:social_training_org"),
    ("社会评价组织", "org:social_training_org"), ("第三方评价机构", "org:third_party_org"),
    ("用人单位", "org:employer"), ("企业", "org:enterprise"), ("事业单位", "org:public_institution"),
    ("社会团体", "org:social_group"), ("民营非企业", "org:private_non_enterprise"),
]


def _number(text: str) -> float:
    return float(cn_to_int(text))


def subject_of(text: str, at: int) -> str | None:
    """The organisation type the clause before a requirement names (行业组织应当具有…)."""
    start = max(text.rfind(p, 0, at) for p in "。；\n") + 1
    clause = text[start:at]
    found = [(clause.rfind(word) + len(word), len(word), actor) for word, actor in SUBJECTS if word in clause]
    return max(found)[2] if found else None


def conditions_in(ut: UnitText) -> Iterator[Condition]:
    """Every requirement or prohibition stated in one unit's text."""
    text = ut.text
    for rule in NUMERIC:
        for m in rule.pattern.finditer(text):
            value = _number(m.groups()[-1])
            yield _condition(ut, rule, m, value)
    for rule in PRESENCE:
        m = rule.pattern.search(text)  # once per unit is enough: the attribute holds or not
        if m:
            yield _condition(ut, rule, m, True if rule.polarity == "required" else False)


def _condition(ut: UnitText, rule: Rule, m: re.Match[str], value: float | bool) -> Condition:
    comparator = rule.comparator if isinstance(value, float) else ("exists" if value else "absent")
    return Condition(id="", subject=subject_of(ut.text, m.start()), attribute=rule.attribute,
                     comparator=comparator, value=value, unit=rule.unit,  # type: ignore[arg-type]
                     polarity=rule.polarity, scope=rule.scope, text=m.group(0),  # type: ignore[arg-type]
                     provenance=ut.provenance(m.start(), m.end()))
