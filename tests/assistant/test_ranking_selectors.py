"""The runs of a question that select a document (a place name, a title) do not rank its clauses.

Real documents of the fourth unseen batch (queries/unseen-docs4/corpus: 中央国家机关's 质量督导员 measure, 台湾
地区's 认证 measure) added to a copy of the shipped corpus, without phrasings. A clause that restates the place
or the title (中央国家机关…督导工作, the definitions spelling out 技能职类测验能力认证) must not outrank the clause
that answers on those words alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.search.query import NormalizedQuery, without_places, without_runs
from assistant.search.retriever import Retriever


@pytest.fixture(scope="module")
def added(added_retriever: Callable[[str, str], Retriever]) -> Retriever:
    return added_retriever("unseen-docs4", "u50[45]_*")


def test_a_place_name_the_segmenter_splits_is_dropped_by_its_pieces() -> None:
    query = NormalizedQuery(original="", text="中央国家机关的质量督导员有哪些督导方式", terms=["中央", "国家机关", "督导", "方式"],
                            core=["中央", "国家机关", "督导", "方式"])
    read = without_places(query, lambda w: False, ["中央国家机关"])
    assert read.terms == ["督导", "方式"] and read.core == ["督导", "方式"]
    assert read.selectors == ["中央国家机关"] and "国家" not in read.asked_text


def test_a_word_said_outside_the_place_name_too_is_kept() -> None:
    query = NormalizedQuery(original="", text="中央国家机关和其他国家机关", terms=["中央", "国家机关", "其他"], core=["国家机关"])
    assert without_places(query, lambda w: False, ["中央国家机关"]).terms == ["国家机关", "其他"]


def test_runs_are_cut_longest_first_without_joining_what_surrounds_them() -> None:
    assert without_runs("台湾地区的规定", ["台湾", "台湾地区"]) == "|的规定"
    assert without_runs("质量督导员", []) == "质量督导员"


def test_the_place_restated_does_not_outrank_the_clause_that_answers(added: Retriever) -> None:
    hits = added.search("中央国家机关的质量督导员可以采用哪些督导方式？", limit=3).hits
    assert hits[0].unit_id == "zhongyangjiguan-zhiliangdudaoyuan/art_9"


def test_the_title_restated_does_not_outrank_the_clause_that_answers(added: Retriever) -> None:
    """The definitions article spells the title's words out many times; 第1條 says what it is made under."""
    hits = added.search("台湾的技能职类测验能力认证及管理办法是依据哪部法律的哪一条订定的？", limit=3).hits
    assert hits[0].unit_id == "taiwan-2014-jinengzhilei-renzheng/art_1"
