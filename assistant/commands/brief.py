"""`policykg brief TOPIC`: a briefing document, every statement cited, written atomically."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.workspace import Workspace


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "brief", help="write a briefing on a topic (md, html or docx)",
        description="A briefing a trainer can hand out: the topic's own clauses in every jurisdiction (found by "
        "the search and the graph, as answers are), a summary of what differs in words, a table of what each place "
        "requires, the topic's deadlines, sanctions and self-check items, and the full text of exactly the clauses "
        "cited. With --profile, a sample organisation is walked through every jurisdiction too: its status in each "
        "place, the conditions it fails there with their clauses, the facts still missing, the change that would turn a "
        "place, and the questions that would settle the most places. HTML is one self-contained page for A4 printing; docx opens in Word with the same content. With -o the format follows the file's suffix "
        "(.md, .html, .docx) unless --format says it; the file is written whole or not at all, with the permissions "
        "your umask gives new files, never over an existing file without --force, and only into a folder that exists.",
        epilog="examples:\n  policykg brief 公示期 -o 公示期.html\n  policykg brief 外部考点 -o 外部考点.docx\n"
        "  policykg brief 违规处理 --jurisdiction 浙江 --format md\n"
        "  policykg brief 申请条件 --profile org.yaml -o 申请条件.html   a sample organisation, place by place\n\n"
        "profile file (YAML, the fields of `policykg match --profile`):\n"
        "  org_type: industry_association\n  legal_person: true\n  site_area: 1200\n  site_tenure_years: 3\n\n"
        "exit codes: 0 written, 1 unknown topic, a place the corpus has no document for, or nothing on the topic "
        "there (nothing written), 2 bad arguments (an unknown place, a format, an existing file without "
        "--force, a missing folder, a file that cannot be written, a --profile file that is missing, not YAML or has a "
        "field no profile has), 3 corpus/index problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("topic", nargs="+")
    p.add_argument("--jurisdiction", metavar="PLACE", help="one place, e.g. 浙江 (default: all)")
    p.add_argument("--format", choices=["md", "html", "docx"], help="md, html or docx (default: from -o's suffix, else md)")
    p.add_argument("-o", "--output", type=_output, help="file to write (default, or -: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--profile", metavar="FILE.yaml", type=Path,
                   help="walk a sample organisation (a YAML file of its fields) through every jurisdiction")


SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


def _output(text: str) -> Path | None:
    """-o's value: a file, or None for standard output (`-o -`, as other tools read it)."""
    return None if text == "-" else Path(text)


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.brief.build import build_briefing
    from assistant.brief.profile import read_profile, walk
    from assistant.brief.render import to_html, to_markdown
    from assistant.search.retriever import Retriever
    from kg.errors import UsageError
    from kg.files import check_target, output_format, write_file

    fmt = output_format(args.output, args.format, SUFFIXES, "md")
    if args.output is not None:
        check_target(args.output, args.force)  # before the briefing is built: a refusal should be quick
    if fmt == "docx" and args.output is None:
        raise UsageError("--format docx 需要 -o 文件名（Word 文件不能写到终端）")
    profile = read_profile(args.profile) if args.profile is not None else None  # a bad file fails before the search
    corpus = ws.corpus
    place = ws.places.choose([args.jurisdiction])[0] if args.jurisdiction is not None else None
    briefing = build_briefing(" ".join(args.topic), corpus, ws.facts, Retriever.open(ws), place)
    if profile is not None:
        walk(briefing, corpus, ws.facts, profile)
    if fmt == "docx":
        from assistant.brief.word import to_docx

        write_file(args.output, to_docx(briefing, corpus), args.force)
        print(f"policykg: 已写入 {args.output}", file=sys.stderr)
        return 0
    text = (to_html if fmt == "html" else to_markdown)(briefing, corpus)
    if args.output is None:
        sys.stdout.write(text + "\n")
        return 0
    write_file(args.output, text + "\n", args.force)
    print(f"policykg: 已写入 {args.output}", file=sys.stderr)
    return 0
