"""Files a user asks for are written whole, shareable, never over another file unless forced."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import files
from kg.files import OutputError, output_format, write_file, write_files


@pytest.fixture()
def umask() -> Iterator[None]:
    """Run with the common umask 022, restored afterwards."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_gets_the_umask_permissions(tmp_path: Path, umask: None) -> None:
    write_file(tmp_path / "a.ttl", "x")
    assert _mode(tmp_path / "a.ttl") == 0o644
    os.umask(0o027)
    write_file(tmp_path / "b.ttl", "x")
    assert _mode(tmp_path / "b.ttl") == 0o640


def test_existing_file_is_kept_unless_forced_and_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    out = tmp_path / "a.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o664)
    with pytest.raises(OutputError, match="已存在；加 --force 覆盖"):
        write_file(out, "new")
    assert out.read_text(encoding="utf-8") == "old"
    write_file(out, "new", force=True)
    assert out.read_text(encoding="utf-8") == "new" and _mode(out) == 0o664
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_a_dangling_link_is_an_existing_name(tmp_path: Path) -> None:
    (tmp_path / "link.md").symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputError, match="已存在"):
        write_file(tmp_path / "link.md", "x")
    assert not (tmp_path / "nowhere").exists()


def test_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="文件夹 .*不存在"):
        write_file(tmp_path / "reprots" / "a.md", "x")
    assert not (tmp_path / "reprots").exists()


def test_a_folder_is_not_a_file_even_with_force(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(OutputError, match="是一个文件夹"):
        write_file(tmp_path / "out", "x", force=True)
    assert (tmp_path / "out").is_dir()


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OutputError, match="磁盘空间不足"):
        write_file(tmp_path / "a.md", "x" * 10_000)
    assert list(tmp_path.iterdir()) == []


def test_two_files_are_added_both_or_neither(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_link, calls = os.link, []

    def second_fails(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "I/O error")
        real_link(src, dst)

    monkeypatch.setattr(files.os, "link", second_fails)
    with pytest.raises(OutputError, match="b.meta.yaml"):
        write_files([(tmp_path / "b.txt", "text"), (tmp_path / "b.meta.yaml", "meta")])
    assert list(tmp_path.iterdir()) == []


def test_a_file_created_meanwhile_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The no-clobber check is the same system call that places the file, not an earlier look."""
    out, real = tmp_path / "a.md", files._write_temp

    def someone_else_writes_first(path: Path, data: bytes) -> Path:
        tmp = real(path, data)
        out.write_text("theirs", encoding="utf-8")
        return tmp

    monkeypatch.setattr(files, "_write_temp", someone_else_writes_first)
    with pytest.raises(OutputError, match="已存在"):
        write_file(out, "ours")
    assert out.read_text(encoding="utf-8") == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


@pytest.mark.parametrize(("out", "given", "expected"), [
    ("b.html", None, "html"), ("b.HTM", None, "html"), ("b.md", None, "md"), ("b", None, "md"),
    (None, None, "md"), (None, "html", "html"), ("b.html", "html", "html"), ("notes.txt", "md", "md"),
])
def test_format_follows_the_suffix(out: str | None, given: str | None, expected: str) -> None:
    suffixes = {".md": "md", ".html": "html", ".htm": "html"}
    assert output_format(Path(out) if out else None, given, suffixes, "md") == expected


def test_format_clash_and_unknown_suffix_are_refused() -> None:
    suffixes = {".md": "md", ".html": "html"}
    with pytest.raises(OutputError, match="不符"):
        output_format(Path("b.html"), "md", suffixes, "md")
    with pytest.raises(OutputError, match="无法从后缀 .pdf 判断"):
        output_format(Path("b.pdf"), None, suffixes, "md")
