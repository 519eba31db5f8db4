"""Briefings as Word documents: the same content as the Markdown, read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brief.build import Briefing, build_briefing
from assistant.brief.render import to_markdown
from assistant.brief.word import to_docx
from assistant.cli import main
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
from kg.models import Corpus


@pytest.fixture(scope="module")
def external_site(workspace: Workspace) -> Briefing:
    return build_briefing("外部考点", workspace.corpus, workspace.facts, Retriever.open(workspace))


def test_docx_reads_back_with_the_same_content(external_site: Briefing, corpus: Corpus, tmp_path: Path) -> None:
    import docx

    path = tmp_path / "b.docx"
    path.write_bytes(to_docx(external_site, corpus))
    doc = docx.Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    md = to_markdown(external_site, corpus)
    assert [h for h in headings if h in md.replace("## ", "").splitlines()] == [
        line[3:] for line in md.splitlines() if line.startswith("## ")]
    text = "\n".join(p.text for p in doc.paragraphs)
    for line in external_site.summary:
        assert line in text
    for unit_id in external_site.appendix:
        assert corpus.unit(unit_id).label in text
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["要求", *external_site.jurisdictions]
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_brief_command_writes_docx(tmp_path: Path) -> None:
    out = tmp_path / "外部考点.docx"
    assert main(["brief", "外部考点", "--format", "docx", "-o", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert main(["brief", "外部考点", "--format", "docx"]) == 2  # Word files are not written to a terminal
