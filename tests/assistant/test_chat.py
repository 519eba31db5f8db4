"""`policykg chat` in a pipe: one turn per line, the conversation carried across lines."""

from __future__ import annotations

import io
import json

import pytest

from assistant.cli import main


def test_chat_in_a_pipe_carries_the_conversation(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = "我们是吉林的技工学校，能申请成为认定机构吗？\n场地只有600平方米\n\n重新开始\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["chat", "--json", "--today", "2025-06-01"]) == 0
    turns = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [t["intent"] for t in turns] == ["eligibility", "eligibility", "help"]
    assert turns[0]["verdict"]["status"] == "needs_info" and turns[0]["follow_up"]
    second = turns[1]["verdict"]
    assert second["status"] == "not_eligible"
    assert any(c["status"] == "unmet" and c["citation"]["unit_id"] == "jilin-2022-78/sec_1/item_2/pt_3/sub_1"
               for c in second["conditions"])
    assert turns[2]["verdict"] is None


def test_chat_rejects_a_bad_date(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("吉林今天能申报吗\n"))
    assert main(["chat", "--today", "2025-02-30"]) == 2
    assert "不是日期" in capsys.readouterr().err
