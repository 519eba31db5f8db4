"""`policykg show REF`: print a clause with its citation, resolved from what people type."""

from __future__ import annotations

import argparse
import sys

from assistant.workspace import Workspace


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "show", help="print a clause by reference (宿迁 第九条)",
        description="Print one clause (or a document's outline) with its citation label. The reference is a "
        "document (jurisdiction, short title or 文号) and a clause in its own numbering, Chinese or Arabic "
        "numerals: 宿迁 第九条 · 浙江监督 第20条 · 吉林 四（三） · 池州 第八条第5项 · 江苏 附件3 二 第5行.",
        epilog="examples:\n  policykg show 宿迁 第九条\n  policykg show --json 吉林 四（三）\n  policykg show --list\n"
        "  policykg show --as-of 2022-01-01 浙江监督 第20条\n\n"
        "exit codes: 0 found, 1 unknown or ambiguous reference (candidates listed), 2 bad input (no reference, "
        "undecodable text, bad date), 3 corpus problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("ref", nargs="*", help="document and clause, e.g. 宿迁 第九条")
    p.add_argument("--json", action="store_true", help="print the unit as JSON")
    p.add_argument("--list", action="store_true", help="list the documents and their short names")
    p.add_argument("--as-of", metavar="DATE", help="say whether the clause was in force on DATE (YYYY-MM-DD)")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.render import render_document, render_unit
    from kg.errors import UsageError
    from kg.models import Document
    from kg.resolve import resolve

    from .common import color_wanted, undecodable

    ref = " ".join(args.ref)
    if undecodable(ref):
        raise UsageError("引用中有无法解码的字节（不是 UTF-8 文本）；请检查终端的编码")
    corpus = ws.corpus
    if args.list or not args.ref:
        for doc in corpus.documents:
            names = "、".join(doc.meta.aliases[:3])
            print(f"{doc.meta.id:26} 《{doc.meta.title}》 {doc.meta.number or ''}  简称：{names}")
        if args.list:
            return 0
        raise UsageError("请给出要查看的文件和条款，例如 policykg show 宿迁 第九条（上面是收录的文件）")
    found = resolve(corpus, ref, ws.places.jurisdictions())
    color = color_wanted(sys.stdout) and not args.json
    if args.as_of:
        from kg.temporal import parse_day

        day = parse_day(args.as_of)
        meta = found.meta if isinstance(found, Document) else corpus.doc(found.doc_id).meta
        if not meta.in_force(day):
            print(f"（注意：《{meta.title}》{meta.effective.isoformat()} 起施行，{day.isoformat()} 时不在有效期内）",
                  file=sys.stderr)
    if args.json:
        print(found.model_dump_json(indent=2, exclude={"units"} if isinstance(found, Document) else None))
    elif isinstance(found, Document):
        print(render_document(found, color))
    else:
        print(render_unit(corpus, found, color))
    return 0
