"""BM25F over whoosh's postings, scored in one pass with the postings kept in memory between questions.

whoosh builds a matcher tree per question and scores posting by posting through several layers of
objects; for a weighted union of some thirty terms that machinery, not the arithmetic, is the cost. The
index is still whoosh's: this reads each (field, term)'s postings once through whoosh, keeps them, and
sums whoosh's own BM25F formula with whoosh's idf, average and (quantised) field lengths, so the scores are
the ones `searcher.search(Or(...))` gives (the tests compare them).
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from typing import Any

CACHE_TERMS = 20_000  # (field, term) postings lists kept; least recently used go first


class PostingScorer:
    """Scores weighted term unions over one open whoosh searcher."""

    def __init__(self, searcher: Any, B: float = 0.6, K1: float = 1.2) -> None:
        self.searcher, self.B, self.K1 = searcher, B, K1
        self._postings: OrderedDict[tuple[str, str], tuple[list[int], list[float]]] = OrderedDict()
        self._lengths: dict[str, list[float]] = {}
        self._avg: dict[str, float] = {}
        self._ids: list[str] | None = None

    def unit_id(self, docnum: int) -> str:
        """The unit a document number stands for (stored fields read once)."""
        if self._ids is None:
            reader = self.searcher.reader()
            self._ids = [fields["unit_id"] for _, fields in sorted(reader.iter_docs())]
        return self._ids[docnum]

    def _postings_of(self, field: str, term: str) -> tuple[list[int], list[float]]:
        key = (field, term)
        found = self._postings.get(key)
        if found is None:
            ids: list[int] = []
            weights: list[float] = []
            if self.searcher.doc_frequency(field, term):
                matcher = self.searcher.postings(field, term)
                while matcher.is_active():
                    ids.append(matcher.id())
                    weights.append(matcher.weight())
                    matcher.next()
            found = (ids, weights)
            self._postings[key] = found
            if len(self._postings) > CACHE_TERMS:
                self._postings.popitem(last=False)
        else:
            self._postings.move_to_end(key)
        return found

    def _field(self, field: str) -> tuple[list[float], float]:
        if field not in self._lengths:
            s = self.searcher
            self._lengths[field] = [s.doc_field_length(d, field, 1) or 1 for d in range(s.doc_count_all())]
            self._avg[field] = s.avg_field_length(field) or 1
        return self._lengths[field], self._avg[field]

    def top(self, parts: list[tuple[str, str, float]], limit: int) -> list[tuple[str, float]]:
        """The best `limit` units for a union of (field, term, boost), scored as whoosh's BM25F would."""
        scores: dict[int, float] = {}
        b, k1 = self.B, self.K1
        for field, term, boost in parts:
            ids, weights = self._postings_of(field, term)
            if not ids:
                continue
            if not self.searcher.schema[field].scorable:  # keyword fields: whoosh scores the weight itself
                for doc, tf in zip(ids, weights):
                    scores[doc] = scores.get(doc, 0.0) + tf * boost
                continue
            lengths, avg = self._field(field)
            idf = self.searcher.idf(field, term) * boost
            for doc, tf in zip(ids, weights):
                s = idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths[doc] / avg)))
                scores[doc] = scores.get(doc, 0.0) + s
        best = heapq.nsmallest(limit, scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(self.unit_id(doc), score) for doc, score in best]
