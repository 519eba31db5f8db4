"""Leave-one-out meets the lexicon a document added tomorrow would meet: without the entries only it motivates."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.evaluation.loo_lexicon import lexicon_without, only_in
from assistant.workspace import Workspace


def test_words_only_the_left_out_document_holds_leave_the_lexicon(workspace: Workspace, tmp_path: Path) -> None:
    corpus = workspace.corpus
    test = only_in(corpus, "suqian-2022-36")
    assert test("桌距")  # 宿迁 第八条 alone measures the desks' spacing
    assert not test("评价机构")  # every document's word
    assert test("外部考点")  # 宿迁 alone says 外部考点 (浙江 says 考点 outside its seat)
    assert not test("视频监控")  # five documents ask for video monitoring
    target = tmp_path / "lexicon.yaml"
    trimmed = lexicon_without(workspace.lexicon_file, corpus, "suqian-2022-36", target)
    before = yaml.safe_load(workspace.lexicon_file.read_text(encoding="utf-8"))
    after = yaml.safe_load(target.read_text(encoding="utf-8"))
    expansions = [w for c in after["concepts"].values() for w in c["expand"]]
    assert trimmed.expansions > 0 and "桌距" not in expansions
    assert not any(test(w) for w in expansions) and not any(test(t) for t in after["terms"])
    # what other documents hold stays, triggers stay, and nothing else of the file changes
    assert "视频监控" in after["concepts"]["video"]["expand"] and "外部考点" not in after["terms"]
    assert after["concepts"]["external_site"]["triggers"] == before["concepts"]["external_site"]["triggers"]
    assert after["stopwords"] == before["stopwords"]
    assert len(before["concepts"]) - len(after["concepts"]) == trimmed.concepts
