"""The project's own RDF vocabulary: a closed namespace, so a misspelt term fails loudly.

Documents and units reuse ELI (eli:LegalResource, eli:LegalResourceSubdivision, eli:is_part_of,
eli:id_local, eli:date_document, eli:in_force), titles and dates Dublin Core, provenance PROV.
Only what those do not say is ours.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

BASE = "https://policykg.example/"


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
    # structure
    jurisdiction: URIRef  # document -> jurisdiction it applies in
    partOf: URIRef  # jurisdiction -> the province it belongs to
    kind: URIRef  # unit kind: article, item, point, section, row …
    label: URIRef  # customary citation label 《…》第九条
    text: URIRef  # the clean text of a unit
    # facts
    states: URIRef  # unit -> fact it states
    appliesTo: URIRef  # fact -> actor it binds (a condition's subjects, a deadline's actor, the party sanctioned)
    imposedBy: URIRef  # sanction -> the authority that imposes it
    punishes: URIRef  # behaviour -> the condition or deadline whose breach it is
    mentions: URIRef  # unit -> actor it names
    attribute: URIRef  # condition attribute (kg.facts.ATTRIBUTES)
    comparator: URIRef  # >=, <=, exists, absent …
    value: URIRef  # the threshold or truth value
    unit: URIRef  # measure word: 平方米, 年, 人, 工作日 …
    polarity: URIRef  # required | prohibited
    event: URIRef  # what a deadline is about: 公示, 计划报备 …
    amount: URIRef  # the number of a deadline
    direction: URIRef  # before, within, at_least, valid_for, every, window …
    anchor: URIRef  # the event a deadline counts from
    window: URIRef  # a yearly window "3-15/3-30"
    measure: URIRef  # a sanction measure (closed list in kg.facts)
    qualifier: URIRef  # 情节轻微, 第一次 …
    triggeredBy: URIRef  # sanction -> behaviour
    escalatesTo: URIRef  # sanction -> the next sanction of the ladder
    cites: URIRef  # unit -> cited document or article
    citedTitle: URIRef  # the title a reference names
    citedNumber: URIRef  # the 文号 a reference names
    quote: URIRef  # the words a fact was read from
    spanStart: URIRef  # first character offset in the source file
    spanEnd: URIRef  # offset just past the last character
    sourceFile: URIRef  # the corpus file a document comes from
    equivalentRole: URIRef  # actor -> the same role named differently elsewhere
    broaderRole: URIRef  # actor -> a wider role (技工院校 -> 院校)
    category: URIRef  # authority | organisation | person
