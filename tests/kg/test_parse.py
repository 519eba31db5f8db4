"""The structure of the five source files, pinned against the documents themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ParseError
from kg.layout import clean_block
from kg.models import Corpus
from kg.parse import parse_file


def _doc(corpus: Corpus, doc_id: str):  # type: ignore[no-untyped-def]
    return corpus.doc(doc_id)


@pytest.mark.parametrize(
    ("doc_id", "articles", "chapters"),
    [
        ("suqian-2022-36", 23, 0),
        ("chizhou-2024-4", 25, 5),
        ("zhejiang-2022-20-jigou", 30, 6),
        ("zhejiang-2022-20-jiandu", 25, 6),
    ],
)
def test_article_and_chapter_counts(corpus: Corpus, doc_id: str, articles: int, chapters: int) -> None:
    doc = _doc(corpus, doc_id)
    assert [u.number for u in doc.of_kind("article")] == list(range(1, articles + 1))
    assert len(doc.of_kind("chapter")) == chapters


def test_outline_documents_have_their_top_level_sections(corpus: Corpus) -> None:
    jilin = _doc(corpus, "jilin-2022-78")
    assert [u.path for u in jilin.of_kind("section")] == ["一", "二", "三", "四", "五", "六", "七"]
    jiangsu = _doc(corpus, "jiangsu-2019-178")
    assert [u.path for u in jiangsu.of_kind("section")] == ["一", "二", "三"]
    assert [u.path for u in jiangsu.of_kind("annex")] == ["附件2", "附件3", "附件4", "附件5"]


def test_file_004_carries_two_documents(corpus: Corpus) -> None:
    jigou, jiandu = _doc(corpus, "zhejiang-2022-20-jigou"), _doc(corpus, "zhejiang-2022-20-jiandu")
    assert jigou.meta.source_file == jiandu.meta.source_file == "004_82c3abab52c8712f.txt"
    assert jigou.units[-1].span[1] < jiandu.units[0].span[0]
    assert jiandu.unit("zhejiang-2022-20-jiandu/art_1").text.startswith("第一条 为完善技能人才评价制度")


def test_page_break_sentence_is_rejoined(corpus: Corpus) -> None:
    art5 = corpus.unit("suqian-2022-36/art_5")
    assert "负责本地区职业技能等级认定机构的备案受理" in art5.text
    item = corpus.unit("zhejiang-2022-20-jigou/art_7/item_4")
    assert item.text == "（四）具有完善的技能人才评价相关管理制度，把社会效益放在首位，不以营利为最终目的；"


def test_word_printed_twice_across_a_page_break_is_kept_once(corpus: Corpus) -> None:
    art20 = corpus.unit("zhejiang-2022-20-jiandu/art_20")
    assert "由人力资源和社会保障部门对其出具书面通知" in art20.text
    assert "保障保障" not in art20.text


def test_markdown_heading_inside_an_article_is_an_item(corpus: Corpus) -> None:
    art7 = corpus.unit("suqian-2022-36/art_7")
    items = [corpus.unit(c) for c in art7.children]
    assert [(u.path, u.heading) for u in items] == [
        ("第七条第（一）项", "备案申请"), ("第七条第（二）项", "信用核查"),
        ("第七条第（三）项", "现场评估"), ("第七条第（四）项", "公示备案"),
    ]
    assert "#" not in art7.text


def test_items_points_and_subpoints_nest(corpus: Corpus) -> None:
    sub = corpus.unit("chizhou-2024-4/art_8/pt_5/sub_2")
    assert sub.label == "《池州市技能人才评价机构管理办法》第八条第5项第（2）目"
    assert sub.text == "(2) 知识理论考试场地每个职业不少于 60 平方米，配备至少 30 个考位。"
    jilin = corpus.unit("jilin-2022-78/sec_1/item_2/pt_3/sub_1")
    assert jilin.path == "一（二）3（1）"
    assert "场地1000平方米以上" in jilin.text
    assert corpus.unit("jilin-2022-78/sec_4/item_3").label.endswith("》四（三）")


def test_half_width_parentheses_are_items(corpus: Corpus) -> None:
    art19 = corpus.unit("zhejiang-2022-20-jiandu/art_19")
    assert len(art19.children) == 12
    assert corpus.unit("zhejiang-2022-20-jiandu/art_19/item_12").text.startswith("(十二) 未按规定增设考点")


def test_annex_3_rows_carry_their_columns(corpus: Corpus) -> None:
    rows = _doc(corpus, "jiangsu-2019-178").of_kind("row")
    employer = [r for r in rows if "/sec_1/" in r.id]
    third_party = [r for r in rows if "/sec_2/" in r.id]
    assert (len(employer), len(third_party)) == (14, 23)
    office = next(r for r in employer if r.cells and r.cells["评估内容"] == "有固定的办公场所")
    assert office.cells == {"评估项目": "机构及人员配置", "评估内容": "有固定的办公场所", "评估要求": "不少于25平米"}
    legal = third_party[0]
    assert legal.cells == {"评估项目": "机构及人员配置", "评估内容": "具有法人资格", "评估要求": "提供相关证照"}


def test_notice_before_the_body_is_a_preamble(corpus: Corpus) -> None:
    pre = corpus.unit("suqian-2022-36/preamble")
    assert pre.text.startswith("关于印发宿迁市职业技能等级认定第三方评价机构管理办法（试行）的通知")
    assert "第一条" not in pre.text
    assert corpus.unit("jilin-2022-78/closing").text.startswith("联系单位")


def test_unit_text_is_the_source_span_without_layout(corpus: Corpus, corpus_dir: Path) -> None:
    for doc in corpus.documents:
        source = (corpus_dir / doc.meta.source_file).read_text(encoding="utf-8")
        for unit in doc.units:
            if unit.kind == "row" or "/annex_" in unit.id:
                continue
            assert clean_block(source, *unit.span) == unit.text, unit.id


def test_ids_are_unique_and_stable(corpus: Corpus, corpus_dir: Path) -> None:
    ids = [u.id for u in corpus.units()]
    assert len(ids) == len(set(ids))
    again = [u.id for p in sorted(corpus_dir.glob("*.txt")) for d in parse_file(p) for u in d.units]
    assert again == ids


def test_standard_corpus_parses_without_warnings(corpus: Corpus) -> None:
    assert [w for d in corpus.documents for w in d.warnings] == []


def test_unstructured_text_is_read_by_paragraph_with_a_warning_naming_file_and_line(tmp_path: Path,
                                                                                    corpus_dir: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_text("标题\n\n这是一段没有条款编号的文字。\n", encoding="utf-8")
    meta = (corpus_dir / "002_93686fe7d64fd8b8.meta.yaml").read_text(encoding="utf-8")
    (tmp_path / "new.meta.yaml").write_text(meta.replace('body_start: "一、征集范围"', 'body_start: "标题"'),
                                           encoding="utf-8")
    [doc] = parse_file(text)
    assert doc.title_lines == ["标题"] and [u.id for u in doc.units] == ["jilin-2022-78/para_1"]
    [warning] = doc.warnings
    assert (warning.file, warning.line) == ("new.txt", 1) and "没有找到编号条款" in warning.message


def test_text_nothing_can_read_is_a_parse_error_naming_file(tmp_path: Path, corpus_dir: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_bytes(b"\xff\xfe\x00\xd8" + bytes(range(128, 256)) * 4)
    (tmp_path / "new.meta.yaml").write_bytes((corpus_dir / "002_93686fe7d64fd8b8.meta.yaml").read_bytes())
    with pytest.raises(ParseError, match=r"new\.txt.*无法按 utf-8、utf-16、gb18030"):
        parse_file(text)


def test_a_sixth_document_is_dropped_in(tmp_path: Path, corpus_dir: Path) -> None:
    text = tmp_path / "005_extra.txt"
    text.write_text("某市办法\n\n第一条 目的。\n\n第二条 机构应当具备以下条件：\n（一）场地不少于100平方米；\n", encoding="utf-8")
    (tmp_path / "005_extra.meta.yaml").write_text(
        "documents:\n  - id: extra-2025-1\n    title: 某市办法\n    issuer: 某市人社局\n    jurisdiction: 某市\n"
        "    level: city\n    issued: 2025-01-01\n    effective: 2025-01-01\n    numbering: article\n"
        "    body_start: 某市办法\n", encoding="utf-8")
    [doc] = parse_file(text)
    assert [u.id for u in doc.units] == ["extra-2025-1/art_1", "extra-2025-1/art_2", "extra-2025-1/art_2/item_1"]


def test_an_annex_table_is_read_under_its_own_header(tmp_path: Path, corpus_dir: Path) -> None:
    """A checklist whose header is not the 江苏 one is read as rows under its own labels; the empty column a
    form leaves to fill in is not kept, and an empty first cell repeats the row above's group."""
    text = tmp_path / "new.txt"
    text.write_text(
        "一、征集范围\n\n各地按附件开展检查。\n\n联系单位：某地人社局\n\n附件1\n检查细则\n\n"
        "\t检查项目\n\t检查内容\n\t检查标准\n\t检查结果\n\n"
        "\t场地条件\n\t有固定的考试场所\n\t不少于200平方米\n\t\n\n"
        "\t\n\t视频监控\n\t考场全程录像\n\t\n",
        encoding="utf-8")
    meta = (corpus_dir / "002_93686fe7d64fd8b8.meta.yaml").read_text(encoding="utf-8")
    (tmp_path / "new.meta.yaml").write_text(meta.replace('body_end: "联系单位："', 'body_end: "检查细则结束"'),
                                           encoding="utf-8")
    [doc] = parse_file(text)
    rows = [u for u in doc.units if u.kind == "row"]
    assert [r.cells for r in rows] == [
        {"检查项目": "场地条件", "检查内容": "有固定的考试场所", "检查标准": "不少于200平方米"},
        {"检查项目": "场地条件", "检查内容": "视频监控", "检查标准": "考场全程录像"},
    ]
    assert rows[0].text == "检查项目：场地条件；检查内容：有固定的考试场所；检查标准：不少于200平方米"


def test_two_tabbed_cells_are_text_not_a_table_header() -> None:
    from kg.tables import header_of

    assert header_of(["联系人", "张三"]) is None
    assert header_of(["评估项目", "评估内容", "评估要求"]) == ["评估项目", "评估内容", "评估要求"]
    assert header_of(["序号", "检查内容", "不少于200平方米"]) is None
