"""Which clauses a briefing cites, on topics nobody tuned the selection on (tests/data/briefs_extra*.yaml and
the topics below), each checked against what the documents say."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brief.select import Selector
from assistant.brief.topic_words import TopicWords
from assistant.evaluation.briefs import evaluate_briefs, load_topics
from assistant.search.retriever import Retriever
from assistant.workspace import Workspace
from kg.extract import extract_all
from kg.facts import FactSet
from kg.models import Corpus

DATA = Path(__file__).resolve().parents[1] / "data"
EXTRA, EXTRA_2 = DATA / "briefs_extra.yaml", DATA / "briefs_extra_2.yaml"
BRIEF = Path(__file__).resolve().parents[2] / "assistant" / "brief"


@pytest.fixture(scope="module")
def selector(corpus: Corpus, workspace: Workspace) -> Selector:
    facts: FactSet = extract_all(corpus)
    return Selector(corpus, facts, Retriever.open(workspace))


def cites(selector: Selector, topic: str, unit_id: str) -> bool:
    """Whether the briefing cites a unit, itself, an article around it or an item inside it."""
    return any(c == unit_id or unit_id.startswith(c + "/") or c.startswith(unit_id + "/")
               for c in selector.select(topic))


@pytest.mark.parametrize("gold", [EXTRA, EXTRA_2], ids=["extra", "extra_2"])
def test_extra_gold_names_only_units_of_the_corpus(corpus: Corpus, gold: Path) -> None:
    topics = load_topics(gold)
    assert len(topics) == 5
    for t in topics:
        for u in t.must + t.must_not:
            corpus.unit(u)  # raises on a unit id the corpus does not have


@pytest.mark.parametrize(("gold", "recall", "precision"), [(EXTRA, 0.93, 0.88), (EXTRA_2, 0.93, 0.9)],
                         ids=["extra", "extra_2"])
def test_topics_outside_the_development_gold_keep_recall_and_precision(selector: Selector, gold: Path,
                                                                        recall: float, precision: float) -> None:
    report = evaluate_briefs(gold, selector.select)
    assert report.recall >= recall and report.precision >= precision, [t.model_dump() for t in report.topics]


@pytest.mark.parametrize(("topic", "wanted", "unwanted"), [
    ("投诉举报", ["chizhou-2024-4/art_19", "jilin-2022-78/sec_7/item_4", "zhejiang-2022-20-jigou/art_28",
              "zhejiang-2022-20-jiandu/art_17", "jiangsu-2019-178/annex_3/sec_2/row_21"],
     ["zhejiang-2022-20-jiandu/art_24", "zhejiang-2022-20-jiandu/art_12"]),  # 陈述申辩, 双随机 are not complaints
    ("应急预案", ["zhejiang-2022-20-jigou/art_20", "jiangsu-2019-178/annex_3/sec_2/row_22",
              "jilin-2022-78/sec_1/item_2/pt_4"],
     ["jiangsu-2019-178/annex_3/sec_2/row_23", "zhejiang-2022-20-jigou/art_19"]),  # safety rules, upkeep
    ("分支机构", ["zhejiang-2022-20-jigou/art_13", "jiangsu-2019-178/sec_1/item_1", "suqian-2022-36/art_2/item_8"],
     ["zhejiang-2022-20-jigou/art_12"]),  # 增设考点 is a site, not a branch
    ("舞弊", ["zhejiang-2022-20-jiandu/art_18/item_2", "zhejiang-2022-20-jiandu/art_21/item_8"],
     ["zhejiang-2022-20-jiandu/art_18/item_4"]),
])
def test_a_topic_not_in_the_gold_gets_its_clauses(selector: Selector, topic: str, wanted: list[str],
                                                   unwanted: list[str]) -> None:
    assert [u for u in wanted if not cites(selector, topic, u)] == []
    assert [u for u in unwanted if cites(selector, topic, u)] == []


def test_a_place_answering_in_its_own_words_is_found_near_its_own_best(selector: Selector) -> None:
    # 江苏 generates the 证书号 once supervision passes; 浙江 sanctions 证书贩卖: both far below 宿迁's
    # 颁发证书 overall, each its own place's best answer on certificates
    assert cites(selector, "证书发放", "jiangsu-2019-178/sec_2/item_6")
    assert cites(selector, "证书发放", "zhejiang-2022-20-jiandu/art_21/item_4")


def test_a_place_silent_on_the_topic_adds_nothing(selector: Selector) -> None:
    # only 吉林 and 浙江 set application windows: 池州's and 江苏's best units are about something else (宿迁's
    # annual plan, which announces 评价时间 and 报名条件, is cited because people ask for it as 报名时间)
    cited = selector.select("申报时间")
    assert {"jilin-2022-78/sec_6", "zhejiang-2022-20-jigou/art_9/item_2"} <= set(cited)
    assert not [u for u in cited if u.startswith(("chizhou", "jiangsu"))]


def test_a_topic_word_is_stated_by_its_parts_only_within_one_sentence(selector: Selector) -> None:
    # 宿迁 第十条 says 年度工作计划 in one sentence and 统一考核 in another: not 年度考核
    assert not cites(selector, "年度考核", "suqian-2022-36/art_10")
    assert cites(selector, "年度考核", "zhejiang-2022-20-jiandu/art_13")


def test_each_briefing_module_has_one_job_and_fits_in_300_lines() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in BRIEF.glob("*.py")}
    assert max(sizes.values()) <= 300, sizes


def test_a_folder_of_briefing_gold_never_reads_its_reserved_splits() -> None:
    from assistant.evaluation.briefs import gold_files

    folder = Path(__file__).resolve().parents[2] / "queries" / "briefs"
    names = [p.name for p in gold_files(folder)]
    assert "dev.yaml" in names and not [n for n in names if n.startswith("final")]


def test_a_close_look_alike_naming_none_of_the_topics_concepts_is_left_out(selector: Selector) -> None:
    """收费公开 names a fee and a publicity: 宿迁's 公示备案 and 吉林's 信息公开 publish an organisation's
    details and score close to the best, but say nothing of fees and nobody asks for them as fees."""
    cited = selector.select("收费公开")
    assert "zhejiang-2022-20-jigou/art_17" in cited  # 收费标准 … 向社会公开
    assert "suqian-2022-36/art_2/item_5" in cited  # 合理确定收费标准并向社会公示
    assert "suqian-2022-36/art_7/item_4" not in cited
    assert "jilin-2022-78/sec_4/item_3/pt_3" not in cited


def test_a_close_clause_of_a_topic_naming_no_concept_stays(selector: Selector) -> None:
    """考试违纪 names no concept of the lexicon: 浙江's 违纪违规处理 item says 违纪 without 考试 and is
    its best answer."""
    assert "zhejiang-2022-20-jiandu/art_19/item_5" in selector.select("考试违纪")


def test_a_clause_naming_the_topics_concepts_in_common_words_only_is_left_out(selector: Selector) -> None:
    """考生报名条件 is about candidates: 池州's clauses on an organisation's 遴选备案 and its 备案材料 name the
    concepts of applying and conditions (申请, 条件) but no word of the topic, and are left out; the clauses
    on candidates' conditions stay."""
    cited = selector.select("考生报名条件")
    assert "zhejiang-2022-20-jiandu/art_18/item_1" in cited  # 考生资格不符合申报条件的
    assert "jiangsu-2019-178/sec_2/item_1/pt_2" in cited  # 申报条件原则上按…国家职业技能标准要求执行
    assert "chizhou-2024-4/art_7" not in cited
    assert "chizhou-2024-4/art_10" not in cited


