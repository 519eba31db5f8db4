"""Phrasings made at index build for every unit of every document, from its own text and graph.

The shipped documents have hand-written phrasings; a document added with `ingest --add` has none, and its
clauses lost to clauses that had them. These are made the same way for every document, with no hand work:
a unit's heading and the first clause of its lead sentence; the terms it defines (本办法所称X是指… -> X是什么);
each fact the graph found in it, named and joined to the words people ask that kind of fact with
(assistant/data/question_words.yaml: a deadline of 公示 -> 公示几天, a site-area condition -> 场地面积多少平方米,
a sanction of 取消备案 -> 会不会被取消备案); and the everyday words of the lexicon's concepts its text names
(a clause saying 舞弊 is asked about as 替考, 作弊); and what it says of its own document (自…起施行 ->
什么时候施行, 联系单位 -> 联系方式). They go into the same table and field as the hand-written
ones and count first: the hand-written phrasings add to them only up to a cap (retriever.py), so a document
without any is not outranked merely for that.

Measured and left out: the actors' role words (评价机构, 考评员: nearly every clause names one, so they
favoured clauses for naming the role the question names) and the question words alone (多久, 会怎样: they
favoured every clause of a kind alike); the question words count joined to a fact's own terms only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from assistant.lang.lexicon import Lexicon
from kg.datafiles import read_package_yaml
from kg.facts import ATTRIBUTES, Condition, Deadline, FactSet, Sanction
from kg.models import Corpus, Unit

DATA = Path(__file__).resolve().parent.parent / "data" / "question_words.yaml"
LEAD_CHARS = (4, 18)  # a lead clause this long names the unit's topic; longer ones are the clause itself
COMMON_CONCEPT = 0.03  # a concept whose words are in more units than this share tells none of them apart


class QuestionWords(BaseModel):
    """The kind -> question-words table (general data)."""

    kinds: dict[str, list[str]]
    dimensions: dict[str, list[str]]
    directions: dict[str, list[str]]
    sanction_forms: list[str]
    headings: dict[str, list[str]] = {}


@lru_cache(maxsize=1)
def question_words() -> QuestionWords:
    return QuestionWords.model_validate(read_package_yaml(DATA))


@lru_cache(maxsize=1)
def _labels() -> dict[str, tuple[str, str]]:
    """Attribute -> (its label, its dimension): the amounts' from kg/data/attributes.yaml, the others'
    from the first words of their description in kg.facts.ATTRIBUTES (yes/no requirements)."""
    from kg.extract.conditions import attribute_specs

    out = {name: (re.split(r"[ (/（]", text, maxsplit=1)[0], "yes_no") for name, text in ATTRIBUTES.items()}
    out.update({s.name: (s.label, s.dimension) for s in attribute_specs()})
    return out


def made_phrasings(corpus: Corpus, facts: FactSet, units: Iterable[Unit], lexicon: Lexicon | None = None,
                   texts: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Unit id -> its made phrasings (each distinct once, in the order made). With the lexicon and the
    units' normalised texts, also the everyday words of the concepts a unit's text names (舞弊 -> 替考)."""
    by_unit: dict[str, list[str]] = {}
    for unit in units:
        by_unit[unit.id] = [*_from_text(corpus, unit), *_defined(unit.text), *_stated(unit.text),
                            *_heading_asked(unit.heading or "")]
    if lexicon is not None and texts:
        for unit_id, lay in _lay_words(lexicon, texts).items():
            _add(by_unit, unit_id, lay)
    words = question_words()
    for cond in facts.conditions:
        said = _condition(cond, words)
        _add(by_unit, cond.provenance.unit_id, said)
        # the article holding an item holds its condition too: a question for the conditions of a topic
        # (外部考点条件) is answered by the article that lists them, not by one of its items alone
        _add(by_unit, _parent_of(corpus, cond.provenance.unit_id), said)
    for dl in facts.deadlines:
        _add(by_unit, dl.provenance.unit_id, _deadline(dl, words))
    for sanction in facts.sanctions:
        said = _sanction(sanction, words)
        for unit_id in {sanction.provenance.unit_id, *(t.provenance.unit_id for t in sanction.triggers)}:
            _add(by_unit, unit_id, said)
    return {u: list(dict.fromkeys(p for p in ps if p)) for u, ps in by_unit.items()}


def _parent_of(corpus: Corpus, unit_id: str) -> str:
    """The unit enclosing a unit ("" for a top-level one)."""
    doc_id = unit_id.split("/", 1)[0]
    try:
        return corpus.doc(doc_id).unit(unit_id).parent or ""
    except (KeyError, LookupError):
        return ""


def _add(by_unit: dict[str, list[str]], unit_id: str, phrases: list[str]) -> None:
    if unit_id in by_unit:  # facts of units not indexed (chapters) are left out
        by_unit[unit_id].extend(phrases)


_MARKER = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+条|[（(]?[一二三四五六七八九十\d]+[)）、.．]|\*+)+\s*")
_CLAUSE_END = re.compile(r"[，,。；;：:\n]")


def _from_text(corpus: Corpus, unit: Unit) -> list[str]:
    """The unit's heading, its enclosing section's, and the first clause of its lead sentence when short."""
    out = [unit.heading or ""]
    if unit.parent:
        parent = corpus.doc(unit.doc_id).unit(unit.parent)
        out.append(parent.heading or "")
    lead = _CLAUSE_END.split(_MARKER.sub("", unit.text.strip()), maxsplit=1)[0].strip("*# ")
    if LEAD_CHARS[0] <= len(lead) <= LEAD_CHARS[1]:
        out.append(lead)
    return [re.sub(r"[*#\s]+", "", h) for h in out if h]


