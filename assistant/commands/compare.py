"""`policykg compare TOPIC`: how the jurisdictions differ, cell by cell, each cell cited."""

from __future__ import annotations

import argparse

from assistant.workspace import Workspace


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare", help="compare jurisdictions on a topic (公示期, 场地要求, 违规处理 …)",
        description="A table jurisdiction × requirement with the value and the clause in each cell, rows where the "
        "jurisdictions differ marked ≠. Topics: 备案有效期, 公示期, 计划报备, 结果报备, 档案保存, 场地要求, 考评人员数量, "
        "法人资格, 视频监控, 外部考点, 违规处理, 申报材料, 认定等级 (synonyms and near spellings work).",
        epilog="examples:\n  policykg compare 公示期\n  policykg compare 档案保存 --jurisdictions 宿迁,池州\n"
        "  policykg compare --json 场地要求\n\n"
        "exit codes: 0 ok, 1 unknown topic (known ones listed), a place the corpus has no document for, or "
        "nothing on the topic in the chosen places, 2 an unknown place name, 3 corpus/index problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("topic", nargs="+", help="the topic, e.g. 公示期")
    p.add_argument("--jurisdictions", metavar="PLACES",
                   help="places separated by commas, e.g. 宿迁,浙江 (a city without its own document means its province)")
    p.add_argument("--json", action="store_true", help="print the table as JSON")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    import re

    from assistant.compare.render import render_table
    from assistant.compare.table import compare
    from assistant.search.retriever import Retriever

    corpus = ws.corpus
    places = None
    if args.jurisdictions is not None:
        places = ws.places.choose(re.split(r"[,，、\s]+", args.jurisdictions))
    table = compare(" ".join(args.topic), corpus, ws.facts, places, Retriever.open(ws))
    print(table.model_dump_json() if args.json else render_table(table))
    return 0 if table.rows else 1
