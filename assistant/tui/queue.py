"""Questions wait their turn: typed while the index is built or while an answer is computed, they are
answered one at a time, in the order typed (the engine holds one conversation and is not shared)."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from pydantic import BaseModel

if TYPE_CHECKING:
    from ..engine import Engine
    from ..models import Answer


class Job(BaseModel):
    """One thing for the engine to do: answer a question, or change one fact."""

    question: str = ""
    field: str | None = None  # set: revise this field to `question`
    old: str | None = None  # the value shown before a revision, restored when the new one is not understood


class AskQueue:
    """First in, first out; `busy` while the engine works on a job.

    >>> q = AskQueue()
    >>> q.put(Job(question="外部考点")), q.put(Job(question="公示期"))
    (1, 2)
    >>> q.take().question, q.busy, len(q)
    ('外部考点', True, 1)
    >>> q.take() is None  # one at a time
    True
    """

    def __init__(self) -> None:
        self._waiting: deque[Job] = deque()
        self.busy = False

    def put(self, job: Job) -> int:
        """Queue a job; how many are waiting now."""
        self._waiting.append(job)
        return len(self._waiting)

    def take(self) -> Job | None:
        """The next job when the engine is free (and mark it busy), else None."""
        if self.busy or not self._waiting:
            return None
        self.busy = True
        return self._waiting.popleft()

    def done(self) -> None:
        self.busy = False

    def __len__(self) -> int:
        return len(self._waiting)


def answer_job(engine: Engine, job: Job) -> tuple[Answer, str]:
    """The engine's answer to a job and a refusal to show (empty: none); a revision the engine cannot read
    is undone, the old value put back, rather than the fact silently dropped."""
    if job.field is None:
        return engine.ask(job.question), ""
    answer = engine.revise(job.field, job.question)
    if any(f == job.field for f, _, _ in engine.known_facts()) or not job.old:
        return answer, ""
    restored = engine.revise(job.field, job.old)
    return restored, f"没看懂“{job.question}”，{job.old} 保留未改。请写成例如 1200平方米、是、否。"


def local_reply(engine: Engine | None, pending: bool, busy: bool, text: str) -> tuple[str, bool] | None:
    """What to say without a search, and whether the conversation is cleared: 重新开始 (the engine's
    conversation is reset), 为什么问这个 / 不知道 when no follow-up question is pending. None: ask the engine."""
    from ..dialogue.turns import RESET_WORDS, WHY_WORDS

    said = text.strip()
    if any(w in said for w in RESET_WORDS) and engine is not None and not busy:
        engine.reset()
        return "好的，已重新开始。请描述贵单位的情况，或直接提问。", True
    asks_why = any(w in said for w in WHY_WORDS)
    if not pending and not busy and (asks_why or said.rstrip("。.!！") in ("不知道", "不清楚", "不确定")):
        return "现在没有待回答的追问。可以直接提问，例如：我们是吉林的行业协会，能申请吗？", False
    return None
