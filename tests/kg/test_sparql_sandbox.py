"""SPARQL is a sandbox: nothing leaves the machine, nothing runs forever, nothing grows without bound."""

from __future__ import annotations

import multiprocessing
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.workspace import Workspace
from kg import sparql
from kg.graph import KnowledgeGraph
from kg.models import Corpus
from kg.sandbox import run_sandboxed
from kg.sparql import SparqlError, run_query

CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def kg(workspace: Workspace) -> KnowledgeGraph:
    return workspace.graph


@pytest.fixture()
def listener() -> Iterator[tuple[str, socket.socket]]:
    """A local server a query could be pointed at; it must never see a connection."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    yield f"http://127.0.0.1:{server.getsockname()[1]}/sparql", server
    server.close()


def _assert_never_contacted(server: socket.socket) -> None:
    with pytest.raises(TimeoutError):
        server.accept()


@pytest.fixture()
def connect_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """socket.socket.connect patched to log every call to a file (the query runs in a forked child,
    which inherits the patch; the file is how the child's calls reach the test)."""
    log = tmp_path / "connects.log"
    log.touch()
    real = socket.socket.connect

    def logged(self: socket.socket, address: object) -> None:
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"{address}\n")
        real(self, address)

    monkeypatch.setattr(socket.socket, "connect", logged)
    return log


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "LOAD <{url}>",
])
def test_remote_queries_are_refused_without_opening_a_socket(
    corpus: Corpus, kg: KnowledgeGraph, listener: tuple[str, socket.socket], connect_log: Path, template: str
) -> None:
    url, server = listener
    with pytest.raises(SparqlError, match="不允许|只允许查询"):
        run_query(template.format(url=url), kg, corpus)
    assert connect_log.read_text(encoding="utf-8") == ""
    _assert_never_contacted(server)


def test_the_engine_itself_cannot_reach_the_network(
    corpus: Corpus, kg: KnowledgeGraph, listener: tuple[str, socket.socket], connect_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the check of the query switched off, rdflib does try SERVICE: the sandbox still refuses."""
    url, server = listener
    monkeypatch.setattr(sparql, "_refuse_remote", lambda algebra: None)
    with pytest.raises(SparqlError, match="查询无法执行"):
        run_query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", kg, corpus)
    assert connect_log.read_text(encoding="utf-8") == ""
    _assert_never_contacted(server)


def test_a_cross_product_is_stopped_at_the_time_limit(corpus: Corpus, kg: KnowledgeGraph) -> None:
    started = time.monotonic()
    with pytest.raises(SparqlError, match="超过 1 秒"):
        run_query(CROSS_PRODUCT, kg, corpus, timeout=1)
    assert time.monotonic() - started < 6
    assert multiprocessing.active_children() == []  # the work is stopped, not abandoned


def test_cli_time_limit_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sparql", "--timeout", "0.5", CROSS_PRODUCT]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--timeout" in err and "Traceback" not in err


@pytest.mark.parametrize("args", [["--limit", "0"], ["--limit", "-5"], ["--limit", "x"], ["--timeout", "0"],
                                  ["--timeout", "-1"], ["--limit", "100001"]])
def test_bad_limits_are_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sparql", *args, "SELECT ?s WHERE { ?s ?p ?o }"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("policykg")


def test_rows_are_cut_at_the_limit_without_materialising_the_rest(corpus: Corpus, kg: KnowledgeGraph) -> None:
    result = run_query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", kg, corpus, limit=3, timeout=5)
    assert len(result.rows) == 3 and result.truncated
    constructed = run_query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", kg, corpus, limit=2)
    assert len(constructed.rows) == 2 and constructed.truncated


def test_lone_surrogates_written_in_a_query_do_not_break_the_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sparql", "--json", 'SELECT ("\\uD800x" AS ?v) WHERE {}']) == 0
    assert "\ufffdx" in capsys.readouterr().out


def test_a_child_that_dies_or_runs_out_of_memory_is_reported() -> None:
    import os

    assert run_sandboxed(os._exit, (1,), 5).died
    hog = run_sandboxed(bytearray, (8 << 30,), 5)
    assert hog.error is not None and "内存" in hog.error


def test_a_child_has_no_network() -> None:
    outcome = run_sandboxed(socket.create_connection, (("127.0.0.1", 9),), 5)
    assert outcome.error is not None and "网络" in outcome.error


def test_rdflib_loads_no_graph_in_the_child(corpus: Corpus, kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    """rdflib fetches the graphs FROM names by default: switched off where queries run, and only there."""
    import rdflib.plugins.sparql as engine

    def report_setting(graph: object, query: str, limit: int) -> dict[str, object]:
        return {"columns": ["load"], "rows": [[str(engine.SPARQL_LOAD_GRAPHS)]]}

    monkeypatch.setattr(sparql, "_evaluate", report_setting)
    assert run_query("ASK {}", kg, corpus).rows == [["False"]]
    assert engine.SPARQL_LOAD_GRAPHS is True  # the parent's rdflib is left as it was
