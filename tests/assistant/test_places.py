"""Places of all of China: a named place selects its documents, else those of the nearest place above it."""

from __future__ import annotations

import pytest

from assistant.workspace import Workspace


@pytest.mark.parametrize(("text", "jurisdictions", "fallback"), [
    ("宿迁的评价机构", ["宿迁市"], {}),
    ("沭阳县的行业协会", ["宿迁市"], {"沭阳县": "宿迁市"}),  # a county goes through its city
    ("苏州的企业", ["江苏省"], {"苏州市": "江苏省"}),  # a city without a document: its province's
    ("昆山的企业", ["江苏省"], {"昆山市": "江苏省"}),  # a county-level city the hand list never had
    ("合肥的行业协会", ["安徽省"], {}),  # nothing at or above it: its province is named, nothing selected
    ("广州的技工学校", ["广东省"], {}),
])
def test_a_place_is_answered_by_the_nearest_place_with_a_document(
        workspace: Workspace, text: str, jurisdictions: list[str], fallback: dict[str, str]) -> None:
    scope = workspace.places.scope(text)
    assert scope.jurisdictions == jurisdictions and scope.fallback == fallback
    assert bool(scope.boosts) == (jurisdictions[0] in {d.meta.jurisdiction for d in workspace.corpus.documents})


@pytest.mark.parametrize("text", ["合作单位能不能评", "考核时间能否延长", "资源共享", "朝阳区的机构"])
def test_ordinary_words_and_ambiguous_names_are_no_place(workspace: Workspace, text: str) -> None:
    """合作市, 延长县 and 资源县 exist, but their short names are ordinary words; 朝阳区 is in 北京 and 长春."""
    assert workspace.places.scope(text).jurisdictions == []
