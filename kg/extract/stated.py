"""Every other yes/no requirement a list of conditions states: 曾参与相关职业国家职业技能标准的编制, 能为…提供稳定的
经费保障, 自愿接受…的监督, 以人才培养服务为主要工作职责, 不得以营利为最终目的.

A regulator's list of conditions names new requirements with every document; the kinds of
kg/data/requirements.yaml cannot know them all. The grammar of the list does: each clause of an item that
opens on a requirement verb (具有, 建立, 曾, 能, 自愿接受, 以…为 …) states one, named by its own words
(`stated_requirement`); one that opens on a negation (不得, 严禁, 无, 近三年内未 …) states what must not hold.
Two kinds of clause are no requirement by the genre's conventions, and are left out: resources given
without a number (与评价工作相适应的专职工作人员, 相应的场地, 较丰富的考核评价经验: the head noun says so) and
principles (把社会效益放在首位, 合理确定收费标准: a principle word says so).

Outside a list, a sentence whose subject is an organisation and whose modal opens on a verb that builds the
organisation (评价机构应当建立健全…规章制度, 应当配备…并依法与其签订劳动合同) states requirements on it too, in
each of its clauses; other duties (应当按…开展评价, 应当在…内上报) are of running the work and stay out.

>>> [(v, t) for v, t, _ in stated_readings("自愿接受人力资源社会保障部门的监督管理,社会信用良好", True)]
[(True, '自愿接受人力资源社会保障部门的监督管理')]
>>> list(stated_readings("以人才培养服务为主要工作职责的社会培训评价组织,社会信用良好", True))  # a named kind reads it
[]
>>> [(v, t) for v, t, _ in stated_readings("具有广泛的影响力,曾参与相关教材的编制,具备相应的基础条件", True)]
[(True, '曾参与相关教材的编制')]
>>> [(v, t) for v, t, _ in stated_readings("评价机构应当配备相适应的工作人员,并依法与其签订劳动合同,定期开展业务培训。", False)]
[(True, '签订劳动合同'), (True, '定期开展业务培训')]
>>> list(stated_readings("评价机构应当按照备案的职业开展评价活动。", False))
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..facts import Condition, Period
from .parties import organisations_in, subjects_in, subjects_of
from .quantities import number_value
from .requirements import CLAUSE, DATA, NUMBERING, readings
from .spans import UnitText

NAME = "stated_requirement"
SENTENCE = re.compile(r"[^；;。\n]+")
CONNECTIVE = r"(?:并且|并|且|同时|还|均|已经|已)?"
MODAL = r"(?:应当|应该|应|须|需要|需|必须|要)"
# Words that may stand between a clause's start and its verb: a subject with a modal, a connective, an adverb
# of manner (依法, 定期, 按照…规定), a place of the work (在…领域, 在…方面) and a look-back (近三年内).
LEAD = re.compile(rf"^(?:[^，,；;。]{{0,16}}?{MODAL})?{CONNECTIVE}(?:原则上)?"
                  r"(?:依法|定期|自觉|主动|与其|与[^，,；;。]{1,10}?|(?:按照|依照|依据|根据)[^，,；;。]{0,16}?(?:规定|要求)|按规定|在[^，,；;。]{0,16}?(?:领域|方面|范围内|内))*"
                  r"(?P<look>(?:近|最近|过去)?(?P<n>[\d一二三四五六七八九十两]+)(?P<u>年|个月)(?:内|以内|来)?)?\s*$")
SUBJECT_END = re.compile(r"(?:机构|组织|单位|企业|院校|学校|协会|学会|中心|团体)(?:还|也|均|都)?$")  # the subject ends there
# A negation that is a modal itself (评价活动不得以营利为目的) may follow its subject directly.
MODAL_NEGATION = re.compile(r"^[^，,；;。]{0,12}?(?P<look>)(?P<n>)(?P<u>)$")
PARENTHESES = re.compile(r"[（(〔【][^）)〕】]*[）)〕】]")
LIST_WORDS = re.compile(r"下列|以下|如下|之一")
# A clause naming a kind of occupation by what it has (有国家题库的职业, 没有相关题库的) is the topic of what follows.
TOPIC = re.compile(r"(?<![目])的(?:职业|工种|职业[（(]工种[)）])?$")
NOT_HAVING = ("效", "关", "利", "限", "序", "偿", "的")  # 有效期内, 有关部门: words that only start with 有
# A sentence that opens on a condition (如因不可抗力…的，需要提供书面说明) states what follows from it, not a requirement.
CONDITIONAL = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）.．、]\s*)?(?:如果|如|若|因|对于|凡)")
# The organisation heads a kind of applicant ends on (中央目的事业主管机关, 同业公会, 全国性财团法人).
ORGANISATION_HEAD = r"(?:机关|机构|组织|单位|企业|团体|院校|学校|协会|学会|公会|工会|法人|公司|中心)"
# An item of a list of who may apply that says what the applicant is (一、为所申请认证技能职类之中央目的事业主管机关).
COPULA = re.compile(rf"^(?:应当|应|须|必须)?(?:为|是|系)(?P<obj>[^，,；;。]{{2,30}}?{ORGANISATION_HEAD})(?:者|的)?\s*$")
# A clause naming a kind of organisation by what it did (曾接受本部评鉴之训练单位), which a later clause of its
# sentence binds (…不得再申请评鉴): the topic of a rule, not a requirement of a list.
TOPIC_ORGANISATION = re.compile(rf"[的之][^，,；;。的之]{{0,8}}?{ORGANISATION_HEAD}\s*$")
LATER_MODAL = re.compile(r"应当|应该|(?<![适反对相])应(?![用对急])|须|需要|必须|不得|不能|不再|得(?:再|依)")
# An object qualified by a certification (经…评鉴合格之专属场地) is a requirement, not an unquantified resource.
CERTIFIED = re.compile(r"经[^，,；;。]{0,40}?(?:合格|认证|认定|核准|验收|批准)")


@dataclass(frozen=True)
class Grammar:
    """The words of the genre the reader goes by (kg/data/requirements.yaml `stated:`)."""

    verbs: tuple[str, ...]
    negations: tuple[str, ...]
    modal_negations: tuple[str, ...]
    duty_verbs: tuple[str, ...]
    left_out_heads: tuple[str, ...]
    principle_words: tuple[str, ...]
    permission_words: tuple[str, ...]


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The stated-requirement words, longest first (so 建立健全 is read before 建立)."""
    from ..datafiles import read_package_yaml

    data = read_package_yaml(DATA)
    verbs = [*data["verbs"], *data["stated"]["verbs"]]

    def longest(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))
    s = data["stated"]
    return Grammar(verbs=longest(verbs), negations=longest(s["negations"]), modal_negations=tuple(s["modal_negations"]), duty_verbs=longest(s["duty_verbs"]),
                   left_out_heads=tuple(s["left_out_heads"]), principle_words=tuple(s["principle_words"]),
                   permission_words=tuple(s["permission_words"]))


