"""Questions that ask where: "在哪些地方能申请", "各地能不能报", "宿迁、池州、吉林、浙江哪些能报".

Such a question wants every place's verdict for the organisation it describes (assistant.reason.match),
not one place's and not the comparison table of "各地…有什么不同". Its patterns are data
(data/intents.yaml, `where`): the ways Chinese asks "where" of an action (an interrogative before or after
a place noun, 哪里 as a goal or a subject, a distributive 各地 / 每个地方, a count of places), an action the
organisation wants (申请, 备案, 设考点), and none of the how-to or comparison words (在哪里提交材料,
各地…是否一样). Which determination it asks about (申请成为评价机构, 设外部考点) comes from the intent words
as for any question.

>>> asks_where("我们是行业协会，场地1200平方米，在哪些地方能申请成为评价机构？")
'eligibility'
>>> asks_where("哪些地方可以设外部考点")
'external_site'
>>> asks_where("宿迁、池州、吉林、浙江哪些能报？", places=4)
'eligibility'
>>> asks_where("符合条件的地方有哪些？"), asks_where("我们在各个地区是否都符合申请条件？")
('eligibility', 'eligibility')
>>> asks_where("各地公示期有什么不同") is None, asks_where("浙江哪里能查到评价机构名单") is None
(True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from assistant.lang.text import normalize

from .slots import DATA


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    from kg.datafiles import read_package_yaml

    data = read_package_yaml(DATA / "intents.yaml")
    where, whether = data["where"], data["whether"]
    return {"asks": [re.compile(p) for p in where["asks"]], "several": [re.compile(p) for p in where["several"]],
            "verbs": where["verbs"], "not": where["not"],
            "whether": [re.compile(p) for p in whether["asks"]], "whether_not": [re.compile(p) for p in whether["not"]],
            "self": whether["self"], "described": int(whether["described"]), "objects": whether["objects"]}


def asks_where(question: str, places: int = 0) -> str | None:
    """The determination a question asks about across places (None: it does not ask where).

    `places` is how many places the question names: "哪些能报" asks where only among several."""
    from .intent import scores

    text = normalize(question)
    table = _patterns()
    patterns = table["asks"] + (table["several"] if places >= 2 else [])
    if not any(p.search(text) for p in patterns) or not any(v in text for v in table["verbs"]):
        return None
    if any(w in asked_of(question) for w in table["not"]):
        return None
    found = scores(question)
    return "external_site" if found.get("external_site", 0) > found.get("eligibility", 0) else "eligibility"


def asked_of(question: str) -> str:
    """The part of the question that asks (its question clauses), where a how-to or a comparison would be
    said: the facts stated before it are the organisation's (年检没通过（材料交晚了）…哪里还能报 asks where,
    its 材料 is no how-to)."""
    from .intent import ask_part

    return normalize(ask_part(question)[0])


def asks_whether(question: str) -> bool:
    """Whether a question naming no place asks if the organisation it describes may apply (我们能申请吗;
    小微企业，本地注册的独立法人…能申请评价机构吗; 条件差很多，具体差在哪): with no place to judge for, every
    place's verdict is the answer. It must ask about applying or falling short (data/intents.yaml, `whether`),
    not for the rules themselves (需要什么条件, 对注册资本有要求吗), and be about one organisation: the asker's
    own (我们, 本单位) or one described in several facts. Whether what it says is enough to answer for every
    place (more than the kind) is the dialogue's to tell (assistant.dialogue.where).

    >>> asks_whether("大型化工企业，本地独立法人，信用良好，不过考核场地还没上监控。我们能申请吗？")
    True
    >>> asks_whether("小培训机构，本地登记独立法人，没失信，场地800平租的。估计条件差很多，具体差在哪？")
    True
    >>> asks_whether("有失信记录的单位能申请评价机构吗"), asks_whether("我们是行业协会，申请需要什么条件？")
    (False, False)
    """
    from .intent import best, scores
    from .slots import read_slots

    table, asked = _patterns(), asked_of(question)
    if best(scores(question)) != "eligibility" or not any(p.search(asked) for p in table["whether"]):
        return False
    if any(p.search(asked) for p in table["whether_not"]) or not _applies_for_this(asked, table):
        return False
    text = normalize(question)
    if any(w in text for w in table["self"]):
        return True
    return len(set(read_slots(question).values) - {"jurisdictions"}) >= table["described"]


# What a modal's verb takes up to the end of its clause (能申请【职业培训补贴】吗): the thing applied for.
_APPLIED_FOR = re.compile(r"(?:申请|申报|报|备案|当|做|成为)(?:成为|做|当)?([^，,。；;？?！!吗呢么]*)")
_FILLER = re.compile(r"一下|了|的|个|吧|呀|啊|不|没|看看|试试")


def _applies_for_this(asked: str, table: dict[str, Any]) -> bool:
    """Whether what is applied for, when the question names it, is what the genre's organisations apply for
    (评价机构, 认定, 备案 …): 能申请职业培训补贴吗 applies for something the documents do not grant."""
    modal = table["whether"][0].search(asked)
    if modal is None:
        return True
    found = _APPLIED_FOR.search(asked, modal.start())
    thing = _FILLER.sub("", found.group(1)) if found else ""
    return not thing or any(w in thing for w in table["objects"])
