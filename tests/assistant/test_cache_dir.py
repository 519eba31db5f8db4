"""A cache that cannot be written is not a traceback; concurrent cold builds build once; a build killed
half-way is repaired by the next run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.search.index import index_dir
from assistant.search.retriever import Retriever
from assistant.workspace import SettingsError, Workspace, usable_cache_root
from kg.corpus import embedded_corpus_dir

REPO = Path(__file__).resolve().parents[2]


def _policykg(args: list[str], cache: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYKG_CACHE": cache}
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def test_a_cache_path_that_is_a_file_falls_back_with_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    said: list[str] = []
    root = usable_cache_root(blocker / "cache", said.append)
    assert root != blocker / "cache" and root.is_dir() and len(said) == 1 and "不可写" in said[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_falls_back(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        said: list[str] = []
        assert usable_cache_root(ro / "cache", said.append) != ro / "cache" and said
    finally:
        ro.chmod(0o700)


def test_show_with_an_unusable_cache_answers_and_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = _policykg(["show", "宿迁", "第九条"], str(blocker / "cache"))
    assert done.returncode == 0 and "第九条" in done.stdout
    assert "Traceback" not in done.stderr and "不可写" in done.stderr


def test_no_usable_folder_at_all_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(blocker))
    with pytest.raises(SettingsError, match="POLICYKG_CACHE"):
        usable_cache_root(blocker / "cache", lambda _m: None)


def test_two_processes_on_a_cold_cache_build_once_and_both_answer(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    env = {**os.environ, "POLICYKG_CACHE": cache}
    procs = [subprocess.Popen([sys.executable, "-m", "assistant", "ask", "外部考点条件"], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert all(p.returncode == 0 for p in procs) and all("第九条" in out for out, _ in outs)
    built = sum("索引已建立" in err for _, err in outs)
    assert built == 1, [err for _, err in outs]


def test_a_build_killed_half_way_is_repaired(tmp_path: Path) -> None:
    ws = Workspace(embedded_corpus_dir(), tmp_path)
    path = index_dir(ws)
    half = path.with_name(path.name + ".building")  # what a killed build leaves: a folder without a marker
    half.mkdir(parents=True)
    (half / "words.dict").write_text("半", encoding="utf-8")
    said: list[str] = []
    retriever = Retriever.open(ws, progress=said.append)
    assert said and retriever.search("桌距").hits and not half.exists()
