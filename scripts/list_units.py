"""Print every unit of one or more source files (id, label, text): what gold-data writers cite.

    python scripts/list_units.py corpus/000_02455d504c7f1dc1.txt
    python scripts/list_units.py queries/unseen-docs/corpus/*.txt --short

It parses with the product's parser and prints nothing else, so people writing questions or facts
from the documents can name the answering unit without reading any of the code."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.parse import parse_file


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--short", action="store_true", help="first 60 characters of each unit's text only")
    args = ap.parse_args()
    for path in args.files:
        for doc in parse_file(path):
            print(f"# {doc.meta.id}  《{doc.meta.title}》  {doc.meta.jurisdiction}")
            for unit in doc.units:
                text = " ".join(unit.text.split())
                print(f"{unit.id}\t{unit.label}\t{text[:60] if args.short else text}")


if __name__ == "__main__":
    main()
