"""Amounts as the documents write them: a number, its measure word and the comparator around it.

One reader for every extractor, so a condition and a deadline understand the same wordings:
numerals in Arabic, Chinese or both (1000, 一千, 1千, 两, 一年半, 半年, 30余), measure words in their
spellings (平方米 = 平米 = ㎡ = m², 厘米 = cm, 个月 = 月), ranges (50—100平方米) and the comparator
words before or after the amount (不少于 / 至少 / 达到 / 满 … N, N 以上 / 以内 / 以下 …).

>>> q = next(quantities_in("场地面积不少于一千平方米"))
>>> (q.value, q.unit, q.comparator, q.text)
(1000.0, '平方米', '>=', '不少于一千平方米')
>>> q = next(quantities_in("租期应在5年以上"))
>>> (q.value, q.unit, q.comparator, q.text)
(5.0, '年', '>=', '5年以上')
>>> [(q.value, q.value_max, q.unit) for q in quantities_in("面积50—100平米")]
[(50.0, 100.0, '平方米')]
>>> number_value("1千"), number_value("两"), number_value("一千二"), number_value("半"), number_value("1,000")
(1000.0, 2.0, 1200.0, 0.5, 1000.0)
>>> [(q.value, q.comparator) for q in quantities_in("场地千余平方米")]
[(1000.0, '>')]
>>> [(q.value, q.comparator) for q in quantities_in("场地面积≥1000㎡，考位＞30个")]
[(1000.0, '>='), (30.0, '>')]
>>> [(q.value, q.unit) for q in quantities_in("保存期为一年半")]
[(1.5, '年')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..numerals import cn_to_int

CN_DIGITS = "零〇一二两三四五六七八九十百千万"
# A number: Arabic (full-width too, with a decimal and a 千/万 multiplier), Chinese, or 半; 余/多 = "more than".
NUMBER = rf"(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[千万]?|[{CN_DIGITS}]+|半)"
APPROX = "余多"

# Measure words: spelling -> (canonical unit, dimension, factor to the canonical unit).
# Longest spellings are tried first (平方米 before 米, 工作日 before 日, 个月 before 月).
UNITS: dict[str, tuple[str, str, float]] = {
    "平方米": ("平方米", "area", 1), "平方公尺": ("平方米", "area", 1), "平米": ("平方米", "area", 1),
    "平方": ("平方米", "area", 1), "㎡": ("平方米", "area", 1), "m²": ("平方米", "area", 1),
    "m2": ("平方米", "area", 1), "M2": ("平方米", "area", 1),
    "厘米": ("cm", "length", 1), "公分": ("cm", "length", 1), "cm": ("cm", "length", 1), "CM": ("cm", "length", 1),
    "毫米": ("cm", "length", 0.1), "mm": ("cm", "length", 0.1), "米": ("cm", "length", 100),
    "个工作日": ("工作日", "time", 1), "工作日": ("工作日", "time", 1),
    "个自然日": ("天", "time", 1), "自然日": ("天", "time", 1),
    "个月": ("月", "time", 1), "月": ("月", "time", 1), "周年": ("年", "time", 1), "年": ("年", "time", 1),
    "天": ("天", "time", 1), "日": ("日", "time", 1), "个小时": ("小时", "time", 1), "小时": ("小时", "time", 1),
    "人次": ("人次", "person_times", 1), "名": ("名", "persons", 1), "人": ("人", "persons", 1), "位": ("人", "persons", 1),
    "台": ("个", "count", 1), "套": ("个", "count", 1),
    "个": ("个", "count", 1), "间": ("个", "count", 1), "家": ("家", "orgs", 1), "分": ("分", "score", 1),
    "A级": ("A", "rating", 1), "A": ("A", "rating", 1), "批次": ("批次", "batches", 1), "批": ("批次", "batches", 1),
    "班次": ("班次", "batches", 1),  # 办理教育训练达六班次: classes held, counted like batches
    "元": ("元", "money", 1),  # 注册资金不少于100万元: the 万 is the numeral's
}
_UNIT_WORDS = sorted(UNITS, key=len, reverse=True)
UNIT = "(?:" + "|".join(re.escape(u).replace("A", r"A\s*") for u in _UNIT_WORDS) + ")"

# Comparator words before the number (a short verb may stand between: 至少配备30个) and after the unit.
PREFIX: dict[str, str] = {
    "不得少于": ">=", "不应少于": ">=", "不能少于": ">=", "不少于": ">=", "不得低于": ">=", "不低于": ">=",
    "不小于": ">=", "不得小于": ">=", "不应小于": ">=", "不应低于": ">=", "不能低于": ">=", "不宜少于": ">=",
    "不短于": ">=", "至少": ">=", "最少": ">=", "最低": ">=", "达到": ">=", "达": ">=",
    "满": ">=", "超过": ">", "多于": ">", "大于": ">", "高于": ">", "逾": ">",
    "不得超过": "<=", "不应超过": "<=", "不能超过": "<=", "不超过": "<=", "不多于": "<=", "不高于": "<=",
    "不大于": "<=", "至多": "<=", "最多": "<=", "最长": "<=", "最高": "<=",
    "不足": "<", "少于": "<", "低于": "<", "小于": "<", "未满": "<", "不满": "<", "未达到": "<",
    # the signs tables and reposted texts use
    "≥": ">=", "≧": ">=", ">=": ">=", "＞": ">", ">": ">", "≤": "<=", "≦": "<=", "<=": "<=", "＜": "<", "<": "<",
}
SUFFIX: dict[str, str] = {
    "（含）以上": ">=", "(含)以上": ">=", "及以上": ">=", "或以上": ">=", "以上": ">=",
    "（不含）以下": "<", "(不含)以下": "<", "及以下": "<=", "或以下": "<=", "以下": "<=",
    "以内": "<=", "之内": "<=", "内": "<=",
}
_VERB_GAP = r"(?:应|须|需|要|必须|应当)?(?:配备|配置|具有|具备|拥有|设有|设置|保存|有|在|为)?"
_PREFIX = "(?P<pre>" + "|".join(re.escape(p) for p in sorted(PREFIX, key=len, reverse=True)) + ")"
_SUFFIX = "(?P<suf>" + "|".join(re.escape(s) for s in sorted(SUFFIX, key=len, reverse=True)) + ")"
_RANGE = r"\s*[—\-–~～至到]\s*"
PATTERN = re.compile(
    rf"(?:{_PREFIX}\s*{_VERB_GAP}\s*)?"
    rf"(?<![第\d０-９.．{CN_DIGITS}])(?P<num>{NUMBER})(?P<approx>[{APPROX}])?\s*"
    rf"(?:(?P<unit1>{UNIT})?{_RANGE}(?P<max>{NUMBER})\s*)?"
    rf"(?P<unit>{UNIT})(?P<half>半)?(?:\s*{_SUFFIX})?"
)
_STARS = re.compile(r"(?<![A-Z])(?P<num>A{2,5})\s*(?P<unit>级)?(?:\s*" + _SUFFIX + ")?")


def number_value(text: str) -> float:
    """The value of one numeral as written (Arabic, Chinese, mixed, 半; 一千二 = 1200)."""
    text = re.sub(r"\s", "", text).replace("．", ".")
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", text):  # 1,000: a thousands separator
        text = text.replace(",", "")
    if text == "半":
        return 0.5
    m = re.fullmatch(r"([0-9０-９]+(?:\.[0-9０-９]+)?)([千万]?)", text)
    if m:
        return float(m.group(1)) * {"": 1, "千": 1000, "万": 10000}[m.group(2)]
    if len(text) >= 3 and text[-1] in "一二两三四五六七八九" and text[-2] in "千百万":
        scale = {"千": 100, "百": 10, "万": 1000}[text[-2]]  # 一千二 = 1200, 三百五 = 350 (colloquial)
        return float(cn_to_int(text[:-1]) + cn_to_int(text[-1]) * scale)
    return float(cn_to_int(text))


@dataclass(frozen=True)
class Quantity:
    """An amount found in a text: where it lies and what it says."""

    start: int  # the comparator (if any) included
    end: int
    num_start: int  # where the number itself starts
    value: float
    value_max: float | None
    unit: str  # canonical: 平方米, cm, 工作日, 年, 月, 天, 日, 人, 名, 个, 家, 分, A
    dimension: str  # area, length, time, persons, person_times, count, orgs, score, rating, money
    comparator: str | None  # >=, >, <=, <; None when the words give none
    prefix: str | None  # the comparator word before the number, as written
    suffix: str | None  # the comparator word after the unit, as written
    unit_word: str  # the measure word as written
    text: str

    @classmethod
    def from_match(cls, m: re.Match[str]) -> Quantity | None:
        """The quantity a match of PATTERN reads, or None when its numeral is no number."""
        unit_word = re.sub(r"\s", "", m.group("unit"))
        canonical, dimension, factor = UNITS[unit_word if unit_word in UNITS else "A"]
        if _not_an_amount(m, unit_word):
            return None
        try:
            value = number_value(m.group("num")) * factor
            high = number_value(m.group("max")) * factor if m.group("max") else None
        except ValueError:
            return None
        if m.group("half"):
            value, high = value + 0.5, high
        pre, suf = m.group("pre"), m.group("suf")
        comparator = PREFIX.get(pre or "") or SUFFIX.get(suf or "")
        if pre and suf and PREFIX[pre] == ">" and SUFFIX[suf] == ">=":
            comparator = ">="  # 超1年以上（含1年）: the inclusive reading
        if m.group("approx") and comparator is None:
            comparator = ">"
        return cls(m.start(), m.end(), m.start("num"), value, high, canonical, dimension, comparator, pre, suf,
                   unit_word, m.group(0))

    @classmethod
    def from_stars(cls, m: re.Match[str]) -> Quantity:
        """AAAA级 written with letters: the number of A."""
        suf = m.group("suf")
        return cls(m.start(), m.end(), m.start("num"), float(len(m.group("num"))), None, "A", "rating",
                   SUFFIX.get(suf or ""), None, suf, m.group("unit") or "", m.group(0))


def _not_an_amount(m: re.Match[str], unit_word: str) -> bool:
    """Numerals that are words or dates, not amounts: 十分, 2022年, 3月15日."""
    num, text = re.sub(r"\s", "", m.group("num")), m.string
    if len(num) == 1 and num in "零〇" or num in "百千万" and len(num) == 1 and not m.group("approx"):
        return True  # 千万: a word, not an amount (千余平方米 is one)
    if num == "十" and unit_word == "分":
        return True  # 十分: "very"
    if unit_word == "年" and re.fullmatch(r"[0-9０-９]{4}", num):
        return True
    after, before = text[m.end("unit"): m.end("unit") + 1], text[max(0, m.start("num") - 1): m.start("num")]
    return (unit_word == "月" and after.isdigit()) or (unit_word == "日" and before == "月")


def quantities_in(text: str) -> Iterator[Quantity]:
    """Every amount with a measure word in a text, in reading order."""
    yield from _read(text)


@lru_cache(maxsize=512)  # conditions and deadlines read the same unit's text one after the other
def _read(text: str) -> tuple[Quantity, ...]:
    found = [q for m in PATTERN.finditer(text) if (q := Quantity.from_match(m))]
    found += [Quantity.from_stars(m) for m in _STARS.finditer(text)]
    return tuple(sorted(found, key=lambda q: q.start))


def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two canonical units count the same thing (人 = 名, 日 = 天)."""
    alike = {"名": "人", "日": "天"}
    return alike.get(a or "", a) == alike.get(b or "", b)
