"""What the session knows about the applicant: the facts a determination is computed from.

Field names follow the fact vocabulary (kg.facts.ATTRIBUTES) wherever a document states a threshold,
so a rule reads `profile.<attribute>` against the graph's condition with that attribute. A field left
None is *unknown*, which is different from False: "没有视频监控" is an answer, silence is not.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from kg.errors import PolicyKGError

OrgType = Literal[
    "enterprise", "industry_association", "technical_school", "vocational_college", "university",
    "training_institution", "public_training_center", "public_institution", "research_institute",
    "social_group", "private_non_enterprise", "government",
]

ORG_TYPE_NAMES: dict[str, str] = {
    "enterprise": "企业", "industry_association": "行业组织（行业协会、学会）", "technical_school": "技工院校",
    "vocational_college": "职业院校", "university": "本科院校（普通高校）",
    "training_institution": "职业技能培训机构", "public_training_center": "公共实训中心（基地）",
    "public_institution": "事业单位", "research_institute": "科研院所", "social_group": "社会团体",
    "private_non_enterprise": "民办非企业单位", "government": "政府部门",
}

EnterpriseSize = Literal["large_medium", "above_scale", "small"]
SIZE_NAMES = {"large_medium": "大中型企业", "above_scale": "规模以上企业", "small": "规模以下（小微）企业"}
FilingLevel = Literal["county", "city", "province"]
FILING_NAMES = {"county": "县区（功能区）职业技能鉴定机构", "city": "市职业技能鉴定机构", "province": "省职业技能鉴定机构"}


class Profile(BaseModel):
    """The applicant as described so far; every field optional."""

    place: str | None = None  # what the user named: 沭阳, 浙江
    jurisdictions: list[str] = []  # as the documents spell them: 宿迁市, 江苏省
    org_type: OrgType | None = None
    legal_person: bool | None = None
    registered_in_jurisdiction: bool | None = None
    government_affiliated: bool | None = None  # 政府部门/其下属/未脱钩
    # holds 政府行政管理、审批许可职能: what 宿迁 第二条（六） bars, which being under a department (人社局下属) is not
    administrative_functions: bool | None = None
    civil_affairs_rating: float | None = None  # number of A (4A -> 4)
    enterprise_size: EnterpriseSize | None = None
    self_evaluation_filed: bool | None = None  # 已备案面向内部职工开展自主评价 (吉林 企业)
    applied_disciplines: bool | None = None  # 设有应用学科 (吉林 本科院校)
    internal_certification_done: bool | None = None  # 申请前已做好内部职工、在校学生的职业技能等级认定
    skill_allowance: bool | None = None  # 已建立职业技能等级津贴制度 (用人单位)
    bad_record: bool | None = None
    annual_review_failed: bool | None = None
    abnormal_operation: bool | None = None
    not_for_profit: bool | None = None
    site_area: float | None = None
    site_owned: bool | None = None
    site_tenure_years: float | None = None  # lease term / right of use, years
    office_area: float | None = None
    theory_room_area: float | None = None
    theory_rooms: float | None = None
    seats: float | None = None
    work_stations: float | None = None
    fulltime_staff: float | None = None
    examiners_per_level: float | None = None
    video_monitoring: bool | None = None
    question_bank: bool | None = None
    site_is_exam_place: bool | None = None  # 外部考点是实际考核场所 (False: 报名点、联络点挂作考点)
    local_confirmation: bool | None = None  # 考点所在地人社部门已确认外部考点
    filing_level: FilingLevel | None = None
    evaluation_years: float | None = None  # years of (regular) evaluation work
    target_level: int | None = None  # 1..5, the level asked about
    no_violation: bool | None = None  # 备案有效期内无违规违纪
    good_reputation: bool | None = None  # 社会评价良好
    filed_on: date | None = None  # filing / establishment date
    expires_on: date | None = None  # the last day of validity, when the user knows it (有效期至 2026年2月28日)
    event_date: date | None = None  # the date a deadline counts from
    behaviour: str | None = None  # the violation described
    interviewed_before: bool | None = None  # 已被约谈
    notified_before: bool | None = None  # 已被出具书面通知
    occurrence: int | None = None  # 第几次
    serious: bool | None = None  # 情节严重 (True) / 情节轻微 (False)
    rectified: bool | None = None  # 限期内完成整改
    desk_distance: float | None = None  # 理论考场桌距, 厘米 (宿迁 第八条 桌距不小于80cm)
    orgs_per_occupation: float | None = None  # 本单位备案后该职业的评价组织数（已有 3 家 → 4）
    # Yes/no requirements the user spoke of that no field above holds, by the name a person uses (保密室,
    # 证书库) or the requirement's kind (related_to_main_business): True has / holds it, False lacks it.
    stated: dict[str, bool] = {}

    def stated_about(self, names: list[str]) -> bool | None:
        """What the user said of a requirement named by `names` (a clause listing 保密室、证书库 names both):
        False when any is said to be lacking, True when every one is said to be had, else unknown."""
        said = [self.stated.get(n) for n in names]
        if False in said:
            return False
        return True if said and all(v is True for v in said) else None

    def known(self) -> dict[str, object]:
        """The fields the user has given, for showing them back."""
        return {k: v for k, v in self.model_dump().items() if v not in (None, [], "")}


STATED = "stated:"  # a rule condition's field reading `Profile.stated` by names: "stated:保密室|证书库"


def field_value(profile: Profile, field: str) -> Any:
    """The profile's value for a rule condition's field (a `stated:` field reads what was said of its names)."""
    if field.startswith(STATED):
        return profile.stated_about(field[len(STATED):].split("|"))
    return getattr(profile, field)


def set_field(profile: Profile, field: str, value: Any) -> None:
    """Set a field the way a condition reads it: a `stated:` field sets (None: forgets) what was said of each
    of its names, so the fact table's 保密室 row can be corrected like any other fact."""
    if not field.startswith(STATED):
        setattr(profile, field, value)
        return
    names = field[len(STATED):].split("|")
    stated = {k: v for k, v in profile.stated.items() if k not in names}
    if value is not None:
        stated.update({n: bool(value) for n in names})
    profile.stated = stated


class ProfileError(PolicyKGError):
    """A profile file that cannot be read as a profile (exit code 2: bad input)."""


def load_profile(path: Path) -> Profile:
    """A profile from a YAML file of its fields (org_type: industry_association, site_area: 1200 …).

    A mapping with a `profile:` key (a case of queries/profiles) is read from there. An unknown field or a
    value of the wrong kind is an error naming it, never silently dropped."""
    from difflib import get_close_matches

    from pydantic import ValidationError

    from kg.corpus import load_yaml_file
    from kg.errors import CorpusError

    try:
        data: Any = load_yaml_file(path)
    except (OSError, UnicodeDecodeError, CorpusError) as exc:
        raise ProfileError(f"无法读取画像文件 {path}：{exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("profile"), dict):
        data = data["profile"]
    if not isinstance(data, dict):
        raise ProfileError(f"画像文件 {path} 应为“字段: 值”的映射，例如 org_type: industry_association")
    for key in data:
        if key not in Profile.model_fields:
            near = get_close_matches(str(key), list(Profile.model_fields), n=3)
            hint = f"您是否要写：{'、'.join(near)}" if near else "字段见 assistant/reason/profile.py"
            raise ProfileError(f"画像文件 {path}：没有字段“{key}”。{hint}")
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ProfileError(f"画像文件 {path}：字段 {'.'.join(map(str, first['loc']))} 的值不合要求（{first['msg']}）") from exc
