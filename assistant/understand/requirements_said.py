"""What an applicant says of the yes/no requirements a document lists: 没有保密室, 没设候考室, 证书库还在建,
跟我们主营业务没关系, 我们不是准入类职业, 职工教育经费没有足额提取.

A requirement is named by the words people use for it (data/requirements_said.yaml: the head nouns of the
genre's requirement lists, kg/data/requirements.yaml, and a few names per kind); whether it holds is read
from the nearest polarity word in its clause — a negator or an affirming verb before the name, else one
right after it (证书库还在建, 保密室也没有). A clause that asks (有没有保密室？要设候考室吗) states nothing.
Besides the named requirements, two statements of amounts and places the genre's conditions read:
"这个职业本市已经有三家了" (the applicant would be the fourth) and "营业执照在外省注册".

>>> said("辽源的一家行业学会，办公场所就两间办公室，没有单独的保密室，也没有证书库")
{'办公室': True, '保密室': False, '证书库': False}
>>> said("没设候考室，证书库还在建，有考务室")
{'候考室': False, '证书库': False, '考务室': True}
>>> said("跟我们主营业务没关系，能批吗？")
{'related_to_main_business': False}
>>> said("我们不是准入类职业"), said("那个工种属于准入类职业资格")
({'non_licensed_occupation': True}, {'non_licensed_occupation': False})
>>> said("要不要设保密室？")
{}
>>> said_values("池州这个职业已经有3家社会培训评价组织备案了，营业执照在外省注册")
{'orgs_per_occupation': 4.0, 'registered_in_jurisdiction': False}
>>> said_values("这个职业已经备案了3家"), said_values("我们是第四家"), said_values("如果目前只有两家呢")
({'orgs_per_occupation': 4.0}, {'orgs_per_occupation': 4.0}, {'orgs_per_occupation': 3.0})
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .quantities import spell_numbers

DATA = Path(__file__).parent / "data" / "requirements_said.yaml"
_SENTENCE = re.compile(r"[^。！？?!；;\n]+[。！？?!；;\n]?")
# A space between two Chinese words ends a clause too: typed questions often use it for the comma
# (考务室有了 候考室没有 能报吗).
_CLAUSE = re.compile(r"(?:[^，,\s]|(?<![\u4e00-\u9fff])\s|\s(?![\u4e00-\u9fff]))+")
_ASKING = re.compile(r"吗|么|呢|是否|能否|可否|有没有|是不是|要不要|需不需要|用不用|多少|几个|什么|哪")
# A negator takes the affirming verbs right after it (没有, 未设, 不属于, 没有开: one negation); negators come first,
# so that at one position the negated form wins over the verb it contains.
# 是 of a conjunction (但是, 可是, 就是, 还是) affirms nothing
_AFFIRM = r"开设|开办|设有|配有|具备|具有|属于|有|设|配|建|开|在|(?<![但可就还要于总倒凡若或只])是"
# 不过, 不仅, 不但 …: a conjunction, which negates nothing (不过单独的评价办公室只有30平方米)
_POLARITY = re.compile(rf"(?P<neg>(?:还在建|正在建|在建|筹建|还没|尚未|没|无关|无|未|不(?!过|仅|但|管|论|然)|非|缺|以外|之外|过期|查不到)"
                       rf"(?:{_AFFIRM})*)"
                       rf"|(?P<aff>{_AFFIRM})")
# None at all of a thing: 没有, 一个也没有, 都没配, 无
_NONE = re.compile(r"(?:一|1)?[个名位]?[^，,。；;\d]{0,4}?(?:都|也)(?:没|无)|没有|没配|未配|无(?![关法])|缺")
_EXISTING = re.compile(r"(?:已(?:经)?|目前只?|现在只?|现只?)(?:有|备案了?|批了?|认定了?)\s*(\d+)\s*家")
_NTH = re.compile(r"(?:是|算|当)第\s*(\d+|[一二三四五六七八九十])\s*家")  # 我们是第四家: the applicant's own place in the count
_ELSEWHERE = re.compile(r"(?:外省|省外|外地|外市|市外|异地)[^，,。；;]{0,4}?(?:注册|登记)|(?:注册|登记)(?:地)?(?:是|在)(?:外省|省外|外地|外市|市外)"
                        r"|(?:到|去)(?:外省|省外|外地|外市)[^，,。；;]{0,4}?(?:申请|申报|备案)"
                        r"|跨(?:省|市|地区)[^，,。；;]{0,4}?(?:申请|申报|备案)"
                        r"|(?:以外|之外)的?(?:城市|地方|地区|省份|省|市|县)[^，,。；;]{0,4}?(?:注册|登记)")  # 在池州以外的城市登记  # 想到外省申请: not registered there
# Inside or outside a list the name closes (在现行《国家职业资格目录》以外, 属于准入类职业资格之外): said right after the name,
# it decides over a verb before it (在 … 以外 is outside).
_SIDE = re.compile(r"[^，,。；;]{0,4}?(?:(?P<out>以外|之外)|(?P<in>以内|之内|范围内))")


@dataclass(frozen=True)
class Named:
    """One requirement as people name it: the key it is stated under, its patterns, and whether naming it
    affirmatively denies it."""

    key: str
    patterns: tuple[re.Pattern[str], ...]
    opposite: bool = False
    none_only: bool = False  # said to lack it only when none at all is had (督导人员一个也没有)


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, Any]]:
    """The said-names data, by requirement kind or attribute."""
    from kg.datafiles import read_package_yaml

    return dict(read_package_yaml(DATA)["kinds"])


def heads_of(kind: str) -> tuple[str, ...]:
    """The head nouns a per-head kind is named by (its own `heads` here, else its heads in
    kg/data/requirements.yaml), else none."""
    from kg.extract.requirements import kind_named

    spec = table().get(kind, {})
    if not spec.get("per_head"):
        return ()
    if spec.get("heads"):
        return tuple(spec["heads"])
    found = kind_named(kind)
    return found.heads if found else ()


def _head_pattern(kind: str, head: str) -> re.Pattern[str]:
    """How people name one head: the kind's pattern for it, else the head itself."""
    return re.compile(table().get(kind, {}).get("heads", {}).get(head) or re.escape(head))


