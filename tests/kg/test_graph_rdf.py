"""The graph, its RDF view, exports and SPARQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.export import export, render
from kg.extract import extract_all
from kg.files import OutputError
from kg.graph import KnowledgeGraph, build_graph, to_networkx
from kg.models import Corpus
from kg.rdf import project_terms, to_rdf
from kg.sparql import SparqlError, run_query
from kg.vocab import PKG

CANNED = Path(__file__).resolve().parents[2] / "queries" / "sparql"


@pytest.fixture(scope="module")
def kg(corpus: Corpus) -> KnowledgeGraph:
    return build_graph(corpus, extract_all(corpus))


def test_graph_links_documents_units_facts_actors_and_places(kg: KnowledgeGraph) -> None:
    g = to_networkx(kg)
    assert g.has_edge("doc:suqian-2022-36", "juris:宿迁市")
    assert g.has_edge("juris:宿迁市", "juris:江苏省") and g.has_edge("juris:池州市", "juris:安徽省")
    assert g.has_edge("unit:suqian-2022-36/art_9", "unit:suqian-2022-36/art_9/item_5")
    ladder = {n.props["unit_id"]: n.id for n in kg.nodes if n.type == "Sanction"}
    assert g.has_edge(ladder["zhejiang-2022-20-jiandu/art_19"], ladder["zhejiang-2022-20-jiandu/art_20"])
    assert g.has_edge("org:third_party_org", "org:social_training_org")
    site = next(n for n in kg.nodes if n.type == "Condition" and n.props["attribute"] == "site_area")
    assert g.has_edge("unit:jilin-2022-78/sec_1/item_2/pt_3/sub_1", site.id)


def test_turtle_round_trips(kg: KnowledgeGraph) -> None:
    original = to_rdf(kg)
    again = Graph().parse(data=render(kg, "ttl"), format="turtle")
    if not isomorphic(original, again):
        _, only_a, only_b = graph_diff(to_isomorphic(original), to_isomorphic(again))
        pytest.fail(f"round trip differs: {len(only_a)} / {len(only_b)} triples, e.g. {list(only_a)[:3]}")


def test_only_vocabulary_terms_are_used(kg: KnowledgeGraph) -> None:
    allowed = {str(getattr(PKG, name)) for name in PKG.__annotations__}
    assert project_terms(to_rdf(kg)) <= allowed


def test_export_refuses_to_overwrite(kg: KnowledgeGraph, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    export(kg, "ttl", out, force=False)
    with pytest.raises(OutputError, match="已存在"):
        export(kg, "ttl", out, force=False)
    export(kg, "graphml", out, force=True)
    assert out.read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.parametrize("name", ["deadlines_by_jurisdiction", "conditions_on_social_training_org", "sanctions_from_yuetan"])
def test_canned_queries_return_cited_rows(corpus: Corpus, kg: KnowledgeGraph, name: str) -> None:
    result = run_query((CANNED / f"{name}.rq").read_text(encoding="utf-8"), kg, corpus)
    assert result.rows
    assert all(any(v and v.startswith("《") for v in row) for row in result.rows)


def test_ladder_from_yuetan_reaches_cancellation(corpus: Corpus, kg: KnowledgeGraph) -> None:
    rows = run_query((CANNED / "sanctions_from_yuetan.rq").read_text(encoding="utf-8"), kg, corpus).rows
    assert ["《浙江省技能人才评价监督管理办法》第二十一条", "取消评价资格"] in rows


def test_updates_are_refused_and_syntax_errors_explained(corpus: Corpus, kg: KnowledgeGraph) -> None:
    with pytest.raises(SparqlError, match="更新"):
        run_query("PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }", kg, corpus)
    with pytest.raises(SparqlError, match="语法错误"):
        run_query("SELEC ?x WHERE {}", kg, corpus)


def test_limit_and_as_of(corpus: Corpus, kg: KnowledgeGraph) -> None:
    q = "SELECT ?u WHERE { ?u a eli:LegalResourceSubdivision }"
    assert run_query(q, kg, corpus, limit=5).truncated
    early = run_query("SELECT ?d WHERE { ?d a eli:LegalResource }", kg, corpus, as_of=date(2022, 4, 1))
    assert len(early.rows) == 2  # 宿迁 (2022-03-31) and 江苏 (2019); the rest not yet in force
    assert any("尚未施行" in n for n in early.notes)


def test_cli_runs_canned_query_and_explains_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI finds queries/sparql/ even when the install does not map policykg_sparql."""
    from assistant.cli import main

    assert main(["sparql", "--canned", "sanctions_from_yuetan", "--limit", "2"]) == 0
    assert "《池州市技能人才评价机构管理办法》" in capsys.readouterr().out
    assert main(["sparql", "@/nonexistent/query.rq"]) == 2
    assert "读不了查询文件" in capsys.readouterr().err
