"""Run a function in a throw-away child process: no network, a memory ceiling, killed at a deadline.

For work whose cost the user decides (a SPARQL query). Python cannot stop a thread from outside, and
an abandoned one goes on using a core and memory; a process can be killed, and whatever it did to
itself (an audit hook, resource limits) dies with it. On Linux the child is forked, so it starts with
everything the parent built (the RDF graph) without copying or pickling it.

The child refuses every socket and URL through an audit hook (PEP 578): the refusal holds whichever
library call tries, before any connection is made. Its address space is capped at what the parent
uses plus MEMORY_HEADROOM, so a runaway result ends in MemoryError instead of swapping the machine.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import PolicyKGError

MEMORY_HEADROOM = 1 << 30  # bytes a child may allocate beyond what the parent had mapped
# Audit events that reach the network (PEP 578's table): sockets, name lookups, URL and protocol clients.
_NETWORK = ("socket.", "urllib.Request", "http.client.", "ftplib.", "smtplib.", "poplib.", "imaplib.",
            "nntplib.", "telnetlib.", "webbrowser.")


@dataclass
class Outcome:
    """How a sandboxed call ended: a value, an error message, out of time, or dead without a word."""

    value: Any = None
    error: str | None = None
    timed_out: bool = False
    died: bool = False


def run_sandboxed(func: Callable[..., Any], args: tuple[Any, ...], timeout: float) -> Outcome:
    """Call `func(*args)` in a child process; a PolicyKGError it raises comes back as `error`."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(func, args, send), daemon=True)
    with warnings.catch_warnings():
        # Python 3.12+ warns about forking a process with threads: the child only computes, and is
        # killed at the deadline should it ever wait on a lock another thread held.
        warnings.simplefilter("ignore", DeprecationWarning)
        child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            return Outcome(timed_out=True)
        try:
            kind, payload = receive.recv()
        except (EOFError, OSError):
            return Outcome(died=True)
    finally:
        receive.close()
        child.join(1.0)
        if child.is_alive():
            child.kill()
            child.join()
    return Outcome(value=payload) if kind == "ok" else Outcome(error=payload)


def _child(func: Callable[..., Any], args: tuple[Any, ...], send: Any) -> None:
    """The child's whole life: lock itself down, run, report on the pipe (never on stderr)."""
    _limit_memory()
    sys.addaudithook(_refuse_network)
    try:
        message: tuple[str, Any] = ("ok", func(*args))
    except PolicyKGError as exc:
        message = ("error", str(exc))
    except MemoryError:
        message = ("error", "所需内存超过上限，已停止；请缩小范围")
    except RecursionError:
        message = ("error", "嵌套过深，无法处理")
    except Exception as exc:  # a bug: reported as one line by the parent, not as a child's traceback
        message = ("error", f"内部错误（{type(exc).__name__}：{' '.join(str(exc).split())[:200]}）")
    send.send(message)
    send.close()


def _refuse_network(event: str, args: tuple[Any, ...]) -> None:
    if event.startswith(_NETWORK):
        raise PermissionError(f"沙箱中不允许网络访问（{event}）")


def _limit_memory() -> None:
    """Cap the address space at what is mapped now plus the headroom (where the platform allows)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        return  # no /proc or no rlimits (macOS, Windows): the deadline still bounds the work
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = mapped + MEMORY_HEADROOM
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if soft == resource.RLIM_INFINITY or want < soft:
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
