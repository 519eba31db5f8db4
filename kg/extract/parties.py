"""Who a clause binds or asks to act: the organisation kinds a requirement names, the actor of a duty.

Both read the actor taxonomy (kg/data/actors.yaml), longest alias first, so every document's spelling
of a role is known in one place. A kind named only as a modifier is no subject: 行业企业评价规范 and
企业经营异常目录 speak of norms and lists, not of enterprises.

>>> subjects_in("社会团体、民营非企业等3年内民政部门年审不合格")
['org:social_group', 'org:private_non_enterprise']
>>> subjects_in("具有相应国家职业技能标准或行业企业评价规范")
[]
>>> actor_in("认定机构应提前10个工作日以上将本批次具体认定计划报职业技能鉴定中心")
'org:evaluation_org'
"""

from __future__ import annotations

import re
from functools import lru_cache

from .actors import taxonomy

# The applicant in general: naming it adds nothing to "every applicant of the unit".
GENERIC = {"org:evaluation_org"}
# Words that make a kind a modifier of the noun after it (企业经营异常目录, 企业人力资源管理专家) ...
MODIFIED = ("经营", "评价规范", "岗位", "技术规范", "标准", "题库", "主营", "职工", "内部", "人力资源", "工种",
            "管理专家", "技术", "学生", "在岗")
# ... or of the one before it (行业企业, 国家职业).
MODIFYING = ("行业", "国家", "小微", "其他")
# A role right after these words is the object or the recipient of the duty, not who performs it.
OBJECT_BEFORE = re.compile(r"(?:向|报|经|对|将|交|予|其|参与|国家级)[^，。；、]{0,4}$")
INCLUDES = re.compile(r"[（(](?:含|包括)[^）)]*[）)]")
# A sentence that opens on a role the taxonomy does not spell (职业技能等级认定单位须…) names its own actor:
# an evaluating unit is the applicant in general; anything else is not guessed from the paragraph.
OWN_SUBJECT = re.compile(r"^[^，。；、]{2,16}?(?:单位|机构|组织|部门|中心)(?=须|应|要|需|将|负责|于|在)")
CLAUSE_MARKS = "，,；;。\n：:"
SENTENCE_MARKS = "；;。\n"


