"""The synonym table beside the index, written by a process of its own while the index is built.

What the table needs besides the corpus's words depends on the machine, not the corpus: the word vectors'
neighbour lists (shipped: half a second to decompress; with another version of the package installed, the
vectors parsed, seconds, kept in the cache root; assistant.lang.vectors), the thesaurus and the characters'
readings (assistant.lang.sounds). Started when the build starts, that process reads them while the build's
own process parses the corpus and writes its dictionary, is then told the corpus's words and where the table
goes (`ask`), and cuts the neighbours and writes the table while the build segments and indexes the corpus:
with a second core free, a new user does not wait for it one step after the other (a fifth of the build's
work), and the build's process never loads numpy or holds the lists. When that process fails, the build
writes the same table itself (`write_synonym_table`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.files import write_atomic

if TYPE_CHECKING:
    from assistant.lang.vectors import Lists


def start(root: Path, corpus_dir: Path | None = None) -> subprocess.Popen[bytes] | None:
    """A process reading the machine's data under the cache root `root`, waiting to be asked for a corpus's
    table (`ask`); None when it cannot be started (the build then writes the table itself). Given the folder of
    a corpus already parsed into the cache, it first extracts the corpus's facts into the cache
    (kg.cache.load_facts), which the build reads once they are there (`facts_ready`)."""
    extra = [str(corpus_dir)] if corpus_dir is not None else []
    try:
        return subprocess.Popen([sys.executable, "-m", "assistant.lang.prepare", str(root), *extra],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def spare_core() -> bool:
    """Whether a core is idle now (usable cores minus the last minute's load average): the side process only
    pays when it runs beside the build; on a machine with no core to spare its start and imports are work added
    (measured on 2 busy cores: the build took longer with it), and the build does the same work itself."""
    import os

    try:
        cores = len(os.sched_getaffinity(0))
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) > 1
    return cores - load >= 1


def facts_ready(process: subprocess.Popen[bytes] | None) -> None:
    """Wait until a `start` process given a corpus has written its facts into the cache, or has ended without
    (the build then extracts them itself, as kg.cache.load_facts does when the file is missing)."""
    if process is not None and process.stdout is not None:
        try:
            process.stdout.readline()
        except OSError:
            pass  # the process is gone: the facts are extracted here


def ask(process: subprocess.Popen[bytes] | None, vocabulary: set[str], stopwords: set[str], out: Path) -> None:
    """Tell a `start` process the corpus's words and where to write their synonym table (SQLite)."""
    if process is None or process.stdin is None:
        return
    asked = out.with_name(out.name + ".words")  # a file, not the pipe: the process reads the pipe only once
    words = {"vocabulary": sorted(vocabulary), "stopwords": sorted(stopwords), "out": str(out)}  # it has read
    write_atomic(asked, json.dumps(words, ensure_ascii=False))  # its data, and a full pipe would block here
    try:
        process.stdin.write(str(asked).encode("utf-8"))
        process.stdin.close()
    except OSError:
        pass  # the process is gone: the build writes the table itself


def finish(process: subprocess.Popen[bytes] | None, cancel: bool = False) -> None:
    """Wait for a `start` process, or end it (the build was interrupted)."""
    if process is None:
        return
    if cancel:
        process.kill()
    if process.stdin is not None and not process.stdin.closed:
        process.stdin.close()  # never asked: it ends after reading its data
    process.wait()
    if process.stdout is not None:
        process.stdout.close()


def write_synonym_table(out: Path, vocabulary: set[str], stopwords: set[str], root: Path) -> None:
    """The synonym table of a corpus's words (assistant.lang.synonyms.write_synonyms), written here."""
    from assistant.lang.synonyms import write_synonyms
    from assistant.lang.vectors import shipped_neighbours

    lists = shipped_neighbours(root / "vectors")
    neighbours, known = _neighbours(vocabulary, stopwords, root, lists, None)
    write_synonyms(out, vocabulary, stopwords, root, neighbours, known)


def _neighbours(vocabulary: set[str], stopwords: set[str], root: Path, lists: Lists | None,
                vectors: Any) -> tuple[dict[str, list[str]], list[str] | None]:
    """The vectors' neighbours of the words the corpus lacks, and the vector words when at hand: cut from the
    shipped `lists` when they are those of the installed package, else compared from the parsed `vectors`
    (read here when not given)."""
    from assistant.lang.vectors import load_vectors, neighbour_table, neighbours_from_lists

    if lists is not None:
        return neighbours_from_lists(vocabulary, stopwords, lists), lists.words
    return neighbour_table(vocabulary, stopwords, vectors or load_vectors(root / "vectors")), None


def _main(root: Path, corpus_dir: Path | None) -> None:
    """What `start`'s process does: the corpus's facts (when given its folder); the neighbour lists (or the
    vectors); then, once asked, the table."""
    from assistant.lang.synonyms import write_synonyms
    from assistant.lang.vectors import load_vectors, shipped_neighbours

    if corpus_dir is not None:
        _extract_facts(corpus_dir, root)
    lists = shipped_neighbours(root / "vectors")
    vectors = load_vectors(root / "vectors") if lists is None else None
    try:
        asked = Path(sys.stdin.buffer.read().decode("utf-8"))
        words = json.loads(asked.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # the build ended without asking
    vocabulary, stopwords = set(words["vocabulary"]), set(words["stopwords"])
    neighbours, known = _neighbours(vocabulary, stopwords, root, lists, vectors)
    del vectors  # the readings (pypinyin's tables, when not shipped) are never held with the vectors
    write_synonyms(Path(words["out"]), vocabulary, stopwords, root, neighbours, known)


def _extract_facts(corpus_dir: Path, root: Path) -> None:
    """The facts of the corpus parsed into the cache, extracted and written there; then a line on standard
    output says they are (`facts_ready`)."""
    import gc

    from kg.cache import load_corpus, load_facts

    load_facts(load_corpus(corpus_dir, root), root)
    gc.collect()  # the corpus and its facts are not kept: the synonym table's peak comes next
    sys.stdout.write("facts\n")
    sys.stdout.flush()


if __name__ == "__main__":
    _main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
