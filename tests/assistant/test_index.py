"""A missing, half-built or corrupt index is rebuilt, never trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.search.index import index_dir
from assistant.search.retriever import Retriever
from kg.models import Corpus


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLICYKG_CACHE", str(tmp_path))
    return tmp_path


def _works(corpus: Corpus) -> bool:
    hits = Retriever.open(corpus).search("桌距").hits
    return bool(hits) and hits[0].unit_id == "suqian-2022-36/art_8"


def test_missing_index_is_built_with_progress(corpus: Corpus, fresh_cache: Path) -> None:
    said: list[str] = []
    Retriever.open(corpus, progress=said.append)
    assert any("建立索引" in m for m in said)
    assert (index_dir(corpus) / "ready.json").exists()


def test_unfinished_build_is_rebuilt(corpus: Corpus, fresh_cache: Path) -> None:
    Retriever.open(corpus)
    (index_dir(corpus) / "ready.json").unlink()
    said: list[str] = []
    Retriever.open(corpus, progress=said.append)
    assert said and _works(corpus)


def test_corrupt_index_is_rebuilt(corpus: Corpus, fresh_cache: Path) -> None:
    Retriever.open(corpus)
    for toc in index_dir(corpus).glob("*.toc"):
        toc.write_bytes(b"garbage")
    assert _works(corpus)


@pytest.mark.parametrize("source", ["lexicon", "phrasings"])
def test_index_built_from_other_data_is_rebuilt(corpus: Corpus, fresh_cache: Path, source: str) -> None:
    """The marker names the lexicon and phrasings an index was built from; when they change, it is rebuilt."""
    Retriever.open(corpus)
    marker = index_dir(corpus) / "ready.json"
    marker.write_text(marker.read_text().replace(f'"{source}": "', f'"{source}": "old'))
    said: list[str] = []
    Retriever.open(corpus, progress=said.append)
    assert said


@pytest.mark.parametrize("name", ["words.dict", "synonyms.sqlite", "phrases.sqlite"])
def test_index_missing_a_file_built_beside_it_is_rebuilt(corpus: Corpus, fresh_cache: Path, name: str) -> None:
    Retriever.open(corpus)
    (index_dir(corpus) / name).unlink()
    said: list[str] = []
    Retriever.open(corpus, progress=said.append)
    assert said and (index_dir(corpus) / name).exists() and _works(corpus)


def test_damaged_synonym_table_is_rebuilt(corpus: Corpus, fresh_cache: Path) -> None:
    Retriever.open(corpus)
    (index_dir(corpus) / "synonyms.sqlite").write_bytes(b"not a database" * 100)
    said: list[str] = []
    retriever = Retriever.open(corpus, progress=said.append)
    assert said and "举报" in retriever.synonyms.found_in("检举").get("检举", [])
