"""A question, checked and read once: cleaned, normalised, its place scope and intent scores.

>>> clean_question("  外部考点\\x00条件\\x1b[31m ")[0]
'外部考点条件'
>>> clean_question("[bold]外部考点[/]")[0]
'[bold]外部考点[/]'
>>> clean_question("\u202e点考部外\u202c 条件")[0]
'点考部外 条件'
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.lang.places import Gazetteer, Scope
from kg.errors import PolicyKGError

MAX_CHARS = 1000  # an applicant who "一次说清楚" writes 500–700 characters: every fact of it counts
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
# C0/C1 controls, and the invisible format characters that reorder or hide text on a screen (bidi
# embeddings and isolates, zero-width space, byte-order mark): a question echoed back must read as typed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class UndecodableQuestion(PolicyKGError):
    """The question holds bytes that were not UTF-8 (kept by Python as lone surrogates)."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__("问题中有无法解码的字节（不是 UTF-8 文本）；请检查终端或文件的编码")
_THOUSANDS = re.compile(r"(\d),(\d{3})(?!\d)")


class EmptyQuestion(PolicyKGError):
    """Nothing left to ask after cleaning."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__("问题是空的。请输入一个问题，例如：policykg ask \"外部考点条件\"")


def clean_question(raw: str) -> tuple[str, list[str]]:
    """The question without terminal escapes and control characters, cut to a sane length.

    Markup such as `[bold]` is left as typed: it is text, and no interface interprets it.
    """
    notes: list[str] = []
    if _SURROGATE.search(raw):
        raise UndecodableQuestion()
    text = _ANSI.sub("", raw)
    text = _CONTROL.sub("", text.replace("\t", " ").replace("\n", " ").replace("\r", " "))
    if text != raw.strip() and len(text.strip()) != len(raw.strip()):
        notes.append("已移除问题中的控制字符")
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_CHARS:
        notes.append(f"问题过长（{len(text)} 字），只读取前 {MAX_CHARS} 字")
        text = text[:MAX_CHARS]
    if not text:
        raise EmptyQuestion()
    return text, notes


class Question(BaseModel):
    """One utterance, read once: every stage (search, intents, slots, sanctions, dialogue) reads this.

    `raw` is the cleaned question as typed; `plain` is it normalised (width, case, 繁体 → 简体); `text` has
    numerals as digits too (两年半 → 2年半), the form the index and the rules are spelt in. `scope` is where
    the question is about and where that came from (typed in it, remembered from the conversation, or
    chosen as the working jurisdiction). `intents` are the intent words' scores, computed here once."""

    raw: str
    plain: str
    text: str
    notes: list[str] = []
    scope: Scope = Scope()
    intents: dict[str, int] = {}
    hints: list[str] = []  # corpus words typos were repaired into (外部考典 → 外部考点), read for the intent too

    @property
    def typed_place(self) -> bool:
        """Whether the user named a place in this very question."""
        return bool(self.scope.jurisdictions) and self.scope.origin == "typed"

    def intent(self) -> str:
        """The best-scoring intent (see understand.intent.best)."""
        from .intent import best

        return best(self.intents)

    def with_hints(self, hints: list[str]) -> Question:
        """The question with the search's typo repairs, rescored (a repaired word may name the topic)."""
        if not hints:
            return self
        from .intent import scores

        return self.model_copy(update={"hints": hints, "intents": scores(" ".join([self.raw, *hints]))})


def parse_question(raw: str, places: Gazetteer, fallback: Scope | None = None) -> Question:
    """Clean, normalise and read a question once; `fallback` is the scope to use when it names no place
    (the remembered or chosen jurisdiction)."""
    from assistant.lang.text import normalize, numbers_to_arabic

    from .intent import scores

    text, notes = clean_question(raw)
    plain = normalize(text)
    digits = _THOUSANDS.sub(r"\1\2", numbers_to_arabic(plain))  # 1,500㎡ is 1500㎡
    scope = places.scope(plain)  # before numerals become digits: 四平, 六盘水, 十堰 are names, not amounts
    if not scope.jurisdictions and fallback is not None and fallback.jurisdictions:
        scope = fallback
    return Question(raw=text, plain=plain, text=digits, notes=notes, scope=scope, intents=scores(text))
