"""`policykg sparql`: read-only SPARQL over the knowledge graph."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from assistant.workspace import Workspace


def _canned_dir() -> Path:
    """The canned queries (queries/sparql/ in the repository, installed as policykg_sparql).

    An editable install made before the package was declared does not map policykg_sparql, so
    the checkout's own folder is the fallback rather than a crash.
    """
    try:
        import policykg_sparql
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "queries" / "sparql"
    return Path(policykg_sparql.__file__).parent


def add_parser(sub: argparse._SubParsersAction) -> None:
    from kg.sparql import DEFAULT_TIMEOUT, MAX_ROWS

    from .common import count, seconds

    p = sub.add_parser(
        "sparql", help="run a read-only SPARQL query over the graph",
        description="Query the RDF view of the graph. Prefixes eli:, dcterms:, prov:, pkg:, rdfs:, rdf: are "
        "predeclared. The query runs in a sandbox: only queries (updates such as INSERT or LOAD are refused), "
        "nothing outside the local graph (SERVICE, FROM and FROM NAMED are refused and no network access is "
        f"possible), stopped after --timeout seconds (default {DEFAULT_TIMEOUT:g}), results cut at --limit rows. "
        "--as-of keeps only the documents in force on that day. Canned queries live in queries/sparql/ (--canned NAME).",
        epilog="examples:\n  policykg sparql --canned deadlines_by_jurisdiction\n"
        "  policykg sparql 'SELECT ?l WHERE { ?u a eli:LegalResourceSubdivision ; pkg:label ?l } LIMIT 5'\n"
        "  policykg sparql --as-of 2022-04-01 --canned sanctions_from_yuetan\n"
        "  policykg sparql --timeout 30 --limit 1000 @my-query.rq\n\n"
        "exit codes: 0 ok, 1 no rows, 2 bad query (syntax, an update, SERVICE/FROM, too slow, bad date or "
        "limit), 3 corpus/index problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("query", nargs="?", help="the query text, or @FILE")
    p.add_argument("--canned", metavar="NAME", help="run queries/sparql/NAME.rq")
    p.add_argument("--limit", type=count(1, MAX_ROWS), default=100, metavar="N",
                   help=f"maximum rows, 1–{MAX_ROWS} (default 100)")
    p.add_argument("--timeout", type=seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"stop the query after this many seconds (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--as-of", metavar="DATE", help="only documents in force on DATE (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def _query_text(args: argparse.Namespace) -> str:
    from kg.files import os_reason
    from kg.sparql import SparqlError

    if args.canned:
        path = _canned_dir() / f"{args.canned}.rq"
        if not re.fullmatch(r"[\w-]+", args.canned) or not path.is_file():
            names = ", ".join(sorted(p.stem for p in _canned_dir().glob("*.rq")))
            raise SparqlError(f"没有名为“{args.canned}”的预置查询；可用：{names}")
        return path.read_text(encoding="utf-8")
    if not args.query:
        raise SparqlError("请给出查询文本、@文件 或 --canned NAME（见 policykg sparql --help）")
    if args.query.startswith("@"):
        try:
            return Path(args.query[1:]).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise SparqlError(f"查询文件 {args.query[1:]} 不是 UTF-8 文本") from None
        except OSError as exc:
            raise SparqlError(f"读不了查询文件 {args.query[1:]}：{os_reason(exc)}") from None
    return str(args.query)


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from kg.sparql import run_query
    from kg.temporal import parse_day

    day = parse_day(args.as_of) if args.as_of else None
    result = run_query(_query_text(args), ws.graph, ws.corpus, limit=args.limit, as_of=day, timeout=args.timeout)
    if args.json:
        print(result.model_dump_json())
        return 0 if result.rows else 1
    for note in result.notes:
        print(f"（{note}）")
    print("\t".join(result.columns))
    for row in result.rows:
        print("\t".join("" if v is None else " ".join(v.splitlines()) for v in row))
    if result.truncated:
        print(f"（结果超过 {args.limit} 行，已截断；用 --limit 调整）")
    return 0 if result.rows else 1
