"""What a determination hands the dialogue: a verdict (or none), what to ask next, what to cite."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..models import Verdict
from .checklist import Pending


class Outcome(BaseModel):
    """One determination computed for one profile."""

    determination: str
    verdict: Verdict | None = None
    pending: list[Pending] = []
    citations: list[str] = []  # unit ids, deciding ones first
    answer: str = ""
    by_field: dict[str, list[str]] = {}  # field -> units whose conditions read it ("为什么问这个")
    extra: dict[str, Any] = {}  # ladder / due dates, for --json
