"""A metadata guess for a text that came without its NAME.meta.yaml, so `ingest` can still show what the
text holds and say exactly what to write before it can be added.

The guess is never stored: the id comes from the file name, the title and body start from the first
line, the numbering from the marks the text uses; issuer, place and dates are left unknown.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from .layout import clean_line
from .models import DocumentMeta
from .source import read_source

ARTICLE_MARK = re.compile(r"^\s*(?:\*\*)?第[一二三四五六七八九十百]+条", re.M)
REQUIRED = ("id", "title", "issuer", "jurisdiction", "level", "issued", "effective", "numbering", "body_start")


def provisional_meta(path: Path) -> DocumentMeta:
    """Metadata good enough to parse `path` and show its structure."""
    source = read_source(path).text
    first = next((c for line in source.splitlines() if (c := clean_line(line))), path.stem)
    numbering = "article" if len(ARTICLE_MARK.findall(source)) >= 2 else "outline"
    doc_id = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "new-document"
    return DocumentMeta(id=doc_id if doc_id[0].isalnum() else f"d{doc_id}", title=first[:60], issuer="（未知）",
                        jurisdiction="（未知）", level="city", issued=date.today(), effective=date.today(),
                        numbering=numbering, body_start=first, source_file=path.name)
