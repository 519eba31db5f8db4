"""`policykg eval [PATH]`: measured quality on the gold data in queries/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.workspace import Workspace

if TYPE_CHECKING:
    from assistant.search.retriever import Retriever


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "eval", help="measure retrieval, verdict and intent quality on the gold data",
        description="Run the gold questions (queries/retrieval/*.yaml: question, style, expected unit ids) "
        "through retrieval and print hit@1, hit@3 and MRR overall and per style, and recall@10 for "
        "multi-answer questions. A hit is the expected unit, a unit inside it, or its enclosing article. "
        "Then play the scenarios (queries/scenarios/*.yaml) through the engine and print verdict accuracy, "
        "and the intent accuracy on queries/intents.yaml. --misses lists every failure. A folder holding corpus/ "
        "(queries/unseen-docs) is a set of added documents: the shipped documents plus those are built into a "
        "corpus of their own (in the cache) and its questions asked; --loo measures documents without phrasings.",
        epilog="examples:\n  policykg eval queries/\n  policykg eval --misses queries/\n  policykg eval --json queries/\n"
        "  policykg eval --loo queries/\n  policykg eval queries/unseen-docs\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", type=Path, default=Path("queries"), help="gold folder or file (default: queries/)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--misses", action="store_true", help="also list questions not answered at rank 1")
    p.add_argument("--kg", action="store_true",
                   help="also measure fact extraction (precision/recall per fact type against queries/kg_gold/)")
    p.add_argument("--loo", action="store_true",
                   help="leave one document out: for each shipped document, build the index without its phrasings "
                   "and ask its questions from PATH/heldout3..5; print hit@1/hit@3 per document and overall")
    p.add_argument("--final", action="store_true",
                   help="with a folder holding corpus/ (queries/unseen-docs): ask the final-*.yaml questions "
                   "instead of the development questions-*.yaml (measure once, at the end)")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.evaluation.retrieval import evaluate, load_gold
    from assistant.search.retriever import Retriever
    from kg.errors import CorpusError

    if not args.path.exists():
        raise CorpusError(f"{args.path}: no such gold folder or file")
    if args.loo or (args.path / "corpus").is_dir():
        from assistant.commands.eval_added import run_added

        return run_added(args, ws)
    cases = load_gold(args.path)
    if not cases:
        print(f"policykg: no gold questions found under {args.path}", file=sys.stderr)
        return 1
    retriever = Retriever.open(ws, progress=lambda m: print(f"policykg: {m}", file=sys.stderr))
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
        _kg_section(args.path, ws, args.misses)
    _reasoning_section(args.path, retriever, args.misses)
    return 0


def _reasoning_section(path: Path, retriever: Retriever, details: bool) -> None:
    """Verdict accuracy on the scenarios and intent accuracy on the labelled questions, when present."""
    from assistant.engine import Engine
    from assistant.evaluation.scenarios import evaluate_intents, evaluate_scenarios, load_intents, load_scenarios

    folder = path if path.is_dir() else path.parent
    engine = Engine(retriever.ws, retriever)
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


def _kg_section(path: Path, ws: Workspace, details: bool) -> None:
    """Precision and recall of the extracted facts."""
    from kg.evaluate import evaluate_kg

    gold_dir = path / "kg_gold" if path.is_dir() else path.parent / "kg_gold"
    report = evaluate_kg(ws.corpus, ws.facts, gold_dir)
    print(f"\nfacts: gold in {gold_dir}")
    print(f"{'type':<18}{'gold':>5}{'found':>7}{'precision':>11}{'recall':>8}")
    for name, s in report.by_type.items():
        print(f"{name:<18}{s.gold:>5}{s.extracted:>7}{s.precision:>11.2f}{s.recall:>8.2f}")
        for miss in s.missed if details else []:
            print(f"   missed   {miss}")
