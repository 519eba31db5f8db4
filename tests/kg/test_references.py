"""Citations inside the documents: other documents, other articles, and the document's own annexes."""

from __future__ import annotations

from kg.extract import extract_all
from kg.models import Corpus


def test_a_clause_asking_for_an_annexed_form_cites_that_annex(corpus: Corpus) -> None:
    refs = extract_all(corpus).references
    annexes = {(r.provenance.unit_id, r.target_unit) for r in refs if r.target_unit and "/annex_" in r.target_unit}
    # 江苏 一（一） 提交职业技能等级认定备案表（附件2）; 一（四） 评估细则（附件3）… 评估意见表（附件4）… （附件5）
    assert ("jiangsu-2019-178/sec_1/item_1", "jiangsu-2019-178/annex_2") in annexes
    assert {("jiangsu-2019-178/sec_1/item_4", f"jiangsu-2019-178/annex_{n}") for n in (3, 4, 5)} <= annexes
    # an annex's own heading (附件2 职业技能等级认定备案表) is not a citation of itself
    assert not [a for a in annexes if a[0].startswith(a[1])]
    # 宿迁's notice says 附件：《江苏省…》 without a number: no annex of its own is cited
    assert not [a for a in annexes if a[0].startswith("suqian")]
    for r in refs:  # provenance: the characters that say it
        if r.target_unit and "/annex_" in r.target_unit:
            assert r.provenance.quote.replace(" ", "") == "附件" + r.target_unit.rsplit("_", 1)[1]
