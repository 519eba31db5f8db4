"""References as regulators type them resolve to the right unit, or list candidates."""

from __future__ import annotations

import pytest

from kg.errors import AmbiguousReference, UnknownDocument, UnknownUnit
from kg.models import Corpus
from kg.resolve import resolve


@pytest.mark.parametrize(
    ("ref", "unit_id"),
    [
        ("宿迁 第九条", "suqian-2022-36/art_9"),
        ("宿迁第9条", "suqian-2022-36/art_9"),
        ("宿迁 9", "suqian-2022-36/art_9"),
        ("浙江监督 第20条", "zhejiang-2022-20-jiandu/art_20"),
        ("浙江监督 第二十条第（一）项", "zhejiang-2022-20-jiandu/art_20/item_1"),
        ("吉林 四（三）", "jilin-2022-78/sec_4/item_3"),
        ("吉林 一(二)3(1)", "jilin-2022-78/sec_1/item_2/pt_3/sub_1"),
        ("江苏 三（四）", "jiangsu-2019-178/sec_3/item_4"),
        ("江苏 附件3 二 第5行", "jiangsu-2019-178/annex_3/sec_2/row_5"),
        ("宿迁 第九条第五项", "suqian-2022-36/art_9/item_5"),
        ("池州 第八条第五项", "chizhou-2024-4/art_8/pt_5"),
        ("池州 第八条 5（1）", "chizhou-2024-4/art_8/pt_5/sub_1"),
        ("宿人社通〔2022〕36号 第二条", "suqian-2022-36/art_2"),
        ("《浙江省技能人才评价机构管理办法（试行）》第十二条", "zhejiang-2022-20-jigou/art_12"),
        ("浙江机构 第２３条", "zhejiang-2022-20-jigou/art_23"),
    ],
)
def test_reference_resolves(corpus: Corpus, ref: str, unit_id: str) -> None:
    assert resolve(corpus, ref).id == unit_id  # type: ignore[union-attr]


def test_province_with_two_documents_is_ambiguous(corpus: Corpus) -> None:
    with pytest.raises(AmbiguousReference) as err:
        resolve(corpus, "浙江 第二十条")
    assert len(err.value.candidates) == 2


def test_unknown_document_suggests_the_known_ones(corpus: Corpus) -> None:
    with pytest.raises(UnknownDocument) as err:
        resolve(corpus, "上海 第一条")
    assert any("宿迁" in c for c in err.value.candidates)


def test_unknown_article_suggests_near_ones(corpus: Corpus) -> None:
    with pytest.raises(UnknownUnit) as err:
        resolve(corpus, "宿迁 第二十五条")
    assert "第二十三条" in err.value.candidates
