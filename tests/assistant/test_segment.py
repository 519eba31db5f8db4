"""The direct segment writer produces what whoosh's own writer produces from the same documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as windex

from assistant.lang.lexicon import load_lexicon
from assistant.lang.text import normalize, numbers_to_arabic
from assistant.lang.tokenizer import Tokenizer, build_dictionary
from assistant.search.index import _document, _schema, fact_tags, indexed_units
from assistant.search.segment import WordSegmentWriter
from kg.extract import extract_all
from kg.models import Corpus


@pytest.fixture(scope="module")
def documents(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    """The index documents of every indexed unit of the real corpus."""
    folder = tmp_path_factory.mktemp("dict")
    units = list(indexed_units(corpus))
    build_dictionary([numbers_to_arabic(normalize(u.text)) for u in units], load_lexicon().all_words(),
                     folder / "words.dict")
    tok = Tokenizer(folder / "words.dict")
    tags = fact_tags(corpus, extract_all(corpus))
    return [_document(tok, load_lexicon(), corpus, u, tags.get(u.id, [])) for u in units]


def _contents(path: Path) -> dict[str, Any]:
    """Everything a searcher reads: postings with weights and values, field lengths, stored fields."""
    ix = windex.open_dir(str(path))
    with ix.reader() as r:
        postings = {}
        for field, term in r.all_terms():
            postings[(field, term)] = list(zip(r.postings(field, term).all_ids(), _weights(r, field, term), strict=False))
        lengths = {(f, d): r.doc_field_length(d, f) for f in ix.schema.scorable_names() for d in r.all_doc_ids()}
        stored = [r.stored_fields(d) for d in r.all_doc_ids()]
        totals = {f: r.field_length(f) for f in ix.schema.scorable_names()}
    return {"postings": postings, "lengths": lengths, "stored": stored, "totals": totals, "count": ix.doc_count()}


def _weights(reader: Any, field: str, term: bytes) -> list[tuple[float, bytes]]:
    m = reader.postings(field, term)
    out = []
    while m.is_active():
        out.append((m.weight(), m.value()))
        m.next()
    return out


@pytest.mark.parametrize("vectorised", [False, True], ids=["lists", "numpy"])
def test_same_index_as_whoosh_writer(documents: list[dict[str, str]], tmp_path: Path, vectorised: bool) -> None:
    """Both ways of grouping the postings (plain lists for a small corpus, numpy past VECTORISED documents)
    write what whoosh's own writer writes."""
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    writer = WordSegmentWriter(windex.create_in(str(ours), _schema()), vectorised=vectorised)
    for doc in documents:
        writer.add_words(doc)
    writer.commit()
    with windex.create_in(str(theirs), _schema()).writer() as w:
        for doc in documents:
            w.add_document(**doc)
    a, b = _contents(ours), _contents(theirs)
    assert a["count"] == b["count"] == len(documents)
    assert a["postings"].keys() == b["postings"].keys()
    assert a == b


def test_positions_field_is_refused(tmp_path: Path) -> None:
    from whoosh.fields import TEXT, Schema

    writer = WordSegmentWriter(windex.create_in(str(tmp_path), Schema(body=TEXT())))
    with pytest.raises(TypeError, match="Positions"):
        writer.add_words({"body": "外部 考点"})
    writer.cancel()


def test_both_groupings_write_the_same_bytes(documents: list[dict[str, str]], tmp_path: Path) -> None:
    """The postings and term files are byte for byte the same whichever way the postings were grouped."""
    files = {}
    for vectorised in (False, True):
        folder = tmp_path / str(vectorised)
        folder.mkdir()
        writer = WordSegmentWriter(windex.create_in(str(folder), _schema()), vectorised=vectorised)
        for doc in documents:
            writer.add_words(doc)
        writer.commit()
        files[vectorised] = {p.suffix: p.read_bytes() for p in folder.glob("*.*") if p.suffix in (".pst", ".trm")}
    assert files[False].keys() == {".pst", ".trm"}
    assert files[False] == files[True]
