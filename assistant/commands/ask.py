"""`policykg ask QUESTION`: a cited answer, as text or as the JSON of the Answer model."""

from __future__ import annotations

import argparse
import json
import sys

from assistant.workspace import Workspace


def add_parser(sub: argparse._SubParsersAction) -> None:
    from .common import count

    p = sub.add_parser(
        "ask", help="ask a question in Chinese, get cited clauses",
        description="Answer a question from the policy documents: a short direct answer, then the cited "
        "clauses (best first) with matched terms highlighted. Questions can be keywords (外部考点条件), "
        "natural or colloquial Chinese, 繁体, with typos. Naming a place (宿迁, 苏州, 浙江) ranks its documents first.",
        epilog="examples:\n  policykg ask 外部考点条件\n  policykg ask --json \"吉林申报时间\"\n"
        "  printf '公示期\\n档案保存\\n' | policykg ask --json -     (one JSON object per line)\n\n"
        "exit codes: 0 answered, 1 nothing in the corpus answers, 2 bad input (empty or undecodable question; "
        "with -, any line rejected: each said on stderr, or as an error object with --json), 3 corpus/index problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("question", nargs="+", help="the question; `-` reads one question per line from stdin")
    p.add_argument("--json", action="store_true", help="print the Answer model as JSON (one object per question)")
    p.add_argument("--as-of", metavar="DATE", help="answer only from documents in force on DATE (YYYY-MM-DD)")
    p.add_argument("--today", metavar="DATE", help="count dates from DATE instead of today (YYYY-MM-DD)")
    p.add_argument("-n", "--limit", type=count(0), default=4, metavar="N",
                   help="citations to print (text mode; default 4; 0 prints the answer only)")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.engine import Engine
    from kg.temporal import parse_day

    from .common import color_wanted

    as_of = parse_day(args.as_of) if args.as_of else None
    today = parse_day(args.today) if args.today else None
    engine = Engine.open(ws, progress=_progress)
    if args.question == ["-"]:
        return _batch(engine, args.json, as_of, today)
    answer = engine.ask(" ".join(args.question), as_of=as_of, today=today)
    if args.json:
        print(answer.model_dump_json())
    else:
        from assistant.render import render_answer

        print(render_answer(engine.corpus, answer, color=color_wanted(sys.stdout), limit=args.limit))
    return 1 if answer.coverage == "not_covered" else 0  # exit 1: the documents do not answer it


def _progress(message: str) -> None:
    print(f"policykg: {message}", file=sys.stderr, flush=True)


def _batch(engine: object, as_json: bool, as_of: object = None, today: object = None) -> int:
    """One answer per stdin line; a bad line is reported (stderr, or an error object with --json), the batch goes on."""
    from assistant.engine import Engine
    from kg.errors import PolicyKGError

    from .common import printable, read_lines

    assert isinstance(engine, Engine)
    status = 0
    for number, line in read_lines(sys.stdin):
        if not line.strip():
            continue
        engine.reset()
        try:
            answer = engine.ask(line, as_of=as_of, today=today)  # type: ignore[arg-type]
        except PolicyKGError as exc:
            status = 2
            if as_json:
                print(json.dumps({"line": number, "question": printable(line), "error": str(exc)}, ensure_ascii=False))
            else:
                print(f"policykg: 第 {number} 行：{exc}", file=sys.stderr, flush=True)
            continue
        out = answer.model_dump_json() if as_json else f"{answer.question}\t{' '.join(answer.answer.split())}"
        print(out, flush=True)
    return status
