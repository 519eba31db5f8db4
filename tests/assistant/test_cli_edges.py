"""The command line's promises: one line in Chinese per error, documented exit codes, no traceback, no hang."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def _index_built(workspace: Workspace) -> None:
    """Build the index first, so its progress lines do not mix with the errors under test."""
    from assistant.engine import Engine

    Engine.open(workspace)


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("policykg: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize(("argv", "words"), [
    (["nosuchcommand"], "无效的选择"),
    (["ask"], "缺少参数"),
    (["show", "--bogus", "宿迁"], "无法识别的参数"),
    (["ask", "-n", "-1", "公示期"], "不小于 0"),
    (["ask", "-n", "x", "公示期"], "不是整数"),
    (["chat", "-n", "-5"], "不小于 0"),
    (["export", "--format", "pdf"], "无效的选择"),
    (["--corpus"], "需要一个值"),
])
def test_usage_errors_are_one_chinese_line_exit_2(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = _one_line_error(capsys)
    assert words in err and "--help" in err and "usage:" not in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--help"]) == 0
    assert "exit codes:" in capsys.readouterr().out


def test_plain_policykg_in_a_pipe_prints_help_instead_of_opening_the_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main([]) == 2
    captured = capsys.readouterr()
    assert "usage: policykg" in captured.out and "终端应用只能在终端中打开" in captured.err


def test_plain_policykg_with_no_terminal_returns_at_once() -> None:
    """The real thing: no terminal on either side, the process ends instead of waiting for keys."""
    done = subprocess.run([sys.executable, "-m", "assistant"], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=60, cwd=REPO)
    assert done.returncode == 2 and "usage: policykg" in done.stdout and "Traceback" not in done.stderr


def test_an_internal_error_is_one_line_exit_70_and_debug_shows_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object, ws: object) -> int:
        raise ValueError("boom\nsecond line")

    monkeypatch.setattr("assistant.commands.show.run", broken)
    assert main(["show", "宿迁", "第九条"]) == 70
    err = _one_line_error(capsys)
    assert "内部错误" in err and "boom second line" in err and "POLICYKG_DEBUG" in err
    monkeypatch.setenv("POLICYKG_DEBUG", "1")
    with pytest.raises(ValueError):
        main(["show", "宿迁", "第九条"])


def test_interrupt_is_one_line_exit_130(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(args: object, ws: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("assistant.commands.show.run", interrupted)
    assert main(["show", "宿迁", "第九条"]) == 130
    assert "已中断" in _one_line_error(capsys)


def test_an_output_that_cannot_hold_chinese_is_explained(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(io.BytesIO(), encoding="ascii"))
    assert main(["show", "宿迁", "第九条"]) == 2
    assert "UTF-8" in _one_line_error(capsys)


def test_undecodable_argument_is_refused_for_json_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "\udcff公示期"]) == 2
    assert "不是 UTF-8" in _one_line_error(capsys)
    assert main(["show", "\udcff宿迁", "第九条"]) == 2
    assert "不是 UTF-8" in _one_line_error(capsys)


def _bytes_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_binary_lines_in_a_batch_are_refused_not_echoed(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _bytes_stdin(monkeypatch, b"\x00\x01\xff\xfe\x89PNG\r\n\x1a\n\xe5\x85\xac\xe7\xa4\xba\xe6\x9c\x9f\n")
    assert main(["ask", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("公示期\t") and captured.out.count("\n") == 1 and "PNG" not in captured.out
    assert "第 1 行" in captured.err and "不是 UTF-8" in captured.err


def test_json_batch_reports_a_bad_line_as_an_error_object(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _bytes_stdin(monkeypatch, b"\xff\xfe \xe5\x85\xac\n\xe6\xa1\x8c\xe8\xb7\x9d\n")
    assert main(["ask", "--json", "-"]) == 2
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["line"] == 1 and "不是 UTF-8" in first["error"] and "\ufffd" in first["question"]
    assert second["question"] == "桌距" and second["citations"]


def test_chat_goes_on_after_a_bad_line_and_says_so(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _bytes_stdin(monkeypatch, b"\xff\xfe\n\xe6\xa1\x8c\xe8\xb7\x9d\n")
    assert main(["chat", "--json"]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["question"] == "桌距"
    assert "第 1 行" in captured.err and "Traceback" not in captured.err


def test_limit_0_prints_the_answer_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "-n", "0", "公示期"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("答：") and "引用条款" not in out and "另有" in out


@pytest.mark.parametrize("argv", [["ask", "公示期"], ["show", "宿迁", "第九条"]])
def test_colour_on_a_terminal_unless_no_color(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert main(argv) == 0
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out and out
