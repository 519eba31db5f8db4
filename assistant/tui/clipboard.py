"""Copying a clause, honestly: the terminal is asked (OSC 52) and the text is also saved to a file.

A program in a terminal cannot know whether its copy reached the clipboard: OSC 52 is ignored by many
terminals, by tmux without set-clipboard and over some ssh links. So the message says what was done,
and where the text can be taken from when the terminal did not take it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .export import write_file

if TYPE_CHECKING:
    from textual.app import App

    from ..models import Citation


def clipboard_file() -> Path:
    """Where copied text is also saved: $POLICYKG_CLIPBOARD, else policykg-复制.txt in a private runtime
    folder when there is one, else in the system's temporary folder."""
    named = os.environ.get("POLICYKG_CLIPBOARD")
    if named:
        return Path(named)
    base = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("TMPDIR") or "/tmp"
    return Path(base) / "policykg-复制.txt"


def copy_message(label: str, saved: Path | None, asked_terminal: bool) -> str:
    """What to tell the user after copying (never 已复制 when nothing is known to have been copied).

    >>> copy_message("第九条", Path("/tmp/x.txt"), True)
    '已请终端复制“第九条”（终端不支持 OSC 52 时不会生效）；全文也已存到 /tmp/x.txt'
    """
    parts = []
    if asked_terminal:
        parts.append(f"已请终端复制“{label}”（终端不支持 OSC 52 时不会生效）")
    if saved is not None:
        parts.append(f"全文{'也' if asked_terminal else ''}已存到 {saved}")
    return "；".join(parts) or f"没能复制“{label}”"


def save_copy(text: str) -> Path | None:
    """Save copied text to the clipboard file; None when that is not possible."""
    path = clipboard_file()
    try:
        write_file(path, text)
    except OSError:
        return None
    return path


def copy_citation(app: App[Any], current: Citation | None) -> None:
    """Copy the clause shown (label and text): asked of the terminal and saved to a file, said which."""
    if current is None:
        app.notify("先选一条引用，再复制。", severity="warning", markup=False)
        return
    text = f"{current.label}\n{current.text}"
    app.copy_to_clipboard(text)
    app.notify(copy_message(current.label, save_copy(text), asked_terminal=True), markup=False)
