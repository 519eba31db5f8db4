"""Read-only SPARQL over the RDF view, sandboxed: no network, a time limit, a row limit.

A query is text from the user and rdflib is a general engine: SERVICE makes it call any address,
FROM and LOAD make it fetch documents (it dereferences them by default), and a cross product of three
triple patterns is billions of rows, more than memory and patience allow. So a query runs in a child
process that is thrown away afterwards (`kg.sandbox`): it is forked with the graph already built,
refuses every socket and URL at the interpreter level (an audit hook, which holds whichever code path
rdflib takes), has rdflib's graph loading switched off, has a memory ceiling, and is killed when its
time is up. Before running, the query's algebra is checked, so SERVICE and FROM get a message saying
why instead of a refused connection; updates (INSERT, LOAD …) are recognised by rdflib's own update
grammar, never run.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .errors import PolicyKGError
from .models import Corpus

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

DEFAULT_TIMEOUT = 10.0  # seconds
MAX_ROWS = 10_000
MAX_QUERY_CHARS = 100_000
_GRAPHS: dict[tuple[str, date | None], tuple[Any, list[str]]] = {}  # the RDF view, built once per corpus and day


class SparqlError(PolicyKGError):
    """A query that cannot be run: not read-only, not valid, reaching outside, too slow or too big."""

    exit_code = 2


class SparqlResult(BaseModel):
    """Rows of a SELECT (or one boolean for ASK), cut at the limit."""

    columns: list[str]
    rows: list[list[str | None]]
    truncated: bool = False
    notes: list[str] = []


def run_query(query: str, kg: KnowledgeGraph, corpus: Corpus, limit: int = 100, as_of: date | None = None,
              timeout: float = DEFAULT_TIMEOUT) -> SparqlResult:
    """Run a read-only query over a corpus's graph (only documents in force on `as_of`, if given)."""
    from .sandbox import run_sandboxed

    _check_request(query, limit, timeout)
    graph, notes = _rdf_graph(kg, corpus, as_of)
    outcome = run_sandboxed(_evaluate_sandboxed, (graph, query, limit), timeout)
    if outcome.error is not None:
        raise SparqlError(outcome.error)
    if outcome.timed_out:
        raise SparqlError(f"查询超过 {timeout:g} 秒仍未完成，已停止；请缩小范围（加 LIMIT、减少无关联的三元组模式），"
                          "或用 --timeout 放宽")
    if outcome.died:
        raise SparqlError("查询占用的内存超过上限，已停止；请缩小查询范围")
    result = SparqlResult.model_validate(outcome.value)
    result.notes = notes + result.notes
    return result


def _check_request(query: str, limit: int, timeout: float) -> None:
    if not 1 <= limit <= MAX_ROWS:
        raise SparqlError(f"行数上限应在 1 到 {MAX_ROWS} 之间（现为 {limit}）")
    if not 0 < timeout <= 3600:
        raise SparqlError(f"时间上限应在 0 到 3600 秒之间（现为 {timeout:g}）")
    if len(query) > MAX_QUERY_CHARS:
        raise SparqlError(f"查询过长（{len(query)} 字符，上限 {MAX_QUERY_CHARS}）")
    if any("\ud800" <= ch <= "\udfff" for ch in query):
        raise SparqlError("查询中有无法解码的字节（不是 UTF-8 文本）；请检查终端或文件的编码")
    if not query.strip():
        raise SparqlError("查询是空的；请给出查询文本、@文件 或 --canned NAME")


def _rdf_graph(kg: KnowledgeGraph, corpus: Corpus, as_of: date | None) -> tuple[Any, list[str]]:
    """The RDF view of a corpus's graph (on a day), built once per process: forked queries share it."""
    key = (corpus.fingerprint, as_of)
    if key not in _GRAPHS:
        from .rdf import to_rdf

        notes: list[str] = []
        if as_of:
            kg, notes = _as_of(kg, corpus, as_of)
        if len(_GRAPHS) >= 2:
            _GRAPHS.pop(next(iter(_GRAPHS)))
        graph = to_rdf(kg)
        # Our own constant query, run here once: rdflib builds its grammar and lazy state on first use
        # (~0.1 s), and every forked child then starts with them instead of paying again.
        _evaluate(graph, "ASK { ?s ?p ?o }", 1)
        _GRAPHS[key] = (graph, notes)
    graph, notes = _GRAPHS[key]
    return graph, list(notes)


