"""Speed benchmark: policykg against the obvious pipeline, measured side by side in one run.

    python bench/run.py [--repeat 5] [--scale 100] [--only match]

Every figure is a median over repeated runs; cold figures are whole fresh processes ("build CPU": the build's
CPU time, user and system, summed over its processes). "index build" starts from
an empty cache (a new machine: nothing made per machine yet; the word vectors' neighbours and the readings come
from the files shipped in assistant/data, or are parsed from the packages when those are of another version);
"index rebuild" from a cache that has built before (the corpus changed: what does not depend on it is kept),
both against the obvious pipeline's build. The obvious
pipeline is jieba.analyse.ChineseAnalyzer + default jieba + whoosh over the same units, built and
queried the same way, so the ratios compare methods on this machine at this moment. Timings are
printed, never asserted: machines are shared and noisy.

Matching (one profile against every jurisdiction's rule sets, counterfactuals and deciding questions
included) is timed warm in a fresh process: the corpus, facts and rules loaded and compiled once, then
every profile of queries/profiles/dev.yaml matched in turn, three times (p50/p95 of wall time, and the
median CPU time, steadier on a shared machine). The loaded corpus is frozen out of the garbage collector
first (gc.freeze), as a long-running process would do: otherwise a full collection over the 100x corpus's
objects pauses one match in twenty for about a second. On the N× corpus the rules are the shipped ones
rewritten for each copy (its places and document ids), as rules drafted for added documents would be.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
QUESTION = "外部考点条件"

BASELINE_BUILD = """
import sys, json
from whoosh import index
from whoosh.fields import Schema, TEXT, ID
from jieba.analyse import ChineseAnalyzer
from kg.parse import parse_corpus
from pathlib import Path
corpus = parse_corpus(Path(sys.argv[1]))
ix = index.create_in(sys.argv[2], Schema(id=ID(stored=True), text=TEXT(analyzer=ChineseAnalyzer())))
with ix.writer() as w:
    for u in corpus.units():
        if u.kind in ("article", "section", "annex"):
            w.add_document(id=u.id, text=u.text)
"""

BASELINE_ASK = """
import sys
from whoosh import index
from whoosh.qparser import QueryParser
import jieba.analyse
ix = index.open_dir(sys.argv[1])
with ix.searcher() as s:
    q = QueryParser("text", ix.schema).parse(sys.argv[2])
    print([r["id"] for r in s.search(q, limit=5)])
"""

BASELINE_WARM = """
import sys, time, json
from whoosh import index
from whoosh.qparser import QueryParser, OrGroup
import jieba.analyse
ix = index.open_dir(sys.argv[1])
qs = json.load(open(sys.argv[2]))
out = []
with ix.searcher() as s:
    p = QueryParser("text", ix.schema, group=OrGroup)
    s.search(p.parse(qs[0]), limit=10)
    for q in qs:
        t = time.perf_counter(); s.search(p.parse(q), limit=10); out.append(time.perf_counter() - t)
print(json.dumps(out))
"""

OURS_WARM = """
import os, sys, time, json
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
r = Retriever.open(Workspace.from_settings(os.environ))
qs = json.load(open(sys.argv[1]))
r.search(qs[0])
out = []
for q in qs:
    t = time.perf_counter(); r.search(q, limit=10); out.append(time.perf_counter() - t)
print(json.dumps(out))
"""

OURS_MATCH = """
import sys, time, json
sys.path.insert(0, sys.argv[3])
import os
from assistant.workspace import Workspace
from assistant.reason.match import match_profile
from assistant.reason.profile import Profile
from assistant.reason.rules import load_rules
from bench.run import scaled_rules
ws = Workspace.from_settings(os.environ); corpus = ws.corpus; facts = ws.facts
rules = scaled_rules(load_rules("eligibility"), int(sys.argv[2]))
profiles = [Profile.model_validate(p) for p in json.load(open(sys.argv[1]))]
rows = len(match_profile(corpus, facts, profiles[0], rules=rules).matches)
import gc; gc.freeze()  # the loaded corpus and facts live as long as the process: out of the collector's passes
out, cpu = [], []
for _ in range(3):
    for p in profiles:
        t, c = time.perf_counter(), time.process_time()
        match_profile(corpus, facts, p, rules=rules)
        out.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
