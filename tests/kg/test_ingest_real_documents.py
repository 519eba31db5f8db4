"""Real documents as they come: other encodings, 繁体, marks damaged by a broken encoding, page breaks that
swallow an article number, prose without numbering, metadata naming the wrong numbering."""

from __future__ import annotations

from pathlib import Path

import pytest
import zhconv

from kg.extract import extract_all
from kg.models import Corpus, Document
from kg.parse import parse_corpus, parse_file

SUQIAN = "000_02455d504c7f1dc1"
CHIZHOU = "001_a68e68fda460f672"


def _copy(tmp_path: Path, corpus_dir: Path, name: str, text: str | None = None, data: bytes | None = None) -> Path:
    (tmp_path / f"{name}.meta.yaml").write_bytes((corpus_dir / f"{name}.meta.yaml").read_bytes())
    path = tmp_path / f"{name}.txt"
    if data is not None:
        path.write_bytes(data)
    else:
        path.write_text(text if text is not None else (corpus_dir / f"{name}.txt").read_text(encoding="utf-8"),
                        encoding="utf-8")
    return path


def _shape(doc: Document) -> list[tuple[str, str]]:
    return [(u.id, u.text) for u in doc.units]


@pytest.mark.parametrize("encode", [lambda t: t.encode("gb18030"), lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")],
                         ids=["gb18030", "utf8-bom"])
def test_other_encodings_read_the_same(tmp_path: Path, corpus: Corpus, corpus_dir: Path, encode) -> None:  # type: ignore[no-untyped-def]
    source = (corpus_dir / f"{SUQIAN}.txt").read_text(encoding="utf-8")
    [doc] = parse_file(_copy(tmp_path, corpus_dir, SUQIAN, data=encode(source)))
    assert _shape(doc) == _shape(corpus.doc("suqian-2022-36")) and not doc.warnings
    facts = extract_all(parse_corpus(tmp_path), tmp_path)
    assert not facts.warnings
    assert {(c.attribute, c.value) for c in facts.conditions} == {
        (c.attribute, c.value) for c in extract_all(corpus).conditions if c.provenance.doc_id == "suqian-2022-36"}


def test_traditional_chinese_is_read_as_simplified_with_the_same_offsets(tmp_path: Path, corpus: Corpus,
                                                                         corpus_dir: Path) -> None:
    source = (corpus_dir / f"{SUQIAN}.txt").read_text(encoding="utf-8")
    traditional = zhconv.convert(source, "zh-hant")
    assert traditional != source and len(traditional) == len(source)
    [doc] = parse_file(_copy(tmp_path, corpus_dir, SUQIAN, traditional))
    assert [u.id for u in doc.units] == [u.id for u in corpus.doc("suqian-2022-36").units]
    facts = extract_all(parse_corpus(tmp_path), tmp_path)
    desk = next(c for c in facts.conditions if c.attribute == "desk_distance")
    assert (desk.value, desk.provenance.quote) == (80, "桌距不小于80cm")
    assert traditional[desk.provenance.start: desk.provenance.end] == "桌距不小於80cm"  # the file's own characters


def test_marks_damaged_by_a_broken_encoding_are_recovered_and_said(tmp_path: Path, corpus: Corpus,
                                                                   corpus_dir: Path) -> None:
    source = (corpus_dir / f"{SUQIAN}.txt").read_text(encoding="utf-8")
    damaged = source.replace("**第一条**", "??第一条??").replace("**第二条**", "？？第二条？？")
    [doc] = parse_file(_copy(tmp_path, corpus_dir, SUQIAN, damaged))
    assert [u.id for u in doc.units] == [u.id for u in corpus.doc("suqian-2022-36").units]
    assert doc.unit("suqian-2022-36/art_1").text.startswith("第一条 本办法所指的第三方评价机构")
    assert sum("字符已损坏" in w.message for w in doc.warnings) == 2


def test_an_article_number_a_page_break_swallowed_is_recovered(tmp_path: Path, corpus: Corpus,
                                                                corpus_dir: Path) -> None:
    source = (corpus_dir / f"{CHIZHOU}.txt").read_text(encoding="utf-8")
    [doc] = parse_file(_copy(tmp_path, corpus_dir, CHIZHOU, source.replace("第四条 职业技能等级认定的职业", "职业技能等级认定的职业")))
    original = corpus.doc("chizhou-2024-4")
    assert [u.number for u in doc.of_kind("article")] == list(range(1, 26))
    assert doc.unit("chizhou-2024-4/art_4").text == original.unit("chizhou-2024-4/art_4").text.replace("第四条 ", "")
    assert doc.unit("chizhou-2024-4/art_3").text == original.unit("chizhou-2024-4/art_3").text
    [warning] = doc.warnings
    assert "第四条在正文中没有编号" in warning.message and "在第三条结束之后" in warning.message


def test_an_article_that_cannot_be_recovered_is_said_to_be_missing(tmp_path: Path, corpus_dir: Path) -> None:
    source = (corpus_dir / f"{CHIZHOU}.txt").read_text(encoding="utf-8")
    glued = source.replace("是技能人才评价的重要方式。\n\n第四条 ", "是技能人才评价的重要方式。")
    assert glued != source
    [doc] = parse_file(_copy(tmp_path, corpus_dir, CHIZHOU, glued))
    assert [w.message for w in doc.warnings if "缺少第四条" in w.message]


def test_news_style_prose_is_read_by_paragraph(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(
        "某省启动评价机构遴选\n\n本报讯 某省人社厅近日发布通知，启动职业技能等级认定机构遴选工作。\n\n"
        "据介绍，申报单位应具有独立法人资格，场地1000平方米以上，专职工作人员不少于5人。\n", encoding="utf-8")
    (tmp_path / "news.meta.yaml").write_text(
        "documents:\n  - id: news-2025-1\n    title: 某省启动评价机构遴选\n    issuer: 某省日报\n    jurisdiction: 某省\n"
        "    level: province\n    issued: 2025-01-01\n    effective: 2025-01-01\n    numbering: outline\n"
        "    body_start: 某省启动评价机构遴选\n", encoding="utf-8")
    corpus = parse_corpus(tmp_path)
    doc = corpus.doc("news-2025-1")
    assert [u.path for u in doc.units] == ["第1段", "第2段"] and doc.title_lines == ["某省启动评价机构遴选"]
    assert "按新闻体逐段读取" in doc.warnings[0].message
    facts = extract_all(corpus, tmp_path)
    assert {(c.attribute, c.value) for c in facts.conditions} >= {("site_area", 1000), ("fulltime_staff", 5),
                                                                  ("legal_person", True)}


def test_metadata_naming_the_wrong_numbering_is_read_with_the_right_one(tmp_path: Path, corpus: Corpus,
                                                                        corpus_dir: Path) -> None:
    path = _copy(tmp_path, corpus_dir, SUQIAN)
    meta = tmp_path / f"{SUQIAN}.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("numbering: article", "numbering: outline"),
                    encoding="utf-8")
    [doc] = parse_file(path)
    assert doc.meta.numbering == "article" and len(doc.of_kind("article")) == 23
    assert "按条款编号读取" in doc.warnings[0].message


@pytest.mark.parametrize(("old", "new"), [
    ("**第九条** ", "第 九 条 "),  # a PDF conversion spaced the label out
    ("**第九条** ", "第9条 "),  # a reposting site wrote it in digits
    ("**第九条** ", "第九\n\n- 3 -\n\n条 "),  # a page break fell inside the label
], ids=["spaced", "digits", "split"])
def test_an_article_label_written_otherwise_is_the_same_article(tmp_path: Path, corpus: Corpus, corpus_dir: Path,
                                                                old: str, new: str) -> None:
    source = (corpus_dir / f"{SUQIAN}.txt").read_text(encoding="utf-8")
    assert old in source
    [doc] = parse_file(_copy(tmp_path, corpus_dir, SUQIAN, source.replace(old, new, 1)))
    assert [u.id for u in doc.units] == [u.id for u in corpus.doc("suqian-2022-36").units] and not doc.warnings
    assert doc.unit("suqian-2022-36/art_9").marker == "第九条"
    facts = extract_all(parse_corpus(tmp_path), tmp_path)
    assert not facts.warnings


def test_a_body_start_in_chinese_finds_the_label_in_digits(tmp_path: Path, corpus_dir: Path) -> None:
    source = (corpus_dir / f"{SUQIAN}.txt").read_text(encoding="utf-8")
    renumbered = source.replace("**第一条**", "第1条").replace("**第二条**", "第2条")
    [doc] = parse_file(_copy(tmp_path, corpus_dir, SUQIAN, renumbered))
    assert doc.unit("suqian-2022-36/art_1").text.startswith("第1条 本办法所指的第三方评价机构")


def test_a_text_half_converted_to_simplified_is_read_whole_in_simplified(tmp_path: Path, corpus: Corpus,
                                                                          corpus_dir: Path) -> None:
    source = (corpus_dir / f"{SUQIAN}.txt").read_text(encoding="utf-8")
    at = source.index("**第八条**")
    mixed = source[:at] + zhconv.convert(source[at:], "zh-hant")  # a reposting site converted only the body
    [doc] = parse_file(_copy(tmp_path, corpus_dir, SUQIAN, mixed))
    assert [u.text for u in doc.units] == [u.text for u in corpus.doc("suqian-2022-36").units]
