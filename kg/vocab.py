"""The project's own RDF vocabulary: a closed namespace, so a misspelt term fails loudly.

Documents and units reuse ELI (eli:LegalResource, eli:LegalResourceSubdivision, eli:is_part_of,
eli:cites, eli:id_local, eli:date_document, eli:in_force), titles and dates Dublin Core, provenance PROV.
Only what those do not say is ours. Labels (zh, en), comments, domains and ranges are in
kg/data/vocab.ttl (`policykg export --vocab`); a test keeps the names here and there equal.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

BASE = "https://policykg.example/"
VOCAB_FILE = Path(__file__).resolve().parent / "data" / "vocab.ttl"
SHAPES_FILE = Path(__file__).resolve().parent / "data" / "shapes.ttl"


class PKG(DefinedNamespace):
    """policykg terms."""

    _fail = True
    _NS = Namespace(BASE + "vocab#")

    # classes
    Jurisdiction: URIRef  # a place with its own policy documents (宿迁市, 江苏省)
    Actor: URIRef  # a role documents name: authority, organisation type, kind of person
    Fact: URIRef  # anything extracted from a unit's words
    Condition: URIRef  # a requirement or prohibition (场地1000平方米以上)
    Deadline: URIRef  # a time limit or duration (公示不少于5个工作日)
    Sanction: URIRef  # measures imposed for behaviours (约谈, 取消评价资格)
    Behaviour: URIRef  # one trigger of a sanction (a listed item)
    Reference: URIRef  # a citation of another document or article
    CitedWork: URIRef  # a cited document that is not in the corpus
    # structure
    jurisdiction: URIRef  # document -> jurisdiction it applies in
    partOf: URIRef  # jurisdiction -> the province it belongs to
    kind: URIRef  # unit kind: article, item, point, section, row …
    label: URIRef  # customary citation label 《…》第九条
    level: URIRef  # document level: province | city
    text: URIRef  # the clean text of a unit
    sourceFile: URIRef  # the corpus file a document comes from
    # roles
    category: URIRef  # authority | organisation | person
    alias: URIRef  # a surface form of a role
    equivalentRole: URIRef  # actor -> the same role named differently elsewhere
    broaderRole: URIRef  # actor -> a wider role (技工院校 -> 院校)
    mentions: URIRef  # unit -> actor it names
    # facts
    states: URIRef  # unit -> fact it states
    appliesTo: URIRef  # fact -> actor it binds (a condition's subjects, a deadline's actor, the party sanctioned)
    quote: URIRef  # the words a fact was read from
    spanStart: URIRef  # first character offset in the source file
    spanEnd: URIRef  # offset just past the last character
    # conditions
    attribute: URIRef  # condition attribute (kg.facts.ATTRIBUTES)
    comparator: URIRef  # >=, <=, exists, absent …
    value: URIRef  # the threshold or truth value
    valueMax: URIRef  # upper end of a range
    unit: URIRef  # measure word: 平方米, 年, 人, 工作日 …
    polarity: URIRef  # required | prohibited
    scope: URIRef  # per what: 每个职业, 每级别
    lookback: URIRef  # xsd:duration a prohibition looks back over (3年内)
    # deadlines
    event: URIRef  # what a deadline is about: 公示, 计划报备 …
    amount: URIRef  # the number of a deadline
    amountMax: URIRef  # upper end of a range
    duration: URIRef  # the amount as an xsd:duration (calendar units)
    workingDays: URIRef  # the amount when counted in 工作日
    direction: URIRef  # at_least_before, within_before, within, at_least, valid_for, every, window …
    anchor: URIRef  # the event a deadline counts from
    window: URIRef  # a yearly window "3-15/3-30"
    # sanctions
    measure: URIRef  # a sanction measure (closed list in kg.facts)
    qualifier: URIRef  # 情节轻微, 第一次 …
    imposedBy: URIRef  # sanction -> the authority that imposes it
    triggeredBy: URIRef  # sanction -> behaviour
    escalatesTo: URIRef  # sanction -> the next sanction of the ladder
    punishes: URIRef  # behaviour -> the condition or deadline whose breach it is
    # references
    citedTitle: URIRef  # the title a reference names
    citedNumber: URIRef  # the 文号 a reference names


def vocabulary_text() -> str:
    """The vocabulary as Turtle (kg/data/vocab.ttl)."""
    return VOCAB_FILE.read_text(encoding="utf-8")
