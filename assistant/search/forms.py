"""The question's own content words, with its asking forms taken out of what the segmenter cut.

Coverage weighs the user's content words a clause states (coverage.py). The segmenter knows words, not how a
question is asked: it cuts across the forms of the language that only ask, and the pieces read as content
words no clause uses, so a question the documents answer looks unanswered:

- an A-not-A question (能不能, 行不行, 可不可以, 合不合格): 能不能 → 能 + 不能, 纸笔考行不行 → 考行 + 不行. The
  form asks yes or no; a word inside it, or one reaching into it with a single character of its own (考行: 考),
  is no subject;
- a modal fused with what follows (还能发吗 → 能发, 想新增 → 想 + 新增, 以后能少来 → 能少): an unknown word (no
  dictionary lists it) starting with a modal verb asks whether something may be done; what follows the modal
  is the content, kept when it is a word (新增), dropped when a single character is all that is left (发);
- a localizer closing the noun before it, fused with the next word (证书上多加 → 上多加): the word is what follows
  (多加), when that is a word of two characters or more;
- asking what something means (是什么意思, 的含义): the meaning is asked, the thing is named by the other words.

These are forms of the language, the same for every document; they say nothing about a topic.

>>> own_words("宿迁的评价机构能不能在证书上多加", ["评价机构", "不能", "证书"], lambda w: True)
['评价机构', '证书']
>>> own_words("纸笔考行不行", ["纸笔", "考行", "不行"], lambda w: True)
['纸笔']
>>> own_words("证书还能发吗", ["证书", "能发"], lambda w: False)
['证书']
>>> own_words("评价机构想新增评价工种", ["评价机构", "想新增", "评价", "工种"], lambda w: w != "想新增")
['评价机构', '新增', '评价', '工种']
>>> own_words("面向社会开展职业技能等级认定是什么意思", ["面向", "社会", "意思"], lambda w: True)
['面向', '社会']
"""

from __future__ import annotations

import re
from collections.abc import Callable

# X不X, XY不XY and X不XY (可不可以, 合不合格): the yes/no form of a verb or an adjective
_A_NOT_A = re.compile(r"([\u4e00-\u9fff]{1,2})不\1|([\u4e00-\u9fff])不\2[\u4e00-\u9fff]")
# the modal verbs of the language: 能发 (能 + 发) asks whether one may 发
_MODALS = "能会要想可该得还"
# the localizers that close a noun (证书上, 系统里): fused with the next word (证书上多加 → 上多加), the word is what follows
_LOCALIZERS = "上里中内外前后下"
# asking what something means
_MEANING = ("意思", "含义", "意味")


def own_words(text: str, core: list[str], known: Callable[[str], bool]) -> list[str]:
    """The question's content words without its asking forms (see the module's docstring). `known` says
    whether a word is a word of the language (a dictionary or the corpus lists it): a known word starting with
    a modal (能力, 要求, 会议) is a word, not a modal fused with a verb."""
    spans = [m.span() for m in _A_NOT_A.finditer(text)]
    out: list[str] = []
    for word in core:
        if word in _MEANING or _in_form(text, word, spans):
            continue
        rest = _after_modal(word, known)
        if rest is None:
            out.append(word)
        elif len(rest) >= 2 and rest not in out:
            out.append(rest)
    return list(dict.fromkeys(out))


def _in_form(text: str, word: str, spans: list[tuple[int, int]]) -> bool:
    """The word lies in an A-not-A form, or reaches into one keeping at most one character outside it."""
    at = text.find(word)
    if at < 0 or not spans:
        return False
    end = at + len(word)
    for start, stop in spans:
        inside = min(end, stop) - max(at, start)
        if inside > 0 and len(word) - inside <= 1:
            return True
    return False


def _after_modal(word: str, known: Callable[[str], bool]) -> str | None:
    """What follows the modal of a word the segmenter fused from a modal and a verb (能发 → 发, 想新增 → 新增), or
    the localizer of one it fused from a localizer and a word (上多加 → 多加); None for any other word."""
    if len(word) < 2 or known(word):
        return None
    if word[0] in _MODALS or (word[0] in _LOCALIZERS and len(word) >= 3):
        return word[1:]
    return None
