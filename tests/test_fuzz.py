"""Fuzzing the command line: whatever comes in, one line per error, a documented exit code, no traceback,
and no file half-written.

Inputs are random Unicode (lone surrogates as a shell passes undecodable bytes, controls, bidi marks,
emoji, a megabyte), random bytes on stdin, random clause references, random SPARQL built from the
language's own pieces, and random documents for `ingest` (truncated, GB18030, BOM, CRLF, mixed
encodings, binary). Commands run in-process through `main`, with stdout a strict UTF-8 stream as in
a real terminal, so text that could not be printed would show up as an error here too.

Bounded for CI (well under a minute together): examples are derandomised, so a run is reproducible;
HYPOTHESIS_PROFILE=explore runs twenty times as many, fresh ones.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from assistant.cli import main
from assistant.understand.question import MAX_CHARS

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("explore", parent=settings.get_profile("ci"), derandomize=False)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """A test's budget: n in CI, twenty times as many when exploring."""
    return n * 20 if PROFILE == "explore" else n


DOCUMENTED = {0, 1, 2, 3}
WORDS = ["外部考点", "公示期", "宿迁", "吉林", "浙江监督", "池州", "江苏", "北京", "苏州", "第九条", "第20条", "四（三）",
         "附件3", "第5行", "场地", "1200平方米", "能申请吗", "我们是吉林的行业协会", "重新开始", "为什么问这个？", "不知道",
         "是", "租的，六年", "2025年3月20日", "被约谈后又", "會怎樣", "video", "[bold]", "退出", " ", "\n", "\t"]
ODD = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200f", "\ufeff", "\x00", "\x1b[31m", "\x1b]0;x\x07", "\x7f",
       "\u0085", "\u2028", "🎉", "👨‍👩‍👧", "\udcff", "\ud800", "\udfff", "\r", "𠀀", "ｱ", "－－", "-"]
ANY_CHAR = st.characters(exclude_categories=())  # lone surrogates included: argv carries undecodable bytes as them
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.text(ANY_CHAR, max_size=4)), max_size=10).map("".join),
)
STDIN = st.one_of(
    st.binary(max_size=200),
    st.lists(st.tuples(TEXT, st.sampled_from(["utf-8", "gb18030", "utf-16", "latin-1"])), max_size=4).map(
        lambda parts: b"\n".join(t.encode(enc, "replace") for t, enc in parts)),  # raw bad bytes come from binary()
)


@pytest.fixture(scope="module", autouse=True)
def _built() -> None:
    """Index and graph built before the fuzzing, so their one-time progress lines are not counted."""
    _run(["ask", "公示期"])
    _run(["sparql", "ASK { ?s ?p ?o }"])


def _run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """`main(argv)` with stdin/stdout/stderr as a terminal's streams would be (strict UTF-8 out)."""
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", write_through=True)
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", errors="backslashreplace", write_through=True)
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(argv)
    finally:
        sys.stdin = saved
    return code, out_bytes.getvalue().decode("utf-8"), err_bytes.getvalue().decode("utf-8")


def _check(code: int, err: str, max_err_lines: int | None = 1, codes: set[int] = DOCUMENTED, out: str = "") -> None:
    event(f"exit {code}")  # --hypothesis-show-statistics shows how the examples ended
    assert code in codes, (code, err)
    assert "Traceback" not in err and "内部错误" not in err and "输出的编码" not in err, err
    lines = err.splitlines()
    assert all(line.startswith("policykg") for line in lines), err
    if max_err_lines is not None:
        assert len(lines) <= max_err_lines, err
    if code == 2:
        assert lines or '"error"' in out, "a refusal says why (on stderr, or as --json error objects)"


def _lines(data: bytes) -> int:
    """How many lines a text stream reads from the bytes at most (\r, \n and \r\n all end one)."""
    return data.count(b"\n") + data.count(b"\r") + 1


def _json_lines(out: str) -> Iterator[object]:
    for line in out.splitlines():
        yield json.loads(line)


@settings(max_examples=examples(30))
@given(question=TEXT, as_json=st.booleans())
@example(question="外部考点条件" * 170_000, as_json=True)  # a megabyte
@example(question="\udcff\udcfe公示期", as_json=True)
@example(question="\u202e件条点考部外\u202c 🎉 \x1b[2J", as_json=False)
def test_ask_any_text(question: str, as_json: bool) -> None:
    code, out, err = _run(["ask", *(["--json"] if as_json else []), "--", question])
    _check(code, err)
    if as_json and code in (0, 1) and question != "-":  # `-` alone reads questions from stdin (empty here)
        (answer,) = _json_lines(out)
        assert isinstance(answer, dict) and len(answer["question"]) <= MAX_CHARS  # read in part beyond it


