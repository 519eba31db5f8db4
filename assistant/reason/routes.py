"""A place's verdict from its rule sets: three-valued, across alternative routes and unknown kinds.

A place binds its own rule sets and its province's inherited ones. Sets that name a `route` are
alternative ways in (池州: 第八条 as an 评价组织, or 第九条 as an enterprise); sets without one bind
every route. A route is eligible when every condition that applies is known and met, fails when one is
unmet, and is open otherwise; the place takes its best route. So a place fails only when every way in
that could apply fails on a stated fact — and then it fails now, citing those facts, instead of asking
for more. When the kind of organisation is not known yet, each kind is tried in turn: a stated bad
record fails every kind, a failed 民政年审 only those the clause names.

Rules are compiled once per rule file and fact set (facts looked up, citations built), so matching a
profile against every place of a large corpus costs a pass over its conditions and nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from kg.facts import Condition, FactSet
from kg.models import Corpus

from ..models import CitationRef
from .condition import cite, kind_status, status_of, text_of
from .profile import OrgType, Profile
from .rules import Determination, RuleCondition, RuleError, RuleSet

VerdictStatus = Literal["eligible", "not_eligible", "needs_info"]
ORG_TYPES: tuple[str, ...] = get_args(OrgType)
_RANK = {"eligible": 0, "needs_info": 1, "not_eligible": 2}


@dataclass(eq=False)
class Rule:
    """A condition ready to evaluate: its fact looked up, its words and citation made once."""

    cond: RuleCondition
    fact: Condition | None
    text: str
    citation: CitationRef
    kinds: frozenset[str] | None  # the kinds of organisation it binds (None: every kind)


@dataclass(eq=False)
class Route:
    """One way into a place: the sets every route shares, plus this route's own."""

    name: str | None
    sets: list[tuple[RuleSet, list[Rule]]]
    own: list[RuleSet]

    def owns(self, rs: RuleSet) -> bool:
        return any(rs is o for o in self.own)


@dataclass(eq=False)
class Place:
    """A jurisdiction (or several named together) with the routes its rule sets make."""

    jurisdiction: str
    sets: list[RuleSet]
    routes: list[Route]

    @property
    def drafted(self) -> bool:
        return any(rs.drafted for rs in self.sets)


Check = tuple[Rule, str, "str | None"]  # rule, met/unmet/unknown, the change that would meet it


@dataclass(eq=False)
class RouteResult:
    """A route evaluated on what the profile says."""

    route: Route
    possible: bool  # the kind of organisation does not rule it out
    certain: bool  # the kind is known, or the route does not depend on it
    checks: list[Check] = field(default_factory=list)
    deferred: list[Check] = field(default_factory=list)  # conditions for kinds not known yet
    status: VerdictStatus = "needs_info"

    def unmet(self) -> list[Check]:
        return [c for c in self.checks if c[1] == "unmet"]

    def unknown(self) -> list[Check]:
        return [c for c in self.checks if c[1] == "unknown"]


@dataclass(eq=False)
class Judgement:
    """A place's verdict: its status, the route shown, and the stated facts that fail it."""

    status: VerdictStatus
    route: RouteResult | None
    routes: list[RouteResult]
    unmet: list[Check]  # every failing route's failures when not eligible, else none
    kind_open: bool  # the kind of organisation is unknown and matters here


class Compiled:
    """A determination's rule sets compiled against one corpus and its facts."""

    def __init__(self, det: Determination, facts: FactSet, corpus: Corpus) -> None:
        self.det = det
        found = {(f.provenance.unit_id, f.attribute): f for f in reversed(facts.conditions)}
        self.rules = {rs.id: [_compile(c, rs, found, corpus) for c in rs.conditions] for rs in det.rulesets}
        self.parents = {d.meta.jurisdiction: d.meta.parent_jurisdiction for d in corpus.documents}
        order = [d.meta.jurisdiction for d in corpus.documents] + [rs.jurisdiction for rs in det.rulesets]
        self._places: dict[tuple[str, ...], Place | None] = {}
        self.jurisdictions = [j for j in dict.fromkeys(order) if self.place((j,)) is not None]

    def place(self, named: tuple[str, ...]) -> Place | None:
        """The place binding the named jurisdictions' sets (a province's inherited ones included)."""
        if named not in self._places:
            sets = [rs for rs in self.det.rulesets if rs.jurisdiction in named
                    or (rs.inherit and any(self.parents.get(j) == rs.jurisdiction for j in named))]
            self._places[named] = Place("、".join(named), sets, self._routes(sets)) if sets else None
        return self._places[named]

    def _routes(self, sets: list[RuleSet]) -> list[Route]:
        names = list(dict.fromkeys(rs.route for rs in sets if rs.route))
        if not names:
            return [Route(None, [(rs, self.rules[rs.id]) for rs in sets], [])]
        return [Route(n, [(rs, self.rules[rs.id]) for rs in sets if rs.route in (None, n)],
                      [rs for rs in sets if rs.route == n]) for n in names]


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


