"""`policykg eval [PATH]`: measured quality on the gold data in queries/."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from assistant.workspace import Workspace

if TYPE_CHECKING:
    from assistant.search.retriever import Retriever

T = TypeVar("T")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval", help="measure retrieval, verdict and intent quality on the gold data",
        description="Run the gold questions (queries/retrieval/*.yaml: question, style, expected unit ids) "
        "through retrieval and print hit@1, hit@3 and MRR overall and per style, and recall@10 for "
        "multi-answer questions. A hit is the expected unit, a unit inside it, or its enclosing article. "
        "Then play the scenarios (queries/scenarios/*.yaml) through the engine and print verdict accuracy, "
        "and the intent accuracy on queries/intents.yaml. --misses lists every failure. "
        "A folder or file of multi-jurisdiction profiles (queries/profiles) is scored instead cell by cell: "
        "each profile matched against every jurisdiction from its structured facts and from its question, "
        "the per-cell status accuracy and the share of expected failing clauses cited. --brief measures briefings "
        "instead: for every gold topic (queries/briefs/*.yaml) the clauses its briefing cites against the clauses it "
        "must and must not cite, recall and precision per file. A folder holding corpus/ (queries/unseen-docs) is a set "
        "of added documents: the shipped documents plus those are built into a corpus of their own (in the cache) and "
        "its questions asked; --loo measures documents without phrasings.",
        epilog="examples:\n  policykg eval queries/\n  policykg eval --misses queries/\n  policykg eval --json queries/\n"
        "  policykg eval --kg queries/heldout3\n  policykg eval --kg --part dev queries/unseen-docs\n  policykg eval queries/profiles/dev.yaml     (per-cell accuracy of matching)\n"
        "  policykg eval --brief queries/briefs\n  policykg eval --loo queries/\n  policykg eval queries/unseen-docs\n\n"
        "exit codes: 0 measured, 1 no gold questions under PATH, 2 bad input (no such path, gold data that "
        "cannot be read: file and problem given), 3 corpus/index problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", type=Path, default=Path("queries"), help="gold folder or file (default: queries/)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--misses", action="store_true", help="also list questions not answered at rank 1")
    p.add_argument("--kg", action="store_true",
                   help="also measure fact extraction: precision/recall per fact type against queries/kg_gold/ and any "
                   "folder with corpus/ + facts/ (value check, full check of every annotated field), and how many "
                   "facts survive systematic rewording")
    p.add_argument("--brief", nargs="?", type=Path, const=Path("queries/briefs"), metavar="DIR",
                   help="measure briefings instead: recall and precision of the cited clauses per gold file "
                   "(default folder: queries/briefs)")
    p.add_argument("--loo", action="store_true",
                   help="leave one document out: for each shipped document, build the index without its phrasings "
                   "and ask its questions from PATH/heldout3..5; print hit@1/hit@3 per document and overall")
    p.add_argument("--part", choices=("dev", "final", "all"), default=None,
                   help="with --kg, a gold folder split by document (facts/parts.yaml): dev (the default; misses may "
                   "be read), final (kept unread: its misses are never listed) or all (both, no misses listed)")
    p.add_argument("--final", action="store_true",
                   help="with a folder holding corpus/ (queries/unseen-docs): ask the final-*.yaml questions "
                   "instead of the development questions-*.yaml (measure once, at the end)")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.evaluation.retrieval import evaluate, load_gold
    from assistant.search.retriever import Retriever
    from kg.errors import UsageError

    if args.brief is not None:
        return _brief_section(args.brief, ws, args.json, args.misses)
    if not args.path.exists():
        raise UsageError(f"{args.path}：金标文件夹或文件不存在")
    kind = _gold_kind(args.path)
    if kind == "coverage":
        return _coverage(args.path, ws, args.misses)
    if kind == "heldout-scenarios":
        return _heldout_scenarios(args.path, ws, args.misses)
    if args.kg and (args.path / "facts").is_dir():
        _kg_section(args.path, ws, args.misses, args.part)  # a gold folder of facts (queries/unseen-docs/facts)
        return 0
    if args.loo or (args.path / "corpus").is_dir():
        from assistant.commands.eval_added import run_added

        return run_added(args, ws)
    from assistant.evaluation.profiles import is_profile_set

    if is_profile_set(args.path):
        return _profiles(args.path, ws, args.json, args.misses)
    cases = _read_gold(load_gold, args.path)
    if not cases and args.kg:
        _kg_section(args.path, ws, args.misses, args.part)  # a gold folder of facts only (queries/unseen-docs)
        return 0
    if not cases:
        print(f"policykg: {args.path} 下没有金标问题（queries/retrieval/*.yaml 或 *.yaml）", file=sys.stderr)
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
        _kg_section(args.path, ws, args.misses, args.part)
    _reasoning_section(args.path, retriever, args.misses)
    return 0


def _gold_kind(path: Path) -> str:
    """Which gold a path holds, by the folder it is (or is in): coverage, held-out scenarios, or the rest."""
    folder = path if path.is_dir() else path.parent
    return folder.name if folder.name in ("coverage", "heldout-scenarios") else "retrieval"


def _coverage(path: Path, ws: Workspace, details: bool) -> int:
    """Coverage accuracy per kind, flagged questions, verdicts on uncovered ones, and calibration."""
    from assistant.engine import Engine
    from assistant.evaluation.coverage import evaluate_coverage, load_coverage

    engine = Engine.open(ws, progress=lambda m: print(f"policykg: {m}", file=sys.stderr))
    rep = evaluate_coverage(engine, load_coverage(path))
    print(f"coverage: {rep.n} questions ({path if path.is_file() else path / 'dev.yaml'})")
    for kind, (right, n) in rep.by_kind.items():
        print(f"  {kind:<18}{right:>4}/{n:<4}{right / n:.2f}")
    for label, (k, n) in [("in-scope wrongly flagged", rep.in_scope_flagged), ("out-of-scope flagged", rep.out_flagged),
                          ("confidence ≥ 0.8: right clause first", rep.confident_right)]:
        print(f"  {label:<38}{k}/{n} = {k / max(n, 1):.2f}")
    print(f"  verdicts on not_covered questions     {rep.verdicts_on_uncovered}")
    for m in rep.misses if details else []:
        print(f"   ✗ {m}")
    return 0


def _heldout_scenarios(path: Path, ws: Workspace, details: bool) -> int:
    """Verdict status accuracy and deciding-clause-cited rate on held-out scenarios (dev.yaml of a folder)."""
    from assistant.engine import Engine
    from assistant.evaluation.scenarios import evaluate_scenarios, load_scenarios

    source = path / "dev.yaml" if path.is_dir() else path
    engine = Engine.open(ws, progress=lambda m: print(f"policykg: {m}", file=sys.stderr))
    rep = evaluate_scenarios(engine, load_scenarios(source))
    print(f"held-out scenarios: {rep.cases} cases ({source})")
    print(f"  cases entirely right    {rep.cases_right}/{rep.cases} = {rep.cases_right / max(rep.cases, 1):.2f}")
    print(f"  verdict status right    {rep.status_right}/{rep.turns_with_status} = "
          f"{rep.status_right / max(rep.turns_with_status, 1):.2f}")
    print(f"  deciding clause cited   {rep.cites_right}/{rep.turns_with_cites} = "
          f"{rep.cites_right / max(rep.turns_with_cites, 1):.2f}")
    for case_id, problems in rep.failures.items() if details else []:
        print(f"   ✗ {case_id}: " + "; ".join(problems))
    return 0


def _reasoning_section(path: Path, retriever: Retriever, details: bool) -> None:
    """Verdict accuracy on the scenarios and intent accuracy on the labelled questions, when present."""
    from assistant.engine import Engine
    from assistant.evaluation.scenarios import evaluate_intents, evaluate_scenarios, load_intents, load_scenarios

    folder = path if path.is_dir() else path.parent
    engine = Engine(retriever.ws, retriever)
    source = next((p for p in (folder / "scenarios", folder / "scenarios.yaml") if p.exists()), None)
    if source is not None:
        cases = _read_gold(load_scenarios, source)
        rep = evaluate_scenarios(engine, cases)
        print(f"\nverdicts: {rep.cases} scenarios ({source})")
        print(f"  cases entirely right  {rep.cases_right}/{rep.cases} = {rep.cases_right / max(rep.cases, 1):.2f}")
        print(f"  verdict status right  {rep.status_right}/{rep.turns_with_status} = "
              f"{rep.status_right / max(rep.turns_with_status, 1):.2f}")
        for case_id, problems in rep.failures.items() if details else []:
            print(f"   ✗ {case_id}: " + "; ".join(problems))
    files = sorted((folder / "intents").glob("*.yaml")) + [f for f in [folder / "intents.yaml"] if f.is_file()]
    if files:
        irep = evaluate_intents(engine, [i for f in files for i in _read_gold(load_intents, f)])
        print(f"\nintents: {irep.n} labelled questions, accuracy {irep.right / max(irep.n, 1):.2f}")
        for name, (right, n) in sorted(irep.by_intent.items()):
            print(f"  {name:<14}{right:>4}/{n:<4}{right / n:.2f}")
        for q, want, got in irep.misses if details else []:
            print(f"   ✗ [{want} → {got}] {q}")


def _kg_section(path: Path, ws: Workspace, details: bool, part: str | None = None) -> None:
    """Precision and recall of the extracted facts (value check, full check), and the rewording check,
    for every gold folder under `path` (kg.factcheck)."""
    from kg.factcheck import check_folder, gold_folders, render

    for folder in gold_folders(path):
        print("\n".join(render(check_folder(folder, ws.corpus, ws.corpus_dir, part), details)))


def _read_gold(load: Callable[[Path], list[T]], path: Path) -> list[T]:
    """Gold data through its loader; a file that cannot be read or validated is one line naming it.

    The loaders raise the full validation error (pytest shows it for the gold cases it collects);
    here, at the command's edge, it becomes bad input."""
    import yaml

    from kg.errors import PolicyKGError, UsageError
    from kg.files import os_reason

    try:
        return load(path)
    except PolicyKGError:
        raise
    except OSError as exc:
        raise UsageError(f"{path}：金标数据无法读取（{os_reason(exc)}）") from None
    except (ValueError, TypeError, AttributeError, yaml.YAMLError) as exc:  # YAML, encoding, pydantic, shape
        where = (getattr(exc, "__notes__", None) or [str(path)])[-1]
        raise UsageError(f"{where}：金标数据格式不对（{_problem(exc)}）") from None