def test_a_form_a_chosen_clause_points_to_is_cited(selector: Selector) -> None:
    # 江苏 一（四） asks for the 评估细则（附件3）, the 评估意见表（附件4） and the 评估意见（附件5）: a briefing on
    # the filing evaluation hands out those forms although their headings never say 备案评估
    chosen = selector.select("备案评估")
    assert cites(selector, "备案评估", "jiangsu-2019-178/sec_1/item_4")
    assert {"jiangsu-2019-178/annex_4", "jiangsu-2019-178/annex_5"} <= set(chosen)
    # a topic whose clauses point to no form cites none
    assert not [u for u in selector.select("公示期") if "/annex_" in u and u.count("/") == 1]


def test_a_topic_word_no_document_uses_does_not_silence_the_topic(selector: Selector) -> None:
    # 分工 is the asker's word, not the documents': the clauses on who supervises what still state the topic
    assert cites(selector, "监管职责分工", "jilin-2022-78/sec_5/item_1")
    assert cites(selector, "监管职责分工", "zhejiang-2022-20-jiandu/art_6")
    # ... while a topic of mostly unknown words is not stated by its one common word
    assert selector.select("食堂伙食管理") == []


def test_a_topic_most_clauses_state_needs_the_search_to_carry_it(selector: Selector) -> None:
    """评价等级: a third of the clauses say 评价 and 等级, so saying them is no evidence; a clause further
    down the ranking that only mentions both (池州's 双随机 supervision, its workflow of a 认定 batch) is
    left out, while the clauses on the levels themselves stay."""
    cited = selector.select("评价等级")
    assert "chizhou-2024-4/art_21" not in cited and "chizhou-2024-4/art_15" not in cited
    assert cites(selector, "评价等级", "suqian-2022-36/art_6") and cites(selector, "评价等级", "chizhou-2024-4/art_5")


