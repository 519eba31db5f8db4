"""BM25F over whoosh's postings, scored in one pass with the postings kept in memory between questions.

whoosh builds a matcher tree per question and scores posting by posting through several layers of
objects; for a weighted union of some thirty terms that machinery, not the arithmetic, is the cost. The
index is still whoosh's: this reads each (field, term)'s postings once through whoosh, keeps them, and
sums whoosh's own BM25F formula with whoosh's idf, average and (quantised) field lengths, so the scores are
the ones `searcher.search(Or(...))` gives (the tests compare them).
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

CACHE_TERMS = 20_000  # (field, term) postings lists kept; least recently used go first
LARGE = 5_000  # documents above which sums are done with numpy arrays


class PostingScorer:
    """Scores weighted term unions over one open whoosh reader.

    A reader, not a searcher: whoosh's searching and query modules (4 MB, a tenth of a cold `ask`)
    are never imported, and postings come without a scorer object built per term."""

    def __init__(self, reader: Any, B: float = 0.6, K1: float = 1.2) -> None:
        self.reader, self.B, self.K1 = reader, B, K1
        self._postings: OrderedDict[tuple[str, str], tuple[list[int], list[float]]] = OrderedDict()
        self._lengths: dict[str, list[float]] = {}
        self._avg: dict[str, float] = {}
        self._arrays: dict[str, Any] = {}  # field lengths as numpy arrays (large indexes)
        self._ids: list[str] | None = None

    def unit_id(self, docnum: int) -> str:
        """The unit a document number stands for (stored fields read once)."""
        if self._ids is None:
            self._ids = [fields["unit_id"] for _, fields in sorted(self.reader.iter_docs())]
        return self._ids[docnum]

    @property
    def large(self) -> bool:
        """Past a few thousand units the sums are vectorised (numpy, imported only then)."""
        return bool(self.reader.doc_count_all() > LARGE)

    def _postings_of(self, field: str, term: str) -> tuple[Any, Any]:
        """(document numbers, each posting's BM25 term-frequency part), read once and kept."""
        key = (field, term)
        found = self._postings.get(key)
        if found is not None:
            self._postings.move_to_end(key)
            return found
        found = self._read_large(field, term) if self.large else self._read(field, term)
        self._postings[key] = found
        if len(self._postings) > CACHE_TERMS:
            self._postings.popitem(last=False)
        return found

    def _read(self, field: str, term: str) -> tuple[list[int], list[float]]:
        ids: list[int] = []
        parts: list[float] = []
        if not self.reader.doc_frequency(field, term):
            return ids, parts
        scorable = self.reader.schema[field].scorable
        lengths, avg = self._field(field) if scorable else ([], 1.0)
        b, k1 = self.B, self.K1
        for doc, tf in _postings(self.reader.postings(field, term)):
            ids.append(doc)
            # keyword fields: whoosh scores the weight itself; text fields: BM25's tf part (idf applied later)
            parts.append(tf * (k1 + 1) / (tf + k1 * ((1 - b) + b * lengths[doc] / avg)) if scorable else tf)
        return ids, parts

    def _read_large(self, field: str, term: str) -> tuple[Any, Any]:
        """The same as `_read`, with the BM25 part computed over arrays."""
        import numpy as np

        pairs = list(_postings(self.reader.postings(field, term))) if self.reader.doc_frequency(field, term) else []
        ids = np.fromiter((d for d, _ in pairs), dtype=np.int64, count=len(pairs))
        tf = np.fromiter((w for _, w in pairs), dtype=np.float64, count=len(pairs))
        if not self.reader.schema[field].scorable:
            return ids, tf
        lengths, avg = self._field(field)
        if field not in self._arrays:
            self._arrays[field] = np.asarray(lengths, dtype=np.float64)
        k1, b = self.K1, self.B
        return ids, tf * (k1 + 1) / (tf + k1 * ((1 - b) + b * self._arrays[field][ids] / avg))

    def _field(self, field: str) -> tuple[list[float], float]:
        if field not in self._lengths:
            r, count = self.reader, self.reader.doc_count_all()
            self._lengths[field] = [r.doc_field_length(d, field, 1) or 1 for d in range(count)]
            self._avg[field] = r.field_length(field) / (count or 1) or 1  # whoosh's avg_field_length
        return self._lengths[field], self._avg[field]

    def _factor(self, field: str, term: str, boost: float) -> float:
        if not self.reader.schema[field].scorable:
            return boost
        # whoosh's WeightingModel.idf
        return (math.log(self.reader.doc_count_all() / (self.reader.doc_frequency(field, term) + 1)) + 1) * boost

    def units_with(self, field: str, term: str) -> set[str]:
        """The units whose `field` holds `term` (a graph tag, say), from the postings kept in memory."""
        ids, _ = self._postings_of(field, term)
        return {self.unit_id(int(d)) for d in ids}

    def top(self, parts: list[tuple[str, str, float]], limit: int) -> list[tuple[str, float]]:
        """The best `limit` units for a union of (field, term, boost), scored as whoosh's BM25F would."""
        best = self._top_large(parts, limit) if self.large else self._top_small(parts, limit)
        return [(self.unit_id(doc), score) for doc, score in best]

    def _top_small(self, parts: list[tuple[str, str, float]], limit: int) -> list[tuple[int, float]]:
        scores: dict[int, float] = {}
        for field, term, boost in parts:
            ids, partial = self._postings_of(field, term)
            if ids:
                factor = self._factor(field, term, boost)
                for doc, p in zip(ids, partial, strict=False):
                    scores[doc] = scores.get(doc, 0.0) + factor * p
        return heapq.nsmallest(limit, scores.items(), key=lambda kv: (-kv[1], kv[0]))

    def _top_large(self, parts: list[tuple[str, str, float]], limit: int) -> list[tuple[int, float]]:
        import numpy as np

        scores = np.zeros(self.reader.doc_count_all())
        hit = np.zeros(len(scores), dtype=bool)
        for field, term, boost in parts:
            ids, partial = self._postings_of(field, term)
            if len(ids):
                scores[ids] += self._factor(field, term, boost) * partial  # a term's documents are distinct
                hit[ids] = True
        docs = np.flatnonzero(hit)
        if len(docs) > limit:
            docs = docs[np.argpartition(-scores[docs], limit - 1)[:limit]]
        return sorted(((int(d), float(scores[d])) for d in docs), key=lambda kv: (-kv[1], kv[0]))


def _postings(matcher: Any) -> Iterator[tuple[int, float]]:
    """(document number, weight) of every posting; whole blocks at a time from whoosh's leaf matcher."""
    from whoosh.codec.whoosh3 import W3LeafMatcher

    if type(matcher) is not W3LeafMatcher:  # several segments, or another codec: the public, slower way
        while matcher.is_active():
            yield matcher.id(), matcher.weight()
            matcher.next()
        return
    while matcher.is_active():
        matcher.id()  # loads the block's ids
        matcher._read_weights()
        yield from zip(matcher._ids, matcher._weights, strict=False)
        matcher._next_block()
