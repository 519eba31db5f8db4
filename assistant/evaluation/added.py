"""How well a document nobody wrote phrasings for is answered: leave-one-out and the unseen documents.

The shipped documents have hand-written phrasings; a document a regulator adds today has none. Two
measures say how much of the quality is the documents' own text and how much is that hand work:

- `leave_one_out`: for each shipped document, build the index without its phrasings file and without the
  lexicon entries only its text holds (`loo_lexicon`), and ask the
  held-out questions (queries/heldout3..5) whose expected units lie in it. A question belongs to every
  document one of its expected units lies in; it counts as answered when any expected unit is ranked.
- `unseen_documents`: build a corpus of the shipped documents plus the real documents of other places
  in queries/unseen-docs/corpus/ (in its own folder and cache) and ask that set's questions.

Both also report how often a question naming a place is answered first from another place's document
(`PlaceLeak`), the failure a user notices most: 合肥's question answered with 吉林's clause.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from assistant.evaluation.loo_lexicon import lexicon_without
from assistant.evaluation.retrieval import GoldQuestion, RetrievalReport, Scores, evaluate, load_gold, rank_of
from assistant.search.phrasings import files as phrasing_files
from assistant.workspace import Workspace

Progress = Callable[[str], None]
HELDOUT = ("heldout3", "heldout4", "heldout5")


class PlaceLeak(BaseModel):
    """Questions that name a place with a document, and how many were answered first from another place."""

    named: int = 0
    leaked: int = 0
    examples: list[str] = []

    @property
    def rate(self) -> float:
        return self.leaked / self.named if self.named else 0.0


class LooReport(BaseModel):
    """Per left-out document and overall figures."""

    by_document: dict[str, Scores]
    overall: Scores
    misses: list[dict[str, object]]


class AddedCoverage(BaseModel):
    """Questions about the added documents (all answered by one of their clauses) that the answer flags as
    not covered or partial: a regulator who adds a document and is told its own clauses say nothing of the
    question stops trusting the product."""

    flagged: int = 0
    asked: int = 0
    confident: tuple[int, int] = (0, 0)  # answers with confidence ≥ 0.8: first citation right, of how many
    examples: list[str] = []

    @property
    def rate(self) -> float:
        return self.flagged / self.asked if self.asked else 0.0


def out_of_scope_flags(big: Workspace, retriever: object, coverage_gold: Path) -> tuple[int, int]:
    """The not_covered questions of a coverage gold file asked of the corpus with the added documents: how
    many are still flagged. Crediting the added documents' clauses must not make unrelated questions look
    answered by them (驾照年审 answered by a 备案有效期 clause)."""
    from assistant.engine import Engine
    from assistant.evaluation.coverage import evaluate_coverage, load_coverage

    cases = [c for c in load_coverage(coverage_gold) if c.coverage == "not_covered"]
    return evaluate_coverage(Engine(big, retriever), cases).out_flagged  # type: ignore[arg-type]


class UnseenReport(BaseModel):
    """Figures per question file and overall, the place leak and the coverage flags over all of them."""

    by_file: dict[str, RetrievalReport]
    overall: Scores
    leak: PlaceLeak
    coverage: AddedCoverage = AddedCoverage()
    out_of_scope: tuple[int, int] = (0, 0)  # queries/coverage/dev.yaml's not_covered questions still flagged


def _retriever(ws: Workspace, progress: Progress | None) -> object:
    from assistant.search.retriever import Retriever

    return Retriever.open(ws, progress)


def documents_of(ws: Workspace, case: GoldQuestion) -> list[str]:
    """The documents a gold question belongs to: those its expected units lie in."""
    ids = {d.meta.id for d in ws.corpus.documents}
    return list(dict.fromkeys(e.split("/", 1)[0] for e in case.expect if e.split("/", 1)[0] in ids))


def heldout_cases(queries: Path) -> list[GoldQuestion]:
    """The held-out questions written by others on the shipped documents (heldout3..5)."""
    return [c for name in HELDOUT if (queries / name).is_dir() for c in load_gold(queries / name)]


def _without(phrasings_dir: Path, doc_id: str, target: Path) -> Path:
    """A copy of a phrasings folder without one document's file."""
    target.mkdir(parents=True, exist_ok=True)
    for path in phrasing_files(target):
        path.unlink()
    for path in phrasing_files(phrasings_dir):
        if path.stem != doc_id:
            shutil.copyfile(path, target / path.name)
    return target


def leave_one_out(ws: Workspace, queries: Path, progress: Progress | None = None) -> LooReport:
    """Each shipped document asked without its own phrasings and without the lexicon entries only it motivates
    (`loo_lexicon`; the others' stay: they pull questions away, which is what a newly added document meets)."""
    cases = heldout_cases(queries)
    root = ws.cache_root / "loo"
    by_doc: dict[str, list[GoldQuestion]] = {}
    for case in cases:
        for doc_id in documents_of(ws, case):
            by_doc.setdefault(doc_id, []).append(case)
    reports: dict[str, RetrievalReport] = {}
    for doc_id, doc_cases in sorted(by_doc.items()):
        lexicon = root / doc_id / "lexicon.yaml"
        trimmed = lexicon_without(ws.lexicon_file, ws.corpus, doc_id, lexicon)
        loo_ws = Workspace(ws.corpus_dir, _cache_of(ws, root / doc_id), lexicon_file=lexicon,
                           phrasings_dir=_without(ws.phrasings_dir, doc_id, root / doc_id / "phrasings"))
        retriever = _retriever(loo_ws, progress)
        if progress:
            progress(f"{doc_id}: {len(doc_cases)} questions without its phrasings and the {trimmed.expansions} "
                     f"expansions and {trimmed.terms} terms of the lexicon only its text holds")
        reports[doc_id] = evaluate(loo_ws.corpus, _ranked(retriever), doc_cases)
    rows = [r for rep in reports.values() for r in _rows(rep)]
    misses = [{**m, "doc": d} for d, rep in reports.items() for m in rep.misses]
    return LooReport(by_document={d: r.overall for d, r in reports.items()}, overall=_pool(rows), misses=misses)


