"""Looking facts, units and documents up on the real corpus: the fast paths answer what the plain ones did."""

from __future__ import annotations

import pytest

from kg.extract import extract_all
from kg.extract.conditions import numeric_readings
from kg.extract.factset import _overlaps, _spans
from kg.extract.requirements import readings
from kg.models import Corpus


def test_units_and_documents_by_id(corpus: Corpus) -> None:
    """Every unit is found by its id through its corpus and its document; an unknown id is a KeyError."""
    for doc in corpus.documents:
        assert corpus.doc(doc.meta.id) is doc
        for unit in doc.units:
            assert doc.unit(unit.id) is unit
            assert corpus.unit(unit.id) is unit
    with pytest.raises(KeyError):
        corpus.doc("no-such-document")
    with pytest.raises(KeyError):
        corpus.documents[0].unit(corpus.documents[0].meta.id + "/第九百九十九条")


def test_a_copy_with_other_documents_finds_its_own(corpus: Corpus) -> None:
    """A corpus copied with fewer documents before any lookup finds only those (the index is its own)."""
    fresh = Corpus.model_validate(corpus.model_dump())
    fewer = fresh.model_copy(update={"documents": fresh.documents[:2]})
    assert fewer.doc(fresh.documents[1].meta.id) is fresh.documents[1]
    with pytest.raises(KeyError):
        fewer.doc(fresh.documents[3].meta.id)


def test_overlap_is_checked_within_a_document(corpus: Corpus) -> None:
    """A fact overlaps the spans of its own document's facts only: another document's fact at the same
    offsets of its own file does not take it."""
    conditions = extract_all(corpus).conditions
    first = conditions[0]
    p = first.provenance
    assert _overlaps(first, _spans([first]))
    other = first.model_copy(update={"provenance": p.model_copy(update={"doc_id": p.doc_id + "-copy"})})
    assert not _overlaps(other, _spans([first]))
    assert _overlaps(other, _spans([first, other]))
    assert not _overlaps(first, {p.doc_id: {(p.end, p.end + 5), (p.start - 5, p.start)}})


def test_readings_found_once_are_the_same_again(corpus: Corpus) -> None:
    """A text read a second time (the clause memo answers) gives the same readings, in the same order."""
    for unit in corpus.units()[:120]:
        assert list(readings(unit.text)) == list(readings(unit.text))
        assert list(numeric_readings(unit.text)) == list(numeric_readings(unit.text))
    text = "（一）在本市依法注册,管理规范、信用良好,已建立技能人才培养、评价、使用和激励衔接机制"
    shifted = "前言。" + text
    first = {k: (a, b) for k, _, (a, b) in readings(text)}
    again = {k: (a - 3, b - 3) for k, _, (a, b) in readings(shifted)}
    assert first == again and first  # the same clause at another place of a text: offsets follow it


def test_amounts_read_once_still_come_before_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text whose second amount fails to read gives its first, then the error, as reading one by one did
    (extraction keeps what came before the error)."""
    from kg.extract import conditions

    text = "评价机构应有不少于5名专职工作人员，考评员不少于10人，场地面积不少于200平方米"
    assert len(list(numeric_readings(text))) == 3
    named_by, seen = conditions._named_by, []

    def failing_second(*args: object) -> object:
        found = named_by(*args)  # type: ignore[arg-type]
        if found is not None:
            seen.append(found)
            if len(seen) == 2:
                raise ValueError("unreadable amount")
        return found

    conditions._readings_of.cache_clear()
    monkeypatch.setattr(conditions, "_named_by", failing_second)
    got = []
    with pytest.raises(ValueError, match="unreadable"):
        for reading in numeric_readings(text + "。"):
            got.append(reading)
    assert len(got) == 1
    conditions._readings_of.cache_clear()
