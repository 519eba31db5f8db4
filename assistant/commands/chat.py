"""`policykg chat`: a line-mode conversation on stdin/stdout, the same engine the TUI uses."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from assistant.workspace import Workspace

QUIT = {"退出", "再见", "exit", "quit", "q", ":q"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    from .common import count

    p = sub.add_parser(
        "chat", help="a conversation: describe your organisation over several turns, get a cited verdict",
        description="Talk to the assistant one line at a time. It keeps what you said across turns: describe the "
        "organisation (我们是浙江的民办培训学校，能申请成为社会评价组织吗？), answer its follow-up questions with short "
        "replies (1200平方米 / 租的，六年 / 是 / 不是 / 不知道), correct a fact (说错了，场地是800平方米), ask why it asks "
        "(为什么问这个？), or start over (重新开始). Works in a pipe: one turn per input line. "
        "Type 退出 or press Ctrl-D to leave.",
        epilog="examples:\n  policykg chat\n  printf '我们是吉林的行业协会，能申请吗？\\n场地1200平方米\\n' | policykg chat\n"
        "  printf '宿迁 县区备案能认定几级\\n' | policykg chat --json     (one Answer object per turn)\n\n"
        "exit codes: 0 conversation ended, 2 bad input (a bad --today, or lines rejected, each said on stderr), "
        "3 corpus/index problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--json", action="store_true", help="print each turn's Answer as one JSON line")
    p.add_argument("--today", metavar="DATE", help="count dates from DATE instead of today (YYYY-MM-DD)")
    p.add_argument("-n", "--limit", type=count(0), default=2, metavar="N",
                   help="citations to print per turn (default 2; 0 prints the answers only)")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.engine import Engine
    from assistant.render import render_answer
    from kg.errors import PolicyKGError
    from kg.temporal import parse_day

    from .common import color_wanted

    today = parse_day(args.today) if args.today else None
    engine = Engine.open(ws, progress=lambda m: print(f"policykg: {m}", file=sys.stderr, flush=True))
    interactive = sys.stdin.isatty()
    color = color_wanted(sys.stdout)
    if interactive and not args.json:
        print("policykg 对话：描述贵单位的情况或直接提问；“重新开始”清空，“退出”离开。")
    status = 0
    for number, line in _turns(interactive):
        if line.strip() in QUIT:
            break
        if not line.strip():
            continue
        try:
            answer = engine.ask(line, today=today)
        except PolicyKGError as exc:
            where = "" if interactive else f"第 {number} 行："
            print(f"policykg: {where}{exc}", file=sys.stderr, flush=True)
            status = 2
            continue
        if args.json:
            print(answer.model_dump_json(), flush=True)
        else:
            print(render_answer(engine.corpus, answer, color=color, limit=args.limit) + "\n", flush=True)
    return status


def _turns(interactive: bool) -> Iterator[tuple[int, str]]:
    """(number, line) of each turn until the end of input (Ctrl-D, Ctrl-C at the prompt, the end of a pipe)."""
    from .common import read_lines

    if not interactive:
        yield from read_lines(sys.stdin)
        return
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None:  # a terminal in another encoding: the line is refused, not the session ended
        reconfigure(errors="surrogateescape")
    number = 0
    while True:
        try:
            line = input("> ")
        except (EOFError, KeyboardInterrupt):
            return
        number += 1
        yield number, line
