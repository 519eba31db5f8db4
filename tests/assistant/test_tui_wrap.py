"""Chinese line breaking, without Textual: numbers, clause numbers and list markers stay whole, closing
punctuation never starts a line, opening punctuation never ends one."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from rich.text import Text

from assistant.tui.wrap import clip, lines_of, wrap

CLAUSE = ("第九条 职业技能等级认定活动一般应当在第三方评价机构工作场所开展。确需设立外部考点的，应当遵循以下规则：\n"
          "（一）第三方评价机构外部考点开展实地评估；\n（二）实地评估合格的，第三方评价机构应当形成评估报告，"
          "报拟设外部考点所在地职业技能鉴定机构核准；")
ANSWER = "答：结论：不符合申请条件（12 项条件：满足 2，不满足 1，未知 9）。需要改变：场地面积：950 → 至少 1000 平方米"


@pytest.mark.parametrize("width", range(8, 61, 3))
def test_no_line_is_too_wide_or_badly_broken(width: int) -> None:
    for text in (CLAUSE, ANSWER):
        lines = lines_of([text], width)
        assert all(cell_len(line) <= width for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
        for upper, lower in zip(lines, lines[1:], strict=False):
            assert not re.match(r"[。，、；：？！）》”]", lower), (width, lower)
            assert not upper.endswith(("（", "《", "“")), (width, upper)
            assert not (re.search(r"\d$", upper) and re.match(r"\d", lower)), (width, upper, lower)
            joined = upper + lower
            for number in re.finditer(r"第[一二三四五六七八九十\d]+[条项]", joined):  # 第九条 never split
                assert not number.start() < len(upper) < number.end(), (width, upper, lower)


def test_a_list_marker_stays_with_its_text() -> None:
    for width in range(10, 40):
        assert not any(line.rstrip().endswith(("（一）", "（二）")) for line in lines_of([CLAUSE], width))


def test_styles_survive_wrapping() -> None:
    text = Text.assemble(("问：", "bold"), "外部考点条件" * 6)
    lines = wrap(text, 12)
    assert lines[0].spans and lines[0].spans[0].style == "bold"


def test_clip_ends_with_an_ellipsis_within_the_width() -> None:
    assert clip("? 不良行为记录：无违法违规、失信等不良行为记录", 20).endswith("…")
    assert cell_len(clip("? 不良行为记录：无违法违规、失信等不良行为记录", 20)) <= 20
