"""Writing files so that nothing is ever half-written: a temporary sibling, then a rename.

Every file the product writes (caches, the index, exports, briefings, documents added to a corpus)
goes through here. The temporary file is made with the permissions the umask allows (0644 by default),
as any file the user makes, not mkstemp's private 0600: exports and briefings are meant to be shared.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file via a temporary sibling and a rename (the folder is created for caches)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_dir_atomic(build: Path, target: Path) -> None:
    """Swap a freshly built folder into place (old one removed after the swap)."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(build, target)
    shutil.rmtree(old, ignore_errors=True)
