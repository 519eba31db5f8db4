"""The `policykg` command line: a thin shell over the library.

Each subcommand lives in `assistant/commands/<name>.py` with `add_parser(subparsers)` and
`run(args) -> int`; modules import their heavy dependencies inside `run`, so `policykg show`
never pays for whoosh or textual. Errors from the library become one line on stderr and an
exit code; nothing here holds domain logic.

Exit codes: 0 success; 1 ran but found nothing (no answer, no match); 2 bad input or usage;
3 corpus or index problem that could not be repaired.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.workspace import Workspace

COMMANDS = ["ask", "show", "chat", "ingest", "eval", "export", "sparql", "graph", "compare", "brief", "bench"]

EPILOG = """\
examples:
  policykg ask "外部考点条件"               ask a question, get cited clauses
  policykg ask --json "宿迁 外部考点"       the answer as one JSON object
  policykg show 宿迁 第九条                  print one clause with its citation
  policykg show 吉林 四（三）                outline numbering works too
  policykg eval queries/                    measured retrieval quality
  policykg                                  open the terminal app

environment:
  POLICYKG_CACHE       where the index and other built files go (default $XDG_CACHE_HOME/policykg)
  POLICYKG_CORPUS      the corpus folder (same as --corpus); default: the per-user corpus once
                       `ingest --add` has made it, else the embedded documents
  POLICYKG_DATA        where the per-user corpus lives (default: the platform's user data folder)
  POLICYKG_PHRASINGS   a folder of phrasings files to use instead of the shipped ones

exit codes: 0 ok, 1 nothing found, 2 bad input, 3 corpus/index problem
"""


def _available() -> list[str]:
    names = []
    for name in COMMANDS:
        try:
            importlib.import_module(f"assistant.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"assistant.commands.{name}":
                raise
            continue
        names.append(name)
    return names


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="policykg",
        description="Offline assistant over Chinese skills-evaluation policy (技能人才评价). "
        "Every answer cites the exact article it comes from.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--corpus", metavar="DIR", help="use another corpus folder (default: the per-user corpus made by `ingest --add`, "
                        "else the embedded one)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _available():
        importlib.import_module(f"assistant.commands.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    """Entry point of the console script: the one place (with the TUI's) that decides the workspace,
    from the flags, then the environment (`environ`, default os.environ), then the defaults."""
    import os

    from assistant.workspace import Workspace
    from kg.datafiles import keep_package_copies_in
    from kg.errors import PolicyKGError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        ws = Workspace.from_settings(os.environ if environ is None else environ, corpus=args.corpus)
        keep_package_copies_in(ws.copies)
        if args.command is None:
            return _open_tui(parser, ws)
        return int(importlib.import_module(f"assistant.commands.{args.command}").run(args, ws))
    except PolicyKGError as exc:
        print(f"policykg: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("policykg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    """The console script: `main`, then leave without tearing the interpreter down.

    Freeing every module and object a question loaded takes ~50 ms, a fifth of a cold `ask`, for memory
    the operating system takes back anyway. Nothing is pending at that point: files are written and
    renamed before `main` returns, and the TUI has restored the terminal."""
    import os

    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass  # a closed pipe (`| head`): nothing left to say
    os._exit(code)


def _open_tui(parser: argparse.ArgumentParser, ws: Workspace) -> int:
    try:
        from assistant.tui.app import run_app
    except ModuleNotFoundError:
        parser.print_help()
        return 0
    return run_app(ws)


if __name__ == "__main__":
    entry()