@settings(max_examples=examples(25))
@given(data=STDIN, as_json=st.booleans())
@example(data=b"\x00\x01\xff\xfe\x89PNG\r\n\x1a\n", as_json=False)
def test_ask_batch_any_bytes(data: bytes, as_json: bool) -> None:
    code, out, err = _run(["ask", *(["--json"] if as_json else []), "-"], stdin=data)
    lines = _lines(data)
    _check(code, err, max_err_lines=lines, out=out if as_json else "")
    assert len(out.splitlines()) <= lines
    if as_json:
        assert all(isinstance(x, dict) for x in _json_lines(out))


@settings(max_examples=examples(20))
@given(data=STDIN)
def test_chat_any_bytes(data: bytes) -> None:
    code, out, err = _run(["chat", "--json", "--today", "2025-06-01"], stdin=data)
    _check(code, err, max_err_lines=_lines(data), codes={0, 2})
    assert all(isinstance(x, dict) for x in _json_lines(out))


REFERENCE_SOUP = st.lists(st.one_of(
    st.sampled_from(["宿迁", "浙江监督", "浙江", "吉林", "江苏", "池州", "北京", "苏州", "宿人社通〔2022〕36号", "suqian-2022-36",
                     "第", "条", "章", "项", "目", "行", "附件", "之", "（", "）", "(", ")", "、", ".", "．", " "]),
    st.integers(0, 10_000).map(str),
    st.sampled_from(["一", "二", "九", "十", "二十", "百", "零", "两", "〇", "三十七"]),
    st.text(ANY_CHAR, max_size=3),
), max_size=10).map("".join)
NUMBER = st.one_of(st.integers(0, 40).map(str), st.sampled_from(["一", "二", "三", "四", "九", "十", "十二", "二十", "两", "零"]))
REFERENCE = st.one_of(REFERENCE_SOUP, st.tuples(
    st.sampled_from(["宿迁", "浙江监督", "浙江机构", "吉林", "江苏", "池州", "北京", "苏州", "宿迁 ", "浙江 "]),
    st.lists(st.tuples(st.sampled_from(["第{}条", "第{}章", "{}、", "（{}）", "第{}项", "{}.", "附件{}", "第{}行", "({})"]),
                       NUMBER).map(lambda t: t[0].format(t[1])), min_size=0, max_size=3).map(" ".join),
).map(" ".join))


@settings(max_examples=examples(60))
@given(ref=REFERENCE, as_json=st.booleans())
@example(ref="北京 第九条", as_json=False)
@example(ref="江苏 附件3 二 第5行", as_json=True)
@example(ref="宿迁 第" + "一" * 5000 + "条", as_json=False)
def test_show_any_reference(ref: str, as_json: bool) -> None:
    code, out, err = _run(["show", *(["--json"] if as_json else []), "--", ref])
    _check(code, err)
    if as_json and code == 0:
        assert isinstance(json.loads(out), dict)


@settings(max_examples=examples(10))
@given(ref=REFERENCE)
def test_graph_show_any_reference(ref: str) -> None:
    code, _, err = _run(["graph", "show", "--", ref])
    _check(code, err)


TERM = st.sampled_from(["?s", "?p", "?o", "?x", "eli:LegalResource", "pkg:label", "rdfs:label", "zz:nope", "a",
                        "<http://127.0.0.1:9/x>", "<file:///etc/passwd>", "<urn:x>", '"宿迁"', '"\\uD800"', '"""x"""',
                        "42", "-1", "1e400", "true"])
SOUP = st.lists(st.one_of(
    st.sampled_from(["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "FILTER", "OPTIONAL", "UNION", "MINUS", "SERVICE",
                     "FROM", "NAMED", "GRAPH", "LOAD", "INSERT", "DELETE", "DATA", "LIMIT", "OFFSET", "ORDER BY", "GROUP BY",
                     "DISTINCT", "COUNT(*)", "AS", "BIND", "VALUES", "regex", "STR", "LANG", "*", "{", "}", "(", ")", ".",
                     ";", ",", "=", "<", ">", "!", "PREFIX", "BASE", "SILENT", "#"]),
    TERM, st.text(ANY_CHAR, max_size=3),
), max_size=14).map(" ".join)
PATTERN = st.tuples(st.sampled_from(["?s", "?x", "<urn:x>", "<http://127.0.0.1:9/x>"]),
                    st.sampled_from(["?p", "a", "pkg:label", "rdfs:label", "eli:is_part_of"]),
                    st.sampled_from(["?o", "?x", "eli:LegalResource", '"宿迁"', '"\\uD800"', "42", "true"])).map(" ".join)
FILTER = st.one_of(st.just(""), st.tuples(st.sampled_from(["regex(STR(?o)", "CONTAINS(STR(?s)", "STRSTARTS(STR(?p)",
                                                             "LANGMATCHES(LANG(?o)"]), TERM).map(
    lambda f: f" FILTER({f[0]}, {f[1]}))"))
