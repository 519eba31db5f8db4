"""Rule sets compiled against one corpus and its facts: what judging a place reads, made once.

Each condition gets its fact looked up, its words and citation made, the kinds of organisation it binds
as a set, and a key saying what it means (field, threshold, accepted values, wording) apart from where
it stands, so that judging many places for one profile evaluates each distinct condition once. Places
(a jurisdiction with its province's inherited sets) and their routes are built on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, get_args

from kg.facts import Condition, FactSet
from kg.models import Corpus

from ..models import CitationRef, UnknownCondition
from .condition import Status, cite, kind_status, text_of
from .profile import OrgType
from .rules import Determination, RuleCondition, RuleError, RuleSet
from .supplement import supplemented

ORG_TYPES: tuple[str, ...] = get_args(OrgType)
Kinds = frozenset[str] | None  # the kinds of organisation something binds (None: every kind)
# questions whose rule wording names one place; across places they are asked plainly
PLAIN_ASKS = {"registered_in_jurisdiction": "贵单位在哪个省、市依法登记？"}
_MEANINGS: dict[tuple[Any, ...], int] = {}  # a condition's meaning -> a small number (hashed once, not per lookup)


@dataclass(eq=False)
class Rule:
    """A condition ready to evaluate."""

    cond: RuleCondition
    fact: Condition | None
    text: str
    citation: CitationRef
    kinds: Kinds
    key: int  # what it means, apart from where it stands: equal keys, equal outcomes
    by_kind: dict[str, Status] | None  # a condition on the kind: its status for each kind
    missing: UnknownCondition  # how it is listed while the profile does not settle it


@dataclass(eq=False)
class Route:
    """One way into a place: the sets every route shares, plus this route's own."""

    name: str | None
    sets: list[tuple[RuleSet, list[Rule], Kinds, bool]]  # set, its rules, the kinds it binds, whether it is the route's own
    own: list[Kinds]  # the kinds each of the route's own sets binds (empty: a route of shared sets only)
    named_by: tuple[str, ...]  # words of a question that choose this route alone
    own_kinds: Kinds  # the kinds some own set binds (None: every kind, or no own sets)
    # every rule in order, with what judging reads of it: (rule, its meaning, the kinds it binds (its
    # set's included), whether it waits for the kind when the kind is unknown)
    flat: list[tuple[Rule, int, Kinds, bool]]


@dataclass(eq=False)
class Place:
    """A jurisdiction (or several named together) with the routes its rule sets make."""

    jurisdiction: str
    sets: list[RuleSet]
    routes: list[Route]
    drafted: bool  # some of its rules were drafted for an added document (草拟)
    named: bool  # some route is chosen by a question's words


class Compiled:
    """A determination's rule sets compiled against one corpus and its facts."""

    def __init__(self, det: Determination, facts: FactSet, corpus: Corpus) -> None:
        self.det = det
        full = supplemented(det, facts, corpus).rulesets  # with the conditions their lists state (supplement.py)
        self.sets = full
        found = {(f.provenance.unit_id, f.attribute): f for f in reversed(facts.conditions)}
        self.rules = {rs.id: [_compile(c, rs, found, corpus) for c in rs.conditions] for rs in full}
        self.parents = {d.meta.jurisdiction: d.meta.parent_jurisdiction for d in corpus.documents}
        self._by_place: dict[str, list[RuleSet]] = {}
        for rs in full:
            self._by_place.setdefault(rs.jurisdiction, []).append(rs)
        self._places: dict[tuple[str, ...], Place | None] = {}
        order = [d.meta.jurisdiction for d in corpus.documents] + [rs.jurisdiction for rs in full]
        self.jurisdictions = [j for j in dict.fromkeys(order) if self.place((j,)) is not None]

    def place(self, named: tuple[str, ...]) -> Place | None:
        """The place binding the named jurisdictions' sets (a province's inherited ones included)."""
        if named not in self._places:
            wanted = {id(rs) for j in named for rs in self._by_place.get(j, [])}
            for j in named:
                wanted |= {id(rs) for rs in self._by_place.get(self.parents.get(j) or "", []) if rs.inherit}
            sets = [rs for rs in self.sets if id(rs) in wanted]  # in rule-file order
            routes = self._routes(sets)
            self._places[named] = Place("、".join(named), sets, routes, any(rs.drafted for rs in sets),
                                        any(r.named_by for r in routes)) if sets else None
        return self._places[named]

    def _routes(self, sets: list[RuleSet]) -> list[Route]:
        names = list(dict.fromkeys(rs.route for rs in sets if rs.route))
        return [self._route(n, [rs for rs in sets if rs.route in (None, n)]) for n in names] or [self._route(None, sets)]

    def _route(self, name: str | None, sets: list[RuleSet]) -> Route:
        own = [rs for rs in sets if name is not None and rs.route == name]
        kinds = [binds(rs) for rs in own]
        union = None if not own or None in kinds else frozenset().union(*kinds)  # type: ignore[arg-type]
        entries = [(rs, self.rules[rs.id], binds(rs), any(rs is o for o in own)) for rs in sets]
        # a condition for some kinds only waits for the kind, unless the route itself is that kind's
        flat = [(r, r.key, r.kinds, r.kinds is not None and (bool(r.cond.when_types) or not mine))
                for _, rules, _, mine in entries for r in rules]
        named_by = tuple(dict.fromkeys([*route_words(name), *(w for rs in own for w in rs.named_by)]))
        return Route(name, entries, kinds, named_by, union, flat)


