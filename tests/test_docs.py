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


def _help(command: str) -> str:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices[command].format_help()  # type: ignore[union-attr]


@pytest.mark.parametrize("command", _available())
def test_every_command_help_has_an_example_and_its_exit_codes(command: str) -> None:
    help_text = _help(command)
    examples = help_text.split("examples:", 1)[-1]
    assert "examples:" in help_text and f"policykg {command}" in examples.replace("policykg --corpus ~/policykg-corpus", "policykg")
    codes = help_text.split("exit codes:", 1)
    assert len(codes) == 2 and "0 " in codes[1] and "2 " in codes[1]


def test_readme_documents_the_exit_codes_the_cli_uses() -> None:
    import re

    from kg.errors import PolicyKGError

    sentence = README.split("Exit codes:", 1)[1].split("\n\n", 1)[0]
    for code, words in [(0, "success"), (1, "nothing found"), (2, "bad input"), (3, "corpus or index"),
                        (70, "internal error"), (130, "interrupted")]:
        assert re.search(rf"\b{code} {words}", " ".join(sentence.split())), (code, words)
    assert "never a traceback" in sentence

    def leaves(cls: type) -> list[type]:
        return [cls] + [c for sub in cls.__subclasses__() for c in leaves(sub)]

    import importlib

    for module in ("kg.files", "kg.sparql", "kg.export", "kg.temporal", "assistant.understand.question", "assistant.search.phrasings", "assistant.workspace",
                   "assistant.compare.table", "assistant.brief.build", "assistant.reason.rules"):
        importlib.import_module(module)  # defines the errors the commands raise
    for cls in leaves(PolicyKGError):
        assert cls.exit_code in (1, 2, 3), cls


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```sh")[1:]
    assert len(blocks) == 2
    assert "policykg ask" in blocks[0] and "pytest" in blocks[1]
