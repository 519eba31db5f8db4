"""Rewording check: do the facts a clause states survive the same meaning in other words?

Every gold fact with an amount is rewritten in its own unit, systematically: comparator synonyms
(不少于 / 不低于 / 至少 / 不得少于 / 达到 / … / N以上), numeral forms (5 / 五 / ５ / 1千 / 两 / 半), unit spellings
(平方米 / 平米 / ㎡ / m², 人 / 名, cm / 厘米) and word orders (场地面积不少于N平方米 / 不少于N平方米的场地 /
场地N平方米以上). The unit's text with the rewritten phrase is read again and the fact counts as kept when
the same attribute, value, unit and comparator (deadlines: event, amount, unit and direction) come out.

The wordings are the ones the extractor's word lists know (kg/extract/quantities.py), so this measures
that the extraction is general over them, not that it knows every way Chinese can say a threshold.

>>> numeral_forms(1000.0)
['1000', '一千', '１０００', '1千']
>>> numeral_forms(2.0)
['2', '二', '２', '两']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from .extract.conditions import attribute_specs, conditions_in
from .extract.deadlines import deadlines_in
from .extract.quantities import quantities_in, same_unit
from .extract.requirements import requirements_in
from .extract.spans import UnitText
from .extract.stated import stated_in
from .facts import Condition, Deadline, FactSet
from .gold import GoldSet
from .models import Corpus, Unit
from .numerals import int_to_cn

PREFIX = {">=": ["不少于", "不低于", "至少", "不小于", "不得少于", "不得小于", "达到"],
          "<=": ["不超过", "不得超过", "最多", "不多于"]}
SUFFIX = {">=": ["以上", "及以上"], "<=": ["以内", "以下"]}
SPELLINGS = {"平方米": ["平方米", "平米", "㎡", "m²"], "cm": ["cm", "厘米", "公分"], "人": ["人", "名"], "名": ["名", "人"],
             "个": ["个"], "家": ["家"], "批次": ["批次", "批"], "分": ["分"], "A": ["A级", "A"], "年": ["年", "周年"],
             "工作日": ["个工作日", "工作日"], "天": ["天", "日"], "日": ["日", "天"], "月": ["个月"],
             "人次": ["人次"], "元": ["元"], "班次": ["班次"]}
# How each deadline direction may be reworded around its amount ({gap}: a verb between comparator and number).
COMPARATOR_WORDS = {"at_least": ["不少于{gap}{n}{u}", "至少{gap}{n}{u}", "不低于{gap}{n}{u}", "不得少于{gap}{n}{u}"],
                    "within": ["{n}{u}内", "{n}{u}以内", "{n}{u}之内"],
                    "within_before": ["{n}{u}内", "{n}{u}以内"]}
PER_FACT = 48  # variants tried per fact (a fixed stride through every combination)


def numeral_forms(value: float) -> list[str]:
    """Ways to write an amount: Arabic, Chinese, full-width, mixed (1千), 两, 半."""
    if value == 0.5:
        return ["半", "0.5"]
    if not float(value).is_integer():
        return [f"{value:g}"]
    n = int(value)
    forms = [str(n), int_to_cn(n), str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))]
    if n >= 10000 and n % 10000 == 0:
        forms.append(f"{n // 10000}万")
    elif n >= 1000 and n % 1000 == 0:
        forms.append(f"{n // 1000}千")
    if n == 2:
        forms.append("两")
    return forms


def _stride(items: list[str], k: int) -> list[str]:
    """At most k items, spread evenly over the list (deterministic)."""
    if len(items) <= k:
        return items
    step = len(items) / k
    return [items[int(i * step)] for i in range(k)]


def condition_variants(fact: Condition) -> list[str]:
    """Rewordings of a numeric condition's phrase: cue × comparator × numeral × unit × word order."""
    spec = next((s for s in attribute_specs() if s.name == fact.attribute), None)
    if spec is None:
        return []  # a threshold no attribute names (kg/extract/unnamed.py) has no cue words to vary
    cue = next((c for c in spec.cues if c in fact.text), None)
    scope = fact.scope or ""
    comparator = fact.comparator if fact.comparator in PREFIX else ">="
    out = []
    for num, unit in itertools.product(numeral_forms(float(fact.value or 0)), SPELLINGS.get(fact.unit or "", [""])):
        if unit == "周年" and fact.unit == "年":
            unit = "年"
        for pre in PREFIX[comparator]:
            out.append(f"{cue or ''}{scope}{pre}{num}{unit}")
            if cue:
                out += [f"{scope}{pre}{num}{unit}的{cue}", f"{cue}{scope}应{pre}{num}{unit}",
                        f"拥有{scope}{pre}{num}{unit}的{cue}"]
        for suf in SUFFIX[comparator]:
            out.append(f"{cue or ''}{scope}{num}{unit}{suf}")
            if cue:
                out += [f"{cue}{scope}应在{num}{unit}{suf}", f"{scope}{num}{unit}{suf}的{cue}"]
    return _stride(list(dict.fromkeys(out)), PER_FACT)


MODALS = ["", "应", "须", "应当", "必须"]
MODIFIERS = ["", "健全的", "完善的", "专门的", "相应的"]
QUALITY_FORMS = ["{n}良好", "{n}较好", "{n}状况良好", "{n}情况良好", "良好的{n}", "具有良好的{n}"]