def _opening(clause: str, words: tuple[str, ...], g: Grammar) -> tuple[int, str, re.Match[str]] | None:
    """Where a clause's requirement opens: the earliest of `words` (the longest there) with only lead words before it."""
    best: tuple[int, str, re.Match[str]] | None = None
    for word in words:
        at = clause.find(word)
        while 0 <= at <= 40 and (best is None or at < best[0]):
            lead = LEAD.match(clause[:at]) or (MODAL_NEGATION.match(clause[:at]) if word in g.modal_negations else None)
            if lead and not clause[:at].endswith(("具", "拥", "设", "所", "没", "的")) and not (
                    word == "有" and clause.startswith(NOT_HAVING, at + 1)):
                best = (at, word, lead)
                break
            at = clause.find(word, at + 1)
    return best


def _object_ok(words: str, g: Grammar) -> bool:
    """An object that states a requirement: not an unquantified resource, not a principle, not a list's lead-in."""
    if TOPIC.search(PARENTHESES.sub("", words).rstrip()):
        return False
    bare = PARENTHESES.sub("", words).rstrip("等的 ")
    if len(bare) < 3 or LIST_WORDS.search(bare) or any(w in bare for w in g.principle_words + g.permission_words):
        return False
    return not bare.endswith(g.left_out_heads)


def _quote(clause: str, at: int) -> str:
    """The requirement's words: from its verb to the clause's end, without a parenthesis closing it and without
    the organisation a relative clause qualifies (以…为主要工作职责的社会培训评价组织 → 以…为主要工作职责)."""
    words = re.sub(r"\s*[（(〔][^）)〕]*[）)〕]?\s*$", "", clause[at:])
    cut = words.rfind("的")
    if cut > 0 and len(words) - cut <= 16 and subjects_in(words[cut + 1:]):
        words = words[:cut]
    return words.rstrip("等 ")


def _named_elsewhere(clause: str) -> bool:
    """Whether a named kind or a fixed yes/no pattern reads the clause: one fact, one kind (按规定提取使用职工教育
    经费，能够提供稳定的经费保障 states the funding once)."""
    from .conditions import PRESENCE

    return next(readings(clause), None) is not None or any(r.pattern.search(clause) for r in PRESENCE)


