"""Any other requirement a list of conditions states, table by table: real clauses of the national call for
社会培训评价组织 (unseen-docs3 u402), 荆州 (u401) and the shipped 浙江/吉林/池州 documents, rewritten the ways
another regulator would write them, each an item of a list of conditions in a new document.

A row that states a requirement gives one fact of its own words (`stated_requirement`) or of the named kind
that reads it; a row of an unquantified resource, a principle, a permission, a paper to submit, a list on
people or a list of refusals gives none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.facts import Condition, FactSet
from kg.models import Corpus
from kg.numerals import int_to_cn
from kg.parse import parse_corpus

# (item, attribute, value, words the quote holds)
STATED: list[tuple[str, str, bool, str]] = [
    # u402 一（一） 以人才培养服务为主要工作职责
    ("以职业技能培训和评价服务为主要工作职责的社会组织", "stated_requirement", True, "为主要工作职责"),
    # u402 一（二） 曾参与相关职业国家职业技能标准、教学大纲、教材的编制
    ("曾承担过本行业职业技能标准或培训教材的开发工作", "stated_requirement", True, "职业技能标准"),
    # u402 一（三） 能为职业技能等级认定工作提供稳定的经费保障 (the funding kind reads it)
    ("能够为评价工作提供充足的经费保障", "funding_in_place", True, "经费保障"),
    # u402 一（四） 具有完善的职业技能等级认定工作质量管控措施 / 不得以营利为最终目的
    ("建立完善的评价质量监督管控措施", "stated_requirement", True, "质量监督管控措施"),
    ("评价活动不得以盈利为主要目的", "stated_requirement", False, "盈利为主要目的"),
    # u402 一（五） 自愿接受各级人力资源社会保障部门的监督; 吉林 一（二）5
    ("愿意接受人社部门和社会各界的监督检查", "stated_requirement", True, "监督检查"),
    # 池州 第八条（三） 确保认定工作全程有记录、可追溯
    ("做到认定工作全过程留痕、可追溯", "stated_requirement", True, "全过程留痕"),
    # experience of the work the organisation has taken on (u402 一（二） 曾参与…)
    ("承担过省级以上职业技能竞赛的组织工作", "stated_requirement", True, "技能竞赛"),
    # a look-back the clause opens with: 近三年内未…
    ("近三年内未发生因评价质量问题被通报的情况", "stated_requirement", False, "因评价质量问题被通报"),
]

# Items that state no requirement of their own by the genre's conventions.
NOTHING: list[str] = [
    "具有与评价工作相适应的专职工作人员和专家队伍",  # staff without a number (u402 一（三）)
    "在申报职业领域具有较强的行业影响力",  # a quality (u402 一（二） 广泛的影响力)
    "具备开展评价工作的相应基础条件",  # u402 一（二） 具备相应的基础条件
    "把社会效益放在首位",  # a principle (u402 一（四）)
    "遵守国家法律法规，依法诚信经营",  # a principle every applicant is held to
    "对业绩突出的人员可按规定破格认定",  # a permission (池州 第九条)
    "如因故未开展认定工作的，需要提供书面说明",  # what follows from a case, a paper to submit (福建 三（一）2)
]

# (sentence, words each fact's quote holds): an organisation's duty to build something of its own (荆州 第六、七条,
# 浙江 第十五、十六条), as an article outside any list.
DUTIES: list[tuple[str, list[str]]] = [
    ("评价机构应当依照有关规定建立健全考务、证书、档案等管理制度，制定并公开服务流程。", ["考务、证书、档案等管理制度", "公开服务流程"]),
    ("评价机构须配备专职考务人员，依法与聘用人员签订劳动合同，定期组织业务培训。", ["签订劳动合同"]),
    ("评价机构应当加强考评人员管理，建立考评人员信息库。", ["建立考评人员信息库"]),
]
RUNNING = ["评价机构应当按照备案的职业（工种）开展评价活动。", "人社部门应当建立评价机构监督检查制度。"]

PEOPLE = ("申报人员应当具备下列条件：\n（一）遵守国家法律法规，具有良好的职业道德；\n"
          "（二）取得本职业四级职业技能等级证书后，从事本职业工作满3年。")
REFUSALS = "评价机构有下列情形之一的，不予备案：\n（一）有收到质量督导整改要求且未完成整改的；\n（二）不能提供场地证明的。"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, FactSet]:
    """The items as one list of conditions, the duties as articles, a list on people and a list of refusals."""
    folder = tmp_path_factory.mktemp("stated")
    items = [row[0] for row in STATED] + NOTHING
    listed = "\n".join(f"（{int_to_cn(i)}）{item}；" for i, item in enumerate(items, 1))
    articles = [f"申请备案的社会培训评价组织应当具备下列条件：\n{listed}", *[d[0] for d in DUTIES], *RUNNING, PEOPLE,
                REFUSALS]
    body = "\n".join(f"第{int_to_cn(i)}条 {a}" for i, a in enumerate(articles, 1))
    (folder / "new.txt").write_text(f"某市技能人才评价机构管理办法\n{body}\n", encoding="utf-8")
    (folder / "new.meta.yaml").write_text(
        "documents:\n  - id: new-2025-2\n    title: 某市技能人才评价机构管理办法\n    issuer: 某市人力资源和社会保障局\n"
        "    jurisdiction: 某市\n    level: city\n    issued: 2025-01-01\n    effective: 2025-01-01\n"
        "    numbering: article\n    body_start: 第一条\n", encoding="utf-8")
    corpus = parse_corpus(folder)
    return corpus, extract_all(corpus, folder)


def _in(read: tuple[Corpus, FactSet], words: str) -> list[Condition]:
    """The conditions of the unit whose text holds `words` (the most specific one)."""
    corpus, facts = read
    units = [u for u in corpus.units() if words in u.text]
    unit = max(units, key=lambda u: u.id.count("/"))
    return [c for c in facts.conditions if c.provenance.unit_id == unit.id]


@pytest.mark.parametrize(("item", "attribute", "value", "words"), STATED, ids=[row[0][:20] for row in STATED])
def test_a_requirement_of_the_list_is_read_in_its_own_words(read: tuple[Corpus, FactSet], item: str, attribute: str,
                                                           value: bool, words: str) -> None:
    found = _in(read, item)
    assert [(c.attribute, c.value) for c in found] == [(attribute, value)], [(c.attribute, c.text) for c in found]
    assert words in found[0].text
    assert found[0].polarity == ("required" if value else "prohibited")


def test_the_look_back_of_a_prohibition(read: tuple[Corpus, FactSet]) -> None:
    [fact] = _in(read, STATED[-1][0])
    assert fact.lookback is not None and (fact.lookback.amount, fact.lookback.unit) == (3, "年")


@pytest.mark.parametrize("item", NOTHING, ids=[i[:16] for i in NOTHING])
def test_resources_principles_permissions_and_papers_are_no_requirement(read: tuple[Corpus, FactSet],
                                                                         item: str) -> None:
    assert not [c for c in _in(read, item) if c.attribute == "stated_requirement"]


@pytest.mark.parametrize(("sentence", "quotes"), DUTIES, ids=[d[0][:16] for d in DUTIES])
def test_an_organisations_duty_to_build_its_own_is_a_requirement(read: tuple[Corpus, FactSet], sentence: str,
                                                                 quotes: list[str]) -> None:
    found = [c.text for c in _in(read, sentence) if c.attribute == "stated_requirement"]
    assert all(any(q in text for text in found) for q in quotes), found


@pytest.mark.parametrize("sentence", RUNNING)
def test_a_duty_of_running_the_work_or_of_an_authority_is_none(read: tuple[Corpus, FactSet], sentence: str) -> None:
    assert not [c for c in _in(read, sentence) if c.attribute == "stated_requirement"]


@pytest.mark.parametrize("words", ["遵守国家法律法规", "取得本职业四级职业技能等级证书后", "有收到质量督导整改要求"])
def test_lists_on_people_and_lists_of_refusals_give_no_stated_requirement(read: tuple[Corpus, FactSet],
                                                                         words: str) -> None:
    assert not [c for c in _in(read, words) if c.attribute == "stated_requirement"]


def test_the_national_calls_conditions_follow_its_own_clauses() -> None:
    """u402 (measured once, development since): its list of conditions gives its years, volumes and yes/no
    requirements, each on the item that states it."""
    folder = Path(__file__).resolve().parents[2] / "queries" / "unseen-docs3" / "corpus"
    corpus = parse_corpus(folder)
    facts = extract_all(corpus, folder)
    item_2 = [c for c in facts.conditions if c.provenance.unit_id == "quanguo-2020-shepingzuzhi-zhengji/sec_1/item_2"]
    got = {(c.attribute, c.value, c.scope) for c in item_2}
    assert {("evaluation_experience_years", 6.0, None), ("trainees", 50000.0, None),
            ("trainees", 10000.0, "每个职业(工种)")} <= got
    assert not any(c.attribute == "stated_requirement" and "影响力" in c.text for c in item_2)
