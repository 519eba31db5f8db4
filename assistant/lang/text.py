"""Normalising text the same way for documents and questions.

>>> normalize("外部考點設立條件")
'外部考点设立条件'
>>> normalize("ＡＢＣ１２３　Video")
'abc123 video'
>>> numbers_to_arabic("租期两年半，六名考评员，第九条，统一")
'租期2年半，6名考评员，第九条，统一'
"""

from __future__ import annotations

import re
import unicodedata

_DIGIT_GAP = re.compile(r"(?<=\d) +(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) +(?=\d)")
_MEASURE = "年月日天个人名家次级类平米元分项条款倍万千百十小时周"
_CN_NUM_BEFORE_MEASURE = re.compile(rf"(?<![第统唯之单])([零〇一二两三四五六七八九十百千万]+)(?=[{_MEASURE}])")


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
    import zhconv

    return str(zhconv.convert(text, "zh-cn"))


def numbers_to_arabic(text: str) -> str:
    """Chinese numerals before a measure word become digits (两年半 -> 2年半); 第九条 stays."""
    from kg.numerals import cn_to_int

    def conv(m: re.Match[str]) -> str:
        try:
            return str(cn_to_int(m.group(1)))
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


def normalize(text: str) -> str:
    """Width, case, script and spacing made uniform."""
    text = _nfkc(text).lower()
    text = to_simplified(text)
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