def _copula(clause: str) -> tuple[bool, int, str, re.Match[str]] | None:
    """An item that says what the applicant must be (为…主管机关): the whole clause is the requirement."""
    lead = LEAD.match("")
    return (True, 0, clause.rstrip("者的 "), lead) if COPULA.match(clause) and lead else None


def _reading(clause: str, g: Grammar, listed: bool) -> tuple[bool, int, str, re.Match[str]] | None:
    """(value, start, quote, lead) of the requirement one clause states, if it states one (in a list, none that a
    named kind reads; outside one the named kinds do not read duties, so the clause is read here)."""
    if listed and _named_elsewhere(clause):
        return None
    if listed and COPULA.match(clause):
        return _copula(clause)
    negated = _opening(clause, g.negations, g)
    found = _opening(clause, g.verbs, g)
    if negated and (found is None or negated[0] <= found[0]):
        at, word, lead = negated
        obj, value = clause[at + len(word):], False
    elif found:
        at, word, lead = found
        obj, value = clause[at + len(word):], True
        if word == "以" and "为" not in obj[:24]:
            return None  # 以 opens a requirement only as 以…为主要职责 / 以…为目的
    else:
        return None
    if not (_object_ok(obj, g) or CERTIFIED.search(obj) and _object_ok(obj.rstrip("备设施场地器材具、及和"), g)):
        return None
    quote = _quote(clause, at)
    return (value, at, quote, lead) if len(quote) >= 4 else None


@lru_cache(maxsize=1 << 16)
def _clause_reading(clause: str, listed: bool) -> tuple[bool, int, str, re.Match[str]] | None:
    """_reading of one clause under the genre's grammar, found once: documents of the genre repeat clauses."""
    return _reading(clause, grammar(), listed)


def _clauses(text: str) -> Iterator[tuple[int, str]]:
    for c in CLAUSE.finditer(text):
        lead = NUMBERING.match(c.group(0))
        base = c.start() + (lead.end() if lead else 0)
        yield base, text[base: c.end()]


def _duty_sentence(sentence: str, g: Grammar) -> bool:
    """A sentence whose organisation subject must build something of its own: 评价机构应当(按照…规定)建立健全…, or
    加强…管理，建立考评人员库 (a clause of it opens on a duty verb)."""
    m = re.match(rf"^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）.．、]\s*)?([^，,；;。]{{2,16}}?){MODAL}", sentence)
    if not m or not organisations_in(m.group(1)) or not SUBJECT_END.search(m.group(1)):
        return False
    return any(_opening(clause, g.duty_verbs, g) for _, clause in _clauses(sentence))


def stated_readings(text: str, listed: bool) -> Iterator[tuple[bool, str, tuple[int, int, re.Match[str]]]]:
    """(value, quote, (start, end, lead)) of every requirement the clauses of a text state: every clause of an
    item of a list of conditions (`listed`), else those of a sentence that binds an organisation to build
    something of its own."""
    g = grammar()
    for s in SENTENCE.finditer(text):
        if CONDITIONAL.match(s.group(0)) or (not listed and not _duty_sentence(s.group(0), g)):
            continue
        clauses = list(_clauses(s.group(0)))
        if any(TOPIC_ORGANISATION.search(c) and LATER_MODAL.search(s.group(0), b + len(c)) for b, c in clauses):
            continue  # 曾接受本部评鉴之训练单位，…二年内，不得再…申请: a rule on a kind the sentence names, not a requirement
        for base, clause in clauses:
            found = _clause_reading(clause, listed)
            if found:
                value, at, quote, lead = found
                start = s.start() + base + at
                yield value, quote, (start, start + len(quote), lead)


def _lookback(lead: re.Match[str]) -> Period | None:
    """The 3年 of 近三年内未…: a look-back the clause opens with."""
    if not lead.group("look") or not re.search(r"近|最近|过去|内|来", lead.group("look")):
        return None
    try:
        return Period(amount=number_value(lead.group("n")), unit="月" if lead.group("u") == "个月" else "年")
    except ValueError:
        return None


def stated_in(ut: UnitText, listed: bool) -> Iterator[Condition]:
    """The requirements one unit's clauses state that no named kind reads (the caller drops those overlapping a
    named fact)."""
    text = ut.text
    for value, quote, (a, b, lead) in stated_readings(text, listed):
        subjects = subjects_of(text, a)
        yield Condition(id="", subject=subjects[0] if subjects else None, subjects=subjects, attribute=NAME,
                        comparator="exists" if value else "absent", value=value,
                        polarity="required" if value else "prohibited", lookback=_lookback(lead), text=quote,
                        provenance=ut.provenance(a, b))