def words(selector: Selector, topic: str) -> TopicWords:
    """How the briefing reads a topic."""
    query = selector.retriever.rank_units(topic, limit=1).query
    return TopicWords(query, selector.texts, selector.retriever.ws.lexicon)


def states(selector: Selector, topic: str, text: str) -> float:
    return words(selector, topic).stated(selector.texts.norm(text))


def test_how_common_a_topic_is_sets_how_far_down_its_statements_count(selector: Selector) -> None:
    rare, common = words(selector, "公示期"), words(selector, "评价等级")
    assert rare.commonness < 0.1 < 0.2 < common.commonness
    assert rare.weak_share(0.1, 0.5) == 0.1 and 0.2 < common.weak_share(0.1, 0.5) <= 0.5


def test_a_part_of_a_topic_word_is_stated_by_a_word_of_its_concept_within_the_sentence(selector: Selector) -> None:
    # 申请材料: 资料 is a word for 材料, 报名 one for 申请; each stands for its own part, beside the other part
    assert states(selector, "申请材料", "申请单位提交以下资料") >= 0.5
    assert states(selector, "申请材料", "报名须提交身份证复印件") >= 0.5
    assert states(selector, "试卷保管", "试卷应存档") >= 0.5
    # ... but a word of one part's concept never stands for the whole word (试题 is a question, not its custody)
    assert states(selector, "试卷保管", "试题由专人命制") == 0
    # ... nor does a word commoner than the part it would stand for (备案 is said of nearly every filing)
    assert states(selector, "申请材料", "备案单位提交资料") == 0


def test_a_topic_word_is_stated_by_the_askers_word_for_its_concept(selector: Selector) -> None:
    # 池州 sends 督查员 where others send 督导员: one concept, and people ask for it in either word
    assert states(selector, "督导人员", "选派督查员对关键环节进行抽查") >= 0.5


def test_a_concept_listing_the_topic_word_lends_its_words_that_share_a_telling_part(selector: Selector) -> None:
    # the lexicon lists 年度评估 beside 定期评估: a sanction on 定期评估不合格 is on the yearly evaluation
    assert states(selector, "年度评估", "（七）2年未开展评价或定期评估不合格的；") >= 0.5
    # the list of 试题保密 mixes 试题泄密 with the sanction for it (取消其评价资格), which says nothing of secrecy
    related = words(selector, "试题保密").related["试题保密"]
    assert "试题泄密" in related and "取消其评价资格" not in related
    # 督导人员 shares with 考评人员 only 人员, which a third of the clauses say
    assert "督导人员" not in words(selector, "考评人员").related["考评人员"]


def test_a_clause_on_another_kind_of_the_topics_thing_is_left_out(selector: Selector) -> None:
    # 外部质量督导 is the bureaus' supervision: 宿迁 第十五条 sets up the organisation's own (内部) supervisors and
    # 浙江 第十九条（八） sanctions failing to send them; neither says 外部, both are left out
    cited = selector.select("外部质量督导")
    assert "suqian-2022-36/art_16" in cited and "suqian-2022-36/art_18" in cited
    assert "suqian-2022-36/art_15" not in cited and "zhejiang-2022-20-jiandu/art_19/item_8" not in cited
    # a kind is told by the word's other parts after it: 市级备案 is not 省级备案, 省级备案机构 is
    assert words(selector, "省级备案").contrasted(selector.texts.norm("由市级备案机构负责"))
    assert not words(selector, "省级备案").contrasted(selector.texts.norm("省级备案机构负责，市级配合"))


def test_the_clauses_a_document_writes_about_itself_are_no_topics_own(selector: Selector) -> None:
    # purpose (制定本办法), scope (……等工作，适用本办法) and what is left to other rules (未尽事宜) name the whole
    # subject in passing: a briefing on 评价机构管理 cites none of them
    cited = selector.select("评价机构管理")
    assert not {"zhejiang-2022-20-jigou/art_1", "zhejiang-2022-20-jigou/art_3", "zhejiang-2022-20-jiandu/art_2",
                "suqian-2022-36/art_21"} & set(cited)
    # ... unless the topic asks about the document itself
    assert {"zhejiang-2022-20-jigou/art_3", "zhejiang-2022-20-jiandu/art_2"} <= set(selector.select("适用范围"))