print(json.dumps({"rows": rows, "times": out, "cpu": cpu}))
"""

OURS_BUILD = """
import os
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
Retriever.open(Workspace.from_settings(os.environ))
"""


LAST_CPU: list[float] = [0.0]  # CPU seconds of the last `run`, its own processes' included


def run(code_or_args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of one fresh process (its CPU seconds, user and system, summed
    over it and the processes it started, in LAST_CPU: steadier than wall time on a shared machine)."""
    start = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(code_or_args, capture_output=True, text=True, env=env, cwd=REPO)
    wall = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark step failed: {code_or_args[:3]}\n{proc.stderr[-2000:]}")
    end = resource.getrusage(resource.RUSAGE_CHILDREN)
    LAST_CPU[0] = end.ru_utime + end.ru_stime - start.ru_utime - start.ru_stime
    return wall, max(end.ru_maxrss, start.ru_maxrss) / 1024, proc.stdout


def peak_of(args: list[str], env: dict[str, str]) -> float:
    """Peak RSS of one process, measured alone (getrusage children keeps the maximum)."""
    out = subprocess.run([PY, "-c", "import resource,subprocess,sys; subprocess.run(sys.argv[1:]);"
                          "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)", *args],
                         capture_output=True, text=True, env=env, cwd=REPO)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def median_wall(args: list[str], env: dict[str, str], repeat: int) -> float:
    return statistics.median(run(args, env)[0] for _ in range(repeat))


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))] * 1000


def scaled_corpus(src: Path, dest: Path, scale: int) -> None:
    """Every document copied `scale` times with place names and ids replaced."""
    import yaml

    places = ["宿迁", "池州", "吉林", "江苏", "浙江"]
    for text in sorted(src.glob("*.txt")):
        meta = yaml.safe_load(text.with_suffix(".meta.yaml").read_text(encoding="utf-8"))
        body = text.read_text(encoding="utf-8")
        for k in range(scale):
            name = f"{text.stem}_{k:03d}"
            copy, m = body, json.loads(json.dumps(meta, default=str))
            for p in places:
                copy = copy.replace(p, f"{p}{k}")
            for d in m["documents"]:
                d["id"] = f"{d['id']}-{k}"
                for key in ("title", "jurisdiction", "parent_jurisdiction", "region_start", "body_start", "body_end"):
                    if d.get(key):
                        for p in places:
                            d[key] = d[key].replace(p, f"{p}{k}")
            (dest / f"{name}.txt").write_text(copy, encoding="utf-8")
            (dest / f"{name}.meta.yaml").write_text(yaml.safe_dump(m, allow_unicode=True), encoding="utf-8")
    _scaled_phrasings(dest / "phrasings", scale)


def scaled_rules(det: Any, scale: int) -> Any:
    """A rule file rewritten for every copy of the scaled corpus (scale 0: as shipped): each rule set once per
    copy, its place and its units' document ids given the copy's number, as scaled_corpus names them."""
    if not scale:
        return det
    places = ["宿迁", "池州", "吉林", "江苏", "浙江"]

    def unit(uid: str, k: int) -> str:
        doc, _, rest = uid.partition("/")
        return f"{doc}-{k}/{rest}" if rest else f"{doc}-{k}"

    def place(name: str, k: int) -> str:
        for p in places:
            name = name.replace(p, f"{p}{k}")
        return name

    sets = []
    for k in range(scale):
        for rs in det.rulesets:
            conds = [c.model_copy(update={"unit": unit(c.unit, k)}) for c in rs.conditions]
            duties = [o.model_copy(update={"unit": unit(o.unit, k)}) for o in rs.obligations]
            sets.append(rs.model_copy(update={"id": f"{rs.id}-{k}", "jurisdiction": place(rs.jurisdiction, k),
                                              "conditions": conds, "obligations": duties}))
    return det.model_copy(update={"rulesets": sets})


