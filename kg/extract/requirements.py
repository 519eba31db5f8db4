"""Yes/no requirements of the genre: 具有规范的管理制度和财务制度, 设有负责职工技能培训与考核的部门, 信用良好,
须在备案的职业（工种）、级别范围内开展评价活动, 主营业务不包含培训、评价或咨询等业务.

They are read by the grammar of a requirement list, not by sentences: a requirement verb (具有, 建立, 设有 …)
opening a clause, and the first head noun of its object (制度, 机制, 部门, 场所 …) naming the kind; a quality
(信用 … 良好); a few whole constructions. Kinds, heads and verbs are data (kg/data/requirements.yaml). A clause
counts only where requirements are being stated: its sentence has a modal (应, 须, 需), or the unit sits in a
list introduced as conditions (应当具备下列条件).

>>> [(k, v) for k, v, _ in readings("(一)在本市依法注册,管理规范、信用良好,已建立技能人才培养、评价、使用和激励衔接机制")]
[('lawfully_registered', True), ('good_credit', True), ('mechanism_in_place', True)]
>>> [(k, v) for k, v, _ in readings("设有负责职工技能培训与考核的部门,有相应的专职工作人员")]
[('dedicated_department', True)]
>>> [(k, v) for k, v, _ in readings("主营业务不包含培训、评价或咨询等业务")]
[('main_business_training', False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..facts import Condition
from .parties import subjects_of
from .spans import UnitText

DATA = Path(__file__).resolve().parent.parent / "data" / "requirements.yaml"
# A clause runs to the next comma or stop outside brackets: (Talent Quality-management System ,TTQS ) is one phrase.
CLAUSE = re.compile(r"(?:[（(][^（()）\n]*[）)]|[^，,；;。\n])+")
# An item's number ((一), (一)、, 1., 一、), and a label naming whom the item is about (职业训练机构:依…登记…).
NUMBERING = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[）)][、.．]?|\d+\s*[.．、)）]|[一二三四五六七八九十]+、)\s*"
                       r"(?:[^，,；;。:：（()）\s]{1,12}[:：]\s*)?")
# A table row's field label (评估内容：有固定的办公场所…): what follows it is the clause, as after an item's number.
FIELD_LABEL = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}[：:]\s*")
# What may stand before a requirement verb in its clause: nothing, a subject with a modal, a connective.
LEAD = re.compile(r"^(?:[^，,；;。]{0,16}?(?:应当|应该|应|须|需要|需|必须|要))?(?:同时|并且|并|且|还|已经|已|均)?$")
MODAL = re.compile(r"应当|应该|(?<![适反对相])应(?![用对急])|须|需要|必须|不得")
QUALITY_WORDS = r"(?:良好|较好)"
NOT_HEAD_AFTER = ("民政", "主管", "行政", "有关", "相关", "人社", "监管", "职能", "政府", "业务主管")
OBJECT_MAX = 32  # characters between the verb and the head noun of its object


@dataclass(frozen=True)
class Kind:
    """One kind of yes/no requirement (kg/data/requirements.yaml)."""

    name: str
    label: str
    ask: str
    heads: tuple[str, ...] = ()
    qualities: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    negated: bool = False
    profile_field: str | None = None  # the applicant's answer a drafted rule reads, when one holds it
    verbs: tuple[str, ...] = ()  # the verbs that take this kind's object (rewording)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[tuple[str, ...], tuple[Kind, ...]]:
    """The requirement verbs and the kinds (validated when loaded)."""
    from ..datafiles import read_package_yaml

    data = read_package_yaml(DATA)
    kinds = tuple(Kind(name=name, label=k["label"], ask=k["ask"], heads=tuple(k.get("heads", [])),
                       qualities=tuple(k.get("qualities", [])),
                       patterns=tuple(re.compile(p) for p in k.get("patterns", [])), negated=bool(k.get("negated")),
                       profile_field=k.get("profile_field"), verbs=tuple(k.get("verbs", [])))
                  for name, k in data["kinds"].items())
    return tuple(sorted(data["verbs"], key=len, reverse=True)), kinds


def kind_named(name: str) -> Kind | None:
    """The kind of a condition attribute, if it is one of the yes/no kinds."""
    return next((k for k in vocabulary()[1] if k.name == name), None)


def _head(words: str, kinds: tuple[Kind, ...]) -> tuple[Kind, int] | None:
    """The kind of the first head noun in an object phrase, and where that noun ends."""
    best: tuple[int, int, Kind] | None = None
    for kind in kinds:
        for head in kind.heads:
            at = words.find(head)
            if at > 0 and words[:at].endswith(NOT_HEAD_AFTER):
                continue  # 民政部门, 主管部门: an authority, not the applicant's own department
            if 0 <= at <= OBJECT_MAX and (best is None or (at, -len(head)) < (best[0], -best[1])):
                best = (at, len(head), kind)
    return (best[2], best[0] + best[1]) if best else None


def _verb_object(clause: str, verbs: tuple[str, ...], kinds: tuple[Kind, ...]) -> tuple[Kind, int, int] | None:
    """A requirement verb opening the clause and the kind its object names: (kind, start, end)."""
    for verb in verbs:
        at = clause.find(verb)
        while at >= 0:
            if LEAD.match(clause[:at]) and not clause[:at].endswith(("具", "拥", "设", "所", "没")):
                found = _head(clause[at + len(verb):], kinds)
                if found:
                    return found[0], at, at + len(verb) + found[1]
            at = clause.find(verb, at + 1)
    return None


def _quality(clause: str, kinds: tuple[Kind, ...]) -> tuple[Kind, int, int] | None:
    """A quality stated as good: 信用良好, 自身信用度和社会认可度良好."""
    for kind in kinds:
        for word in kind.qualities:
            after, before = _quality_patterns(word)
            m = after.search(clause) or before.search(clause)
            if m:
                return kind, m.start(), m.end()
    return None


@cache
def _quality_patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two ways a quality word is said good (信用良好, 良好的信用), compiled once per word."""
    return (re.compile(rf"{re.escape(word)}[^，,；;。]{{0,10}}?{QUALITY_WORDS}"),
            re.compile(rf"{QUALITY_WORDS}的[^，,；;。]{{0,4}}?{re.escape(word)}"))


