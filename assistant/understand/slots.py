"""Reading the applicant's facts out of plain Chinese, by rule (assistant/understand/data/slots.yaml).

A clause is the unit of meaning: "场地1200平方米，租的，租期两年半" gives three facts, and a negation
("尚未取得法人资格") only flips the clause it stands in.

>>> s = read_slots("我们是浙江的民办培训学校，尚未取得法人资格，场地一千二百平方米，租期两年半")
>>> s.values["org_type"], s.values["legal_person"], s.values["site_area"], s.values["site_tenure_years"]
('training_institution', False, 1200.0, 2.5)
>>> read_slots("行业协会，5A级，六名考评员，没有视频监控").values
{'org_type': 'industry_association', 'civil_affairs_rating': 5.0, 'examiners_per_level': 6.0, 'video_monitoring': False}
>>> read_slots("不是规模以上企业").values["enterprise_size"]
'small'
>>> read_slots("没有违法违规和失信等不良行为记录").values["bad_record"]
False
>>> read_slots("机构和法定代表人都没有任何违法违规、失信或不良记录").values["bad_record"]
False
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .quantities import spell_numbers

DATA = Path(__file__).parent / "data"
# A colon opens the parts of what it follows (一共1.2千㎡：办公用房正好50平方米); a dash starts another statement
# (有监控有题库——唯一的问题是…年检没通过)
_CLAUSE = re.compile(r"[，,。；;！!？?、\n:：—]|但是|但|不过|可是|只是|而且|并且")
_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])(之后|以后)")
# A negator right after the fact word negates it too: 一次违规都没有, 法人资格没有 …
_LITOTES = re.compile(r"(都|也|一样|样样|啥都|什么都)?(不|没)(缺|少|差)")
_NEG_NEXT = re.compile(r"^[^，,。；;]{0,3}?(都没|也没|还没|没有|没|尚未|未|都不|并不|不)")
# … or a negated verb later in the clause: 内部职工的认定我们还没做过, 当地人社还没确认.
_NEG_VERB = re.compile(r"(还没|没有|没|尚未|未|不曾)(做|开展|搞|建|装|安装|配|取得|通过|确认|同意|批准|核准)"
                       r"|(还在|正在|准备|打算|待)(采购|建设|筹建|筹备|安装|办理|申请|建)")  # 还在采购: not yet had
_NEG_BETWEEN = re.compile(r"还没|没有|尚未|未|没")
_AREA_BEFORE = re.compile(r"(场地|面积|场所|用房|厂房)(是|有|为|约|大约|共|达|总共)?\s*$")
_ONE_STEP = re.compile(r"(降|升|提|高|低)了?(一|1)级")
# 现在是五个, 一共七个: a total said after a change (又招了两个专职，现在是五个) is still only an amount
_AMOUNT_FILLER = re.compile(r"\d+(\.\d+)?|平方米|平方|平米|㎡|个|人|名|年|平|就|只有|只|大概|大约|约|左右|吧|的|是|有|共|一共|总共"
                            r"|合计|总计|加起来|现在|目前|眼下|差不多|\s")
_TERM_BEFORE = re.compile(r"(延长|延期|续期|续展|有效期为?|期限为?|保存)\s*$")
_WHEN_BEFORE = re.compile(r"(前|近|最近|过去|头)\s*$")
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(半)?\s*")
_NONE_AT_ALL = re.compile(r"(?:[\u4e00-\u9fff]{1,6}的|人)?(都|也)(没|不|无)")  # 一个也没有, 一个专职的都没有
# 三年零六个月, 2年6个月: months after a number of years add to it
_MONTHS_AFTER = re.compile(r"(零|又)?(\d{1,2})个?月")
# 四平市, 四平的: 平 after a numeral that is part of a place's name, not a unit (nor is any bare 平 under 10:
# no premises of the genre are that small)
_PLACE_AFTER_UNIT = re.compile(r"[市县区镇乡村路街]")


class Slots(BaseModel):
    """What one utterance says: field values, plus the bare numbers and yes/no a short reply carries."""

    values: dict[str, Any] = {}
    bare_numbers: list[tuple[float, str]] = []  # (value, unit kind) no field word claimed
    plain_numbers: list[float] = []  # numbers with no unit at all ("1200")
    yes_no: bool | None = None  # a reply that is only 是/对/有 or 不是/没有
    unsure: bool = False  # 不知道


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The slot vocabulary (parsed once per process)."""
    from kg.datafiles import read_package_yaml

    return dict(read_package_yaml(DATA / "slots.yaml"))


