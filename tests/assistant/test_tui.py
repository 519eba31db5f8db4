"""The terminal workspace, driven as a user would with Textual's Pilot."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.tui.app import PolicyApp, make_app
from assistant.tui.widgets import CitationList, DocTree, SourcePane
from assistant.workspace import Workspace


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Engine:
    return Engine.open(workspace)


async def _ask(app: PolicyApp, pilot, question: str) -> None:  # type: ignore[no-untyped-def]
    app.query_one("#question").value = question  # type: ignore[attr-defined]
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


def _source(app: PolicyApp) -> str:
    return str(app.query_one(SourcePane).render())


async def test_asking_lists_both_external_site_clauses(engine: Engine) -> None:
    app = make_app(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await _ask(app, pilot, "外部考点条件")
        labels = [c.label for c in app.last.citations]  # type: ignore[union-attr]
        assert any("宿迁" in label and "第九条" in label for label in labels)
        assert any("浙江省技能人才评价机构管理办法" in label and "第十二条" in label for label in labels)


async def test_selecting_a_citation_shows_its_full_text(engine: Engine) -> None:
    app = make_app(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await _ask(app, pilot, "外部考点条件")
        listing = app.query_one(CitationList)
        target = next(i for i, c in enumerate(listing.citations) if c.label.endswith("第十二条"))
        listing.index = target
        await pilot.pause()
        assert "社会评价组织拟在机构所在地之外增设考点的" in _source(app)


async def test_tree_opens_chizhou_article_8(engine: Engine) -> None:
    app = make_app(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        tree = app.query_one(DocTree)
        node = next(n for n in _walk(tree.root) if n.data == "chizhou-2024-4/art_8")
        tree.select_node(node)
        await pilot.pause()
        assert "社会培训评价组织职业技能等级认定备案条件" in _source(app)


async def test_markup_in_a_question_is_shown_literally(engine: Engine) -> None:
    app = make_app(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await _ask(app, pilot, "[bold]外部考点[/] [link=x]条件")
        shown = str(app.query("AnswerView").last().render())
        assert "[bold]外部考点[/] [link=x]条件" in shown


async def test_help_screen_and_history(engine: Engine) -> None:
    app = make_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ask(app, pilot, "公示期")
        await pilot.press("up")
        assert app.query_one("#question").value == "公示期"  # type: ignore[attr-defined]
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"


def _walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in node.children:
        yield from _walk(child)


async def test_export_briefing_of_the_current_topic(engine: Engine, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    app = make_app(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await _ask(app, pilot, "各地公示期有什么不同")
        await pilot.press("f2")
        await app.workers.wait_for_complete()
        await pilot.pause()
    [written] = list(tmp_path.glob("*.html"))
    assert "公示期" in written.name and "<svg" in written.read_text(encoding="utf-8") or "阶梯" in written.read_text(encoding="utf-8")


async def test_two_turn_eligibility_dialogue_ends_in_a_verdict(engine: Engine) -> None:
    from assistant.tui.verdict import FactTable, VerdictPanel

    engine.reset()
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _ask(app, pilot, "我们是吉林的技工学校，能申请成为评价机构吗？")
        assert app.last.verdict is not None and app.last.verdict.status == "needs_info"  # type: ignore[union-attr]
        assert app.query_one("#reasoning").display and app.last.follow_up  # type: ignore[union-attr]
        await _ask(app, pilot, "场地只有600平方米")
        verdict = app.last.verdict  # type: ignore[union-attr]
        assert verdict is not None and verdict.status == "not_eligible"
        panel = app.query_one(VerdictPanel)
        shown = " ".join(str(item.query_one("Static").render()) for item in panel.children)
        assert "不符合" in shown and "✗ 场地面积" in shown and "一（二）3（1）" in shown
        rows = [str(app.query_one(FactTable).get_row(k)[0]) for k in ("site_area", "org_type")]
        assert rows == ["场地面积(平方米)", "单位类型"]


async def test_editing_a_fact_recomputes_the_verdict(engine: Engine) -> None:
    from assistant.tui.verdict import FactTable

    engine.reset()
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _ask(app, pilot, "我们是吉林的技工学校，场地600平方米，能申请吗？")
        assert app.last.verdict.status == "not_eligible"  # type: ignore[union-attr]
        table = app.query_one(FactTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("site_area"))
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#fact-value").value = "1200平方米"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.last.verdict.status == "needs_info"  # type: ignore[union-attr]
        assert engine.state.profile.site_area == 1200


async def test_selecting_a_condition_opens_its_clause(engine: Engine) -> None:
    from assistant.tui.verdict import VerdictPanel

    engine.reset()
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await _ask(app, pilot, "宿迁的职业技能培训机构能设外部考点吗")
        panel = app.query_one(VerdictPanel)
        panel.focus()
        panel.index = 1  # the first condition line (unmet ones first)
        await pilot.press("enter")
        await pilot.pause()
        assert "公共实训中心（基地）、职业技能培训机构不得设置外部考点" in _source(app)


async def test_palette_scopes_questions_and_lists_briefings(engine: Engine) -> None:
    engine.reset()
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        labels = [label for label, _, _ in app.palette_entries()]
        assert "范围：只看吉林省" in labels and "导出简报：公示期" in labels and "切换明暗主题" in labels
        assert any(label.startswith("文件：池州市") for label in labels)
        scope = next(action for label, action, _ in app.palette_entries() if label == "范围：只看吉林省")
        scope()
        await _ask(app, pilot, "什么时候可以申报？")
        assert app.last.intent == "window" and app.last.verdict is not None  # type: ignore[union-attr]
        assert app.last.question == "什么时候可以申报？"  # type: ignore[union-attr]
        app.set_scope(None)
    engine.place = None
