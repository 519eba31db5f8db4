"""Coverage weighs what the user asked, read past the segmenter's cuts, and its confidence means what it says.

On the real corpus: asking forms (能不能, 还能…吗) are not content words a clause could leave out; a compound is
stated through its parts, a table row through its headings; a question quoting its clause is answered by it; a
term asked of a thing the clause does not name is not covered; a near tie with the next clause is not shown as
confident.
"""

from __future__ import annotations

import pytest

from assistant.engine import MAX_CITATIONS, Engine
from assistant.search.coverage import TIED_CAP, Evidence, gather, judge
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


def evidence(engine: Engine, question: str) -> Evidence:
    result = engine.retriever.search(engine.read(question), limit=MAX_CITATIONS * 2)
    return gather(engine.retriever, result)


@pytest.mark.parametrize("question", ["江苏的第三方评价机构可不可以同时搞培训", "池州评价机构的证书还能发吗"])
def test_asking_forms_are_not_weighed_as_content(engine: Engine, question: str) -> None:
    ev = evidence(engine, question)
    assert not [w for w in ev.unstated if "不" in w or w.startswith("能")], ev.unstated


def test_a_compound_is_stated_through_its_parts(engine: Engine) -> None:
    retriever = engine.retriever
    assert retriever.states_in_parts("chizhou-2024-4/art_15/pt_1", "认定计划")  # 认定批次计划
    assert not retriever.states_in_parts("chizhou-2024-4/art_15/pt_1", "评价计划")


def test_a_table_row_states_its_headings(engine: Engine) -> None:
    assert "第三方评价机构" in engine.retriever.headed("jiangsu-2019-178/annex_3/sec_2/row_13")


def test_a_question_quoting_its_clause_is_covered(engine: Engine) -> None:
    question = "随意降低标准、规范要求命制的试题视为无效，这句话怎么理解"
    ev = evidence(engine, question)
    engine.reset()
    answer = engine.ask(question)
    assert ev.quoted_chars >= 9 and answer.coverage == "covered", (ev, answer.confidence)


def test_a_term_of_a_thing_the_clause_does_not_name_is_not_covered(engine: Engine) -> None:
    engine.reset()
    answer = engine.ask("监考员证的有效期多久")
    assert answer.coverage == "not_covered" and answer.verdict is None
    assert "监考员证" in (answer.coverage_note or ""), answer.coverage_note


def test_a_near_tie_is_not_confident() -> None:
    strong = {"stated": 1.0, "unknown": 0.0, "hits": 5, "strength": 5.0, "actor": True}
    assert judge(Evidence(margin=1.0, **strong)).confidence >= 0.8
    assert judge(Evidence(margin=0.05, **strong)).confidence == TIED_CAP
