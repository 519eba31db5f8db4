"""`policykg rules draft DOC`: draft a document's rule set (草拟) from the conditions the graph extracted."""

from __future__ import annotations

import argparse
import sys

from assistant.workspace import Workspace


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "rules", help="draft a rule set for a document from its extracted conditions (草拟)",
        description="`draft DOC`: write CORPUS/rules/DOC.draft.yaml, an eligibility rule set for the document's "
        "jurisdiction: one condition per requirement a profile can answer, its threshold read from the graph "
        "(as the hand-written rules do), its words quoted from the clause, its question from the condition's "
        "attribute. Verdicts from it are labelled 草拟. A jurisdiction with hand-written rules keeps them.",
        epilog="examples:\n  policykg rules draft hefei-2025-1\n  policykg rules draft 合肥 --force\n\n"
        "exit codes: 0 drafted, 1 an ambiguous document reference (candidates listed), 2 bad arguments, "
        "3 a draft exists (use --force) or the corpus cannot be read",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", choices=["draft"])
    p.add_argument("doc", nargs="+", help="the document: its id, title or name (as `show` takes it)")
    p.add_argument("--force", action="store_true", help="replace an existing draft")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.reason.draft import write_draft
    from kg.resolve import resolve

    corpus = ws.corpus
    found = resolve(corpus, " ".join(args.doc), ws.places.jurisdictions())
    doc_id = found.meta.id if hasattr(found, "meta") else found.doc_id
    report = write_draft(corpus, ws.facts, doc_id, ws.corpus_dir, args.force)
    print("\n".join(describe(report)))
    return 0


def describe(report) -> list[str]:  # type: ignore[no-untyped-def]
    """A draft report as lines (also printed by `ingest --add`)."""
    lines = [f"草拟规则 {report.path}: {report.jurisdiction}, {len(report.drafted)} 项条件"]
    lines += [f"  ✓ {d}" for d in report.drafted]
    if report.left:
        lines.append(f"  由评估认定（无对应的申请人信息字段）: {len(report.left)} 项")
        lines += [f"    - {x}" for x in report.left]
    if report.note:
        lines.append(f"  注意：{report.note}")
    if not report.drafted:
        print("policykg: 该文件没有可以自动核对的条件；结论将无法给出", file=sys.stderr)
    return lines
