"""Questions that ask where: "在哪些地方能申请", "各地能不能报", "宿迁、池州、吉林、浙江哪些能报".

Such a question wants every place's verdict for the organisation it describes (assistant.reason.match),
not one place's and not the comparison table of "各地…有什么不同". Its patterns are data
(data/intents.yaml, `where`); which determination it asks about (申请成为评价机构, 设外部考点) comes
from the intent words as for any question.

>>> asks_where("我们是行业协会，场地1200平方米，在哪些地方能申请成为评价机构？")
'eligibility'
>>> asks_where("哪些地方可以设外部考点")
'external_site'
>>> asks_where("宿迁、池州、吉林、浙江哪些能报？", places=4)
'eligibility'
>>> asks_where("各地公示期有什么不同") is None, asks_where("浙江哪里能查到评价机构名单") is None
(True, True)
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from kg.models import Corpus

from assistant.lang.text import normalize

from .slots import DATA

if TYPE_CHECKING:
    from ..dialogue import DialogueState


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    from kg.corpus import read_yaml

    where = read_yaml((DATA / "intents.yaml").read_text(encoding="utf-8"))["where"]
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


class WhereQuestion(BaseModel):
    """A where-question read: what it asks about, where the organisation is, which places to list."""

    determination: str
    places: list[str] = []  # the places it asks about (empty: every place)
    filled: list[str] = []  # the profile fields the utterance set


def read_where(state: DialogueState, question: str, corpus: Corpus, today: date, determination: str) -> WhereQuestion:
    """Fold the utterance into the conversation's profile and tell where the organisation is from where it
    asks about: a place that introduces it (吉林的行业协会, 在上海注册的) is where it is; the others named
    (宿迁、池州、吉林、浙江哪些能报) are the places to list."""
    from assistant.lang.places import find_scope

    from .fill import fill, introduced

    before = list(state.profile.jurisdictions)
    filled = fill(state, question, corpus, today)
    named = find_scope(corpus, question).jurisdictions
    if not named:
        state.profile.jurisdictions = before
        return WhereQuestion(determination=determination, filled=sorted(filled))
    home = introduced(corpus, question, named)
    state.profile.jurisdictions = home or before
    return WhereQuestion(determination=determination, places=[j for j in named if j not in home], filled=sorted(filled))
