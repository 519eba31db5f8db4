"""The match table in the workspace: a where-question shows every place's status as a table, Enter on a
row opens that place's deciding clauses, the deciding questions and unlocks are shown under it, and F2
exports a briefing that walks the organisation through every place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.models import Decider, Match, Unlock, UnmetCondition
from assistant.tui.app import make_app
from assistant.tui.citations import CitationList, SourcePane
from assistant.tui.matches import MatchGrid, MatchPanel, deciding_units, heading, notes, row_cells
from assistant.tui.verdict import VerdictPanel

WHERE = "我们是行业协会，独立法人，场地1200平方米，租期6年，专职人员8人，在哪些地方能申请成为评价机构？"


def test_a_row_counts_unmet_conditions_and_distinct_missing_facts() -> None:
    m = Match.model_validate({
        "jurisdiction": "吉林省", "determination": "eligibility", "title": "t", "status": "not_eligible",
        "unmet": [{"text": "场地面积：1000平方米以上", "value": "600"}],
        "unknown": [{"text": "视频监控", "ask": "有吗？", "field": "video_monitoring"},
                    {"text": "视频监控设备", "ask": "有吗？", "field": "video_monitoring"},
                    {"text": "不良记录", "ask": "有吗？", "field": "bad_record"}]})
    assert [c.plain for c in row_cells(m)] == ["吉林省", "不符合", "1", "2"]


def test_notes_name_the_questions_and_what_one_change_turns() -> None:
    said = notes([Decider(field="video_monitoring", ask="有视频监控吗？", jurisdictions=["吉林省", "浙江省"])],
                 [Unlock(field="site_tenure_years", change="租期：3 → 至少 5 年", eligible=["吉林省"])]).plain
    assert said == "问1：有视频监控吗？（定 2 地）\n改一项：租期：3 → 至少 5 年：吉林省 变为符合"


def test_deciding_units_put_failed_conditions_before_missing_facts() -> None:
    m = Match(jurisdiction="吉林省", determination="eligibility", title="t", status="not_eligible",
              unmet=[UnmetCondition.model_validate({"text": "a", "citation": {"doc_id": "d", "label": "l", "text": "",
                                                                                "unit_id": "d/art_2"}})])
    assert deciding_units(m) == ["d/art_2"]


def test_an_eligible_row_opens_the_clauses_of_the_conditions_it_meets() -> None:
    ref = {"doc_id": "d", "label": "l", "text": "", "unit_id": "d/art_8"}
    m = Match.model_validate({"jurisdiction": "池州市", "determination": "eligibility", "title": "t", "status": "eligible",
                              "met": [{"text": "办公用房面积：不少于 50 平方米", "value": "60", "citation": ref},
                                      {"text": "考位：至少 30 个", "value": "35", "citation": ref}]})
    assert deciding_units(m) == ["d/art_8"]
    assert "✓ 办公用房面积：不少于 50 平方米（60）" in heading(m).plain


async def test_where_question_shows_the_table_and_enter_opens_a_place(fresh: Any, ask: Any, content: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, WHERE)
        panel = app.query_one(MatchPanel)
        assert panel.display and not app.query_one(VerdictPanel).display
        matches = app.last.matches
        grid = app.query_one(MatchGrid)
        shown = [[cell.plain for cell in grid.get_row_at(i)] for i in range(grid.row_count)]
        assert [row[0] for row in shown] == [m.jurisdiction for m in matches]
        assert {row[0] for row in shown} == {"宿迁市", "池州市", "吉林省", "浙江省", "江苏省"}
        # 1200 m², a six-year lease and 8 staff fail no place's threshold: nowhere is 不符合
        assert all(row[1] == "还需信息" and row[2] == "0" and int(row[3]) > 0 for row in shown)
        assert "问1：" in content(app.query_one("#match-notes"))

        grid.focus()
        grid.move_cursor(row=[row[0] for row in shown].index("吉林省"))
        await pilot.press("enter")
        await pilot.pause()
        jilin = next(m for m in matches if m.jurisdiction == "吉林省")
        cited = app.query_one(CitationList).citations
        assert [c.unit_id for c in cited] == deciding_units(jilin) and cited
        assert all(c.jurisdiction == "吉林省" for c in cited)
        source = content(app.query_one(SourcePane))
        assert source.startswith("吉林省：还需信息") and cited[0].text[:20] in source


async def test_a_failing_place_comes_last_with_the_change_that_would_turn_it(fresh: Any, ask: Any, content: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(80, 24)) as pilot:
        await ask(app, pilot, WHERE.replace("租期6年", "租期3年"))
        grid = app.query_one(MatchGrid)
        last = [cell.plain for cell in grid.get_row_at(grid.row_count - 1)]
        assert last[:3] == ["吉林省", "不符合", "1"]  # 吉林 asks for a lease of at least 5 years
        said = content(app.query_one("#match-notes"))
        assert "改一项：场地自有或租赁期：3 → 至少 5 年：吉林省" in said


async def test_f2_after_a_where_answer_walks_the_organisation_through_every_place(
        fresh: Any, ask: Any, settle: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, WHERE.replace("租期6年", "租期3年"))
        await pilot.press("f2")
        await settle(app, pilot)
        written = list(tmp_path.glob("policykg-简报-*.html"))
        assert len(written) == 1
        page = written[0].read_text(encoding="utf-8")
        assert "<h2>示例单位逐地判断" in page and '<tr class="differs"><td>吉林省</td><td>不符合</td>' in page
