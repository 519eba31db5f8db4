"""Errors raised by the knowledge-graph side of policykg.

The tree (catch the base class at an interface edge, never deeper)::

    PolicyKGError
    ├── UsageError             input the user can correct: an argument, a file named, a flag
    │   └── OutputError        (kg.files) a file asked for cannot be written where and how asked
    ├── CorpusError            a corpus file or its metadata is missing or malformed
    │   └── ParseError         a document's text cannot be structured (names file and line)
    ├── UnknownDocument        a document reference matches nothing ("did you mean …")
    ├── UnknownPlace           a place name nobody knows (exit 2: a typo to correct)
    ├── UncoveredPlace         a real place the corpus has no document for (exit 1: nothing found)
    ├── UnknownUnit            a unit reference matches nothing in a known document
    └── AmbiguousReference     a reference matches several documents or units

Messages say what to do next, in Chinese and on one line; interfaces print them and exit with the
class's `exit_code` (0 ok, 1 nothing found, 2 bad input, 3 corpus or index problem).
"""

from __future__ import annotations


class PolicyKGError(Exception):
    """Base of every error policykg reports to a user."""

    exit_code = 2


class UsageError(PolicyKGError):
    """Input the user can correct: a bad argument, a missing or wrong file, flags that contradict."""

    exit_code = 2


class CorpusError(PolicyKGError):
    """A corpus file or its metadata cannot be used."""

    exit_code = 3


class ParseError(CorpusError):
    """The text of a document cannot be structured; names file and line."""

    def __init__(self, file: str, line: int | None, msg: str) -> None:
        self.file, self.line, self.msg = file, line, msg
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {msg}")


class UnknownDocument(PolicyKGError):
    """No document matches a reference."""

    exit_code = 1

    def __init__(self, ref: str, candidates: list[str]) -> None:
        self.ref, self.candidates = ref, candidates
        hint = "；".join(candidates) if candidates else "用 `policykg show --list` 查看收录的文件"
        super().__init__(f"没有找到文件“{ref}”。您是否要找：{hint}")


class UnknownPlace(PolicyKGError):
    """A place name that is neither in the corpus nor in its gazetteer."""

    exit_code = 2

    def __init__(self, name: str, covered: list[str]) -> None:
        self.name, self.covered = name, covered
        super().__init__(f"不认识的地区“{name}”；语料收录的地区：{'、'.join(covered)}")


class UncoveredPlace(PolicyKGError):
    """A place the gazetteer knows (北京) that no document of the corpus is for."""

    exit_code = 1

    def __init__(self, name: str, jurisdiction: str, covered: list[str]) -> None:
        self.name, self.jurisdiction, self.covered = name, jurisdiction, covered
        super().__init__(f"语料没有收录{jurisdiction}的文件；收录的地区：{'、'.join(covered)}"
                         "（用 policykg show --list 查看文件）")


class UnknownUnit(PolicyKGError):
    """A known document has no unit matching a reference."""

    exit_code = 1

    def __init__(self, doc_title: str, ref: str, candidates: list[str]) -> None:
        self.ref, self.candidates = ref, candidates
        hint = "；".join(candidates[:8]) if candidates else "（该文件没有可引用的条款）"
        super().__init__(f"《{doc_title}》中没有“{ref}”。可用的条款例如：{hint}")


class AmbiguousReference(PolicyKGError):
    """A reference matches several documents or units."""

    exit_code = 1

    def __init__(self, ref: str, candidates: list[str]) -> None:
        self.ref, self.candidates = ref, candidates
        super().__init__(f"“{ref}”可指多个对象，请说明是哪一个：" + "；".join(candidates))
