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
        "(--corpus DIR or $POLICYKG_CORPUS) or, when none was chosen, into the per-user corpus "
        "($POLICYKG_DATA/corpus, else the platform's user data folder): made on first add as a copy of the "
        "embedded documents, and the default corpus from then on. The installed package is never written. "
        "The index is rebuilt automatically on next use. What the new document lacks (hand-written "
        "phrasings, place in the divisions table) is reported as a warning.",
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
        for doc in docs:
            for warning in lacks(doc, ws):
                print(f"  warning: {warning}")
    if args.add:
        _add(args.file, args.meta or args.file.with_suffix(".meta.yaml"), _target(ws), args.force)
    return 0


def lacks(doc, ws: Workspace) -> list[str]:  # type: ignore[no-untyped-def]
    """What a new document goes without: it is searchable at once, but these make it answered less well."""
    from assistant.search.phrasings import files

    out = []
    if not any(path.stem == doc.meta.id for path in files(ws.phrasings_dir)):
        out.append(f"no hand-written phrasings ({ws.phrasings_dir}/{doc.meta.id}.yaml): searched by its own words")
    places = ws.places
    if doc.meta.jurisdiction not in places.names and doc.meta.jurisdiction.rstrip("市省") not in places.names:
        out.append(f"jurisdiction {doc.meta.jurisdiction} is not in the divisions table: named only by its aliases")
    return out


def _target(ws: Workspace) -> Path:
    """The folder --add writes to: the chosen corpus, else the per-user corpus (made from the embedded
    documents on first use), never the installed package."""
    from kg.corpus import embedded_corpus_dir
    from kg.files import write_atomic

    embedded = embedded_corpus_dir().resolve()
    if ws.corpus_dir.resolve() != embedded:
        return ws.corpus_dir
    target = ws.user_corpus
    if target is None:
        from kg.errors import CorpusError

        raise CorpusError("the embedded corpus cannot be changed: choose a corpus folder with --corpus DIR")
    target.mkdir(parents=True, exist_ok=True)
    for src in [*embedded.glob("*.txt"), *embedded.glob("*.meta.yaml"), *embedded.glob("places.yaml")]:
        if not (target / src.name).exists():
            write_atomic(target / src.name, src.read_bytes())
    return target


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
