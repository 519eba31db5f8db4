"""The HTML briefing as it prints: rendered to PDF by headless Chromium where Chromium is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from assistant.brief.build import build_briefing
from assistant.brief.render import to_html
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")


def _pdf(html: Path, pdf: Path, profile: Path) -> None:
    """Print a page the way a browser does, with nothing fetched and a fresh profile."""
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",  # type: ignore[list-item]
                    "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)


def test_briefing_prints_one_section_a_page_on_a4(tmp_path: Path, workspace: Workspace) -> None:
    corpus = workspace.corpus
    briefing = build_briefing("外部考点", corpus, workspace.facts, Retriever.open(workspace))
    html = tmp_path / "brief.html"
    html.write_text(to_html(briefing, corpus), encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    _pdf(html, pdf, tmp_path / "profile")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages >= html.read_text(encoding="utf-8").count("<section>")  # every section starts a page
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert box and abs(float(box.group(1)) - 595) < 3 and abs(float(box.group(2)) - 842) < 3  # A4 in points
