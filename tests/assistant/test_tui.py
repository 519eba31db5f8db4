"""The terminal workspace, driven as a user would with Textual's Pilot: answers, citations, verdicts."""

from __future__ import annotations

from typing import Any

from assistant.tui.app import make_app
from assistant.tui.browser import DocTree
from assistant.tui.citations import CitationList, SourcePane
from assistant.tui.conversation import AnswerView
from assistant.tui.facts import FactTable
from assistant.tui.verdict import VerdictPanel


def _walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in node.children:
        yield from _walk(child)


async def test_asking_lists_both_external_site_clauses(fresh: Any, ask: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "外部考点条件")
        labels = [c.label for c in app.last.citations]
        assert any("宿迁" in label and "第九条" in label for label in labels)
        assert any("浙江省技能人才评价机构管理办法" in label and "第十二条" in label for label in labels)


async def test_selecting_a_citation_shows_its_full_text(fresh: Any, ask: Any, content: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "外部考点条件")
        listing = app.query_one(CitationList)
        listing.index = next(i for i, c in enumerate(listing.citations) if c.label.endswith("第十二条"))
        await pilot.pause()
        assert "社会评价组织拟在机构所在地之外增设考点的" in content(app.query_one(SourcePane))


async def test_tree_opens_chizhou_article_8(fresh: Any, content: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(200, 60)) as pilot:
        tree = app.query_one(DocTree)
        tree.select_node(next(n for n in _walk(tree.root) if n.data == "chizhou-2024-4/art_8"))
        await pilot.pause()
        assert "社会培训评价组织职业技能等级认定备案条件" in content(app.query_one(SourcePane))


async def test_tree_labels_do_not_repeat_the_number(fresh: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(200, 60)):
        tree = app.query_one(DocTree)
        node = next(n for n in _walk(tree.root) if n.data == "suqian-2022-36/art_9")
        assert str(node.label).startswith("第九条 职业技能") and "第九条 第九条" not in str(node.label)


async def test_markup_in_a_question_is_shown_literally(fresh: Any, ask: Any, content: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "[bold]外部考点[/] [link=x]条件")
        assert "[bold]外部考点[/] [link=x]条件" in content(app.query(AnswerView).last())


async def test_help_screen_and_history(fresh: Any, ask: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(80, 24)) as pilot:
        await ask(app, pilot, "公示期")
        await pilot.press("up")
        assert app.query_one("#question").value == "公示期"
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"


async def test_two_turn_eligibility_dialogue_ends_in_a_verdict(fresh: Any, ask: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "我们是吉林的技工学校，能申请成为评价机构吗？")
        assert app.last.verdict is not None and app.last.verdict.status == "needs_info"
        assert app.query_one("#reasoning").display and app.last.follow_up
        await ask(app, pilot, "场地只有600平方米")
        assert app.last.verdict is not None and app.last.verdict.status == "not_eligible"
        panel = app.query_one(VerdictPanel)
        lines = " ".join(line.plain for line in panel.lines)
        assert "不符合" in lines and "✗ 场地面积" in lines and "一（二）3（1）" in lines
        rows = [str(app.query_one(FactTable).get_row(k)[0]) for k in ("site_area", "org_type")]
        assert rows == ["场地面积(平方米)", "单位类型"]


async def test_editing_a_fact_recomputes_the_verdict(fresh: Any, ask: Any, settle: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "我们是吉林的技工学校，场地600平方米，能申请吗？")
        assert app.last.verdict.status == "not_eligible"
        table = app.query_one(FactTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("site_area"))
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#fact-value").value = "1200平方米"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.last.verdict.status == "needs_info"
        assert fresh.state.profile.site_area == 1200


async def test_selecting_a_condition_opens_its_clause(fresh: Any, ask: Any, content: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "宿迁的职业技能培训机构能设外部考点吗")
        panel = app.query_one(VerdictPanel)
        panel.focus()
        panel.index = 1  # the first condition line (unmet ones first)
        await pilot.press("enter")
        await pilot.pause()
        assert "公共实训中心（基地）、职业技能培训机构不得设置外部考点" in content(app.query_one(SourcePane))


async def test_palette_scopes_questions_and_lists_briefings(fresh: Any, ask: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        labels = [label for label, _, _ in app.palette_entries()]
        assert "范围：只看吉林省" in labels and "导出简报（HTML）：公示期" in labels and "切换明暗主题" in labels
        assert "导出简报（Word）：公示期" in labels
        assert any(label.startswith("文件：池州市") for label in labels)
        next(action for label, action, _ in app.palette_entries() if label == "范围：只看吉林省")()
        await ask(app, pilot, "什么时候可以申报？")
        assert app.last.intent == "window" and app.last.verdict is not None
        assert app.last.question == "什么时候可以申报？"