TEMPLATED = st.tuples(
    st.sampled_from(["SELECT *", "SELECT DISTINCT ?s ?o", "SELECT (COUNT(*) AS ?n)", "ASK", "CONSTRUCT { ?s ?p ?o }",
                     "DESCRIBE ?s", "SELECT ?x"]),
    st.lists(PATTERN, min_size=1, max_size=3).map(" . ".join), FILTER,
    st.sampled_from(["", " LIMIT 3", " ORDER BY ?o", " OFFSET 100000", " GROUP BY ?s"]),
).map(lambda q: f"{q[0]} WHERE {{ {q[1]}{q[2]} }}{q[3]}")
SPARQL = st.one_of(SOUP, TEMPLATED, TEMPLATED)


@settings(max_examples=examples(25))
@given(query=SPARQL)
@example(query="SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
@example(query="SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
@example(query="SELECT * WHERE { " * 300)
def test_sparql_any_query(query: str) -> None:
    code, out, err = _run(["sparql", "--json", "--timeout", "1", "--limit", "5", "--", query])
    _check(code, err)
    if code in (0, 1):
        assert isinstance(json.loads(out), dict)


LINES = ["测试办法", "第一章 总则", "第一条 为了规范评价机构管理，制定本办法。", "第二条 本办法适用于本市。", "第九条",
         "第十条 场地1000平方米以上。", "一、总体要求", "（一）申报条件", "1.具有独立法人资格", "（1）视频监控", "二、", "附件1",
         "\t序号\t评估内容\t评估要求", "\t1\t场地\t1000平方米", "#", "- 1 -", "", "　", "第三条 公示期不少于5个工作日。"]
BODY = st.lists(st.one_of(st.sampled_from(LINES), st.text(st.characters(exclude_categories=("Cs",)), max_size=20)),
                max_size=25).map(lambda lines: "\n".join(["测试办法", *lines]))


@st.composite
def documents(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """(text bytes, metadata bytes): a plausible document, often damaged the ways real files are."""
    clean = draw(st.booleans())
    body = draw(BODY)
    if clean:
        body = body.replace("测试办法", "测试办法\n第一条 为了规范管理，制定本办法。", 1)
    numbering = "article" if clean else draw(st.sampled_from(["article", "outline"]))
    start = "测试办法" if clean else draw(st.sampled_from(["测试办法", "第一条", "一、", "不存在"]))
    meta = (f"documents:\n  - id: fuzz-doc\n    title: 测试办法\n    issuer: 测试局\n    jurisdiction: 测试市\n"
            f"    level: city\n    issued: 2024-01-01\n    effective: 2024-01-01\n    numbering: {numbering}\n"
            f"    body_start: \"{start}\"\n")
    if draw(st.booleans()):
        body = body.replace("\n", "\r\n")
    encodings = ["utf-8", "utf-8-sig"] if clean else ["utf-8", "utf-8-sig", "gb18030", "utf-16"]
    text = body.encode(draw(st.sampled_from(encodings)), "replace")
    damage = "none" if clean else draw(st.sampled_from(["none", "mixed", "truncated", "binary"]))
    if damage == "mixed":  # some lines in another encoding
        text += "\n第四条 混合编码的条款。".encode(draw(st.sampled_from(["gb18030", "big5", "utf-16-le"])), "replace")
    elif damage == "truncated":  # maybe inside a character
        text = text[: draw(st.integers(0, len(text)))]
    elif damage == "binary":
        text += draw(st.binary(min_size=1, max_size=40))
    meta_bytes = meta.encode("utf-8" if clean else draw(st.sampled_from(["utf-8", "gb18030"])))
    meta_damage = "none" if clean else draw(st.sampled_from(["none", "truncated", "binary"]))
    if meta_damage == "truncated":
        meta_bytes = meta_bytes[: draw(st.integers(0, len(meta_bytes)))]
    elif meta_damage == "binary":
        meta_bytes = draw(st.binary(max_size=60))
    return text, meta_bytes


@settings(max_examples=examples(60))
@given(doc=documents(), add=st.booleans())
def test_ingest_any_document(doc: tuple[bytes, bytes], add: bool, tmp_path: Path, corpus_folder: Path) -> None:
    for old in corpus_folder.iterdir():
        shutil.rmtree(old) if old.is_dir() else old.unlink()  # rules/: the drafted rule set of an added document
    source = tmp_path / "in"
    source.mkdir(exist_ok=True)
    (source / "new.txt").write_bytes(doc[0])
    (source / "new.meta.yaml").write_bytes(doc[1])
    code, out, err = _run(["ingest", str(source / "new.txt"), *(["--add"] if add else [])])
    _check(code, err, max_err_lines=None, codes={0, 2, 3})  # ingest says how it read the text, a line a note
    added = sorted(p.name for p in corpus_folder.iterdir() if p.name != "rules")
    if add and code == 0:
        assert added == ["new.meta.yaml", "new.txt"] and (corpus_folder / "new.txt").read_bytes() == doc[0]
    else:
        assert added == [], "nothing half-written"
