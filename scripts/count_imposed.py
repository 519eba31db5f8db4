"""Count the answers on the coverage sets that carry a determination their question did not ask for.

A question asks for a determination when its ask is a yes/no (能申报吗, 可不可以, 是否, 还来得及), when the asker
speaks for its own organisation (我们…, 本单位…), or when it gives a date to compute from (2023年3月1日备案的…).
Anything else (多久, 多少, 哪些, 什么, 怎么) is a lookup: an answer to it that carries a verdict in its JSON, or a
结论 line in its text (结论：…, not 无法给出结论), is a determination imposed. Both are counted; so are the answers
(to any question) whose text and JSON disagree, each listed.

    POLICYKG_CACHE=... .venv/bin/python scripts/count_imposed.py [queries/coverage/dev.yaml ...]
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from assistant.engine import Engine
from assistant.evaluation.coverage import load_coverage
from assistant.workspace import Workspace

_YES_NO = re.compile(r"吗|(?<![什怎那这多要])么|是否|能否|可否|(.)[不没]\1|来得及|赶得上")
_SELF = re.compile(r"我们|咱们|我单位|本单位|我司|我公司|我校|我院|我会|我协会|我中心")
_CONCLUSION = re.compile(r"结论[：（]")  # a determination's line (结论：…, 各地结论（…）), not 无法给出结论
_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
SETS = ["dev", "final", "final2", "final3", "final4"]


def asks_determination(q: str) -> bool:
    """Whether the question asks for a determination (see the module's docstring); independent of the product."""
    return bool(_YES_NO.search(q) or _SELF.search(q) or _DATE.search(q))


def main(paths: list[Path]) -> int:
    engine = Engine.open(Workspace.from_settings(os.environ))
    total = {"questions": 0, "lookups": 0, "verdict": 0, "text": 0, "disagree": 0}
    for path in paths:
        for case in load_coverage(path):
            engine.reset()
            a = engine.ask(case.q)
            total["questions"] += 1
            said = _CONCLUSION.search(a.answer) is not None
            if (a.verdict is not None) != said:
                total["disagree"] += 1
                status = a.verdict.status if a.verdict is not None else "-"
                print(f"  disagree [{path.stem}] {case.q} → {a.intent} {status}{' 结论' if said else ''}")
            if asks_determination(case.q):
                continue
            total["lookups"] += 1
            total["verdict"] += a.verdict is not None
            total["text"] += said
            if a.verdict is not None or said:
                status = a.verdict.status if a.verdict is not None else "-"
                print(f"  imposed [{path.stem}] {case.q} → {a.intent} {status}{' 结论' if said else ''}")
    print(f"{total['questions']} questions, {total['lookups']} asking no determination; of these, a verdict in the "
          f"JSON: {total['verdict']}, a 结论 in the text: {total['text']}; text and JSON disagree: {total['disagree']}")
    return 0


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or [Path("queries/coverage") / f"{s}.yaml" for s in SETS]
    sys.exit(main(args))