def prepare(text: str) -> str:
    """The text slots are read from: normalised, numerals as digits, question forms removed."""
    text = _AFTER.sub("后", spell_numbers(text))  # 约谈之后 / 约谈以后 say what 约谈后 says
    for form in vocabulary()["question_forms"]:
        text = text.replace(form, "")
    return text


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c.strip()]


# A negator governing a list (没有任何违法违规、失信或不良记录) carries over the 、 to items with no polarity word
# of their own.
_LIST_NEGATOR = re.compile(r"没有|并无|从未|未曾|不存在|无")
_OWN_POLARITY = re.compile(r"有|没|无|未|不|是|非")


def _listed_clauses(text: str) -> list[tuple[str, bool]]:
    """The clauses, each with whether it continues a list (the separator before it is 、)."""
    out, start, listed = [], 0, False
    for m in _CLAUSE.finditer(text):
        if text[start:m.start()].strip():
            out.append((text[start:m.start()], listed))
        listed, start = m.group(0) == "、", m.end()
    if text[start:].strip():
        out.append((text[start:], listed))
    return out


def read_slots(text: str) -> Slots:
    """Every fact the utterance states (fields it does not mention stay absent)."""
    vocab, slots = vocabulary(), Slots()
    prepared = prepare(text)
    slots.unsure = any(w in prepared for w in vocab["unsure"])
    previous, carried = "", ""
    for clause, listed in _listed_clauses(prepared):
        if any(w in clause for w in vocab["unsure"]):
            continue
        _categories(clause, slots.values)
        carried = carried if listed and not _OWN_POLARITY.search(_BOUND_NEGATORS.sub("◇", clause)) else ""
        _flags(carried + clause, slots.values)  # 没有任何违法违规、失信或不良记录: the list stays negated
        carried = carried or (m.group(0) if (m := _LIST_NEGATOR.search(clause)) else "")
        _numbers(clause, slots, previous)
        _level(clause, slots.values)
        previous = f"{previous}，{clause}"  # what came before: 考评员原来3个，又培养了2个，现在一共5个
    slots.yes_no = _yes_no(prepared)
    return slots


def _first_match(clause: str, table: list[list[Any]]) -> str | None:
    for value, words in table:
        if any(w in clause for w in words):
            return str(value)
    return None


def _kind_named(clause: str, table: list[list[Any]], skip: set[str]) -> str | None:
    """The kind the clause says the organisation is: the first named (民办非企业单位（职业培训学校） is a 民办非企业
    单位), unless that one only qualifies a later one (一家企业的培训中心 is a 培训中心). A word inside a longer one
    at the same place (公司 in 培训公司) gives way to it; `skip`: kinds the clause mentions as another party."""
    hits = sorted((clause.find(w), -len(w), n, str(value)) for n, (value, words) in enumerate(table)
                  for w in words if w in clause and str(value) not in skip)
    spans: list[tuple[int, int, str]] = []
    for at, neg_len, _, value in hits:
        if not spans or at >= spans[-1][1]:
            spans.append((at, at - neg_len, value))
    for (_, end, value), (nxt, _, later) in zip(spans, spans[1:], strict=False):
        if later in _LEGAL_FORMS and clause[end:nxt] in ("(", "（"):
            return later  # 培训学校（民办非企业）: the legal form it registers as, said in brackets
        if not _qualifies(clause[end:nxt]) or value in _LEGAL_FORMS:
            return value
    return spans[-1][2] if spans else None