def _problem(exc: Exception) -> str:
    """The gist of a loader's error on one line: pydantic's field and message, else the first line."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        text = "；".join(f"{'.'.join(map(str, e['loc'])) or '条目'}：{e['msg']}" for e in exc.errors()[:2])
    else:
        text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return " ".join(text.split())[:200]


def _profiles(path: Path, ws: Workspace, as_json: bool, details: bool) -> int:
    """Per-cell accuracy of matching on each file of multi-jurisdiction profiles."""
    from assistant.evaluation.profiles import evaluate_profiles, load_profiles

    # a folder's reserved splits (final*.yaml) are measured only when named, as for briefings
    for f in sorted(p for p in path.glob("*.yaml") if not p.name.startswith("final")) if path.is_dir() else [path]:
        rep = evaluate_profiles(ws, _read_gold(load_profiles, f))
        if as_json:
            print(rep.model_dump_json())
            continue
        print(f"profiles: {rep.profiles} profiles, {rep.structured.cells} jurisdiction cells ({f})")
        for name, s in (("from the profile", rep.structured), ("from the question", rep.said)):
            print(f"  {name:<18} per-cell accuracy {s.right}/{s.cells} = {s.accuracy:.3f}   "
                  f"failing clauses cited {s.clauses_cited}/{s.clauses} = {s.clause_recall:.2f}")
            for miss in s.misses if details else []:
                print(f"     ✗ {miss}")
        print(f"  questions routed to matching {rep.routed}/{rep.profiles}")
    return 0


def _brief_section(path: Path, ws: Workspace, as_json: bool, details: bool) -> int:
    """Recall and precision of the briefings' citations, per gold file (see assistant/evaluation/briefs.py)."""
    import json

    from assistant.brief.build import NoClauses, build_briefing
    from assistant.evaluation.briefs import evaluate_briefs, gold_files
    from assistant.search.retriever import Retriever
    from kg.errors import UsageError

    if not path.exists():
        raise UsageError(f"{path}：金标文件夹或文件不存在")
    files = gold_files(path)
    if not files:
        print(f"policykg: {path} 下没有简报金标", file=sys.stderr)
        return 1
    retriever = Retriever.open(ws, progress=lambda m: print(f"policykg: {m}", file=sys.stderr))
    corpus = retriever.corpus
    facts = ws.facts

    def cited(topic: str) -> list[str]:  # the appendix of the briefing a trainer would hand out
        try:
            return build_briefing(topic, corpus, facts, retriever).appendix
        except NoClauses:
            return []

    reports = [evaluate_briefs(f, cited) for f in files]
    if as_json:
        print(json.dumps([{"file": r.source, "topics": len(r.topics), "recall": r.recall, "precision": r.precision,
                           "pooled": {"recall": r.pooled[0], "precision": r.pooled[1]},
                           "by_topic": [t.model_dump() for t in r.topics]} for r in reports], ensure_ascii=False, indent=2))
        return 0
    print("briefings: clauses cited against the gold (mean over topics; pooled over all gold units)")
    print(f"{'file':<28}{'topics':>7}{'recall':>8}{'precision':>11}{'pooled R':>10}{'pooled P':>10}")
    for r in reports:
        pooled_r, pooled_p = r.pooled
        print(f"{r.source:<28}{len(r.topics):>7}{r.recall:>8.3f}{r.precision:>11.3f}{pooled_r:>10.3f}{pooled_p:>10.3f}")
        for t in r.topics if details else []:
            print(f"   {t.topic}: R {t.recall:.2f} P {t.precision:.2f}"
                  + (f"  missed {', '.join(t.missed)}" if t.missed else "")
                  + (f"  wrongly cited {', '.join(t.unwanted)}" if t.unwanted else ""))
    return 0
