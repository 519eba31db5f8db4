"""The `policykg` command line: a thin shell over the library.

Each subcommand lives in `assistant/commands/<name>.py` with `add_parser(subparsers)` and
`run(args) -> int`; modules import their heavy dependencies inside `run`, so `policykg show`
never pays for whoosh or textual. Errors from the library become one line on stderr and an
exit code; nothing here holds domain logic.

Exit codes: 0 success; 1 ran but found nothing (no answer, no match); 2 bad input or usage;
3 corpus or index problem that could not be repaired; 130 interrupted; 70 an internal error (a bug:
reported on one line like any other error, with POLICYKG_DEBUG=1 showing the traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from assistant.workspace import Workspace

COMMANDS = ["ask", "show", "chat", "match", "ingest", "eval", "export", "sparql", "graph", "compare", "brief", "rules",
            "bench"]

EPILOG = """\
examples:
  policykg ask "外部考点条件"               ask a question, get cited clauses
  policykg ask --json "宿迁 外部考点"       the answer as one JSON object
  policykg show 宿迁 第九条                  print one clause with its citation
  policykg show 吉林 四（三）                outline numbering works too
  policykg eval queries/                    measured retrieval quality
  policykg                                  open the terminal app (on a terminal only)

environment:
  POLICYKG_CACHE       where the index and other built files go (default $XDG_CACHE_HOME/policykg)
  POLICYKG_CORPUS      the corpus folder (same as --corpus); default: the per-user corpus once
                       `ingest --add` has made it, else the embedded documents
  POLICYKG_DATA        where the per-user corpus lives (default: the platform's user data folder)
  POLICYKG_PHRASINGS   a folder of phrasings files to use instead of the shipped ones
  NO_COLOR             set to anything: no colour, even on a terminal
  POLICYKG_DEBUG       set to 1: show the traceback of an internal error

exit codes: 0 ok, 1 nothing found, 2 bad input, 3 corpus/index problem (70 internal error, 130 interrupted)
"""

# argparse's messages (Python 3.11-3.13 wording), said in the interface's language.
_ARGPARSE_WORDS = [
    (r"^argument (\S+): ", r"参数 \1："),
    (r"the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"无效的选择 \1（可选：\2）"),
    (r"invalid (\w+) value: (.*)", r"\2 不是有效的值"),
    (r"expected one argument", "需要一个值"),
    (r"expected at least one argument", "至少需要一个值"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 有歧义，可能是：\2"),
    (r"not allowed with argument (.*)", r"不能与 \1 同时使用"),
    (r"ignored explicit argument (.*)", r"多余的值 \1"),
]


class _Parser(argparse.ArgumentParser):
    """argparse whose complaints are one line in Chinese, raised as UsageError (exit 2) like any other."""

    def error(self, message: str) -> NoReturn:
        from kg.errors import UsageError

        for pattern, words in _ARGPARSE_WORDS:
            message = re.sub(pattern, words, message)
        raise UsageError(f"{message}（见 {self.prog} --help）")


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
    parser = _Parser(
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
    """Entry point of the console script: every outcome is an exit code, every error one line.

    The one place (with the TUI's) that decides the workspace: from the flags, then the environment
    (`environ`, default the process's), then the defaults."""
    from assistant.workspace import Workspace, usable_cache_root
    from kg.datafiles import keep_package_copies_in
    from kg.errors import PolicyKGError

    env = os.environ if environ is None else environ
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        ws = Workspace.from_settings(env, corpus=args.corpus)
        usable = usable_cache_root(ws.cache_root, lambda m: _say(m))
        ws = ws if usable == ws.cache_root else ws.with_cache_root(usable)
        keep_package_copies_in(ws.copies)
        if args.command is None:
            return _open_tui(parser, ws)
        return int(importlib.import_module(f"assistant.commands.{args.command}").run(args, ws))
    except PolicyKGError as exc:
        return _fail(str(exc), exc.exit_code)
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    except KeyboardInterrupt:
        return _fail("已中断", 130)
    except BrokenPipeError:
        return 0  # the reader left (`| head`): nothing more to say, and no one to say it to
    except UnicodeEncodeError as exc:
        return _fail(f"输出的编码 {exc.encoding} 写不了这些字符；请使用 UTF-8（如 LANG=C.UTF-8 或 PYTHONIOENCODING=utf-8）", 2)
    except Exception as exc:  # a bug: still one line, the traceback on request
        if env.get("POLICYKG_DEBUG"):
            raise
        what = "内存不足" if isinstance(exc, MemoryError) else f"{type(exc).__name__}：{exc}"
        return _fail(f"内部错误（{what}）。这是 policykg 的缺陷，请报告；设 POLICYKG_DEBUG=1 可看到详情", 70)


def _say(message: str) -> None:
    """A notice on one line of stderr (the run goes on)."""
    print(f"policykg: {message}", file=sys.stderr, flush=True)


def _fail(message: str, code: int) -> int:
    """Say what went wrong on one line of stderr, and return the exit code."""
    from assistant.commands.common import printable

    line = " ".join(printable(message).split())
    try:
        print(f"policykg: {line}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass  # stderr closed: the exit code is all that is left to say it
    return code


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
    """The full-screen app, on a terminal only: in a pipe or a script it would wait for keys forever."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        parser.print_help()
        return _fail("没有给出命令；终端应用只能在终端中打开（命令见上面的帮助）", 2)
    try:
        from assistant.tui.app import run_app
    except ModuleNotFoundError:
        parser.print_help()
        return 0
    return run_app(ws)


if __name__ == "__main__":
    entry()
