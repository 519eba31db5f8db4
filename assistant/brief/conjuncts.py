"""A topic made of several topics joined by a conjunction, read as each of them.

A trainer writes 年度评估与星级评定 or 应急预案与安全管理: a clause on one of the two is on the topic,
though it states only half of its words, so the briefing looks for each part as a topic of its own and
cites the union. A conjunction is a word of its own in the topic (与 in 年度评估与星级评定, not in 参与评价;
及 not in 及时), or an enumeration comma. The words of a part too short to stand alone are completed from
the part they are coordinated with, as Chinese coordination reads: in 成绩与证书数据上报 the 数据上报 is
the 成绩's too (成绩数据上报), in 评价机构目录发布与查询 the 评价机构目录 is the 查询's (评价机构目录查询). A bare part that shares
nothing (方式 in 公示期及方式) is not looked for alone; bare parts joined to each other (考场与设备) are.
What a parenthesis adds (评价职业（工种）) explains a word and is not a part.

>>> words = lambda t: {"证书数据上报": ["证书", "数据", "上报"]}.get(t, [t])
>>> parts("年度评估与星级评定", lambda t: t.replace("与", " 与 ").split(), words)
['年度评估', '星级评定']
>>> parts("成绩与证书数据上报", lambda t: t.replace("与", " 与 ").split(), words)
['成绩数据上报', '证书数据上报']
>>> parts("参与评价", lambda t: ["参与", "评价"], words)
[]
>>> parts("公示期及方式", lambda t: t.replace("及", " 及 ").split(), lambda t: [t])
['公示期']
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PAREN = re.compile(r"[（(][^）)]*[）)]")
JOINS = {"与", "及", "和", "以及", "或"}  # conjunctions, when the segmenter reads them as words
_COMMA = re.compile(r"[、/／]")
BARE = 2  # a part of this many characters or fewer is completed from its neighbour (成绩, 等级)

Words = Callable[[str], list[str]]


def parts(topic: str, tokens: Words, words: Words) -> list[str]:
    """The topics a conjunction joins in a topic (none when it joins nothing). `tokens` segments plainly,
    `words` gives a word's sub-words."""
    pieces = []
    for chunk in _COMMA.split(_PAREN.sub("", topic)):
        piece: list[str] = []
        for token in tokens(chunk):
            if token in JOINS:
                pieces.append("".join(piece))
                piece = []
            else:
                piece.append(token)
        pieces.append("".join(piece))
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return []
    if all(len(p) <= BARE for p in pieces):
        return list(dict.fromkeys(pieces))  # 考场与设备: words of one kind, each a topic
    out = [_completed(p, i == len(pieces) - 1, pieces, tokens, words) if len(p) <= BARE else p
           for i, p in enumerate(pieces)]
    return list(dict.fromkeys(p for p in out if len(p) > BARE))  # 方式 alone (公示期及方式) is no topic


def _completed(piece: str, last: bool, pieces: list[str], tokens: Words, words: Words) -> str:
    """A bare part with what it shares with its neighbour: for the last part, the first part without its
    last word (评价机构目录发布与查询 -> 评价机构目录查询); for another, the last part without its first
    word (成绩与证书数据上报 -> 成绩数据上报). The words are the segmenter's, or, for a part it reads as one
    word, that word's sub-words."""
    other = pieces[0] if last else pieces[-1]
    split = tokens(other)
    if len(split) >= 2:
        return "".join(split[:-1]) + piece if last else piece + "".join(split[1:])
    ends = [w for w in words(other) if len(w) >= 2 and w != other
            and (other.endswith(w) if last else other.startswith(w))]
    if not ends:
        return piece
    end = max(ends, key=len)
    return other[: -len(end)] + piece if last else piece + other[len(end):]
