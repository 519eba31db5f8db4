"""`policykg match`: one profile against every jurisdiction — where it may apply, what fails where."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.workspace import Workspace

if TYPE_CHECKING:
    from assistant.dialogue import DialogueState

EPILOG = """\
examples:
  policykg match "我们是行业协会，独立法人，场地1200平方米，租期6年，专职人员8人"
  policykg match --profile org.yaml                 the profile from a YAML file of its fields
  policykg match --profile org.yaml --json          the match table as JSON
  policykg match --profile org.yaml "另外我们有视频监控"   a file, then what the words add or correct
  policykg match --places 吉林,浙江 "我们是技工学校，场地租了3年"
  policykg match --determination external_site "我们是培训机构"

profile file (YAML; fields as in assistant/reason/profile.py; a case of queries/profiles works too):
  org_type: industry_association     # enterprise, technical_school, training_institution …
  legal_person: true
  site_area: 1200
  site_tenure_years: 6
  fulltime_staff: 8

exit codes: 0 table made, 1 no jurisdiction has rules to match (or none of --places),
            2 bad input (nothing described, unreadable profile, unknown field or place), 3 corpus or rule problem
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "match", help="one organisation, every jurisdiction: where it may apply and what is missing where",
        description="Judge one organisation's profile in every jurisdiction of the corpus (shipped rules, and "
        "rules drafted for added documents, marked 草拟): 符合 / 不符合 / 还需信息 for each, the unmet "
        "conditions with their clauses, the facts still missing, the smallest change that would make a "
        "failing place eligible, single changes that turn several places (场地租期延至5年：吉林省 变为符合), "
        "and the one or two questions that would settle the most places. Eligible places first, then the "
        "closest to eligible. Describe the organisation in words, give a profile file, or both.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("question", nargs="*", help="the organisation (and question) in words")
    p.add_argument("--profile", metavar="FILE.yaml", type=Path, help="read the profile from a YAML file of its fields")
    p.add_argument("--places", metavar="LIST", help="only these places, comma-separated (宿迁,吉林); default: all")
    p.add_argument("--determination", choices=["eligibility", "external_site"],
                   help="what to judge (default: what the question asks, else eligibility)")
    p.add_argument("--json", action="store_true", help="print the match table as JSON")
    p.add_argument("--today", metavar="DATE", help="read dates in the words from DATE (YYYY-MM-DD)")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from assistant.brief.profile import read_profile
    from assistant.dialogue import DialogueState
    from assistant.reason.match import match_profile
    from assistant.reason.profile import Profile
    from assistant.reason.say_match import say_table
    from kg.errors import UsageError
    from kg.temporal import parse_day

    text = " ".join(args.question).strip()
    if not text and args.profile is None:
        raise UsageError("请描述贵单位的情况，例如：policykg match \"我们是行业协会，场地1200平方米\"，或用 --profile FILE.yaml")
    state = DialogueState(profile=read_profile(args.profile) if args.profile else Profile())
    determination = args.determination or "eligibility"
    places = ws.places.choose(_split(args.places)) if args.places else []
    if text:
        determination, asked = _read(state, text, ws, parse_day(args.today) if args.today else None, args.determination)
        places = places or asked
    table = match_profile(ws.corpus, ws.facts, state.profile, determination, places=places or None, asked=text)
    if not table.matches:
        print(f"policykg: {'、'.join(places) if places else '语料中'}没有关于“{table.title}”的规则可以比对", file=sys.stderr)
        return 1
    print(table.model_dump_json(indent=2) if args.json else say_table(table))
    return 0


def _split(given: str) -> list[str]:
    return [n.strip() for n in given.replace("，", ",").replace("、", ",").split(",") if n.strip()]


def _read(state: DialogueState, text: str, ws: Workspace, today: date | None, chosen: str | None) -> tuple[str, list[str]]:
    """The words folded into the profile: the determination they ask about and the places they name."""
    from datetime import date

    from assistant.dialogue.where import read_where
    from assistant.understand.question import parse_question
    from assistant.understand.where import asks_where

    question = parse_question(text, ws.places)
    named = question.scope.jurisdictions if question.typed_place else []
    asked = question.intent()
    determination = chosen or asks_where(question.raw, len(named)) or (asked if asked == "external_site" else "eligibility")
    read = read_where(state, question, ws.corpus, today or date.today(), determination)
    return determination, read.places