def _compile(cond: RuleCondition, rs: RuleSet, found: dict[tuple[str, str], Condition], corpus: Corpus) -> Rule:
    fact = None
    if cond.attribute:
        fact = found.get((cond.unit, cond.attribute))
        if fact is None:
            raise RuleError(f"规则 {cond.id}：在 {cond.unit} 中没有抽取到属性 {cond.attribute} 的条件，请检查语料或规则文件")
    kinds = set(cond.when_types or ORG_TYPES)
    kinds &= set(rs.types or ORG_TYPES)
    kinds -= set(rs.not_types)
    whole = kinds == set(ORG_TYPES)
    return Rule(cond, fact, text_of(cond, fact), cite(corpus, cond.unit), None if whole else frozenset(kinds))


def chosen_routes(place: Place, asked: str) -> list[Route]:
    """The routes a question names by their own words (企业职业技能等级认定 → 第九条), else all."""
    named = [r for r in place.routes if any(w in asked for rs in r.own for w in rs.named_by)]
    return named or place.routes


def judge(place: Place, profile: Profile, asked: str = "") -> Judgement:
    """The place's verdict for the profile."""
    results = [_evaluate(r, profile) for r in chosen_routes(place, asked)]
    possible = sorted((r for r in results if r.possible), key=_closeness)
    kind_open = profile.org_type is None and any(not r.certain or r.deferred for r in possible)
    if not possible:
        return Judgement("not_eligible", None, results, [], kind_open)
    best = possible[0]
    status = best.status
    unmet: list[Check] = []
    if status == "not_eligible":
        unmet = _union(c for r in possible for c in r.unmet())
    elif profile.org_type is None and _could_fail(possible):
        failing = _failing_every_kind(possible)
        if failing is not None:
            status, unmet = "not_eligible", failing
    if status == "eligible" and kind_open:
        status = "needs_info"
    return Judgement(status, best, results, unmet, kind_open)


def _closeness(r: RouteResult) -> tuple[int, bool, int, int]:
    return (_RANK[r.status], not r.certain, len(r.unmet()), len(r.unknown()))


def _union(checks: object) -> list[Check]:
    seen: dict[tuple[str, str], Check] = {}
    for c in checks:  # type: ignore[attr-defined]
        seen.setdefault((c[0].citation.unit_id, c[0].text), c)
    return list(seen.values())


def _evaluate(route: Route, profile: Profile) -> RouteResult:
    kind = profile.org_type
    if route.own:
        binds = [rs.binds(kind) for rs in route.own]
        possible, certain = any(b is not False for b in binds), kind is not None
    else:
        possible, certain = True, True
    result = RouteResult(route, possible, certain)
    if not possible:
        return result
    for rs, rules in route.sets:
        bound = rs.binds(kind)
        if bound is False:
            continue
        for rule in rules:
            if rule.kinds is not None and kind is not None and kind not in rule.kinds:
                continue
            status, change = status_of(rule.cond, rule.fact, profile)
            if status == "skip":
                continue
            # a condition for some kinds only waits for the kind, unless the route itself is that kind's
            conditional = kind is None and rule.kinds is not None and (bool(rule.cond.when_types) or not route.owns(rs))
            (result.deferred if conditional else result.checks).append((rule, status, change))
    statuses = {s for _, s, _ in result.checks}
    result.status = "not_eligible" if "unmet" in statuses else "needs_info" if "unknown" in statuses else "eligible"
    return result


def _could_fail(routes: list[RouteResult]) -> bool:
    """Whether some stated fact fails a condition that binds only some kinds (worth trying each kind)."""
    return any(s == "unmet" for r in routes for _, s, _ in r.checks + r.deferred)


def _failing_every_kind(routes: list[RouteResult]) -> list[Check] | None:
    """The stated facts that fail the place whatever the organisation turns out to be; None if some kind passes."""
    failures: list[Check] = []
    for kind in ORG_TYPES:
        open_route = False
        for r in routes:
            if r.route.own and not any(rs.binds(kind) for rs in r.route.own):
                continue
            found = _failures(r, kind)
            if not found:
                open_route = True
                break
            failures += [c for c in found if c[0].cond.field != "org_type"]
        if open_route:
            return None
    return _union(failures)


def _failures(r: RouteResult, kind: str) -> list[Check]:
    """What fails the route for one kind of organisation: its stated failures, and the kind itself if barred."""
    out = [c for c in r.checks + r.deferred if c[1] == "unmet" and (c[0].kinds is None or kind in c[0].kinds)]
    for rule, _, _ in r.checks:
        cond = rule.cond
        if cond.field != "org_type" or not (cond.forbid_types or cond.allow_types):
            continue
        if (rule.kinds is None or kind in rule.kinds) and kind_status(cond, kind)[0] == "unmet":
            out.append((rule, "unmet", None))
    return out


def failures(judged: Judgement) -> list[tuple[Check, str | None]]:
    """What fails the place, each with the route it fails (None: the route shown, or every route).

    Unless the place is eligible, the failures of its other routes are told too: a small enterprise in 池州
    fails 第九条 while 第八条 is still open."""
    if judged.status == "eligible":
        return []
    shown = judged.route
    out: list[tuple[Check, str | None]] = [(c, None) for c in (shown.unmet() if shown else [])]
    seen = {(c[0].citation.unit_id, c[0].text) for c, _ in out}
    for r in judged.routes:
        if r is shown or not r.possible:
            continue
        for c in r.unmet():
            if (c[0].citation.unit_id, c[0].text) not in seen:
                seen.add((c[0].citation.unit_id, c[0].text))
                out.append((c, r.route.name))
    out += [(c, None) for c in judged.unmet if (c[0].citation.unit_id, c[0].text) not in seen]
    return out