def _cache_of(ws: Workspace, root: Path) -> Path:
    """A cache root of its own for one left-out build (six indexes side by side, so a second run reuses them),
    sharing the workspace's parsed word vectors instead of parsing them six times."""
    root.mkdir(parents=True, exist_ok=True)
    vectors, link = ws.cache_root / "vectors", root / "vectors"
    if vectors.is_dir() and not link.exists():
        link.symlink_to(vectors.resolve(), target_is_directory=True)
    return root


def _ranked(retriever: object) -> Callable[[str], list[str]]:
    return lambda q: [h.unit_id for h in retriever.search(q, limit=10).hits]  # type: ignore[attr-defined]


def _rows(report: RetrievalReport) -> list[tuple[int, float, float, float]]:
    """A report's overall figures as (n, hits@1, hits@3, reciprocal-rank sum), to pool reports."""
    s = report.overall
    return [(s.n, s.hit1 * s.n, s.hit3 * s.n, s.mrr * s.n)]


def _pool(rows: list[tuple[int, float, float, float]]) -> Scores:
    n = sum(r[0] for r in rows) or 1
    return Scores(n=sum(r[0] for r in rows), hit1=sum(r[1] for r in rows) / n, hit3=sum(r[2] for r in rows) / n,
                  mrr=sum(r[3] for r in rows) / n)


def unseen_corpus(shipped: Path, unseen: Path, target: Path) -> Path:
    """A corpus folder holding the shipped documents (and their places.yaml) plus the unseen ones.

    Rewritten on each call; the cache is keyed on the files' content, so an unchanged set reuses it."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for folder in (shipped, unseen):
        for path in [*folder.glob("*.txt"), *folder.glob("*.meta.yaml")]:
            shutil.copyfile(path, target / path.name)
    if (shipped / "places.yaml").exists():
        shutil.copyfile(shipped / "places.yaml", target / "places.yaml")
    return target


def question_files(folder: Path, final: bool) -> list[Path]:
    """The development question files, or with `final` the ones kept for the final measurement."""
    return sorted(folder.glob("final-*.yaml" if final else "questions-*.yaml"))


def unseen_documents(ws: Workspace, folder: Path, *, final: bool = False,
                     progress: Progress | None = None) -> tuple[UnseenReport, Workspace]:
    """The shipped plus unseen corpus built in the workspace's cache, its questions asked."""
    corpus_dir = unseen_corpus(ws.corpus_dir, folder / "corpus", ws.cache_root / "corpora" / folder.name)
    big = Workspace(corpus_dir, ws.cache_root, lexicon_file=ws.lexicon_file, phrasings_dir=ws.phrasings_dir)
    retriever = _retriever(big, progress)
    ranked = _ranked(retriever)
    by_file: dict[str, RetrievalReport] = {}
    leak, flags = PlaceLeak(), AddedCoverage()
    for path in question_files(folder, final):
        cases = load_gold(path)
        by_file[path.name] = evaluate(big.corpus, ranked, cases)
        for case in cases:
            _count_leak(big, ranked(case.q), case, leak, show=not final)
        _count_flags(big, retriever, cases, flags, show=not final)
    rows = [r for rep in by_file.values() for r in _rows(rep)]
    gold = folder.parent / "coverage" / "dev.yaml"
    out = out_of_scope_flags(big, retriever, gold) if gold.exists() else (0, 0)
    return UnseenReport(by_file=by_file, overall=_pool(rows), leak=leak, coverage=flags, out_of_scope=out), big


def _count_flags(ws: Workspace, retriever: object, cases: list[GoldQuestion], flags: AddedCoverage,
                 show: bool) -> None:
    """Ask each question through the engine, as a user would, and count those not answered `covered`."""
    from assistant.engine import Engine
    from assistant.evaluation.coverage import CONFIDENT, right_first

    engine = Engine(ws, retriever)  # type: ignore[arg-type]
    for case in cases:
        engine.reset()
        answer = engine.ask(case.q)
        flags.asked += 1
        if answer.confidence >= CONFIDENT:
            right = right_first(ws.corpus, answer, case.expect)
            flags.confident = (flags.confident[0] + right, flags.confident[1] + 1)
        if answer.coverage != "covered":
            flags.flagged += 1
            if show:
                first = answer.citations[0].unit_id if answer.citations else "-"
                flags.examples.append(f"{case.q} → {answer.coverage} ({answer.confidence}) first {first}, "
                                      f"expect {case.expect[0] if case.expect else '-'}")


def _count_leak(ws: Workspace, ranked: list[str], case: GoldQuestion, leak: PlaceLeak, show: bool) -> None:
    """Whether a question naming a place with a document was answered first from another place's."""
    scope = ws.places.scope(case.q)
    if not scope.boosts or not ranked:
        return
    leak.named += 1
    top = ranked[0].split("/", 1)[0]
    if top not in scope.boosts and rank_of(ws.corpus, ranked[:1], case.expect) is None:
        leak.leaked += 1
        if show:
            leak.examples.append(f"{case.q} → {ranked[0]}")
