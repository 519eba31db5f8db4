"""F1: what the panes are and which keys do what."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .wrap import Wrapped

HELP = """\
policykg — 技能人才评价政策助手（离线，不用语言模型）

输入问题后回车：答案在中间，引用条款在右上，所选条款全文在右下。忙的时候也可以继续输入，问题会排队依次回答。
输入条款引用（宿迁 第九条、宿迁第9条、浙江监督 第20条、吉林 四（三））直接跳到该条。
左侧：文件目录，上方输入框可按词语或条款筛选。
资格类问题：中间下方是结论清单（每个条件一行：✗ 不满足 ? 未知 ✓ 满足；选中一行看详情，回车打开条款）和已知事实表（选中一行回车可修改）。也可以直接回答追问，如“1200平方米”“是”“不知道”“为什么问这个”“重新开始”。
顶部的“范围”表示没写地点的问题按哪个地区回答（命令面板里选定，或对话中提到），Ctrl+L 清除。

F1  帮助　　Ctrl+P  命令面板（跳到文件或条款、选地区范围、导出简报、切换主题）
Ctrl+N / Ctrl+B  下一条 / 上一条引用　　Ctrl+Y  复制当前引用（标签和全文）
F2  导出当前主题简报（HTML，可打印 A4）　　F3  显示/隐藏文件目录
Ctrl+L  清除地区范围　　Ctrl+T  切换明暗主题　　Ctrl+Q  退出
↑ / ↓  在输入框中翻看历史问题
"""


class HelpScreen(ModalScreen[None]):
    """Keys and panes."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 84; max-width: 96%; height: auto; max-height: 90%; border: thick $primary;
                                  background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape,f1,q", "dismiss", "关闭")]

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "帮助（Esc 关闭）"
            yield Static(Wrapped(Text(HELP)), id="help")
