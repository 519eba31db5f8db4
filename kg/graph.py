"""The knowledge graph: one list of typed nodes and edges, from which every view is derived.

`build_graph(corpus, facts)` is the single source of truth (pydantic `Node` / `Edge`); the
networkx MultiDiGraph (`to_networkx`) and the RDF graph (kg.rdf) are both computed from it, so
there is no second hand-built copy to drift.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from .extract.ids import behaviour_id
from .facts import Condition, Deadline, FactSet, Reference, Sanction
from .models import Corpus

NodeType = Literal["Document", "Unit", "Jurisdiction", "Actor", "Condition", "Deadline", "Sanction",
                   "Behaviour", "Reference", "CitedWork"]
EdgeType = Literal["has_unit", "has_part", "in", "part_of", "states", "applies_to", "triggered_by",
                   "escalates_to", "cites", "mentions", "equivalent_to", "broader", "imposed_by", "punishes"]


class Node(BaseModel):
    """A graph node: its id, type, a human label and plain properties."""

    id: str
    type: NodeType
    label: str
    props: dict[str, Any] = {}


class Edge(BaseModel):
    """A typed edge."""

    source: str
    target: str
    type: EdgeType


class KnowledgeGraph(BaseModel):
    """Nodes and edges of one corpus (cached as JSON beside the index)."""

    fingerprint: str
    nodes: list[Node]
    edges: list[Edge]

    def node(self, node_id: str) -> Node:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)


def _structure(corpus: Corpus) -> tuple[list[Node], list[Edge]]:
    nodes: list[Node] = []
    edges: list[Edge] = []
    places: set[str] = set()
    for doc in corpus.documents:
        m = doc.meta
        nodes.append(Node(id=f"doc:{m.id}", type="Document", label=m.title, props={
            "number": m.number, "issuer": m.issuer, "issued": m.issued.isoformat(),
            "effective": m.effective.isoformat(), "end": m.end.isoformat() if m.end else None,
            "level": m.level, "source_file": m.source_file}))
        edges.append(Edge(source=f"doc:{m.id}", target=f"juris:{m.jurisdiction}", type="in"))
        places.add(m.jurisdiction)
        if m.parent_jurisdiction:
            places.add(m.parent_jurisdiction)
            edges.append(Edge(source=f"juris:{m.jurisdiction}", target=f"juris:{m.parent_jurisdiction}", type="part_of"))
        for u in doc.units:
            nodes.append(Node(id=f"unit:{u.id}", type="Unit", label=u.label, props={
                "kind": u.kind, "path": u.path, "text": u.text, "start": u.span[0], "end": u.span[1]}))
            parent = f"unit:{u.parent}" if u.parent else f"doc:{m.id}"
            edges.append(Edge(source=parent, target=f"unit:{u.id}", type="has_part" if u.parent else "has_unit"))
    nodes += [Node(id=f"juris:{p}", type="Jurisdiction", label=p) for p in sorted(places)]
    return nodes, edges


def _provenance(fact: Condition | Deadline | Sanction | Reference) -> dict[str, Any]:
    p = fact.provenance
    return {"unit_id": p.unit_id, "doc_id": p.doc_id, "start": p.start, "end": p.end, "quote": p.quote}


def _fact_nodes(facts: FactSet) -> tuple[list[Node], list[Edge]]:
    nodes: list[Node] = []
    edges: list[Edge] = []
    for kind, group in (("Condition", facts.conditions), ("Deadline", facts.deadlines),
                        ("Sanction", facts.sanctions), ("Reference", facts.references)):
        for f in group:
            props = f.model_dump(exclude={"id", "provenance", "triggers", "escalates_to", "lookback"}) | _provenance(f)
            if isinstance(f, Condition) and f.lookback:
                props |= {"lookback_amount": f.lookback.amount, "lookback_unit": f.lookback.unit}
            nodes.append(Node(id=f.id, type=kind, label=f.text[:60], props=props))
            edges.append(Edge(source=f"unit:{f.provenance.unit_id}", target=f.id, type="states"))
            edges += [Edge(source=f.id, target=who, type="applies_to") for who in _bound(f)]
            if isinstance(f, Sanction) and f.imposed_by:
                edges.append(Edge(source=f.id, target=f.imposed_by, type="imposed_by"))
    behaviours: set[str] = set()
    for s in facts.sanctions:
        for t in s.triggers:
            bid = behaviour_id(t)
            edges.append(Edge(source=s.id, target=bid, type="triggered_by"))
            if bid in behaviours:
                continue  # one behaviour, several rungs of a ladder
            behaviours.add(bid)
            nodes.append(Node(id=bid, type="Behaviour", label=t.text[:60], props={"text": t.text} | {
                "unit_id": t.provenance.unit_id, "doc_id": t.provenance.doc_id, "start": t.provenance.start,
                "end": t.provenance.end, "quote": t.provenance.quote}))
            edges += [Edge(source=bid, target=norm, type="punishes") for norm in t.punishes]
        edges += [Edge(source=s.id, target=nxt, type="escalates_to") for nxt in s.escalates_to]
    works: set[str] = set()
    for r in facts.references:
        target = f"unit:{r.target_unit}" if r.target_unit else f"doc:{r.target_doc}" if r.target_doc else cited_work(r)
        if target.startswith("work:") and target not in works:
            works.add(target)
            nodes.append(Node(id=target, type="CitedWork", label=r.title or r.number or r.text,
                              props={"title": r.title, "number": r.number}))
        edges.append(Edge(source=r.id, target=target, type="cites"))
    return nodes, edges


def cited_work(ref: Reference) -> str:
    """The node of a cited document outside the corpus: one per 文号 (or title), however often it is cited."""
    from .extract.ids import content_hash

    return f"work:{content_hash((ref.number or '').replace(' ', '') or ref.title)}"


def _bound(fact: Condition | Deadline | Sanction | Reference) -> list[str]:
    """Who a fact applies to: a condition's subjects, a deadline's actor, the party a sanction falls on."""
    if isinstance(fact, Condition):
        return fact.subjects or ([fact.subject] if fact.subject else [])
    if isinstance(fact, Deadline):
        return [fact.actor] if fact.actor else []
    if isinstance(fact, Sanction):
        return fact.sanctioned
    return []


def _actors(facts: FactSet) -> tuple[list[Node], list[Edge]]:
    nodes = [Node(id=a.id, type="Actor", label=a.name, props={"category": a.category, "aliases": a.aliases})
             for a in facts.actors]
    edges = [Edge(source=a.id, target=e, type="equivalent_to") for a in facts.actors for e in a.equivalent_to]
    edges += [Edge(source=a.id, target=a.broader, type="broader") for a in facts.actors if a.broader]
    edges += [Edge(source=f"unit:{u}", target=a, type="mentions") for u, ids in facts.mentions.items() for a in ids]
    return nodes, edges


def build_graph(corpus: Corpus, facts: FactSet) -> KnowledgeGraph:
    """Documents, units, jurisdictions, actors and facts, with typed edges."""
    parts = [_structure(corpus), _fact_nodes(facts), _actors(facts)]
    nodes = [n for ns, _ in parts for n in ns]
    known = {n.id for n in nodes}
    edges = [e for _, es in parts for e in es if e.source in known and e.target in known]
    return KnowledgeGraph(fingerprint=corpus.fingerprint, nodes=nodes, edges=edges)


def to_networkx(kg: KnowledgeGraph) -> Any:
    """The graph as a networkx MultiDiGraph, for traversal."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for n in kg.nodes:
        g.add_node(n.id, type=n.type, label=n.label, **n.props)
    for e in kg.edges:
        g.add_edge(e.source, e.target, key=e.type, type=e.type)
    return g
