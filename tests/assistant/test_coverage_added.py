"""A document a regulator adds (no hand-written phrasings) answers questions about its own clauses as
covered, while a question the documents do not address stays not covered.

The corpus is the six shipped documents plus one real document of another place
(queries/unseen-docs/corpus: 河南's rules on evaluation organisations), built in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.engine import Engine
from assistant.evaluation.added import unseen_corpus
from assistant.search.coverage import hand_phrased
from assistant.workspace import Workspace

UNSEEN = Path(__file__).parents[2] / "queries" / "unseen-docs" / "corpus"
ADDED = "u102_henan-pingjia-jigou"


@pytest.fixture(scope="module")
def engine(workspace: Workspace, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    one = tmp_path_factory.mktemp("added")
    for suffix in (".txt", ".meta.yaml"):
        shutil.copyfile(UNSEEN / f"{ADDED}{suffix}", one / f"{ADDED}{suffix}")
    folder = unseen_corpus(workspace.corpus_dir, one, tmp_path_factory.mktemp("corpus") / "corpus")
    return Engine.open(Workspace(folder, workspace.cache_root, lexicon_file=workspace.lexicon_file,
                                 phrasings_dir=workspace.phrasings_dir))


def test_the_added_document_has_no_phrasings_and_the_shipped_ones_do(engine: Engine) -> None:
    added = [d.meta.id for d in engine.corpus.documents if d.meta.id.startswith("henan-")]
    assert len(added) == 1 and not hand_phrased(engine.retriever, added[0])
    assert hand_phrased(engine.retriever, "suqian-2022-36")


@pytest.mark.parametrize("question, article", [
    ("河南的评价机构分哪几种？", "art_2"),  # flagged not covered while the strength lacked what phrasings add
    ("河南办法适用于什么机构？", "art_2"),
    ("河南的评价机构能不能跨省辖市开展评价活动？", "art_5"),
])
def test_a_question_on_an_added_clause_is_covered(engine: Engine, question: str, article: str) -> None:
    engine.reset()
    answer = engine.ask(question)
    assert answer.citations and answer.citations[0].unit_id.startswith(f"henan-2023-jigou/{article}")
    assert answer.coverage == "covered", (answer.confidence, answer.coverage_note)


@pytest.mark.parametrize("question", ["河南的驾照年审怎么办理？", "郑州中级职称评审需要什么条件？"])
def test_an_out_of_scope_question_about_its_place_stays_not_covered(engine: Engine, question: str) -> None:
    engine.reset()
    answer = engine.ask(question)
    assert answer.coverage == "not_covered" and answer.verdict is None, (answer.confidence, answer.citations[:1])
