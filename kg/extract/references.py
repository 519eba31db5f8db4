"""References: citations of other documents (《…》（文号）), of other articles (第十九条所列情况) and of the
document's own annexes (提交备案表（附件2）)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..facts import Reference
from ..models import Corpus
from ..numerals import cn_to_int
from .spans import UnitText

EXTERNAL = re.compile(r"《([^《》]{4,60})》(?:[（(]([^（）()]{2,20}〔\d{4}〕\s*\d+\s*号)[）)])?")
INTERNAL = re.compile(r"第([一二三四五六七八九十]+)条(?:所列|规定)")
ANNEX = re.compile(r"附件\s*(\d+|[一二三四五六七八九十]+)")


class Directory:
    """Where citations can point: titles, 文号 and unit ids of the corpus, gathered once per corpus
    (gathering them per unit made extraction quadratic in the number of documents)."""

    def __init__(self, corpus: Corpus) -> None:
        self.titles = {d.meta.title: d.meta.id for d in corpus.documents}
        self.numbers = {d.meta.number.replace(" ", ""): d.meta.id for d in corpus.documents if d.meta.number}
        self.units = {u.id for d in corpus.documents for u in d.units}


def references_in(ut: UnitText, directory: Directory) -> Iterator[Reference]:
    """Every citation in one unit's text, resolved to corpus documents where they are in it."""
    titles, numbers = directory.titles, directory.numbers
    for m in EXTERNAL.finditer(ut.text):
        title, number = m.group(1), (m.group(2) or "").replace(" ", "") or None
        target = titles.get(title) or (numbers.get(number) if number else None)
        if target == ut.unit.doc_id:
            continue
        yield Reference(id="", kind="external", title=title, number=number, target_doc=target,
                        text=m.group(0), provenance=ut.provenance(m.start(), m.end()))
    for m in INTERNAL.finditer(ut.text):
        target = f"{ut.unit.doc_id}/art_{cn_to_int(m.group(1))}"
        if "》" in ut.text[max(0, m.start() - 2): m.start()] or target not in directory.units:
            continue  # an article of another document (《…》第二十八条), or no such article here
        yield Reference(id="", kind="internal", target_doc=ut.unit.doc_id, target_unit=target,
                        text=m.group(0), provenance=ut.provenance(m.start(), m.end()))
    yield from _annexes(ut, directory)


def _annexes(ut: UnitText, directory: Directory) -> Iterator[Reference]:
    """The document's own annexes a unit points to by number (备案表（附件2）): the form or checklist is
    what the clause asks for. An annex's own heading (附件2 职业技能等级认定备案表) is not a citation, and a
    number with no annex of that number in the document points nowhere."""
    own = ut.unit.id.split("/")
    for m in ANNEX.finditer(ut.text):
        target = f"{ut.unit.doc_id}/annex_{cn_to_int(m.group(1))}"
        if target not in directory.units or target == "/".join(own[:2]):
            continue
        if "》" in ut.text[max(0, m.start() - 2): m.start()]:
            continue  # an annex of another document
        yield Reference(id="", kind="internal", target_doc=ut.unit.doc_id, target_unit=target,
                        text=m.group(0), provenance=ut.provenance(m.start(), m.end()))
