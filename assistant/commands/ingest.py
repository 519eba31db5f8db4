"""`policykg ingest FILE`: check a new document parses, report its structure, optionally add it."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from assistant.workspace import Workspace


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "ingest", help="validate a new document and report its structure",
        description="Parse a new source text with its metadata (NAME.meta.yaml beside it, or --meta) and report "
        "what was found: units by kind, the top-level outline, and anything that could not be placed. "
        "Nothing is changed unless --add is given, which copies both files into the corpus folder "
        "(--corpus DIR or $POLICYKG_CORPUS; the index is rebuilt automatically on next use).",
        epilog="exit codes: 0 parsed, 2 bad arguments, 3 the file or its metadata cannot be used (file:line given)",
    )
    p.add_argument("file", type=Path, help="the source text (UTF-8 .txt)")
    p.add_argument("--meta", type=Path, help="metadata YAML (default: FILE with .meta.yaml)")
    p.add_argument("--add", action="store_true", help="copy the document into the corpus folder")
    p.add_argument("--force", action="store_true", help="with --add: replace files of the same name")
    p.add_argument("--json", action="store_true", help="print the parsed documents as JSON")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from kg.errors import CorpusError
    from kg.parse import parse_file

    if not args.file.is_file():
        raise CorpusError(f"{args.file}: no such file")
    docs = parse_file(args.file, args.meta)
    if args.json:
        print("[" + ",".join(d.model_dump_json() for d in docs) + "]")
    else:
        for doc in docs:
            print(_report(doc))
    if args.add:
        _add(args.file, args.meta or args.file.with_suffix(".meta.yaml"), ws.corpus_dir, args.force)
    return 0


def _report(doc) -> str:  # type: ignore[no-untyped-def]
    counts = Counter(u.kind for u in doc.units)
    lines = [f"《{doc.meta.title}》 ({doc.meta.id}, {doc.meta.numbering} numbering)",
             "  units: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())),
             "  title lines: " + (" / ".join(doc.title_lines) or "(none)"),
             "  top level: " + " ".join(u.path for u in doc.top_level())]
    if doc.warnings:
        lines.append(f"  {len(doc.warnings)} warning(s):")
        lines += [f"    {w.file}:{w.line}: {w.message}" for w in doc.warnings]
    else:
        lines.append("  nothing left unplaced")
    return "\n".join(lines)


def _add(text: Path, meta: Path, corpus_dir: Path, force: bool) -> None:
    from kg.errors import CorpusError
    from kg.files import write_atomic

    for src in (text, meta):
        dest = corpus_dir / src.name
        if dest.exists() and not force:
            raise CorpusError(f"{dest} already exists (use --force to replace it)")
    for src in (text, meta):
        write_atomic(corpus_dir / src.name, src.read_bytes())
    print(f"added {text.name} and {meta.name} to {corpus_dir}")
