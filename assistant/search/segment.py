"""Writing the index's whoosh segment from words we have already split, without whoosh's pool.

whoosh's writer splits every field again into Token objects, pickles each posting into temporary
run files, merges the runs through a heap and looks each document's field length up in a column
while writing the postings: at 100x corpus size that is ~5M postings and ~45 s of a 50 s build.
Our fields arrive as space-separated words, documents arrive in order and the postings fit in
memory, so they are grouped per term as they come and handed to whoosh's own codec in term order.
The files on disk are an ordinary whoosh segment (tests compare them with whoosh's own writer).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, FieldType
from whoosh.formats import Existence, Frequency
from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

# whoosh's SpaceSeparatedTokenizer and KeywordAnalyzer split on exactly these characters
_WORDS = re.compile(r"[^ \t\r\n]+")
Postings = tuple[list[int], list[int]]  # (document numbers, frequencies) of one term
VECTORISED = 5_000  # documents above which the postings are grouped with numpy


class _NoPool:
    """Stands in for whoosh's posting pool, which this writer never fills."""

    def cleanup(self) -> None:
        pass


class _FieldPostings:
    """One field's postings as they come, flat: each document's distinct words and their counts appended
    whole (C-level list extends, no per-word Python step), grouped per term only when the segment is written."""

    __slots__ = ("words", "freqs", "docs", "sizes", "_known")

    def __init__(self) -> None:
        self.words: list[str] = []
        self._known: dict[str, str] = {}  # each word's first copy: the list holds one string per word, not per posting
        self.freqs = array("I")  # machine integers, not a list of objects: half the memory of a list
        self.docs = array("I")  # the documents holding the field, in order ...
        self.sizes = array("I")  # ... and how many distinct words each holds

    def add(self, docnum: int, words: list[str]) -> None:
        counts = Counter(words)
        self.words.extend(map(self._known.setdefault, counts, counts))  # a bigram is a new string each time
        self.freqs.extend(counts.values())
        self.docs.append(docnum)
        self.sizes.append(len(counts))

    def grouped(self, vectorised: bool) -> Iterator[tuple[str, list[int], list[int]]]:
        """(term, its documents in order, its counts) for every term, in term order."""
        return self._grouped_arrays() if vectorised else self._grouped_lists()

    def _grouped_lists(self) -> Iterator[tuple[str, list[int], list[int]]]:
        terms: dict[str, Postings] = {}
        docs = [d for d, n in zip(self.docs, self.sizes, strict=True) for _ in range(n)]
        for word, freq, doc in zip(self.words, self.freqs, docs, strict=True):
            entry = terms.get(word)
            if entry is None:
                entry = terms[word] = ([], [])
            entry[0].append(doc)
            entry[1].append(freq)
        for word in sorted(terms):
            yield word, *terms[word]

    def _grouped_arrays(self) -> Iterator[tuple[str, list[int], list[int]]]:
        """The same grouping with numpy: each word's term number, a stable sort by it (documents stay in
        order within a term), and each term's slice."""
        import numpy as np

        vocab = sorted(self._known)
        number = {w: i for i, w in enumerate(vocab)}
        terms = np.fromiter(map(number.__getitem__, self.words), dtype=np.int32, count=len(self.words))
        self.words = []  # each array is made before the next one and the lists it replaces go at once
        order = np.argsort(terms, kind="stable")
        ends = np.cumsum(np.bincount(terms, minlength=len(vocab))).tolist()
        del terms
        docs = np.repeat(np.frombuffer(self.docs, dtype=np.uintc), np.frombuffer(self.sizes, dtype=np.uintc))[order]
        freqs = np.frombuffer(self.freqs, dtype=np.uintc)[order]
        del order
        self.freqs, self.docs, self.sizes, self._known = array("I"), array("I"), array("I"), {}
        start = 0
        for word, end in zip(vocab, ends, strict=True):
            yield word, docs[start:end].tolist(), freqs[start:end].tolist()
            start = end