# Between two kinds, words that keep the first one the organisation's: its legal nature (民办非企业性质的培训中心,
# 事业单位性质的职业培训中心) or a verb relating it to another party (大学的场地是借用合作企业的).
# Legal forms: named before another kind they are what the organisation is (民办非企业的培训学校 registers as a
# 民办非企业单位, and the rules on 民政年审 bind it)
_LEGAL_FORMS = {"private_non_enterprise", "public_institution", "social_group"}
_NOT_QUALIFYING = re.compile(r"性质|属性|类型|是|借|租|用|由|和|跟|与|给|向")


def _qualifies(gap: str) -> bool:
    """Whether the words between two kinds make the first a qualifier of the second (一家企业的培训中心)."""
    return "的" in gap and not _NOT_QUALIFYING.search(gap)


def _size(clause: str) -> str | None:
    """The enterprise's size; a size word negated (不是规上企业, 掉出规上, 达不到大中型) says it is small."""
    found = _first_match(clause, vocabulary()["enterprise_size"])
    if found in ("above_scale", "large_medium"):
        at = min(clause.find(w) for v, words in vocabulary()["enterprise_size"] if v == found for w in words
                 if w in clause)
        if _negated(clause, at) or re.search(r"(掉出|退出|跌出|达不到|够不上)$", clause[:at]):
            return "small"
    return found


def _categories(clause: str, out: dict[str, Any]) -> None:
    vocab = vocabulary()
    for field, table in (("org_type", vocab["org_types"]), ("enterprise_size", vocab["enterprise_size"])):
        # 与政府部门脱钩, 人社局还没确认: a relation to government, not a government body
        skip = {"government"} if any(w in clause for w in vocab["government_context"]) else set()
        found = _kind_named(clause, table, skip) if field == "org_type" else _size(clause)
        if found and (field not in out or field == "enterprise_size"):  # a later size corrects an earlier one
            out[field] = found
    if "备案" in clause or "鉴定机构" in clause or "鉴定中心" in clause:
        level = _first_match(clause, vocab["filing_levels"])
        if level:
            out["filing_level"] = level
    if out.get("enterprise_size") and "org_type" not in out:
        out["org_type"] = "enterprise"


# Words in which 无, 非, 不 are part of a noun or adjective, not a negation of the clause: 因为拒绝采用无纸化
# 机考被约谈过 was read as "not interviewed".
_BOUND_NEGATORS = re.compile(r"无纸化|非法|不良|不合格|不规范|不正当|无正当|不予|非营利|无偿|非公|不达标")


# A cause said before the verb it explains (因为地址联系不上被列入…, 由于没交材料而被…): a negator in it negates the
# cause, not what follows.
_CAUSE = re.compile(r"(因为|由于)[^被而]*?(?=被|而)")


def _negated(clause: str, at: int) -> bool:
    """A negator in the clause before the word at `at` (没有不良记录, 尚未取得法人资格)."""
    before = _CAUSE.sub("◇", _BOUND_NEGATORS.sub("◇", clause[:at]))
    return sum(before.count(n) for n in ("没有", "尚未", "还没", "不是", "不具备")) + sum(
        1 for ch in re.sub("没有|尚未|还没|不是|不具备", "", before) if ch in "没未无非不") > 0


def _negated_around(clause: str, spec: dict[str, Any], at: int) -> bool:
    """Negated before the word (没有不良记录) or right after it (违规都没有); a double negation cancels."""
    word = next(w for w in spec.get("words", []) if _find(clause, w) == at)
    first, *rest = word.split("&")
    after = clause[at + len(first):]
    for part in rest:  # 年审&不合格: the 不 of the word itself negates nothing
        after = after.replace(part, "◇")
    after = _LITOTES.sub("◇", after)  # 监控、题库一样不缺: "not lacking" says it is there
    after = _BOUND_NEGATORS.sub("◇", after)  # 没有违法违规和失信等不良行为记录: 不良 negates nothing
    # 那个市的人社部门还没给我们备案: a negator between the parts of an A&B word negates it
    last = clause.find(rest[-1], at + len(first)) if rest else -1
    between = _BOUND_NEGATORS.sub("◇", clause[at + len(first):last]) if last >= 0 else ""
    return _negated(clause, at) != bool(_NEG_NEXT.match(after) or _NEG_VERB.search(after) or _NEG_BETWEEN.search(between))


