""".ci/run installs into a virtualenv of its own, outside the checkout, and leaves nothing behind.

The script is run for real in a copy of the checkout, with a stand-in `python3` on PATH whose `-m venv`
makes a virtualenv of two logging scripts (pip, pytest): what is tested is the script's own doing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

FAKE_PYTHON = """#!/usr/bin/env bash
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin"
  printf '#!/bin/sh\\necho "pip $*" >> "$CI_LOG"\\n' > "$3/bin/pip"
  printf '#!/bin/sh\\necho "pytest $(pwd) $*" >> "$CI_LOG"\\nexit ${FAKE_PYTEST_EXIT:-0}\\n' > "$3/bin/pytest"
  for tool in ruff lint-imports mypy; do
    printf '#!/bin/sh\\necho "%s $*" >> "$CI_LOG"\\n' "$tool" > "$3/bin/$tool"
    chmod +x "$3/bin/$tool"
  done
  chmod +x "$3/bin/pip" "$3/bin/pytest"
  echo "venv $3" >> "$CI_LOG"
fi
"""


@pytest.fixture()
def checkout(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy2(REPO / ".ci" / "run", repo / ".ci" / "run")
    (repo / ".venv").mkdir()
    (repo / ".venv" / "mine").write_text("a developer's own virtualenv", encoding="utf-8")
    return repo


def _run(checkout: Path, tmp_path: Path, pytest_exit: int = 0) -> tuple[int, list[str], Path]:
    bin_dir, temp, log = tmp_path / "bin", tmp_path / "tmp", tmp_path / "ci.log"
    bin_dir.mkdir()
    temp.mkdir()
    (bin_dir / "python3").write_text(FAKE_PYTHON, encoding="utf-8")
    (bin_dir / "python3").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "TMPDIR": str(temp), "CI_LOG": str(log),
           "FAKE_PYTEST_EXIT": str(pytest_exit)}
    env.pop("POLICYKG_CACHE", None)
    done = subprocess.run(["bash", str(checkout / ".ci" / "run"), "-q"], env=env, capture_output=True, text=True,
                          timeout=60)
    return done.returncode, log.read_text(encoding="utf-8").splitlines(), temp


def test_ci_builds_its_venv_outside_the_checkout_and_cleans_up(checkout: Path, tmp_path: Path) -> None:
    code, log, temp = _run(checkout, tmp_path)
    assert code == 0, log
    venv = Path(log[0].split(" ", 1)[1])
    assert checkout not in venv.parents and temp in venv.parents
    assert log[1] == 'pip install -q -e .[test,lint]'
    assert log[2:5] == ["ruff check .", "lint-imports ", "mypy "]  # the linters first
    assert log[5] == f"pytest {checkout} -q"  # the README's test command, from the checkout
    assert (checkout / ".venv" / "mine").exists()
    assert list(temp.iterdir()) == []  # no venv, no empty cache folder left behind


def test_ci_failure_is_reported_and_still_cleans_up(checkout: Path, tmp_path: Path) -> None:
    code, _, temp = _run(checkout, tmp_path, pytest_exit=1)
    assert code == 1
    assert list(temp.iterdir()) == [] and (checkout / ".venv" / "mine").exists()
