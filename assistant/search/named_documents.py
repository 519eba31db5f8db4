"""Whether a question asks for a document the corpus does not hold.

人社部发〔2022〕14号 新八级工 主要内容 and 技能人才评价违纪违规行为处理工作指引（试行） 全文 ask for a document, not
for a rule: its text, its main points. Every clause that shares the title's words (违纪违规, 处理) is then a
clause of another document. A question names a document the corpus does not hold when it gives a document
number (…发〔2022〕14号) no held document has, or asks for a document's text (全文, 原文, 主要内容) naming
neither a held document's title nor a place that has one.

>>> numbers_named("人社部发〔2022〕14号 新八级工 主要内容"), numbers_named("苏人社发[2019]178号 第三条")
(['人社部发〔2022〕14号'], ['苏人社发〔2019〕178号'])
>>> asks_text("技能人才评价违纪违规行为处理工作指引（试行） 全文"), asks_text("备案要提交什么材料")
(True, False)
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,10})\s*[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d{1,4})\s*号")
_TEXT = re.compile(r"全文|原文|文件内容|主要内容|文件下载|下载地址|文件原件")


def numbers_named(text: str) -> list[str]:
    """The document numbers a text gives, written one way (〔2022〕 whatever the brackets)."""
    return [f"{m.group(1)}〔{m.group(2)}〕{int(m.group(3))}号" for m in _NUMBER.finditer(text)]


def asks_text(text: str) -> bool:
    """The question asks for a document's text or main points, not for a rule in it."""
    return bool(_TEXT.search(text))


def unheld_document(text: str, own: list[str], cited: list[str], names_held: bool) -> bool:
    """The question asks for a document the corpus does not hold: a number none of its documents has (`own`;
    a number its clauses cite, `cited`, will do unless the question asks for that document's text: a question
    may ask which document implements 辽委办发〔2018〕58号, not what 人社部发〔2022〕14号 says), or a document's
    text without naming a held document (its title or a place that has one: `names_held`)."""
    held = {n for raw in own + ([] if asks_text(text) else cited) for n in numbers_named(raw)}
    named = numbers_named(text)
    if named:
        return not any(n in held for n in named)
    return asks_text(text) and not names_held
