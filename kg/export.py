"""Exports of the knowledge graph: Turtle, JSON-LD (RDF view) and GraphML (networkx view)."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import PolicyKGError
from .graph import KnowledgeGraph, to_networkx

FORMATS = ("ttl", "jsonld", "graphml")


class ExportError(PolicyKGError):
    """An unknown export format."""

    exit_code = 2


def render(kg: KnowledgeGraph, fmt: str) -> str:
    """The graph serialized in a format."""
    if fmt == "graphml":
        import networkx as nx

        g = to_networkx(kg)
        for _, data in g.nodes(data=True):  # GraphML holds scalars only
            for key, value in list(data.items()):
                if value is None:
                    del data[key]
                elif isinstance(value, (list, dict, tuple)):
                    data[key] = json.dumps(value, ensure_ascii=False)
        import io

        buffer = io.BytesIO()
        nx.write_graphml_xml(g, buffer, encoding="utf-8", prettyprint=True)
        return buffer.getvalue().decode("utf-8")
    from .rdf import to_rdf

    if fmt not in FORMATS:
        raise ExportError(f"未知格式“{fmt}”；可用：{', '.join(FORMATS)}")
    return to_rdf(kg).serialize(format="turtle" if fmt == "ttl" else "json-ld")


SUFFIXES = {".ttl": "ttl", ".jsonld": "jsonld", ".json": "jsonld", ".graphml": "graphml"}


def export(kg: KnowledgeGraph, fmt: str, out: Path | None, force: bool) -> str | None:
    """Write the export to `out` (see kg.files: atomic, never over a file unless forced), or return it."""
    from .files import check_target, write_file

    if out is not None:
        check_target(out, force)  # refuse before serialising the whole graph
    text = render(kg, fmt)
    if out is None:
        return text
    write_file(out, text, force)
    return None


def export_vocabulary(out: Path | None, force: bool) -> str | None:
    """The project vocabulary (kg/data/vocab.ttl) written to `out` (kg.files rules), or returned."""
    from .files import check_target, write_file
    from .vocab import vocabulary_text

    if out is not None:
        check_target(out, force)
    text = vocabulary_text()
    if out is None:
        return text
    write_file(out, text, force)
    return None