def _flags(text: str, out: dict[str, Any]) -> None:
    for field, spec in vocabulary()["flags"].items():
        clause = text
        for other in spec.get("not_in", []):  # 法人代表 is a person, not 法人资格
            clause = clause.replace(other, "◇" * len(other))
        settled = _phrase_value(clause, spec)
        if settled is not None:
            out[field] = settled
        else:
            hits = [_find(clause, w) for w in spec.get("words", []) if _find(clause, w) >= 0]
            if hits:
                means = bool(spec.get("means", True))
                out[field] = (not means) if _negated_around(clause, spec, min(hits)) else means


def _find(clause: str, word: str) -> int:
    """Where a flag word starts in the clause (-1: absent); "A&B" needs both parts, and is at A."""
    parts = word.split("&")
    return clause.find(parts[0]) if all(p in clause for p in parts) else -1


def _phrase_value(clause: str, spec: dict[str, Any]) -> bool | None:
    """A whole phrase settles a fact; a negator before it flips it (还没有与政府部门脱钩). `forms_no` /
    `forms_yes` are the same as patterns, for phrases whose parts take words between them (年检全合格,
    信用一直良好, 人社局主办): the negated form of the parts (年检没合格) is a flag word's, not the pattern's."""
    for value, key in ((False, "say_no"), (True, "say_yes")):
        for phrase in spec.get(key, []):
            at = clause.find(phrase)
            if at >= 0:
                return (not value) if _negated(clause, at) else value
        for form in _forms(spec, "forms_no" if key == "say_no" else "forms_yes"):
            m = form.search(clause)
            if m:
                return (not value) if _negated(clause, m.start()) else value
    return None


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _forms(spec: dict[str, Any], key: str) -> list[re.Pattern[str]]:
    return [_compiled(p) for p in spec.get(key, [])]


def _numbers(clause: str, slots: Slots, previous: str = "") -> None:
    """The numbers of a clause, each in the field named nearest it; a clause saying nothing but an amount takes
    the field of its kind named last before it (一间办公室，二十平方: the office's area)."""
    rating = re.search(r"([1-5一二三四五])\s*a\s*级?|(a{3,5})级?", clause)
    if rating:
        digit = rating.group(1)
        stars = len(rating.group(2)) if digit is None else "一二三四五".find(digit) + 1 or int(digit)
        slots.values["civil_affairs_rating"] = float(stars)
        clause = clause.replace(rating.group(0), " ")
    matches = list(_NUMBER.finditer(clause))
    prev_end = 0
    for i, m in enumerate(matches):
        kind_field = _unit_of(clause, m) or _area_without_unit(clause, m)
        if kind_field is None:
            if not clause[m.end():].strip(" 吧啊呀左右多个"):
                slots.plain_numbers.append(float(m.group(1)))
            continue
        kind, unit_end = kind_field
        if kind == "years" and _TERM_BEFORE.search(clause[:m.start()]) or kind == "years" and _WHEN_BEFORE.search(
                clause[:m.start()]):
            continue  # 延长3年, 有效期3年: a term asked about; 前两年, 近3年: when, not how long
        value = float(m.group(1)) + (0.5 if m.group(2) or clause[unit_end:unit_end + 1] == "半" else 0)
        if value == 1 and _NONE_AT_ALL.match(clause, unit_end):
            value = 0.0  # 专职人员一个都没有: not one
        if kind == "years" and (months := _MONTHS_AFTER.match(clause, unit_end)):
            value, unit_end = round(value + int(months.group(2)) / 12, 2), months.end()
        after = clause[unit_end:matches[i + 1].start() if i + 1 < len(matches) else len(clause)]
        fields = _fields_for(clause[prev_end:m.start()], after, clause, kind, previous)
        prev_end = unit_end
        for field in fields:
            slots.values[field] = value
        if not fields:
            slots.bare_numbers.append((value, kind))


