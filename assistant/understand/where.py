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

    where = read_package_yaml(DATA / "intents.yaml")["where"]
    return {"asks": [re.compile(p) for p in where["asks"]], "several": [re.compile(p) for p in where["several"]],
            "verbs": where["verbs"], "not": where["not"]}


def asks_where(question: str, places: int = 0) -> str | None:
    """The determination a question asks about across places (None: it does not ask where).

    `places` is how many places the question names: "哪些能报" asks where only among several."""
    from .intent import scores

    text = normalize(question)
    table = _patterns()
    patterns = table["asks"] + (table["several"] if places >= 2 else [])
    if not any(p.search(text) for p in patterns) or not any(v in text for v in table["verbs"]):
        return None
    if any(w in text for w in table["not"]):
        return None
    found = scores(question)
    return "external_site" if found.get("external_site", 0) > found.get("eligibility", 0) else "eligibility"
