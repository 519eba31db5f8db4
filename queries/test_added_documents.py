"""Documents added without phrasings are answered nearly as well as the shipped ones.

queries/unseen-docs/corpus holds 23 real documents of other places, none with phrasings, lexicon entries or
rules written for them; its development questions (questions-a/b.yaml) are asked of a corpus of the six
shipped documents plus those. Leave-one-out asks the held-out questions of each shipped document with its
own phrasings and the lexicon entries only its text holds removed. The floors sit a little under the figures in the README ("Measured quality").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluation.added import leave_one_out, unseen_documents
from assistant.workspace import Workspace

HERE = Path(__file__).parent
UNSEEN = (131, 0.86, 0.95, 0.05)  # questions, hit@1, hit@3, most share answered from another place's document
FLAGGED = 13  # of the 131 questions on added clauses, at most this many answered not covered or partial (10 %)
# overall hit@1, hit@3 with the document's phrasings and the lexicon entries only its text holds removed (the target
# is 0.80 / 0.92: not reached, 0.736 / 0.886 since place names and list openings are read as such, 0.728 / 0.886
# before; with the phrasings alone removed it was 0.798 / 0.910)
LOO = (0.72, 0.87)
# the third and fourth batches (development sets since measured once): questions, hit@1, hit@3; measured 0.86 / 0.97
# (35) and 0.85 / 0.96 (55) since a place name or title in the question no longer ranks clauses and an item is read
# with its list's opening
LATER_BATCHES = {"unseen-docs3": (35, 0.80, 0.94), "unseen-docs4": (55, 0.80, 0.92)}


def test_unseen_documents_are_answered(workspace: Workspace) -> None:
    size, hit1, hit3, leak = UNSEEN
    report, big = unseen_documents(workspace, HERE / "unseen-docs")
    assert len(big.corpus.documents) == len(workspace.corpus.documents) + 23
    assert report.overall.n == size, "the question set changed size: set its floor again"
    assert report.overall.hit1 >= hit1 and report.overall.hit3 >= hit3, report.overall
    assert report.leak.named >= 80 and report.leak.rate <= leak, report.leak.examples
    assert report.coverage.flagged <= FLAGGED, report.coverage.examples
    assert report.out_of_scope[0] >= 130, report.out_of_scope  # out-of-scope questions still flagged (of 146)


@pytest.mark.parametrize("name", sorted(LATER_BATCHES))
def test_the_later_batches_are_answered(workspace: Workspace, name: str) -> None:
    size, hit1, hit3 = LATER_BATCHES[name]
    report, _ = unseen_documents(workspace, HERE / name)
    assert report.overall.n == size, "the question set changed size: set its floor again"
    assert report.overall.hit1 >= hit1 and report.overall.hit3 >= hit3, report.overall
    assert report.leak.rate <= UNSEEN[3], report.leak.examples


def test_a_document_without_its_phrasings_is_still_answered(workspace: Workspace) -> None:
    report = leave_one_out(workspace, HERE)
    assert len(report.by_document) == 6
    assert report.overall.hit1 >= LOO[0] and report.overall.hit3 >= LOO[1], report.by_document


def test_a_determination_for_an_added_documents_place_cites_it(workspace: Workspace) -> None:
    """河南's document is in the corpus without rules: the answer says so, never that there is no rule,
    and the clauses shown are 河南's."""
    from datetime import date

    from assistant.dialogue import turn
    from assistant.engine import Engine
    from assistant.evaluation.added import unseen_corpus
    from assistant.understand.question import parse_question

    folder = unseen_corpus(workspace.corpus_dir, HERE / "unseen-docs" / "corpus",
                           workspace.cache_root / "corpora" / "unseen-docs")
    ws = Workspace(folder, workspace.cache_root)
    question = parse_question("我们是郑州的行业协会，能申请成为评价机构吗", ws.places)
    step = turn(None, question, ws, today=date(2025, 6, 1))
    assert step.verdict is None and "河南省职业技能等级评价机构管理办法" in (step.answer or "")
    assert "没有" not in (step.answer or "")
    hits = Engine.open(ws).retriever.search(question, limit=3).hits
    assert hits and all(h.unit_id.startswith("henan-") for h in hits)
