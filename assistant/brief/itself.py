"""The clauses a document writes about itself: why and under what it was made, whom it applies to, who
interprets it, when it takes effect, what it leaves to other rules.

Every regulation of the genre has them (为……根据……制定本办法; 本办法适用于……; 本办法由……负责解释;
本办法自……起施行; 其他未尽事宜按……执行), and they name the document's whole subject in passing (设立、管理、
退出等工作，适用本办法), so the search finds them for many topics. They are no topic's own clause, unless the
topic asks about the document itself (适用范围, 施行日期). Definitions (本办法所称……是指) are not among them: they
say what a thing is.
"""

from __future__ import annotations

import re

_DOCUMENT = r"(?:办法|细则|规定|通知|意见|规则)"
_ITSELF = re.compile(
    rf"制定本{_DOCUMENT}|适用本{_DOCUMENT}|本{_DOCUMENT}适用于|本{_DOCUMENT}由[^。；]*解释|本{_DOCUMENT}自[^。；]*施行"
    r"|未尽事宜")
ASKS_ABOUT_IT = ("适用", "施行", "解释", "生效", "依据", "目的", "宗旨", "未尽事宜")  # a topic on the document itself


def about_itself(text: str) -> bool:
    """Whether a clause is one a document writes about itself.

    >>> about_itself("第三条 本省行政区域内评价机构的设立、管理、退出等工作，适用本办法。")
    True
    >>> about_itself("第二条 本办法所称技能人才评价机构是指经备案的机构。")
    False
    """
    return bool(_ITSELF.search(text))


def asks_about_it(topic: str) -> bool:
    """Whether a topic asks about the document itself (its scope, its date, its basis), so those clauses are its own."""
    return any(w in topic for w in ASKS_ABOUT_IT)
