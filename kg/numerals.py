"""Chinese numerals, small and fast.

Written here rather than imported (cn2an costs ~0.2 s to import, which is 40 % of the cold
`ask` budget); the policy texts only need integers below 10 000 (and volumes in 万) and a few fractions.

>>> cn_to_int("二十三")
23
>>> cn_to_int("十")
10
>>> cn_to_int("一千二百")
1200
>>> cn_to_int("两")
2
>>> cn_to_int("1200")
1200
>>> int_to_cn(23)
'二十三'
>>> int_to_cn(10)
'十'
>>> arabic_numbers_in("租期两年半，六名考评员，一千二百平方米")
'租期2年半，6名考评员，1200平方米'
"""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUM_CHARS = "".join(DIGITS) + "".join(UNITS)
CN_NUMBER = re.compile(f"[{CN_NUM_CHARS}]+")


def cn_to_int(text: str) -> int:
    """Parse a Chinese (or Arabic) integer; raises ValueError on anything else."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in DIGITS and c not in UNITS for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch] if digit is None else digit * 10 + DIGITS[ch]
        elif ch == "万":
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * UNITS[ch]
            digit = None
    return total + section + (digit or 0)


def int_to_cn(n: int) -> str:
    """Render 1..99 999 999 the way article numbers and volumes are written (十, 二十三, 一百零五, 五万, 一万二千).

    >>> int_to_cn(50000), int_to_cn(12000), int_to_cn(10500)
    ('五万', '一万二千', '一万零五百')
    """
    if n <= 0 or n >= 100_000_000:
        raise ValueError(f"out of range: {n}")
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = ("零" if low < 1000 else "") + _below_10000(low) if low else ""
        return int_to_cn(high) + "万" + rest
    return _below_10000(n)


def _below_10000(n: int) -> str:
    chars = "零一二三四五六七八九"
    parts: list[str] = []
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            parts.append(chars[d] + unit)
        elif parts and n and parts[-1] != "零":
            parts.append("零")
    out = "".join(parts)
    return out[1:] if out.startswith("一十") else out


def _convert(match: re.Match[str]) -> str:
    token = match.group(0)
    if len(token) == 1 and token in "十百千万零〇":
        return token  # a lone unit character is a word (十分, 千万), not a number
    try:
        return str(cn_to_int(token))
    except ValueError:
        return token


def arabic_numbers_in(text: str) -> str:
    """Replace every Chinese numeral run in free text by Arabic digits."""
    return CN_NUMBER.sub(_convert, text)
