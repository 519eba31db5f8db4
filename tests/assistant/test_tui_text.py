"""What the workspace says: follow-ups once, 重新开始 without stray citations, 为什么问这个 / 不知道
with nothing pending, long questions cut, every message in Chinese, an honest clipboard message,
notifications that never cover the panes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.tui.app import make_app
from assistant.tui.citations import CitationList
from assistant.tui.conversation import AnswerView
from assistant.tui.notice import NoticeBar


async def test_a_follow_up_question_is_printed_once(fresh: Any, ask: Any, content: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "我们是吉林的技工学校，能申请成为评价机构吗？")
        text = content(app.query(AnswerView).last())
        assert app.last.follow_up and text.count(app.last.follow_up[0]) == 1


async def test_restart_forgets_and_shows_no_citations(fresh: Any, ask: Any, content: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, "我们是吉林的技工学校，场地600平方米，能申请吗？")
        await ask(app, pilot, "重新开始")
        assert "已重新开始" in content(app.query(AnswerView).last())
        assert app.query_one(CitationList).citations == [] and not app.query_one("#reasoning").display
        assert fresh.known_facts() == []


@pytest.mark.parametrize("said", ["为什么问这个？", "不知道"])
async def test_why_and_dont_know_with_nothing_pending_say_so(fresh: Any, ask: Any, content: Any, said: str) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(app, pilot, said)
        assert "现在没有待回答的追问" in content(app.query(AnswerView).last())
        assert app.last is None  # the engine was not asked: no verdict repeated


async def test_a_long_question_is_echoed_cut(fresh: Any, ask: Any, content: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        question = "外部考点需要什么条件" * 60 + "？"
        await ask(app, pilot, question)
        first = content(app.query(AnswerView).last()).split("\n", 1)[0]
        assert len(first) < 110 and f"（共 {len(question)} 字）" in first


async def test_ctrl_c_says_how_to_quit_in_chinese(fresh: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_help_quit()
        await pilot.pause()
        notice = app.query_one(NoticeBar)
        assert notice.message == "要退出请按 Ctrl+Q"


async def test_notifications_span_the_width_under_the_panes(fresh: Any) -> None:
    app = make_app(fresh)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("已导出 /tmp/policykg-简报-外部考点.html，可以用浏览器打开打印", markup=False)
        await pilot.pause()
        bar = app.query_one(NoticeBar)
        main = app.query_one("#main")
        assert bar.display and bar.region.x == 0 and bar.region.width == 80
        assert bar.region.y >= main.region.y + main.region.height  # below the panes, never over them


async def test_copy_says_what_was_done_and_saves_the_text(fresh: Any, ask: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    saved = tmp_path / "copied.txt"
    monkeypatch.setenv("POLICYKG_CLIPBOARD", str(saved))
    app = make_app(fresh)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+y")
        assert "先选一条引用" in app.query_one(NoticeBar).message
        await ask(app, pilot, "宿迁 第九条")
        await pilot.press("ctrl+y")
        message = app.query_one(NoticeBar).message
        assert "OSC 52" in message and str(saved) in message and not message.startswith("已复制")
        assert saved.read_text(encoding="utf-8").startswith("《宿迁市")
