"""What `pip install .` (the README's quick start) ships: every package and every data file the code reads.

An editable install (what CI uses) finds files in the checkout whatever pyproject.toml says; a regular
install carries only what is declared, so a package or a data file left out works in tests and fails for
users."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETUP = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_is_declared() -> None:
    found = {".".join(p.parent.relative_to(REPO).parts) for top in ("kg", "assistant")
             for p in (REPO / top).rglob("__init__.py") if "__pycache__" not in p.parts}
    assert found <= set(SETUP["packages"]), sorted(found - set(SETUP["packages"]))


def test_every_data_file_is_declared() -> None:
    for top in ("kg", "assistant"):
        globs = SETUP["package-data"][top]
        data = [p.relative_to(REPO / top).as_posix() for p in (REPO / top).rglob("*")
                if p.is_file() and p.suffix not in (".py", ".pyc", ".md") and "__pycache__" not in p.parts]
        missing = [f for f in data if not any(fnmatch.fnmatch(f, g) for g in globs)]
        assert not missing, (top, missing)
