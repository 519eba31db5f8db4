"""The command palette in Chinese: commands listed before anything is typed, clause references read
the way people type them (宿迁 第九条, 宿迁第9条, 浙江监督 第20条), and a word for every state.

Textual's own palette speaks English (Search for commands…, No matches found) and lists its system
commands; here the placeholder is Chinese, the app's commands replace the system ones, and the
provider always answers: with the commands, with the clause a reference names, or with a line saying
that nothing matched or that the index is still being built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import Binding
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from .commands import commands, resolve_reference

if TYPE_CHECKING:
    from .app import PolicyApp

PLACEHOLDER = "输入文件名、条款（宿迁 第九条）或命令…"
Entry = tuple[str, Callable[[], Any], str]  # label, action, help


class Palette(CommandPalette):
    """Textual's palette with Chinese words."""

    BINDINGS = [
        Binding("escape", "escape", "关闭", show=False),
        Binding("down", "cursor_down", "下一项", show=False),
        Binding("pagedown", "command_list('page_down')", "下一页", show=False),
        Binding("pageup", "command_list('page_up')", "上一页", show=False),
        Binding("up", "command_list('cursor_up')", "上一项", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(placeholder=PLACEHOLDER, id="--command-palette")


def _nothing() -> None:
    """What a line that only informs does when chosen."""


class PolicyCommands(Provider):
    """Documents, clauses, scope, briefings and the app's commands."""

    @property
    def policy(self) -> PolicyApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        """Shown before anything is typed: every command, so export and 范围 can be found."""
        if self.policy.engine is None:
            yield DiscoveryHit(Text("正在建立索引，请稍候…"), _nothing, help="首次打开约需十秒")
            return
        for label, action, help_text in commands(self.policy):
            yield DiscoveryHit(Text(label), action, help=help_text)

    async def search(self, query: str) -> Hits:
        app = self.policy
        if app.engine is None:
            yield Hit(1.0, Text("正在建立索引，请稍候…"), _nothing, help="建好后就能跳到条款")
            return
        found = 0
        unit = resolve_reference(app.engine, query)
        if unit is not None:
            found += 1
            yield Hit(1.0, Text(f"跳到 {unit.label}"), lambda u=unit: app.open_unit(u), help="条款引用")
        matcher = self.matcher(" ".join(query.split()))
        for label, action, help_text in app.palette_entries():
            score = matcher.match(label)
            if score > 0:
                found += 1
                yield Hit(score * 0.99, matcher.highlight(label), action, help=help_text)
        if not found:
            yield Hit(0.01, Text(f"没有匹配“{query.strip()}”的文件、条款或命令"), _nothing,
                      help="条款可以这样写：宿迁 第九条、浙江监督 第20条、吉林 四（三）")
