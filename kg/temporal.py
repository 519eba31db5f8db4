"""What was in force on a day: documents by their effective and end dates.

>>> from datetime import date
>>> parse_day("2022-04-01")
datetime.date(2022, 4, 1)
"""

from __future__ import annotations

from datetime import date

from .errors import PolicyKGError
from .models import Corpus


class BadDate(PolicyKGError):
    """A date that cannot be read."""

    exit_code = 2


def parse_day(text: str) -> date:
    """YYYY-MM-DD (also 2022年4月1日)."""
    import re

    m = re.fullmatch(r"\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?\s*", text)
    try:
        if not m:
            raise ValueError(text)
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise BadDate(f"“{text}”不是日期；请写成 YYYY-MM-DD，例如 2023-05-01") from None


def in_force(corpus: Corpus, day: date) -> tuple[list[str], list[str]]:
    """Doc ids in force on a day, and a note for each document that was not."""
    ok, notes = [], []
    for doc in corpus.documents:
        m = doc.meta
        if m.in_force(day):
            ok.append(m.id)
        elif day < m.effective:
            notes.append(f"《{m.title}》{m.effective.isoformat()} 起施行，{day.isoformat()} 时尚未施行")
        else:
            notes.append(f"《{m.title}》已于 {m.end.isoformat() if m.end else '?'} 失效")
    return ok, notes
