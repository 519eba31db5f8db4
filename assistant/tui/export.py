"""Writing a briefing from the workspace: atomically, with the permissions the user's umask gives, and
never over an existing file without asking (the dialog offers 覆盖 or a free name)."""

from __future__ import annotations

import os
import tempfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

if TYPE_CHECKING:
    from ..reason.profile import Profile
    from .app import PolicyApp

SUFFIX = {"html": ".html", "docx": ".docx"}


def brief_path(topic: str, fmt: str, folder: Path | None = None) -> Path:
    """Where a briefing is written: policykg-简报-TOPIC.html in the working folder."""
    safe = "".join(ch for ch in topic if ch not in '/\\:*?"<>|').strip() or "简报"
    return (folder or Path.cwd()) / f"policykg-简报-{safe}{SUFFIX[fmt]}"


def free_name(path: Path) -> Path:
    """The path itself when free, else the first of NAME-2, NAME-3 … that is.

    >>> free_name(Path("/nonexistent/a.html"))
    PosixPath('/nonexistent/a.html')
    """
    n = 2
    found = path
    while found.exists():
        found = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return found


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_file(path: Path, data: str | bytes) -> None:
    """Write through a temporary file in the same folder and a rename, so a reader never sees half a
    file; the file gets the mode a plain open() would (0666 less the umask), not mkstemp's 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Overwrite(ModalScreen[str | None]):
    """The file exists: Y overwrites it, N writes under a free name, Esc cancels."""

    DEFAULT_CSS = """
    Overwrite { align: center middle; }
    Overwrite > Vertical { width: 64; max-width: 90%; height: auto; border: thick $warning; background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("y", "dismiss('overwrite')", "覆盖"), Binding("n", "dismiss('rename')", "另存"),
                Binding("escape", "dismiss(None)", "取消")]

    def __init__(self, path: Path, other: Path) -> None:
        super().__init__()
        self.path, self.other = path, other

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "文件已存在"
            yield Label(Text.assemble(str(self.path), "\n\n", ("Y", "bold"), " 覆盖　", ("N", "bold"),
                                      f" 另存为 {self.other.name}　", ("Esc", "bold"), " 取消"))


def export_brief(app: PolicyApp, topic: str, fmt: str = "html", profile: Profile | None = None) -> None:
    """Write a briefing into the working folder (walking `profile` through every place when given); an
    existing file is overwritten or kept as the user says."""
    path = brief_path(topic, fmt)
    if not path.exists():
        _write_in_worker(app, topic, fmt, path, profile)
        return
    other = free_name(path)

    def chosen(answer: str | None) -> None:
        if answer is None:
            app.notify("已取消导出。", markup=False)
        else:
            _write_in_worker(app, topic, fmt, path if answer == "overwrite" else other, profile)

    app.push_screen(Overwrite(path, other), chosen)


def _write_in_worker(app: PolicyApp, topic: str, fmt: str, path: Path, profile: Profile | None) -> None:
    """Building a briefing searches and reads the graph: a thread, so the screen stays live."""
    app.run_worker(partial(_write_brief, app, topic, fmt, path, profile), thread=True, group="brief")


def _write_brief(app: PolicyApp, topic: str, fmt: str, path: Path, profile: Profile | None) -> None:
    from kg.errors import PolicyKGError

    from .commands import render_brief

    app.call_from_thread(app.status, f"正在生成“{topic}”简报…", True)
    try:
        write_file(path, render_brief(app.engine, topic, fmt, profile))
    except (PolicyKGError, OSError) as exc:
        app.call_from_thread(app.notify, f"没有导出：{exc}", severity="warning", markup=False)
        app.call_from_thread(app.status, "")
        return
    app.call_from_thread(app.notify, f"已导出 {path}", markup=False)
    app.call_from_thread(app.status, f"已导出 {path.name}")
