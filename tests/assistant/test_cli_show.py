"""`policykg show` and `ingest` as a user runs them: output, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main


def test_show_prints_label_and_full_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "宿迁", "第九条"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("《宿迁市职业技能等级认定第三方评价机构管理办法（试行）》第九条")
    assert "（五）公共实训中心（基地）、职业技能培训机构不得设置外部考点。" in out


def test_show_json_is_the_unit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--json", "吉林", "四（三）"]) == 0
    unit = json.loads(capsys.readouterr().out)
    assert unit["id"] == "jilin-2022-78/sec_4/item_3"
    assert "有效期3年" in unit["text"]


def test_ambiguous_reference_lists_candidates_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "浙江", "第20条"]) == 1
    err = capsys.readouterr().err
    assert "监督管理办法》第二十条" in err and "Traceback" not in err


def test_ingest_reports_structure_without_touching_the_corpus(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = corpus_dir / "001_a68e68fda460f672.txt"
    (tmp_path / "new.txt").write_bytes(src.read_bytes())
    (tmp_path / "new.meta.yaml").write_bytes(src.with_suffix(".meta.yaml").read_bytes())
    before = sorted(p.name for p in corpus_dir.iterdir())
    assert main(["ingest", str(tmp_path / "new.txt")]) == 0
    out = capsys.readouterr().out
    assert "条 25（article）" in out and "章 5（chapter）" in out and "全部内容均已归入条款" in out
    assert sorted(p.name for p in corpus_dir.iterdir()) == before


def test_ingest_without_metadata_names_the_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "lonely.txt").write_text("第一条 内容。", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "lonely.txt")]) == 3
    assert "lonely.meta.yaml" in capsys.readouterr().err


def test_ingest_add_makes_a_per_user_corpus_and_names_what_the_document_lacks(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--add with no corpus chosen never writes the installed package: it copies the embedded documents into
    the per-user folder, adds the new one there, and that folder is the default corpus from then on."""
    unseen = Path(__file__).resolve().parents[2] / "queries" / "unseen-docs" / "corpus" / "u102_henan-pingjia-jigou.txt"
    environ = {"POLICYKG_CACHE": str(tmp_path / "cache"), "POLICYKG_DATA": str(tmp_path / "data")}
    before = sorted(p.name for p in corpus_dir.iterdir())
    assert main(["ingest", "--add", str(unseen)], environ) == 0
    out = capsys.readouterr().out
    assert "warning: no hand-written phrasings" in out
    mine = tmp_path / "data" / "corpus"
    assert (mine / unseen.name).is_file() and len(list(mine.glob("*.txt"))) == len(list(corpus_dir.glob("*.txt"))) + 1
    assert sorted(p.name for p in corpus_dir.iterdir()) == before
    assert main(["show", "河南", "第二条"], environ) == 0
    assert "评价机构包括用人单位评价机构" in capsys.readouterr().out
