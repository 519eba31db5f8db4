"""Sanctions: the measures a clause imposes, the behaviours that trigger them, and the ladder.

Two shapes occur. A lead sentence with the measures introduces a list of behaviours ("评价机构有下列
行为之一的，…取消其评价资格…" then （一）…（十）): every listed item is a trigger. Or one sentence
names behaviour and measure together ("出现…等现象的，第一次…不予认定并限期整改，…第二次禁止…").
Escalation edges come from the text itself: a trigger citing another article (第十九条所列情况,
再次违反第二十条) climbs from that article's sanction; 第一次 climbs to 第二次; 限期内未能完成整改
climbs from the sanction that set the 限期整改.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..facts import Sanction, Trigger
from ..models import Corpus, Document, Unit
from ..numerals import cn_to_int
from .parties import authority_in, sanctioned_in, subjects_in
from .spans import UnitText

MEASURES: list[tuple[str, str]] = [
    ("约谈", "约谈"), ("通报批评", "通报批评"), ("限期整改", "限期整改"), ("书面通知", "书面通知"),
    ("暂停评价", "暂停评价活动"), ("不予认定", "评价结果不予认定"), ("驳回", "评价结果不予认定"),
    ("无效", "证书或成绩无效"), ("视同自行退出", "视同退出"), ("自动退出", "视同退出"), ("视同退出", "视同退出"),
    ("视为退出", "视同退出"), ("视为自动退出", "视同退出"),  # 考生迟到的，视为放弃考试: a rule, not an exit
    ("取消其备案", "取消备案"), ("移除机构备案", "取消备案"), ("取消其评价资格", "取消评价资格"),
    ("移出备案机构目录", "移出目录"), ("退出评价机构目录", "移出目录"), ("不再受理", "不再受理申请"),
    ("列入监管档案", "列入监管档案"), ("对社会公布", "向社会公布"), ("禁止该单位", "禁止参与评价"),
    ("停止备案办理", "停止备案办理"), ("事实说明", "事实说明"), ("注销备案", "注销备案"),
    ("通报其主管部门", "通报主管部门"), ("续期申请不予受理", "续期申请不予受理"), ("不予备案续期", "续期申请不予受理"),
    ("不予续期", "续期申请不予受理"),
    # The same measures as other documents of the genre word them.
    ("责令整改", "限期整改"), ("责令改正", "限期整改"), ("限期改正", "限期整改"), ("责令限期", "限期整改"),
    ("暂停其", "暂停评价活动"), ("暂停认定", "暂停评价活动"), ("暂停开展", "暂停评价活动"),
    ("取消备案", "取消备案"), ("撤销备案", "取消备案"), ("取消评价资格", "取消评价资格"), ("取消其认定资格", "取消评价资格"),
    ("取消认定资格", "取消评价资格"), ("取消其考评", "取消评价资格"), ("取消考评", "取消评价资格"),
    ("移出", "移出目录"), ("向社会公布", "向社会公布"), ("向社会公开", "向社会公布"), ("予以公告", "向社会公布"),
    ("予以通报", "通报批评"), ("通报其所在单位", "通报主管部门"), ("收回证书", "证书或成绩无效"),
    ("撤销证书", "证书或成绩无效"), ("撤销其", "证书或成绩无效"), ("禁止参加", "禁止参与评价"),
    # a ban only with its length: 考生迟到的，不得参加考试 is a rule of the examination, not a sanction
    ("年内不得参加", "禁止参与评价"), ("年内不得参与", "禁止参与评价"), ("年内不得再参加", "禁止参与评价"),
    ("不再接受", "不再受理申请"), ("不予受理其", "不再受理申请"), ("撤销其备案", "取消备案"), ("注销其备案", "注销备案"),
    ("年内不得从事", "禁止参与评价"),
    # a referral for handling under the rules (质量督导员可提请工考办按有关规定予以处理): the measure is left to them
    ("予以处理", "依规处理"),
]
LIST_LEAD = re.compile(r"(?:下列|以下)(?:行为|情形|情况)(?:之一)?")
STEP = re.compile(r"第([一二三])次")
CITED_ARTICLE = re.compile(r"第([一二三四五六七八九十]+)条")
# Who imposes a sanction when the sentence names no authority: the documents' 人力资源社会保障部门.
DEFAULT_AUTHORITY = "auth:hrss"
QUALIFIERS = ("情节轻微", "情节严重", "限期内未能完成整改")
SourceOf = Callable[[Unit], UnitText]


def measures_in(text: str) -> list[str]:
    """The measures a sentence imposes, in the closed vocabulary, in reading order; a word inside a longer one
    found at the same place is that one's (撤销其 of 撤销其备案 revokes the filing, not a certificate)."""
    spans = [(text.find(word), text.find(word) + len(word), measure) for word, measure in MEASURES if word in text]
    kept = [(a, m) for a, b, m in spans if not any(a2 <= a and b <= b2 and (b2 - a2) > (b - a) for a2, b2, _ in spans)]
    return list(dict.fromkeys(m for _, m in sorted(kept)))


