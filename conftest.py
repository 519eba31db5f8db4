"""Shared fixtures: caches kept off the user's machine, the real corpus parsed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.corpus import default_corpus_dir
from kg.models import Corpus
from kg.parse import parse_corpus

REPO = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole run, so expensive builds happen once."""
    return tmp_path_factory.mktemp("policykg-cache")


@pytest.fixture(autouse=True)
def _isolated_cache(session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the user's ~/.cache during tests."""
    monkeypatch.setenv("POLICYKG_CACHE", str(session_cache))
    monkeypatch.delenv("POLICYKG_CORPUS", raising=False)


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The embedded corpus, parsed once per test run."""
    return parse_corpus(default_corpus_dir())


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return default_corpus_dir()