@lru_cache(maxsize=1)
def named() -> tuple[Named, ...]:
    """Every requirement name the reader knows: each head of a per-head kind, then the named kinds."""
    out: list[Named] = []
    for kind, spec in table().items():
        out += [Named(h, (_head_pattern(kind, h),), none_only=bool(spec.get("none_only"))) for h in heads_of(kind)]
        if spec.get("names"):
            out.append(Named(kind, tuple(re.compile(p) for p in spec["names"]), bool(spec.get("opposite")),
                             bool(spec.get("none_only"))))
    return tuple(out)


def clause_kinds() -> tuple[str, ...]:
    """The kinds read in the clause of any extracted requirement (`in_clause`), not as facts of their own."""
    return tuple(k for k, spec in table().items() if spec.get("in_clause"))


def names_for(kind: str, clause: str) -> list[str]:
    """The keys a document's clause stating `kind` is spoken of by: the kind's heads the clause lists
    (办公场所应设有办公室、保密室、证书库等 → 办公室, 保密室, 证书库), else the kind itself when the clause
    uses a word people name it by (财务制度; not 津贴制度, which nobody would call the kind's name); empty
    when nobody could state it."""
    heads = heads_of(kind)
    if heads:
        found = {h: m.start() for h in heads if (m := _head_pattern(kind, h).search(clause))}
        return sorted(found, key=found.__getitem__)  # in the clause's own order
    patterns = table().get(kind, {}).get("names", [])
    return [kind] if any(re.search(p, clause) for p in patterns) else []


