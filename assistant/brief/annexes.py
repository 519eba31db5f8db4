"""Annexes a briefing cites: the forms a clause hands the reader.

A whole annex holding a table (附件3 评估细则) is cited by its rows, never whole on its score: a
briefing on 场地要求 wants the two rows on premises, not forty. An annex that is one form (附件2 备案表,
附件4 评估意见表) is a single thing and is scored like a clause. And a clause that names its form in
brackets (提交职业技能等级认定备案表（附件2）, 评估专家共同填写评估意见表（附件4）) makes the form part of
what it says: a chosen clause brings the annexes it names in its own document, whatever they hold.
"""

from __future__ import annotations

import re

from kg.models import Corpus, Unit

from .texts import NOT_CITED

_NAMED = re.compile(r"[（(]\s*(?:见|详见|参照|参见)?\s*附件\s*(\d+)\s*[）)]|参照附件\s*(\d+)")


def citable(unit: Unit) -> bool:
    """Whether the search may cite a unit on its score: not a heading, notice, signature, or an annex
    holding a table of its own rows."""
    if unit.kind == "annex":
        return not unit.children
    return unit.kind not in NOT_CITED


def named_annexes(corpus: Corpus, unit_ids: set[str]) -> set[str]:
    """The annexes of their own document that some units name in brackets (（附件2）, 参照附件5)."""
    annexes: dict[tuple[str, int], str] = {}
    for unit in corpus.units():
        if unit.kind == "annex" and unit.number is not None:
            annexes[(unit.doc_id, unit.number)] = unit.id
    out = set()
    for unit_id in unit_ids:
        unit = corpus.unit(unit_id)
        for match in _NAMED.finditer(unit.text):
            found = annexes.get((unit.doc_id, int(match.group(1) or match.group(2))))
            if found:
                out.add(found)
    return out