def _heading_asked(heading: str) -> list[str]:
    """How people ask for what a section's heading names (一、考核对象 -> 哪些人可以参加; 三、工作进度安排 ->
    什么时候): notices are laid out under headings of a few kinds, and a question asks for the kind, not the
    heading's words. Keyed by how the heading ends (question_words.yaml, headings)."""
    name = re.sub(r"[*#\s]+", "", heading)
    return next((words for end, words in question_words().headings.items() if name.endswith(end)), [])


_DEFINED = re.compile(r"(?:所称|所指)的?“?([^，,。；;“”（(]{2,24}?)”?(?:[（(][^）)]*[）)])?[，,]?(?:是指|指|是)")
_OWN_TITLE = re.compile(r"^本(?:办法|规程|细则|通知|规定|方案|标准)?(?:所称|所指)?的?")
_IS_MEANT = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）])?\s*([^，。；\s]{2,12})是指")


def _defined(text: str) -> list[str]:
    """The terms a unit defines (本办法所称评价机构是指…, 数字化监测是指…) and how people ask what they mean."""
    found = [m.group(1) for m in _DEFINED.finditer(text)] + [m.group(1) for m in _IS_MEANT.finditer(_MARKER.sub("", text))]
    terms = [t for t in (_OWN_TITLE.sub("", t) for t in found) if len(t) >= 2]
    words = question_words().kinds.get("definition", [])
    return [p for t in dict.fromkeys(terms) for p in (t, *(t + w for w in words), "什么是" + t)]


_N = r"[\d〇零一二三四五六七八九十]"
STATED = {  # kind of statement -> how a clause says it (the words people ask for it: question_words.yaml)
    "effective": re.compile(r"自[^。；;，,]{0,20}?起(?:施行|实施|执行|生效)|有效期至|(?:生效|施行|实施)日期"),
    "contact": re.compile(r"联系(?:单位|人|电话|方式|处室|部门)"),
    "basis": re.compile(r"(?:根据|依据|按照|参照)[^。]{0,80}《[^。]*(?:制定|如下)"),
    # the purpose a document states in its opening (为…，制定本办法)
    "purpose": re.compile(r"^\s*(?:第[一1]条\s*)?为(?:了)?[^。]{2,200}?(?:制定|制订|特制定|特制订)本(?:办法|规程|细则|规定|方案|标准)"),
    # a notice's date line under its signature (2020年4月13日, 20211220) or its 发布日期
    "issued": re.compile(rf"(?m)^\s*(?:{_N}{{4}}年{_N}{{1,2}}月{_N}{{1,3}}日|(?:19|20)\d\d(?:0[1-9]|1[0-2])[0-3]\d)\s*$"
                         r"|(?:发布|印发|成文|发文)日期"),
    # the bodies a notice is addressed to, the line before its text (各市人力资源和社会保障局，…：)
    "addressed": re.compile(r"(?m)^\s*各[^。\n\d]{2,200}(?:局|厅|委|办|部|部门|单位|机构|组织|院|校|会|中心|企业|公司|政府)[:：]\s*$"),
    # a date by which something must be done (可在2020年4月26日前…反馈)
    "until": re.compile(rf"{_N}{{4}}年{_N}{{1,2}}月{_N}{{1,3}}日(?:前|之前|以前|截止)|截止(?:日期|时间)?(?:为|到|至)"),
}


def _stated(text: str) -> list[str]:
    """How people ask for what a clause says about its own document: when it takes effect (自…起施行),
    whom to contact (联系单位), what it rests on (根据《…》), when it was issued and to whom (a notice's date
    line and its 各…： line), and by when something is due (…日前)."""
    kinds = question_words().kinds
    return [w for kind, cue in STATED.items() if cue.search(text) for w in kinds.get(kind, [])]


def _condition(cond: Condition, words: QuestionWords) -> list[str]:
    """A requirement named by its attribute's label and asked for in its dimension's words."""
    label, dimension = _labels().get(cond.attribute, (cond.attribute, "yes_no"))
    asked = words.dimensions.get(dimension, [])
    kind = words.kinds.get("condition", [])
    return [label, *(label + w for w in asked), *(label + w for w in kind)]


def _deadline(dl: Deadline, words: QuestionWords) -> list[str]:
    """A time limit named by its event and asked for in the words of its direction (提前多久, 有效期几年)."""
    asked = [*words.directions.get(dl.direction, []), *words.kinds.get("deadline", [])]
    events = [e for e in (dl.event, dl.anchor) if e and e.isprintable()][:1]
    return [*events, *(_joined(e, w) for e in events for w in asked)]


def _joined(term: str, word: str) -> str:
    """A fact's term and a question word as one phrasing, without saying a word twice (有效期 + 有效期几年)."""
    return word if word.startswith(term) else term + word


def _sanction(sanction: Sanction, words: QuestionWords) -> list[str]:
    """What befalls whom: the measures, asked as people ask (会不会被取消备案), and the kind's words."""
    measures = list(dict.fromkeys(sanction.measures))
    forms = [f.format(m) for m in measures for f in words.sanction_forms]
    return [*measures, *forms, *([sanction.qualifier] if sanction.qualifier else [])]


def _lay_words(lexicon: Lexicon, texts: dict[str, str]) -> dict[str, list[str]]:
    """Unit id -> the triggers (people's words) of the concepts whose document words its text holds,
    leaving out concepts so common they would favour every unit alike."""
    found = {u: lexicon.concepts_in(t) for u, t in texts.items()}
    counts: dict[str, int] = {}
    for names in found.values():
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    limit = COMMON_CONCEPT * max(len(texts), 1)
    return {u: [w for n in names if counts[n] <= limit for w in lexicon.concepts[n].triggers if not w.isascii()]
            for u, names in found.items()}
