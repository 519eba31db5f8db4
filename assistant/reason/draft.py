"""Drafted determinations (草拟): a rule set for a document nobody has written rules for yet.

`policykg rules draft DOC` (and `ingest --add`) read the conditions the graph extracted from the document
and write one eligibility rule set for its jurisdiction: a condition per requirement a profile can answer,
its threshold read from the graph exactly as the hand-written rules do (`attribute` + `unit`), its words
quoted from the clause, its question and label from the attribute's data (kg/data/attributes.yaml), the
organisation kinds it binds from the condition's subjects, and a categorical threshold (规模以上 / 大中型)
as the profile values it accepts. Yes/no requirements of the genre (信用良好 …, kg/data/requirements.yaml)
become yes/no questions where the profile holds the answer. Requirements no profile field holds (桌距, 合格分数线 …) are listed as what
the evaluation will check. The file says it is a draft; verdicts from it say so too.

Drafts live beside the corpus (`CORPUS/rules/DOC.draft.yaml`) and are read with the shipped rules; a
jurisdiction that has hand-written rules for a determination keeps them, its draft is not used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from kg.extract.conditions import AttributeSpec, attribute_specs
from kg.extract.requirements import kind_named
from kg.facts import Condition, FactSet
from kg.models import Corpus, Document

from ..understand.requirements_said import label_of, names_for
from .profile import STATED, Profile
from .rules import Obligation, RuleCondition, RuleSet
from .supplement import ORG_TYPES, clause_of

DRAFTS = "rules"  # the folder beside the corpus's texts
# Ask what decides most first: kinds and records, then registration, then amounts, then equipment.
ORDER = ["government_affiliated", "bad_record", "annual_review_failed", "abnormal_operation", "registered_in_jurisdiction",
         "legal_person", "enterprise_size", "civil_affairs_rating", "site_area", "site_tenure_years", "office_area",
         "theory_room_area", "theory_rooms", "seats", "work_stations", "fulltime_staff", "examiners_per_level",
         "video_monitoring", "question_bank", "not_for_profit"]
SIZES = {"大中型": ["large_medium"], "规模以上": ["above_scale", "large_medium"]}


class DraftReport(BaseModel):
    """What a draft holds and what it left to the evaluation."""

    doc_id: str
    jurisdiction: str
    path: str | None = None
    drafted: list[str] = []  # "label（unit）" per condition
    left: list[str] = []  # requirements no profile field holds, as obligations
    note: str | None = None  # why nothing is used (hand-written rules exist), when so


class Asked(BaseModel):
    """How a drafted condition names its requirement and asks for it, and the answer it reads."""

    label: str
    ask: str
    field: str
    unstated: Literal["ask", "assessed"] = "ask"  # a said requirement is never asked: the evaluation checks it


def _spec(attribute: str) -> Asked | None:
    """The amount or yes/no attribute's data (kg/data/attributes.yaml), else the yes/no kind of the genre
    (kg/data/requirements.yaml) whose answer the profile holds; None when no profile field answers it."""
    spec: AttributeSpec | None = next((s for s in attribute_specs() if s.name == attribute), None)
    if spec is not None:
        field = spec.profile_field or attribute
        ok = field in Profile.model_fields and (attribute in ORDER or spec.profile_field is not None)
        return Asked(label=spec.label, ask=spec.ask, field=field) if ok else None
    kind = kind_named(attribute)
    if kind is None or kind.profile_field not in Profile.model_fields:
        return None
    return Asked(label=kind.label, ask=kind.ask, field=kind.profile_field)


def _said(doc: Document, fact: Condition) -> Asked | None:
    """A yes/no requirement no profile field holds but people name (保密室, 与主营业务相关): read from what
    the applicant says of it (Profile.stated), as the shipped rules' supplementary conditions are."""
    names = names_for(fact.attribute, clause_of(fact, doc.unit(fact.provenance.unit_id).text))
    if not names:
        return None
    kind = kind_named(fact.attribute)
    label = label_of(fact.attribute) if names == [fact.attribute] else "、".join(names)
    return Asked(label=label, ask=kind.ask if kind else f"{label}？", field=STATED + "|".join(names), unstated="assessed")


def _fill(text: str, doc: Document, fact: Condition) -> str:
    lookback = f"{fact.lookback.amount:g}{fact.lookback.unit}" if fact.lookback else "几年"
    return text.replace("{place}", doc.meta.jurisdiction).replace("{lookback}", lookback)


