"""Typed facts extracted from the units, each carrying where it was read.

This module is the contract between extraction (kg/extract/*), the graph (kg/graph.py,
kg/rdf.py) and reasoning (assistant/reason/*). Change it additively: new optional fields,
new literal values; never rename or drop a field others read.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class Provenance(BaseModel):
    """Where a fact was read: the unit and the exact characters of the source file."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    unit_id: str
    start: int  # offset into the source file (the same coordinates as Unit.span)
    end: int
    quote: str  # the words the fact came from, layout removed (clean text of source[start:end])


ActorCategory = Literal["authority", "organisation", "person"]


class Actor(BaseModel):
    """A role the documents name: an authority, a kind of organisation, or a kind of person."""

    id: str  # e.g. "org:social_training_org", "auth:city_hrss", "person:examiner"
    name: str  # the canonical Chinese name
    category: ActorCategory
    aliases: list[str] = []  # every surface form seen in the corpus
    equivalent_to: list[str] = []  # ids of the roles other documents name differently
    broader: str | None = None  # e.g. 技工院校 is a kind of 院校


Comparator = Literal[">=", ">", "<=", "<", "==", "exists", "absent"]


class Period(BaseModel):
    """A stretch of time a fact counts over: the 3年 of 3年内年审不合格."""

    model_config = ConfigDict(frozen=True)

    amount: float
    unit: str  # 年, 月, 日, 天, 工作日


class Condition(BaseModel):
    """A requirement or prohibition: 场地1000平方米以上, 职业技能培训机构不得设置外部考点."""

    id: str
    subject: str | None  # actor id the condition binds (None: every applicant of the unit); subjects[0]
    subjects: list[str] = []  # every organisation kind it binds (社会团体、民营非企业等3年内…)
    attribute: str  # controlled name, e.g. "site_area", "lease_years", "fulltime_staff"
    comparator: Comparator
    value: float | str | bool | None = None
    value_max: float | None = None  # upper end of a range
    unit: str | None = None  # 平方米, 年, 人, 名, 个, cm, 分, 级 ...
    polarity: Literal["required", "prohibited"] = "required"
    scope: str | None = None  # "每个职业", "每级别", "每个职业（工种）等级" ...
    lookback: Period | None = None  # the past a prohibition looks at: 3年内民政部门年审不合格
    lookback_words: str | None = None  # a past named, not counted: 备案有效期内，组织认定工作6批次以上
    text: str  # the requirement phrase as written
    provenance: Provenance


DeadlineUnit = Literal["工作日", "日", "天", "月", "年", "小时"]
# at_least_before: 提前N日 (N or more before the anchor); within_before: 期满前N日内 (in the last N before it);
# inactivity: a stretch without activity that has consequences (一年内无正当理由不开展, 连续2年未开展);
# lookback: a clean record over the past N (2年内随机督导无违规违纪). "before" is what older caches hold.
Direction = Literal["before", "at_least_before", "within_before", "within", "at_least", "at_most", "valid_for",
                    "every", "window", "after", "inactivity", "lookback"]


class Deadline(BaseModel):
    """A time limit or duration: 公示不少于5个工作日, 有效期3年, 每年3月15—30日."""

    id: str
    event: str  # what must happen / what lasts: 公示, 计划报备, 结果报备, 档案保存, 有效期 ...
    amount: float | None = None
    amount_max: float | None = None
    unit: DeadlineUnit | None = None
    direction: Direction
    anchor: str | None = None  # the event counted from: 受理备案申请, 发证日期, 有效期满, 认定批次 ...
    actor: str | None = None  # actor id responsible
    windows: list[tuple[int, int, int]] = []  # (month, first day, last day) for yearly windows
    text: str
    provenance: Provenance


SanctionMeasure = Literal[
    "约谈", "通报批评", "限期整改", "书面通知", "暂停评价活动", "评价结果不予认定", "证书或成绩无效",
    "取消备案", "取消评价资格", "移出目录", "不再受理申请", "列入监管档案", "向社会公布",
    "禁止参与评价", "停止备案办理", "事实说明", "追究责任", "注销备案", "通报主管部门", "视同退出",
    "续期申请不予受理", "依规处理",
]


class Trigger(BaseModel):
    """One behaviour that sets off a sanction (usually one listed item)."""

    text: str
    provenance: Provenance
    punishes: list[str] = []  # ids of the conditions / deadlines whose breach the behaviour is


class Sanction(BaseModel):
    """Measures imposed for listed behaviours, by whom, and what they escalate to."""

    id: str
    measures: list[SanctionMeasure]
    triggers: list[Trigger]
    imposed_by: str | None = None  # actor id of the authority that imposes it
    sanctioned: list[str] = []  # actor ids of the parties it falls on (评价机构, its 主要负责人, 参评人员)
    qualifier: str | None = None  # 情节轻微, 情节严重, 第一次, 第二次, 限期内未能完成整改 ...
    escalates_to: list[str] = []  # sanction ids
    text: str
    provenance: Provenance


class Reference(BaseModel):
    """A citation of another document (《…》（文号）) or of another unit (第十九条所列情况)."""

    id: str
    kind: Literal["external", "internal"]
    title: str | None = None
    number: str | None = None
    target_doc: str | None = None  # doc id when the cited document is in the corpus
    target_unit: str | None = None  # unit id for internal references
    text: str
    provenance: Provenance


