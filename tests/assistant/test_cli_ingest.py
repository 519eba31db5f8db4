"""`policykg ingest` on real documents: it says how it read them, and never refuses readable text silently."""

from __future__ import annotations

from pathlib import Path

import pytest
import zhconv

from assistant.cli import main


def test_ingest_says_it_read_gb18030_and_traditional_chinese(tmp_path: Path, corpus_dir: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    src = corpus_dir / "000_02455d504c7f1dc1.txt"
    (tmp_path / "trad.txt").write_bytes(zhconv.convert(src.read_text(encoding="utf-8"), "zh-hant").encode("gb18030"))
    (tmp_path / "trad.meta.yaml").write_bytes(src.with_suffix(".meta.yaml").read_bytes())
    assert main(["ingest", str(tmp_path / "trad.txt")]) == 0
    out, err = capsys.readouterr()
    assert "条 23（article）" in out and "全部内容均已归入条款" in out
    assert "按 gb18030 编码读取" in err and "繁体转为简体" in err


def test_ingest_without_metadata_still_shows_what_it_could_read(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "news.txt").write_text("某省启动遴选\n\n某省人社厅近日发布通知，启动认定机构遴选工作。\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "news.txt")]) == 3
    out, err = capsys.readouterr()
    assert "段 1（paragraph）" in out and "按新闻体逐段读取" in out
    assert "news.meta.yaml" in err and "body_start" in err
