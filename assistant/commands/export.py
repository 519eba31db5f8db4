"""`policykg export`: the knowledge graph as Turtle, JSON-LD or GraphML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.workspace import Workspace


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="export the knowledge graph (ttl, jsonld, graphml)",
        description="Write the knowledge graph (documents, units, actors, conditions, deadlines, sanctions, "
        "references, each fact with its source span) as Turtle or JSON-LD (RDF: ELI, Dublin Core, PROV and the "
        "project vocabulary) or GraphML (for graph tools). With -o the format follows the file's suffix "
        "(.ttl, .jsonld/.json, .graphml) unless --format says it; the file is written whole or not at all, "
        "with the permissions your umask gives new files, never over an existing file without --force, and "
        "only into a folder that exists.",
        epilog="examples:\n  policykg export -o policy.ttl\n  policykg export --format jsonld -o policy.json --force\n"
        "  policykg export --format graphml > g.graphml\n  policykg export --vocab -o vocab.ttl\n\n"
        "exit codes: 0 written, 2 bad arguments (format, existing file without --force, missing folder, "
        "cannot write), 3 corpus/index problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--format", choices=["ttl", "jsonld", "graphml"],
                   help="output format (default: from -o's suffix, else ttl)")
    p.add_argument("-o", "--output", type=_output, help="file to write (default, or -: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--vocab", action="store_true",
                   help="write the project vocabulary instead (classes and properties, labels @zh and @en; Turtle)")


def _output(text: str) -> Path | None:
    """-o's value: a file, or None for standard output (`-o -`, as other tools read it)."""
    return None if text == "-" else Path(text)


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from kg.export import SUFFIXES, export, export_vocabulary
    from kg.files import check_target, output_format

    if args.vocab:
        text = export_vocabulary(args.output, args.force)
    else:
        fmt = output_format(args.output, args.format, SUFFIXES, "ttl")
        if args.output is not None:
            check_target(args.output, args.force)  # before the graph is loaded: a refusal should be quick
        text = export(ws.graph, fmt, args.output, args.force)
    if text is not None:
        sys.stdout.write(text)
    else:
        print(f"policykg: 已写入 {args.output}", file=sys.stderr)
    return 0
