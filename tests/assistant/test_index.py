"""A missing, half-built or corrupt index is rebuilt, never trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.search.index import index_dir
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
from kg.corpus import embedded_corpus_dir


@pytest.fixture()
def fresh(tmp_path: Path) -> Workspace:
    """The embedded corpus with an empty cache of its own."""
    return Workspace(embedded_corpus_dir(), tmp_path)


def _works(fresh: Workspace) -> bool:
    hits = Retriever.open(fresh).search("桌距").hits
    return bool(hits) and hits[0].unit_id == "suqian-2022-36/art_8"


def test_missing_index_is_built_with_progress(fresh: Workspace) -> None:
    said: list[str] = []
    Retriever.open(fresh, progress=said.append)
    assert any("建立索引" in m for m in said)
    assert (index_dir(fresh) / "ready.json").exists()


def test_unfinished_build_is_rebuilt(fresh: Workspace) -> None:
    Retriever.open(fresh)
    (index_dir(fresh) / "ready.json").unlink()
    said: list[str] = []
    Retriever.open(fresh, progress=said.append)
    assert said and _works(fresh)


def test_corrupt_index_is_rebuilt(fresh: Workspace) -> None:
    Retriever.open(fresh)
    for toc in index_dir(fresh).glob("*.toc"):
        toc.write_bytes(b"garbage")
    assert _works(fresh)


@pytest.mark.parametrize("source", ["lexicon", "phrasings"])
def test_index_built_from_other_data_is_rebuilt(fresh: Workspace, source: str) -> None:
    """The marker names the lexicon and phrasings an index was built from; when they change, it is rebuilt."""
    Retriever.open(fresh)
    marker = index_dir(fresh) / "ready.json"
    marker.write_text(marker.read_text().replace(f'"{source}": "', f'"{source}": "old'))
    said: list[str] = []
    Retriever.open(fresh, progress=said.append)
    assert said


@pytest.mark.parametrize("name", ["words.dict", "synonyms.sqlite", "phrases.sqlite"])
def test_index_missing_a_file_built_beside_it_is_rebuilt(fresh: Workspace, name: str) -> None:
    Retriever.open(fresh)
    (index_dir(fresh) / name).unlink()
    said: list[str] = []
    Retriever.open(fresh, progress=said.append)
    assert said and (index_dir(fresh) / name).exists() and _works(fresh)


def test_damaged_synonym_table_is_rebuilt(fresh: Workspace) -> None:
    Retriever.open(fresh)
    (index_dir(fresh) / "synonyms.sqlite").write_bytes(b"not a database" * 100)
    said: list[str] = []
    retriever = Retriever.open(fresh, progress=said.append)
    assert said and "举报" in retriever.synonyms.found_in("检举").get("检举", [])
