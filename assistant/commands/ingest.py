"""`policykg ingest FILE`: check a new document parses, report its structure, optionally add it."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from assistant.workspace import Workspace


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest", help="validate a new document and report its structure",
        description="Parse a new source text (UTF-8 .txt) with its metadata (NAME.meta.yaml beside it, or --meta) "
        "and report what was found: units by kind, the top-level outline, and anything that could not be placed. "
        "Nothing is changed unless --add is given, which copies the text and its metadata (as NAME.meta.yaml) "
        "into the corpus folder (--corpus DIR or $POLICYKG_CORPUS) or, when none was chosen, into the per-user "
        "corpus ($POLICYKG_DATA/corpus, else the platform's user data folder): made on first add as a copy of the "
        "embedded documents, and the default corpus from then on; the installed package is never written. The "
        "index is rebuilt automatically on next use, and the document's rule set is drafted (草拟). What the new "
        "document lacks (hand-written phrasings, a place in the divisions table) is reported. Both files are added or neither; a file of the same name is replaced only with --force, and a "
        "document id the corpus already has is refused.",
        epilog="examples:\n  policykg ingest 新办法.txt\n  policykg ingest 新办法.txt --meta 新办法.yaml --json\n"
        "  policykg --corpus ~/policykg-corpus ingest 新办法.txt --add\n\n"
        "exit codes: 0 parsed (and added), 2 bad arguments (no such file, a folder, a name or id the corpus "
        "already has, a corpus folder that cannot be written), 3 the file or its metadata cannot be used "
        "(file:line given)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=Path, help="the source text (UTF-8 .txt)")
    p.add_argument("--meta", type=Path, help="metadata YAML (default: FILE with .meta.yaml)")
    p.add_argument("--add", action="store_true",
                   help="copy the document into the corpus folder and draft its rule set (草拟, see `policykg rules`)")
    p.add_argument("--force", action="store_true", help="with --add: replace files of the same name")
    p.add_argument("--json", action="store_true", help="print the parsed documents as JSON")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from kg.parse import parse_file

    _check_input(args.file, "文档")
    meta = args.meta or args.file.with_suffix(".meta.yaml")
    if args.meta is not None:
        _check_input(args.meta, "元数据文件")
    if not meta.exists():
        return _without_meta(args.file, meta)
    docs = parse_file(args.file, args.meta)
    _say_how_read(args.file)
    if args.json:
        print("[" + ",".join(d.model_dump_json() for d in docs) + "]")
    else:
        for doc in docs:
            print(_report(doc))
        for doc in docs:
            for warning in lacks(doc, ws):
                print(f"  warning: {warning}")
    if args.add:
        target = _target(ws)
        _add(args.file, meta, [d.meta.id for d in docs], target, args.force)
        _draft([d.meta.id for d in docs], ws.with_corpus(target), args.force)
    return 0


def _check_input(path: Path, what: str) -> None:
    """A named input that is missing or a folder is a usage error, said before anything is read."""
    from kg.errors import UsageError

    if path.is_dir():
        raise UsageError(f"{path} 是一个文件夹；请给出{what}（如 NAME.txt）")
    if not path.exists():
        raise UsageError(f"{path}：{what}不存在")


def _draft(doc_ids: list[str], ws: Workspace, force: bool) -> None:
    """Draft the added documents' rule sets (草拟) and say what was drafted."""
    from assistant.commands.rules import describe
    from assistant.reason.draft import write_draft
    added = ws.with_cache_root(ws.cache_root)  # the corpus as it is now, with the new document
    corpus, facts = added.corpus, added.facts
    for doc_id in doc_ids:
        print("\n".join(describe(write_draft(corpus, facts, doc_id, ws.corpus_dir, force))))


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


