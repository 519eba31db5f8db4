"""Districts spelt with their city (深圳市龙岗区): placed under the city, and answering for it when the city
has no document of its own. Real notices of two 深圳 districts (queries/unseen-docs3/corpus) added to a copy of
the shipped corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.evaluation.added import unseen_corpus
from assistant.workspace import Workspace

DISTRICTS = Path(__file__).resolve().parents[2] / "queries" / "unseen-docs3" / "corpus"


@pytest.fixture(scope="module")
def districts(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path, session_cache: Path) -> Workspace:
    only = tmp_path_factory.mktemp("districts")
    for path in DISTRICTS.glob("u40[35]_*"):  # 龙岗区 and 宝安区
        shutil.copyfile(path, only / path.name)
    folder = unseen_corpus(corpus_dir, only, tmp_path_factory.mktemp("corpus") / "corpus")
    return Workspace(folder, session_cache)


def test_a_district_lies_under_its_city(districts: Workspace) -> None:
    scope = districts.places.scope("深圳宝安区的企业怎么申报")  # the city and its district: one place, the district
    assert scope.jurisdictions == ["深圳市宝安区"] and list(scope.boosts) == ["baoan-2023-qiye-rending"]


def test_a_city_without_a_document_is_answered_by_its_districts(districts: Workspace) -> None:
    scope = districts.places.scope("深圳的企业能自己搞等级认定吗")
    assert set(scope.boosts) == {"longgang-2022-qiye-rending", "baoan-2023-qiye-rending"}
    assert scope.fallback == {"深圳市": "深圳市龙岗区、深圳市宝安区"}  # the answer says whose documents answer


@pytest.mark.parametrize("text", ["广东省的企业能自己认定吗", "广州的企业能自己认定吗"])
def test_a_province_or_another_city_is_not_answered_by_a_district(districts: Workspace, text: str) -> None:
    assert districts.places.scope(text).boosts == {}
