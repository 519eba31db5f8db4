"""Saying an outcome in words: the verdict, the facts the user gave, what to change, what to ask next."""

from __future__ import annotations

from kg.models import Corpus

from ..models import Verdict
from .checklist import show_value
from .outcome import Outcome
from .profile import STATED, Profile

STATUS_WORDS = {
    "eligibility": {"eligible": "可以申请（可核对的条件均满足，其余由评估认定）", "not_eligible": "不符合申请条件", "needs_info": "还需要补充信息才能判断"},
    "external_site": {"eligible": "可以设立外部考点（须按下列程序）", "not_eligible": "不得设立外部考点",
                      "needs_info": "还需要补充信息才能判断能否设立外部考点"},
    "levels": {"eligible": "可以", "not_eligible": "目前不可以", "needs_info": "还需要补充信息才能判断"},
    "window": {"eligible": "在申报时间内", "not_eligible": "不在申报时间内", "needs_info": "需要日期"},
    "validity": {"eligible": "备案在有效期内", "not_eligible": "备案已不在有效期内或不满足延续条件",
                 "needs_info": "还需要补充信息才能计算有效期"},
    # a deadline gives a verdict only when it asks whether kept material may go (assistant.reason.retention)
    "deadline": {"eligible": "保存期已满，可以处理", "not_eligible": "保存期未满或须永久保存，不能处理",
                 "needs_info": "还需要补充信息才能判断能否处理"},
}

FIELD_NAMES = {
    "org_type": "单位类型", "jurisdictions": "地区", "legal_person": "独立法人资格", "registered_in_jurisdiction": "本地依法登记",
    "government_affiliated": "政府部门/下属/未脱钩", "administrative_functions": "行政管理、审批许可职能", "civil_affairs_rating": "民政评估等级(A)", "enterprise_size": "企业规模",
    "self_evaluation_filed": "已备案自主评价", "applied_disciplines": "设有应用学科",
    "internal_certification_done": "已做内部职工/在校学生认定", "skill_allowance": "职业技能等级津贴制度", "bad_record": "不良记录", "annual_review_failed": "年审不合格",
    "abnormal_operation": "经营异常", "not_for_profit": "不以营利为目的", "site_area": "场地面积(平方米)",
    "site_owned": "场地自有", "site_tenure_years": "租期(年)", "office_area": "办公用房(平方米)",
    "theory_room_area": "理论考试场地(平方米)", "theory_rooms": "理论考场(个)", "seats": "考位(个)",
    "work_stations": "考核工位(个)", "fulltime_staff": "专职工作人员(人)", "examiners_per_level": "每级考评员(人)",
    "video_monitoring": "视频监控", "question_bank": "评价题库",
    "site_is_exam_place": "考点为实际考核场所", "local_confirmation": "考点所在地人社部门确认", "filing_level": "备案层级", "evaluation_years": "评价工作年限(年)",
    "target_level": "申请等级", "no_violation": "无违规违纪", "good_reputation": "社会评价良好", "filed_on": "备案日期", "expires_on": "有效期至",
    "event_date": "起算日期", "interviewed_before": "已被约谈", "notified_before": "已收到书面通知", "occurrence": "第几次",
    "serious": "情节严重", "rectified": "已整改", "place": "地点", "orgs_per_occupation": "该职业评价组织数(含本单位)",
    "desk_distance": "理论考场桌距(厘米)",
    "stated": "所说的条件",
}


def known_facts(profile: Profile) -> list[tuple[str, str, str]]:
    """(field, label, value as said) for every fact the user gave: what the TUI's fact table lists."""
    rows = []
    for field, value in profile.known().items():
        if field == "behaviour":
            continue
        if field == "stated":  # one row per requirement said (保密室=无)
            rows += _stated_rows(profile.stated)
            continue
        shown = "、".join(value) if isinstance(value, list) else show_value(field, value) or ""
        rows.append((field, FIELD_NAMES.get(field, field), shown))
    return rows


def _stated_rows(stated: dict[str, bool]) -> list[tuple[str, str, str]]:
    """The yes/no requirements the user spoke of, each named as people name it (保密室, 与主营业务相关)."""
    from ..understand.requirements_said import label_of

    return [(f"{STATED}{key}", label_of(key), ("有" if value else "无") if label_of(key) == key else ("是" if value else "否"))
            for key, value in stated.items()]


def facts_given(profile: Profile) -> str:
    """The user's facts, shown back so a wrong reading can be corrected."""
    return "；".join(f"{label}={value}" for field, label, value in known_facts(profile) if field != "jurisdictions")


def say(outcome: Outcome, profile: Profile, corpus: Corpus, follow_up: list[str], either_way: str | None) -> str:
    """The answer text of a turn."""
    parts = [_headline(outcome)] if outcome.verdict else ([outcome.answer] if outcome.answer else [])
    if outcome.verdict and outcome.answer:
        parts.append(outcome.answer)
    if outcome.verdict:
        parts += _details(outcome.verdict)
    if either_way:
        parts.append(either_way)
    given = facts_given(profile)
    if given and outcome.determination not in ("sanction", "deadline", "window"):
        parts.append(f"已知：{given}（说错了可以直接更正）")
    if follow_up:
        parts.append(f"请问：{follow_up[0]}")
    return "\n".join(p for p in parts if p)


def _headline(outcome: Outcome) -> str:
    verdict: Verdict = outcome.verdict  # type: ignore[assignment]
    words = STATUS_WORDS.get(outcome.determination, {}).get(verdict.status, verdict.status)
    met = sum(c.status == "met" for c in verdict.conditions)
    unmet = sum(c.status == "unmet" for c in verdict.conditions)
    unknown = sum(c.status == "unknown" for c in verdict.conditions)
    tally = f"（{len(verdict.conditions)} 项条件：满足 {met}，不满足 {unmet}，未知 {unknown}）" if verdict.conditions else ""
    return f"结论：{words}{tally}。"


def _details(verdict: Verdict) -> list[str]:
    """What to change and what follows; the per-condition checklist is the verdict's own to show."""
    lines = []
    if verdict.changes_needed:
        lines.append("需要改变：" + "；".join(verdict.changes_needed))
    if verdict.obligations:
        lines.append("之后还须：" + "；".join(verdict.obligations))
    return lines