def _evaluate_sandboxed(graph: Any, query: str, limit: int) -> dict[str, Any]:
    """`_evaluate` in the child: with rdflib's loading of the graphs a query names switched off there too.

    (A plain Graph ignores FROM today, and FROM is refused anyway; should the RDF view ever become a
    Dataset, rdflib would fetch every FROM address by default.)"""
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False
    return _evaluate(graph, query, limit)


def _evaluate(graph: Any, query: str, limit: int) -> dict[str, Any]:
    """Parse, check and run a query (in the sandbox); its result as data."""
    from .rdf import rdf_namespaces

    prepared = _prepare(query, rdf_namespaces())
    _refuse_remote(prepared.algebra)
    try:
        result = graph.query(prepared)
        return _rows(result, limit).model_dump()
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # rdflib's evaluation errors (types, functions, bindings): the query cannot run
        raise SparqlError(f"查询无法执行：{_first_line(exc)}") from None


def _prepare(query: str, namespaces: dict[str, Any]) -> Any:
    """The query's algebra; an update, or text that is no SPARQL, is refused with what to do."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return translateQuery(parseQuery(query), initNs=namespaces)
    except ParseException as exc:
        if _is_update(query):
            raise SparqlError("只允许查询（SELECT / ASK / CONSTRUCT / DESCRIBE）；INSERT、DELETE、LOAD 等更新语句被拒绝。"
                              ) from None
        raise SparqlError(f"SPARQL 语法错误：{_first_line(exc)}") from None
    except RecursionError:
        raise SparqlError("查询嵌套过深，无法解析") from None
    except Exception as exc:  # translation errors: unknown prefix, a variable projected twice …
        raise SparqlError(f"SPARQL 语法错误：{_first_line(exc)}") from None


def _is_update(query: str) -> bool:
    """Whether rdflib's update grammar reads the text as at least one update operation."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parsed = parseUpdate(query)
    except Exception:  # not an update either: the caller reports the query's syntax error
        return False
    return "request" in parsed and bool(parsed["request"])


def _refuse_remote(algebra: Any) -> None:
    """SERVICE calls another endpoint and FROM / FROM NAMED load documents: both reach outside."""
    for node in _walk(algebra):
        if node.name == "ServiceGraphPattern":
            raise SparqlError("不允许 SERVICE：查询只在本地知识图谱上运行，不访问网络")
        if "datasetClause" in node and node["datasetClause"]:
            raise SparqlError("不允许 FROM / FROM NAMED：查询只在本地知识图谱上运行，不加载其他文档")


def _walk(node: Any) -> Any:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value)


def _first_line(exc: Exception) -> str:
    return " ".join((str(exc).strip().splitlines() or [type(exc).__name__])[0].split())[:200]


def _text(value: Any) -> str | None:
    """A value as text; lone surrogates (a query may write "\\uD800") become U+FFFD so output never breaks."""
    if value is None:
        return None
    text = str(value)
    if text.isascii():
        return text
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _rows(result: Any, limit: int) -> SparqlResult:
    if result.type == "ASK":
        return SparqlResult(columns=["ask"], rows=[[str(bool(result.askAnswer)).lower()]])
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = iter(result.graph)
        rows: list[list[str | None]] = [[_text(t) or "" for t in triple]
                                        for _, triple in zip(range(limit), triples, strict=False)]
        return SparqlResult(columns=["s", "p", "o"], rows=rows, truncated=next(triples, None) is not None)
    columns = [_text(v) or "" for v in result.vars]
    rows = []
    for i, row in enumerate(result):
        if i >= limit:
            return SparqlResult(columns=columns, rows=rows, truncated=True)
        rows.append([_text(v) for v in row])
    return SparqlResult(columns=columns, rows=rows)


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
