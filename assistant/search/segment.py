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
from collections import Counter
from collections.abc import Mapping
from typing import Any

from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, FieldType
from whoosh.formats import Existence, Frequency
from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

# whoosh's SpaceSeparatedTokenizer and KeywordAnalyzer split on exactly these characters
_WORDS = re.compile(r"[^ \t\r\n]+")
Postings = tuple[list[int], list[int]]  # (document numbers, frequencies) of one term


class _NoPool:
    """Stands in for whoosh's posting pool, which this writer never fills."""

    def cleanup(self) -> None:
        pass


class WordSegmentWriter(SegmentWriter):
    """A whoosh SegmentWriter for a new index whose text fields are split by spaces."""

    pool: Any  # whoosh's posting pool until __init__ puts a _NoPool in its place

    def __init__(self, ix: Any) -> None:
        # Blocks stored as they are: zlib deflating each term's block (one per term for most of them, ~100
        # bytes) cost a fifth of the first build's CPU (a compressor set up per call) and saved under a third
        # of the postings file (2.4 MB stored, mapped); whoosh reads each block's compression from the block.
        super().__init__(ix, compound=False, codec=W3Codec(compression=0))
        self.pool.cleanup()
        self.pool = _NoPool()
        self._terms: dict[str, dict[str, Postings]] = {}
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
        terms = self._terms.setdefault(name, {})
        for word, freq in Counter(words).items():
            entry = terms.get(word)
            if entry is None:
                entry = terms[word] = ([], [])
            entry[0].append(docnum)
            entry[1].append(freq)
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
        for name in sorted(self._terms):
            terms, field = self._terms[name], self.schema[name]
            lengths = self._lengths.get(name, [])
            lengths.extend([0] * (self.docnum - len(lengths)))
            fw.start_field(name, field)
            for word in sorted(terms):
                fw.start_term(word.encode("utf-8"))
                _fill_blocks(fw._postwriter, field.format, terms[word], lengths)
                fw.finish_term()
            fw.finish_field()
        fw.close()
        self._terms.clear()


_PACKED = [pack_uint(n) for n in range(1024)]  # a word occurs fewer than 1024 times in one unit


def _packed(freq: int) -> bytes:
    return _PACKED[freq] if freq < 1024 else pack_uint(freq)


def _fill_blocks(pw: Any, fmt: Frequency | Existence, postings: Postings, lengths: list[int]) -> None:
    """What whoosh's W3PostingsWriter.add_posting does one posting at a time (with type asserts
    that cost more than the work), done a block at a time: same buffers, same block statistics."""
    boost, counted = fmt.field_boost, isinstance(fmt, Frequency)
    limit = pw._blocklimit
    docnums, freqs = postings
    for start in range(0, len(docnums), limit):
        if len(pw._ids) >= limit:
            pw._write_block()
        ids, counts = docnums[start: start + limit], freqs[start: start + limit]
        weights = [f * boost for f in counts] if counted else [boost] * len(ids)
        pw._ids.extend(ids)
        pw._weights.extend(weights)
        pw._maxweight = max(pw._maxweight, *weights)
        if counted:
            pw._values.extend(map(_packed, counts))
        sizes = [n for n in map(lengths.__getitem__, ids) if n]
        if sizes:
            low = min(sizes)
            pw._minlength = low if pw._minlength is None else min(pw._minlength, low)
            pw._maxlength = max(pw._maxlength, *sizes)
