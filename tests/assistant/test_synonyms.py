"""Thesaurus synonyms and vector neighbours: cut to the corpus, used for words the corpus does not use,
never an answer alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.lang.synonyms import MAX_GROUP, Synonyms, build_table, thesaurus_groups, write_table
from assistant.lang.vectors import load_vectors, neighbour_table
from assistant.search.query import understand
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace


def test_table_maps_only_words_the_corpus_lacks_into_corpus_words() -> None:
    groups = [["检举", "举报", "告发"], ["期限", "时限"], ["甲乙"] + [f"词{i}" for i in range(MAX_GROUP)], ["的话", "举报"]]
    table = build_table(groups, vocabulary={"举报", "期限", "词1"}, stopwords={"的话"})
    assert table == {"检举": ["举报"], "告发": ["举报"], "时限": ["期限"]}  # the oversized group is skipped


def test_thesaurus_ships_with_the_package() -> None:
    groups = list(thesaurus_groups())
    assert len(groups) > 5000
    assert any("检举" in g and "举报" in g for g in groups)


def test_found_in_finds_every_table_word() -> None:
    syn = Synonyms({"检举": ["举报"], "检举人": ["举报人"], "外泄": ["泄露"]})
    assert syn.found_in("有检举人说试题外泄") == {"检举": ["举报"], "检举人": ["举报人"], "外泄": ["泄露"]}


@pytest.fixture(scope="module")
def retriever(workspace: Workspace) -> Retriever:
    return Retriever.open(workspace)


def test_sqlite_table_answers_like_the_dict(tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = {"检举": ["举报"], "外泄": ["泄露", "泄密"]}
    folder = tmp_path / "Application Support #1"  # a cache folder with characters a URI must escape
    folder.mkdir()
    write_table(folder / "syn.sqlite", table, {"有人"})
    stored = Synonyms(path=folder / "syn.sqlite")
    assert stored.found_in("有人检举试题外泄") == {"有人": [], "检举": ["举报"], "外泄": ["泄露", "泄密"]}
    assert stored.found_in("abc") == {}


def test_vector_neighbours_are_corpus_words_close_in_meaning(retriever: Retriever) -> None:
    vectors = load_vectors(retriever.ws.cache_root / "vectors")
    assert vectors is not None and len(vectors[0]) > 50000
    vocabulary = {w for w, f in retriever.tok.vocabulary().items() if f}
    table = neighbour_table(vocabulary, set(), vectors)
    assert set(table["泄漏"]) & {"泄露", "泄密"}
    assert all(t in vocabulary for targets in table.values() for t in targets)
    assert not set(table) & vocabulary


def test_index_carries_the_table_and_a_question_borrows_from_it(retriever: Retriever) -> None:
    assert "举报" in retriever.synonyms.found_in("检举")["检举"]
    assert retriever.synonyms.found_in("有人") == {"有人": []}  # a known word: not a typo of 法人
    query = understand("有人检举了我们机构，谁来查", retriever.tok, retriever.repairer, retriever.ws.lexicon, retriever.synonyms)
    assert "举报" in query.synonyms
    assert "检举" not in query.repairs and "有人" not in query.repairs  # known words are not typos (检查, 法人)
    top = retriever.search("有人检举了我们机构，谁来查").hits[:3]
    assert any("举报" in retriever.corpus.unit(h.unit_id).text for h in top)


def test_thesaurus_guess_alone_is_not_an_answer(retriever: Retriever) -> None:
    """今天 and 现行 share a thesaurus group; a weather question must still find nothing."""
    result = retriever.search("今天天气怎么样")
    assert "现行" in result.query.synonyms
    assert result.hits == []


def test_damaged_vector_cache_is_parsed_again(tmp_path: Path) -> None:
    words, matrix = load_vectors(tmp_path / "vectors")  # type: ignore[misc]
    cached = next((tmp_path / "vectors").glob("matrix-*.npy"))
    cached.write_bytes(cached.read_bytes()[:1000])
    again = load_vectors(tmp_path / "vectors")
    assert again is not None and again[1].shape == matrix.shape and again[0] == words
