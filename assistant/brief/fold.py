"""Articles and their items folded into the clauses a briefing cites.

An article whose lead states the topic, or whose every item is on it, stands for its items (宿迁 第九条
on 外部考点); otherwise only its items on the topic are cited (浙江监督 第十九条第（十二）项, not the
whole sanction list)."""

from __future__ import annotations

from kg.models import Corpus

from .texts import ClauseTexts
from .topic_words import ABOUT, TopicWords


def folded(chosen: set[str], corpus: Corpus, texts: ClauseTexts, words: TopicWords) -> set[str]:
    """The chosen units with every article that stands for its items in place of them."""
    def leads(unit_id: str) -> bool:
        return words.stated(texts.lead[unit_id]) >= ABOUT

    def whole(unit_id: str) -> bool:  # every item of it on the topic
        children = corpus.unit(unit_id).children
        return bool(children) and all(c in chosen for c in children)

    chosen = chosen | {p for p in {corpus.unit(u).parent for u in chosen} if p and whole(p)}
    kept = set()
    for u in chosen:
        outer = [a for a in chosen if u.startswith(a + "/")]
        if outer:
            top = min(outer, key=len)
            if not (leads(top) or whole(top)):
                kept.add(u)
        elif not any(k.startswith(u + "/") for k in chosen) or leads(u) or whole(u):
            kept.add(u)
    return {u for u in kept if not any(u.startswith(a + "/") for a in kept)}
