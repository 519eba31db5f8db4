"""Which determination a question asks for, by weighted words (assistant/understand/data/intents.yaml).

Deliberately simple and inspectable: every decision can be explained by the words that scored it, and
`policykg eval` measures it on a labelled set (queries/intents.yaml).

>>> classify("我们是浙江的民办培训学校，能申请成为社会评价组织吗？")
'eligibility'
>>> classify("外部考点条件")
'external_site'
>>> classify("被约谈后又发生了会怎样")
'sanction'
>>> classify("县里备案的第三方评价机构，规范开展评价两年半了，现在能申请开展二级吗？")
'levels'
>>> classify("浙江和吉林的场地要求比较"), classify("情节比较轻会怎样")
('comparison', 'sanction')
>>> classify("宿迁 第九条")
'lookup'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from assistant.lang.text import normalize

from .slots import DATA, prepare

# "3月20日能申报吗": a day named next to applying asks about the window, whoever applies.
# The day may come as 3月20日, 3.20, 下个月15日, 今天 or 后天, before the verb or after it (申报，下个月15日去交);
# 现在 is not a day here (现在想直接申报 states a plan; 现在能报 is a window word of its own).
_DAY = (r"(\d{1,2}月\d{1,2}[日号]|\d{1,2}\.\d{1,2}(?!\d)|今天|明天|后天|(?:下个?|这个?|本)?(?:周|星期|礼拜)[1-7一二三四五六日天]"
        r"|下周|下个月\d{0,2}[日号]?)")
_DATED_APPLICATION = re.compile(_DAY + r".{0,8}(申报|报名|能报|可以报|递交|能交|去交|报还来得及)|(申报|报名).{0,6}" + _DAY + r".{0,4}(去交|能交|交)")
# "今天去省鉴定中心交申报材料还赶得上吗", "11月1号还赶得上吗": a day, then handing in (or whether it is still in
# time) in the same clause, in a question about applying that names nothing else to hand in (成绩, 数据, 计划 …
# are deadlines of their own).
# A month alone (6月份能申报吗) asks about the window too, unless the question states a condition of the
# organisation (年检没通过…今年3月能申报吗: whether it may apply, the month being when it means to).
_MONTH_APPLICATION = re.compile(r"(?<![个\d])\d{1,2}月份?(?![\d个日号]).{0,8}(申报|报名|能报|可以报|递交)")
_DAY_HANDED_IN = re.compile(_DAY + r"[^，,。？?；;]{0,14}?(申报|报名|递交|提交|交|报|还赶得上|还来得及|还算数|还算)")
# "现在能报吗" after the organisation's facts asks whether it may apply now that they hold, not about the window.
_NOW_APPLY = re.compile(r"现在(还)?(能|可以|可不可以|能不能)?(报|申报|申请)")
_APPLYING = re.compile(r"申报|征集|报名|想报|报[^，,。？?]{0,24}(机构|组织)")  # 下周三报吉林的…认定机构
# kept material asked about (那次评价的考生报名材料…能不能销毁) falls due in its own way too
_KEPT = re.compile(r"保存|销毁|删|扔|废")
_OTHER_DUE = re.compile(r"成绩|数据|计划|结果|档案|意见|公示|证书|整改|延续|材料补|" + _KEPT.pattern)

# 想去外市开展认定服务, 到外地考: certifying somewhere other than where the organisation is (an external site)
# (a plan: 擅自在外地考了 is a violation's story), or to a city named there to work (想去铜陵开展认定服务) when
# applying is not what is asked (想到吉林开展认定，能申请吗 asks about applying there)
_ELSEWHERE_WORK = re.compile(r"(想|打算|准备|要|拟)(去|到|在)(外市|外地|外县|异地|其他城市|别的城市|其他市|别的市|其他地市)"
                             r"[^，,。？?]{0,8}(开展|考|评价|认定)")
_NAMED_ELSEWHERE = re.compile(r"(想|打算|准备|拟)(去|到)[\u4e00-\u9fff]{2,3}(开展认定|开展评价|开考)")
_APPLY_WORDS = re.compile(r"申请|申报|遴选")

# "能申请开展二级吗", "直接开展二级技师的认定": a level named as the object of certifying asks which levels,
# even when 申请开展 (an eligibility word) comes with it.
_LEVEL_WORK = re.compile(r"(开展|认定|做|申请|申报)[^,，。？?]{0,4}([1-5一二三四五]级|高级技师|技师|(哪几个|哪些|几个|哪个|什么)等级)")

# "浙江和吉林的场地要求比较": 比较 closing the question asks to compare (情节比较轻 mid-sentence is "rather").
_FINAL_COMPARE = re.compile(r"(比较|对比)(一下)?[。?？!！\s]*$")
# A certificate's validity stated as a fact (考评员证书都在有效期内) is not a question about the filing's.
_CERTIFICATE_VALID = re.compile(r"证书[^,，。？?]{0,4}有效期内?")
# Nor is a clean record (没有违法违规、失信等不良记录, 一次违规都没有) a question about sanctions.
_CLEAN_RECORD = re.compile(r"(没有|没|无|未|从未)(任何)?(违法|违规|违纪|失信|[、,，])+|(违法|违规|违纪)[^,，。？?]{0,3}(都没|也没|没有)")


# Nor is a step up or down a scale (复评降了一级, 高一级) a question about the level 一级.
_ONE_STEP = re.compile(r"(降|升|提|高|低|上|下)了?(一|1)级")
# Nor is a plan for when a term runs out (合同只签了两年，到期再续 / 到期再看) a question about validity.
_AT_EXPIRY = re.compile(r"到期(以?后|了)?(再|就|还会|会)")

# The question's shape: sentences end at 。！？；, clauses at commas and colons; a question form is an
# interrogative word or particle, or an A-not-A (能不能, 够不够); a bare yes/no is one of them with at most
# a pronoun beside it.
_SENTENCE = re.compile(r"(?<=[。！!？?；;])")
_CLAUSE = re.compile(r"[，,：:。！!？?；;]+")
_QUESTION_FORM = re.compile(r"吗|呢|么|怎|啥|咋|哪|几|多少|多久|多长|多大|多远|如何|是否|能否|可否|[?？]|(.)[不没]\1|来得及|赶得上")
# A clause stating what the asker means to do (想在外市设考点, 拟设的外部考点, 打算…) is what the question asks
# about, even when the question form stands in a clause of its own (…，先考后补可不可以？).
_PROPOSAL = re.compile(r"想|打算|拟|准备(?!好)")
# Whether a day is still in time (来得及吗, 还在时间里吗, 赶得上吗) asks about the day the sentence names.
_TIMELY = re.compile(r"来不来得及|来得及|赶不赶得上|赶得上|在时间(里|内|范围内)|时间(还)?(够|行|对)")
_BARE_WORDS = re.compile(r"这样|这个|那样|那么|这|那|我们|请问|的话|还|就|也|真的|能|可以|可|行|够|成|是|不|吗|呢|吧|啊|[?？]")


def _facts_removed(text: str) -> str:
    """The text without stated facts that merely share words with a topic (see the patterns above)."""
    return _ONE_STEP.sub("", _AT_EXPIRY.sub("", _CLEAN_RECORD.sub("", _CERTIFICATE_VALID.sub("", text))))


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Any]]:
    from kg.datafiles import read_package_yaml

    data: dict[str, Any] = read_package_yaml(DATA / "intents.yaml")
    return data["intents"]


def scores(text: str) -> dict[str, int]:
    """Each intent's score for a question (only intents that scored).

    What is *asked* decides over what is *stated*: when the clause holding the question form (`ask_part`)
    names some intent, an intent named only by the stated facts scores below it, so 租赁合同只签了三年…
    这样能申报吗 asks about applying, not about a term running out, and 去年被约谈过…这回会怎么处理 still
    asks what happens. When the ask names nothing (能先在那边开考吗), the facts name the topic as before."""
    asked, stated = ask_part(text)
    found_ask, found_fact = _raw_scores(asked), _raw_scores(stated)
    for intent, bonus in _bonuses(asked, text, stated).items():
        found_ask[intent] = found_ask.get(intent, 0) + bonus
    top = max(found_ask.values(), default=0)
    out: dict[str, int] = {}
    for intent, words in _table().items():
        total = found_ask.get(intent, 0) + found_fact.get(intent, 0)
        if not total or total < words.get("min_score", 1):
            continue
        if top and not found_ask.get(intent):
            total = min(total, top - 1)  # named only by the facts: below what is asked
        if total > 0:
            out[intent] = total
    if any(w in normalize(asked) for w in _table()["help"].get("decisive", [])):
        # 我要告诉你哪些情况，你才能判断能不能当评价机构: what the assistant needs to be told is asked; the
        # determination named is what it would then judge
        out["help"] = max(out.values(), default=0) + 1
    return out


def ask_part(text: str) -> tuple[str, str]:
    """The question's ask and its stated facts: the clauses holding a question form (吗, 什么, 几, 能不能, ？ …)
    or saying what the asker means to do (想…, 拟…) are asked, the rest is stated. A bare yes/no (这样可以吗, 行不行, 够吗) asks about its whole sentence; a
    text with no question form is all ask (外部考点条件).

    >>> ask_part("场地是租的，合同只签了三年。这样能申报吗？")
    ('这样能申报吗', '场地是租的 合同只签了三年')
    >>> ask_part("合同只签了两年，这个可以吗？")
    ('合同只签了两年 这个可以吗', '')
    >>> ask_part("被约谈后又未及时上报证书数据会怎样")
    ('被约谈后又未及时上报证书数据会怎样', '')
    """
    asked: list[str] = []
    stated: list[str] = []
    for sentence in _SENTENCE.split(normalize(text)):
        clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
        holding = [c for c in clauses if _QUESTION_FORM.search(c)]
        if sentence.strip() and re.search(r"[?？]\s*$", sentence) is None and not holding:
            stated += clauses
            continue
        if not holding or any(_bare(c) for c in holding):
            asked += clauses
            continue
        asked += [c for c in clauses if c in holding or _PROPOSAL.search(c)]
        stated += [c for c in clauses if c not in holding and not _PROPOSAL.search(c)]
    if not asked:
        return " ".join(stated), ""
    return " ".join(asked), " ".join(stated)


# A yes/no form (能申报吗, 能不能, 是否, 来得及) asks for a determination; an interrogative word alone (多久, 多少,
# 哪些, 什么) asks for what the documents say, a lookup. 么 counts only outside 什么/怎么/那么/这么/多么/要么.
_YES_NO = re.compile(r"吗|(?<![什怎那这多要])么|是否|能否|可否|(.)[不没]\1|来得及|赶得上")


def asks_yes_no(text: str) -> bool:
    """Whether the question's ask is a yes/no (能申报吗, 还有效吗, 可不可以): it asks for a determination, not
    for what a rule says (备案表要填哪些内容, 有效期多久).

    >>> asks_yes_no("梅河口的技工学校，10月份能申报认定机构吗")
    True
    >>> asks_yes_no("南通 职业技能等级认定备案表 要填哪些内容")
    False
    """
    return _YES_NO.search(ask_part(text)[0]) is not None


# A value or a list asked of the rules (要交哪些材料, 至少几个, 多少平方米, 向哪一级, 找谁): a lookup, unless a
# modal or the determination's own subject makes it the asker's case (能报哪些职业, 需要什么条件, 有什么资格).
_VALUE = re.compile(r"哪些|哪个|哪一|哪几|哪里|找谁|向谁|报谁|给谁|多少|几[个名人年天级A项类]|多大|多久|多长|多远")
_CASE = re.compile(r"(?<![技职功智效性体才])能(?![力源])|可以|可否|条件|资格")  # 能 the modal, not 技能/职能


def asks_value(text: str) -> bool:
    """Whether the question's ask is a value or a list the rules state (a lookup), not a yes/no nor the
    asker's own case: the determination is then offered, not given.

    >>> asks_value("吉林申报认定机构，场地最少要多少平方米")
    True
    >>> asks_value("宿迁 第三方评价机构能认定几级")
    False
    """
    ask = ask_part(text)[0]
    return _VALUE.search(ask) is not None and _CASE.search(ask) is None and not asks_yes_no(text)


def _bare(clause: str) -> bool:
    """A yes/no with no content of its own (这样可以吗, 行不行, 够吗): it asks about what was said before it."""
    return len(_BARE_WORDS.sub("", _TIMELY.sub("", clause))) <= 1


def _raw_scores(text: str) -> dict[str, int]:
    """The intent words' scores of a stretch of text, before any weighing of asked against stated."""
    if not text:
        return {}
    prepared = _facts_removed(prepare(text))
    plain = _facts_removed(normalize(text))  # 二级 stays 二级 here; prepare() makes it 2级

    def has(word: str) -> bool:
        return word in prepared or word in plain

    out: dict[str, int] = {}
    for intent, words in _table().items():
        score = (4 * sum(map(has, words.get("decisive", []))) + 2 * sum(map(has, words.get("strong", [])))
                 + any(map(has, words.get("weak", []))))
        if score:
            out[intent] = score
    return out


