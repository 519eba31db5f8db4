"""Things the question asks about that the documents never name: 准生证, 电工证, 中标人, 案件.

A route (a validity, a deadline, a sanction ladder) fits many questions by its form alone: 准生证有效期是多长
asks for a validity as 备案有效期是多长 does. What tells them apart is the route's object, the thing whose
validity or deadline is asked. The documents regulate 备案, 证书数据, 公示 …; a question whose object is a
thing they never name is not one they answer, however well the route fits.

The lexicon and the thesaurus tie such a word to the corpus loosely (准生证 → 证书 through its head 证,
案件 → 查处 through a synonym group), which is right for search and wrong for coverage: the word itself,
as the user typed it, is a word of the language (the thesaurus knows it whole, or a corpus concept is
found inside it) that no clause and no phrasing uses. Segmentation fragments (那要, 交行 in 今天交行不行,
日出 in 11月1日出的) are not things: they are not whole words of the thesaurus, or they follow a digit.

>>> is_fragment("备案回执是2022年11月1日出的", "日出")
True
>>> is_fragment("准生证有效期是多长", "准生证")
False
>>> is_determiner("有家"), is_determiner("这家"), is_determiner("家政")
(True, True, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.search.query import NormalizedQuery
    from assistant.search.retriever import Retriever


def strangers(retriever: Retriever, query: NormalizedQuery, unit_id: str, words: list[str]) -> list[str]:
    """The user's words that name something the corpus never names and that the clause does not state in
    the documents' own words for them (the lexicon's): a thesaurus or word-vector neighbour (案件 → 受理) is
    a guess that helps search find a clause, not the clause saying what was asked."""
    found = [w for w in words if _unused(retriever, w) and _a_word(retriever, w) and not is_fragment(query.text, w)
             and not is_determiner(w) and not is_linking(w) and not abbreviates_a_role(w)]
    if not found:
        return []
    lex = retriever.ws.lexicon
    own = {w: [w, *lex.alternatives(w)] for w in found}
    return retriever.unstated(unit_id, query.model_copy(update={"core": found, "alternatives": own}))


_HOW = ("怎么", "怎样", "如何")  # 怎么设, 如何办: asking how to do what the route is about, not a topic


def form_only(core: list[str], unstated: list[str]) -> bool:
    """The clause matched the question's form alone: of the words that say what the question is about (its
    content words besides those naming a route: 有效期, 公示, 条件 …), it states none. 准生证有效期是多长 and
    公示中标人要公示几天 are answered by 备案有效期's and 公示期's clauses only through 有效期 and 公示."""
    from assistant.understand.intent import route_words

    topic = [w for w in core if w not in route_words() and not w.startswith(_HOW)]
    return bool(topic) and all(w in unstated for w in topic)


_NOUNS = ("n", "vn", "j")  # jieba's tags of a noun (n, nz, ns, nt, nr …), a verbal noun (优惠) and an abbreviation (居住证)


def names_a_thing(text: str, word: str) -> bool:
    """The stranger is (most of) a noun of the question as a part-of-speech tagger reads it in context: a thing
    the question is about (工程造价, 居住证, 食品, 护理员), not a verb, a time or a piece of a segmentation
    (分成, 获准, 打造, 下午, 不满; 业前 in 民办非企业前, 生能 in 应届生能不能), which the clause may say otherwise.

    >>> names_a_thing("工程造价咨询企业资质认定条件", "造价"), names_a_thing("在线认定一般安排在下午几点", "下午")
    (True, False)
    >>> names_a_thing("吉林 民办非企业前两年年审没通过", "业前"), names_a_thing("评价机构分成哪几种", "分成")
    (False, False)
    """
    at = text.find(word)
    if at < 0:
        return True
    start = 0
    for piece in _tagger().cut(text):
        end = start + len(piece.word)
        shared = min(end, at + len(word)) - max(start, at)
        if shared * 2 > len(word) and piece.flag.startswith(_NOUNS):
            return True
        start = end
    return False


def _tagger() -> Any:
    """jieba's part-of-speech tagger, jieba imported as the tokenizer imports it (quiet, without pkg_resources)."""
    from assistant.lang.tokenizer import _import_jieba

    _import_jieba()
    import jieba.posseg

    return jieba.posseg


def abbreviates_a_role(word: str) -> bool:
    """A short form of a role of the graph's taxonomy: its characters, in order, spell part of the role's name from
    its first character on (社评 for 社会培训评价组织, 人社 for 人力资源社会保障部门). People shorten the names of the
    roles the documents regulate; the short form names the role, not a thing the documents leave out.

    >>> abbreviates_a_role("社评"), abbreviates_a_role("食品"), abbreviates_a_role("外资")
    (True, False, False)
    """
    from kg.extract.actors import taxonomy

    names = [a for actor in taxonomy() for a in actor.aliases if len(a) > len(word)]
    return len(word) >= 2 and any(n[0] == word[0] and _spelled(word, n) for n in names)


def _spelled(word: str, name: str) -> bool:
    """The word's characters occur in the name in the same order."""
    rest = iter(name)
    return all(c in rest for c in word)


def _unused(retriever: Retriever, word: str) -> bool:
    """No clause and no phrasing uses the word in its own form (its expansions are not asked about)."""
    return retriever.doc_frequency("body", word) == 0 and retriever.doc_frequency("asked", word) == 0


def _a_word(retriever: Retriever, word: str) -> bool:
    """A word of the language: the thesaurus knows it whole, or a corpus concept is found inside it (证 in
    准生证) while the word itself triggers none (a trigger is a word the documents' readers already mean)."""
    if word in retriever.synonyms.found_in(word):
        return True
    lex = retriever.ws.lexicon
    return bool(lex.alternatives(word)) and not any(word in c.triggers for c in lex.concepts.values())


def is_fragment(text: str, word: str) -> bool:
    """A piece cut across a date or a count (1日出的 → 日出, 3次发 → 次发): it follows a digit."""
    at = text.find(word)
    return at > 0 and text[at - 1].isdigit()


_POINTING = "有这那哪每某该一各另"  # 有家 / 这家 / 某个 …: pointing at something, not naming it
_MEASURE = "家个位次些种类项件所名批边里"  # 那边, 这里: pointing at a place
# adverbs and connectives of the language that join what is asked (一边…一边, 同时, 已经): words the thesaurus
# lists whole, naming nothing a document could leave out
_LINKING = frozenset(("一边", "一面", "同时", "已经", "还是", "然后", "随后", "之后", "以后", "之前", "以前", "原来",
                      "本来", "一直", "曾经", "正在", "马上", "顺便", "另外", "而且", "并且", "或者"))


def is_determiner(word: str) -> bool:
    """A pointer and a measure word (浙江有家机构, 这家公司, 某个职业): the thesaurus may list it whole, but
    it names nothing the question asks about."""
    return len(word) == 2 and word[0] in _POINTING and word[1] in _MEASURE


def is_linking(word: str) -> bool:
    """A linking adverb (一边搞培训一边认定, 已经报了名): a word of the language naming no thing, so never a
    stranger; it stays among the words a clause may leave unsaid (a verdict is not imposed over them).

    >>> is_linking("一边"), is_linking("食品")
    (True, False)
    """
    return word in _LINKING
