"""Which norm a sanctioned behaviour breaks: each trigger linked to the conditions and deadlines it punishes.

Three ways, most certain first:

1. the trigger states the norm itself: a fact read inside the trigger's words (一年内无正当理由不开展评价
   活动 -> that inactivity fact);
2. the trigger names a deadline's event (未及时上报证书数据 -> 证书数据上报, 有效期满未及时申请延续 -> 延续申请):
   the deadlines of that event in the documents that bind the same place;
3. the trigger names what a condition requires (法人资格依法终止 -> legal_person, 失信 -> bad_record): the
   conditions of that attribute there.

"The documents that bind the same place" are those of the trigger's jurisdiction and of the province
above it (宿迁 reads 江苏's). Links are ids, so they are made after the facts are numbered.
"""

from __future__ import annotations

from ..facts import Condition, Deadline, Sanction, Trigger
from ..models import Corpus
from .conditions import attribute_specs
from .deadlines import EVENTS

# Words that name what a yes/no requirement is about, as a behaviour breaking it would say it.
PRESENCE_CUES: dict[str, tuple[str, ...]] = {
    "legal_person": ("法人资格",), "bad_record": ("失信", "不良行为", "不良记录"), "video_monitoring": ("视频监控",),
    "fee_published": ("收费标准",), "registered_in_jurisdiction": ("依法登记",),
}
# Event words too broad to say which deadline a behaviour breaks on their own.
LOOSE_EVENT_WORDS = {"申报", "检查", "督导", "停止", "延长", "有效期", "试点", "公示", "保存"}


def _cues() -> dict[str, tuple[str, ...]]:
    """Attribute -> words that name it in a behaviour (amount cues of three characters or more: 场地 is too loose)."""
    out = {spec.name: tuple(c for c in spec.cues if len(c) >= 3) for spec in attribute_specs() if spec.dimension != "orgs"}
    return {**{k: v for k, v in out.items() if v}, **PRESENCE_CUES}


def _binding_docs(corpus: Corpus, doc_id: str) -> set[str]:
    meta = corpus.doc(doc_id).meta
    places = {meta.jurisdiction, meta.parent_jurisdiction} - {None}
    return {d.meta.id for d in corpus.documents if d.meta.jurisdiction in places}


def _inside(trigger: Trigger, fact: Condition | Deadline) -> bool:
    t, f = trigger.provenance, fact.provenance
    return t.doc_id == f.doc_id and t.start <= f.start and f.end <= t.end


def punished(trigger: Trigger, docs: set[str], conditions: list[Condition], deadlines: list[Deadline]) -> list[str]:
    """Ids of the facts a behaviour breaks: those it states, and the norms it names (conditions and deadlines
    given as norms, i.e. not themselves read inside a behaviour)."""
    facts: list[Condition | Deadline] = [*conditions, *deadlines]
    own = [f.id for f in facts if _inside(trigger, f)]
    text = trigger.text
    events = {event for word, event in EVENTS if word in text and word not in LOOSE_EVENT_WORDS}
    named = [d.id for d in deadlines if d.event in events and d.provenance.doc_id in docs]
    attributes = {name for name, words in _cues().items() if any(w in text for w in words)}
    named += [c.id for c in conditions if c.attribute in attributes and c.provenance.doc_id in docs]
    return list(dict.fromkeys(own + named))


def link_triggers(sanctions: list[Sanction], conditions: list[Condition], deadlines: list[Deadline],
                  corpus: Corpus) -> list[Sanction]:
    """The sanctions with each trigger's `punishes` filled in (facts looked up by document, so the cost
    grows with the documents that bind a place, not with the corpus)."""
    behaviours: dict[str, list[Trigger]] = {}
    for t in (t for s in sanctions for t in s.triggers):
        behaviours.setdefault(t.provenance.doc_id, []).append(t)
    norms: dict[str, list[Condition | Deadline]] = {}
    stated: dict[str, list[Condition | Deadline]] = {}
    facts: list[Condition | Deadline] = [*conditions, *deadlines]
    for f in facts:
        doc = f.provenance.doc_id
        stated.setdefault(doc, []).append(f)
        if not any(_inside(t, f) for t in behaviours.get(doc, [])):
            norms.setdefault(doc, []).append(f)
    out = []
    binding: dict[str, set[str]] = {}
    for s in sanctions:
        docs = binding.setdefault(s.provenance.doc_id, _binding_docs(corpus, s.provenance.doc_id))
        there = [f for d in sorted(docs) for f in norms.get(d, [])]
        triggers = []
        for t in s.triggers:
            own = [f for f in stated.get(t.provenance.doc_id, []) if _inside(t, f)]
            facts = there + [f for f in own if f not in there]
            links = punished(t, docs, [f for f in facts if isinstance(f, Condition)],
                             [f for f in facts if isinstance(f, Deadline)])
            triggers.append(t.model_copy(update={"punishes": links}))
        out.append(s.model_copy(update={"triggers": triggers}))
    return out
