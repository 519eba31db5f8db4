"""One profile, every jurisdiction: where may this organisation apply, and what is missing where.

`match_profile` judges every place that has rules for a determination — the same judgement as the
single-place verdict (assistant.reason.routes), so a row never disagrees with asking about that place
alone — and returns the match table: eligible places first, then the closest to eligible (fewest unmet,
then fewest unknown); for a failing place the smallest change that lifts its failures; the single
changes that would turn several places at once; the one or two questions that would settle the most
places. The CLI (`policykg match`), the answer engine ("在哪些地方能申请"), the TUI and briefings share it.

A profile's `jurisdictions` say where the organisation is, not where it asks about: a stated local
registration holds there and nowhere else (在上海注册 fails 浙江's 在浙江省行政区域内依法登记). Without a
place it reads as "registered where it applies" (在申请地本地登记).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.facts import FactSet
from kg.models import Corpus

from ..models import Decider, Match, MatchTable, MetCondition, UnknownCondition, UnmetCondition
from .checklist import ORG_TYPE_QUESTION, yes_no_values
from .compile import PLAIN_ASKS
from .condition import value_of
from .counterfactual import Row, Trials, after, remedy, unlocks
from .profile import Profile
from .routes import Judgement, Memo, compiled, failures, judge
from .rules import Determination, load_rules

CHECKLISTS = ("eligibility", "external_site")  # the determinations made of per-place rule sets


def match_profile(corpus: Corpus, facts: FactSet, profile: Profile, determination: str = "eligibility",
                  places: Sequence[str] | None = None, rules: Determination | None = None,
                  asked: str = "", declined: Sequence[str] = ()) -> MatchTable:
    """The match table of one profile over every place with rules for the determination.

    `places` keeps only those jurisdictions (as the documents spell them: 宿迁市, 吉林省); `rules` replaces
    the shipped rule file (drafted rule sets carry `drafted: true`); `asked` is the question, whose words
    may name one route of a place (企业职业技能等级认定); `declined` are facts the user said 不知道 to,
    not asked again.
    """
    from .explain import known_facts

    det = rules if rules is not None else load_rules(determination, corpus)
    comp = compiled(det, facts, corpus)
    wanted = set(places or ())
    rows: list[Row] = []
    at: dict[bool | None, tuple[Profile, Memo]] = {}  # the profile as each place sees it, and its outcomes
    for j in comp.jurisdictions:
        place = comp.place((j,))
        if place is None or (wanted and j not in wanted):
            continue
        local = _registered_at(profile, j, comp.parents)
        if local not in at:
            at[local] = (profile.model_copy(update={"registered_in_jurisdiction": local, "jurisdictions": []}), {})
        seen, memo = at[local]
        rows.append((j, place, seen, judge(place, seen, asked, memo)))
    trials = Trials()
    matches = [_match(det, row, asked, trials) for row in rows]
    order = {j: i for i, (j, _, _, _) in enumerate(rows)}
    matches.sort(key=lambda m: (m.status != "eligible", len(m.unmet), len(m.unknown), order[m.jurisdiction]))
    return MatchTable(determination=det.determination, title=det.title, matches=matches,
                      facts={label: value for field, label, value in known_facts(profile) if field != "jurisdictions"},
                      questions=deciders(rows, profile, declined), unlocks=unlocks(rows, asked, trials))


def _registered_at(profile: Profile, place: str, parents: dict[str, str | None]) -> bool | None:
    """Whether the organisation is registered in `place`, given where it is and what it said."""
    stated, homes = profile.registered_in_jurisdiction, profile.jurisdictions
    if not homes or stated is None:
        return stated
    if place in homes or any(parents.get(h) == place for h in homes):
        return stated  # its own place, or the province around it
    if parents.get(place) in homes:
        return None if stated else False  # registered in the province: which city is not said
    return False if stated else None


def _match(det: Determination, row: Row, asked: str, trials: Trials) -> Match:
    """One row of the table."""
    jurisdiction, place, profile, judged = row
    unmet = [UnmetCondition(text=f"〔{route}〕{rule.text}" if route else rule.text,
                            value=value_of(rule.cond, profile), citation=rule.citation, change=change)
             for (rule, _, change), route in failures(judged)]
    changes: list[str] = []
    then = None
    closest = judged.route.unmet() if judged.route and judged.route.status == "not_eligible" else judged.unmet
    if judged.status == "not_eligible" and closest:
        # only what the organisation can change: not its kind, not its record
        changes = list(dict.fromkeys(change for rule, _, change in closest if change and remedy(rule) is not None))
        then = after(place, profile, closest, asked, trials)
    route = judged.route.route.name if judged.route and judged.route.certain else None
    return Match(jurisdiction=jurisdiction, determination=det.determination, title=det.title, status=judged.status,
                 drafted=place.drafted, route=route, unmet=unmet, unknown=_unknown(judged, profile),
                 met=_met(judged, profile), changes=changes, after_changes=then)


def _met(judged: Judgement, profile: Profile) -> list[MetCondition]:
    """What the closest route finds met: an eligible place's row opens the clauses it rests on."""
    return [MetCondition(text=rule.text, value=value_of(rule.cond, profile), citation=rule.citation)
            for rule, status, _ in (judged.route.checks if judged.route else []) if status == "met"]


def _unknown(judged: Judgement, profile: Profile) -> list[UnknownCondition]:
    """The facts the closest route still needs, the kind first when it matters."""
    out = [UnknownCondition(text="单位类型", ask=ORG_TYPE_QUESTION, field="org_type")] if judged.kind_open else []
    for rule, status, _ in judged.route.checks if judged.route else []:
        if status == "unknown" and not (rule.cond.field == "org_type" and (judged.kind_open or profile.org_type)):
            out.append(rule.missing)
    return out


def deciders(rows: list[Row], profile: Profile, declined: Sequence[str] = (), limit: int = 2) -> list[Decider]:
    """The questions that bear on the most undecided places (then on the most places they alone still
    hold open, then in rule order): answering one can settle or move each of them."""
    counts: dict[str, list[str]] = {}
    sole: dict[str, int] = {}
    found: dict[str, Decider] = {}
    for jurisdiction, _, _, judged in rows:
        if judged.status != "needs_info":
            continue
        fields = _open_fields(judged, profile, declined, found)
        for field in fields:
            counts.setdefault(field, []).append(jurisdiction)
        if len(fields) == 1:
            sole[fields[0]] = sole.get(fields[0], 0) + 1
    order = list(found)
    best = sorted(counts, key=lambda f: (-len(counts[f]), -sole.get(f, 0), order.index(f)))[:limit]
    return [found[f].model_copy(update={"jurisdictions": counts[f]}) for f in best]


def _open_fields(judged: Judgement, profile: Profile, declined: Sequence[str], found: dict[str, Decider]) -> list[str]:
    fields: list[str] = []
    if judged.kind_open:
        found.setdefault("org_type", Decider(field="org_type", ask=ORG_TYPE_QUESTION, jurisdictions=[]))
        fields.append("org_type")
    for rule, status, _ in judged.route.checks if judged.route else []:
        field = rule.cond.field
        if status != "unknown" or field in fields or field in declined or (field == "org_type" and profile.org_type):
            continue
        if field not in found:
            yes, no = yes_no_values(rule.cond)
            found[field] = Decider(field=field, ask=PLAIN_ASKS.get(field, rule.cond.ask), jurisdictions=[], yes=yes, no=no)
        fields.append(field)
    return fields
