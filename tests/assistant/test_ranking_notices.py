"""Ranking the clauses of notices added without phrasings: real notices of other places
(queries/unseen-docs3/corpus: 德阳's and two 深圳 districts') added to a copy of the shipped corpus.

Notices restate their title (the heading line, 现将…通知如下); the title says which document, not which clause,
and a question using its words must still reach the clause that answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.evaluation.added import unseen_corpus
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace

ADDED = Path(__file__).resolve().parents[2] / "queries" / "unseen-docs3" / "corpus"


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path, session_cache: Path) -> Retriever:
    only = tmp_path_factory.mktemp("notices")
    for path in ADDED.glob("u40[345]_*"):  # 龙岗区, 德阳, 宝安区
        shutil.copyfile(path, only / path.name)
    folder = unseen_corpus(corpus_dir, only, tmp_path_factory.mktemp("corpus") / "corpus")
    return Retriever.open(Workspace(folder, session_cache))


def _first(retriever: Retriever, question: str) -> str:
    return retriever.search(question, limit=3).hits[0].unit_id


def test_a_question_in_the_title_words_reaches_the_clause_not_the_restated_title(notices: Retriever) -> None:
    """宝安区's notice opens with its title (…开展2023年企业职业技能等级认定申报的通知); the 受理 rule is in 一."""
    question = "宝安区2023年企业职业技能等级认定申报是常年受理吗"
    result = notices.search(question, limit=3)
    assert result.hits[0].unit_id == "baoan-2023-qiye-rending/sec_1"
    assert "企业职业技能等级认定" in result.query.scoped_title  # a word of the title: it says which document
    assert "企业职业技能等级认定" in result.query.core  # still judged for coverage


def test_the_opening_still_answers_what_it_says(notices: Retriever) -> None:
    """The title's words count less, not nothing: the opening is still where the notice's grounds are."""
    assert _first(notices, "宝安区这次企业等级认定申报是根据深圳市哪两个文件开展的") == "baoan-2023-qiye-rending/preamble"


def test_a_city_named_reaches_its_districts_notices(notices: Retriever) -> None:
    first = _first(notices, "深圳的企业自主开展技能等级认定，申报是随时受理吗")
    assert first.split("/")[0] in {"baoan-2023-qiye-rending", "longgang-2022-qiye-rending"}


def test_a_heading_is_asked_for_by_its_kind(notices: Retriever) -> None:
    """一、考核对象 answers who may take part, though the question says neither 考核 nor 对象."""
    assert _first(notices, "德阳机关工考有哪些人能参加") == "deyang-2021-jiguan-gongkao/sec_1"
