"""The RDF view of the knowledge graph, derived from kg.graph (never built separately).

ELI for documents and their subdivisions, Dublin Core for titles and dates, PROV for where a fact
was read, and the closed PKG vocabulary for the rest.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from .graph import KnowledgeGraph, Node
from .vocab import BASE, PKG

ELI = Namespace("http://data.europa.eu/eli/ontology#")
CLASSES = {"Document": ELI.LegalResource, "Unit": ELI.LegalResourceSubdivision, "Jurisdiction": PKG.Jurisdiction,
           "Actor": PKG.Actor, "Condition": PKG.Condition, "Deadline": PKG.Deadline, "Sanction": PKG.Sanction,
           "Behaviour": PKG.Behaviour, "Reference": PKG.Reference}
EDGES = {"has_unit": DCTERMS.hasPart, "has_part": DCTERMS.hasPart, "in": PKG.jurisdiction, "part_of": PKG.partOf,
         "states": PKG.states, "applies_to": PKG.appliesTo, "triggered_by": PKG.triggeredBy,
         "escalates_to": PKG.escalatesTo, "cites": PKG.cites, "mentions": PKG.mentions,
         "equivalent_to": PKG.equivalentRole, "broader": PKG.broaderRole, "imposed_by": PKG.imposedBy,
         "punishes": PKG.punishes}
PROPS = {"number": DCTERMS.identifier, "issuer": DCTERMS.publisher, "issued": ELI.date_document,
         "effective": ELI.first_date_entry_in_force, "end": ELI.date_no_longer_in_force, "kind": PKG.kind,
         "path": ELI.id_local, "text": PKG.text, "attribute": PKG.attribute, "comparator": PKG.comparator,
         "value": PKG.value, "unit": PKG.unit, "polarity": PKG.polarity, "event": PKG.event, "amount": PKG.amount,
         "direction": PKG.direction, "anchor": PKG.anchor, "qualifier": PKG.qualifier, "quote": PKG.quote,
         "start": PKG.spanStart, "end_offset": PKG.spanEnd, "source_file": PKG.sourceFile, "category": PKG.category,
         "title": PKG.citedTitle, "measures": PKG.measure, "windows": PKG.window}
DATES = {"issued", "effective", "end"}


def uri(node_id: str) -> URIRef:
    """A stable IRI for a node id (unit:suqian-2022-36/art_9 -> …/unit/suqian-2022-36/art_9)."""
    prefix, _, rest = node_id.partition(":")
    return URIRef(f"{BASE}{prefix}/{quote(rest, safe='/#-_.')}")


def _literals(node: Node) -> list[tuple[URIRef, Literal]]:
    out: list[tuple[URIRef, Literal]] = []
    for key, value in node.props.items():
        if value is None or value == [] or key in ("unit_id", "doc_id", "aliases", "scope", "subject",
                                                   "actor", "imposed_by", "target_doc", "target_unit", "kind_"):
            continue
        if node.type == "Reference" and key == "number":
            out.append((PKG.citedNumber, Literal(value)))
            continue
        key = "end_offset" if key == "end" and node.type != "Document" else key
        pred = PROPS.get(key)
        if pred is None:
            continue
        for v in value if isinstance(value, list) else [value]:
            if key == "windows":
                v = f"{v[0]}-{v[1]}/{v[0]}-{v[2]}"
            out.append((pred, Literal(date.fromisoformat(v), datatype=XSD.date) if key in DATES else Literal(v)))
    return out


def to_rdf(kg: KnowledgeGraph) -> Graph:
    """The RDF graph of the knowledge graph."""
    g = Graph()
    for prefix, ns in (("eli", ELI), ("dcterms", DCTERMS), ("prov", PROV), ("pkg", PKG._NS)):
        g.bind(prefix, ns)
    for node in kg.nodes:
        subject = uri(node.id)
        g.add((subject, RDF.type, CLASSES[node.type]))
        g.add((subject, RDFS.label if node.type != "Document" else DCTERMS.title, Literal(node.label)))
        if node.type == "Unit":
            g.add((subject, PKG.label, Literal(node.label)))
        for pred, lit in _literals(node):
            g.add((subject, pred, lit))
        unit_id = node.props.get("unit_id")
        if unit_id and node.type != "Unit":
            g.add((subject, PROV.wasDerivedFrom, uri(f"unit:{unit_id}")))
    for edge in kg.edges:
        g.add((uri(edge.source), EDGES[edge.type], uri(edge.target)))
        if edge.type == "has_part":
            g.add((uri(edge.target), ELI.is_part_of, uri(edge.source)))
    return g


def project_terms(g: Graph) -> set[str]:
    """Every IRI of the project's vocabulary namespace used in a graph."""
    ns = str(PKG._NS)
    return {str(t) for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(ns)}


def rdf_namespaces() -> dict[str, Any]:
    """Prefixes for SPARQL queries."""
    return {"eli": ELI, "dcterms": DCTERMS, "prov": PROV, "pkg": PKG._NS, "rdfs": RDFS, "rdf": RDF}