def _trigger(ut: UnitText) -> Trigger:
    return Trigger(text=ut.text, provenance=ut.provenance(0, len(ut.text)))


def _own_parties(triggers: list[Trigger]) -> list[str]:
    """Organisations a listed behaviour opens on (2.用人单位未能提供…): the sanction falls on them too."""
    found = []
    for t in triggers:
        first = re.split(r"[，,；;。]", re.sub(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）.．、]\s*)", "", t.text), maxsplit=1)[0]
        found += [a for a in subjects_in(first[:8]) if first.startswith(tuple(_aliases_of(a)))]
    return found


def _aliases_of(actor_id: str) -> list[str]:
    from .actors import taxonomy

    return next((a.aliases for a in taxonomy() if a.id == actor_id), [])


INLINE_ITEM = re.compile(r"[（(][一二三四五六七八九十]+[）)]|(?<![\d.])\d{1,2}[.．、](?!\d)")


def _unnumbered(text: str, start: int) -> list[tuple[int, int]]:
    """Behaviours listed without numbers after the lead's colon, each closed by 的 and a semicolon
    (…予以处理:拒绝提供有关情况和文件、资料的;阻挠有关人员反映情况的;…): (start, end) of each, up to the end of
    the sentence. Fewer than two such pieces are no list."""
    stop = min([i for i in (text.find(p, start) for p in "。\n") if i >= 0] or [len(text)])
    pieces, at = [], start
    for m in re.finditer(r"[；;]", text[:stop] + "；", 0):
        if m.start() < start:
            continue
        pieces.append((at, m.start()))
        at = m.end()
    closed = [(a, b) for a, b in pieces if text[a:b].strip().endswith("的")]
    return closed if len(closed) >= 2 and len(closed) >= len(pieces) - 1 else []


def _inline(unit: Unit, source: SourceOf) -> Sanction | None:
    """A list whose items stayed in the lead's paragraph (a reposted text lost its line breaks): 有下列情形之一的，
    取消其备案：（一）…；（二）…。 Every item between two marks is a behaviour."""
    ut = source(unit)
    colon = re.search(r"[：:]", ut.text)
    lead = ut.text[: colon.start()] if colon else ""
    marks = list(INLINE_ITEM.finditer(ut.text, colon.end())) if colon else []
    measures = measures_in(lead)
    if not measures or not LIST_LEAD.search(lead):
        return None
    bounds = [(m.end(), marks[i + 1].start() if i + 1 < len(marks) else len(ut.text)) for i, m in enumerate(marks)]
    if len(bounds) < 2 and colon:
        bounds = _unnumbered(ut.text, colon.end())
    if len(bounds) < 2:
        return None
    triggers = []
    for start, end in bounds:
        words = ut.text[start: end].rstrip("；;。 \n")
        if words:
            triggers.append(Trigger(text=words, provenance=ut.provenance(start, start + len(words))))
    at = LIST_LEAD.search(lead).start()  # type: ignore[union-attr]
    return Sanction(id=f"sanction:{unit.id}", measures=measures, triggers=triggers,
                    qualifier=next((q for q in QUALIFIERS if q in lead), None),
                    imposed_by=authority_in(lead) or DEFAULT_AUTHORITY, sanctioned=sanctioned_in(lead, at),
                    text=lead, provenance=ut.provenance(0, len(lead)))


