"""A place's verdict from its rule sets: three-valued, across alternative routes and unknown kinds.

A place binds its own rule sets and its province's inherited ones. Sets that name a `route` are
alternative ways in (池州: 第八条 as an 评价组织, or 第九条 as an enterprise); sets without one bind
every route. A route is eligible when every condition that applies is known and met, fails when one is
unmet, and is open otherwise; the place takes its best route. So a place fails only when every way in
that could apply fails on a stated fact — and then it fails now, citing those facts, instead of asking
for more. When the kind of organisation is not known yet, each kind is tried in turn: a stated bad
record fails every kind, a failed 民政年审 only those the clause names.

The rules come compiled (assistant.reason.compile); a `Memo` keeps each distinct condition's outcome for
one profile, so judging every place of a large corpus evaluates each distinct condition once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .compile import ORG_TYPES, Compiled, Place, Route, Rule, compiled  # noqa: F401  (re-exported)
from .condition import status_of
from .profile import Profile

VerdictStatus = Literal["eligible", "not_eligible", "needs_info"]
_RANK = {"eligible": 0, "needs_info": 1, "not_eligible": 2}
Check = tuple[Rule, str, "str | None"]  # rule, met/unmet/unknown, the change that would meet it
Memo = dict[int, tuple[str, "str | None"]]  # a condition's meaning -> its outcome, for one profile


@dataclass(eq=False)
class RouteResult:
    """A route evaluated on what the profile says."""

    route: Route
    possible: bool  # the kind of organisation does not rule it out
    certain: bool  # the kind is known, or the route does not depend on it
    checks: list[Check] = field(default_factory=list)
    deferred: list[Check] = field(default_factory=list)  # conditions for kinds not known yet
    status: VerdictStatus = "needs_info"
    unmet_count: int = 0
    unknown_count: int = 0

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


def chosen_routes(place: Place, asked: str, profile: Profile | None = None) -> list[Route]:
    """The routes a question names by their own words (企业职业技能等级认定 → 第九条), else those whose own
    terms the stated facts use (below), else all."""
    if asked and place.named:
        named = [r for r in place.routes if any(w in asked for w in r.named_by)]
        if named:
            return named
    return described_routes(place.routes, profile) if profile is not None else place.routes


def described_routes(routes: list[Route], profile: Profile) -> list[Route]:
    """While the kind of organisation is unknown, the routes whose own conditions read a fact the user stated
    that some other route does not read: stating 考位 and 理论考试场地 in 池州 describes an applicant of
    第八条 (评价组织), whose conditions name them, not one of 第九条 (企业), whose conditions do not. The
    verdict is then that route's, and names it; with no such fact every route stays."""
    if profile.org_type is not None or len(routes) < 2:
        return routes
    reads = [{rule.cond.field for _, rules, _, own in r.sets if own for rule in rules} for r in routes]
    stated = {f for f in set().union(*reads) if getattr(profile, f, None) is not None}
    specific = {f for f in stated if sum(f in fields for fields in reads) < len(routes)}
    return [r for r, fields in zip(routes, reads, strict=True) if fields & specific] or routes


def judge(place: Place, profile: Profile, asked: str = "", memo: Memo | None = None) -> Judgement:
    """The place's verdict for the profile (`memo`: outcomes already known for this very profile)."""
    memo = {} if memo is None else memo
    results = [_evaluate(r, profile, memo) for r in chosen_routes(place, asked, profile)]
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
    return (_RANK[r.status], not r.certain, r.unmet_count, r.unknown_count)


def _union(checks: object) -> list[Check]:
    seen: dict[tuple[str, str], Check] = {}
    for c in checks:  # type: ignore[attr-defined]
        seen.setdefault((c[0].citation.unit_id, c[0].text), c)
    return list(seen.values())


def _evaluate(route: Route, profile: Profile, memo: Memo) -> RouteResult:
    """The route's conditions on the profile; each distinct condition evaluated once per profile (memo)."""
    kind = profile.org_type
    if route.own:
        result = RouteResult(route, kind is None or route.own_kinds is None or kind in route.own_kinds, kind is not None)
        if not result.possible:
            return result
    else:
        result = RouteResult(route, True, True)
    checks, deferred = result.checks, result.deferred
    unmet = unknown = 0
    for rule, key, kinds, waits in route.flat:
        if kind is not None and kinds is not None and kind not in kinds:
            continue
        outcome = memo.get(key)
        if outcome is None:
            outcome = memo[key] = status_of(rule.cond, rule.fact, profile)
        status = outcome[0]
        if status == "skip":
            continue
        if kind is None and waits:
            deferred.append((rule, status, outcome[1]))
            continue
        checks.append((rule, status, outcome[1]))
        if status == "unmet":
            unmet += 1
        elif status == "unknown":
            unknown += 1
    result.unmet_count, result.unknown_count = unmet, unknown
    result.status = "not_eligible" if unmet else "needs_info" if unknown else "eligible"
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
            if r.route.own and not any(k is None or kind in k for k in r.route.own):
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
        if rule.by_kind is not None and (rule.kinds is None or kind in rule.kinds) and rule.by_kind[kind] == "unmet":
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