def _bonuses(asked: str, text: str, stated: str = "") -> dict[str, int]:
    """Scores from the question's shape rather than its words: a day next to applying (the window), a level
    as the object of certifying, 比较 closing the question, "now" after a stated condition (eligibility)."""
    out: dict[str, int] = {}
    if _NOW_APPLY.search(asked) and _raw_scores(asked).get("window") and not re.search(_DAY, prepare(text)) \
            and _states_a_condition(stated):
        out["eligibility"] = 5  # 去年年检没通过…现在能报吗: now that this is so, not on which days
    if (_DATED_APPLICATION.search(prepare(asked)) and not _KEPT.search(text)) or (
            _DAY_HANDED_IN.search(prepare(asked)) and _APPLYING.search(text) and not _OTHER_DUE.search(text)):
        out["window"] = 3
    elif _MONTH_APPLICATION.search(prepare(asked)) and not _KEPT.search(text) and not _states_a_condition(stated):
        out["window"] = 3
    if _ELSEWHERE_WORK.search(normalize(text)) or (_NAMED_ELSEWHERE.search(normalize(text)) and not _APPLY_WORDS.search(text)):
        out["external_site"] = 2
    if _LEVEL_WORK.search(normalize(asked)) and _raw_scores(text).get("levels"):
        out["levels"] = 3
    if _FINAL_COMPARE.search(normalize(text)):
        out["comparison"] = 2
    return out


def _states_a_condition(stated: str) -> bool:
    """Whether the stated facts say something a condition reads beyond the kind and the place (年检没通过)."""
    from .slots import read_slots

    return bool(set(read_slots(stated).values) - {"org_type", "registered_in_jurisdiction", "jurisdictions"})


def classify(text: str) -> str:
    """The best-scoring intent of a text."""
    return best(scores(text))


def best(found: dict[str, int]) -> str:
    """The best-scoring intent, ties to the one listed first; `lookup` when nothing scored."""
    if not found:
        return "lookup"
    order = list(_table())
    return max(found, key=lambda k: (found[k], -order.index(k)))


def route_words() -> set[str]:
    """The words that name the intents (decisive, strong and weak): asking with them is asking for a
    determination itself (条件, 外部考点), so a clause need not repeat them to answer."""
    return {w for words in _table().values() for level in ("decisive", "strong", "weak") for w in words.get(level, [])}
