"""The RDF view of the knowledge graph, derived from kg.graph (never built separately).

ELI for documents and their subdivisions (every unit eli:is_part_of its parent or its document; a
reference eli:cites what it cites, or a pkg:CitedWork for a document outside the corpus), Dublin Core for
titles and dates, PROV for where a fact was read, and the closed PKG vocabulary (kg/data/vocab.ttl) for
the rest. Words of the documents are tagged @zh; codes (attribute, comparator, direction, unit, 文号) are
plain; amounts are decimals, durations xsd:duration (working days: pkg:workingDays, which no calendar
duration expresses). kg/data/shapes.ttl states what every node must carry.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from .graph import KnowledgeGraph, Node
from .vocab import BASE, PKG

ELI = Namespace("http://data.europa.eu/eli/ontology#")
CLASSES = {"Document": ELI.LegalResource, "Unit": ELI.LegalResourceSubdivision, "Jurisdiction": PKG.Jurisdiction,
           "Actor": PKG.Actor, "Condition": PKG.Condition, "Deadline": PKG.Deadline, "Sanction": PKG.Sanction,
           "Behaviour": PKG.Behaviour, "Reference": PKG.Reference, "CitedWork": PKG.CitedWork}
EDGES = {"has_unit": DCTERMS.hasPart, "has_part": DCTERMS.hasPart, "in": PKG.jurisdiction, "part_of": PKG.partOf,
         "states": PKG.states, "applies_to": PKG.appliesTo, "triggered_by": PKG.triggeredBy,
         "escalates_to": PKG.escalatesTo, "cites": ELI.cites, "mentions": PKG.mentions,
         "equivalent_to": PKG.equivalentRole, "broader": PKG.broaderRole, "imposed_by": PKG.imposedBy,
         "punishes": PKG.punishes}
PROPS = {"number": DCTERMS.identifier, "issuer": DCTERMS.publisher, "issued": ELI.date_document,
         "effective": ELI.first_date_entry_in_force, "end": ELI.date_no_longer_in_force, "kind": PKG.kind,
         "level": PKG.level, "path": ELI.id_local, "text": PKG.text, "attribute": PKG.attribute,
         "comparator": PKG.comparator, "value": PKG.value, "value_max": PKG.valueMax, "unit": PKG.unit,
         "polarity": PKG.polarity, "scope": PKG.scope, "event": PKG.event, "amount": PKG.amount,
         "amount_max": PKG.amountMax, "direction": PKG.direction, "anchor": PKG.anchor, "qualifier": PKG.qualifier,
         "quote": PKG.quote, "start": PKG.spanStart, "end_offset": PKG.spanEnd, "source_file": PKG.sourceFile,
         "category": PKG.category, "title": PKG.citedTitle, "measures": PKG.measure, "windows": PKG.window,
         "aliases": PKG.alias}
FACTS = {"Condition", "Deadline", "Sanction", "Reference"}
DATES = {"issued", "effective", "end"}
ZH = {"issuer", "text", "scope", "event", "anchor", "qualifier", "quote", "title", "measures", "aliases"}
NUMBERS = {"value", "value_max", "amount", "amount_max"}
OFFSETS = {"start", "end_offset"}
CALENDAR = {"年": "Y", "月": "M", "天": "D", "日": "D"}


def uri(node_id: str) -> URIRef:
    """A stable IRI for a node id (unit:suqian-2022-36/art_9 -> …/unit/suqian-2022-36/art_9)."""
    prefix, _, rest = node_id.partition(":")
    return URIRef(f"{BASE}{prefix}/{quote(rest, safe='/#-_.')}")


def duration(amount: float, unit: str) -> Literal | None:
    """An amount of calendar time as xsd:duration (half a year is P6M); None for 工作日 and 小时 counts.

    >>> str(duration(3, "年")), str(duration(0.5, "年")), str(duration(30, "天")), duration(10, "工作日")
    ('P3Y', 'P6M', 'P30D', None)
    """
    if unit == "小时":
        return Literal(f"PT{amount:g}H", datatype=XSD.duration)
    letter = CALENDAR.get(unit)
    if letter is None:
        return None
    if letter == "Y" and not float(amount).is_integer():
        letter, amount = "M", amount * 12
    return Literal(f"P{amount:g}{letter}", datatype=XSD.duration)


def _literal(key: str, value: Any) -> Literal:
    if key in DATES:
        return Literal(date.fromisoformat(value), datatype=XSD.date)
    if key in ZH:
        return Literal(value, lang="zh")
    if key in NUMBERS and isinstance(value, (int, float)) and not isinstance(value, bool):
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    if key in OFFSETS:
        return Literal(int(value), datatype=XSD.integer)
    return Literal(value)


def _literals(node: Node) -> list[tuple[URIRef, Literal]]:
    out: list[tuple[URIRef, Literal]] = []
    for key, value in node.props.items():
        if value is None or value == [] or key in ("unit_id", "doc_id", "subject", "subjects", "actor", "imposed_by",
                                                   "sanctioned", "target_doc", "target_unit", "kind_"):
            continue
        if node.type in ("Reference", "CitedWork") and key == "number":
            out.append((PKG.citedNumber, Literal(value)))
            continue
        key = "end_offset" if key == "end" and node.type != "Document" else key
        pred = PROPS.get(key)
        if pred is None:
            continue
        for v in value if isinstance(value, list) else [value]:
            if key == "windows":
                v = f"{v[0]}-{v[1]}/{v[0]}-{v[2]}"
            out.append((pred, _literal(key, v)))
    return out + _durations(node)


def _durations(node: Node) -> list[tuple[URIRef, Literal]]:
    """A deadline's amount as a duration (or a count of working days); a condition's look-back."""
    p = node.props
    out: list[tuple[URIRef, Literal]] = []
    if node.type == "Deadline" and p.get("amount") is not None and p.get("unit"):
        as_duration = duration(p["amount"], p["unit"])
        if as_duration is not None:
            out.append((PKG.duration, as_duration))
        elif p["unit"] == "工作日":
            out.append((PKG.workingDays, Literal(Decimal(str(p["amount"])), datatype=XSD.decimal)))
    if node.type == "Condition" and p.get("lookback_amount") is not None:
        back = duration(p["lookback_amount"], p["lookback_unit"])
        if back is not None:
            out.append((PKG.lookback, back))
    return out


def _label(node: Node) -> Literal:
    return Literal(node.label, lang="zh")


def to_rdf(kg: KnowledgeGraph) -> Graph:
    """The RDF graph of the knowledge graph."""
    g = Graph()
    for prefix, ns in (("eli", ELI), ("dcterms", DCTERMS), ("prov", PROV), ("pkg", PKG._NS)):
        g.bind(prefix, ns)
    for node in kg.nodes:
        subject = uri(node.id)
        g.add((subject, RDF.type, CLASSES[node.type]))
        if node.type in FACTS:
            g.add((subject, RDF.type, PKG.Fact))  # stated, so a query or a shape needs no RDFS reasoning
        g.add((subject, RDFS.label if node.type != "Document" else DCTERMS.title, _label(node)))
        if node.type == "Unit":
            g.add((subject, PKG.label, _label(node)))
        for pred, lit in _literals(node):
            g.add((subject, pred, lit))
        unit_id = node.props.get("unit_id")
        if unit_id and node.type != "Unit":
            g.add((subject, PROV.wasDerivedFrom, uri(f"unit:{unit_id}")))
    for edge in kg.edges:
        g.add((uri(edge.source), EDGES[edge.type], uri(edge.target)))
        if edge.type in ("has_part", "has_unit"):
            g.add((uri(edge.target), ELI.is_part_of, uri(edge.source)))
    return g


def project_terms(g: Graph) -> set[str]:
    """Every IRI of the project's vocabulary namespace used in a graph."""
    ns = str(PKG._NS)
    return {str(t) for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(ns)}


def rdf_namespaces() -> dict[str, Any]:
    """Prefixes for SPARQL queries."""
    return {"eli": ELI, "dcterms": DCTERMS, "prov": PROV, "pkg": PKG._NS, "rdfs": RDFS, "rdf": RDF, "xsd": XSD}
