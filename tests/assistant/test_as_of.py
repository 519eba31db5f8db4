"""Answers as of a date cite only what was in force then, and say what was left out."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main


def test_ask_as_of_cites_only_documents_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "--as-of", "2022-04-01", "外部考点条件"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert {c["doc_id"] for c in answer["citations"]} <= {"suqian-2022-36", "jiangsu-2019-178"}
    assert any("尚未施行" in n for n in answer["notes"])


def test_bad_date_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--as-of", "2022-13-40", "公示期"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
