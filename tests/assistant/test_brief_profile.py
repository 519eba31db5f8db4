"""`policykg brief TOPIC --profile FILE.yaml`: a sample organisation walked through every jurisdiction, read
back from the Markdown, HTML and Word files the command writes; a bad profile file is one line of Chinese
and exit code 2, with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brief.profile import HEADER
from assistant.cli import main

# A lease of 3 years: 吉林 asks for 5 (一（二）3（1）), the other places for less or nothing.
ORG = "org_type: industry_association\nlegal_person: true\nsite_area: 1200\nsite_tenure_years: 3\nfulltime_staff: 8\n"
JILIN_LEASE = "租赁期不少于5年"


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("profile") / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def markdown(org: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("brief") / "b.md"
    assert main(["brief", "申请条件", "--profile", str(org), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _section(text: str) -> str:
    start = text.index("## 示例单位逐地判断")
    return text[start:text.index("\n## ", start + 1)]


def test_markdown_walks_every_place_with_jilin_failing_on_its_lease(markdown: str) -> None:
    section = _section(markdown)
    rows = {line.split(" | ")[0].lstrip("| "): line.split(" | ") for line in section.splitlines()
            if line.startswith("| ") and not line.startswith("| 地区")}
    assert set(rows) == {"宿迁市", "池州市", "吉林省", "浙江省", "江苏省"}
    assert rows["吉林省"][1] == "不符合" and JILIN_LEASE in rows["吉林省"][2] and "一（二）3（1）" in rows["吉林省"][2]
    assert "至少 5 年" in rows["吉林省"][4]
    assert all(row[1] == "还需信息" and row[2] == "—" for place, row in rows.items() if place != "吉林省")
    assert "租期(年)：3" in section and "吉林省 不再不符合" in section  # the profile and the counterfactual
    assert "最能定结论的问题：" in section


def test_the_failing_clause_is_quoted_in_the_appendix(markdown: str) -> None:
    appendix = markdown[markdown.index("## 附录"):]
    assert "### 《关于持续开展社会培训评价组织职业技能等级认定机构征集工作的通知》一（二）3（1）" in appendix
    assert appendix.count("### ") == len(set(line for line in appendix.splitlines() if line.startswith("### ")))


def test_without_profile_there_is_no_walk(tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    assert main(["brief", "申请条件", "-o", str(out)]) == 0
    assert "示例单位" not in out.read_text(encoding="utf-8")


def test_html_and_docx_carry_the_same_rows(org: Path, tmp_path: Path) -> None:
    import docx

    html, word = tmp_path / "b.html", tmp_path / "b.docx"
    assert main(["brief", "申请条件", "--profile", str(org), "-o", str(html)]) == 0
    page = html.read_text(encoding="utf-8")
    assert "<h2>示例单位逐地判断" in page and '<tr class="differs"><td>吉林省</td><td>不符合</td>' in page
    assert main(["brief", "申请条件", "--profile", str(org), "-o", str(word)]) == 0
    tables = docx.Document(str(word)).tables
    walk = next(t for t in tables if [c.text for c in t.rows[0].cells] == HEADER)
    cells = {r.cells[0].text: [c.text for c in r.cells] for r in walk.rows[1:]}
    assert cells["吉林省"][1] == "不符合" and JILIN_LEASE in cells["吉林省"][2]
    assert len(cells) == 5


@pytest.mark.parametrize(("name", "text", "says"), [
    ("missing.yaml", None, "不存在"),
    ("broken.yaml", "org_type: [\n", "不是有效的 YAML"),
    ("unknown.yaml", "org_type: industry_association\nsite_aera: 1200\n", "没有字段“site_aera”"),
], ids=["missing", "bad-yaml", "unknown-field"])
def test_a_bad_profile_is_one_line_and_exit_2(name: str, text: str | None, says: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "b.md"
    assert main(["brief", "申请条件", "--profile", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and says in err and err.startswith("policykg: ")
    assert not out.exists()
