"""`policykg chat`: a line-mode conversation on stdin/stdout, the same engine the TUI uses."""

from __future__ import annotations

import argparse
import sys

from assistant.workspace import Workspace

QUIT = {"退出", "再见", "exit", "quit", "q", ":q"}


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "chat", help="a conversation: describe your organisation over several turns, get a cited verdict",
        description="Talk to the assistant one line at a time. It keeps what you said across turns: describe the "
        "organisation (我们是浙江的民办培训学校，能申请成为社会评价组织吗？), answer its follow-up questions with short "
        "replies (1200平方米 / 租的，六年 / 是 / 不是 / 不知道), correct a fact (说错了，场地是800平方米), ask why it asks "
        "(为什么问这个？), or start over (重新开始). Works in a pipe: one turn per input line. "
        "Type 退出 or press Ctrl-D to leave.",
        epilog="examples:\n  policykg chat\n  printf '我们是吉林的行业协会，能申请吗？\\n场地1200平方米\\n' | policykg chat\n"
        "  printf '宿迁 县区备案能认定几级\\n' | policykg chat --json     (one Answer object per turn)\n\n"
        "exit codes: 0 conversation ended, 3 corpus/index problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--json", action="store_true", help="print each turn's Answer as one JSON line")
    p.add_argument("--today", metavar="DATE", help="count dates from DATE instead of today (YYYY-MM-DD)")
    p.add_argument("-n", "--limit", type=int, default=2, metavar="N", help="citations to print per turn (default 2)")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.engine import Engine
    from assistant.render import render_answer
    from kg.errors import PolicyKGError
    from kg.temporal import parse_day

    today = parse_day(args.today) if args.today else None
    engine = Engine.open(ws, progress=lambda m: print(f"policykg: {m}", file=sys.stderr, flush=True))
    interactive = sys.stdin.isatty()
    if interactive and not args.json:
        print("policykg 对话：描述贵单位的情况或直接提问；“重新开始”清空，“退出”离开。")
    while (line := _read(interactive)) is not None:
        if line.strip() in QUIT:
            break
        if not line.strip():
            continue
        try:
            answer = engine.ask(line, today=today)
        except PolicyKGError as exc:
            print(f"policykg: {exc}", file=sys.stderr)
            continue
        if args.json:
            print(answer.model_dump_json(), flush=True)
        else:
            print(render_answer(engine.corpus, answer, color=sys.stdout.isatty(), limit=max(args.limit, 0)) + "\n", flush=True)
    return 0


def _read(interactive: bool) -> str | None:
    """One line of input; None at end of input (Ctrl-D, or the end of a pipe)."""
    try:
        return input("> ") if interactive else sys.stdin.readline() or None
    except (EOFError, KeyboardInterrupt):
        return None