def measure_match(corpus_dir: Path, profiles: Path, scale: int, phrasings: Path | None = None) -> dict[str, float]:
    """Warm matching of every dev profile against every place's rule sets, in a fresh process."""
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env = {**base_env, "POLICYKG_CACHE": tempfile.mkdtemp(prefix="pk-bench-"), "POLICYKG_CORPUS": str(corpus_dir)}
    if phrasings is not None:
        env["POLICYKG_PHRASINGS"] = str(phrasings)
    found = json.loads(run([PY, "-c", OURS_MATCH, str(profiles), str(scale), str(REPO)], env)[2])
    return {"match_rows": found["rows"], "match_p50_ms": pct(found["times"], 0.5), "match_p95_ms": pct(found["times"], 0.95),
            "match_cpu_p50_ms": pct(found["cpu"], 0.5), "match_cpu_p95_ms": pct(found["cpu"], 0.95)}


def _scaled_phrasings(dest: Path, scale: int) -> None:
    """The shipped phrasings again for every copy (its units' ids carry the copy's number), so that the
    large index is as heavy per unit as the real one."""
    import yaml

    from assistant.search.phrasings import FOLDER

    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(FOLDER.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for k in range(scale):
            lines = [f"{u.split('/', 1)[0]}-{k}/{u.split('/', 1)[1]}: [{', '.join(v)}]\n" for u, v in data.items()]
            (dest / f"{path.stem}-{k}.yaml").write_text("".join(lines), encoding="utf-8")


def _rebuild(env: dict[str, str]) -> float:
    """A build on a machine that has built before (a document added, say): the cache root keeps what does not
    depend on the corpus (parsed word vectors, character readings, JSON copies of data files), the corpus's
    own folder is gone."""
    import shutil

    root = Path(env["POLICYKG_CACHE"])
    for sub in root.iterdir():
        if sub.is_dir() and sub.name not in ("vectors", "sounds", "yaml"):
            shutil.rmtree(sub)
    return run([PY, "-c", OURS_BUILD], env)[0]


def measure(corpus_dir: Path, questions: Path, repeat: int, cold: bool, phrasings: Path | None = None) -> dict[str, float]:
    cache = tempfile.mkdtemp(prefix="pk-bench-")
    # users' Pythons cache bytecode; a sandbox that disables it would time compilation, not the method
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env = {**base_env, "POLICYKG_CACHE": cache, "POLICYKG_CORPUS": str(corpus_dir)}
    if phrasings is not None:
        env["POLICYKG_PHRASINGS"] = str(phrasings)
    res: dict[str, float] = {}
    builds, cpu = [], []
    for _ in range(max(1, repeat // 2)):
        env["POLICYKG_CACHE"] = tempfile.mkdtemp(prefix="pk-bench-")
        builds.append(run([PY, "-c", OURS_BUILD], env)[0])
        cpu.append(LAST_CPU[0])
    res["ours_build_s"], res["ours_build_cpu_s"] = statistics.median(builds), statistics.median(cpu)
    res["ours_rebuild_s"] = statistics.median(_rebuild(env) for _ in range(max(1, repeat // 2)))
    base_builds, cpu = [], []
    for _ in range(max(1, repeat // 2)):
        bdir = tempfile.mkdtemp(prefix="pk-base-")
        base_builds.append(run([PY, "-c", BASELINE_BUILD, str(corpus_dir), bdir], env)[0])
        cpu.append(LAST_CPU[0])
    res["base_build_s"], res["base_build_cpu_s"] = statistics.median(base_builds), statistics.median(cpu)
    if cold:
        ask = [str(REPO / ".venv/bin/policykg") if (REPO / ".venv/bin/policykg").exists() else "policykg",
               "ask", QUESTION]
        res["ours_cold_s"] = median_wall(ask, env, repeat)
        res["ours_cold_mb"] = peak_of(ask, env)
        base = [PY, "-c", BASELINE_ASK, bdir, QUESTION]
        res["base_cold_s"] = median_wall(base, env, repeat)
        res["base_cold_mb"] = peak_of(base, env)
    ours = json.loads(run([PY, "-c", OURS_WARM, str(questions)], env)[2])
    base = json.loads(run([PY, "-c", BASELINE_WARM, bdir, str(questions)], env)[2])
    res.update(ours_p50_ms=pct(ours, 0.5), ours_p95_ms=pct(ours, 0.95),
               base_p50_ms=pct(base, 0.5), base_p95_ms=pct(base, 0.95))
    return res


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=100, help="synthetic corpus size multiple (0 to skip)")
    parser.add_argument("--only", choices=["match"], help="time only matching (no index builds, no baseline)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from assistant.evaluation.retrieval import load_gold
    from kg.corpus import embedded_corpus_dir

    profiles = Path(tempfile.mkdtemp()) / "profiles.json"
    dev = yaml_profiles(REPO / "queries" / "profiles" / "dev.yaml")
    profiles.write_text(json.dumps(dev, ensure_ascii=False), encoding="utf-8")
    if args.only == "match":
        _print_match([("1x", measure_match(embedded_corpus_dir(), profiles, 0))]
                     + ([(f"{args.scale}x", _scaled_match(args.scale, profiles))] if args.scale else []))
        return

    qfile = Path(tempfile.mkdtemp()) / "questions.json"
    qfile.write_text(json.dumps([c.q for c in load_gold(REPO / "queries")], ensure_ascii=False), encoding="utf-8")
    rows = [("1x", {**measure(embedded_corpus_dir(), qfile, args.repeat, cold=True),
                    **measure_match(embedded_corpus_dir(), profiles, 0)})]
    if args.scale:
        big = Path(tempfile.mkdtemp(prefix="pk-scaled-"))
        scaled_corpus(embedded_corpus_dir(), big, args.scale)
        large = measure(big, qfile, max(2, args.repeat // 2), cold=False, phrasings=big / "phrasings")
        rows.append((f"{args.scale}x", {**large, **measure_match(big, profiles, args.scale, big / "phrasings")}))
    print(f"{'corpus':<7}{'metric':<18}{'policykg':>10}{'obvious':>10}{'ratio':>8}")
    for name, r in rows:
        for label, ours, base in [("index build s", "ours_build_s", "base_build_s"),
                                  ("build CPU s", "ours_build_cpu_s", "base_build_cpu_s"),
                                  ("index rebuild s", "ours_rebuild_s", "base_build_s"),
                                  ("cold ask s", "ours_cold_s", "base_cold_s"),
                                  ("cold ask peak MB", "ours_cold_mb", "base_cold_mb"),
                                  ("warm p50 ms", "ours_p50_ms", "base_p50_ms"),
                                  ("warm p95 ms", "ours_p95_ms", "base_p95_ms")]:
            if ours in r:
                print(f"{name:<7}{label:<18}{r[ours]:>10.3f}{r[base]:>10.3f}{r[ours] / r[base]:>8.2f}")
    _print_match([(name, r) for name, r in rows if "match_p50_ms" in r], header=False)


def _scaled_match(scale: int, profiles: Path) -> dict[str, float]:
    from kg.corpus import embedded_corpus_dir

    big = Path(tempfile.mkdtemp(prefix="pk-scaled-"))
    scaled_corpus(embedded_corpus_dir(), big, scale)
    return measure_match(big, profiles, scale, big / "phrasings")


def _print_match(rows: list[tuple[str, dict[str, float]]], header: bool = True) -> None:
    if header:
        print(f"{'corpus':<7}{'metric':<18}{'policykg':>10}")
    for name, r in rows:
        print(f"{name:<7}{'match places':<18}{r['match_rows']:>10.0f}")
        print(f"{name:<7}{'warm match p50 ms':<18}{r['match_p50_ms']:>10.3f}")
        print(f"{name:<7}{'warm match p95 ms':<18}{r['match_p95_ms']:>10.3f}")
        print(f"{name:<7}{'match CPU p50 ms':<18}{r['match_cpu_p50_ms']:>10.3f}")
        print(f"{name:<7}{'match CPU p95 ms':<18}{r['match_cpu_p95_ms']:>10.3f}")


def yaml_profiles(path: Path) -> list[dict[str, Any]]:
    """The structured profiles of a profiles file (the bench's workload)."""
    import yaml

    return [case["profile"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))["profiles"]]


if __name__ == "__main__":
    # every scratch folder of the run (caches, scaled corpora, question files) under one, removed at the end
    tempfile.tempdir = tempfile.mkdtemp(prefix="pk-bench-run-")
    try:
        main()
    finally:
        shutil.rmtree(tempfile.tempdir, ignore_errors=True)
