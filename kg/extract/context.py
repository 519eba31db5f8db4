"""What a unit's surroundings say about the requirements in it: whether it is an item of a list of
conditions (应当具备下列条件, 三、续期条件), and whom the requirements address when the clause names nobody
(the kind its headings, its list's lead-in or its document's title name: 企业 in 关于开展企业职业技能等级认定
工作的通知).

>>> bool(LIST_CUE.search("有意愿且具备相应能力的企业可申请开展企业职业技能等级认定,并应具备下列条件:"))
True
>>> bool(LIST_CUE.search("三、续期条件"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Corpus, Document, Unit
from ..source import to_simplified
from .parties import subjects_in

# A list of conditions: what must be met (应当具备下列条件), or who may apply (下列单位得申请…认证:), each item
# naming an eligible kind of organisation and what it must be.
LIST_CUE = re.compile(r"(?:具备|具有|符合|满足|达到)[^，,。；;]{0,4}?(?:下列|以下|如下)|条件\s*[:：]|条件\s*$"
                      r"|(?:下列|以下)(?:各类)?(?:单位|机构|组织|团体|企业)[^，,。；;：:]{0,4}?(?:得|可|可以|方可)(?:申请|申报)")
# Words only a list of conditions on people holds (a candidate's ethics, diploma, certificate and years of work).
PEOPLE_CUE = re.compile(r"职业道德|敬业精神|毕业证书|从事本职业|(?:职业资格|职业技能等级|技能等级|等级)证书后|工作年限|身体健康")
# A list of refusals: what must not hold to be admitted (有下列情形之一的，不予备案：).
REFUSAL_CUE = re.compile(r"(?:下列|以下|如下)(?:情形|情况|条件)?之一的?\s*[，,]?\s*(?:[^，,。；;：:]{0,10}?)"
                         r"(?:不予|不得|不能|不再|不可)(?:受理|备案|申报|申请|认定|遴选|纳入|推荐|参加)")


def lead(doc: Document, unit: Unit) -> str:
    """A unit's heading and the words before its first child: what introduces its items."""
    text = unit.text
    if unit.children:
        first = doc.unit(unit.children[0]).text[:12]
        at = text.find(first) if first else -1
        text = text[:at] if at > 0 else text.split("\n", 1)[0]
    return f"{unit.heading or ''}\n{text}"


def _last_sentence(words: str) -> str:
    """The sentence that introduces a list (…的企业可申请…，并应具备下列条件：), not the paragraph before it."""
    body = words.rstrip("：: \n")
    return body[max(body.rfind(p) for p in "。；;\n") + 1:]


def ancestors(doc: Document, unit: Unit) -> Iterator[Unit]:
    """The units a unit sits in, nearest first."""
    parent = unit.parent
    while parent:
        above = doc.unit(parent)
        yield above
        parent = above.parent


# A row of an assessment table (评估项目：…；评估内容：有固定的办公场所…；评估要求：…): what it assesses is a condition.
ASSESSED_ROW = re.compile(r"(?:评估|考核|评审|检查)(?:内容|要点)\s*[：:]")


def listed(corpus: Corpus, unit: Unit) -> bool:
    """Whether a unit is an item of a list of conditions (its own lead-in counts: 1.…应当同时具备以下三个条件:),
    or a row of an assessment table."""
    doc = corpus.doc(unit.doc_id)
    if not unit.children and ASSESSED_ROW.search(unit.text):
        return True
    return any(LIST_CUE.search(lead(doc, u)) for u in [unit, *ancestors(doc, unit)])


def for_people(corpus: Corpus, unit: Unit) -> bool:
    """Whether the list of conditions a unit sits in sets conditions on people (a candidate's 职业道德, 毕业证书,
    years in the occupation) rather than on an organisation: its words say so."""
    doc = corpus.doc(unit.doc_id)
    the_list = next((u for u in [unit, *ancestors(doc, unit)] if LIST_CUE.search(lead(doc, u))), None)
    return the_list is not None and bool(PEOPLE_CUE.search(the_list.text))


def refused(corpus: Corpus, unit: Unit) -> bool:
    """Whether a unit is an item of a list of refusals (有下列情形之一的，不予备案：…): an enclosing lead-in says so,
    or the unit is a whole list whose items stayed in its lead's paragraph."""
    doc = corpus.doc(unit.doc_id)
    if not unit.children and re.search(REFUSAL_CUE.pattern + r"[^：:]{0,4}[：:]\s*\S", unit.text):
        return True  # the items stayed in the lead's paragraph: 有下列情形之一的，不予备案：（一）…；（二）…
    return any(REFUSAL_CUE.search(lead(doc, u)) for u in ancestors(doc, unit))


def _own_lead(unit: Unit, quote: str) -> list[str]:
    """The kinds a list's lead-in inside the unit itself names, before the requirement (1.申请类型为企业的，应当
    同时具备以下三个条件：1)…信用良好)."""
    at = unit.text.find(quote) if quote else -1
    cues = list(LIST_CUE.finditer(unit.text, 0, at)) if at > 0 else []
    return subjects_in(_last_sentence(unit.text[: cues[-1].end()])) if cues else []


CLOSING_KIND = re.compile(r"[之的]([^，,；;。之的]{2,16})[。；;]?\s*$")


# A list of alternatives, each item one kind that may apply (应符合下列资格之一：, 下列单位得申请…：).
ALTERNATIVE_KINDS = re.compile(r"(?:资格|条件|情形)之一\s*[:：]|(?:下列|以下)(?:各类)?(?:单位|机构|组织|团体)[^，,。；;：:]{0,4}?"
                               r"(?:得|可|可以|方可)(?:申请|申报)")


def _closing_kind(corpus: Corpus, unit: Unit) -> list[str]:
    """The kind an item of a list of who may apply closes on, its requirements written as the relative clause
    before it (1.设立三年以上领有登记证书，且申请评鉴职类与其会员本业相关之工会或同业公会。)."""
    doc = corpus.doc(unit.doc_id)
    if unit.children or not any(ALTERNATIVE_KINDS.search(lead(doc, u)) for u in ancestors(doc, unit)):
        return []
    m = CLOSING_KIND.search(unit.text)
    return subjects_in(m.group(1)) if m else []


def addressees(corpus: Corpus, unit: Unit, quote: str = "") -> list[str]:
    """The organisation kinds a unit's requirements address when its clauses name none: those a list's lead-in
    before the requirement (`quote`) in the unit names, else its nearest heading or lead-in, else its
    document's title (several when it names several: 企业类及院校类评价机构)."""
    own = _own_lead(unit, quote) or _closing_kind(corpus, unit)
    if own:
        return own
    doc = corpus.doc(unit.doc_id)
    for above in ancestors(doc, unit):
        words = lead(doc, above)
        heading = words.split("\n", 1)[0]
        found = subjects_in(heading) or (subjects_in(_last_sentence(words)) if LIST_CUE.search(words) else [])
        if found:
            return found
    return subjects_in(to_simplified(doc.meta.title)[0])  # a 繁体 title (職業…訓練單位…) names its kinds in 简体 too
