"""`policykg eval [PATH]`: measured quality on the gold data in queries/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "eval", help="measure retrieval, verdict and intent quality on the gold data",
        description="Run the gold questions (queries/retrieval/*.yaml: question, style, expected unit ids) "
        "through retrieval and print hit@1, hit@3 and MRR overall and per style, and recall@10 for "
        "multi-answer questions. A hit is the expected unit, a unit inside it, or its enclosing article. "
        "Then play the scenarios (queries/scenarios/*.yaml) through the engine and print verdict accuracy, "
        "and the intent accuracy on queries/intents.yaml. --misses lists every failure.",
        epilog="examples:\n  policykg eval queries/\n  policykg eval --misses queries/\n  policykg eval --json queries/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", type=Path, default=Path("queries"), help="gold folder or file (default: queries/)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--misses", action="store_true", help="also list questions not answered at rank 1")
    p.add_argument("--kg", action="store_true",
                   help="also measure fact extraction: precision/recall per fact type against queries/kg_gold/ and any "
                   "folder with corpus/ + facts/ (value check, full check of every annotated field), and how many "
                   "facts survive systematic rewording")


def run(args: argparse.Namespace) -> int:
    from kg.errors import CorpusError

    from assistant.evaluate import evaluate, load_gold
    from assistant.retrieve import Retriever

    if not args.path.exists():
        raise CorpusError(f"{args.path}: no such gold folder or file")
    cases = load_gold(args.path)
    if not cases and args.kg:
        from kg.cache import load_corpus

        _kg_section(args.path, load_corpus(), args.misses)  # a gold folder of facts only (queries/unseen-docs)
        return 0
    if not cases:
        print(f"policykg: no gold questions found under {args.path}", file=sys.stderr)
        return 1
    retriever = Retriever.open(progress=lambda m: print(f"policykg: {m}", file=sys.stderr))
    report = evaluate(retriever.corpus, lambda q: [h.unit_id for h in retriever.search(q, limit=10).hits], cases)
    if args.json:
        print(report.model_dump_json(indent=2))
        return 0
    print(f"retrieval: {report.overall.n} gold questions ({args.path})")
    print(f"{'style':<14}{'n':>4}{'hit@1':>8}{'hit@3':>8}{'MRR':>7}{'R@10':>7}")
    for name, s in [*report.by_style.items(), ("overall", report.overall)]:
        r10 = f"{s.recall10:7.2f}" if s.recall10 is not None else "      -"
        print(f"{name:<14}{s.n:>4}{s.hit1:>8.2f}{s.hit3:>8.2f}{s.mrr:>7.2f}{r10}")
    if args.misses:
        for m in report.misses:
            print(f"  rank {m['rank']}: [{m['style']}] {m['q']}  expect {m['expect']}  got {m['got']}")
    if args.kg:
        _kg_section(args.path, retriever.corpus, args.misses)
    _reasoning_section(args.path, retriever, args.misses)
    return 0


def _reasoning_section(path: Path, retriever: object, details: bool) -> None:
    """Verdict accuracy on the scenarios and intent accuracy on the labelled questions, when present."""
    from assistant.engine import Engine
    from assistant.scenarios import evaluate_intents, evaluate_scenarios, load_intents, load_scenarios

    folder = path if path.is_dir() else path.parent
    engine = Engine(retriever.corpus, retriever)  # type: ignore[attr-defined]
    source = next((p for p in (folder / "scenarios", folder / "scenarios.yaml") if p.exists()), None)
    if source is not None:
        cases = load_scenarios(source)
        rep = evaluate_scenarios(engine, cases)
        print(f"\nverdicts: {rep.cases} scenarios ({source})")
        print(f"  cases entirely right  {rep.cases_right}/{rep.cases} = {rep.cases_right / max(rep.cases, 1):.2f}")
        print(f"  verdict status right  {rep.status_right}/{rep.turns_with_status} = "
              f"{rep.status_right / max(rep.turns_with_status, 1):.2f}")
        for case_id, problems in rep.failures.items() if details else []:
            print(f"   ✗ {case_id}: " + "; ".join(problems))
    files = sorted((folder / "intents").glob("*.yaml")) + [f for f in [folder / "intents.yaml"] if f.is_file()]
    if files:
        irep = evaluate_intents(engine, [i for f in files for i in load_intents(f)])
        print(f"\nintents: {irep.n} labelled questions, accuracy {irep.right / max(irep.n, 1):.2f}")
        for name, (right, n) in sorted(irep.by_intent.items()):
            print(f"  {name:<14}{right:>4}/{n:<4}{right / n:.2f}")
        for q, want, got in irep.misses if details else []:
            print(f"   ✗ [{want} → {got}] {q}")


def _kg_section(path: Path, corpus: object, details: bool) -> None:
    """Precision and recall of the extracted facts (value check, full check), and the rewording check,
    for every gold folder under `path` (kg.factcheck)."""
    from kg.corpus import default_corpus_dir
    from kg.factcheck import check_folder, gold_folders, render

    for folder in gold_folders(path):
        print("\n".join(render(check_folder(folder, corpus, default_corpus_dir()), details)))  # type: ignore[arg-type]
