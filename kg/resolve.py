"""Resolve what people type ("宿迁 第九条", "浙江监督 第20条", "吉林 四（三）") to documents and units.

A reference is a document part (jurisdiction, alias, short title or 文号) followed by a unit part in
the document's own numbering, in Chinese or Arabic numerals. The unit part is read into a
*signature* — the (kind, number) steps from the document down — and compared with each unit's.

>>> read_signature("第九条第（五）项")
[('article', 9), ('item', 5)]
>>> read_signature("四（三）3")
[('section', 4), ('item', 3), ('point', 3)]
>>> read_signature("第20条")
[('article', 20)]
>>> read_signature("附件3 二 第5行")
[('annex', 3), ('section', 2), ('row', 5)]
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping

from .errors import AmbiguousReference, UncoveredPlace, UnknownDocument, UnknownUnit
from .models import Corpus, Document, Unit
from .numerals import cn_to_int

_N = r"[一二三四五六七八九十百零〇两\d]+"
_TOKENS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"第({_N})章")),
    ("article", re.compile(rf"第({_N})条")),
    ("annex", re.compile(r"附件(\d+|[一二三四五六七八九十]+)")),
    ("row", re.compile(rf"第({_N})行")),
    ("paragraph", re.compile(rf"第({_N})段")),
    ("item", re.compile(r"第?[（(]([一二三四五六七八九十]+)[）)]项?")),
    ("subpoint", re.compile(r"第?[（(](\d+)[）)]目?")),
    ("item", re.compile(r"第([一二三四五六七八九十]+)项")),
    ("point", re.compile(r"第?(\d+)[项目点.．、]?")),
    ("section", re.compile(r"([一二三四五六七八九十]+)、?")),
]
# Kinds that play the same role in different numbering styles, tried when the exact kind misses.
_ALIKE = {"item": "point", "point": "item", "section": "annex_section"}


def normalize_ref(text: str) -> str:
    """Full-width to half-width digits and letters, no spaces, no book-title marks."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("(", "（").replace(")", "）")
    return re.sub(r"[\s《》<>\"“”]", "", text)


def read_signature(unit_ref: str) -> list[tuple[str, int]]:
    """The (kind, number) steps a unit reference names; ValueError if it is not one."""
    ref, steps = normalize_ref(unit_ref).replace("之", ""), []
    pos = 0
    while pos < len(ref):
        for kind, pattern in _TOKENS:
            m = pattern.match(ref, pos)
            if m and m.end() > pos:
                steps.append((kind, cn_to_int(m.group(1))))
                pos = m.end()
                break
        else:
            raise ValueError(f"cannot read {ref[pos:]!r} as a clause number")
    return steps


def unit_signature(doc: Document, unit: Unit) -> list[tuple[str, int]]:
    """A unit's steps from the document down (chapters are not part of an article's citation)."""
    steps: list[tuple[str, int]] = []
    current: Unit | None = unit
    while current is not None:
        if current.kind != "chapter" or unit.kind == "chapter":
            kind = "section" if current.kind == "annex_section" else current.kind
            steps.append((kind, current.number or 0))
        current = doc.unit(current.parent) if current.parent else None
    return steps[::-1]


def doc_names(doc: Document) -> list[str]:
    """Every name a document answers to."""
    m = doc.meta
    names = [m.id, m.title, m.short_title, *m.aliases]
    if m.number:
        names.append(m.number)
    return [normalize_ref(n) for n in names]


def jurisdiction_names(doc: Document) -> list[str]:
    """The jurisdiction's names: 浙江省, 浙江."""
    j = doc.meta.jurisdiction
    return [j, j.rstrip("省市")] if j[-1] in "省市" else [j]