def requirement_variants(fact: Condition) -> list[str]:
    """Rewordings of a yes/no requirement of the genre (kg/data/requirements.yaml): requirement verb × modal ×
    modifier around the same object (具有规范的管理制度 → 须建立健全的规范的管理制度); a quality in its other
    forms (信用良好 → 良好的信用, 信用状况良好). Constructions keep their words and take a modal."""
    from .extract.requirements import kind_named, vocabulary

    kind = kind_named(fact.attribute)
    if kind is None:
        return []
    verbs = vocabulary()[0]
    verb = next((v for v in verbs if fact.text.startswith(v)), None)
    if verb is not None:
        obj = fact.text[len(verb):]
        out = [f"{m}{v}{mod}{obj}" for v in kind.verbs or verbs for m in MODALS for mod in MODIFIERS
               if not mod or not obj.startswith(mod)]
    elif kind.qualities:
        noun = next((q for q in kind.qualities if q in fact.text), kind.qualities[0])
        out = [f"{m}{form.format(n=noun)}" for form in QUALITY_FORMS for m in ("", "应")]
    else:
        out = [f"{m}{fact.text}" for m in MODALS]
    return _stride([o for o in dict.fromkeys(out) if o != fact.text], PER_FACT)


def deadline_variants(fact: Deadline) -> list[str]:
    """Rewordings of a deadline's amount: comparator words × numeral × unit spelling, the words around
    the amount kept (the 保存 of 至少保存5年, the 期满前 of 期满前3个月内)."""
    q = next(quantities_in(fact.text), None)
    if fact.amount is None or fact.unit is None or q is None:
        return []  # 每季度末, 在…前: no amount written
    lead, tail = fact.text[:q.start], fact.text[q.end:]
    gap = fact.text[q.start + len(q.prefix or ""): q.num_start] if q.prefix else ""
    words = COMPARATOR_WORDS.get(fact.direction, [f"{q.prefix or ''}{{n}}{{u}}{q.suffix or ''}"])
    out = [lead + w.format(n=n, u=u, gap=gap) + tail for w in words for n in numeral_forms(fact.amount)
           for u in SPELLINGS.get(fact.unit, [fact.unit])]
    return _stride(list(dict.fromkeys(out)), PER_FACT)


def _variants(fact: Condition | Deadline) -> list[str]:
    if isinstance(fact, Deadline):
        return deadline_variants(fact)
    return condition_variants(fact) if isinstance(fact.value, float) else requirement_variants(fact)


def _reread(ut: UnitText, original: str, variant: str) -> UnitText:
    """The unit with its phrase rewritten (offsets are those of the new text)."""
    return UnitText.of_text(ut.unit, ut.text.replace(original, variant, 1))


def _same_condition(a: Condition, b: Condition) -> bool:
    return (a.attribute == b.attribute and a.value == b.value and a.comparator == b.comparator
            and same_unit(a.unit, b.unit) and (a.scope or "") == (b.scope or ""))


def _same_deadline(a: Deadline, b: Deadline) -> bool:
    return a.direction == b.direction and a.amount == b.amount and same_unit(a.unit, b.unit) and a.event == b.event


class RewordReport(BaseModel):
    """How many rewordings kept their fact."""

    facts: int
    variants: int
    kept: int
    lost: list[str] = []  # "unit: variant" of each rewording that lost its fact

    @property
    def share(self) -> float:
        return self.kept / self.variants if self.variants else 0.0


def _cases(corpus: Corpus, facts: FactSet, gold: GoldSet) -> Iterator[tuple[Unit, Condition | Deadline]]:
    """The extracted facts with an amount that gold annotates (the check rewrites what is known right)."""
    from .evaluate import _same_condition as gold_condition
    from .evaluate import _same_deadline as gold_deadline
    from .evaluate import annotated_names
    from .extract.requirements import kind_named

    named = annotated_names(gold.conditions)
    for fact in facts.conditions:
        if (isinstance(fact.value, float) or kind_named(fact.attribute)) and any(
                gold_condition(fact, g, named) for g in gold.conditions):
            yield corpus.unit(fact.provenance.unit_id), fact
    for d in facts.deadlines:
        if d.amount is not None and any(gold_deadline(d, g) for g in gold.deadlines):
            yield corpus.unit(d.provenance.unit_id), d


def reword_check(corpus: Corpus, facts: FactSet, gold: GoldSet, corpus_dir: Path) -> RewordReport:
    """Rewrite every gold fact with an amount, and every yes/no requirement of the genre, in its unit and
    count the rewordings that keep it."""
    n = variants = kept = 0
    lost: list[str] = []
    for unit, fact in _cases(corpus, facts, gold):
        ut = UnitText(unit, corpus_dir / corpus.doc(unit.doc_id).meta.source_file).unwrap()  # as extraction reads it
        if fact.text not in ut.text:
            continue
        n += 1
        rewrites = _variants(fact)
        for text in rewrites:
            variants += 1
            rewritten = _reread(ut, fact.text, text)
            if isinstance(fact, Condition):
                found = [*conditions_in(rewritten), *requirements_in(rewritten, listed=True),
                         *stated_in(rewritten, listed=True)]
                held = any(_same_condition(f, fact) for f in found)
            else:
                held = any(_same_deadline(f, fact) for f in list(deadlines_in(rewritten)))
            if held:
                kept += 1
            else:
                lost.append(f"{unit.id}: {text}")
    return RewordReport(facts=n, variants=variants, kept=kept, lost=lost)

