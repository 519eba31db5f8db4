"""Phrasings: data about how people ask for a unit, indexed beside it, never cited in its place."""

from __future__ import annotations

from pathlib import Path

import pytest

import assistant.search.phrasings as ph
from assistant.search.query import understand
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
from kg.errors import CorpusError
from kg.models import Corpus


def test_every_phrased_unit_is_a_unit_of_the_corpus(corpus: Corpus) -> None:
    assert ph.phrasings(), "the shipped phrasings are missing"
    assert ph.unknown_units(corpus) == []


def test_phrasings_are_those_of_shipped_documents(corpus: Corpus) -> None:
    """Phrasings are optional (a document added without them is searched by its own words, and `ingest`
    warns that it has none); those shipped belong to the shipped documents."""
    phrased = {unit_id.split("/", 1)[0] for unit_id in ph.phrasings()}
    assert phrased <= {d.meta.id for d in corpus.documents}


def test_phrases_are_short_and_not_the_clause_quoted(corpus: Corpus) -> None:
    """Phrases add other words for a clause: a phrase that is the clause's own text adds nothing."""
    for unit_id, phrases in ph.phrasings().items():
        text = corpus.unit(unit_id).text
        for phrase in phrases:
            assert 2 <= len(phrase) <= 40, (unit_id, phrase)
            assert not (len(phrase) >= 4 and phrase in text), (unit_id, phrase)


def test_the_files_read_without_yaml_as_yaml_reads_them() -> None:
    """Phrasings are read line by line (YAML was a quarter of the 100x build); the result must be YAML's."""
    import yaml

    for path in ph.files(ph.FOLDER):
        text = path.read_text(encoding="utf-8")
        assert ph.read_lines(text) == yaml.safe_load(text), path
    assert ph.read_lines("a/b: [60, 年]") is None and ph.read_lines("a/b: [x: y]") is None  # YAML decides these


def test_malformed_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    for text, error in [("suqian-2022-36/art_8: [座位间隔\n", CorpusError),
                        ("suqian-2022-36/art_8: 座位间隔\n", ph.PhrasingsError)]:
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(error, match="bad.yaml.*(YAML|suqian-2022-36/art_8：不是说法列表)"):
            ph.phrasings(tmp_path)


def test_a_folder_whose_files_change_is_read_again(tmp_path: Path) -> None:
    """Leave-one-out evaluation rewrites one folder between builds: a cache keyed on the path alone would
    have kept the left-out document's phrasings in every build after the first."""
    (tmp_path / "a.yaml").write_text("suqian-2022-36/art_8: [座位间隔]\n", encoding="utf-8")
    assert ph.phrasings(tmp_path) == {"suqian-2022-36/art_8": ("座位间隔",)}
    (tmp_path / "a.yaml").unlink()
    assert ph.phrasings(tmp_path) == {}


def test_a_phrasing_finds_a_clause_that_shares_no_word_with_the_question(corpus: Corpus, workspace: Workspace) -> None:
    """A word only the phrasings hold reaches the clause through its own field; the cited text is the
    clause's, and the highlighted words are words of that text."""
    retriever = Retriever.open(workspace)
    word = _word_only_in_phrasings(retriever)
    hits = retriever.search(word).hits
    assert hits, word
    phrased_units = [u for u, phrases in ph.phrasings().items() if any(word in p for p in phrases)]
    assert any(hits[0].unit_id == u or u.startswith(hits[0].unit_id + "/") for u in phrased_units)
    assert all(t in corpus.unit(hits[0].unit_id).text for t in hits[0].matched_terms)


def _word_only_in_phrasings(retriever: Retriever) -> str:
    """A phrasing word held by one unit's phrasings and by no clause text (found, not hard-coded)."""
    counts: dict[str, int] = {}
    for phrases in ph.phrasings().values():
        for word in {w for p in phrases for w in retriever.tok.tokens(p) if len(w) >= 3}:
            counts[word] = counts.get(word, 0) + 1
    for word in sorted(counts):
        if counts[word] == 1 and not retriever.doc_frequency("body", word) and not retriever.doc_frequency("context", word):
            query = understand(word, retriever.tok, retriever.repairer, retriever.ws.lexicon, retriever.synonyms)
            if query.terms == [word] and not query.repairs and not query.expansions:
                return word
    raise AssertionError("no phrasing word is absent from the clauses")


def test_a_phrasings_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    from assistant.workspace import SettingsError

    with pytest.raises(SettingsError, match="POLICYKG_PHRASINGS=.*不是文件夹"):
        Workspace.from_settings({"POLICYKG_PHRASINGS": str(tmp_path / "missing")})