class WordSegmentWriter(SegmentWriter):
    """A whoosh SegmentWriter for a new index whose text fields are split by spaces."""

    pool: Any  # whoosh's posting pool until __init__ puts a _NoPool in its place

    def __init__(self, ix: Any, vectorised: bool | None = None) -> None:
        """`vectorised`: group the postings with numpy (None: when the segment holds more than VECTORISED
        documents; below that, importing numpy costs more than it saves, and ~15 MB)."""
        # Blocks stored as they are: zlib deflating each term's block (one per term for most of them, ~100
        # bytes) cost a fifth of the first build's CPU (a compressor set up per call) and saved under a third
        # of the postings file (2.4 MB stored, mapped); whoosh reads each block's compression from the block.
        super().__init__(ix, compound=False, codec=W3Codec(compression=0))
        self.pool.cleanup()
        self.pool = _NoPool()
        self.vectorised = vectorised
        self._terms: dict[str, _FieldPostings] = {}
        self._lengths: dict[str, list[int]] = {}  # field -> length per document number

    def add_words(self, fields: Mapping[str, str | list[str]]) -> None:
        """Add one document; text and keyword fields hold space-separated words (or the words as a list, when
        none holds a space: what splitting their join would give, without joining and splitting), ID fields
        one value."""
        self._check_state()
        self._check_fields(self.schema, fields)
        docnum, perdoc = self.docnum, self.perdocwriter
        perdoc.start_doc(docnum)
        for name in sorted(fields):
            field, value = self.schema[name], fields[name]
            length = self._add_postings(name, field, value, docnum) if field.indexed else 0
            perdoc.add_field(name, field, value if field.stored else None, length)
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_postings(self, name: str, field: FieldType, value: str | list[str], docnum: int) -> int:
        """Record the document's postings for one field; returns the field length whoosh stores."""
        if not isinstance(field.format, (Frequency, Existence)):
            raise TypeError(f"field {name!r}: {type(field.format).__name__} postings are not supported here")
        if isinstance(value, list):
            words = value
        else:
            words = [value] if isinstance(field, ID) else _WORDS.findall(value)
        postings = self._terms.get(name)
        if postings is None:
            postings = self._terms[name] = _FieldPostings()
        if words:
            postings.add(docnum, words)
        if not field.scorable:
            return 0
        lengths = self._lengths.setdefault(name, [])
        lengths.extend([0] * (docnum - len(lengths)))  # documents without this field
        lengths.append(len(words))
        return len(words)

    def _flush_segment(self) -> None:
        """Write the postings field by field, term by term, in the byte order whoosh reads them in
        (UTF-8 keeps code point order, so sorting the words sorts their bytes)."""
        self.perdocwriter.close()
        fw = self.fieldwriter
        vectorised = self.docnum > VECTORISED if self.vectorised is None else self.vectorised
        for name in sorted(self._terms):
            field = self.schema[name]
            lengths = self._lengths.get(name, [])
            lengths.extend([0] * (self.docnum - len(lengths)))
            fw.start_field(name, field)
            for word, docnums, freqs in self._terms[name].grouped(vectorised):
                fw.start_term(word.encode("utf-8"))
                _fill_blocks(fw._postwriter, field.format, docnums, freqs, lengths)
                fw.finish_term()
            fw.finish_field()
        fw.close()
        self._terms.clear()


_PACKED = [pack_uint(n) for n in range(1024)]  # a word occurs fewer than 1024 times in one unit


def _packed(freq: int) -> bytes:
    return _PACKED[freq] if freq < 1024 else pack_uint(freq)


def _fill_blocks(pw: Any, fmt: Frequency | Existence, docnums: list[int], freqs: list[int], lengths: list[int]) -> None:
    """What whoosh's W3PostingsWriter.add_posting does one posting at a time (with type asserts
    that cost more than the work), done a block at a time: same buffers, same block statistics."""
    boost, counted = fmt.field_boost, isinstance(fmt, Frequency)
    limit = pw._blocklimit
    for start in range(0, len(docnums), limit):
        if len(pw._ids) >= limit:
            pw._write_block()
        ids, counts = docnums[start: start + limit], freqs[start: start + limit]
        pw._ids.extend(ids)
        if counted:
            # whoosh keeps weights as 32-bit floats: counts go in as they are when the boost is 1 (the same floats)
            pw._weights.extend(counts if boost == 1 else [f * boost for f in counts])
            pw._maxweight = max(pw._maxweight, max(counts) * boost)
            pw._values.extend(map(_PACKED.__getitem__ if max(counts) < len(_PACKED) else _packed, counts))
        else:
            pw._weights.extend([boost] * len(ids))
            pw._maxweight = max(pw._maxweight, boost)
        sizes = list(filter(None, map(lengths.__getitem__, ids)))
        if sizes:
            low = min(sizes)
            pw._minlength = low if pw._minlength is None else min(pw._minlength, low)
            pw._maxlength = max(pw._maxlength, *sizes)
