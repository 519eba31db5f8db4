"""`policykg sparql`: read-only SPARQL over the knowledge graph."""

from __future__ import annotations

import argparse
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


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "sparql", help="run a read-only SPARQL query over the graph",
        description="Query the RDF view of the graph. Prefixes eli:, dcterms:, prov:, pkg:, rdfs:, rdf: are "
        "predeclared. Only queries run (updates are refused); results are cut at --limit rows. --as-of keeps only "
        "the documents in force on that day. Canned queries live in queries/sparql/ (--canned NAME).",
        epilog="examples:\n  policykg sparql --canned deadlines_by_jurisdiction\n"
        "  policykg sparql 'SELECT ?l WHERE { ?u a eli:LegalResourceSubdivision ; pkg:label ?l } LIMIT 5'\n"
        "  policykg sparql --as-of 2022-04-01 --canned sanctions_from_yuetan\n\n"
        "exit codes: 0 ok, 1 no rows, 2 bad query / not read-only / bad date",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("query", nargs="?", help="the query text, or @FILE")
    p.add_argument("--canned", metavar="NAME", help="run queries/sparql/NAME.rq")
    p.add_argument("--limit", type=int, default=100, help="maximum rows (default 100)")
    p.add_argument("--as-of", metavar="DATE", help="only documents in force on DATE (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def _query_text(args: argparse.Namespace) -> str:
    from kg.sparql import SparqlError

    if args.canned:
        path = _canned_dir() / f"{args.canned}.rq"
        if not path.exists():
            names = ", ".join(sorted(p.stem for p in _canned_dir().glob("*.rq")))
            raise SparqlError(f"没有名为“{args.canned}”的预置查询；可用：{names}")
        return path.read_text(encoding="utf-8")
    if not args.query:
        raise SparqlError("请给出查询文本、@文件 或 --canned NAME（见 policykg sparql --help）")
    if args.query.startswith("@"):
        try:
            return Path(args.query[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            raise SparqlError(f"读不了查询文件 {args.query[1:]}：{exc.strerror}") from exc
    return str(args.query)


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from kg.sparql import run_query
    from kg.temporal import parse_day

    day = parse_day(args.as_of) if args.as_of else None
    result = run_query(_query_text(args), ws.graph, ws.corpus, limit=max(args.limit, 1), as_of=day)
    if args.json:
        print(result.model_dump_json())
        return 0 if result.rows else 1
    for note in result.notes:
        print(f"（{note}）")
    print("\t".join(result.columns))
    for row in result.rows:
        print("\t".join("" if v is None else v.replace("\n", " ") for v in row))
    if result.truncated:
        print(f"（结果超过 {args.limit} 行，已截断；用 --limit 调整）")
    return 0 if result.rows else 1
