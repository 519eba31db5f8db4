"""Phrasings made at index build from a unit's own text and graph: every document has them, also one added today."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest

from assistant.search import phrasings_made as made
from assistant.search.index import indexed_units
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
from kg.corpus import embedded_corpus_dir
from kg.facts import Direction

UNSEEN = Path(__file__).resolve().parents[2] / "queries" / "unseen-docs" / "corpus"


@pytest.fixture(scope="module")
def phrased(workspace: Workspace) -> dict[str, list[str]]:
    units = list(indexed_units(workspace.corpus))
    return made.made_phrasings(workspace.corpus, workspace.facts, units, workspace.lexicon,
                               {u.id: u.text for u in units})


def test_every_indexed_unit_has_an_entry(workspace: Workspace, phrased: dict[str, list[str]]) -> None:
    assert {u.id for u in indexed_units(workspace.corpus)} == set(phrased)


def test_a_deadline_is_asked_for_by_its_event_and_its_directions_words(workspace: Workspace,
                                                                        phrased: dict[str, list[str]]) -> None:
    deadline = next(d for d in workspace.facts.deadlines if d.event == "公示")
    assert {"公示几天", "公示期限"} <= set(phrased[deadline.provenance.unit_id])


def test_a_condition_is_asked_for_in_its_dimensions_words(workspace: Workspace, phrased: dict[str, list[str]]) -> None:
    cond = next(c for c in workspace.facts.conditions if c.attribute == "site_area")
    assert "场地面积多少平方米" in phrased[cond.provenance.unit_id]


def test_a_sanction_is_asked_for_by_its_measures(workspace: Workspace, phrased: dict[str, list[str]]) -> None:
    sanction = next(s for s in workspace.facts.sanctions if "取消备案" in s.measures)
    for trigger in sanction.triggers:
        assert "会不会被取消备案" in phrased[trigger.provenance.unit_id]


def test_a_defined_term_is_asked_what_it_means() -> None:
    assert {"评价机构是什么", "什么是评价机构"} <= set(made._defined("第二条 本办法所称评价机构是指符合遴选条件的企业。"))
    assert "数字化监测指什么" in made._defined("（一）数字化监测是指按照评价活动的实施流程开展的监测。")


def test_what_a_clause_says_of_its_document_is_asked_in_peoples_words() -> None:
    assert "什么时候施行" in made._stated("第二十五条 本办法自发布之日起施行。")
    assert "联系方式" in made._stated("（联系单位:省人力资源社会保障厅职业能力建设处）")
    assert "依据哪些文件" in made._stated("根据《中华人民共和国劳动法》等法律法规，制定本办法。")
    assert made._stated("各地要组织实施好评价工作，按照《国家职业技能标准》开展考核。") == []


def test_the_question_words_table_covers_the_graphs_kinds() -> None:
    """A deadline direction or an attribute dimension the table misses would leave its facts unasked."""
    from kg.extract.conditions import attribute_specs

    words = made.question_words()
    assert set(typing.get_args(Direction)) <= set(words.directions)
    assert {s.dimension for s in attribute_specs()} <= set(words.dimensions)
    assert {"condition", "deadline", "definition", *made.STATED} <= set(words.kinds)


def test_an_added_document_is_answered_through_its_made_phrasings(tmp_path: Path, session_cache: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """河南's document, added without phrasings: a question in its own terms but without its place went to
    another document's hand-phrased clause; with the made phrasings it goes to 河南's clause."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in embedded_corpus_dir().iterdir():
        if path.is_file():
            shutil.copyfile(path, folder / path.name)
    for path in UNSEEN.glob("u102_henan-pingjia-jigou.*"):
        shutil.copyfile(path, folder / path.name)
    question = "首席技师的评价谁统筹"

    def top(cache: str) -> str:
        """The first hit, from an index built in a cache of its own (sharing the run's parsed word vectors)."""
        root = tmp_path / cache
        root.mkdir()
        (session_cache / "vectors").mkdir(exist_ok=True)
        (root / "vectors").symlink_to(session_cache / "vectors", target_is_directory=True)
        hits = Retriever.open(Workspace(folder, root)).search(question, limit=3).hits
        return hits[0].unit_id

    assert top("with") == "henan-2023-jigou/art_6"
    real = made.made_phrasings
    monkeypatch.setattr(made, "made_phrasings", lambda corpus, facts, units, *a: {u.id: [] for u in units})
    assert top("without") != "henan-2023-jigou/art_6"
    monkeypatch.setattr(made, "made_phrasings", real)


def test_a_notices_date_line_addressees_and_due_date_are_asked_in_peoples_words() -> None:
    assert "什么时候印发" in made._stated("2020年4月13日")
    assert "哪天发的" in made._stated("20211220")
    assert "发给哪些部门" in made._stated("各市人力资源和社会保障局、教育局，各有关单位:")
    assert "哪天截止" in made._stated("各有关单位及社会人士可在2020年4月26日前，通过以下两种方式反馈:")
    # a sentence starting with 各 and ending with a colon is not an address line
    assert "发给哪些部门" not in made._stated("各有关单位及社会人士可在2020年4月26日前，通过以下两种方式反馈:")
    assert made._stated("评价机构应于每年12月底前报送下一年度计划，电话12345678。") == []
