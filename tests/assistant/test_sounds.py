"""A typo sounds like the character it replaces; a colloquial word that sounds like nothing is no typo."""

from __future__ import annotations

import pytest

from assistant.lang.sounds import character_readings, loose
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def retriever(workspace: Workspace) -> Retriever:
    return Retriever.open(workspace)


@pytest.mark.parametrize(("syllable", "folded"), [("zhàng", "zan"), ("nǚ", "lv"), ("shí", "si"), ("jīng", "jin"), ("àn", "an")])
def test_readings_fold_tones_and_input_confusions(syllable: str, folded: str) -> None:
    assert loose(syllable) == folded


def test_every_common_character_has_a_reading() -> None:
    readings = dict(character_readings())
    assert all(ch in readings for ch in "档案按考评员圆督导倒")


@pytest.mark.parametrize(("typed", "meant"), [("按", "案"), ("圆", "员"), ("倒", "导"), ("鸡", "机"), ("剧", "据")])
def test_homophones_sound_alike(retriever: Retriever, typed: str, meant: str) -> None:
    assert retriever.synonyms.sound_alike(typed, meant)


@pytest.mark.parametrize(("typed", "meant"), [("时", "协"), ("带", "保"), ("办", "不"), ("拨", "法")])
def test_unrelated_characters_do_not(retriever: Retriever, typed: str, meant: str) -> None:
    assert not retriever.synonyms.sound_alike(typed, meant)


@pytest.mark.parametrize(("question", "typed", "meant"), [("档按保存期", "档按", "档案"), ("考评人圆 资格证", "考评人圆", "考评人员"),
                                                          ("双随鸡一公开", "双随鸡一公开", "双随机一公开")])
def test_pinyin_typos_are_still_repaired(retriever: Retriever, question: str, typed: str, meant: str) -> None:
    assert retriever.search(question).query.repairs.get(typed) == meant


@pytest.mark.parametrize("question", ["机构自己又办辅导班又组织考评，评估时会不会过不了关？", "评级时会不会看这个人平时有没有带过学生？",
                                      "人社部门能不能请外面的公司来帮着盯考试办得好不好？"])
def test_colloquial_speech_is_not_corrected_into_other_words(retriever: Retriever, question: str) -> None:
    repairs = retriever.search(question).query.repairs
    assert not {"协会", "保过", "不得", "机关"} & set(repairs.values()), repairs
