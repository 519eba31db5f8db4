"""YAML is parsed once per text; what JSON cannot hold unchanged is never cached; a bad copy is ignored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kg.datafiles import read_yaml


def test_second_read_comes_from_the_json_copy(tmp_path: Path) -> None:
    text = "concepts:\n  seal: {triggers: [盖章], expand: [印章]}\n"
    assert read_yaml(text, copies=tmp_path) == {"concepts": {"seal": {"triggers": ["盖章"], "expand": ["印章"]}}}
    copies = list(tmp_path.glob("*.json"))
    assert len(copies) == 1
    copies[0].write_text('{"concepts": "from the copy"}', encoding="utf-8")
    assert read_yaml(text, copies=tmp_path) == {"concepts": "from the copy"}


def test_without_a_folder_nothing_is_written(tmp_path: Path) -> None:
    assert read_yaml("a: 1\n") == {"a": 1}
    assert not list(tmp_path.iterdir())


def test_dates_and_number_keys_are_not_cached(tmp_path: Path) -> None:
    assert read_yaml("issued: 2022-06-17\n", copies=tmp_path) == {"issued": date(2022, 6, 17)}
    assert read_yaml("{1: a}", copies=tmp_path) == {1: "a"}
    assert not list(tmp_path.glob("*.json"))


def test_a_corrupt_copy_is_parsed_again(tmp_path: Path) -> None:
    text = "a: [1, 2]\n"
    read_yaml(text, copies=tmp_path)
    for copy in tmp_path.glob("*.json"):
        copy.write_text("{not json", encoding="utf-8")
    assert read_yaml(text, copies=tmp_path) == {"a": [1, 2]}
