"""Fit the coverage judgement's numbers (assistant/search/coverage.py) on development data, and print them.

Two fits, from the same rows:

- `WEIGHTS`: a logistic over the evidence of queries/coverage/dev.yaml asked of the shipped corpus (target 1
  when the first citation is a right one, or the question is a treated subject for a place without a
  document; 0 for a question the documents do not answer). Printed for comparison with the weights in use.
- `UNPHRASED_STRENGTH`: with those weights held, the strength credited to a clause of a document without
  hand-written phrasings, by maximum likelihood over the development questions of queries/unseen-docs
  asked of the shipped plus added corpus (target 1 when the first citation is right). Held weights leave the
  shipped documents judged exactly as before; only the added documents' clauses move. Then the chance from
  which those questions' first citations are right 95 % of the time, shown as confidence 0.8 for them.

    POLICYKG_CACHE=... python scripts/fit_coverage.py
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np

import assistant.search.coverage as coverage
from assistant.engine import MAX_CITATIONS, Engine
from assistant.evaluation.added import question_files, unseen_corpus
from assistant.evaluation.coverage import load_coverage
from assistant.evaluation.retrieval import load_gold
from assistant.workspace import Workspace

FEATURES = ("unknown", "rare", "margin", "strength", "actor")
Row = tuple[list[float], int, bool]  # features, target, whether the first clause's document is hand-phrased


def row_of(engine: Engine, q: str, expect: list[str]) -> tuple[list[float], bool, bool]:
    """The evidence of one question (strength without the credit, whose size is being fitted), whether the
    first citation is right and whether its document has hand-written phrasings."""
    result = engine.retriever.search(engine.read(q), limit=MAX_CITATIONS * 2)
    ev = coverage.gather(engine.retriever, result)
    top = result.hits[0].unit_id if result.hits else None
    right = top is not None and any(top == e or top.startswith(e + "/") or e.startswith(top + "/") for e in expect)
    phrased = top is None or coverage.hand_phrased(engine.retriever, engine.corpus.unit(top).doc_id)
    values = {"unknown": ev.unknown, "rare": ev.rare, "margin": min(ev.margin, 2.0), "strength": ev.strength,
              "actor": float(ev.actor)}
    return [values[f] for f in FEATURES], right, phrased


def shipped_rows(queries: Path, ws: Workspace) -> list[Row]:
    engine = Engine.open(ws)
    out = []
    for case in load_coverage(queries / "coverage"):
        x, right, phrased = row_of(engine, case.q, case.expect)
        out.append((x, int(case.coverage == "partial" or (case.coverage == "covered" and right)), phrased))
    return out


def added_rows(queries: Path, ws: Workspace) -> list[Row]:
    folder = queries / "unseen-docs"
    corpus = unseen_corpus(ws.corpus_dir, folder / "corpus", ws.cache_root / "corpora" / folder.name)
    engine = Engine.open(Workspace(corpus, ws.cache_root, lexicon_file=ws.lexicon_file,
                                   phrasings_dir=ws.phrasings_dir))
    out = []
    for path in question_files(folder, final=False):
        for gold in load_gold(path):
            x, right, phrased = row_of(engine, gold.q, gold.expect)
            out.append((x, int(right), phrased))
    return out


def fit_weights(x: np.ndarray, y: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    """Logistic regression by Newton's method (bias first), barely regularised."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x1.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x1 @ w))
        grad = x1.T @ (p - y) + l2 * np.r_[0, w[1:]]
        hess = (x1 * (p * (1 - p))[:, None]).T @ x1 + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def fit_offset(rows: list[Row]) -> float:
    """The credit maximising the likelihood of the unphrased documents' rows under the weights in use."""
    w = coverage.WEIGHTS
    weights = np.array([w[f] for f in FEATURES])

    def loglik(delta: float) -> float:
        total = 0.0
        for x, y, phrased in rows:
            z = w["bias"] + float(np.dot(weights, x)) + (0.0 if phrased else w["strength"] * delta)
            p = min(max(1 / (1 + math.exp(-z)), 1e-12), 1 - 1e-12)
            total += math.log(p) if y else math.log(1 - p)
        return total

    return max((d / 20 for d in range(0, 61)), key=loglik)


def unphrased_knot(rows: list[Row], delta: float, share: float = 0.95) -> float:
    """The chance from which the unphrased documents' first citations are right `share` of the time: the
    point shown as confidence 0.8 for them (`UNPHRASED_KNOTS`)."""
    w = coverage.WEIGHTS
    scored = sorted(((1 / (1 + math.exp(-(w["bias"] + sum(w[f] * v for f, v in zip(FEATURES, x, strict=True))
                                          + w["strength"] * delta))), y) for x, y, phrased in rows if not phrased),
                    reverse=True)
    knot, right = 1.0, 0
    for n, (p, y) in enumerate(scored, 1):
        right += y
        if right / n >= share:
            knot = p
    return round(knot, 3)


def main() -> None:
    coverage.UNPHRASED_STRENGTH = 0.0  # the rows read the raw strength: the credit is what is fitted
    ws = Workspace.from_settings(os.environ)
    shipped = shipped_rows(Path("queries"), ws)
    w = fit_weights(np.array([x for x, _, _ in shipped]), np.array([y for _, y, _ in shipped], dtype=float))
    print("WEIGHTS refitted on queries/coverage/dev.yaml:",
          {"bias": round(float(w[0]), 2), **{f: round(float(v), 2) for f, v in zip(FEATURES, w[1:], strict=True)}})
    print("WEIGHTS in use:", coverage.WEIGHTS)
    added = added_rows(Path("queries"), ws)
    unphrased = sum(not phrased for _, _, phrased in added)
    delta = fit_offset(added)
    print(f"UNPHRASED_STRENGTH fitted on {len(added)} added-document questions ({unphrased} first cite an "
          f"unphrased document): {delta}; their chance shown as 0.8 (UNPHRASED_KNOTS): {unphrased_knot(added, delta)}")


if __name__ == "__main__":
    main()
