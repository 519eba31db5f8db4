"""Briefing quality on the gold topics (queries/briefs/*.yaml): recall and precision of the cited clauses.

Each gold topic lists `must` units (a briefing on the topic has to cite them) and `must_not` units
(they share words with the topic or sit next to it, but are about something else). A briefing's
citations are the unit ids of its appendix.

Coverage: the gold writer listed a whole article where all of it is on the topic and single items
otherwise, so a cited unit covers a gold unit when it is that unit, encloses it (a cited article covers
its items) or sits inside it (a cited item covers its article). The same rule decides whether a
`must_not` unit was cited, except that a `must_not` unit enclosing a `must` unit is only hit by citing
it or something enclosing it (citing the wanted item does not cite its unwanted neighbours).

    recall    = must units covered / must units
    precision = must units covered / (must units covered + must_not units covered)

Precision is judged on the gold's units only (a cited unit the writer did not judge counts neither way),
the usual way of measuring precision against incomplete judgements. Figures are reported per file as the
mean over its topics (every topic weighs the same) and pooled over all its gold units.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict


class GoldTopic(BaseModel):
    """One gold topic; a malformed entry fails validation instead of being skipped."""

    model_config = ConfigDict(extra="forbid")

    topic: str
    must: list[str]
    must_not: list[str] = []
    note: str | None = None


class TopicScore(BaseModel):
    """What one briefing cited of its gold."""

    topic: str
    must: int
    found: int
    wrong: int
    missed: list[str]
    unwanted: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.must if self.must else 1.0

    @property
    def precision(self) -> float:
        judged = self.found + self.wrong
        return self.found / judged if judged else 1.0


class BriefReport(BaseModel):
    """Figures of one gold file."""

    source: str
    topics: list[TopicScore]

    @property
    def recall(self) -> float:
        """Mean recall over the topics."""
        return sum(t.recall for t in self.topics) / max(len(self.topics), 1)

    @property
    def precision(self) -> float:
        """Mean precision over the topics."""
        return sum(t.precision for t in self.topics) / max(len(self.topics), 1)

    @property
    def pooled(self) -> tuple[float, float]:
        """(recall, precision) over all gold units of the file together."""
        must, found, wrong = (sum(getattr(t, k) for t in self.topics) for k in ("must", "found", "wrong"))
        return found / max(must, 1), found / max(found + wrong, 1)


def load_topics(path: Path) -> list[GoldTopic]:
    """The gold topics of one file (`topics: [{topic, must, must_not, note}]`)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [GoldTopic.model_validate(raw) for raw in data.get("topics") or []]


def gold_files(path: Path) -> list[Path]:
    """A gold file, or the development files of a folder in name order: a reserved split (final*.yaml) is
    read only when named, so the folder's default can never spend it."""
    return sorted(p for p in path.glob("*.yaml") if not p.name.startswith("final")) if path.is_dir() else [path]


def _inside(unit: str, outer: str) -> bool:
    return unit.startswith(outer + "/")


def covers(cited: str, gold: str) -> bool:
    """Whether citing one unit cites a gold unit: the same, enclosing it, or inside it."""
    return cited == gold or _inside(gold, cited) or _inside(cited, gold)


def score_topic(gold: GoldTopic, cited: Iterable[str]) -> TopicScore:
    """Recall and precision of one briefing's citations against its gold topic."""
    cited = list(cited)
    found = [g for g in gold.must if any(covers(c, g) for c in cited)]

    def unwanted(g: str) -> bool:
        if any(_inside(m, g) for m in gold.must):  # an unwanted article around a wanted item
            return any(c == g or _inside(g, c) for c in cited)
        return any(covers(c, g) for c in cited)

    wrong = [g for g in gold.must_not if unwanted(g)]
    return TopicScore(topic=gold.topic, must=len(gold.must), found=len(found), wrong=len(wrong),
                      missed=[g for g in gold.must if g not in found], unwanted=wrong)


def evaluate_briefs(path: Path, cite: Callable[[str], list[str]]) -> BriefReport:
    """Score `cite(topic) -> unit ids` on every topic of one gold file."""
    return BriefReport(source=str(path), topics=[score_topic(t, cite(t.topic)) for t in load_topics(path)])