_ROUTE_REF = re.compile(r"^第[一二三四五六七八九十百零\d]+条\s*|[（(][^）)]*[）)]")


def route_words(name: str | None) -> list[str]:
    """The words a route's own name gives a question to choose it by: its name without the clause it sits in
    (第八条 社会培训评价组织 → 社会培训评价组织; 第三方评价机构（附件3 二） → 第三方评价机构)."""
    word = _ROUTE_REF.sub("", name or "").strip()
    return [word] if len(word) >= 3 else []


_COMPILED: dict[tuple[int, str, str], Compiled] = {}


def compiled(det: Determination, facts: FactSet, corpus: Corpus) -> Compiled:
    """The compiled rules, kept per rule file, fact set and corpus (a handful at most)."""
    key = (id(det), facts.fingerprint, corpus.fingerprint)
    found = _COMPILED.get(key)
    if found is None or found.det is not det:
        if len(_COMPILED) >= 8:
            _COMPILED.pop(next(iter(_COMPILED)))
        found = _COMPILED[key] = Compiled(det, facts, corpus)
    return found


def binds(rs: RuleSet) -> Kinds:
    """The kinds of organisation a rule set binds (None: every kind)."""
    if not rs.types and not rs.not_types:
        return None
    return frozenset(k for k in ORG_TYPES if (not rs.types or k in rs.types) and k not in rs.not_types)


def _compile(cond: RuleCondition, rs: RuleSet, found: dict[tuple[str, str], Condition], corpus: Corpus) -> Rule:
    fact = None
    if cond.attribute:
        fact = found.get((cond.unit, cond.attribute))
        if fact is None:
            raise RuleError(f"规则 {cond.id}：在 {cond.unit} 中没有抽取到属性 {cond.attribute} 的条件，请检查语料或规则文件")
    kinds = set(cond.when_types or ORG_TYPES) & set(rs.types or ORG_TYPES) - set(rs.not_types)
    by_kind = None
    if cond.field == "org_type" and (cond.allow_types or cond.forbid_types):
        by_kind = {k: kind_status(cond, k)[0] for k in ORG_TYPES}
    text, citation = text_of(cond, fact), cite(corpus, cond.unit)
    meaning = _MEANINGS.setdefault(_meaning(cond, fact), len(_MEANINGS))
    missing = UnknownCondition(text=text, ask=PLAIN_ASKS.get(cond.field, cond.ask), field=cond.field, citation=citation)
    return Rule(cond, fact, text, citation, None if kinds == set(ORG_TYPES) else frozenset(kinds), meaning, by_kind, missing)


def _meaning(cond: RuleCondition, fact: Condition | None) -> tuple[Any, ...]:
    """Everything an outcome depends on: the rule's own terms and its fact's, never its place."""
    terms = cond.model_dump(exclude={"id", "unit", "ask", "when_types"})
    facts = fact.model_dump(include={"comparator", "value", "value_max", "unit", "polarity", "text"}) if fact else {}
    return tuple(sorted((k, repr(v)) for k, v in {**terms, **{f"fact.{k}": v for k, v in facts.items()}}.items()))
