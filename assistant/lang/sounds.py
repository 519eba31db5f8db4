"""What a character sounds like, so that a typo is told from a word the question really uses.

People type Chinese by pinyin: a typo is a character that sounds like the intended one (档按 for 档案,
考评圆 for 考评员). A span of a colloquial question that is no corpus word (时会 in 评估时会不会) is no
typo when its characters sound nothing like the corpus word one character away (协会): "repairing" it
added words the question never asked about. Readings come from pypinyin's character table, read once at
index build into the lookup file beside the index; a question looks up two characters.

Readings are compared without tones and with the confusions of pinyin input and southern accents
(zh/z, ch/c, sh/s, n/l, ang/an, eng/en, ing/in), since that is how people mistype.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def loose(syllable: str) -> str:
    """A pinyin syllable without tone, folded with the confusions people make (zhàng -> zan)."""
    # ǚ decomposes into u and its marks: keep it apart from u
    decomposed = unicodedata.normalize("NFD", syllable.lower()).replace("u\u0308", "v")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    for a, b in _INITIALS:
        if plain.startswith(a):
            plain = b + plain[len(a):]
            break
    for a, b in _FINALS:
        if plain.endswith(a):
            plain = plain[: -len(a)] + b
            break
    return plain


def character_readings() -> Iterator[tuple[str, str]]:
    """(character, its loose readings joined by spaces) for every character pypinyin knows; nothing
    when the package is missing (typo repair then works as before, without the check)."""
    try:
        from pypinyin.pinyin_dict import pinyin_dict
    except ImportError:
        return
    for code, readings in pinyin_dict.items():
        folded = sorted({loose(r) for r in readings.split(",") if r})
        if folded:
            yield chr(code), " ".join(folded)