def split_reference(corpus: Corpus, ref: str, places: Mapping[str, str] | None = None) -> tuple[list[Document], str]:
    """The documents the front of a reference names, and the rest of it.

    `places` (place name -> jurisdiction, the gazetteer) lets a miss be explained: 北京 is a place the
    corpus has no document for, 苏州 falls under 江苏's documents."""
    text = normalize_ref(ref)
    best: tuple[int, list[Document]] = (0, [])
    for doc in corpus.documents:
        for name in doc_names(doc) + jurisdiction_names(doc):
            if text.startswith(name) and len(name) >= best[0]:
                docs = best[1] if len(name) == best[0] else []
                best = (len(name), docs + ([doc] if doc not in docs else []))
    if not best[1]:
        _explain_place(corpus, text, ref, places or {})
        raise UnknownDocument(ref, _doc_suggestions(corpus, text))
    return best[1], text[best[0]:]


def _explain_place(corpus: Corpus, text: str, ref: str, places: Mapping[str, str]) -> None:
    """Raise what a reference starting with a known place name means, if it does."""
    named = max((n for n in places if text.startswith(normalize_ref(n))), key=len, default=None)
    if named is None:
        return
    jurisdiction = places[named]
    docs = [d for d in corpus.documents if d.meta.jurisdiction == jurisdiction]
    if not docs:
        raise UncoveredPlace(named, jurisdiction, list(dict.fromkeys(d.meta.jurisdiction for d in corpus.documents)))
    raise UnknownDocument(named, [f"{d.meta.aliases[0] if d.meta.aliases else d.meta.id}（《{d.meta.title}》）"
                                for d in docs])


def _doc_suggestions(corpus: Corpus, text: str) -> list[str]:
    names = {n: d for d in corpus.documents for n in doc_names(d)}
    close = difflib.get_close_matches(text[:8], list(names), n=4, cutoff=0.3)
    picked = [names[c] for c in close] or corpus.documents
    return list(dict.fromkeys(f"{d.meta.aliases[0] if d.meta.aliases else d.meta.id}（《{d.meta.title}》）"
                              for d in picked))


def find_unit(doc: Document, unit_ref: str) -> Unit:
    """The unit of a document a reference names, trying equivalent kinds when the exact one misses."""
    try:
        wanted = read_signature(unit_ref)
    except ValueError:
        raise UnknownUnit(doc.meta.title, unit_ref, [u.path for u in doc.top_level()]) from None
    if wanted and wanted[0][0] == "point" and doc.meta.numbering == "article":
        wanted[0] = ("article", wanted[0][1])  # a bare number means an article: 宿迁 9
    sigs = [(unit_signature(doc, u), u) for u in doc.units if u.kind not in ("preamble", "closing")]
    for sig, unit in sigs:
        if sig == wanted:
            return unit
    for sig, unit in sigs:
        if len(sig) == len(wanted) and all(a == b or (_ALIKE.get(a[0]) == b[0] and a[1] == b[1])
                                            for a, b in zip(wanted, sig, strict=False)):
            return unit
    raise UnknownUnit(doc.meta.title, unit_ref, _unit_suggestions(doc, wanted))


def _unit_suggestions(doc: Document, wanted: list[tuple[str, int]]) -> list[str]:
    top = doc.top_level()
    if wanted:
        near = [u for u in top if u.number and abs(u.number - wanted[0][1]) <= 2]
        top = near or top
    return [u.path for u in top]


def resolve(corpus: Corpus, ref: str, places: Mapping[str, str] | None = None) -> Document | Unit:
    """A document (when the reference names only one) or a unit; raises with candidates otherwise."""
    docs, rest = split_reference(corpus, ref, places)
    if not rest:
        if len(docs) > 1:
            raise AmbiguousReference(ref, [f"《{d.meta.title}》" for d in docs])
        return docs[0]
    found: list[Unit] = []
    errors: list[UnknownUnit] = []
    for doc in docs:
        try:
            found.append(find_unit(doc, rest))
        except UnknownUnit as exc:
            errors.append(exc)
    if len(found) > 1:
        raise AmbiguousReference(ref, [u.label for u in found])
    if found:
        return found[0]
    raise errors[0]
