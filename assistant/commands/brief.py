"""`policykg brief TOPIC`: a briefing document, every statement cited, written atomically."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "brief", help="write a briefing on a topic (md, html or docx)",
        description="A briefing a trainer can hand out: the topic's own clauses in every jurisdiction (found by "
        "the search and the graph, as answers are), a summary of what differs in words, a table of what each place "
        "requires, the topic's deadlines, sanctions and self-check items, and the full text of exactly the clauses "
        "cited. HTML is one self-contained page for A4 printing; docx opens in Word with the same content.",
        epilog="examples:\n  policykg brief 公示期 --format html -o 公示期.html\n"
        "  policykg brief 外部考点 --format docx -o 外部考点.docx\n"
        "  policykg brief 违规处理 --jurisdiction 浙江 --format md\n\n"
        "exit codes: 0 written, 1 no clause on the topic, 2 bad input or file exists (use --force)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("topic", nargs="+")
    p.add_argument("--jurisdiction", help="one place (default: all)")
    p.add_argument("--format", choices=["md", "html", "docx"], default="md")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    from kg.cache import load_corpus, load_facts, write_atomic
    from kg.export import ExportError

    from assistant.brief.build import build_briefing
    from assistant.brief.render import to_html, to_markdown

    if args.format == "docx" and args.output is None:
        raise ExportError("--format docx 需要 -o 文件名（Word 文件不能写到终端）")
    corpus = load_corpus()
    briefing = build_briefing(" ".join(args.topic), corpus, load_facts(corpus), args.jurisdiction)
    if args.format == "docx":
        from assistant.brief.word import to_docx

        data: str | bytes = to_docx(briefing, corpus)
    else:
        data = (to_html if args.format == "html" else to_markdown)(briefing, corpus)
    if args.output is None:
        sys.stdout.write(str(data))
        return 0
    if args.output.exists() and not args.force:
        raise ExportError(f"{args.output} 已存在；加 --force 覆盖")
    write_atomic(args.output, data)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
