"""`export`, `brief` and `ingest --add` as a user runs them: files written whole, where asked, shareable."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli import main


@pytest.fixture(autouse=True)
def _umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("policykg: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_brief_format_follows_the_file_suffix(tmp_path: Path) -> None:
    out = tmp_path / "公示期.html"
    assert main(["brief", "公示期", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_brief_format_clashing_with_the_suffix_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "公示期", "--format", "md", "-o", str(tmp_path / "b.html")]) == 2
    assert "不符" in _one_line_error(capsys)
    assert list(tmp_path.iterdir()) == []


def test_brief_into_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "公示期", "-o", str(tmp_path / "missing" / "b.md")]) == 2
    assert "不存在" in _one_line_error(capsys)
    assert not (tmp_path / "missing").exists()


def test_brief_onto_a_folder_is_refused_even_with_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "公示期", "-o", str(tmp_path), "--force"]) == 2
    assert "是一个文件夹" in _one_line_error(capsys)


def test_export_is_shareable_and_its_format_follows_the_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "g.jsonld"
    assert main(["export", "-o", str(out)]) == 0
    assert "已写入" in capsys.readouterr().err
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), (list, dict))
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert main(["export", "-o", str(out)]) == 2
    assert "--force" in _one_line_error(capsys)
    assert main(["export", "--format", "ttl", "-o", str(tmp_path / "g.xml")]) == 0
    capsys.readouterr()
    assert main(["export", "-o", str(tmp_path / "g.xml")]) == 2  # .xml could be RDF/XML: say which
    assert "--format" in _one_line_error(capsys)


@pytest.fixture()
def new_doc(tmp_path: Path, corpus_dir: Path) -> Path:
    """A copy of 池州's document under a new id, ready to ingest."""
    src = corpus_dir / "001_a68e68fda460f672.txt"
    (tmp_path / "in").mkdir()
    text = tmp_path / "in" / "new.txt"
    text.write_bytes(src.read_bytes())
    meta = src.with_suffix(".meta.yaml").read_text(encoding="utf-8").replace("chizhou-2024-4", "chizhou-copy")
    (tmp_path / "in" / "new.meta.yaml").write_text(meta, encoding="utf-8")
    return text


def test_ingest_add_writes_both_files_shareable(new_doc: Path, corpus_folder: Path, tmp_path: Path) -> None:
    other_meta = tmp_path / "in" / "elsewhere.yaml"
    other_meta.write_bytes(new_doc.with_suffix(".meta.yaml").read_bytes())
    assert main(["ingest", str(new_doc), "--meta", str(other_meta), "--add"]) == 0
    assert sorted(p.name for p in corpus_folder.iterdir()) == ["new.meta.yaml", "new.txt", "rules"]  # rules: its draft
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in corpus_folder.rglob("*") if p.is_file())


def test_ingest_add_never_replaces_without_force_nor_reuses_an_id(
    new_doc: Path, corpus_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(new_doc), "--add"]) == 0
    capsys.readouterr()
    assert main(["ingest", str(new_doc), "--add"]) == 2
    assert "已存在" in _one_line_error(capsys)
    renamed = new_doc.with_name("again.txt")
    renamed.write_bytes(new_doc.read_bytes())
    renamed.with_suffix(".meta.yaml").write_bytes(new_doc.with_suffix(".meta.yaml").read_bytes())
    assert main(["ingest", str(renamed), "--add"]) == 2
    assert "chizhou-copy" in _one_line_error(capsys)
    assert sorted(p.name for p in corpus_folder.iterdir()) == ["new.meta.yaml", "new.txt", "rules"]
    assert main(["ingest", str(new_doc), "--add", "--force"]) == 0


def test_ingest_add_into_a_missing_corpus_folder_is_refused(
    new_doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POLICYKG_CORPUS", str(tmp_path / "nope"))
    assert main(["ingest", str(new_doc), "--add"]) == 2
    assert "不存在" in _one_line_error(capsys)
    assert not (tmp_path / "nope").exists()


def test_ingest_of_a_folder_or_a_missing_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path)]) == 2
    assert "是一个文件夹" in _one_line_error(capsys)
    assert main(["ingest", str(tmp_path / "none.txt")]) == 2
    assert "不存在" in _one_line_error(capsys)


def test_ingest_bad_metadata_yaml_is_one_line_with_its_line_number(new_doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new_doc.with_suffix(".meta.yaml").write_text("documents:\n  - id: x\n    title: [unclosed\n", encoding="utf-8")
    assert main(["ingest", str(new_doc)]) == 3
    err = _one_line_error(capsys)
    assert "new.meta.yaml:" in err and "不是有效的 YAML" in err


def test_ingest_reads_gb18030_text_and_says_so(new_doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new_doc.write_bytes(new_doc.read_text(encoding="utf-8").encode("gb18030"))
    assert main(["ingest", str(new_doc)]) == 0
    assert "gb18030" in capsys.readouterr().err


def test_dash_means_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["brief", "公示期", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# 简报：公示期")
    assert main(["export", "--format", "ttl", "-o", "-"]) == 0
    assert "@prefix" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []
