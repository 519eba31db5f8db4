"""`policykg export`: the knowledge graph as Turtle, JSON-LD or GraphML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export", help="export the knowledge graph (ttl, jsonld, graphml)",
        description="Write the knowledge graph (documents, units, actors, conditions, deadlines, sanctions, "
        "references, each fact with its source span) as Turtle or JSON-LD (RDF: ELI, Dublin Core, PROV and the "
        "project vocabulary) or GraphML (for graph tools). Files are written atomically.",
        epilog="examples:\n  policykg export --format ttl -o policy.ttl\n  policykg export --format graphml > g.graphml\n"
        "  policykg export --vocab -o vocab.ttl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--format", choices=["ttl", "jsonld", "graphml"], default="ttl", help="output format (default ttl)")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--vocab", action="store_true",
                   help="write the project vocabulary instead (classes and properties, labels @zh and @en; Turtle)")


def run(args: argparse.Namespace) -> int:
    from kg.export import export
    from kg.graph import load_graph

    if args.vocab:
        from kg.export import export_vocabulary

        text = export_vocabulary(args.output, args.force)
    else:
        text = export(load_graph(), args.format, args.output, args.force)
    if text is not None:
        sys.stdout.write(text)
    else:
        print(f"wrote {args.output}", file=sys.stderr)
    return 0
