"""Briefings about their topic: the topic's own clauses in every jurisdiction, only its facts, exactly
the clauses cited in the appendix, and the same content as Markdown, HTML and Word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.brief.build import Briefing, NoClauses, build_briefing
from assistant.brief.render import to_html, to_markdown
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
from kg.extract import extract_all
from kg.facts import FactSet
from kg.models import Corpus

BRIEF = Path(__file__).resolve().parents[2] / "assistant" / "brief"
INTERNAL_ID = re.compile(r"\b(?:art|item|sec|pt|sub|row|annex|chp)_\d+|sanction:|#\d")


@pytest.fixture(scope="module")
def facts(corpus: Corpus) -> FactSet:
    return extract_all(corpus)


@pytest.fixture(scope="module")
def retriever(workspace: Workspace) -> Retriever:
    return Retriever.open(workspace)


@pytest.fixture(scope="module")
def external_site(corpus: Corpus, facts: FactSet, retriever: Retriever) -> Briefing:
    return build_briefing("外部考点", corpus, facts, retriever)


def test_外部考点_cites_宿迁_第九条_and_both_浙江_clauses_and_nothing_of_附件3(external_site: Briefing) -> None:
    cited = external_site.appendix
    assert "suqian-2022-36/art_9" in cited
    assert "zhejiang-2022-20-jigou/art_12" in cited
    assert "zhejiang-2022-20-jiandu/art_19/item_12" in cited
    assert not any("/annex_" in u for u in cited)
    assert len(cited) <= 6


def test_外部考点_has_only_its_own_deadlines_sanctions_and_checks(external_site: Briefing) -> None:
    assert external_site.timeline == []  # no deadline of another topic (公示, 档案保存 …)
    assert [r.measures for r in external_site.ladder] == [["约谈"]]
    assert all("外部考点" in c.text for c in external_site.checklist)


def test_summary_says_in_words_who_speaks_to_the_topic_and_what(external_site: Briefing) -> None:
    summary = "\n".join(external_site.summary)
    assert "池州市、吉林省、江苏省的文件没有涉及“外部考点”" in summary
    assert "宿迁市（第九条）" in summary and "增设考点" in summary
    assert "相关条款" not in summary


def test_table_rows_name_what_is_compared(external_site: Briefing) -> None:
    rows = [r.requirement for r in external_site.table.rows]
    assert "相关条款" not in rows and "不得设置外部考点" in rows


def test_every_statement_lies_inside_a_cited_clause(corpus: Corpus, facts: FactSet, retriever: Retriever) -> None:
    b = build_briefing("公示期", corpus, facts, retriever)

    def cited(unit_id: str) -> bool:
        return any(unit_id == a or unit_id.startswith(a + "/") for a in b.appendix)

    used = [c.unit_id for row in b.table.rows for cells in row.cells.values() for c in cells]
    used += [s.unit_id for s in b.timeline] + [c.unit_id for c in b.checklist] + [u for r in b.ladder for u in r.unit_ids]
    assert used and all(cited(u) for u in used)
    assert len(set(b.appendix)) == len(b.appendix)
    assert not any(a.startswith(o + "/") for a in b.appendix for o in b.appendix)  # no clause twice


def test_公示期_timeline_holds_only_publicity_periods(corpus: Corpus, facts: FactSet, retriever: Retriever) -> None:
    b = build_briefing("公示期", corpus, facts, retriever)
    assert {s.event for s in b.timeline} == {"公示"}
    assert any("不少于7天" in line for line in b.summary) and any("各地不同" in line for line in b.summary)


def test_no_internal_ids_in_any_format(corpus: Corpus, facts: FactSet, retriever: Retriever) -> None:
    b = build_briefing("违规处理", corpus, facts, retriever)
    md = to_markdown(b, corpus)
    text_of_html = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", to_html(b, corpus), flags=re.S))
    assert not INTERNAL_ID.search(md), INTERNAL_ID.search(md)
    assert not INTERNAL_ID.search(text_of_html)
    assert "再进一步：" in md  # the ladder says where a sanction leads, by clause label


def test_self_check_items_are_whole_requirements(corpus: Corpus, facts: FactSet, retriever: Retriever) -> None:
    b = build_briefing("场地要求", corpus, facts, retriever)
    texts = [c.text for c in b.checklist]
    assert any("1000平方米以上" in t and "场地" in t for t in texts)
    assert all(len(t) >= 8 and not re.match(r"[（(]?[一二三四五六七八九十\d]+[)）.]", t) for t in texts)


def test_a_topic_the_documents_do_not_treat_is_said_so(corpus: Corpus, facts: FactSet, retriever: Retriever) -> None:
    with pytest.raises(NoClauses, match="食堂伙食"):
        build_briefing("食堂伙食", corpus, facts, retriever)


def test_one_place_only(corpus: Corpus, facts: FactSet, retriever: Retriever) -> None:
    b = build_briefing("违规处理", corpus, facts, retriever, "浙江")
    assert b.jurisdictions == ["浙江省"] and all(u.startswith("zhejiang") for u in b.appendix)


def test_html_prints_on_a4_with_a_page_per_section_and_fetches_nothing(external_site: Briefing, corpus: Corpus) -> None:
    html = to_html(external_site, corpus)
    assert "@page { size: A4" in html and "break-before: page" in html
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html) and "@import" not in html
    assert html.count("<section>") == 6  # 流程与时限 is left out: no deadline is about 外部考点
    for unit_id in external_site.appendix:
        assert corpus.unit(unit_id).label in html


def test_no_document_is_named_in_the_briefing_code(corpus: Corpus) -> None:
    """The mechanism is general: it must work for a document added tomorrow."""
    names = {d.meta.id for d in corpus.documents} | {d.meta.jurisdiction for d in corpus.documents}
    names |= {j.rstrip("省市") for j in names if j.endswith(("省", "市"))} | {"附件3", "annex_3"}
    for path in BRIEF.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        code = re.sub(r'""".*?"""|#[^\n]*', "", source, flags=re.S)  # docstrings and comments may give examples
        found = [n for n in names if n in code]
        assert not found, f"{path.name} names {found}"
