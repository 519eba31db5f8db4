"""The lookup tables beside the index are SQLite files: written whole then swapped in, read in place.

A question looks up a few rows (its character spans, its candidates' phrasings) instead of loading
tables of 100k entries; a half-written file never replaces a good one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def write_swapped(path: Path, fill: Callable[[Any], None]) -> None:
    """Create the file through `fill(connection)` under a temporary name, then rename it into place."""
    import sqlite3

    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        # no journal and no syncs while filling (a failed fill leaves only the temporary file, thrown away
        # next time); the whole file is synced once before it is renamed into place
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        fill(con)
        con.commit()
    finally:
        con.close()
    with open(tmp, "rb") as written:
        os.fsync(written.fileno())
    tmp.replace(path)


def uri(path: Path | None, options: str) -> str:
    """An SQLite URI for a file (percent-encoded: a cache folder may hold spaces or '#')."""
    return f"{Path(path or '').resolve().as_uri()}?{options}"


def open_read_only(path: Path | None) -> Any:
    """A connection that never writes (immutable: the table does not change while the index exists),
    usable from the TUI's worker threads."""
    import sqlite3

    return sqlite3.connect(uri(path, "mode=ro&immutable=1"), uri=True, check_same_thread=False)
