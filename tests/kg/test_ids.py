"""Fact ids come from content and place: unrelated edits keep them, a changed fact gets a new id."""

from __future__ import annotations

from pathlib import Path

from kg.extract import extract_all
from kg.facts import FactSet
from kg.graph import build_graph
from kg.parse import parse_corpus

CHIZHOU = "001_a68e68fda460f672.txt"
JILIN = "002_93686fe7d64fd8b8.txt"


def _facts_after(tmp_path: Path, corpus_dir: Path, edits: dict[str, tuple[str, str]]) -> FactSet:
    for f in corpus_dir.iterdir():
        if f.suffix in (".txt", ".yaml"):
            (tmp_path / f.name).write_bytes(f.read_bytes())
    for name, (old, new) in edits.items():
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        (tmp_path / name).write_text(text.replace(old, new), encoding="utf-8")
    return extract_all(parse_corpus(tmp_path), tmp_path)


def _ids(facts: FactSet) -> set[str]:
    trigger_links = {p for s in facts.sanctions for t in s.triggers for p in t.punishes}
    return ({f.id for f in [*facts.conditions, *facts.deadlines, *facts.sanctions, *facts.references]}
            | {t for s in facts.sanctions for t in s.escalates_to} | trigger_links)


def test_unrelated_edits_keep_every_id(tmp_path: Path, corpus_dir: Path) -> None:
    before = extract_all(parse_corpus(corpus_dir), corpus_dir)
    after = _facts_after(tmp_path, corpus_dir, {CHIZHOU: (
        "第十六条 评价机构要逐批次妥善保管评价档案资料",
        "第十六条 评价机构应指定专人负责档案管理工作。评价机构要逐批次妥善保管评价档案资料")})
    assert _ids(after) == _ids(before)
    trial = _facts_after(tmp_path, corpus_dir, {CHIZHOU: (
        "第二十条 对于日常监管中发现", "第二十条 （试行）对于日常监管中发现")})
    assert _ids(trial) == _ids(before)
    graph_ids = {n.id for n in build_graph(parse_corpus(tmp_path), trial).nodes if n.type == "Behaviour"}
    assert graph_ids == {n.id for n in build_graph(parse_corpus(corpus_dir), before).nodes if n.type == "Behaviour"}


def test_a_changed_fact_gets_a_new_id_and_only_it(tmp_path: Path, corpus_dir: Path) -> None:
    before = extract_all(parse_corpus(corpus_dir), corpus_dir)
    after = _facts_after(tmp_path, corpus_dir, {JILIN: ("场地1000平方米以上", "场地800平方米以上")})
    gone, new = _ids(before) - _ids(after), _ids(after) - _ids(before)
    assert len(gone) == 1 and len(new) == 1
    [old_id], [new_id] = gone, new
    assert old_id.startswith("condition:jilin-2022-78/sec_1/item_2/pt_3/sub_1#site_area-")
    assert new_id.startswith("condition:jilin-2022-78/sec_1/item_2/pt_3/sub_1#site_area-")
