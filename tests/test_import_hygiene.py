"""Boundaries you can see: kg never imports assistant; `show` never pays for heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = {"textual", "whoosh", "jieba", "rdflib", "networkx", "zhconv"}


def _modules_after(code: str) -> set[str]:
    probe = f"import sys, json\n{code}\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_show_imports_no_heavy_library() -> None:
    loaded = _modules_after("from assistant.cli import main\nmain(['show', '宿迁', '第九条'])")
    assert not loaded & HEAVY, loaded & HEAVY


def test_kg_package_never_imports_assistant() -> None:
    for path in (REPO / "kg").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "from assistant" not in text and "import assistant" not in text, path


def test_only_tui_modules_import_textual() -> None:
    for path in (REPO / "assistant").rglob("*.py"):
        if "tui" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "from textual" not in text and "import textual" not in text, path
