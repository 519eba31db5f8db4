"""Read-only SPARQL over the RDF view, with a result limit and errors a user can act on."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .errors import PolicyKGError
from .models import Corpus

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

_UPDATE = re.compile(r"^\s*(?:PREFIX\s+\S+\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
                     re.I | re.S)


class SparqlError(PolicyKGError):
    """A query that cannot be run (not read-only, or not valid SPARQL)."""

    exit_code = 2


class SparqlResult(BaseModel):
    """Rows of a SELECT (or one boolean for ASK), cut at the limit."""

    columns: list[str]
    rows: list[list[str | None]]
    truncated: bool = False
    notes: list[str] = []


def run_query(query: str, kg: KnowledgeGraph, corpus: Corpus, limit: int = 100, as_of: date | None = None) -> SparqlResult:
    """Run a read-only query over a corpus's graph (only documents in force on `as_of`, if given)."""
    from .rdf import rdf_namespaces, to_rdf

    if _UPDATE.match(query):
        raise SparqlError("只允许查询（SELECT / ASK / CONSTRUCT / DESCRIBE）；INSERT、DELETE 等更新语句被拒绝。")
    notes: list[str] = []
    if as_of:
        kg, notes = _as_of(kg, corpus, as_of)
    try:
        result = to_rdf(kg).query(query, initNs=rdf_namespaces())
    except Exception as exc:  # rdflib raises pyparsing and its own errors; all mean "bad query"
        raise SparqlError(f"SPARQL 语法错误：{_first_line(exc)}") from None
    return _rows(result, limit, notes)


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def _rows(result: Any, limit: int, notes: list[str]) -> SparqlResult:
    if result.type == "ASK":
        return SparqlResult(columns=["ask"], rows=[[str(bool(result.askAnswer)).lower()]], notes=notes)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = list(result.graph)
        rows = [[str(s), str(p), str(o)] for s, p, o in triples[:limit]]
        return SparqlResult(columns=["s", "p", "o"], rows=rows, truncated=len(triples) > limit, notes=notes)
    columns = [str(v) for v in result.vars]
    rows = []
    for i, row in enumerate(result):
        if i >= limit:
            return SparqlResult(columns=columns, rows=rows, truncated=True, notes=notes)
        rows.append([None if v is None else str(v) for v in row])
    return SparqlResult(columns=columns, rows=rows, notes=notes)


def _as_of(kg: Any, corpus: Corpus, day: date) -> tuple[Any, list[str]]:
    """The graph without the documents (and their units and facts) not in force on a day."""
    from .graph import KnowledgeGraph
    from .temporal import in_force

    ok, notes = in_force(corpus, day)
    keep_docs = set(ok)

    def doc_of(node: Any) -> str | None:
        if node.type == "Document":
            return node.id.split(":", 1)[1]
        if node.type == "Unit":
            return node.id.split(":", 1)[1].split("/", 1)[0]
        return node.props.get("doc_id") or (node.props.get("unit_id") or "").split("/", 1)[0] or None

    nodes = [n for n in kg.nodes if (d := doc_of(n)) is None or d in keep_docs]
    ids = {n.id for n in nodes}
    edges = [e for e in kg.edges if e.source in ids and e.target in ids]
    return KnowledgeGraph(fingerprint=kg.fingerprint, nodes=nodes, edges=edges), notes