def label_of(key: str) -> str:
    """How a stated key is shown: a head noun as itself, a kind by its label."""
    from kg.extract.requirements import kind_named

    kind = kind_named(key)
    return kind.label if kind else str(table().get(key, {}).get("label", key))


def _holds(clause: str, a: int, b: int) -> bool | None:
    """Whether the clause says the thing named at [a, b) is had: the last polarity word before it, else the
    first one inside or after it; a bare mention says it is. A name that only qualifies a later noun
    (在校生的认定还没做, 保密室的钥匙) says nothing of the thing itself (None)."""
    side = _SIDE.match(clause, b)
    if side:
        return side.group("out") is None
    before = list(_POLARITY.finditer(clause, 0, a))
    if before:
        return before[-1].group("neg") is None
    if clause.startswith("的", b):
        return None
    after = _POLARITY.search(clause, a)
    return after is None or after.group("neg") is None


def said(text: str) -> dict[str, bool]:
    """The requirements the text states as had (True) or lacking (False), by key."""
    out: dict[str, bool] = {}
    for sentence in _SENTENCE.findall(text):
        for clause in _CLAUSE.findall(sentence):
            if _ASKING.search(clause):
                continue
            for name in named():
                m = next((m for p in name.patterns if (m := p.search(clause))), None)
                holds = _holds(clause, m.start(), m.end()) if m is not None and name.key not in out else None
                if name.none_only and (holds is True or not _NONE.search(clause)):
                    holds = None  # 专职人员不到5个: an amount, not a lack; 专职人员8人: an amount its own rule reads
                if holds is not None:
                    out[name.key] = holds != name.opposite
    if (inside := within_filed(text)) is not None:  # 备案的工种是车工和铣工…开展汽车维修工的认定
        out["within_filed_scope"] = inside
    return out


# The occupations filed (备案的工种是车工和铣工) and the one the applicant means to certify (开展汽车维修工的认定):
# when both are said, whether the latter is within the former is said too.
_FILED_OCCUPATIONS = re.compile(r"备案(?:了)?的?(?:职业|工种)(?:（工种）)?(?:是|为|有|包括|只有)([^，,。；;？?]+)")
_OCCUPATION = r"[\u4e00-\u9fff]{1,8}?(?:工|员|师|手)"
_TARGET = re.compile(rf"(?:开展|申报|认定|评价|做|搞)(?:的)?({_OCCUPATION})(?:的)?(?:职业技能)?(?:等级)?(?:认定|评价)")
_LIST = re.compile(r"[和、及与跟]|以及")


def within_filed(text: str) -> bool | None:
    """Whether the occupation to be certified is among those filed, when the text names both.

    >>> within_filed("公司备案的工种是车工和铣工。现在想对外开展汽车维修工的认定")
    False
    >>> within_filed("备案的职业是电工、焊工，想开展焊工的等级认定"), within_filed("想开展焊工的认定")
    (True, None)
    """
    filed, target = _FILED_OCCUPATIONS.search(text), _TARGET.search(text)
    if not filed or not target:
        return None
    names = {n.strip() for n in _LIST.split(filed.group(1)) if n.strip()}
    return any(target.group(1).endswith(n) or n.endswith(target.group(1)) for n in names)


def said_values(text: str) -> dict[str, Any]:
    """Profile values the text states beyond the named requirements: the number of organisations an
    occupation would have with the applicant (已经有3家 → 4), registration outside the place (外省注册)."""
    spelled = spell_numbers(text)
    out: dict[str, Any] = {}
    m = _EXISTING.search(spelled)
    if m:
        out["orgs_per_occupation"] = float(m.group(1)) + 1
    elif m := _NTH.search(spelled):  # an ordinal stays a numeral when spelled (第四家)
        n = m.group(1)
        out["orgs_per_occupation"] = float(n) if n.isdigit() else float("一二三四五六七八九十".index(n) + 1)
    if _ELSEWHERE.search(spelled):
        out["registered_in_jurisdiction"] = False
    return out
