"""Exporting a briefing from the workspace: written atomically with the umask's permissions, and a
second export asks whether to overwrite or to write under a free name."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from assistant.tui.app import make_app
from assistant.tui.export import Overwrite, free_name, write_file


def test_write_file_is_atomic_and_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_file(tmp_path / "a.html", "<p>简报</p>")
    finally:
        os.umask(old)
    path = tmp_path / "a.html"
    assert path.read_text(encoding="utf-8") == "<p>简报</p>"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.html"]  # no temporary file left


def test_free_name_counts_up(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("x")
    (tmp_path / "b-2.html").write_text("x")
    assert free_name(tmp_path / "b.html") == tmp_path / "b-3.html"


async def test_f2_twice_asks_then_overwrites_or_renames(fresh: Any, ask: Any, settle: Any, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "各地公示期有什么不同")
        await pilot.press("f2")
        await settle(app, pilot)
        first = tmp_path / "policykg-简报-公示期.html"
        assert first.exists() and "<section>" in first.read_text(encoding="utf-8")
        first.write_text("old", encoding="utf-8")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, Overwrite)
        await pilot.press("n")
        await settle(app, pilot)
        assert (tmp_path / "policykg-简报-公示期-2.html").exists() and first.read_text(encoding="utf-8") == "old"
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert first.read_text(encoding="utf-8") != "old"
        assert "已导出" in app.query_one("#notice").message


async def test_the_palette_exports_word_too(fresh: Any, settle: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        next(action for label, action, _ in app.palette_entries() if label == "导出简报（Word）：档案保存")()
        await settle(app, pilot)
        assert (tmp_path / "policykg-简报-档案保存.docx").read_bytes()[:2] == b"PK"
