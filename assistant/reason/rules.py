"""Rule sets as data (assistant/reason/rules/*.yaml), validated on load.

A rule never carries a threshold: a condition with `attribute` names the fact the graph extracted from
its `unit`, and the comparison is read from there. What rules do carry — which organisation kinds a
clause names, which enterprise sizes count — comes with a `quote` of the clause, checked by tests.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from kg.errors import PolicyKGError
from kg.models import Corpus

RULES = Path(__file__).parent / "rules"


class RuleError(PolicyKGError):
    """A rule file that does not fit the corpus (a missing fact or unit)."""

    exit_code = 3


class Obligation(BaseModel):
    """A step that follows a positive decision (approval, 公示 …), with its clause."""

    model_config = ConfigDict(extra="forbid")
    text: str
    unit: str


class RuleCondition(BaseModel):
    """One checkable requirement of a rule set."""

    model_config = ConfigDict(extra="forbid")
    id: str
    field: str  # the Profile field the condition reads
    unit: str  # the cited unit
    label: str
    ask: str  # the follow-up question that fills `field`
    attribute: str | None = None  # the fact (kg.facts.ATTRIBUTES) read from `unit`
    allow_types: list[str] = []
    forbid_types: list[str] = []
    accept: list[str] = []  # categorical values that satisfy the condition
    expect: bool | None = None  # a yes/no condition the graph has no fact for
    owned_satisfies: bool = False  # 自有 satisfies a tenure requirement
    when_types: list[str] = []  # the condition binds only these organisation kinds
    yes_means: bool = True  # the field's value when the user answers `ask` with 是 / 有
    quote: str | None = None
    quote_polarity: Literal["required", "prohibited"] = "required"  # the quote says what is required, or what bars
    # What silence means. "ask": an unstated value leaves the verdict open and is asked for. "assessed":
    # the clause describes what the assessment (评估、实地察看) verifies, so only a stated value that fails
    # it decides; left unstated it neither holds the verdict open nor is asked for.
    unstated: Literal["ask", "assessed"] = "ask"
    # What a kind of organisation that neither allow_types nor forbid_types names gets: "met" (the clause
    # lists examples, 等), "unmet" (a closed list) or "unknown" (it must show it falls within the scope).
    # Default: "unmet" when allow_types is given, "met" otherwise.
    unlisted: Literal["met", "unmet", "unknown"] | None = None
    undecided: list[str] = []  # categorical values that neither satisfy nor fail it (规模以上 for 大中型)


class RuleSet(BaseModel):
    """The conditions one document (or one part of it) sets for one kind of applicant."""

    model_config = ConfigDict(extra="forbid")
    id: str
    jurisdiction: str
    title: str
    inherit: bool = False  # also binds the cities under this province
    # Alternative routes: sets naming a route are one way in among others of the same place (池州 第八条
    # 评价组织 or 第九条 企业); the place's verdict is its best route's. Sets without a route bind every route.
    route: str | None = None
    named_by: list[str] = []  # words of a question that choose this route alone (企业职业技能等级认定)
    drafted: bool = False  # drafted for an added document, not yet reviewed (shown as 草拟)
    types: list[str] = []  # only these organisation kinds (empty: all)
    not_types: list[str] = []
    conditions: list[RuleCondition] = []
    obligations: list[Obligation] = []

    def binds(self, org_type: str | None) -> bool | None:
        """Whether the set applies to an organisation kind (None: cannot tell yet)."""
        if not self.types and not self.not_types:
            return True
        if org_type is None:
            return None
        return (not self.types or org_type in self.types) and org_type not in self.not_types


class Determination(BaseModel):
    """A named determination and its rule sets."""

    model_config = ConfigDict(extra="forbid")
    determination: str
    title: str
    rulesets: list[RuleSet]


M = TypeVar("M", bound=BaseModel)


@lru_cache(maxsize=16)
def rule_file(name: str, model: type[M]) -> M:
    """The rule file `name`.yaml validated as `model` (a malformed file is a clear error, not a traceback)."""
    from pydantic import ValidationError

    from kg.datafiles import read_package_yaml

    path = RULES / f"{name}.yaml"
    try:
        return model.model_validate(read_package_yaml(path))
    except (OSError, ValidationError) as exc:
        raise RuleError(f"规则文件 {path} 无法读取：{exc}") from exc


def load_rules(name: str, corpus: Corpus | None = None) -> Determination:
    """A checklist determination's rule file (eligibility, external_site), with the drafted rule sets of
    jurisdictions that have none written by hand (CORPUS/rules/*.draft.yaml beside the corpus's folder,
    assistant/reason/draft.py)."""
    shipped = rule_file(name, Determination)
    folder = corpus.folder if corpus is not None else None
    drafts = [rs for rs in drafted_rulesets(name, folder) if not any(h.jurisdiction == rs.jurisdiction for h in shipped.rulesets)]
    return shipped.model_copy(update={"rulesets": [*shipped.rulesets, *drafts]}) if drafts else shipped


def drafted_rulesets(name: str, corpus_dir: Path | None) -> list[RuleSet]:
    """The drafted rule sets of a determination kept beside the corpus (none without a corpus folder)."""
    from pydantic import ValidationError

    from kg.datafiles import read_yaml

    if corpus_dir is None:
        return []
    folder = corpus_dir / "rules"
    found: list[RuleSet] = []
    for path in sorted(folder.glob("*.draft.yaml")) if folder.is_dir() else []:
        try:
            det = Determination.model_validate(read_yaml(path.read_text(encoding="utf-8")))
        except (OSError, ValidationError) as exc:
            raise RuleError(f"草拟规则文件 {path} 无法读取：{exc}") from exc
        if det.determination == name:
            found += [rs.model_copy(update={"drafted": True}) for rs in det.rulesets]
    return found
