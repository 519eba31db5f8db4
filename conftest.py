"""Shared fixtures: caches kept off the user's machine, the real corpus parsed once."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kg.corpus import embedded_corpus_dir
from kg.models import Corpus

if TYPE_CHECKING:
    from assistant.workspace import Workspace
from kg.parse import parse_corpus

REPO = Path(__file__).resolve().parent
pytest_plugins = ["tests.assistant.tui_fixtures",  # Pilot helpers for the TUI tests
                  "tests.assistant.added_fixtures"]  # the shipped corpus plus added documents


_SAVED: dict[str, str | None] = {}


def pytest_configure(config: pytest.Config) -> None:
    """One cache folder for the whole run, set before collection: test modules that read data files at
    import (scenario lists, gold sets) must not write the user's ~/.cache either."""
    for key in ("POLICYKG_CACHE", "POLICYKG_CORPUS", "POLICYKG_DATA"):
        _SAVED[key] = os.environ.get(key)
    os.environ["POLICYKG_CACHE"] = tempfile.mkdtemp(prefix="policykg-test-cache-")
    from kg.datafiles import keep_package_copies_in

    keep_package_copies_in(Path(os.environ["POLICYKG_CACHE"]) / "yaml")
    os.environ.pop("POLICYKG_CORPUS", None)
    os.environ["POLICYKG_DATA"] = os.path.join(os.environ["POLICYKG_CACHE"], "user-data")  # never the user's corpus
    try:
        from hypothesis.configuration import set_hypothesis_home_dir
    except ImportError:
        return
    # Hypothesis keeps caches in ./.hypothesis even without an example database: not in the checkout
    set_hypothesis_home_dir(Path(os.environ["POLICYKG_CACHE"]) / "hypothesis")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.get("POLICYKG_CACHE", ""), ignore_errors=True)
    for key, value in _SAVED.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def session_cache() -> Path:
    """The run's cache folder, so expensive builds happen once."""
    return Path(os.environ["POLICYKG_CACHE"])


@pytest.fixture(autouse=True)
def _isolated_cache(session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the user's ~/.cache during tests."""
    monkeypatch.setenv("POLICYKG_CACHE", str(session_cache))
    monkeypatch.delenv("POLICYKG_CORPUS", raising=False)
    monkeypatch.setenv("POLICYKG_DATA", str(session_cache / "user-data"))


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The embedded corpus, parsed once per test run."""
    return parse_corpus(embedded_corpus_dir())


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return embedded_corpus_dir()


@pytest.fixture(scope="session")
def workspace(session_cache: Path) -> Workspace:
    """The embedded corpus in the run's cache: what `policykg` uses by default, off the user's machine."""
    from assistant.workspace import Workspace

    return Workspace(embedded_corpus_dir(), session_cache)


@pytest.fixture()
def corpus_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty corpus folder the command line is pointed at (ingest --add writes there, never elsewhere)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    monkeypatch.setenv("POLICYKG_CORPUS", str(folder))
    return folder