class FactSet(BaseModel):
    """Every fact extracted from a corpus, plus what extraction skipped and why."""

    fingerprint: str
    actors: list[Actor] = []
    conditions: list[Condition] = []
    deadlines: list[Deadline] = []
    sanctions: list[Sanction] = []
    references: list[Reference] = []
    mentions: dict[str, list[str]] = {}  # unit id -> actor ids the unit names
    warnings: list[str] = []


# The controlled vocabulary of condition attributes. Extraction emits these names and reasoning
# reads them, so a rule never retypes a threshold: it asks the graph for the condition with this
# attribute in the unit that states it. Add names here (with the words that signal them) rather
# than inventing them in one place only.
ATTRIBUTES: dict[str, str] = {
    "legal_person": "具有独立法人资格 (bool)",
    "registered_in_jurisdiction": "在本省/本市行政区域内依法登记 (bool)",
    "government_affiliated": "政府及其所属部门 / 未与政府部门脱钩 (prohibited)",
    "enterprise_size": "规模以上 (企业) / 大中型企业 (str)",
    "civil_affairs_rating": "民政部门评估等级, e.g. 4A级及以上 (number of A)",
    "site_area": "场地面积 平方米",
    "site_tenure_years": "场地所有权或使用权/租赁期 年 (owned satisfies)",
    "office_area": "办公用房/办公场所 平方米",
    "theory_room_area": "理论考试场地 平方米 (每个职业)",
    "theory_rooms": "理论知识考试考场 个数",
    "seats": "考位 个数",
    "work_stations": "考核工位 个数",
    "desk_distance": "桌距 cm",
    "fulltime_staff": "专职工作人员 人数",
    "examiners_per_level": "每级别/每个职业（工种）等级 考评员 人数",
    "examiners_per_session": "每个职业（工种）配备考评人员 人数 (per evaluation)",
    "experts": "参评专家 人数",
    "video_monitoring": "视频监控设备 (bool)",
    "bad_record": "违法违规/失信/不良行为记录 (prohibited)",
    "annual_review_failed": "民政部门年审不合格 within N 年 (prohibited)",
    "abnormal_operation": "经营异常目录 within N 年 (prohibited)",
    "regular_work_years": "规范开展评价工作满 N 年 (to apply for a higher level)",
    "evaluation_experience_years": "N 年以上技能人才评价活动",
    "pass_score": "合格分数线 分",
    "orgs_per_occupation": "1个职业不超过 N 家社会培训评价组织",
    "star_rating": "年度评估星级",
    "external_site_allowed": "可否设立外部考点 (prohibited for some actor types)",
    "max_level": "可认定的最高等级 (一级..五级)",
    "question_bank": "评价题库 (exists)",
    "national_standard": "国家职业技能标准或评价规范 (exists)",
    "independent_office": "办公用房相对独立 (bool)",
    "not_for_profit": "不以营利为目的 (bool)",
    "practical_site_area": "技能操作考核场地 平方米",
    "supervisors": "质量督导人员 人数",
    "one_desk_per_person": "理论知识考场一人一桌 (bool)",
    "fee_published": "收费标准向社会公示 (bool)",
    # Amounts read on documents of other places (kg/data/attributes.yaml).
    "trainees": "培训评价规模 人次 (累计, or 每个职业)",
    "registered_capital": "注册资金 / 开办资金 元",
    "employees": "职工人数 人 (参保职工; 从事该职业的员工 per occupation)",
    "evaluation_batches": "组织认定工作批次 (备案有效期内)",
    "occupations_max": "可申报的职业（工种）数 (at most)",
    "established_years": "依法登记成立满 N 年",
    "training_experience_years": "开展职业技能培训 N 年以上",
    "training_classes": "举办培训（训练）班次 (近 N 年内)",
    "safety_accident": "安全生产等责任事故 within N 年 (prohibited)",
    # Thresholds of a list of conditions that no attribute names, by what they count (kg/extract/unnamed.py).
    "unnamed_persons": "人数 (the words before the amount say of whom)",
    "unnamed_count": "个数 (台, 套, 个 …)",
    "unnamed_area": "面积 平方米",
    # Yes/no requirements of the genre, read by the grammar of a list of conditions (kg/data/requirements.yaml).
    "rules_in_place": "健全的管理制度 (bool: 财务、人力资源、规章制度)",
    "mechanism_in_place": "技能人才培养评价使用激励机制 (bool)",
    "dedicated_department": "专门负责的部门或机构 (bool)",
    "office_premises": "固定的办公场所 (bool)",
    "evaluation_capacity": "相应的评价能力 (bool)",
    "good_credit": "信用良好 (bool: 社会信用、社会认可度)",
    "funding_in_place": "职工教育经费 (bool)",
    "within_filed_scope": "在备案范围内开展评价 (bool)",
    "related_to_main_business": "与主营业务相关 (bool)",
    "main_business_training": "主营业务含培训、评价或咨询 (prohibited)",
    "cross_region_activity": "跨地区开展评价 (prohibited)",
    "listed_as_untrustworthy": "被列入失信或异常名单 (prohibited)",
    "lawfully_registered": "依法登记注册 (bool)",
}
# The amounts among them (cue words, units, questions) are described in kg/data/attributes.yaml.
