"""Turning ranked units into citations and a short direct answer."""

from __future__ import annotations

import re

from assistant.models import Citation
from assistant.render import context_line
from kg.models import Corpus, Unit

NO_ANSWER = "语料中没有找到回答这个问题的条款。可以换个说法，或用 `policykg show --list` 查看收录的文件。"
_SENTENCE = re.compile(r"[^。；\n]+[。；]?")


def citation_for(corpus: Corpus, unit: Unit, score: float, terms: list[str]) -> Citation:
    """A citation of one unit, with its document's facts and its enclosing article's lead."""
    meta = corpus.doc(unit.doc_id).meta
    return Citation(
        doc_id=meta.id, doc_title=meta.title, doc_number=meta.number, jurisdiction=meta.jurisdiction,
        article=unit.path, label=unit.label, text=unit.text, score=round(score, 4), unit_id=unit.id,
        context=context_line(corpus, unit), matched_terms=sorted(set(terms)),
    )


def best_sentence(text: str, terms: list[str]) -> str:
    """The sentence of a unit that carries most of the matched terms."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    body = [s for s in sentences if len(s) > 16 or s[-1] in "。；："]  # headings say no rule
    sentences = body or sentences
    if not sentences:
        return text
    scored = [(sum(len(t) for t in terms if t in s), -i, s) for i, s in enumerate(sentences)]
    return max(scored)[2]


MAX_ANSWER = 260


def with_list(text: str, sentence: str) -> str:
    """A sentence that introduces a list ("应当遵循以下规则：") is followed by the list, briefly."""
    if not sentence.endswith("："):
        return sentence
    rest = text.split(sentence, 1)[1].strip().split("\n")
    items = "".join(line.strip() for line in rest if line.strip())
    joined = sentence + items
    return joined if len(joined) <= MAX_ANSWER else joined[: MAX_ANSWER - 1] + "…"


def direct_answer(citations: list[Citation]) -> str:
    """A one-paragraph answer: the deciding sentence of the best citation, attributed."""
    top = citations[0]
    sentence = with_list(top.text, best_sentence(top.text, top.matched_terms))
    others = [c.label for c in citations[1:3] if c.doc_id != top.doc_id]
    more = f"另见{'、'.join(others)}。" if others else ""
    return f"据{top.label}：{sentence}{more}"
