"""Retrieval quality on the gold questions: hit@1, hit@3, MRR overall and per style.

A retrieved unit answers a gold unit when it is that unit, inside it, or the article/item that
encloses it (never a whole chapter, outline section or annex: too coarse to cite).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from kg.models import Corpus

Style = Literal["keyword", "natural", "paraphrase", "colloquial", "traditional", "typo", "english_mixed", "multi"]
COARSE = {"chapter", "section", "annex", "annex_section", "preamble", "closing"}


class GoldQuestion(BaseModel):
    """One gold case; a malformed case fails validation instead of being skipped."""

    model_config = ConfigDict(extra="forbid")

    q: str
    style: Style
    expect: list[str]
    note: str | None = None


class Scores(BaseModel):
    """Figures for one group of questions."""

    n: int
    hit1: float
    hit3: float
    mrr: float
    recall10: float | None = None


class RetrievalReport(BaseModel):
    """Overall and per-style figures, plus the misses to look at."""

    overall: Scores
    by_style: dict[str, Scores]
    misses: list[dict[str, object]]


def load_gold(path: Path) -> list[GoldQuestion]:
    """Every gold question under a folder (queries/retrieval/*.yaml) or in one file."""
    import yaml

    files = sorted(path.glob("retrieval/*.yaml")) if path.is_dir() else [path]
    if path.is_dir() and not files:
        files = sorted(path.glob("*.yaml"))
    cases: list[GoldQuestion] = []
    for f in files:
        try:
            cases += [GoldQuestion.model_validate(raw) for raw in yaml.safe_load(f.read_text(encoding="utf-8")) or []]
        except (ValueError, TypeError, yaml.YAMLError) as exc:
            exc.add_note(str(f))  # which file of a folder: the eval command names it
            raise
    return cases


def answers(corpus: Corpus, retrieved: str, gold: str) -> bool:
    """Whether a retrieved unit cites the gold unit's text (same, inside, or enclosing)."""
    if retrieved == gold or retrieved.startswith(gold + "/"):
        return True
    if gold.startswith(retrieved + "/"):
        return corpus.unit(retrieved).kind not in COARSE
    return False


def rank_of(corpus: Corpus, ranked: list[str], gold: list[str]) -> int | None:
    """1-based rank of the first retrieved unit answering any gold unit."""
    for i, unit_id in enumerate(ranked, 1):
        if any(answers(corpus, unit_id, g) for g in gold):
            return i
    return None


def _scores(rows: list[tuple[int | None, float | None]]) -> Scores:
    n = len(rows)
    ranks = [r for r, _ in rows]
    recalls = [rc for _, rc in rows if rc is not None]
    return Scores(n=n, hit1=sum(r == 1 for r in ranks) / n, hit3=sum(r is not None and r <= 3 for r in ranks) / n,
                  mrr=sum(1 / r for r in ranks if r) / n, recall10=sum(recalls) / len(recalls) if recalls else None)


def evaluate(corpus: Corpus, search: object, cases: list[GoldQuestion]) -> RetrievalReport:
    """Run every gold question through `search(question) -> [unit ids]` and score it."""
    groups: dict[str, list[tuple[int | None, float | None]]] = defaultdict(list)
    misses: list[dict[str, object]] = []
    for case in cases:
        ranked = search(case.q)  # type: ignore[operator]
        rank = rank_of(corpus, ranked, case.expect)
        recall = None
        if case.style == "multi":
            top = ranked[:10]
            recall = sum(any(answers(corpus, r, g) for r in top) for g in case.expect) / len(case.expect)
        groups[case.style].append((rank, recall))
        groups["overall"].append((rank, recall))
        if rank != 1:
            misses.append({"q": case.q, "style": case.style, "rank": rank, "expect": case.expect, "got": ranked[:3]})
    overall = _scores(groups.pop("overall"))
    return RetrievalReport(overall=overall, by_style={k: _scores(v) for k, v in sorted(groups.items())}, misses=misses)
