"""Numbers as people write them, spelt as digits before any fact is read.

`assistant.lang.text.numbers_to_arabic` turns Chinese numerals before a common measure word into digits;
questions also write numbers it leaves alone: thousands separators (1,500㎡), a decimal with a Chinese
multiplier (1.2千平米, 0.12万平), a numeral before a measure word of this domain (二十五个考位 is covered,
but 八号, 三间, 六套, 十二个工位 after 只有 …), and 半年 for half a year. This module spells all of them as
plain digits so that the slot and date readers see one form; an approximate number (两千多平, 十来个) is
read as the number it starts from.

>>> spell_numbers("自有场地1,500㎡")
'自有场地1500m2'
>>> spell_numbers("场地1.2千平米，租期半年")
'场地1200平米,租期0.5年'
>>> spell_numbers("一千二百平，专职就三个")
'1200平,专职就3个'
>>> spell_numbers("十月八号开考，理论考场只有两间")
'10月8号开考,理论考场只有2间'
>>> spell_numbers("场地两千多平，工位十来个，考位30余个")
'场地2000平,工位10个,考位30个'
>>> spell_numbers("自有场地一千二，专职人员三十"), spell_numbers("一千二平"), spell_numbers("两万五千元")
('自有场地1200,专职人员30', '1200平', '25000元')
>>> spell_numbers("一年半")
'1年半'
>>> spell_numbers("第九条"), spell_numbers("第十二条"), spell_numbers("第三十条第二次")
('第九条', '第十二条', '第三十条第二次')
"""

from __future__ import annotations

import re

from assistant.lang.text import normalize, numbers_to_arabic
from kg.numerals import cn_to_int

_THOUSANDS = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+)(?![\d,])")
_SCALED = re.compile(r"(\d+(?:\.\d+)?)\s*([千万])(?=[平米㎡方人名个元块m])")
_SCALE = {"千": 1000, "万": 10000}
# Measure words of this domain that the general converter does not list (号 of a day, 间 of rooms …).
_MEASURE = "号间张套台座位栋层"
_CN = re.compile(rf"(?<![第统唯之单])([零〇一二两三四五六七八九十百千]+)(?=[{_MEASURE}])")
# 一千二, 两万五, 三百五: the spoken short form leaves the last unit out (一千二 is 1200, not 1002).
_SHORT = re.compile(r"(?<![零〇一二两三四五六七八九十百千万])([一二两三四五六七八九])([万千百])([一二两三四五六七八九])"
                    r"(?![零〇一二两三四五六七八九十百千万])")
_NEXT_UNIT = {"万": "千", "千": "百", "百": "十"}
# Ten or more written out, with or without a measure word after it (场地一千二百，能申报吗; 专职人员三十): read
# whole before the general converter, which would split 一千二|百 or 三|十 at a unit it takes for a measure word.
_CN_TENS = re.compile(r"(?<![第统唯之单零〇一二两三四五六七八九十百千万])([一二两三四五六七八九][十百千万][零〇一二两三四五六七八九十百千万]*)")
_HALF_YEAR = re.compile(r"(?<![\d年个])半年")
# 两千多平, 1500多平米, 八百来平, 十来个: an approximate number is read as the number it starts from.
_ABOUT = re.compile(r"([零〇一二两三四五六七八九十百千万\d]+)(多|来|余)(?=[平米㎡方个人名位间年])")


_ORDINAL = re.compile(r"第[零〇一二两三四五六七八九十百千]+")


def spell_numbers(text: str) -> str:
    """The text normalised (width, 简体) with every number it states written in digits; an ordinal (第十二条,
    第三十条, 第二次) is left as written, whole."""
    text = normalize(text)
    ordinals = _ORDINAL.findall(text)
    text = _ORDINAL.sub("\x00", text)
    text = _digits(text)
    for ordinal in ordinals:
        text = text.replace("\x00", ordinal, 1)
    return text


def _digits(text: str) -> str:
    """Every way of writing a number, in the order that keeps each whole (see the patterns above)."""
    text = _THOUSANDS.sub(lambda m: m.group(1).replace(",", ""), text)
    text = _ABOUT.sub(r"\1", text)
    text = _SCALED.sub(_scaled, text)  # before 千 alone is read as a numeral (1.2千 is not 1.2 and 1000)
    text = _SHORT.sub(lambda m: m.group(1) + m.group(2) + m.group(3) + _NEXT_UNIT[m.group(2)], text)
    text = _CN_TENS.sub(_cn, text)
    text = _CN.sub(_cn, text)
    text = numbers_to_arabic(text)
    return _HALF_YEAR.sub("0.5年", text)


def _cn(m: re.Match[str]) -> str:
    try:
        return str(cn_to_int(m.group(1)))
    except ValueError:
        return m.group(1)


def _scaled(m: re.Match[str]) -> str:
    value = float(m.group(1)) * _SCALE[m.group(2)]
    return f"{value:g}" if value != int(value) else str(int(value))
