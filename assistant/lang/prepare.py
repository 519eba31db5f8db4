"""The word-vector neighbours of a corpus, found in a process of its own while the index is built.

What they need depends on the machine, not the corpus: the package's word vectors (assistant.lang.vectors:
seconds to parse) and the characters' readings (assistant.lang.sounds: a second to import and fold), both
kept in the cache root once made and read back in milliseconds. Comparing every vector word with the
corpus's words takes another second. Started as soon as the corpus's dictionary is written, that process
does all three while the build's own process segments and indexes the corpus, so that a new user does not
wait for them one after the other, and the build's process never loads numpy or holds the vectors.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kg.files import write_atomic


def start(root: Path, vocabulary: set[str], stopwords: set[str], out: Path) -> subprocess.Popen[bytes] | None:
    """A process writing the neighbour table of `vocabulary` to `out` (JSON), preparing the machine's data
    under the cache root `root` on the way; None when there are no vectors to compare."""
    from assistant.lang.vectors import has_vectors

    if not has_vectors():
        return None
    asked = out.with_name(out.name + ".words")
    write_atomic(asked, json.dumps({"vocabulary": sorted(vocabulary), "stopwords": sorted(stopwords)}, ensure_ascii=False))
    return subprocess.Popen([sys.executable, "-m", "assistant.lang.prepare", str(root), str(asked), str(out)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def finish(process: subprocess.Popen[bytes] | None, cancel: bool = False) -> None:
    """Wait for a `start` process, or end it (the build was interrupted)."""
    if process is None:
        return
    if cancel:
        process.kill()
    process.wait()


def neighbours(root: Path, vocabulary: set[str], stopwords: set[str], out: Path) -> dict[str, list[str]]:
    """The table `start`'s process wrote to `out`, or, when it is missing (the process failed), found here."""
    from assistant.lang.vectors import load_vectors, neighbour_table

    try:
        found: dict[str, list[str]] = json.loads(out.read_text(encoding="utf-8"))
        return found
    except (OSError, ValueError):
        return neighbour_table(vocabulary, stopwords, load_vectors(root / "vectors"))


def _main(root: Path, asked: Path, out: Path) -> None:
    """What `start`'s process does: the vectors, the table, then the readings."""
    from assistant.lang.sounds import cached_readings
    from assistant.lang.vectors import load_vectors, neighbour_table

    words = json.loads(asked.read_text(encoding="utf-8"))
    table = neighbour_table(set(words["vocabulary"]), set(words["stopwords"]), load_vectors(root / "vectors"))
    write_atomic(out, json.dumps(table, ensure_ascii=False))
    cached_readings(root / "sounds")  # last: pypinyin's tables (70 MB) are never held with the vectors


if __name__ == "__main__":
    _main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
