"""A retriever over the shipped corpus plus some documents of the unseen batches: how ranking tests see a
document a regulator adds today (no phrasings, no lexicon entries of its own)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.evaluation.added import unseen_corpus
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace

QUERIES = Path(__file__).resolve().parents[2] / "queries"


@pytest.fixture(scope="session")
def added_retriever(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path,
                    session_cache: Path) -> Callable[[str, str], Retriever]:
    """`make(batch, pattern)`: the shipped documents plus the files of queries/BATCH/corpus matching PATTERN."""
    def make(batch: str, pattern: str) -> Retriever:
        only = tmp_path_factory.mktemp("added")
        for path in (QUERIES / batch / "corpus").glob(pattern):
            shutil.copyfile(path, only / path.name)
        folder = unseen_corpus(corpus_dir, only, tmp_path_factory.mktemp("corpus") / "corpus")
        return Retriever.open(Workspace(folder, session_cache))

    return make