def _area_without_unit(clause: str, m: re.Match[str]) -> tuple[str, int] | None:
    """A number right after a word for premises, with no unit (自有场地1200, 场地面积约1500): square metres."""
    if _AREA_BEFORE.search(clause[:m.start()]) and float(m.group(1)) >= 20 and not clause[m.end():m.end() + 1].isalpha():
        return "area", m.end()
    return None


def _unit_of(clause: str, m: re.Match[str]) -> tuple[str, int] | None:
    """The unit kind after a number (area, years …), or None when it is a date or has no unit."""
    rest = clause[m.end():]
    if m.group(1).isdigit() and int(m.group(1)) >= 1900 and rest.startswith("年"):
        return None  # a year of a date (2000平方米 is an area)
    for kind, spec in vocabulary()["numbers"].items():
        for unit in sorted(spec["units"], key=len, reverse=True):
            follows = rest[len(unit):]
            if rest.startswith(unit) and not (kind == "years" and follows.startswith(("月", "前", "内", "年"))) \
                    and not (unit == "平" and (_PLACE_AFTER_UNIT.match(follows) or float(m.group(1)) < 10)):
                return kind, m.end() + len(unit)
    return None


def _fields_for(before: str, after: str, clause: str, kind: str, previous: str = "") -> list[str]:
    """The field(s) a number fills: named by the words since the previous number (场地1200平米其中办公用房100平米;
    理论考场2个共60个考位), else by the words after it up to the next (3个专职人员), else anywhere in the clause;
    "A和B各5人" fills both."""
    for segment in (before, after):
        named = _named_fields(segment, kind)
        if named:
            return named if "各" in before[-2:] else named[-1:]
    if previous and _only_amount(clause) and (named := _named_fields(previous, kind)):
        return named[-1:]
    field = _field_for(clause, kind)
    return [field] if field else []


def names_a_field(text: str, kind: str) -> bool:
    """Whether the text names a field of this kind of number (场地, 办公用房 for an area), or only gives one."""
    return bool(_named_fields(text, kind))


def _only_amount(clause: str) -> bool:
    """Whether a clause says nothing but an amount (二十平方, 大概45平左右): it continues the clause before."""
    return len(_AMOUNT_FILLER.sub("", clause)) <= 1


def _named_fields(segment: str, kind: str) -> list[str]:
    """The fields of this kind a word of the segment names, the one nearest the end last; where two words end
    at the same place the longer one names it (理论考试场地 is the theory room, not the 场地); a generic word
    (面积) names a field only when nothing more specific does."""
    spec = vocabulary()["numbers"][kind]
    generic = set(spec.get("generic", []))
    found = []
    for field, words in spec["fields"]:
        ends = [(segment.rfind(w) + len(w), len(w), w in generic) for w in words if w in segment]
        if ends:
            end, length, vague = max(ends)
            found.append((not vague, end, length, str(field)))  # 理论考场面积: 面积 says only "an area"
    return [f for *_, f in sorted(found)]


def _field_for(clause: str, kind: str) -> str | None:
    spec = vocabulary()["numbers"][kind]
    for field, words in spec["fields"]:
        if any(w in clause for w in words):
            return str(field)
    return spec.get("default")


def _level(clause: str, out: dict[str, Any]) -> None:
    clause = clause.replace("技师学院", "")  # a kind of school, not the level 技师
    clause = _ONE_STEP.sub("", clause)  # 复评降了一级: a step down a scale, not the level 一级
    for word, level in vocabulary()["levels"].items():
        if word in clause:
            out.setdefault("target_level", level)
    m = re.search(r"(?<![a\d])([1-5])\s*级(?!以下)", clause)
    if m and "target_level" not in out:
        out["target_level"] = int(m.group(1))


_YES = {"是", "是的", "对", "对的", "有", "有的", "嗯", "好", "可以", "具备", "符合", "满足", "yes", "y"}
_NO = {"不是", "否", "没有", "没", "无", "不", "不对", "不具备", "不符合", "不满足", "no", "n"}


def _yes_no(prepared: str) -> bool | None:
    bare = re.sub(r"[\s，。！!？?,.~了啊呀吧哦呢]", "", prepared)
    if bare in _YES:
        return True
    if bare in _NO:
        return False
    return None