def _listed(doc: Document, unit: Unit, source: SourceOf) -> Sanction | None:
    """A lead sentence with measures followed by the listed behaviours."""
    lead = unit.text.split("\n", 1)[0]
    measures = measures_in(lead)
    if not measures or not LIST_LEAD.search(lead) or not unit.children:
        return None
    ut = source(unit)
    qualifier = next((q for q in QUALIFIERS if q in lead), None)
    at = LIST_LEAD.search(lead).start()  # type: ignore[union-attr]
    triggers = [_trigger(source(doc.unit(c))) for c in unit.children]
    return Sanction(id=f"sanction:{unit.id}", measures=measures, triggers=triggers, qualifier=qualifier,
                    imposed_by=authority_in(lead) or DEFAULT_AUTHORITY,
                    sanctioned=list(dict.fromkeys(sanctioned_in(lead, at) + _own_parties(triggers))),
                    text=lead, provenance=ut.provenance(0, len(lead)))


def _stepped(unit: Unit, source: SourceOf) -> Iterator[Sanction]:
    """One sentence, several steps: 第一次…不予认定并限期整改，…第二次禁止…"""
    ut = source(unit)
    for sentence in re.finditer(r"[^。]*第一次[^。]*第二次[^。]*。?", ut.text):
        head, _, _ = sentence.group(0).partition("第一次")
        behaviours = re.split(r"、", re.sub(r"^.*?出现|等现象的，?$", "", head.rstrip("，"), flags=re.S))
        steps = list(STEP.finditer(ut.text, sentence.start(), sentence.end()))
        for i, step in enumerate(steps):
            end = steps[i + 1].start() if i + 1 < len(steps) else sentence.end()
            words = ut.text[step.start(): end]
            start = sentence.start() + head.find(behaviours[0]) if behaviours[0] in head else sentence.start()
            triggers = [Trigger(text=b, provenance=ut.provenance(ut.text.find(b, sentence.start()),
                                                                 ut.text.find(b, sentence.start()) + len(b)))
                        for b in behaviours if b and ut.text.find(b, sentence.start()) >= 0]
            yield Sanction(id=f"sanction:{unit.id}#{cn_to_int(step.group(1))}", measures=measures_in(words),
                           triggers=triggers, qualifier=step.group(0),
                           imposed_by=authority_in(sentence.group(0)) or DEFAULT_AUTHORITY,
                           sanctioned=sanctioned_in(sentence.group(0), len(head)), text=words,
                           provenance=ut.provenance(step.start(), end) if start >= 0 else ut.provenance(0, 1))


BEHAVIOUR = [re.compile(r"(?:发现|出现)([^。；，]{4,60}?)的，"), re.compile(r"对于([^。；，]{4,60})，"),
             re.compile(r"对([^。；，]{4,60}?)的(?:机构)?，"), re.compile(r"([^。；，]{4,30}?)的，视同"),
             # The genre's plain conditional: a behaviour closed by 的, then what follows (评价机构弄虚作假的，取消其备案).
             re.compile(r"^(?:第[一二三四五六七八九十百]+条\s*)?(?:凡|如|若)?([^。；，]{4,40}?)的，"),
             # The same inside a longer sentence (…进行评估,一年内未组织实施一次评价工作的,且此后两年内不再接受…):
             # a clause closed by 的, the measures in the clauses right after it.
             re.compile(r"[，,](?!情节)([^。；，,]{4,40}?)的[，,](?=[^。；]{0,40}?(?:取消|撤销|暂停|不再|不予|责令|移出|约谈|通报|"
                        r"限期|收回|禁止)(?!后))")]
