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
# The day may come as 3月20日, 3.20, 下个月15日 or 今天, before the verb or after it (申报，下个月15日去交).
_DAY = r"(\d{1,2}月\d{1,2}[日号]|\d{1,2}\.\d{1,2}(?!\d)|今天|明天|下周|下个月\d{0,2}[日号]?|现在)"
_DATED_APPLICATION = re.compile(_DAY + r".{0,8}(申报|报名|能报|可以报|递交|能交|去交|报还来得及)|(申报|报名).{0,6}" + _DAY + r".{0,4}(去交|能交|交)")

# "能申请开展二级吗", "直接开展二级技师的认定": a level named as the object of certifying asks which levels,
# even when 申请开展 (an eligibility word) comes with it.
_LEVEL_WORK = re.compile(r"(开展|认定|做|申请|申报)[^,，。？?]{0,4}([1-5一二三四五]级|高级技师|技师)")

# "浙江和吉林的场地要求比较": 比较 closing the question asks to compare (情节比较轻 mid-sentence is "rather").
_FINAL_COMPARE = re.compile(r"(比较|对比)(一下)?[。?？!！\s]*$")
# A certificate's validity stated as a fact (考评员证书都在有效期内) is not a question about the filing's.
_CERTIFICATE_VALID = re.compile(r"证书[^,，。？?]{0,4}有效期内?")
# Nor is a clean record (没有违法违规、失信等不良记录, 一次违规都没有) a question about sanctions.
_CLEAN_RECORD = re.compile(r"(没有|没|无|未|从未)(任何)?(违法|违规|违纪|失信|[、,，])+|(违法|违规|违纪)[^,，。？?]{0,3}(都没|也没|没有)")


def _facts_removed(text: str) -> str:
    """The text without stated facts that merely share words with a topic (see the two patterns above)."""
    return _CLEAN_RECORD.sub("", _CERTIFICATE_VALID.sub("", text))


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Any]]:
    from kg.datafiles import read_package_yaml

    data: dict[str, Any] = read_package_yaml(DATA / "intents.yaml")
    return data["intents"]


def scores(text: str) -> dict[str, int]:
    """Each intent's score for a question (only intents that scored)."""
    prepared = _facts_removed(prepare(text))
    plain = _facts_removed(normalize(text))  # 二级 stays 二级 here; prepare() makes it 2级

    def has(word: str) -> bool:
        return word in prepared or word in plain

    out: dict[str, int] = {}
    for intent, words in _table().items():
        score = (4 * sum(map(has, words.get("decisive", []))) + 2 * sum(map(has, words.get("strong", [])))
                 + any(map(has, words.get("weak", []))))
        if score and score >= words.get("min_score", 1):
            out[intent] = score
    if _DATED_APPLICATION.search(prepared):
        out["window"] = out.get("window", 0) + 3
    if _LEVEL_WORK.search(plain) and "levels" in out:
        out["levels"] += 3
    if _FINAL_COMPARE.search(plain):
        out["comparison"] = out.get("comparison", 0) + 2
    return out


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
