"""What a character sounds like, so that a typo is told from a word the question really uses.

People type Chinese by pinyin: a typo is a character that sounds like the intended one (档按 for 档案,
考评圆 for 考评员). A span of a colloquial question that is no corpus word (时会 in 评估时会不会) is no
typo when its characters sound nothing like the corpus word one character away (协会): "repairing" it
added words the question never asked about. Readings come from pypinyin's character table, folded once per machine into a
small file (`cached_readings`: importing the table costs a second and 50 MB) and copied at index build into
the lookup file beside the index; a question looks up two characters. The file is shipped
(assistant/data/readings.tsv, made by scripts/make_word_tables.py for one version of pypinyin); with another
version installed it is made once per machine in the cache root.

Readings are compared without tones and with the confusions of pinyin input and southern accents
(zh/z, ch/c, sh/s, n/l, ang/an, eng/en, ing/in), since that is how people mistype.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
SHIPPED = Path(__file__).resolve().parent.parent / "data" / "readings.tsv"


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


def cached_readings(folder: Path, shipped: Path | None = SHIPPED) -> list[tuple[str, str]]:
    """`character_readings`: the `shipped` file when it was made from the installed pypinyin, else kept once per
    machine in `folder` (the cache's sounds/, one file per version of pypinyin): read back in milliseconds,
    made again when missing or damaged."""
    from kg.files import write_atomic

    installed = _pypinyin_version()
    if installed is None:
        return []
    found = _shipped(shipped, installed) if shipped is not None else None
    if found is not None:
        return found
    path = folder / f"readings-{installed}.tsv"
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, ValueError):
        lines = []  # missing or damaged: made again below
    if lines[-2:] == ["#end", ""]:  # written whole
        return [(line[0], line[2:]) for line in lines[:-2]]
    rows = list(character_readings())
    write_atomic(path, "".join(f"{ch}\t{readings}\n" for ch, readings in rows) + "#end\n")
    return rows


def _shipped(shipped: Path, version: str) -> list[tuple[str, str]] | None:
    """The shipped readings when they were made from this version of pypinyin."""
    try:
        lines = shipped.read_text(encoding="utf-8").split("\n")
    except OSError:
        return None
    if lines[0] != f"#pypinyin {version}" or lines[-1] != "":
        return None
    return [(line[0], line[2:]) for line in lines[1:-1]]


def _pypinyin_version() -> str | None:
    """The installed pypinyin's version, from its metadata (importing the package loads its phrase tables,
    70 MB); None without pypinyin."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pypinyin")
    except PackageNotFoundError:
        return None