def test_a_topic_word_said_only_inside_the_name_of_the_whole_subject_is_not_said(selector: Selector) -> None:
    # 等级 inside 职业技能等级认定, which a quarter of the clauses and more say, names the activity, not a level
    assert "职业技能等级认定" in selector.texts.carriers("等级")
    assert states(selector, "等级设置", "按规定开展职业技能等级认定工作") == 0
    assert states(selector, "等级设置", "规范设置评价等级") == 1
    # a word no name of the kind holds is said wherever it stands
    assert selector.texts.carriers("外部考点") == []


def test_a_topic_word_with_a_sense_of_its_own_is_read_through_that_sense(selector: Selector) -> None:
    # 试卷保管 is itself a trigger of the custody of papers: the concepts its parts trigger (保管 of archives,
    # 试卷 of questions) name something wider, so a clause on keeping files (妥善保管评价档案资料) does not state it
    custody = words(selector, "试卷保管")
    assert "archive" not in custody.concepts and "question_bank" not in custody.concepts
    assert states(selector, "试卷保管", "评价机构要逐批次妥善保管评价档案资料") == 0
    # ... while the stem the documents build that sense's words on (保密 of 保密责任书, 专职试题保密人员) does
    assert "保密" in custody.related["试卷保管"]
    assert states(selector, "试卷保管", "办公场所应设有办公室、保密室、证书库等。") >= 0.5
    cited = selector.select("试卷保管")
    assert {"jilin-2022-78/sec_1/item_2/pt_3/sub_2", "zhejiang-2022-20-jiandu/art_19/item_7"} <= set(cited)
    assert "chizhou-2024-4/art_16" not in cited  # 档案资料保存, the archive topic


def test_an_item_beside_a_chosen_one_and_scored_as_close_to_the_best_is_cited(selector: Selector) -> None:
    # 宿迁 第六条 lists the levels a county's organisations (一) and the city's (二) may recognise: the second
    # says 等级 only inside 职业技能等级认定, yet the search puts it next to the first
    cited = selector.select("认定等级范围")
    assert {"suqian-2022-36/art_6/item_1", "suqian-2022-36/art_6/item_2"} <= set(cited) or \
        "suqian-2022-36/art_6" in cited
    # ... but the articles of one chapter are no list: a chosen article brings no neighbour for its score
    assert "zhejiang-2022-20-jigou/art_13" not in selector.select("哪些单位可以申请成为评价机构")


def test_concepts_holding_the_stem_of_a_topic_words_sense_lend_their_kindred_words(selector: Selector) -> None:
    # the lexicon's ideas of a leak (试题泄密) and of a secrecy room (保密室) hold 保密, the stem of the custody
    # of papers: a sanction on 试题泄密 is on 试卷保管, and the sanction beside it in the same list is not
    related = words(selector, "试卷保管").related["试卷保管"]
    assert {"试题泄密", "试题发生泄露"} <= set(related) and "取消其评价资格" not in related
    assert "技能人才评价质量管理责任书" not in related  # shares 责任书 with the documents' 保密责任书 only
    cited = selector.select("试卷保管")
    assert {"zhejiang-2022-20-jiandu/art_18/item_4", "zhejiang-2022-20-jiandu/art_21/item_9"} <= set(cited)
    # a run only the documents' words share is their context, not the idea: 质量 of 质量督导人员 states no 督导
    assert "质量" not in words(selector, "督导").related["督导"]


def test_a_stem_is_a_word_the_lexicon_lists_not_two_words_edges(selector: Selector) -> None:
    # 资格不符 and 资格不够 share 格不, the edges of 资格 and 不…: no clause saying 合格不 is on candidates' eligibility
    names = words(selector, "考生资格审核").concepts["unqualified_candidates"]
    assert "格不" not in names


def test_a_concept_another_topic_word_names_stays_beside_a_words_own_sense(selector: Selector) -> None:
    # 试卷保管 leaves out the questions its part 试卷 names; 试题 beside it names them itself
    assert "question_bank" not in words(selector, "试卷保管").concepts
    assert "question_bank" in words(selector, "试卷保管 试题").concepts


def test_an_item_beside_a_chosen_one_must_itself_score_near_the_best(selector: Selector) -> None:
    # 浙江监督 第九条 lists what bureaus supervise: （四） names 监督投诉渠道 and （三） 投诉处理, both near the best for
    # 投诉举报; an item far below the best is not brought in by a chosen neighbour
    cited = selector.select("投诉举报")
    assert "zhejiang-2022-20-jiandu/art_9/item_3" in cited or "zhejiang-2022-20-jiandu/art_9" in cited
    from assistant.brief.searched import NEAR, SIBLING
    assert 0 < NEAR < SIBLING <= 1
