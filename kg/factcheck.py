"""What `policykg eval --kg` measures: fact extraction against every gold folder it finds.

A gold folder is either `kg_gold/` (facts of the corpus in use) or a set of its own with `corpus/`
(documents: NAME.txt + NAME.meta.yaml) and `facts/` (gold facts of those documents, kg/gold.py), such
as queries/unseen-docs/: its corpus is parsed and extracted on its own, so documents never seen while
the extractor was written are scored exactly like the embedded ones. Each gets the value check, the
full check (kg/evaluate.py) and the rewording check (kg/reword.py).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from .evaluate import KgReport, evaluate_kg, part_of, select_part
from .gold import load_gold, part_names
from .models import Corpus
from .reword import RewordReport, reword_check


class GoldFolder(BaseModel):
    """One gold folder and the corpus its facts are of (None: the corpus in use)."""

    name: str
    gold: Path
    corpus: Path | None = None
    part: str | None = None  # the part measured when the folder is split (parts.yaml; "all": every part), else None


class FolderReport(BaseModel):
    """The figures of one gold folder."""

    folder: GoldFolder
    kg: KgReport
    reword: RewordReport
    warnings: list[str] = []


def gold_folders(path: Path) -> list[GoldFolder]:
    """The gold folders under `path`: its kg_gold/, and every folder (itself included) with corpus/ and facts/."""
    base = path if path.is_dir() else path.parent
    found = [GoldFolder(name=str(base / "kg_gold"), gold=base / "kg_gold")] if (base / "kg_gold").is_dir() else []
    for folder in [base, *sorted(p for p in base.iterdir() if p.is_dir())]:
        if (folder / "corpus").is_dir() and (folder / "facts").is_dir() and any((folder / "facts").glob("*.yaml")):
            found.append(GoldFolder(name=str(folder), gold=folder / "facts", corpus=folder / "corpus"))
    return found


def check_folder(folder: GoldFolder, corpus: Corpus, corpus_dir: Path, part: str | None = None) -> FolderReport:
    """Value, full and rewording checks of one gold folder (of one part of it, when it is split)."""
    from .extract import extract_all
    from .parse import parse_corpus

    if folder.corpus is not None:
        corpus, corpus_dir = parse_corpus(folder.corpus), folder.corpus
    facts = extract_all(corpus, corpus_dir)
    gold = load_gold(folder.gold)
    if part is None and part_names(folder.gold):
        part = "dev"  # a split folder unnamed is its development part: the reserved part is spent only when asked
    if part == "all":
        part = None
        if part_names(folder.gold):
            folder = folder.model_copy(update={"part": "all"})  # measured whole: it holds the final part
    chosen = part_of(corpus, folder.gold, part)
    if chosen is not None:
        gold = select_part(gold, chosen)
        folder = folder.model_copy(update={"part": part})
    return FolderReport(folder=folder, kg=evaluate_kg(corpus, facts, folder.gold, part),
                        reword=reword_check(corpus, facts, gold, corpus_dir), warnings=facts.warnings)


def render(report: FolderReport, details: bool) -> list[str]:
    """The figures as lines of text. The misses of a part kept unread (final) are never listed, nor those of a
    split folder measured whole (they would include it): `--part dev` lists the development part's."""
    details = details and report.folder.part not in ("final", "all")
    lines = [f"\nfacts: gold in {report.folder.name}"
             + (f" (its own corpus: {report.folder.corpus})" if report.folder.corpus else "")
             + (f", part {report.folder.part}" if report.folder.part else ""),
             f"{'type':<18}{'gold':>5}{'found':>7}{'precision':>11}{'recall':>8}   full check: P / R   fields wrong"]
    for name, s in report.kg.by_type.items():
        fields = ", ".join(f"{k} {v}" for k, v in sorted(s.field_errors.items())) or "-"
        lines.append(f"{name:<18}{s.gold:>5}{s.extracted:>7}{s.precision:>11.2f}{s.recall:>8.2f}"
                     f"   {s.full_precision:.2f} / {s.full_recall:.2f}       {fields}")
        if s.unscored:
            lines.append(f"{'':<18}+{s.unscored} yes/no requirements of kinds this gold does not annotate (not scored)")
        if details:
            lines += [f"   missed   {m}" for m in s.missed] + [f"   spurious {x}" for x in s.spurious]
            lines += [f"   wrong    {w}" for w in s.wrong]
    r = report.reword
    lines.append(f"rewording: {r.variants} rewordings of {r.facts} gold facts with an amount or a yes/no requirement, "
                 f"{r.kept} kept ({r.share:.2%})")
    lines += [f"   lost     {x}" for x in r.lost] if details else []
    return lines
