"""`policykg ask` as users and scripts run it: answers, JSON contract, batch, bad input."""

from __future__ import annotations

import io
import json

import pytest

from assistant.cli import main

ANSWER_FIELDS = {"question", "intent", "answer", "citations", "verdict", "follow_up"}
CITATION_FIELDS = {"doc_id", "doc_title", "doc_number", "jurisdiction", "article", "label", "text", "score"}


def _ask_json(capsys: pytest.CaptureFixture[str], *question: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["ask", "--json", *question])
    out = capsys.readouterr().out.strip()
    return code, json.loads(out)


def _cites(answer: dict, unit_prefix: str, top: int = 3) -> bool:  # type: ignore[type-arg]
    return any(c["unit_id"].startswith(unit_prefix) for c in answer["citations"][:top])


def test_external_site_question_cites_both_jurisdictions(capsys: pytest.CaptureFixture[str]) -> None:
    code, answer = _ask_json(capsys, "外部考点条件")
    assert code == 0
    assert _cites(answer, "suqian-2022-36/art_9") and _cites(answer, "zhejiang-2022-20-jigou/art_12")


def test_json_is_the_answer_model_with_stable_fields(capsys: pytest.CaptureFixture[str]) -> None:
    _, answer = _ask_json(capsys, "吉林申报时间")
    assert ANSWER_FIELDS <= set(answer)
    first = answer["citations"][0]
    assert CITATION_FIELDS <= set(first)
    assert first["unit_id"] == "jilin-2022-78/sec_6"
    assert "3月15—30日" in first["text"] and first["label"].endswith("》六")
    assert answer["verdict"] is None or isinstance(answer["verdict"], dict)


def test_citation_text_is_the_full_unit_text(capsys: pytest.CaptureFixture[str], corpus) -> None:  # type: ignore[no-untyped-def]
    _, answer = _ask_json(capsys, "桌距")
    for c in answer["citations"]:
        assert c["text"] == corpus.unit(c["unit_id"]).text


def test_place_named_ranks_its_documents_first(capsys: pytest.CaptureFixture[str]) -> None:
    _, answer = _ask_json(capsys, "宿迁", "外部考点")
    assert answer["citations"][0]["doc_id"] == "suqian-2022-36"
    assert answer["jurisdictions"] == ["宿迁市"]


def test_reference_typed_as_question_is_looked_up(capsys: pytest.CaptureFixture[str]) -> None:
    _, answer = _ask_json(capsys, "浙江监督 第20条")
    assert answer["citations"][0]["unit_id"] == "zhejiang-2022-20-jiandu/art_20"


def test_text_output_highlights_and_labels(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "档案保存期限"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("答：据《") and "引用条款：" in out and "【" in out


def test_batch_reads_one_question_per_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("公示期\n\n   \n桌距\n"))
    assert main(["ask", "--json", "-"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(x)["question"] for x in lines] == ["公示期", "桌距"]


@pytest.mark.parametrize("question", ["", "   ", "\x00\x01", "\x1b[31m\x1b[0m"])
def test_empty_question_is_a_clear_error(question: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", question]) == 2
    captured = capsys.readouterr()
    assert "问题是空的" in captured.err and "Traceback" not in captured.err


def test_huge_question_is_cut_with_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    code, answer = _ask_json(capsys, "外部考点条件" * 20000)
    assert code == 0 and len(answer["question"]) == 1000
    assert any("过长" in n for n in answer["notes"])


def test_markup_and_escapes_are_text_not_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, answer = _ask_json(capsys, "[bold]外部考点[/] \x1b[2J条件 🎉")
    assert code == 0
    assert answer["question"] == "[bold]外部考点[/] 条件 🎉"
    assert _cites(answer, "suqian-2022-36/art_9") or _cites(answer, "zhejiang-2022-20-jigou/art_12")


def test_question_nothing_answers_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "今天天气怎么样"]) == 1
    assert "这些文件没有" in capsys.readouterr().out


def test_english_only_gets_a_best_effort_answer(capsys: pytest.CaptureFixture[str]) -> None:
    code, answer = _ask_json(capsys, "video monitoring requirements")
    assert code == 0
    assert any("视频监控" in c["text"] for c in answer["citations"][:3])


def test_console_entry_flushes_everything_and_keeps_the_exit_code() -> None:
    """The script leaves with os._exit (no interpreter teardown): output must still be complete."""
    import json
    import subprocess
    import sys

    lines = "\n".join(["外部考点条件", "宿迁 第九条", "考场桌距"]) + "\n"
    done = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", "-"], input=lines,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["question"] for a in answers] == ["外部考点条件", "宿迁 第九条", "考场桌距"]
    empty = subprocess.run([sys.executable, "-m", "assistant", "ask", " "], capture_output=True, text=True, timeout=120)
    assert empty.returncode == 2 and "问题是空的" in empty.stderr
