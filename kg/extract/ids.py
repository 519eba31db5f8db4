"""Fact ids from content and place: the same fact keeps its id after unrelated edits, a changed fact gets a new one.

An id is `{kind}:{unit id}#{tag}-{hash}`: the unit says where the fact is stated (its citation path), the
tag says what kind of fact it is in ASCII (the attribute, the direction, list / step1 / sentence for
sanctions), and the hash is of what the fact says (value, comparator, unit, scope, subjects …; never
its character offsets or its rank in the unit). One sentence added to 池州 第十六条 or （试行） added to
浙江监督 第二十条 leaves every id as it was; 1000 平方米 becoming 800 gives that condition a new id. Two facts
saying exactly the same thing in one unit are told apart by a counter (-2), in reading order.

>>> content_hash("site_area", ">=", 1000.0) == content_hash("site_area", ">=", 1000.0)
True
>>> content_hash("site_area", ">=", 1000.0) == content_hash("site_area", ">=", 800.0)
False
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, TypeVar

from ..facts import Condition, Deadline, Reference, Sanction, Trigger

F = TypeVar("F", bound=Any)


def content_hash(*parts: Any) -> str:
    """Six hex digits of what a fact says."""
    data = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:6]


def _identify(facts: list[F], kind: str, tag: Callable[[F], str], key: Callable[[F], tuple[Any, ...]]) -> list[F]:
    seen: dict[str, int] = {}
    out = []
    for fact in facts:
        base = f"{kind}:{fact.provenance.unit_id}#{tag(fact)}-{content_hash(*key(fact))}"
        seen[base] = seen.get(base, 0) + 1
        out.append(fact.model_copy(update={"id": base if seen[base] == 1 else f"{base}-{seen[base]}"}))
    return out


def condition_key(c: Condition) -> tuple[Any, ...]:
    lookback = (c.lookback.amount, c.lookback.unit) if c.lookback else None
    return (c.attribute, c.comparator, c.value, c.value_max, c.unit, c.scope, c.polarity, sorted(c.subjects), lookback)


def identify_conditions(conditions: list[Condition]) -> list[Condition]:
    """Conditions with ids from attribute and content."""
    return _identify(conditions, "condition", lambda c: c.attribute, condition_key)


def deadline_key(d: Deadline) -> tuple[Any, ...]:
    return (d.event, d.amount, d.amount_max, d.unit, d.direction, d.anchor, d.actor, [list(w) for w in d.windows])


def identify_deadlines(deadlines: list[Deadline]) -> list[Deadline]:
    """Deadlines with ids from direction and content."""
    return _identify(deadlines, "deadline", lambda d: d.direction, deadline_key)


def identify_references(references: list[Reference]) -> list[Reference]:
    """References with ids from what they cite."""
    return _identify(references, "reference", lambda r: r.kind,
                     lambda r: (r.kind, r.title, r.number, r.target_doc, r.target_unit))


def _sanction_tag(s: Sanction) -> str:
    if s.qualifier in ("第一次", "第二次", "第三次"):
        return f"step{'一二三'.index(s.qualifier[1]) + 1}"
    own = all(t.provenance.unit_id == s.provenance.unit_id for t in s.triggers)
    return "sentence" if own and len(s.triggers) <= 1 else "list"


def identify_sanctions(sanctions: list[Sanction]) -> list[Sanction]:
    """Sanctions with ids from their measures, qualifier and parties (behaviours have ids of their own);
    the ladder's edges follow the new ids."""
    named = _identify(sanctions, "sanction", _sanction_tag,
                      lambda s: (s.measures, s.qualifier, s.imposed_by, sorted(s.sanctioned)))
    renamed = {old.id: new.id for old, new in zip(sanctions, named, strict=False)}
    return [s.model_copy(update={"escalates_to": [renamed.get(t, t) for t in s.escalates_to]}) for s in named]


def behaviour_id(trigger: Trigger) -> str:
    """The id of one behaviour, from its unit and words: a behaviour two rungs of a ladder share
    (江苏 第一次 / 第二次) is one node."""
    return f"behaviour:{trigger.provenance.unit_id}#{content_hash(trigger.text)}"
