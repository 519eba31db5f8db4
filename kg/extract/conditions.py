"""Requirements and prohibitions: 场地1000平方米以上, 租赁期不少于5年, 每级别不少于5名考评员, 4A级及以上,
桌距不小于80cm, 具有独立法人资格, 规模以上, 不得设置外部考点, 政府及其所属部门不能申报.

Amounts are read by one general reader (quantities.py: any comparator word, numeral form or unit
spelling) and named by the attribute whose cue word stands in the same clause (kg/data/attributes.yaml),
so 场地面积不少于1000平方米, 场地1000平方米以上 and 拥有一千平米以上的场地 are one fact. Yes/no requirements
are read by the patterns in PRESENCE. Subjects are the organisation kinds the clause names (parties.py).

>>> [(r.attribute.name, r.quantity.value, r.quantity.comparator, r.scope) for r in numeric_readings(
...     "知识理论考试场地每个职业不少于 60 平方米，配备至少 30 个考位。")]
[('theory_room_area', 60.0, '>=', '每个职业'), ('seats', 30.0, '>=', '每个职业')]
>>> [(r.attribute.name, r.comparator) for r in numeric_readings("专职人员不足5人的，不予备案")]
[('fulltime_staff', '>=')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import NotRequired, TypedDict

from ..facts import Condition, Period
from .parties import subjects_in, subjects_of
from .quantities import NUMBER, Quantity, number_value, quantities_in
from .spans import UnitText

DATA = Path(__file__).resolve().parent.parent / "data" / "attributes.yaml"
CLAUSE = "，,；;。\n：:"
SENTENCE = "；;。\n"
# A comparator reads the other way round when the sentence refuses what falls short:
# 专职人员不足5人的，不予备案 requires at least 5.
REFUSAL = re.compile(r"不予|不得(?:申报|申请|备案)|不能(?:申报|申请|备案)|不可|不再受理|不受理")
FLIP = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}
# Cues that name the measure, not the thing measured: the thing named earlier in the sentence wins.
MEASURE_WORDS = {"面积", "使用面积", "建筑面积", "总面积"}
PERSON_HEADS = ("的人员", "的人")  # a head that counts people a relative clause before it names
HEAD_REACH = 16  # how far after an amount the head noun it counts may close its clause
SCOPE_NOUNS = ("职业（工种）等级", "职业(工种)等级", "职业（工种）", "职业(工种)", "职业等级", "工种", "职业", "级别",
               "等级", "批次", "场次", "考场", "考点", "专业", "间")
_NOUNS = "|".join(re.escape(n) for n in SCOPE_NOUNS)
# 每个申报职业(工种), 每个认定职业: the act that qualifies the occupation stands inside the scope.
SCOPE = re.compile(rf"(?:每|各|该)(?:一)?(?:个)?(?:申报|认定|评价|开考|备案)?(?:的)?(?:{_NOUNS})"
                   rf"|(?:[1１一]\s*个)\s*(?:{_NOUNS})")


class AttributeEntry(TypedDict):
    """One entry of kg/data/attributes.yaml, as validated when loaded."""

    label: str
    ask: str
    dimension: str
    unit: str
    cues: list[str]
    comparators: NotRequired[list[str]]
    scope_has: NotRequired[str]
    scope_lacks: NotRequired[str]
    context_has: NotRequired[list[str]]
    context_lacks: NotRequired[list[str]]
    profile_field: NotRequired[str]


@dataclass(frozen=True)
class AttributeSpec:
    """How one attribute is written: its cue words and the measure it takes."""

    name: str
    label: str
    ask: str
    dimension: str
    unit: str
    cues: tuple[str, ...]
    comparators: tuple[str, ...] = (">=", ">")
    scope_has: str | None = None
    scope_lacks: str | None = None
    context_has: tuple[str, ...] = ()
    context_lacks: tuple[str, ...] = ()
    profile_field: str | None = None  # the applicant's answer a drafted rule reads, when named otherwise

    @classmethod
    def from_data(cls, name: str, data: AttributeEntry) -> AttributeSpec:
        """One entry of kg/data/attributes.yaml."""
        cues = tuple(sorted(data["cues"], key=len, reverse=True))
        comparators = tuple(data.get("comparators", (">=", ">")))
        return cls(name=name, label=data["label"], ask=data["ask"], dimension=data["dimension"], unit=data["unit"],
                   cues=cues, comparators=comparators, scope_has=data.get("scope_has"),
                   scope_lacks=data.get("scope_lacks"), context_has=tuple(data.get("context_has", ())),
                   context_lacks=tuple(data.get("context_lacks", ())), profile_field=data.get("profile_field"))

    def fits(self, scope: str | None, sentence: str = "") -> bool:
        """Whether a per-what scope and the amount's sentence suit the attribute: the examiners assigned to an
        evaluation being run (评价过程中，每个职业配备考评人员不得少于3人) are not those an applicant employs
        (拥有…考评人员队伍，每个职业不少于3名考评人员)."""
        if self.scope_has and (scope is None or self.scope_has not in scope):
            return False
        if self.scope_lacks and scope and self.scope_lacks in scope:
            return False
        if self.context_has and not any(w in sentence for w in self.context_has):
            return False
        return not any(w in sentence for w in self.context_lacks)


@lru_cache(maxsize=1)
def attribute_specs() -> tuple[AttributeSpec, ...]:
    """Every attribute written as an amount (validated when loaded)."""
    from ..datafiles import read_package_yaml

    data = read_package_yaml(DATA)
    return tuple(AttributeSpec.from_data(name, entry) for name, entry in data.items())


# (cue after the amount?, distance, -cue length, attribute name, spec, cue span): the nearest cue sorts first.
Candidate = tuple[bool, int, int, str, "AttributeSpec", tuple[int, int]]


@dataclass(frozen=True)
class Reading:
    """An amount read as a requirement: the attribute, the amount, the cue and the scope."""

    attribute: AttributeSpec
    quantity: Quantity
    comparator: str
    cue_start: int
    cue_end: int
    scope: str | None
    near: bool = True  # the cue is in the amount's sentence (else it is quoted alone: a table row's cells)

    @property
    def start(self) -> int:
        return min(self.cue_start, self.quantity.start) if self.near else self.quantity.start

    @property
    def end(self) -> int:
        return max(self.cue_end, self.quantity.end) if self.near else self.quantity.end


def _bounds(text: str, at: int, marks: str) -> tuple[int, int]:
    start = max(text.rfind(p, 0, at) for p in marks) + 1
    ends = [i for i in (text.find(p, at) for p in marks) if i >= 0]
    return start, min(ends) if ends else len(text)


def scope_before(text: str, start: int, at: int) -> str | None:
    """The per-what scope written between a clause start and an amount (每个职业, 每级别, 1个职业)."""
    found = list(SCOPE.finditer(text, start, at))
    if not found:
        return None
    words = re.sub(r"\s", "", found[-1].group(0))
    return re.sub(r"^(?:[1１一]个|各|该)", "每个", words)  # 从事该职业的员工: per occupation


def _measured_in(spec: AttributeSpec, q: Quantity) -> bool:
    """Years of a tenure or an experience are never counted in days: 不少于5个工作日 is a period of notice."""
    return spec.unit != "年" or q.unit in ("年", "月")


def _cue(text: str, q: Quantity, spec: AttributeSpec, clause_start: int, after_end: int) -> tuple[int, int] | None:
    """Where a cue of `spec` names the amount: right after it (不少于5人的专职工作人员) or earlier in its clause."""
    tail = text[q.end: after_end]
    lead = re.match(r"\s*(?:的|者为|者|为)?\s*", tail)
    gap = lead.end() if lead else 0
    for cue in spec.cues:
        if tail.startswith(cue, gap):
            return q.end + gap, q.end + gap + len(cue)
    head = re.split(r"[〔（(【\[]", tail, maxsplit=1)[0].rstrip(" 　")  # a bracketed note after the noun is no part of it
    if len(head) <= HEAD_REACH:  # 2个以上独立的标准化考场, 5年以上职业技能鉴定或评价工作经验: the noun the clause closes on
        for cue in spec.cues:
            if head.endswith(cue) and cue not in MEASURE_WORDS:
                return q.end + len(head) - len(cue), q.end + len(head)
        if spec.dimension == "persons" and head.endswith(PERSON_HEADS):  # 3名以上持有考评员证书的人员: who they are
            for cue in spec.cues:
                if cue in head:
                    return q.end + head.find(cue), q.end + len(head)
    best: tuple[int, int] | None = None
    scopes = [(m.start(), m.end()) for m in SCOPE.finditer(text, clause_start, q.start)]
    for cue in spec.cues:
        at = text.rfind(cue, clause_start, q.start)
        if any(a <= at and at + len(cue) <= b for a, b in scopes):
            continue  # 每个职业(工种)申报的等级不超过3个: the scope's noun is not what is counted
        if at >= 0 and (best is None or at + len(cue) > best[1]):
            best = (at, at + len(cue))
    return best


def _cue_starts(text: str, q: Quantity, others: list[Quantity]) -> list[int]:
    """Where the words that may name an amount begin: its clause; when the amount opens its clause
    (办公用房相对独立，不少于50平方米), its sentence; then the unit (a table row's 评估内容 cell)."""
    clause = _bounds(text, q.start, CLAUSE)[0]
    starts = [clause]
    if len(text[clause: q.start].strip()) <= 2:
        starts += [_bounds(text, q.start, SENTENCE)[0], 0]
    prior = [o.end for o in others if o.end <= q.start]
    return list(dict.fromkeys(max([s, *[p for p in prior if p >= s]]) for s in starts))


def _named_by(text: str, q: Quantity, others: list[Quantity]) -> Reading | None:
    """The attribute an amount measures, if a cue of its dimension names it."""
    c_end = _bounds(text, q.start, CLAUSE)[1]
    scope = scope_before(text, _bounds(text, q.start, SENTENCE)[0], q.start)
    comparator = q.comparator or (">=" if q.value_max is not None else None)
    if comparator is None:
        return None
    if REFUSAL.search(text, q.end, _bounds(text, q.end, SENTENCE)[1]):
        comparator = FLIP[comparator]
    s_start, s_end = _bounds(text, q.start, SENTENCE)
    specs = [s for s in attribute_specs() if s.dimension == q.dimension and comparator in s.comparators
             and s.fits(scope, text[s_start: s_end]) and _measured_in(s, q)]
    fallback: Reading | None = None
    for c_start in _cue_starts(text, q, others):
        candidates: list[Candidate] = []
        for spec in specs:
            cue = _cue(text, q, spec, c_start, c_end)
            if cue:
                after = cue[0] >= q.end
                distance = cue[0] - q.end if after else q.start - cue[1]
                candidates.append((not after, distance, -(cue[1] - cue[0]), spec.name, spec, cue))
        candidates = _outermost(candidates)
        named = [c for c in candidates if text[c[-1][0]: c[-1][1]] not in MEASURE_WORDS]
        for group in (named, candidates):
            if group:
                *_, spec, cue = min(group)
                near = cue[0] >= _bounds(text, q.start, SENTENCE)[0]
                reading = Reading(spec, q, comparator, cue[0], cue[1], scope, near)
                if group is named:
                    return reading
                fallback = fallback or reading  # 办公用房相对独立，面积不低于50平米: the thing is named before
    return fallback


def _outermost(candidates: list[Candidate]) -> list[Candidate]:
    """Cues that overlap name one compound noun, and its head is qualified by what comes first: in
    操作技能考核场地面积 the place is 操作技能考核场地, not the 场地面积 its last characters also spell."""
    def inside(c: Candidate) -> bool:
        a, b = c[-1]
        return any(o[-1][0] < a < o[-1][1] < b for o in candidates)
    return [c for c in candidates if not inside(c)]


def numeric_readings(text: str) -> Iterator[Reading]:
    """Every amount in a text that a requirement attribute names."""
    found, error = _readings_of(text)
    yield from found
    if error is not None:
        raise error  # as when read one by one: the readings before the one that failed come first


@lru_cache(maxsize=1 << 16)
def _readings_of(text: str) -> tuple[tuple[Reading, ...], Exception | None]:
    """numeric_readings of one text, found once: extraction asks for a unit's twice (its conditions, then the
    amounts no attribute names), and the genre's documents repeat whole clauses. Readings are frozen."""
    out: list[Reading] = []
    try:
        found = list(quantities_in(text))
        for q in found:
            if re.match(rf"\s*(?:{_NOUNS})", text[q.end:]) and q.unit == "个" and q.comparator is None:
                continue  # 1个职业: a scope, not an amount (不超过5个职业 is one)
            reading = _named_by(text, q, found)
            if reading:
                out.append(reading)
    except Exception as exc:  # kept with the readings before it, raised where the caller reads that far
        return tuple(_categories_scoped(text, out)), exc
    return tuple(_categories_scoped(text, out)), None


# The category an amount counts (办理管理职类教育训练达六班次或技术职类教育训练达十五班次: 6 of one category, 15 of the
# other): two characters closed by 职类 right before the words that state the amount; a pair offered as either
# (管理职类或技术职类之教育训练经验) is no one category.
CATEGORY = re.compile(r"(?<!职类[或和及、与])([\u4e00-\u9fff]{2}职类)\s*(?:之|的)?\s*$")


def _categories_scoped(text: str, readings: list[Reading]) -> list[Reading]:
    """Readings without a per-what scope take the category their own words open on (see CATEGORY): from the
    clause's start, or the amount before, to the reading's first word."""
    out = []
    for i, r in enumerate(readings):
        start = _bounds(text, r.quantity.start, CLAUSE)[0]
        if i and readings[i - 1].quantity.end <= r.start:
            start = max(start, readings[i - 1].quantity.end)
        m = CATEGORY.search(text, start, r.start) if r.scope is None and start < r.start else None
        if m and not re.search(r"职类\s*[或和及、与]\s*$", text[start: m.start(1)]):
            r = replace(r, scope=m.group(1))
        out.append(r)
    return out


@dataclass(frozen=True)
class Rule:
    """One way a yes/no requirement is written."""

    attribute: str
    pattern: re.Pattern[str]
    polarity: str = "required"


def _r(attribute: str, pattern: str, polarity: str = "required") -> Rule:
    return Rule(attribute, re.compile(pattern), polarity)


N = rf"({NUMBER})\s*(年|个月)\s*(?:内|以内)"
PLACE = r"(?:省|市|区|县|州|盟|旗|自治区|境|辖区|行政区域)"
PRESENCE: list[Rule] = [
    _r("legal_person", r"(?:具[有备]|为|是)(?:独立(?:的)?)?(?:企业|事业单位)?法人(?:资格|地位|单位)(?!依法终止|终止|被注销)"
                       r"|具有独立法人|独立法人(?:主体|资格|单位)|独立承担民事责任"),
    _r("registered_in_jurisdiction", rf"[在为于][^，。；]{{1,10}}?{PLACE}(?:内|范围内)?(?:依法)?"
                                     r"(?:登记注册|注册登记|登记|注册)|[在为于][^，。；]{1,10}?" + PLACE + r"(?:内)?依法设立"),
    _r("independent_office", r"办公用房相对独立"),
    _r("enterprise_size", r"规模以上(?:单位|龙头企业)|大中型企业|(?<=为)规模以上企业"),
    _r("video_monitoring", r"(?:有|和|及|含|配备|配置|安装|场地|具备|设有|设置)[^。；]{0,8}?"
                           r"(?:视频监控|监控录像|视频录像|监控摄像|电子监控)(?:设备|摄像装置|录像设备|系统|装置)?"
                           r"(?!资料|影像|画面|情况)"),
    _r("one_desk_per_person", r"一人一桌"),
    _r("not_for_profit", r"(?:不|非)以[营盈]利为(?:最终)?目的|非[营盈]利性?"),
    _r("bad_record", r"无违法违规[、和]?失信等不良行为记录|无(?:重大)?(?:违法违规|不良信用|失信|不良)(?:等)?(?:不良)?(?:行为)?记录"
                     r"|未被列入(?:严重)?(?:违法)?失信|无(?:重大)?违法违规行为"
                     r"|(?:无|没有)[^，。；]{0,16}?(?:不良|违法|违规|失信|犯罪)(?:行为|信用)?记录", "prohibited"),
    _r("government_affiliated", r"政府及其所属部门[^。；]{0,30}不能申报", "prohibited"),
    _r("government_affiliated", r"不应当具备政府行政管理、审批许可职能", "prohibited"),
    _r("annual_review_failed", rf"{N}[^，。；]{{0,10}}?年审不合格|年审不合格", "prohibited"),
    _r("abnormal_operation", rf"{N}[^，。；]{{0,16}}?经营异常(?:目录|名录)|经营异常(?:目录|名录)", "prohibited"),
    _r("bad_record", r"(?:未|没有)(?:受到|受过)[^，。；]{0,12}?(?:行政处罚|刑事处罚|处罚)|无[^，。；]{0,8}?(?:行政处罚|处罚记录)",
       "prohibited"),
    # 近二年内未经主管机关依…规定，裁处罚锾、撤销或废止其认可: a penalty not imposed (no 的: 未经批准…的 is a behaviour)
    _r("bad_record", r"未(?:经|被|受)[^。；的]{0,40}?(?:裁处|处以|处罚|罚锾|罚款|吊销)", "prohibited"),
    _r("safety_accident", r"(?:未发生|无|没有发生)[^，。；]{0,8}?(?:安全生产|安全|质量)?(?:责任)?事故", "prohibited"),
    _r("external_site_allowed", r"不得设置外部考点", "prohibited"),
    _r("question_bank", r"评价题库|配套的评价题库"),
    _r("national_standard", r"具[有备](?:完备的|相应)?国家职业技能标准"),
    _r("fee_published", r"收费标准[^。；]{0,50}?公示"),
]


LOOKBACK_BEFORE = re.compile(rf"(?:近|最近|过去|申请之日前|申报之日前)?\s*({NUMBER})\s*(年|个月)\s*(?:内|以内|来|中)?\s*[，,]?\s*"
                             r"(?:[^，。；,;]{0,6}?)$")


def lookback_of(m: re.Match[str]) -> Period | None:
    """The 3年 of 3年内…年审不合格: when the match starts with one, or its clause opens with one right before it
    (近三年内无违法违规…记录, 近2年未被列入…)."""
    if m.re.groups >= 2 and m.group(1):
        return Period(amount=number_value(m.group(1)), unit="月" if m.group(2) == "个月" else m.group(2))
    text = m.string
    start = max(text.rfind(p, 0, m.start()) for p in "，,；;。\n：:") + 1
    before = LOOKBACK_BEFORE.search(text, start, m.start())
    if before and re.search(r"(?:近|最近|过去|之日前)|内|以内|来", before.group(0)):
        try:
            amount = number_value(before.group(1))
        except ValueError:
            return None
        return Period(amount=amount, unit="月" if before.group(2) == "个月" else before.group(2))
    return None


NAMED_PAST = re.compile(r"((?:备案)?有效期|备案期)内\s*[，,]?\s*$")


def _named_past(text: str, at: int) -> str | None:
    """The past an amount is counted over when the sentence names it without a length (备案有效期内，组织认定
    工作6批次以上): the words before the amount's clause."""
    start = _bounds(text, at, SENTENCE)[0]
    head = text[start: at]
    cut = max(head.rfind(p) for p in "，,") if re.search(r"[，,]", head) else -1
    m = NAMED_PAST.search(head[: cut + 1]) if cut >= 0 else None
    return m.group(1) + "内" if m else None


COUNTED_PAST = re.compile(rf"(?:近|最近|过去)\s*({NUMBER})\s*(年|个月)\s*(?:内|以内|来|中)?")


def _counted_past(text: str, at: int) -> Period | None:
    """The past an amount is counted over when its clause opens with one (近三年内办理…达六班次或…达十五班次):
    the last 近N年(内) between the clause's start and the amount; a bare 3年内 is a deadline's, not this."""
    start = _bounds(text, at, CLAUSE)[0]
    found = list(COUNTED_PAST.finditer(text, start, at))
    if not found:
        return None
    m = found[-1]
    try:
        return Period(amount=number_value(m.group(1)), unit="月" if m.group(2) == "个月" else m.group(2))
    except ValueError:
        return None


def conditions_in(ut: UnitText) -> Iterator[Condition]:
    """Every requirement or prohibition stated in one unit's text."""
    text = ut.text
    for r in numeric_readings(text):
        q = r.quantity
        subjects = subjects_in(text[r.cue_start: r.cue_end]) or subjects_of(text, r.start)  # 3家社会培训评价组织
        yield Condition(id="", subject=subjects[0] if subjects else None, subjects=subjects,
                        attribute=r.attribute.name, comparator=r.comparator, value=q.value,
                        value_max=q.value_max, unit=q.unit, scope=r.scope, text=text[r.start: r.end],
                        lookback=_counted_past(text, r.start), lookback_words=_named_past(text, r.start),
                        provenance=ut.provenance(r.start, r.end))
    for rule in PRESENCE:
        m = rule.pattern.search(text)  # once per unit is enough: the attribute holds or not
        if m:
            required = rule.polarity == "required"
            subjects = subjects_of(text, m.start())
            yield Condition(id="", subject=subjects[0] if subjects else None, subjects=subjects,
                            attribute=rule.attribute, comparator="exists" if required else "absent", value=required,
                            polarity=rule.polarity, lookback=lookback_of(m),
                            text=m.group(0), provenance=ut.provenance(m.start(), m.end()))


def subject_of(text: str, at: int) -> str | None:
    """The first organisation kind the clause before a requirement names (kept for older callers)."""
    found = subjects_of(text, at)
    return found[0] if found else None
