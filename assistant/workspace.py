"""The workspace: which corpus, which cache, which data files one assistant works with.

Every setting the library needs is here and passed down explicitly: the corpus folder (and with it the
gazetteer, its places.yaml), the cache root, the lexicon and the phrasings folder. Only entry points (the CLI, the TUI,
the benchmark, the tests' fixtures) decide them — from flags, then the environment, then the defaults
(`from_settings`) — so two workspaces over different corpora live side by side in one process, and no
library module reads the environment.

What is built from the settings (the parsed corpus, its facts and graph, the lexicon) is loaded on first
use and kept on the workspace.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.corpus import embedded_corpus_dir, load_places
from kg.errors import PolicyKGError

if TYPE_CHECKING:
    from assistant.lang.lexicon import Lexicon
    from assistant.lang.places import Gazetteer
    from kg.facts import FactSet
    from kg.graph import KnowledgeGraph
    from kg.models import Corpus

DATA = Path(__file__).resolve().parent / "data"
LEXICON = DATA / "lexicon.yaml"
PHRASINGS = DATA / "phrasings"


class SettingsError(PolicyKGError):
    """A folder named in the settings that cannot be used."""

    exit_code = 3


class Workspace:
    """One corpus with its cache and data files; everything an engine needs, chosen by the entry point."""

    def __init__(self, corpus_dir: Path, cache_root: Path, *, lexicon_file: Path = LEXICON,
                 phrasings_dir: Path = PHRASINGS, user_corpus: Path | None = None) -> None:
        self.corpus_dir = corpus_dir
        self.user_corpus = user_corpus  # where `ingest --add` makes a corpus when the embedded one is in use
        self.cache_root = cache_root
        self.lexicon_file = lexicon_file
        self.phrasings_dir = phrasings_dir

    @classmethod
    def from_settings(cls, environ: Mapping[str, str], *, corpus: str | None = None, cache: str | None = None,
                      phrasings: str | None = None) -> Workspace:
        """The workspace an entry point asks for: flags first, then the environment, then the defaults.

        POLICYKG_CORPUS, POLICYKG_CACHE, POLICYKG_PHRASINGS and POLICYKG_DATA are read here, from the mapping
        the entry point passes (normally the process environment), and nowhere else. Without --corpus or
        POLICYKG_CORPUS the per-user corpus (`user_corpus_dir`) is used once `ingest --add` has made it."""
        mine = user_corpus_dir(environ)
        chosen = corpus or environ.get("POLICYKG_CORPUS")
        corpus_dir = Path(chosen) if chosen else mine if any(mine.glob("*.txt")) else embedded_corpus_dir()
        named = phrasings or environ.get("POLICYKG_PHRASINGS")
        if named and not Path(named).is_dir():  # silently searching without phrasings would change every answer
            raise SettingsError(f"POLICYKG_PHRASINGS={named}：不是文件夹（应放 `<文件 id>.yaml` 措辞文件）")
        return cls(corpus_dir, default_cache_root(environ, cache), phrasings_dir=Path(named) if named else PHRASINGS,
                   user_corpus=mine)

    def with_corpus(self, folder: Path) -> Workspace:
        """The same settings over another corpus folder (nothing loaded yet: it reads the folder as it is now)."""
        return Workspace(folder, self.cache_root, lexicon_file=self.lexicon_file, phrasings_dir=self.phrasings_dir,
                         user_corpus=self.user_corpus)

    def with_cache_root(self, root: Path) -> Workspace:
        """The same settings with another cache root (before anything was loaded)."""
        return Workspace(self.corpus_dir, root, lexicon_file=self.lexicon_file, phrasings_dir=self.phrasings_dir,
                         user_corpus=self.user_corpus)

    @property
    def copies(self) -> Path:
        """Where JSON copies of parsed YAML data files are kept (kg.datafiles)."""
        return self.cache_root / "yaml"

    @cached_property
    def corpus(self) -> Corpus:
        """The parsed corpus (from the cache when it matches the files)."""
        from kg.cache import load_corpus

        return load_corpus(self.corpus_dir, self.cache_root)

    @cached_property
    def facts(self) -> FactSet:
        """The facts extracted from the corpus (cached beside it)."""
        from kg.cache import load_facts

        return load_facts(self.corpus, self.cache_root)

    @cached_property
    def graph(self) -> KnowledgeGraph:
        """The knowledge graph of the corpus (cached beside it)."""
        from kg.cache import load_graph

        return load_graph(self.corpus, self.cache_root)

    @cached_property
    def lexicon(self) -> Lexicon:
        """The retrieval lexicon, its words spelt as normalised text."""
        from assistant.lang.lexicon import load_lexicon

        return load_lexicon(self.lexicon_file, self.copies)

    @cached_property
    def places(self) -> Gazetteer:
        """Place names -> jurisdictions, for this corpus (its places.yaml and its documents' own places)."""
        from assistant.lang.places import Gazetteer

        data: dict[str, Any] = load_places(self.corpus_dir, self.copies) if self.corpus_dir.is_dir() else {}
        return Gazetteer(data, self.corpus)

    def corpus_cache(self) -> Path:
        """The cache folder of this corpus (index, facts, graph)."""
        from kg.cache import cache_dir

        return cache_dir(self.cache_root, self.corpus.fingerprint)


def usable_cache_root(root: Path, notice: Callable[[str], None]) -> Path:
    """The cache root if files can be written there; else a per-user folder in the temporary directory,
    said in one line through `notice` (a read-only or full disk, a path that is a file)."""
    import os
    import tempfile

    if _writable(root):
        return root
    fallback = Path(tempfile.gettempdir()) / f"policykg-{os.getuid()}"
    if not _writable(fallback):
        raise SettingsError(f"缓存目录 {root} 不可写，临时目录 {fallback} 也不可写；请用 POLICYKG_CACHE 指定可写的文件夹")
    notice(f"缓存目录 {root} 不可写，本次改用 {fallback}")
    return fallback


def _writable(folder: Path) -> bool:
    """Whether a file can be created in the folder (made if missing)."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def user_corpus_dir(environ: Mapping[str, str]) -> Path:
    """The per-user corpus `ingest --add` writes to when no corpus folder was chosen: $POLICYKG_DATA/corpus,
    else the platform's user data folder (platformdirs; ~/.local/share/policykg/corpus on Linux). It holds
    a copy of the embedded documents plus the added ones, so it is a whole corpus."""
    named = environ.get("POLICYKG_DATA")
    if named:
        return Path(named) / "corpus"
    from platformdirs import user_data_dir

    return Path(user_data_dir("policykg", appauthor=False)) / "corpus"


def default_cache_root(environ: Mapping[str, str], flag: str | None = None) -> Path:
    """--cache, else $POLICYKG_CACHE, else $XDG_CACHE_HOME/policykg, else ~/.cache/policykg."""
    named = flag or environ.get("POLICYKG_CACHE")
    if named:
        return Path(named)
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policykg"
