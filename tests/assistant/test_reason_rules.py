"""The rule files fit the corpus: every cited unit exists, every quote is the clause's own words, and
every threshold a rule reads from the graph is a number the clause really states."""

from __future__ import annotations

import re

import pytest

from assistant.reason.checklist import fact_for
from assistant.reason.levels import level_rules
from assistant.reason.rules import RuleCondition, load_rules
from assistant.reason.validity import deadline_fact, validity_rules
from assistant.workspace import Workspace
from kg.facts import FactSet
from kg.models import Corpus
from kg.numerals import arabic_numbers_in


@pytest.fixture(scope="module")
def facts(workspace: Workspace) -> FactSet:
    return workspace.facts


def _conditions() -> list[RuleCondition]:
    conds = [c for name in ("eligibility", "external_site") for rs in load_rules(name).rulesets for c in rs.conditions]
    return conds + [c for p in validity_rules().places for c in p.conditions]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("cond", _conditions(), ids=lambda c: c.id)
def test_condition_cites_what_the_clause_says(cond: RuleCondition, corpus: Corpus, facts: FactSet) -> None:
    unit = corpus.unit(cond.unit)
    if cond.quote:
        assert _flat(cond.quote) in _flat(unit.text), (cond.id, unit.text)
    if cond.attribute:
        fact = fact_for(facts, cond)
        assert fact.provenance.unit_id == unit.id
        if isinstance(fact.value, float):  # the threshold is a number written in this clause
            numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", arabic_numbers_in(_flat(unit.text)))}
            assert fact.value in numbers, (cond.id, fact.value, unit.text)
    assert cond.quote or cond.attribute, f"{cond.id}: neither a quote nor a fact backs it"


def test_rule_obligations_cite_real_units(corpus: Corpus) -> None:
    for name in ("eligibility", "external_site"):
        for rs in load_rules(name).rulesets:
            for ob in rs.obligations:
                assert corpus.unit(ob.unit).text


def test_level_tiers_quote_their_clause(corpus: Corpus, facts: FactSet) -> None:
    for tier in level_rules().tiers:
        text = _flat(corpus.unit(tier.unit).text)
        assert _flat(tier.quote) in text and _flat(tier.next_quote) in text
        years = fact_for(facts, RuleCondition(id="t", field="evaluation_years", unit=tier.unit, label="", ask="",
                                              attribute="regular_work_years"))
        assert f"满{int(years.value)}年" in text  # type: ignore[arg-type]


def test_validity_terms_are_graph_facts(corpus: Corpus, facts: FactSet) -> None:
    for place in validity_rules().places:
        for ref in (place.valid, place.renew, place.extend):
            if ref:
                fact = deadline_fact(facts, ref)
                assert _flat(fact.text) in _flat(corpus.unit(ref.unit).text)


def test_every_jurisdiction_has_eligibility_rules(corpus: Corpus) -> None:
    covered = {rs.jurisdiction for rs in load_rules("eligibility").rulesets}
    assert {d.meta.jurisdiction for d in corpus.documents} <= covered


def test_a_malformed_rule_file_is_a_clear_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from assistant.reason import rules

    (tmp_path / "eligibility.yaml").write_text("determination: eligibility\nrulesets: [{id: x}]\n", encoding="utf-8")
    monkeypatch.setattr(rules, "RULES", tmp_path)
    rules.rule_file.cache_clear()
    try:
        with pytest.raises(rules.RuleError, match="eligibility.yaml"):
            rules.load_rules("eligibility")
    finally:
        rules.rule_file.cache_clear()


def test_a_rule_whose_fact_is_missing_names_it(corpus: Corpus) -> None:
    from assistant.reason.rules import RuleError

    cond = RuleCondition(id="ghost", field="site_area", unit="jilin-2022-78/sec_6", label="", ask="", attribute="site_area")
    with pytest.raises(RuleError, match="ghost.*jilin-2022-78/sec_6"):
        fact_for(FactSet(fingerprint="x"), cond)
