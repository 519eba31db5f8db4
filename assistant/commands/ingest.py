"""`policykg ingest FILE`: check a new document parses, report its structure, optionally add it."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path


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
    p.add_argument("--add", action="store_true",
                   help="copy the document into the corpus folder and draft its rule set (草拟, see `policykg rules`)")
    p.add_argument("--force", action="store_true", help="with --add: replace files of the same name")
    p.add_argument("--json", action="store_true", help="print the parsed documents as JSON")


def run(args: argparse.Namespace) -> int:
    from kg.corpus import default_corpus_dir
    from kg.errors import CorpusError
    from kg.parse import parse_file

    if not args.file.is_file():
        raise CorpusError(f"{args.file}: no such file")
    meta_path = args.meta or args.file.with_suffix(".meta.yaml")
    if not meta_path.exists():
        return _without_meta(args.file, meta_path)
    docs = parse_file(args.file, args.meta)
    _say_how_read(args.file)
    if args.json:
        print("[" + ",".join(d.model_dump_json() for d in docs) + "]")
    else:
        for doc in docs:
            print(_report(doc))
    if args.add:
        _add(args.file, args.meta or args.file.with_suffix(".meta.yaml"), default_corpus_dir(), args.force)
        _draft([d.meta.id for d in docs], default_corpus_dir(), args.force)
    return 0


def _draft(doc_ids: list[str], corpus_dir: Path, force: bool) -> None:
    """Draft the added documents' rule sets (草拟) and say what was drafted."""
    from assistant.commands.rules import describe
    from assistant.reason.draft import write_draft
    from kg.cache import load_corpus, load_facts

    corpus = load_corpus(corpus_dir)
    facts = load_facts(corpus)
    for doc_id in doc_ids:
        print("\n".join(describe(write_draft(corpus, facts, doc_id, corpus_dir, force))))


def _say_how_read(path: Path) -> None:
    """What reading the text took (another encoding, a byte-order mark, 繁体), on stderr."""
    from kg.source import read_source

    for note in read_source(path).notes():
        print(f"policykg: {path.name}: {note}", file=sys.stderr)


def _without_meta(path: Path, meta_path: Path) -> int:
    """No metadata: show the structure read with a guessed one, then say what to write (exit 3)."""
    from kg.errors import CorpusError
    from kg.parse import parse_with_meta
    from kg.provisional import REQUIRED, provisional_meta

    meta = provisional_meta(path)
    _say_how_read(path)
    for doc in parse_with_meta(path, [meta]):
        print(_report(doc))
    raise CorpusError(f"{path.name}: no metadata file {meta_path.name}; the structure above was read with a guess "
                      f"(numbering: {meta.numbering}, body_start: {meta.body_start[:20]!r}). Write {meta_path.name} "
                      f"with {', '.join(REQUIRED)} (see corpus/*.meta.yaml) and ingest again to add it")


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
    from kg.cache import write_atomic
    from kg.errors import CorpusError

    for src in (text, meta):
        dest = corpus_dir / src.name
        if dest.exists() and not force:
            raise CorpusError(f"{dest} already exists (use --force to replace it)")
    for src in (text, meta):
        write_atomic(corpus_dir / src.name, src.read_bytes())
    print(f"added {text.name} and {meta.name} to {corpus_dir}")