def lacks(doc, ws: Workspace) -> list[str]:  # type: ignore[no-untyped-def]
    """What a new document goes without: it is searchable at once, but these make it answered less well."""
    from assistant.search.phrasings import files

    out = []
    if not any(path.stem == doc.meta.id for path in files(ws.phrasings_dir)):
        out.append(f"no hand-written phrasings ({ws.phrasings_dir}/{doc.meta.id}.yaml): searched by its own words")
    from assistant.lang.places import divisions

    known = {name for _, full, short in divisions() for name in (full, short)}  # no corpus needed: it may be empty
    if doc.meta.jurisdiction not in known and doc.meta.jurisdiction.rstrip("市省") not in known:
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

        raise CorpusError("内置语料不能修改：请用 --corpus DIR 指定一个语料文件夹")
    target.mkdir(parents=True, exist_ok=True)
    for src in [*embedded.glob("*.txt"), *embedded.glob("*.meta.yaml"), *embedded.glob("places.yaml")]:
        if not (target / src.name).exists():
            write_atomic(target / src.name, src.read_bytes())
    return target


# What each kind of unit is called, for the report; the kind's own name follows it, since metadata files use it.
_KIND_NAMES = {"preamble": "印发通知", "chapter": "章", "article": "条", "section": "部分（一、）",
               "item": "项（（一））", "point": "目（1.）", "subpoint": "子目（（1））", "annex": "附件",
               "annex_section": "附件中的部分", "row": "表格行", "paragraph": "段", "closing": "落款"}


def _report(doc) -> str:  # type: ignore[no-untyped-def]
    counts = Counter(u.kind for u in doc.units)
    numbering = "条款编号（第一条…）" if doc.meta.numbering == "article" else "提纲编号（一、…）"
    lines = [f"《{doc.meta.title}》（{doc.meta.id}，{numbering}，numbering: {doc.meta.numbering}）",
             "  条款：" + "，".join(f"{_KIND_NAMES.get(k, k)} {n}（{k}）" for k, n in sorted(counts.items())),
             "  标题行：" + (" / ".join(doc.title_lines) or "（无）"),
             "  顶层：" + " ".join(u.path for u in doc.top_level())]
    if doc.warnings:
        lines.append(f"  {len(doc.warnings)} 处警告：")
        lines += [f"    {w.file}:{w.line}: {w.message}" for w in doc.warnings]
    else:
        lines.append("  全部内容均已归入条款")
    return "\n".join(lines)


def _add(text: Path, meta: Path, ids: list[str], corpus_dir: Path, force: bool) -> None:
    """Both files into the corpus folder, or neither; the metadata under the name the corpus looks for."""
    from kg.files import OutputError, check_target, write_files

    if text.suffix != ".txt":
        raise OutputError(f"{text.name}：语料中的文档须是 .txt 文件；请先改名")
    if not corpus_dir.is_dir():
        raise OutputError(f"语料文件夹 {corpus_dir} 不存在；请先创建它，或用 --corpus 指定")
    dest_text, dest_meta = corpus_dir / text.name, corpus_dir / text.with_suffix(".meta.yaml").name
    for dest in (dest_text, dest_meta):
        check_target(dest, force)
    taken = _ids_in(corpus_dir, skip=dest_text if force else None)
    clash = [i for i in ids if i in taken]
    if clash:
        raise OutputError(f"语料中已有文档 {'、'.join(clash)}（{taken[clash[0]]}）；请换一个 id")
    write_files([(dest_text, text.read_bytes()), (dest_meta, meta.read_bytes())], force)
    print(f"已将 {text.name} 和 {dest_meta.name} 加入 {corpus_dir}")


def _ids_in(corpus_dir: Path, skip: Path | None) -> dict[str, str]:
    """Document id -> file of every document already in a corpus folder (but `skip`, being replaced)."""
    from kg.corpus import load_meta

    taken: dict[str, str] = {}
    for path in sorted(corpus_dir.glob("*.txt")):
        if path != skip and path.with_suffix(".meta.yaml").exists():
            taken.update({m.id: path.name for m in load_meta(path)})
    return taken
