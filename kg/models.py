"""Pydantic contracts for the corpus and its parsed structure.

These are the hand-over between stages: the parser produces `Document`s of `Unit`s, and
everything downstream (index, graph, answers) refers to a unit by its stable `id`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

UnitKind = Literal[
    "preamble",  # the notice text before the document proper
    "chapter",  # 第X章
    "article",  # 第X条
    "section",  # outline 一、
    "item",  # （一）
    "point",  # 1.
    "subpoint",  # （1）
    "annex",  # 附件N
    "annex_section",  # 一、 inside an annex
    "row",  # one row of an annex table (评估项目 / 评估内容 / 评估要求)
    "paragraph",  # 第n段 of a document without numbering (news-style prose)
    "closing",  # contacts, signature, date after the last clause
]


class DocumentMeta(BaseModel):
    """What the corpus metadata file says about one document."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    aliases: list[str] = []
    number: str | None = None
    issuer: str
    jurisdiction: str
    parent_jurisdiction: str | None = None
    level: Literal["province", "city"]
    issued: date
    issued_precision: Literal["day", "month"] = "day"
    effective: date
    end: date | None = None
    numbering: Literal["article", "outline"]
    region_start: str | None = None
    body_start: str
    body_start_occurrence: int = 1
    body_end: str | None = None
    source_file: str = ""
    source: str | None = None  # where the text was found (an address), for documents added from public pages

    @property
    def short_title(self) -> str:
        """The title without its trial marker, as people say it."""
        return self.title.replace("（试行）", "")

    def in_force(self, on: date) -> bool:
        """Whether the document was in force on a day."""
        return self.effective <= on and (self.end is None or on < self.end)


def _private(model: BaseModel, name: str) -> Any:
    """A private attribute's value read from the model's own table (None when unset). `model._name` finds it
    only after a failed class and instance lookup and pydantic's __getattr__: a tenth of a large corpus's
    build went to looking units and documents up by id that way."""
    table = model.__pydantic_private__
    return table.get(name) if table else None


class Unit(BaseModel):
    """One citable piece of a document, with where it sits in the source file."""

    model_config = ConfigDict(extra="forbid")

    id: str
    doc_id: str
    kind: UnitKind
    number: int | None = None
    marker: str = ""
    heading: str | None = None
    path: str
    label: str
    parent: str | None = None
    children: list[str] = []
    text: str
    span: tuple[int, int]
    line: int
    cells: dict[str, str] | None = None

    @property
    def depth(self) -> int:
        """How deep the unit sits below its document (article/section = 1)."""
        return self.id.count("/")


class ParseWarning(BaseModel):
    """Something the parser saw but could not place; reported by `ingest`."""

    file: str
    line: int
    message: str


class Document(BaseModel):
    """A parsed document: its metadata and its units in reading order."""

    meta: DocumentMeta
    units: list[Unit]
    warnings: list[ParseWarning] = []
    title_lines: list[str] = []  # text before the first numbered unit, read as the title
    _by_id: dict[str, Unit] = PrivateAttr(default_factory=dict)

    def unit(self, unit_id: str) -> Unit:
        """The unit with this id (KeyError if absent); indexed on first use."""
        by_id: dict[str, Unit] | None = _private(self, "_by_id")
        if not by_id:
            by_id = self._by_id = {u.id: u for u in self.units}
        return by_id[unit_id]

    def of_kind(self, *kinds: str) -> list[Unit]:
        """Units of the given kinds, in reading order."""
        return [u for u in self.units if u.kind in kinds]

    def top_level(self) -> list[Unit]:
        """Articles (article numbering), outline sections and annexes (outline numbering), or the paragraphs
        of a document without numbering."""
        kinds = ("article",) if self.meta.numbering == "article" else ("section", "annex")
        return self.of_kind(*kinds) or self.of_kind("paragraph")


class Corpus(BaseModel):
    """Every document the product knows, plus the fingerprint of the files they came from."""

    documents: list[Document]
    fingerprint: str
    folder: Path | None = Field(default=None, exclude=True)  # where its files are (not part of the cached copy)
    _by_id: dict[str, Document] = PrivateAttr(default_factory=dict)

    def require_folder(self) -> Path:
        """The folder the corpus was read from (extraction re-reads the source files for spans)."""
        if self.folder is None:
            from .errors import CorpusError

            raise CorpusError("语料没有记录来源文件夹（请用 load_corpus 或 parse_corpus 读取）")
        return self.folder

    def doc(self, doc_id: str) -> Document:
        """The document with this id (KeyError if absent); indexed on first use."""
        by_id: dict[str, Document] | None = _private(self, "_by_id")
        if not by_id:
            by_id = self._by_id = {d.meta.id: d for d in self.documents}
        return by_id[doc_id]

    def units(self) -> list[Unit]:
        """All units of all documents."""
        return [u for d in self.documents for u in d.units]

    def unit(self, unit_id: str) -> Unit:
        """Find a unit by its full id."""
        return self.doc(unit_id.split("/", 1)[0]).unit(unit_id)
