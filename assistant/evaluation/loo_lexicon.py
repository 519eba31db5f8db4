"""The lexicon a left-out document would have met: without the entries only it motivates.

The lexicon's expansions are the documents' words for what people ask (录像 → 视频监控设备). Many were written
while reading one document, and only that document's text holds them; a document added tomorrow has no such
entries. So leave-one-out takes out, with the document's phrasings, every expansion word and kept term that
occurs in its text and in no other document's: the entries it motivated. Words other documents hold too stay
(they are the genre's words, which an added document meets as well), and so do the triggers (how people ask).
A concept left with no expansion goes altogether."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from pydantic import BaseModel

from kg.models import Corpus


class Trimmed(BaseModel):
    """What was taken out of the lexicon for one left-out document."""

    expansions: int  # expansion words only its text holds
    terms: int  # kept terms only its text holds
    concepts: int  # concepts left with no expansion


def only_in(corpus: Corpus, doc_id: str) -> Callable[[str], bool]:
    """A test: does a word occur in this document's text and in no other document's (normalised, as the
    lexicon's words and the index's texts are)?"""
    from assistant.lang.text import normalize

    texts = {d.meta.id: normalize(" ".join(u.text for u in d.units)) for d in corpus.documents}
    own, others = texts[doc_id], [t for d, t in texts.items() if d != doc_id]

    def test(word: str) -> bool:
        w = normalize(word)
        return bool(w) and w in own and not any(w in t for t in others)

    return test


def lexicon_without(source: Path, corpus: Corpus, doc_id: str, target: Path) -> Trimmed:
    """Write to `target` the lexicon of `source` without the entries only `doc_id` motivates."""
    from kg.files import write_atomic

    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    test = only_in(corpus, doc_id)
    expansions = dropped = 0
    concepts = {}
    for name, concept in data.get("concepts", {}).items():
        kept = [w for w in concept.get("expand", []) if not test(w)]
        expansions += len(concept.get("expand", [])) - len(kept)
        if kept:
            concepts[name] = {**concept, "expand": kept}
        else:
            dropped += 1
    terms = [t for t in data.get("terms", []) if not test(t)]
    trimmed = Trimmed(expansions=expansions, terms=len(data.get("terms", [])) - len(terms), concepts=dropped)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, yaml.safe_dump({**data, "concepts": concepts, "terms": terms}, allow_unicode=True,
                                        sort_keys=False))
    return trimmed
