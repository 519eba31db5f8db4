"""jieba, fast: a small dictionary of the corpus vocabulary, built once per corpus.

jieba's default dictionary (350k words) costs ~0.7 s to load at every start. Retrieval only
needs the words that occur in the corpus (plus the lexicon's), so the index build segments the
corpus once with the full dictionary and writes the words it found to a small dictionary in the
cache folder; questions are segmented with that, in about a millisecond.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterable
from operator import add
from pathlib import Path
from typing import Any

from kg.imports import without_pkg_resources

_WORD = re.compile(r"[\u4e00-\u9fff]|[a-z0-9]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# jieba segments each run of these characters on its own (its re_han_default), so segmenting run by run
# gives the same words as segmenting the whole text — and runs repeat across units, so they are cached.
_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_COUNT = re.compile(r"^[^ \n]+ (\d+)", re.M)  # the count after a dictionary line's word
CACHE_LIMIT = 200_000  # runs remembered per tokenizer; the corpus at 100x has far fewer distinct ones


class _OnFirstUse(types.ModuleType):
    """Stands in for jieba.finalseg until jieba calls into it.

    jieba imports its HMM (finalseg: ~10 MB of emission tables, a fifth of a cold `ask`) at import
    time, yet calls it only for a run of characters its dictionary does not know. The first call
    through this stand-in imports the real module and puts it where jieba looks for it.
    """

    def __getattr__(self, name: str) -> Any:
        import importlib

        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        jieba: Any = sys.modules["jieba"]
        jieba.finalseg = real
        return getattr(real, name)


def _import_jieba() -> Any:
    """Import jieba without its `import pkg_resources` (slow, and deprecated under setuptools)
    and with its HMM loaded on first use."""
    if "jieba" not in sys.modules:
        sys.modules.setdefault("jieba.finalseg", _OnFirstUse("jieba.finalseg"))
    with without_pkg_resources():
        import jieba
    jieba.setLogLevel(60)
    return jieba


def build_dictionary(texts: Iterable[str], extra_words: Iterable[str], path: Path) -> None:
    """Write a jieba dictionary of the words the texts contain (segmented with the full one)."""
    from kg.files import write_atomic

    blocks = list(dict.fromkeys(block for text in texts for block in _BLOCK.findall(text)))
    extra = sorted(set(extra_words))
    full = _full_tokenizer(blocks, extra)
    for word in extra:
        full.add_word(word, freq=max(full.FREQ.get(word, 0), 2000))
    vocab: dict[str, int] = {w: max(full.FREQ.get(w, 0), 2000) for w in extra}
    for block in blocks:
        for word in full.cut_for_search(block):
            if _WORD.match(word) and word not in vocab:
                vocab[word] = max(full.FREQ.get(word, 0), 3)
    lines = (f"{w} {f}\n" for w, f in sorted(vocab.items()) if " " not in w)
    write_atomic(path, "".join(lines))


def _full_tokenizer(blocks: list[str], extra: list[str]) -> Any:
    """jieba with its full dictionary, as far as these texts can tell: the words whose first two characters
    occur together in a text or an extra word, their prefixes, and the whole dictionary's total.

    jieba only ever looks up pieces of the text it segments, and a piece of 2 characters or more is in its
    table only when a word starts with it; so it segments these texts exactly as with all 350k words, without
    building the prefix table of the other nine tenths (a second of the first build, and ~60 MB)."""
    jieba = _import_jieba()
    full = jieba.Tokenizer()
    pairs = {b[i: i + 2] for b in [*blocks, *extra] for i in range(len(b) - 1)}
    freq: dict[str, int] = {}
    with full.get_dict_file() as f:  # "word count tag" a line, read as jieba's own reading (gen_pfdict) does
        text = f.read().decode("utf-8")
    total = sum(map(int, _COUNT.findall(text)))  # every line's count, summed without splitting the lines
    for line in text.splitlines():
        if line[:2] in pairs or line[1:2] == " ":  # a word starting with a pair, or of one character
            word, count = line.split(" ", 2)[:2]
            freq[word] = int(count)
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    full.FREQ, full.total, full.initialized = freq, total, True
    return full


class Tokenizer:
    """Segments text with a corpus dictionary; loaded on first use."""

    def __init__(self, dictionary: Path) -> None:
        self.dictionary = dictionary
        self._tk: Any = None
        self._words: dict[str, list[str]] = {}

    def _tokenizer(self) -> Any:
        if self._tk is None:
            jieba = _import_jieba()
            self._tk = jieba.Tokenizer(str(self.dictionary))
            self._tk.cache_file = str(self.dictionary.with_suffix(".jieba-cache"))
            self._tk.initialize()
        return self._tk

    def words(self, text: str) -> list[str]:
        """Words and their dictionary sub-words (外部考点 -> 外部, 考点, 外部考点)."""
        out: list[str] = []
        for block in _BLOCK.findall(text):
            cached = self._words.get(block)
            if cached is None:
                cached = [w for w in self._tokenizer().cut_for_search(block) if _WORD.match(w)]
                if len(self._words) < CACHE_LIMIT:
                    self._words[block] = cached
            out.extend(cached)
        return out

    def tokens(self, text: str) -> list[str]:
        """Plain segmentation, whole words only, punctuation and spaces dropped."""
        return [w for w in self._tokenizer().cut(text) if w.strip() and _WORD.match(w)]

    def vocabulary(self) -> dict[str, int]:
        """The dictionary's words and frequencies (jieba's own table: read it, do not change it)."""
        freq: dict[str, int] = self._tokenizer().FREQ
        return freq


def cjk_runs(text: str) -> list[str]:
    """The runs of Chinese characters in a text."""
    return _CJK_RUN.findall(text)


def bigrams(text: str) -> list[str]:
    """Character bigrams of every Chinese run: a net for typos and odd segmentations.

    >>> bigrams("外部考点，条件")
    ['外部', '部考', '考点', '条件']
    """
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        out.extend(map(add, run, run[1:]))  # each character joined to the next, without a Python step per pair
    return out
