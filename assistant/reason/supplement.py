"""Conditions a document states that its rule set does not hold: a determination holds them too.

A hand-written rule set cites some clauses of a condition list (吉林 一（二）3（1）、（3）…); the same list
states more (（2）办公场所应设有办公室、保密室、证书库等, （5）应设有考务室、候考室等) and the graph has
read them (kg/extract/requirements.py, conditions.py). Each such fact becomes a condition of the set,
cited to its own clause, when a person can state it: a profile field holds it (orgs_per_occupation,
good_reputation …) or people have words for it (assistant/understand/requirements_said.py).

Where a set looks (the general rule): the units its conditions and obligations cite, what lies under them,
and their sibling items in the same list (the items of 一（二）3, of 第八条). A sibling of a whole article
or section is another article, not the same list, so a unit directly under the document has none.

How silence counts: a supplementary condition is what the evaluation (评估、实地察看) checks, like the
rule files' `unstated: assessed` — a stated fact that fails it makes the verdict 不符合 citing its clause;
left unstated it neither holds the verdict open nor is asked for (README, "Verdicts and conversations").
Drafted sets (assistant/reason/draft.py) already hold every condition of their document.
"""

from __future__ import annotations

import re

from kg.facts import Condition, FactSet
from kg.models import Corpus

from ..understand.requirements_said import clause_kinds, label_of, names_for
from .profile import STATED, Profile
from .rules import Determination, RuleCondition, RuleSet

_CLAUSE_END = re.compile(r"[，,；;。\n]")
_SENTENCE_END = re.compile(r"[；;。\n]")
_LEAD = re.compile(r"^(?:且|并且|并|和|及|同时)")
# Organisation kinds the graph names (kg/data/actors.yaml) -> the profile's org_type; kinds not here
# (社会培训评价组织, 评价机构, 用人单位 …) are the applicant in general.
ORG_TYPES = {"org:enterprise": "enterprise", "org:industry_association": "industry_association",
             "org:social_group": "social_group", "org:private_non_enterprise": "private_non_enterprise",
             "org:training_institution": "training_institution", "org:public_training_center": "public_training_center",
             "org:public_institution": "public_institution", "org:technical_school": "technical_school",
             "org:vocational_school": "vocational_college", "org:university": "university"}


def supplemented(det: Determination, facts: FactSet, corpus: Corpus) -> Determination:
    """The determination with every hand-written set holding its document's unheld conditions."""
    held: dict[str, set[str]] = {}  # a place's fields: one its other set reads is not asked again
    for rs in det.rulesets:
        held.setdefault(rs.jurisdiction, set()).update(c.field for c in rs.conditions)
    by_doc: dict[str, list[tuple[int, Condition]]] = {}  # a set reads only its own documents' facts (600 at 100x)
    for i, fact in enumerate(facts.conditions):
        by_doc.setdefault(_doc(fact.provenance.unit_id), []).append((i, fact))
    sets = [rs if rs.drafted else with_supplement(rs, by_doc, corpus, held[rs.jurisdiction]) for rs in det.rulesets]
    return det.model_copy(update={"rulesets": sets})


def with_supplement(rs: RuleSet, by_doc: dict[str, list[tuple[int, Condition]]], corpus: Corpus,
                    place_fields: set[str] | None = None) -> RuleSet:
    """The set plus a condition per fact of its lists that it does not hold and a person can state."""
    cited = {c.unit for c in rs.conditions} | {o.unit for o in rs.obligations}
    fields = {c.field for c in rs.conditions} | (place_fields or set())
    held = {(c.unit, c.attribute) for c in rs.conditions if c.attribute}
    lists = {p for p in (corpus.unit(c).parent for c in cited) if p is not None and "/" in p}
    added: list[RuleCondition] = []
    for _, fact in sorted((pair for doc in {_doc(c) for c in cited} for pair in by_doc.get(doc, [])), key=lambda p: p[0]):
        if (fact.provenance.unit_id, fact.attribute) in held or not in_lists(fact.provenance.unit_id, cited, lists, corpus):
            continue
        for cond in (supplementary(rs, fact, corpus, len(added) + 1), *in_clause(rs, fact, corpus, len(added) + 1)):
            if cond is not None and cond.field not in fields:
                fields.add(cond.field)
                added.append(cond)
    return rs.model_copy(update={"conditions": [*rs.conditions, *added]}) if added else rs


