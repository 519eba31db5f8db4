"""Typo repair: corpus words one character away from what was typed, where the characters sound alike."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.lang.lexicon import Lexicon
from assistant.lang.tokenizer import Tokenizer

_QUESTION_CHARS = set("几多少啥么吗呢怎哪什谁吧呀")
_CJK = re.compile(r"[\u4e00-\u9fff]+")


class Repairer:
    """Finds corpus words one character away from what was typed (考典 -> 考点, 评介机构 -> 评价机构),
    where the typed character sounds like the one it replaces (pinyin input: 圆 for 员, never 会 for 协).

    Only spans made of whole tokens, at least one of them unknown, are repaired, and only into
    words the index actually holds: a known word is never "corrected".
    """

    def __init__(self, vocab: set[str], tok: Tokenizer, lex: Lexicon, in_index: Callable[[str], bool],
                 phrased: Callable[[str], bool] | None = None, alike: Callable[[str, str], bool] | None = None) -> None:
        self.vocab = vocab
        self.extra = {t for c in lex.concepts.values() for t in c.triggers} | set(lex.stopwords)
        self.tok, self.in_index, self.phrased = tok, in_index, phrased
        self.alike = alike or (lambda _typed, _meant: True)  # whether a typed character may stand for another
        self.domain = lex.all_words()
        self._patterns: dict[str, list[str]] | None = None

    def is_known(self, word: str) -> bool:
        """A corpus word, a concept trigger, a stopword or a word of the phrasings: never "repaired"."""
        if word in self.vocab or word in self.extra:
            return True
        # a word people use for a clause is a word; a lone character in a phrasing says nothing (按 in 按时)
        return len(word) >= 2 and self.phrased is not None and self.phrased(word)

    @property
    def patterns(self) -> dict[str, list[str]]:
        """Each corpus word with one character blanked, built only when a question has an unknown word."""
        if self._patterns is None:
            self._patterns = {}
            for word in sorted(self.vocab):
                if 2 <= len(word) <= 6 and _CJK.fullmatch(word):
                    for i in range(len(word)):
                        self._patterns.setdefault(word[:i] + "?" + word[i + 1:], []).append(word)
        return self._patterns

    def repair(self, text: str) -> dict[str, str]:
        """Typed span -> the corpus word it most likely meant."""
        tokens = self.tok.tokens(text)
        found: dict[str, str] = {}
        for i in range(len(tokens)):
            for j in range(min(len(tokens), i + 3), i, -1):
                span = "".join(tokens[i:j])
                if not 2 <= len(span) <= 6 or not _CJK.fullmatch(span) or _QUESTION_CHARS & set(span):
                    continue
                if all(self.is_known(t) for t in tokens[i:j]) or any(span in k for k in found):
                    continue
                fix = self._fix(span)
                if fix:
                    found[span] = fix
        return found

    def _fix(self, span: str) -> str | None:
        for i in range(len(span)):
            for cand in self.patterns.get(span[:i] + "?" + span[i + 1:], []):
                if len(span) == 2 and cand not in self.domain:
                    continue  # two-character guesses only into policy terms: 今天 is not a typo of 今后
                if cand != span and self.in_index(cand) and self.alike(span[i], cand[i]):
                    return cand
        return None


