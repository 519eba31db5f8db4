"""Docs that cannot drift: every command is in the README and teaches in its --help."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import _available, build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", _available())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"policykg {command}" in README


@pytest.mark.parametrize("command", _available())
def test_every_command_has_help_with_a_description(command: str) -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    help_text = sub.choices[command].format_help()  # type: ignore[union-attr]
    assert len(help_text) > 200 and "usage:" in help_text


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```sh")[1:]
    assert len(blocks) == 2
    assert "policykg ask" in blocks[0] and "pytest" in blocks[1]
