"""YAML is parsed once per text; what JSON cannot hold unchanged is never cached; a bad copy is ignored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.cache import cache_root
from kg.corpus import read_yaml


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLICYKG_CACHE", str(tmp_path))
    return tmp_path


def test_second_read_comes_from_the_json_copy(cache: Path) -> None:
    text = "concepts:\n  seal: {triggers: [盖章], expand: [印章]}\n"
    assert read_yaml(text) == {"concepts": {"seal": {"triggers": ["盖章"], "expand": ["印章"]}}}
    copies = list((cache_root() / "yaml").glob("*.json"))
    assert len(copies) == 1
    copies[0].write_text('{"concepts": "from the copy"}', encoding="utf-8")
    assert read_yaml(text) == {"concepts": "from the copy"}


def test_dates_and_number_keys_are_not_cached(cache: Path) -> None:
    assert read_yaml("issued: 2022-06-17\n") == {"issued": date(2022, 6, 17)}
    assert read_yaml("{1: a}") == {1: "a"}
    assert not (cache_root() / "yaml").exists() or not list((cache_root() / "yaml").glob("*.json"))


def test_a_corrupt_copy_is_parsed_again(cache: Path) -> None:
    text = "a: [1, 2]\n"
    read_yaml(text)
    for copy in (cache_root() / "yaml").glob("*.json"):
        copy.write_text("{not json", encoding="utf-8")
    assert read_yaml(text) == {"a": [1, 2]}
