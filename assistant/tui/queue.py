"""Questions wait their turn: typed while the index is built or while an answer is computed, they are
answered one at a time, in the order typed (the engine holds one conversation and is not shared)."""

from __future__ import annotations

from collections import deque

from pydantic import BaseModel


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
