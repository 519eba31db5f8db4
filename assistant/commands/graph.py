"""`policykg graph stats|show NODE`: counts of the graph, or one node's neighbourhood."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import TYPE_CHECKING

from assistant.workspace import Workspace

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "graph", help="graph statistics, or a node's neighbourhood",
        description="`stats`: nodes by type and facts by document. `show NODE`: a node (unit:suqian-2022-36/art_9, "
        "sanction:zhejiang-2022-20-jiandu/art_19, org:social_training_org, or a clause reference such as "
        "`宿迁 第九条`) with its edges and the provenance of each fact.",
        epilog="examples:\n  policykg graph stats\n  policykg graph show 浙江监督 第十九条\n  policykg graph show org:social_training_org\n"
        "  policykg graph show --json unit:suqian-2022-36/art_9\n\n"
        "exit codes: 0 ok, 1 a clause reference that matches several clauses (candidates listed), 2 bad input "
        "(no node given to show, a node given to stats, no such node), 3 corpus/index problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", choices=["stats", "show"])
    p.add_argument("node", nargs="*", help="node id or clause reference (for show)")
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, ws: Workspace) -> int:
    from kg.errors import UsageError

    ref = " ".join(args.node).strip()
    if args.action == "show" and not ref:
        raise UsageError("请给出要查看的节点，例如 policykg graph show 宿迁 第九条 或 unit:suqian-2022-36/art_9")
    if args.action == "stats" and ref:
        raise UsageError("graph stats 不需要节点；要查看一个节点请用 policykg graph show NODE")
    kg = ws.graph
    if args.action == "stats":
        by_type = Counter(n.type for n in kg.nodes)
        facts = Counter((n.type, n.props.get("doc_id")) for n in kg.nodes if n.props.get("doc_id"))
        if args.json:
            print(json.dumps({"nodes": by_type, "edges": Counter(e.type for e in kg.edges),
                              "facts": {f"{t} {d}": c for (t, d), c in facts.items()}}, ensure_ascii=False))
            return 0
        print("nodes:", ", ".join(f"{t} {c}" for t, c in sorted(by_type.items())))
        print("edges:", ", ".join(f"{t} {c}" for t, c in sorted(Counter(e.type for e in kg.edges).items())))
        for (t, d), c in sorted(facts.items(), key=lambda x: (x[0][1], x[0][0])):
            print(f"  {d:<26} {t:<10} {c}")
        return 0
    return _show(kg, ref, args.json, ws)


def _show(kg: KnowledgeGraph, ref: str, as_json: bool, ws: Workspace) -> int:
    node_id = _resolve(kg, ref, ws)
    node = kg.node(node_id)
    out = [e for e in kg.edges if e.source == node_id]
    inc = [e for e in kg.edges if e.target == node_id]
    if as_json:
        print(json.dumps({"node": node.model_dump(), "out": [e.model_dump() for e in out],
                          "in": [e.model_dump() for e in inc]}, ensure_ascii=False))
        return 0
    print(f"{node.id}  [{node.type}]  {node.label}")
    for k, v in node.props.items():
        if v not in (None, [], "") and k != "text":
            print(f"  {k}: {v}")
    labels = {n.id: n.label for n in kg.nodes}
    for e in out:
        print(f"  —{e.type}→ {e.target}  {labels.get(e.target, '')[:50]}")
    for e in inc:
        print(f"  ←{e.type}— {e.source}  {labels.get(e.source, '')[:50]}")
    return 0


def _resolve(kg: KnowledgeGraph, ref: str, ws: Workspace) -> str:
    """A node id, or a clause reference resolved to its unit's node; no such node is bad input (exit 2)."""
    from kg.errors import AmbiguousReference, PolicyKGError, UsageError
    from kg.resolve import resolve

    ids = {n.id for n in kg.nodes}
    for candidate in (ref, f"unit:{ref}", f"doc:{ref}"):
        if candidate in ids:
            return candidate
    stated = [i for i in ids if i.startswith(ref + "#")]  # fact ids end in #tag-hash: sanction:…/art_19 is enough
    if len(stated) == 1:
        return stated[0]
    corpus = ws.corpus
    try:
        found = resolve(corpus, ref, ws.places.jurisdictions())
    except AmbiguousReference:
        raise
    except PolicyKGError as exc:
        raise UsageError(f"图中没有节点“{ref}”：{exc}") from None
    node_id = f"unit:{found.id}" if hasattr(found, "id") else f"doc:{found.meta.id}"
    if node_id not in ids:
        raise UsageError(f"图中没有节点“{ref}”")
    return node_id