def _doc(unit_id: str) -> str:
    return unit_id.split("/", 1)[0]


def in_lists(unit_id: str, cited: set[str], lists: set[str], corpus: Corpus) -> bool:
    """Whether a unit is one the set cites, lies under one, or is a sibling item of one in its list (`lists`:
    the parents of the cited units that are lists inside an article)."""
    if unit_id in cited or any(unit_id.startswith(c + "/") for c in cited):
        return True
    return corpus.unit(unit_id).parent in lists


def supplementary(rs: RuleSet, fact: Condition, corpus: Corpus, n: int) -> RuleCondition | None:
    """The condition a fact gives the set (None: nobody could state it, or it binds none of the set's kinds)."""
    from kg.extract.conditions import attribute_specs  # the extractor's patterns: only when a rule set is compiled
    from kg.extract.requirements import kind_named

    kinds = [ORG_TYPES[s] for s in fact.subjects if s in ORG_TYPES]
    if kinds and rs.types and not set(kinds) & set(rs.types):
        return None
    clause = clause_of(fact, corpus.unit(fact.provenance.unit_id).text)
    common = {"id": f"{rs.id}+{fact.attribute}-{n}", "unit": fact.provenance.unit_id, "unstated": "assessed",
              "when_types": kinds}
    spec = next((s for s in attribute_specs() if s.name == fact.attribute), None)
    if fact.attribute in Profile.model_fields and spec is not None:  # an amount or yes/no a field holds
        return RuleCondition(field=fact.attribute, attribute=fact.attribute, label=spec.label, ask=spec.ask,
                             quote=clause, **common)
    kind = kind_named(fact.attribute)
    if kind is not None and kind.profile_field in Profile.model_fields:
        field, label = str(kind.profile_field), kind.label
    else:
        names = names_for(fact.attribute, clause)
        if not names:
            return None
        field = STATED + "|".join(names)
        label = label_of(fact.attribute) if names == [fact.attribute] else "、".join(names)
    return RuleCondition(field=field, label=label, ask=kind.ask if kind else f"{label}？", expect=bool(fact.value),
                         quote=clause, **common)


def in_clause(rs: RuleSet, fact: Condition, corpus: Corpus, n: int) -> list[RuleCondition]:
    """The requirements a required fact's clause lists beyond its own kind, which the graph does not extract
    as facts (有…专设机构和专职工作人员、内部质量督导人员: the staff beside the department), each read from
    what is said of its heads and cited to the same clause (data/requirements_said.yaml, `in_clause`)."""
    if fact.polarity != "required":
        return []
    kinds = [ORG_TYPES[s] for s in fact.subjects if s in ORG_TYPES]
    if kinds and rs.types and not set(kinds) & set(rs.types):
        return []
    clause = clause_of(fact, corpus.unit(fact.provenance.unit_id).text, _SENTENCE_END)  # the list goes on past a comma
    out = []
    for kind in clause_kinds():
        names = names_for(kind, clause)
        if names:
            label = "、".join(names)
            out.append(RuleCondition(field=STATED + "|".join(names), label=label, ask=f"{label}？", expect=True,
                                     quote=clause, id=f"{rs.id}+{kind}-{n}", unit=fact.provenance.unit_id,
                                     unstated="assessed", when_types=kinds))
    return out


def clause_of(fact: Condition, text: str, ends: re.Pattern[str] = _CLAUSE_END) -> str:
    """The clause of its unit's text a fact stands in, without the item's number (（2）办公场所应设有办公室、保密室、
    证书库等 → 办公场所应设有办公室、保密室、证书库等); `ends`: what ends a clause (a comma, or only a sentence's end)."""
    at = text.find(fact.provenance.quote)
    if at < 0:
        return fact.provenance.quote
    start = max((m.end() for m in ends.finditer(text, 0, at)), default=0)
    end = m.start() if (m := ends.search(text, at + len(fact.provenance.quote))) else len(text)
    clause = text[start:end].strip()
    from kg.extract.requirements import NUMBERING

    lead = NUMBERING.match(clause)
    return _LEAD.sub("", clause[lead.end() if lead else 0:]).strip()
