"""The first index build's shortcuts give what the long way gave: jieba's dictionary cut to the corpus
segments like the whole one, the streamed vectors are the pickled ones, the side process's neighbours
are the ones found in the build's own process."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

from assistant.lang import prepare
from assistant.lang.sounds import cached_readings, character_readings
from assistant.lang.tokenizer import _BLOCK, _full_tokenizer, _import_jieba
from assistant.lang.vectors import _package_model, _pickled_lines, load_vectors, neighbour_table
from assistant.workspace import Workspace
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


def test_side_process_finds_the_neighbours_the_build_would(workspace: Workspace, tmp_path: Path) -> None:
    vocabulary, stop = {"处罚", "泄露", "泄密", "考试", "考点", "场地"}, {"的"}
    out = tmp_path / "neighbours.json"
    process = prepare.start(workspace.cache_root)
    prepare.ask(process, vocabulary, stop, out)
    prepare.finish(process)
    here = neighbour_table(vocabulary, stop, load_vectors(workspace.cache_root / "vectors"))
    assert out.exists() and prepare.neighbours(workspace.cache_root, vocabulary, stop, out) == here
    assert here["罚款"][0] == "处罚"


def test_side_process_never_asked_ends(workspace: Workspace) -> None:
    process = prepare.start(workspace.cache_root)
    prepare.finish(process)  # an interrupted build: it parses (or finds) the vectors and ends
    assert process is not None and process.returncode == 0


def test_readings_kept_per_machine_are_pypinyins(tmp_path: Path) -> None:
    made = cached_readings(tmp_path)
    assert made == list(character_readings()) == cached_readings(tmp_path)  # the second read from the file
    (next(tmp_path.glob("readings-*.tsv"))).write_text("档\tdan\n", encoding="utf-8")  # cut short: made again
    assert cached_readings(tmp_path) == made
