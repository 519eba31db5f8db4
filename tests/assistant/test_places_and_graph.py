"""Places the corpus does not cover are said, not shown as empty tables; `graph show` says what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from assistant.workspace import Workspace
from kg.errors import UncoveredPlace, UnknownPlace, UsageError


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("policykg: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_place_names_select_corpus_jurisdictions(workspace: Workspace) -> None:
    assert workspace.places.choose(["宿迁", "浙江省", "苏州", "宿迁市"]) == ["宿迁市", "浙江省", "江苏省"]
    with pytest.raises(UncoveredPlace, match="语料没有收录北京市的文件"):
        workspace.places.choose(["北京"])
    with pytest.raises(UnknownPlace, match="不认识的地区“xyz”"):
        workspace.places.choose(["xyz"])
    with pytest.raises(UnknownPlace):
        workspace.places.choose(["市"])
    with pytest.raises(UsageError):
        workspace.places.choose([" ", ""])


@pytest.mark.parametrize(("places", "code", "words"), [("北京", 1, "语料没有收录北京市"), ("xyz", 2, "不认识的地区"),
                                                        ("宿迁,北京", 1, "北京市"), (",", 2, "请给出地区名")])
def test_compare_refuses_places_it_cannot_show(places: str, code: int, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "公示期", "--jurisdictions", places]) == code
    assert words in _one_line_error(capsys)
    assert capsys.readouterr().out == ""


def test_compare_with_nothing_on_the_topic_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "公示期", "--jurisdictions", "江苏"]) == 1
    assert "没有这方面的规定" in capsys.readouterr().out
    assert main(["compare", "公示期", "--jurisdictions", "宿迁，池州"]) == 0
    out = capsys.readouterr().out
    assert "宿迁市" in out and "池州市" in out and "吉林省" not in out


@pytest.mark.parametrize(("place", "code"), [("北京", 1), ("xyz", 2)])
def test_brief_writes_nothing_for_a_place_with_nothing_to_say(
    place: str, code: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.md"
    assert main(["brief", "公示期", "--jurisdiction", place, "-o", str(out)]) == code
    _one_line_error(capsys)
    assert not out.exists()
    assert main(["brief", "公示期", "--jurisdiction", place]) == code
    assert capsys.readouterr().out == ""


def test_show_says_which_places_the_corpus_covers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "北京", "第九条"]) == 1
    err = _one_line_error(capsys)
    assert "语料没有收录北京市的文件" in err and "浙江省" in err
    assert main(["show", "苏州", "第九条"]) == 1
    assert "江苏省职业技能等级认定实施细则" in _one_line_error(capsys)


@pytest.mark.parametrize(("argv", "code", "words"), [
    (["graph", "show"], 2, "请给出要查看的节点"),
    (["graph", "show", "nothing"], 2, "图中没有节点“nothing”"),
    (["graph", "show", "unit:nosuch/art_1"], 2, "图中没有节点"),
    (["graph", "stats", "宿迁"], 2, "不需要节点"),
    (["graph", "show", "浙江", "第20条"], 1, "可指多个对象"),
])
def test_graph_show_errors(argv: list[str], code: int, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == code
    assert words in _one_line_error(capsys)


def test_graph_show_resolves_a_clause_reference(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "show", "宿迁", "第九条"]) == 0
    assert capsys.readouterr().out.startswith("unit:suqian-2022-36/art_9  [Unit]")
