"""`policykg brief TOPIC`: a briefing document, every statement cited, written atomically."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.workspace import Workspace


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "brief", help="write a briefing on a topic (md or html)",
        description="A briefing a trainer can hand out, generated from the graph: summary, rules by jurisdiction "
        "(the compare table), a timeline of the filing and evaluation deadlines, the sanction ladder as a diagram, "
        "an applicant's self-check list (江苏 附件3 评估细则 and the conditions) and the full text of every cited "
        "clause. HTML is one self-contained file for A4 printing.",
        epilog="examples:\n  policykg brief 公示期 --format html -o 公示期.html\n"
        "  policykg brief 违规处理 --jurisdiction 浙江 --format md\n\nexit codes: 0 written, 1 unknown topic, 2 file exists (use --force)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("topic", nargs="+")
    p.add_argument("--jurisdiction", help="one place (default: all)")
    p.add_argument("--format", choices=["md", "html"], default="md")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.brief.build import build_briefing
    from assistant.brief.render import to_html, to_markdown
    from kg.export import ExportError
    from kg.files import write_atomic

    briefing = build_briefing(" ".join(args.topic), ws.corpus, ws.facts, args.jurisdiction)
    text = (to_html if args.format == "html" else to_markdown)(briefing, ws.corpus)
    if args.output is None:
        sys.stdout.write(text + "\n")
        return 0
    if args.output.exists() and not args.force:
        raise ExportError(f"{args.output} 已存在；加 --force 覆盖")
    write_atomic(args.output, text)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
