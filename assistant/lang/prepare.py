"""The word-vector neighbours of a corpus, found in a process of its own while the index is built.

What they need depends on the machine, not the corpus: the package's word vectors (assistant.lang.vectors:
seconds to parse) and the characters' readings (assistant.lang.sounds: a second to import and fold), both
kept in the cache root once made and read back in milliseconds. Comparing every vector word with the
corpus's words takes another second. Started when the build starts, that process parses the vectors while
the build's own process parses the corpus and writes its dictionary, is then told the corpus's words
(`ask`), and compares them while the build segments and indexes the corpus: a new user does not wait for
the vectors one step after the other, and the build's process never loads numpy or holds the vectors.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kg.files import write_atomic


def start(root: Path) -> subprocess.Popen[bytes] | None:
    """A process preparing the machine's data under the cache root `root`, waiting to be asked for a
    corpus's neighbours (`ask`); None when there are no vectors to compare."""
    from assistant.lang.vectors import has_vectors

    if not has_vectors():
        return None
    return subprocess.Popen([sys.executable, "-m", "assistant.lang.prepare", str(root)],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def ask(process: subprocess.Popen[bytes] | None, vocabulary: set[str], stopwords: set[str], out: Path) -> None:
    """Tell a `start` process the corpus's words and where to write their neighbours (JSON)."""
    if process is None or process.stdin is None:
        return
    asked = out.with_name(out.name + ".words")  # a file, not the pipe: the process reads the pipe only once
    words = {"vocabulary": sorted(vocabulary), "stopwords": sorted(stopwords), "out": str(out)}  # it has parsed
    write_atomic(asked, json.dumps(words, ensure_ascii=False))  # the vectors, and a full pipe would block here
    try:
        process.stdin.write(str(asked).encode("utf-8"))
        process.stdin.close()
    except OSError:
        pass  # the process is gone: `neighbours` finds them here


def finish(process: subprocess.Popen[bytes] | None, cancel: bool = False) -> None:
    """Wait for a `start` process, or end it (the build was interrupted)."""
    if process is None:
        return
    if cancel:
        process.kill()
    if process.stdin is not None and not process.stdin.closed:
        process.stdin.close()  # never asked: it ends after the vectors
    process.wait()


def neighbours(root: Path, vocabulary: set[str], stopwords: set[str], out: Path) -> dict[str, list[str]]:
    """The table `start`'s process wrote to `out`, or, when it is missing (the process failed), found here."""
    from assistant.lang.vectors import load_vectors, neighbour_table

    try:
        found: dict[str, list[str]] = json.loads(out.read_text(encoding="utf-8"))
        return found
    except (OSError, ValueError):
        return neighbour_table(vocabulary, stopwords, load_vectors(root / "vectors"))


def _main(root: Path) -> None:
    """What `start`'s process does: the vectors; then, once asked, the table; then the readings."""
    from assistant.lang.sounds import cached_readings
    from assistant.lang.vectors import load_vectors, neighbour_table

    vectors = load_vectors(root / "vectors")
    try:
        asked = Path(sys.stdin.buffer.read().decode("utf-8"))
        words = json.loads(asked.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # the build ended without asking
    table = neighbour_table(set(words["vocabulary"]), set(words["stopwords"]), vectors)
    write_atomic(Path(words["out"]), json.dumps(table, ensure_ascii=False))
    del vectors
    cached_readings(root / "sounds")  # last: pypinyin's tables (70 MB) are never held with the vectors


if __name__ == "__main__":
    _main(Path(sys.argv[1]))