def _condition(doc: Document, fact: Condition, spec: Asked, n: int) -> RuleCondition:
    """One drafted condition: the threshold stays in the graph, the words are the clause's."""
    kinds = [ORG_TYPES[s] for s in fact.subjects if s in ORG_TYPES]
    extra: dict[str, Any] = {"when_types": kinds} if kinds else {}
    if fact.attribute == "site_tenure_years" and any(w in doc.unit(fact.provenance.unit_id).text for w in ("所有权", "自有")):
        extra["owned_satisfies"] = True  # 具有所有权或…年以上使用权: an owned site meets it
    if fact.attribute == "enterprise_size":
        extra["accept"] = next((v for word, v in SIZES.items() if word in fact.provenance.quote), SIZES["规模以上"])
    if spec.unstated != "ask":
        extra["unstated"] = spec.unstated
    return RuleCondition(id=f"draft-{doc.meta.id}-{n}", field=spec.field, attribute=fact.attribute,
                         unit=fact.provenance.unit_id, label=_fill(spec.label, doc, fact), ask=_fill(spec.ask, doc, fact),
                         quote=fact.provenance.quote, **extra)


def _rank(attribute: str) -> int:
    """Where a condition is asked: in ORDER; the genre's yes/no kinds right after registration."""
    return ORDER.index(attribute) if attribute in ORDER else ORDER.index("legal_person")


def draft_ruleset(doc: Document, facts: FactSet) -> tuple[RuleSet, DraftReport]:
    """The eligibility rule set a document's own conditions give (one condition per attribute and kinds)."""
    report = DraftReport(doc_id=doc.meta.id, jurisdiction=doc.meta.jurisdiction)
    mine = [c for c in facts.conditions if c.provenance.doc_id == doc.meta.id]
    chosen: dict[tuple[str, tuple[str, ...]], tuple[Condition, Asked]] = {}
    obligations: list[Obligation] = []
    for fact in mine:
        spec = _spec(fact.attribute) or _said(doc, fact)
        if spec is None:
            obligations.append(Obligation(text=f"还须具备（由评估认定）：{fact.provenance.quote}", unit=fact.provenance.unit_id))
            report.left.append(f"{fact.provenance.quote}（{fact.attribute}）")
            continue
        chosen.setdefault((spec.field, tuple(sorted(fact.subjects))), (fact, spec))  # the first statement of it
    ordered = sorted(chosen.values(), key=lambda c: (_rank(c[0].attribute), c[0].provenance.start))
    conditions = [_condition(doc, fact, spec, i) for i, (fact, spec) in enumerate(ordered, 1)]
    report.drafted = [f"{c.label}（{doc.unit(c.unit).path}）" for c in conditions]
    ruleset = RuleSet(id=f"draft-{doc.meta.id}", jurisdiction=doc.meta.jurisdiction, drafted=True,
                      inherit=doc.meta.level == "province",
                      title=f"{doc.meta.jurisdiction}《{doc.meta.title}》的条件（草拟，未经人工审核）",
                      conditions=conditions, obligations=list({o.text: o for o in obligations}.values()))
    return ruleset, report


def draft_path(corpus_dir: Path, doc_id: str) -> Path:
    return corpus_dir / DRAFTS / f"{doc_id}.draft.yaml"


def write_draft(corpus: Corpus, facts: FactSet, doc_id: str, corpus_dir: Path, force: bool = False) -> DraftReport:
    """Draft the document's rule set and write it beside the corpus (refusing to overwrite unless forced)."""
    import yaml

    from kg.files import write_atomic

    from .rules import RuleError, load_rules

    ruleset, report = draft_ruleset(corpus.doc(doc_id), facts)
    path = draft_path(corpus_dir, doc_id)
    if path.exists() and not force:
        raise RuleError(f"{path} 已存在；加 --force 重新草拟（会覆盖人工修改）")
    header = (f"# 草拟 (drafted) by `policykg rules draft {doc_id}` from the conditions the graph extracted from\n"
              f"# 《{corpus.doc(doc_id).meta.title}》. Thresholds are read from the graph (attribute + unit), quotes are\n"
              "# the clause's words. Review each condition; verdicts from this file are labelled 草拟.\n")
    body = {"determination": "eligibility", "title": load_rules("eligibility", corpus).title,
            "rulesets": [ruleset.model_dump(exclude_defaults=True)]}
    write_atomic(path, header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=120))
    report.path = str(path)
    if any(rs.jurisdiction == ruleset.jurisdiction and not rs.drafted for rs in load_rules("eligibility", corpus).rulesets):
        report.note = f"{ruleset.jurisdiction} 已有人工编写的规则；该草拟规则不会用于结论"
    return report
