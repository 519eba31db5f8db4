"""Settings are passed in: two workspaces over different corpora answer side by side in one process,
and only the entry points read the environment."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from assistant.engine import Engine
from assistant.workspace import Workspace, default_cache_root
from kg.corpus import embedded_corpus_dir

REPO = Path(__file__).resolve().parents[2]


def _small_corpus(folder: Path) -> Path:
    """A corpus of the 池州 document alone, with a place name the embedded gazetteer does not list."""
    folder.mkdir()
    for path in embedded_corpus_dir().glob("001_*"):
        shutil.copy(path, folder / path.name)
    (folder / "places.yaml").write_text("counties:\n  测试县: 池州\n", encoding="utf-8")
    return folder


def test_two_workspaces_over_different_corpora_answer_side_by_side(tmp_path: Path, workspace: Workspace) -> None:
    small = Workspace(_small_corpus(tmp_path / "corpus"), tmp_path / "cache")
    big_engine, small_engine = Engine.open(workspace), Engine.open(small)
    assert len(small.corpus.documents) == 1 and len(workspace.corpus.documents) == 6
    assert small.corpus.folder == tmp_path / "corpus"
    assert small_engine.ask("外部考点条件").citations == [] or all(
        c.doc_id == "chizhou-2024-4" for c in small_engine.ask("外部考点条件").citations)
    assert big_engine.ask("外部考点条件").citations[0].doc_id == "suqian-2022-36"
    # each corpus's own gazetteer: the county is a place in the small workspace only
    assert small.places.scope("测试县的评价机构").jurisdictions == ["池州市"]
    assert workspace.places.scope("测试县的评价机构").jurisdictions == []


def test_settings_come_from_flags_then_environment_then_defaults(tmp_path: Path) -> None:
    env = {"POLICYKG_CORPUS": str(tmp_path / "env-corpus"), "POLICYKG_CACHE": str(tmp_path / "env-cache")}
    ws = Workspace.from_settings(env, corpus=str(tmp_path / "flag-corpus"))
    assert ws.corpus_dir == tmp_path / "flag-corpus" and ws.cache_root == tmp_path / "env-cache"
    assert Workspace.from_settings({}).corpus_dir == embedded_corpus_dir()
    assert default_cache_root({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "policykg"


def test_no_library_module_reads_the_environment() -> None:
    """Only the entry points (the command line and the terminal app: NO_COLOR, a clipboard file) read
    os.environ; the workspace reads the mapping it is given, and kg and the pipeline never do."""
    found = subprocess.run(["grep", "-rln", "os.environ", "kg", "assistant", "--include=*.py"],
                           cwd=REPO, capture_output=True, text=True).stdout.split()
    faces = ("assistant/cli.py", "assistant/commands/", "assistant/tui/")
    assert found and all(f.startswith(faces) for f in found), found
