"""Gold facts written by people from the documents, validated so a malformed entry fails loudly.

Two layouts are read (queries/kg_gold/README.md describes the fields):

- a folder with `conditions.yaml`, `deadlines.yaml` and `sanctions.yaml`, each a list of entries
  (queries/kg_gold/, the six embedded documents);
- a folder of per-document files, each a mapping with `conditions:`, `deadlines:` and `sanctions:`
  lists (queries/unseen-docs/facts/NAME.yaml, written for documents the extractor was never tuned on).

Fields beyond the value are optional: a field an annotator did not write is not checked, so older
gold keeps its meaning and the full check grows entry by entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import CorpusError


class GoldDeadline(BaseModel):
    """One annotated deadline or duration."""

    model_config = ConfigDict(extra="forbid")

    unit: str
    event: str
    amount: float | None = None
    amount_max: float | None = None
    unit_of: str | None = None
    direction: str
    windows: list[tuple[int, int, int]] = []
    anchor: str | None = None  # the event counted from, as the sentence names it (None: it names none)
    actor: str | list[str] | None = None  # who must act (actor id; a list: any of them)
    words: str | None = None  # the words that state it, copied from the unit
    note: str | None = None


class GoldCondition(BaseModel):
    """One annotated requirement or prohibition."""

    model_config = ConfigDict(extra="forbid")

    unit: str
    attribute: str
    value: float | bool
    value_max: float | None = None
    words: str
    comparator: str | None = None  # >=, >, <=, <, exists, absent
    unit_of: str | None = None  # 平方米, 人, 名, 个, 年, cm, 分, A, 家
    scope: str | None = None  # 每个职业, 每级别 … (None: no scope)
    subjects: list[str] | None = None  # organisation kinds it binds ([]: every applicant)
    subject: str | list[str] | None = None  # one kind it binds (or any of a list; null: every applicant)
    lookback: str | None = None  # 3年 of 3年内年审不合格 (compared by the past it counts: 近三年内 = 3年)
    note: str | None = None


class GoldTrigger(BaseModel):
    """One annotated behaviour and the measures it leads to."""

    model_config = ConfigDict(extra="forbid")

    unit: str
    words: str
    measures: list[str]
    sanctioned: list[str] | None = None  # actor ids of the parties sanctioned
    party: str | list[str] | None = None  # one party sanctioned (or any of a list)
    behaviour: str | None = None  # the behaviour in the annotator's words (not scored)
    note: str | None = None


class GoldSet(BaseModel):
    """Every gold fact of a folder."""

    deadlines: list[GoldDeadline] = []
    conditions: list[GoldCondition] = []
    triggers: list[GoldTrigger] = []


# Short names annotators write for a role the taxonomy spells out (kg/data/actors.yaml).
ANNOTATOR_NAMES = {"社评组织": "org:social_training_org", "社会评价组织": "org:social_training_org"}
GENERIC = {"org:evaluation_org"}  # the applicant in general
# The attribute names annotators were given (kg.facts.ATTRIBUTES when the gold was written); an entry they
# wrote as `other` states a requirement outside these (and outside the names the gold itself uses).
ANNOTATOR_VOCABULARY = frozenset({
    "legal_person", "registered_in_jurisdiction", "government_affiliated", "enterprise_size", "civil_affairs_rating",
    "site_area", "site_tenure_years", "office_area", "theory_room_area", "theory_rooms", "seats", "work_stations",
    "desk_distance", "fulltime_staff", "examiners_per_level", "examiners_per_session", "experts", "video_monitoring",
    "bad_record", "annual_review_failed", "abnormal_operation", "regular_work_years", "evaluation_experience_years",
    "pass_score", "orgs_per_occupation", "star_rating", "external_site_allowed", "max_level", "question_bank",
    "national_standard", "independent_office", "not_for_profit", "practical_site_area", "supervisors",
    "one_desk_per_person", "fee_published"})


def actor_ids(named: str | list[str] | None) -> set[str]:
    """Actor ids an annotation names: ids as they are, names (企业, 申请企业, 社评组织, 评价机构) read with the
    actor taxonomy; the same role under another name counts as it (第三方评价机构 = 社会培训评价组织)."""
    from .extract.actors import mentions_in, taxonomy

    ids: set[str] = set()
    for name in [named] if isinstance(named, str) else (named or []):
        if ":" in name:
            ids.add(name)
        elif name in ANNOTATOR_NAMES:
            ids.add(ANNOTATOR_NAMES[name])
        else:
            ids |= set(mentions_in(name))
    same = {a.id: set(a.equivalent_to) for a in taxonomy()}
    return ids | {e for i in ids for e in same.get(i, set())}


PARTS_FILE = "parts.yaml"  # which documents' facts form which part (dev, final) of a gold folder
_FILES = {"deadlines": "deadlines.yaml", "conditions": "conditions.yaml", "sanctions": "sanctions.yaml"}
_MODELS: dict[str, type[BaseModel]] = {"deadlines": GoldDeadline, "conditions": GoldCondition, "sanctions": GoldTrigger}


def _entries(path: Path, kind: str, data: Any) -> list[Any]:
    """Validated entries; an error names the file, the entry and the field."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise CorpusError(f"{path}: `{kind}` should be a list of entries")
    out = []
    for i, entry in enumerate(data, 1):
        try:
            out.append(_MODELS[kind].model_validate(entry))
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise CorpusError(f"{path}: {kind} entry {i}: {problems}") from exc
    return out


def load_gold(folder: Path) -> GoldSet:
    """The gold facts of a folder, in either layout."""
    from .corpus import load_yaml_file

    found: dict[str, list[Any]] = {kind: [] for kind in _FILES}
    for kind, name in _FILES.items():
        if (folder / name).is_file():
            found[kind] += _entries(folder / name, kind, load_yaml_file(folder / name))
    for path in sorted(folder.glob("*.yaml")):
        if path.name in _FILES.values() or path.name == PARTS_FILE:
            continue
        data = load_yaml_file(path)
        if not isinstance(data, dict):
            raise CorpusError(f"{path}: expected a mapping with conditions / deadlines / sanctions lists")
        for kind in _FILES:
            found[kind] += _entries(path, kind, data.get(kind))
    return GoldSet(deadlines=found["deadlines"], conditions=found["conditions"], triggers=found["sanctions"])


def part_names(folder: Path) -> dict[str, list[str]]:
    """The parts a gold folder is split into (parts.yaml: part -> corpus file prefixes such as u101);
    empty when the folder is not split."""
    from .corpus import load_yaml_file

    path = folder / PARTS_FILE
    if not path.is_file():
        return {}
    data = load_yaml_file(path)
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise CorpusError(f"{path}: expected a mapping of part name -> list of document file prefixes")
    return {str(k): [str(x) for x in v] for k, v in data.items()}


def part_documents(folder: Path, source_files: dict[str, str], part: str) -> set[str]:
    """The ids of the documents in one part: those whose source file (doc id -> file name) is named by one
    of the part's prefixes (u101 names u101_shandong-….txt)."""
    parts = part_names(folder)
    if part not in parts:
        known = "、".join(parts) or "（此金标文件夹未分部分）"
        raise CorpusError(f"{folder}: 没有名为 {part} 的部分；可选：{known}")
    prefixes = tuple(parts[part])
    return {doc for doc, name in source_files.items()
            if name.split("_", 1)[0] in prefixes or Path(name).stem in prefixes}