@lru_cache(maxsize=1)
def _aliases(categories: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    pairs = [(a, actor.id) for actor in taxonomy() if actor.category in categories for a in actor.aliases]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _named(text: str, categories: tuple[str, ...], modifiers: bool) -> list[tuple[int, str]]:
    """(position, actor id) of every role a text names, overlaps resolved to the longest alias."""
    taken = [False] * len(text)
    found: list[tuple[int, str]] = []
    for alias, actor_id in _aliases(categories):
        a = text.find(alias)
        while a >= 0:
            b = a + len(alias)
            if any(taken[a:b]):
                a = text.find(alias, a + 1)
                continue
            taken[a:b] = [True] * (b - a)
            if not (modifiers and (text.startswith(MODIFIED, b) or text[:a].endswith(MODIFYING))):
                found.append((a, actor_id))
            a = text.find(alias, b)
    return sorted(found)


def subjects_in(text: str) -> list[str]:
    """The organisation kinds a clause names as subjects, in reading order (what a （含…） note
    lists is covered by the noun before it, not a subject of its own)."""
    text = INCLUDES.sub(lambda m: "　" * len(m.group(0)), text)
    named = _named(text, ("organisation",), modifiers=True)
    return list(dict.fromkeys(actor for _, actor in named if actor not in GENERIC))


def organisations_in(text: str) -> list[str]:
    """Every organisation kind a text names as a subject, the applicant in general (评价机构) included."""
    return list(dict.fromkeys(actor for _, actor in _named(text, ("organisation",), modifiers=True)))


def _start(text: str, at: int, marks: str) -> int:
    return max(text.rfind(p, 0, at) for p in marks) + 1


def _topic(text: str, at: int) -> str:
    """The first sentence of the paragraph holding `at`: what the paragraph is about."""
    start = text.rfind("\n", 0, at) + 1
    ends = [i for i in (text.find(p, start) for p in SENTENCE_MARKS) if i >= 0]
    return text[start: min([at, *ends])]


def subjects_of(text: str, at: int) -> list[str]:
    """The kinds a requirement at `at` binds: those of its own clause, else of its sentence before it,
    else of its paragraph's first sentence (第三方评价机构实施评价过程须… 每个职业配备考评人员不得少于3人)."""
    for marks in (CLAUSE_MARKS, SENTENCE_MARKS):
        found = subjects_in(text[_start(text, at, marks): at])
        if found:
            return found
    return subjects_in(_topic(text, at))


def actor_of(text: str, at: int) -> str | None:
    """Who a duty at `at` falls on: the actor of its sentence, else of its paragraph's first sentence."""
    sentence = text[_start(text, at, SENTENCE_MARKS): at]
    found = actor_in(sentence)
    if found:
        return found
    own = OWN_SUBJECT.match(sentence.lstrip("（()）0123456789一二三四五六七八九十、. "))
    if own:
        return "org:evaluation_org" if re.search(r"认定|评价", own.group(0)) else None
    return actor_in(_topic(text, at))


def actor_in(sentence: str) -> str | None:
    """Who a duty falls on: the first role the sentence names before its verb, citations aside."""
    plain = re.sub(r"《[^》]*》", lambda m: "　" * len(m.group(0)), sentence)
    named = _named(plain, ("organisation", "authority"), modifiers=True)
    for pos, actor in named:
        if not OBJECT_BEFORE.search(plain[:pos]):
            return actor
    return None


def authority_in(sentence: str) -> str | None:
    """The authority a sanction sentence names as acting: the one after 由, else the first named."""
    named = _named(sentence, ("authority",), modifiers=False)
    after_you = [actor for pos, actor in named if sentence[:pos].endswith("由")]
    candidates = after_you or [actor for _, actor in named]
    return candidates[0] if candidates else None


def sanctioned_in(sentence: str, behaviour_at: int) -> list[str]:
    """Who a sanction falls on: the organisation whose behaviour it is (named before the behaviour, the
    applicant in general when none is), and the people the measures name (参评人员 of 证书无效)."""
    before = [a for p, a in _named(sentence[:behaviour_at], ("organisation",), modifiers=True)]
    opener = _named(sentence[behaviour_at: behaviour_at + 8], ("organisation", "person"), modifiers=True)
    if not before and opener and opener[0][0] <= 1:  # the behaviour opens on who does it: 考生…作弊的, 评价机构…的
        return list(dict.fromkeys([opener[0][1]] + _people(sentence, behaviour_at)))
    own = OWN_SUBJECT.match(sentence.lstrip("（()）0123456789一二三四五六七八九十、. "))
    orgs = before or (["org:evaluation_org"] if own is None or re.search(r"认定|评价", own.group(0)) else [])
    return list(dict.fromkeys(orgs + _people(sentence, behaviour_at)))


def _people(sentence: str, behaviour_at: int) -> list[str]:
    """The people the measures after a behaviour name (参评人员 of 证书无效)."""
    stop = [i for i in (sentence.find(p, behaviour_at) for p in "；;") if i >= 0]
    measures = sentence[behaviour_at: min(stop) if stop else len(sentence)]
    return [a for pos, a in _named(measures, ("person",), modifiers=True) if not _acting(measures, pos, a)]


# A person the measures name as who acts on the behaviour (质量督导员可提请工考办…予以处理), not whom it falls on.
ACTING = re.compile(r"\s*(?:可以|可|应当|应|须|要|负责|有权)?\s*(?:提请|报请|提出|报告|建议|向)")


def _acting(text: str, pos: int, actor: str) -> bool:
    ends = [pos + len(alias) for alias, a in _aliases(("person",)) if a == actor and text.startswith(alias, pos)]
    return bool(ends) and ACTING.match(text, max(ends)) is not None