def readings(text: str) -> Iterator[tuple[str, bool, tuple[int, int]]]:
    """Every yes/no requirement in a text: (kind, value, span); one per kind (the first). A kind with
    patterns is read only by them (a construction); the others by their heads or qualities."""
    seen: set[str] = set()
    for c in CLAUSE.finditer(text):
        lead = NUMBERING.match(c.group(0)) or FIELD_LABEL.match(c.group(0))
        base = c.start() + (lead.end() if lead else 0)
        for kind, a, b in _clause_readings(text[base: c.end()]):
            if kind.name not in seen:
                seen.add(kind.name)
                yield kind.name, not kind.negated, (base + a, base + b)


@lru_cache(maxsize=1 << 16)
def _clause_readings(clause: str) -> tuple[tuple[Kind, int, int], ...]:
    """The kinds one clause states, where (offsets in the clause), in order. A clause's own text decides them,
    and documents of the genre repeat clauses (信用良好, 具有固定的办公场所): each distinct one is read once."""
    verbs, kinds = vocabulary()
    found = [(k, m.start(), m.end()) for k in kinds if (m := _first(k, clause))]
    found += [f for f in (_quality(clause, kinds), _verb_object(clause, verbs, kinds)) if f]
    return tuple(sorted(found, key=lambda f: f[1]))


def _first(kind: Kind, clause: str) -> re.Match[str] | None:
    return next((m for p in kind.patterns if (m := p.search(clause))), None)


def in_requirement(text: str, at: int, listed: bool, construction: bool) -> bool:
    """Whether a clause at `at` states a requirement: an item of a list of conditions; a whole construction
    (须在备案的…范围内开展) also where its sentence has a modal. A verb and its object outside a list of
    conditions is a duty of running the work (应建立内部质量督导机制), not a condition to be admitted."""
    if listed:
        return True
    if not construction:
        return False
    start = max(text.rfind(p, 0, at) for p in "；;。\n") + 1
    ends = [i for i in (text.find(p, at) for p in "；;。\n") if i >= 0]
    return bool(MODAL.search(text, start, min(ends) if ends else len(text)))


def requirements_in(ut: UnitText, listed: bool) -> Iterator[Condition]:
    """The yes/no requirements one unit states (`listed`: the unit is an item of a list of conditions)."""
    text = ut.text
    for name, value, (a, b) in readings(text):
        kind = kind_named(name)
        if not in_requirement(text, a, listed, bool(kind and kind.patterns)):
            continue
        subjects = subjects_of(text, a)
        yield Condition(id="", subject=subjects[0] if subjects else None, subjects=subjects, attribute=name,
                        comparator="exists" if value else "absent", value=value,
                        polarity="required" if value else "prohibited", text=text[a:b],
                        provenance=ut.provenance(a, b))
