"""The RDF view against its vocabulary and its SHACL shapes: provenance, values and units by construction."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.extract import extract_all
from kg.graph import KnowledgeGraph, build_graph
from kg.models import Corpus
from kg.rdf import ELI, to_rdf, uri
from kg.sparql import run_query
from kg.vocab import PKG, SHAPES_FILE, VOCAB_FILE

CANNED = Path(__file__).resolve().parents[2] / "queries" / "sparql"


@pytest.fixture(scope="module")
def kg(corpus: Corpus) -> KnowledgeGraph:
    return build_graph(corpus, extract_all(corpus))


@pytest.fixture(scope="module")
def graph(kg: KnowledgeGraph) -> Graph:
    return to_rdf(kg)


def test_vocabulary_file_defines_every_term_with_zh_and_en_labels() -> None:
    vocab = Graph().parse(VOCAB_FILE)
    defined = {str(s) for s in vocab.subjects(RDFS.label, None) if str(s).startswith(str(PKG._NS))}
    declared = {str(getattr(PKG, name)) for name in PKG.__annotations__}
    assert defined - {str(PKG._NS)} == declared
    for term in declared:
        langs = {lit.language for lit in vocab.objects(URIRef(term), RDFS.label)}
        assert {"zh", "en"} <= langs, term


def test_the_graph_conforms_to_the_shapes(graph: Graph) -> None:
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _, report = pyshacl.validate(graph, shacl_graph=Graph().parse(SHAPES_FILE))
    assert conforms, report[:3000]


def test_the_shapes_catch_a_threshold_without_its_unit_or_provenance(graph: Graph) -> None:
    pyshacl = pytest.importorskip("pyshacl")
    site = next(s for s in graph.subjects(PKG.attribute, Literal("site_area")))
    broken = Graph()
    for triple in graph.triples((site, None, None)):
        broken.add(triple)
    conforms, _, _ = pyshacl.validate(broken, shacl_graph=Graph().parse(SHAPES_FILE))
    assert not conforms  # its unit is not in this small graph, so provenance already fails …
    unit = next(graph.objects(site, PROV.wasDerivedFrom))
    for triple in graph.triples((unit, None, None)):
        broken.add(triple)
    assert pyshacl.validate(broken, shacl_graph=Graph().parse(SHAPES_FILE))[0]  # … and with it the fact conforms
    broken.remove((site, PKG.unit, None))
    conforms, _, report = pyshacl.validate(broken, shacl_graph=Graph().parse(SHAPES_FILE))
    assert not conforms and "OrConstraintComponent" in report  # a number without its unit
    broken.add((site, PKG.unit, Literal("平方米")))
    broken.remove((site, PROV.wasDerivedFrom, None))
    conforms, _, report = pyshacl.validate(broken, shacl_graph=Graph().parse(SHAPES_FILE))
    assert not conforms and "wasDerivedFrom" in report


def test_every_unit_is_part_of_its_parent_or_document(graph: Graph, kg: KnowledgeGraph) -> None:
    units = [n for n in kg.nodes if n.type == "Unit"]
    for n in units:
        assert len(list(graph.objects(uri(n.id), ELI.is_part_of))) == 1, n.id
    assert (uri("unit:suqian-2022-36/art_9"), ELI.is_part_of, uri("doc:suqian-2022-36")) in graph


def test_facts_carry_scope_range_aliases_durations_and_zh_text(graph: Graph, kg: KnowledgeGraph) -> None:
    scopes = {str(o) for o in graph.objects(None, PKG.scope)}
    assert "每个职业（工种）等级" in scopes
    assert Literal("社会评价组织", lang="zh") in set(graph.objects(uri("org:social_training_org"), PKG.alias))
    review = next(n for n in kg.nodes if n.type == "Condition" and n.props["attribute"] == "annual_review_failed")
    assert (uri(review.id), PKG.lookback, Literal("P3Y", datatype=XSD.duration)) in graph
    validity = next(n for n in kg.nodes if n.type == "Deadline" and n.props["unit_id"] == "jilin-2022-78/sec_4/item_3/pt_3"
                    and n.props["direction"] == "valid_for")
    assert (uri(validity.id), PKG.duration, Literal("P3Y", datatype=XSD.duration)) in graph
    for lit in graph.objects(None, PKG.quote):
        assert lit.language == "zh"


def test_a_cited_number_points_to_its_own_target(corpus: Corpus, kg: KnowledgeGraph, graph: Graph) -> None:
    rows = run_query((CANNED / "cited_numbers.rq").read_text(encoding="utf-8"), kg, corpus, limit=500).rows
    targets = {number: target for number, target, _ in rows}
    assert targets["苏人社发〔2019〕178号"] == str(uri("doc:jiangsu-2019-178"))
    outside = targets["苏人社规〔2021〕8号"]
    assert (URIRef(outside), RDF.type, PKG.CitedWork) in graph
    assert len({t for n, t in targets.items() if n == "苏人社规〔2021〕8号"}) == 1


def test_value_max_is_exported_for_a_range(corpus: Corpus) -> None:
    from kg.facts import Condition, FactSet, Provenance

    prov = Provenance(doc_id="jilin-2022-78", unit_id="jilin-2022-78/sec_1/item_2/pt_3/sub_1", start=0, end=1, quote="场")
    c = Condition(id="condition:x#site_area-000000", subject=None, attribute="site_area", comparator=">=", value=50.0,
                  value_max=100.0, unit="平方米", text="50—100平方米", provenance=prov)
    g = to_rdf(build_graph(corpus, FactSet(fingerprint=corpus.fingerprint, conditions=[c])))
    assert (uri(c.id), PKG.valueMax, Literal("100.0", datatype=XSD.decimal)) in g


def test_export_vocab_cli(tmp_path: Path) -> None:
    from assistant.cli import main

    out = tmp_path / "vocab.ttl"
    assert main(["export", "--vocab", "-o", str(out)]) == 0
    assert (URIRef(str(PKG.Condition)), RDFS.label, Literal("条件", lang="zh")) in Graph().parse(out)
