"""The first index build's shortcuts give what the long way gave: jieba's dictionary cut to the corpus
segments like the whole one, the streamed vectors are the pickled ones, the side process's synonym table
is the one the build's own process writes, its facts the ones the build extracts, and the shipped neighbour lists and readings give the
tables the installed packages give."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

from assistant.lang import prepare
from assistant.lang.sounds import cached_readings, character_readings
from assistant.lang.tokenizer import _BLOCK, _full_tokenizer, _import_jieba
from assistant.lang.vectors import (
    _package_model,
    _pickled_lines,
    load_vectors,
    neighbour_table,
    neighbours_from_lists,
    shipped_neighbours,
    vector_words,
)
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
from kg.cache import rules_fingerprint
from kg.extract import extract_all
from kg.facts import FactSet
from kg.models import Corpus


def test_cut_dictionary_segments_the_corpus_like_the_whole_one(corpus: Corpus) -> None:
    blocks = list(dict.fromkeys(b for u in corpus.units()[:400] for b in _BLOCK.findall(u.text)))
    whole = _import_jieba().Tokenizer()
    cut = _full_tokenizer(blocks, ["外部考点", "考评员"])
    for word in ["外部考点", "考评员"]:
        whole.add_word(word, freq=2000)
        cut.add_word(word, freq=2000)
    assert cut.total == whole.total
    for block in blocks:
        assert list(cut.cut_for_search(block)) == list(whole.cut_for_search(block)), block


def test_streamed_vector_lines_are_the_pickled_ones() -> None:
    model = _package_model()
    assert model is not None
    with gzip.open(model, "rb") as f:
        streamed = list(_pickled_lines(f) or [])
    with gzip.open(model, "rb") as f:
        pickled = pickle.load(f)[0]  # noqa: S301 - data shipped inside an installed package
    assert len(streamed) > 50000 and streamed == pickled


def test_side_process_writes_the_table_the_build_would(workspace: Workspace, tmp_path: Path) -> None:
    vocabulary, stop = {"处罚", "泄露", "泄密", "考试", "考点", "场地"}, {"的"}
    out, here = tmp_path / "side.sqlite", tmp_path / "here.sqlite"
    process = prepare.start(workspace.cache_root)
    prepare.ask(process, vocabulary, stop, out)
    prepare.finish(process)
    assert process is not None and process.returncode == 0
    prepare.write_synonym_table(here, vocabulary, stop, workspace.cache_root)
    assert _rows(out) == _rows(here)
    assert neighbour_table(vocabulary, stop, load_vectors(workspace.cache_root / "vectors"))["罚款"][0] == "处罚"
    assert _rows(out)["syn"]["罚款"].split(" ")[0] == "处罚" and len(_rows(out)["sound"]) > 10000


def test_side_process_extracts_the_facts_the_build_would(workspace: Workspace, tmp_path: Path) -> None:
    ws = workspace.with_cache_root(tmp_path)
    corpus = ws.corpus  # the build parses the corpus into the cache before it starts the process
    process = prepare.start(tmp_path, ws.corpus_dir)
    prepare.facts_ready(process)
    written = tmp_path / corpus.fingerprint / f"facts-{rules_fingerprint()}.json"
    assert written.exists() and FactSet.model_validate_json(written.read_bytes()) == extract_all(corpus)
    prepare.finish(process)
    assert process is not None and process.returncode == 0


def _rows(path: Path) -> dict[str, dict[str, str]]:
    """Every row of a synonym table file, table by table."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return {name: dict(con.execute(f"SELECT * FROM {name}").fetchall()) for name in ("syn", "sound")}
    finally:
        con.close()


def test_side_process_never_asked_ends(workspace: Workspace) -> None:
    process = prepare.start(workspace.cache_root)
    prepare.finish(process)  # an interrupted build: it parses (or finds) the vectors and ends
    assert process is not None and process.returncode == 0


def test_readings_kept_per_machine_are_pypinyins(tmp_path: Path) -> None:
    made = cached_readings(tmp_path, shipped=None)
    assert made == list(character_readings()) == cached_readings(tmp_path, shipped=None)  # read from the file
    (next(tmp_path.glob("readings-*.tsv"))).write_text("档\tdan\n", encoding="utf-8")  # cut short: made again
    assert cached_readings(tmp_path, shipped=None) == made


def test_shipped_readings_are_pypinyins(tmp_path: Path) -> None:
    assert cached_readings(tmp_path) == list(character_readings())
    assert not list(tmp_path.iterdir())  # nothing made per machine
    stale = tmp_path / "readings.tsv"
    stale.write_text("#pypinyin 0.0.1\n档\tdan\n", encoding="utf-8")  # made from another version: not read
    assert cached_readings(tmp_path, shipped=stale) == list(character_readings())


def test_shipped_neighbour_lists_give_the_comparisons_table(workspace: Workspace) -> None:
    """The corpus's own words, and every other one of them (another corpus: other targets, other keys)."""
    lists = shipped_neighbours()
    assert lists is not None, "assistant/data/vector_neighbours.xz is stale: run scripts/make_word_tables.py"
    vectors = load_vectors(workspace.cache_root / "vectors")
    assert vectors is not None and set(vector_words(workspace.cache_root / "vectors")) == set(vectors[0])
    vocabulary = {w for w, f in Retriever.open(workspace).tok.vocabulary().items() if f}
    stop = set(workspace.lexicon.stopwords)
    for words in (vocabulary, set(sorted(vocabulary)[::2])):
        table = neighbours_from_lists(words, stop, lists)
        assert table == neighbour_table(words, stop, vectors) and len(table) > 1000


def test_neighbour_lists_read_from_their_copy_in_the_cache(tmp_path: Path) -> None:
    """The first read leaves an uncompressed copy in the cache's vectors folder; later builds (a document added)
    read that copy and get the same lists; a damaged copy is passed over, never trusted."""
    import numpy as np

    shipped = shipped_neighbours()
    assert shipped is not None
    first = shipped_neighbours(tmp_path)
    copies = list(tmp_path.glob("neighbours-*.bin"))
    assert first is not None and len(copies) == 1
    again = shipped_neighbours(tmp_path)
    for lists in (first, again):
        assert lists is not None and lists.words == shipped.words
        assert np.array_equal(lists.lengths, shipped.lengths) and np.array_equal(lists.near, shipped.near)
    copies[0].write_bytes(copies[0].read_bytes()[:-10])  # cut short
    damaged = shipped_neighbours(tmp_path)
    assert damaged is not None and np.array_equal(damaged.near, shipped.near)
