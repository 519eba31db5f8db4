"""Fit the coverage logistic (assistant/search/coverage.py WEIGHTS) on development data, and print it.

Rows: queries/coverage/dev.yaml on the shipped corpus (target 1 when the first citation is a right one, or the
question is a treated subject for a place without a document; 0 for a question the documents do not answer),
and, with --added, the development questions of queries/unseen-docs on the shipped plus added corpus (target 1
when the first citation is right): documents nobody wrote phrasings for must weigh in the fit, or the features
that phrasings raise are trusted for them too.

    python scripts/fit_coverage.py [--added] [--features unknown,rare,margin,strength,actor]
"""

from __future__ import annotations

import argparse
import json
import math
import os
from pathlib import Path

import numpy as np

from assistant.engine import MAX_CITATIONS, Engine
from assistant.evaluation.added import question_files, unseen_corpus
from assistant.evaluation.coverage import load_coverage
from assistant.evaluation.retrieval import load_gold
from assistant.search.coverage import Evidence, gather, hand_phrased
from assistant.workspace import Workspace

FEATURES = ("unknown", "rare", "margin", "strength", "actor")


def row(ev: Evidence, features: tuple[str, ...]) -> list[float]:
    values = {"unknown": ev.unknown, "rare": ev.rare, "margin": min(ev.margin, 2.0), "strength": ev.strength,
              "actor": float(ev.actor), "stated": ev.stated}
    return [values[f] for f in features]


def evidence(engine: Engine, q: str) -> tuple[Evidence, str | None]:
    question = engine.read(q)
    result = engine.retriever.search(question, limit=MAX_CITATIONS * 2)
    ev = gather(engine.retriever, result)
    if result.hits:
        r = engine.retriever
        scorer = r._posting_scorer()
        parts = [p for p in r.query_parts(result.query) if p[0] != "asked"]
        scores = dict(scorer.top(parts, r.ix.doc_count()))
        own = scores.get(result.hits[0].unit_id, 0.0)
        ideal = sum(scorer._factor(f, t, b) for f, t, b in parts if r.doc_frequency(f, t) > 0) or 1.0
        EXTRA[q] = {"hand": float(hand_phrased(r, r.corpus.unit(result.hits[0].unit_id).doc_id)), "strength2": math.log(1 + own), "rel": own / ideal, "best": own / (max(scores.values()) or 1)}
    return ev, result.hits[0].unit_id if result.hits else None


EXTRA: dict[str, dict[str, float]] = {}


def right(top: str | None, expect: list[str]) -> bool:
    return top is not None and any(top == e or top.startswith(e + "/") or e.startswith(top + "/") for e in expect)


def rows_of(queries: Path, ws: Workspace, added: bool) -> list[tuple[Evidence, int, str, str]]:
    engine = Engine.open(ws)
    out = []
    for case in load_coverage(queries / "coverage"):
        ev, top = evidence(engine, case.q)
        target = case.coverage == "partial" or (case.coverage == "covered" and right(top, case.expect))
        out.append((ev, int(target), "coverage", case.q))
    if added:
        folder = queries / "unseen-docs"
        big_dir = unseen_corpus(ws.corpus_dir, folder / "corpus", ws.cache_root / "corpora" / folder.name)
        big = Engine.open(Workspace(big_dir, ws.cache_root, lexicon_file=ws.lexicon_file,
                                    phrasings_dir=ws.phrasings_dir))
        for path in question_files(folder, final=False):
            for gold in load_gold(path):
                ev, top = evidence(big, gold.q)
                out.append((ev, int(right(top, gold.expect)), "added", gold.q))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.01, steps: int = 20000) -> np.ndarray:
    """Plain logistic regression by gradient descent (bias first), lightly regularised."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x1.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x1 @ w))
        grad = x1.T @ (p - y) / len(y) + l2 * np.r_[0, w[1:]]
        w -= 0.5 * grad
    return w


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--added", action="store_true")
    ap.add_argument("--features", default=",".join(FEATURES))
    ap.add_argument("--dump", help="write the rows (evidence, target, source) to this JSON file")
    args = ap.parse_args()
    features = tuple(args.features.split(","))
    ws = Workspace.from_settings(os.environ)
    data = rows_of(Path("queries"), ws, args.added)
    if args.dump:
        Path(args.dump).write_text(json.dumps([{**ev.model_dump(), **EXTRA.get(q, {}), "target": t, "source": s} for ev, t, s, q in data],
                                              ensure_ascii=False), encoding="utf-8")
    x = np.array([row(ev, features) for ev, _, _, _ in data])
    y = np.array([t for _, t, _, _ in data], dtype=float)
    w = fit(x, y)
    print({"bias": round(float(w[0]), 2), **{f: round(float(v), 2) for f, v in zip(features, w[1:], strict=True)}})
    for source in ("coverage", "added"):
        idx = [i for i, (_, _, s, _) in enumerate(data) if s == source]
        if idx:
            z = w[0] + x[idx] @ w[1:]
            p = 1 / (1 + np.exp(-z))
            print(source, len(idx), "mean strength", round(float(np.mean(x[idx][:, features.index("strength")]))
                                                         if "strength" in features else math.nan, 2),
                  "target 1:", int(y[idx].sum()), "p<0.33 among target 1:", int(((p < 0.33) & (y[idx] == 1)).sum()))


if __name__ == "__main__":
    main()