ARTICLE_LABEL = re.compile(r"^第[一二三四五六七八九十百]+条\s*")


def _sentence_level(unit: Unit, source: SourceOf) -> Iterator[Sanction]:
    """Sentences naming behaviour and measure together (发现…的，停止备案办理), outside lists."""
    ut = source(unit)
    for sentence in re.finditer(r"[^。]+", ut.text):
        words = sentence.group(0)
        if "第一次" in words:
            continue
        for pattern in BEHAVIOUR:
            m = pattern.search(words)
            measures = measures_in(words[m.end(1):]) if m else []
            if m and measures and not LIST_LEAD.search(m.group(1)):  # a list's lead, its items not split
                label = ARTICLE_LABEL.match(m.group(1))
                offset = m.start(1) + (label.end() if label else 0)  # 第十一条 无正当理由…: the behaviour, not its label
                behaviour, at = words[offset: m.end(1)], sentence.start() + offset
                yield Sanction(id=f"sanction:{unit.id}@{at}", measures=measures,
                               triggers=[Trigger(text=behaviour, provenance=ut.provenance(at, at + len(behaviour)))],
                               imposed_by=authority_in(words) or DEFAULT_AUTHORITY,
                               sanctioned=sanctioned_in(words, offset), text=words,
                               provenance=ut.provenance(sentence.start(), sentence.end()))
                break


def sanctions_in(corpus: Corpus, corpus_dir: Path, known: dict[str, UnitText] | None = None) -> list[Sanction]:
    """Every sanction of the corpus, with the escalation edges between them.

    `known` holds unit texts already aligned with their source (aligning is most of the cost)."""
    found: list[Sanction] = []
    aligned = known or {}
    for doc in corpus.documents:
        path = corpus_dir / doc.meta.source_file

        def source(u: Unit, _p: Path = path) -> UnitText:
            return aligned.get(u.id) or UnitText(u, _p).unwrap()

        for unit in doc.units:
            if unit.kind in ("preamble", "closing", "chapter", "row") or (unit.kind == "section" and unit.children):
                continue
            listed = _listed(doc, unit, source) or (None if unit.children else _inline(unit, source))
            if listed:
                found.append(listed)
            elif not unit.children:
                if "第一次" in unit.text and "第二次" in unit.text:
                    found.extend(_stepped(unit, source))
                found.extend(_sentence_level(unit, source))
    return link_ladder(found, corpus)


def link_ladder(sanctions: list[Sanction], corpus: Corpus) -> list[Sanction]:
    """Add escalation edges the text states."""
    by_article = {s.provenance.unit_id: s for s in sanctions}
    edges: dict[str, list[str]] = {}
    for s in sanctions:
        doc = s.provenance.doc_id
        for t in s.triggers:
            for m in CITED_ARTICLE.finditer(t.text):
                lower = by_article.get(f"{doc}/art_{cn_to_int(m.group(1))}")
                if lower and lower.id != s.id:
                    edges.setdefault(lower.id, []).append(s.id)
            if "限期内未能完成整改" in t.text:
                for other in sanctions:
                    if other.provenance.doc_id == doc and "限期整改" in other.measures and other.id != s.id:
                        edges.setdefault(other.id, []).append(s.id)
        if s.qualifier == "第二次":
            first = [f.id for f in sanctions if f.provenance.unit_id == s.provenance.unit_id
                     and f.qualifier == "第一次"][:1] or [""]
            edges.setdefault(first[0], []).append(s.id)
    return [s.model_copy(update={"escalates_to": list(dict.fromkeys(edges.get(s.id, [])))}) for s in sanctions]
