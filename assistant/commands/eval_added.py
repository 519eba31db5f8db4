"""`policykg eval --loo` and `policykg eval queries/unseen-docs`: documents without phrasings, measured."""

from __future__ import annotations

import argparse
import sys

from assistant.evaluation.retrieval import Scores
from assistant.workspace import Workspace


def _say(message: str) -> None:
    print(f"policykg: {message}", file=sys.stderr)


def _line(name: str, s: Scores) -> str:
    return f"{name:<34}{s.n:>4}{s.hit1:>8.2f}{s.hit3:>8.2f}{s.mrr:>7.2f}"


HEADER = f"{'':<34}{'n':>4}{'hit@1':>8}{'hit@3':>8}{'MRR':>7}"


def run_added(args: argparse.Namespace, ws: Workspace) -> int:
    """Leave-one-out on the shipped documents, or a folder of added documents with their questions."""
    from assistant.evaluation.added import leave_one_out, unseen_documents

    if args.loo:
        report = leave_one_out(ws, args.path, _say)
        if args.json:
            print(report.model_dump_json(indent=2))
            return 0
        print(f"leave one document out: its phrasings and the lexicon entries only its text holds removed, its questions from {args.path}/heldout3..5")
        print(HEADER)
        for doc_id, s in report.by_document.items():
            print(_line(doc_id, s))
        print(_line("overall", report.overall))
        for m in report.misses if args.misses else []:
            print(f"  rank {m['rank']}: [{m['doc']}] {m['q']}  expect {m['expect']}  got {m['got']}")
        return 0
    unseen, _ = unseen_documents(ws, args.path, final=args.final, progress=_say)
    if args.json:
        print(unseen.model_dump_json(indent=2))
        return 0
    kind = "final" if args.final else "development"
    print(f"added documents: shipped corpus plus {args.path}/corpus, {kind} questions")
    print(HEADER)
    for name, rep in unseen.by_file.items():
        print(_line(name, rep.overall))
    print(_line("overall", unseen.overall))
    leak = unseen.leak
    print(f"top citation from another place's document: {leak.leaked}/{leak.named} questions naming a place "
          f"= {leak.rate:.2f}")
    flags = unseen.coverage
    print(f"answered as not covered or partial (every question is answered by an added clause): "
          f"{flags.flagged}/{flags.asked} = {flags.rate:.2f}")
    right, confident = flags.confident
    print(f"confidence ≥ 0.8: right clause first {right}/{confident}")
    if unseen.out_of_scope[1]:
        print("out-of-scope questions of queries/coverage/dev.yaml still flagged with these documents added: "
              f"{unseen.out_of_scope[0]}/{unseen.out_of_scope[1]}")
    if args.misses and not args.final:  # the final questions stay unread: no misses printed for them
        for rep in unseen.by_file.values():
            for m in rep.misses:
                print(f"  rank {m['rank']}: [{m['style']}] {m['q']}  expect {m['expect']}  got {m['got']}")
        for example in leak.examples:
            print(f"  other place first: {example}")
        for example in flags.examples:
            print(f"  flagged: {example}")
    return 0
