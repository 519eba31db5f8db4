"""Files written whole or not at all: those a user asked for, and the caches' built files.

Files a user asked for (exports, briefings, documents added to a corpus) go through `write_file`:

These files are meant to be shared, so a new one gets the permissions the user's umask gives any new
file (0644 by default), not the 0600 of a private temporary file; a replaced one keeps its mode, as a
shell's `>` would. Each is written to a temporary file beside its target, flushed to disk and renamed
into place, so a reader (or a crash) never sees half a file. An existing file is replaced only with
`force`, and without it the name is claimed by a hard link, which fails if the name exists, so a file
created meanwhile is not overwritten either. The target's folder must already exist: creating folders
nobody asked for hides typos (`-o reprots/x.html`).

>>> output_format(Path("a.html"), None, {".html": "html"}, "md")
'html'
>>> output_format(None, None, {".html": "html"}, "md")
'md'
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

from .errors import UsageError

__all__ = ["OutputError", "check_target", "os_reason", "output_format", "replace_dir_atomic", "write_atomic",
           "write_file", "write_files"]

_REASONS = {
    errno.EACCES: "没有写入权限", errno.EPERM: "没有权限", errno.EROFS: "文件系统是只读的",
    errno.ENOSPC: "磁盘空间不足", errno.EDQUOT: "超出磁盘配额", errno.ENAMETOOLONG: "文件名太长",
    errno.ENOENT: "不存在", errno.ENOTDIR: "路径中有一段不是文件夹", errno.EISDIR: "是一个文件夹",
    errno.EIO: "读写出错（输入输出错误）", errno.ELOOP: "符号链接层数过多",
}
# Errors of os.link that mean "this file system has no hard links", not "the name is taken".
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


class OutputError(UsageError):
    """A file the user asked for cannot be written where and how they asked."""

    exit_code = 2


def os_reason(exc: OSError) -> str:
    """What an OSError means, in the words of the rest of the interface."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def output_format(out: Path | None, given: str | None, by_suffix: Mapping[str, str], default: str) -> str:
    """The format to write: `--format`, else the one the output's suffix names, else the default.

    A `--format` that contradicts the suffix (`--format md -o x.html`) is refused, and so is an unknown
    suffix without `--format`: writing Markdown into `x.pdf` helps nobody."""
    suffix = out.suffix.lower() if out is not None else ""
    implied = by_suffix.get(suffix)
    if given and implied and given != implied:
        raise OutputError(f"--format {given} 与文件名 {out.name if out else ''} 的后缀 {suffix} 不符；"
                          "请去掉 --format 或改用相应的后缀")
    if given is None and suffix and implied is None:
        known = "、".join(sorted(by_suffix))
        raise OutputError(f"无法从后缀 {suffix} 判断输出格式（认识：{known}）；请用 --format 指定")
    return given or implied or default


def check_target(path: Path, force: bool) -> None:
    """Refuse, before any work is done, a target that cannot or may not be written."""
    folder = path.parent
    if not folder.exists():
        raise OutputError(f"{path}：文件夹 {folder} 不存在；请先创建它")
    if not folder.is_dir():
        raise OutputError(f"{path}：{folder} 不是文件夹")
    if path.is_dir():
        raise OutputError(f"{path} 是一个文件夹；请给出文件名")
    if os.path.lexists(path) and not force:
        raise OutputError(f"{path} 已存在；加 --force 覆盖")


def write_file(path: Path, data: str | bytes, force: bool = False) -> None:
    """Write one file atomically (see the module docstring)."""
    write_files([(path, data)], force)


def write_files(files: Sequence[tuple[Path, str | bytes]], force: bool = False) -> None:
    """Write several files as one change: every temporary file is written before any is put in place.

    Disk full, permissions and the like show up while writing the temporary files, so then nothing is
    changed. Should putting one in place still fail, the files this call created are removed again (a
    file replaced with `force` cannot be brought back)."""
    for path, _ in files:
        check_target(path, force)
    temps: list[Path] = []
    placed: list[Path] = []
    current = files[0][0] if files else Path()
    try:
        for current, data in files:
            temps.append(_write_temp(current, data.encode("utf-8") if isinstance(data, str) else data))
        for (current, _), tmp in zip(files, temps, strict=False):
            if _place(tmp, current, force):
                placed.append(current)
            _sync_folder(current.parent)
    except BaseException as exc:
        for path in placed:
            path.unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise
        raise OutputError(f"无法写入 {current}：{os_reason(exc)}") from None
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


def _write_temp(path: Path, data: bytes) -> Path:
    """A new file beside `path` holding `data`, flushed to disk, mode 0666 minus the umask."""
    while True:
        tmp = path.with_name(f".{path.name[:60]}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _place(tmp: Path, path: Path, force: bool) -> bool:
    """Move a written temporary file to its name; True if the name is new."""
    if force and os.path.lexists(path):
        try:
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        except OSError:
            pass  # a dangling link or an unreadable mode: the umask's mode is a fine default
        os.replace(tmp, path)
        return False
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputError(f"{path} 已存在；加 --force 覆盖") from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(path):  # no hard links here: check, then rename (a small window remains)
            raise OutputError(f"{path} 已存在；加 --force 覆盖") from None
        os.replace(tmp, path)
    return True


def _sync_folder(folder: Path) -> None:
    """Make a rename durable; file systems that cannot sync a folder are left alone."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # not supported here (some network and virtual file systems): the rename still happened
    finally:
        os.close(fd)


def write_atomic(path: Path, data: str | bytes) -> None:
    """A cache's built file: a temporary sibling, then a rename over whatever was there (the folder is
    made if missing; caches are rebuilt at will, so no `force` and no clobber check)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp(path, data.encode("utf-8") if isinstance(data, str) else data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def replace_dir_atomic(build: Path, target: Path) -> None:
    """Swap a freshly built folder into place (the old one removed after the swap)."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(build, target)
    shutil.rmtree(old, ignore_errors=True)
