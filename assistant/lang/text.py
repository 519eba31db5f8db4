"""Normalising text the same way for documents and questions.

>>> normalize("外部考點設立條件")
'外部考点设立条件'
>>> normalize("ＡＢＣ１２３　Video")
'abc123 video'
>>> normalize("关(guān)于印发(fā)《规程(试行)》，video (mp4)")
'关于印发《规程(试行)》,video (mp4)'
>>> numbers_to_arabic("租期两年半，六名考评员，第九条，统一")
'租期2年半，6名考评员，第九条，统一'
>>> numbers_to_arabic("第十二条、第一百条，千万不要，十分重要，百分之十")
'第十二条、第一百条，千万不要，十分重要，百分之十'
>>> numbers_to_arabic("一千二平方米，三百五十人，两万五千元，二十万元，十分钟")
'1200平方米，350人，25000元，200000元，10分钟'
"""

from __future__ import annotations

import re
import unicodedata

_DIGIT_GAP = re.compile(r"(?<=\d) +(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) +(?=\d)")
_MEASURE = "年月日天个人名家次级类平米元分项条款倍万千百十小时周"
_CN_DIGITS = "零〇一二两三四五六七八九"
# A whole run of numerals (never the tail of one: 第十二条 is not 第十2条) that starts as a number does
# (千万不要, 百分之 are words), before a measure word that is not itself a numeral's next unit.
_CN_NUM_BEFORE_MEASURE = re.compile(
    rf"(?<![第统唯之单{_CN_DIGITS}十百千万])([{_CN_DIGITS}十][{_CN_DIGITS}十百千万]*)(?=[{_MEASURE}])(?![十百千])")
_SHORT_TAIL = re.compile(rf"([百千万])([{_CN_DIGITS[2:]}])$")  # 一千二 is 一千二百, said short
_NEXT_UNIT = {"百": "十", "千": "百", "万": "千"}


def _needs_conversion(text: str) -> bool:
    """Traditional characters are outside GB2312; checking is much cheaper than converting."""
    try:
        text.encode("gb2312")  # one C call settles the common case: all of it is simplified-Chinese text
        return False
    except UnicodeEncodeError:
        pass
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                return True
    return False


def to_simplified(text: str) -> str:
    """繁体 -> 简体, loading the conversion table only when the text needs it."""
    if not _needs_conversion(text):
        return text
    from kg.source import import_zhconv

    return str(import_zhconv().convert(text, "zh-cn"))


def numbers_to_arabic(text: str) -> str:
    """Chinese numerals before a measure word become digits (两年半 -> 2年半, 一千二平方米 -> 1200平方米);
    article numbers (第十二条) and words made of numerals (千万, 十分, 百分之) stay."""
    from kg.numerals import cn_to_int

    def conv(m: re.Match[str]) -> str:
        run = m.group(1)
        if run == "十" and m.string.startswith("分", m.end()) and not m.string.startswith("分钟", m.end()):
            return run  # 十分重要: "very", not ten points
        run = _SHORT_TAIL.sub(lambda t: t.group(0) + _NEXT_UNIT[t.group(1)], run)
        try:
            return str(cn_to_int(run))
        except ValueError:
            return m.group(1)

    return _CN_NUM_BEFORE_MEASURE.sub(conv, text)


_WIDE = {c: unicodedata.normalize("NFKC", chr(c)) for c in [*range(0xFF01, 0xFF5F), 0x3000]}


def _nfkc(text: str) -> str:
    """NFKC, skipped where it would change nothing: in Chinese text it mostly turns full-width forms
    (，？１Ａ and the ideographic space) into ASCII, which a translation table does at a third of the cost
    (it counted at 100x corpus size, where ~12 000 phrasings a copy are normalised)."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    narrowed = text.translate(_WIDE)
    return narrowed if unicodedata.is_normalized("NFKC", narrowed) else unicodedata.normalize("NFKC", narrowed)


_TONES = "āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ"
# a reading in brackets after a character, as reposting sites print them (关(guān)于印发(fā)): it splits
# the words a clause is searched by
_READING = re.compile(rf"(?<=[\u4e00-\u9fff])\([a-zü]*[{_TONES}][a-zü]*\)")


def normalize(text: str) -> str:
    """Width, case, script and spacing made uniform; pinyin readings printed after characters dropped."""
    text = _nfkc(text).lower()
    text = to_simplified(text)
    if "(" in text:
        text = _READING.sub("", text)
    text = _DIGIT_GAP.sub("", text)  # "不少于 50 平方米" is typeset with spaces; words are not
    return re.sub(r"\s+", " ", text).strip()


def normalize_many(texts: list[str]) -> list[str]:
    """numbers_to_arabic(normalize(t)) for many short texts, normalised as one text with a separator no
    normalisation touches: one call each cost a tenth of a cold `ask` for the lexicon's ~6000 words and a
    tenth of the 100x build for the phrasings."""
    done = numbers_to_arabic(normalize(_APART.join(texts))).split(_APART)
    if len(done) != len(texts):  # the separator did not survive: one at a time
        return [numbers_to_arabic(normalize(t)) for t in texts]
    return [d.strip() for d in done]


_APART = "\x01"
