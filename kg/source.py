"""Reading a source text whatever its encoding and script: the one reader the parser and the fact
extractors share, so a character span means the same characters everywhere.

- Encodings are tried in order: UTF-8 (a byte-order mark is kept as a character, so offsets stay those
  of the file's characters; the layout cleaner ignores it), UTF-16 with its mark, GB18030 (GBK and
  GB2312 are subsets of it). Bytes none of them reads are an error naming the encodings tried.
- 繁体 is converted to 简体 before parsing (zhconv), character by character where a phrase table would
  change the length, so every character keeps its offset: a span still points at the same place of
  the file, and its quote reads in 简体.

>>> decode("第一条".encode("gb18030"))
('第一条', 'gb18030')
>>> decode(b"\\xef\\xbb\\xbf" + "第一条".encode("utf-8"))
('\\ufeff第一条', 'utf-8')
>>> to_simplified("第一條 職業技能等級認定")
('第一条 职业技能等级认定', 5)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ParseError

ENCODINGS = ("utf-8", "utf-16", "gb18030")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a file's bytes; ParseError when no known encoding reads them."""
    for encoding in ENCODINGS:
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ParseError("", None, f"无法按 {'、'.join(ENCODINGS)} 读取；请另存为 UTF-8 后再导入")


def to_simplified(text: str) -> tuple[str, int]:
    """简体 text of the same length, and how many characters changed (0 for text already in 简体)."""
    zhconv = import_zhconv()
    if not text or _traditional_only().isdisjoint(text):
        return text, 0  # no character only 繁体 writes: nothing to convert (a mixed text, reposted half-converted, is)
    converted = zhconv.convert(text, "zh-hans")
    if len(converted) != len(text):  # a phrase changed length: convert character by character instead
        converted = "".join(c if len(c := zhconv.convert(ch, "zh-hans")) == 1 else ch for ch in text)
    return converted, sum(a != b for a, b in zip(text, converted, strict=False))


@lru_cache(maxsize=1)
def _traditional_only() -> frozenset[str]:
    """Characters only 繁体 writes (zhconv's own table): one is enough to convert, wherever it stands."""
    zhconv = import_zhconv()
    zhconv.issimp("")  # loads the tables
    return frozenset(zhconv.zhconv.zhcdicts["TRADONLY"])


@dataclass(frozen=True)
class SourceText:
    """A source file as the parser reads it, and what reading it took."""

    text: str
    encoding: str
    simplified: int  # characters converted from 繁体

    def notes(self) -> list[str]:
        """What was done to read the file, for `ingest` to say."""
        out = [] if self.encoding == "utf-8" else [f"按 {self.encoding} 编码读取"]
        if self.text.startswith("\ufeff"):
            out.append("忽略了开头的 UTF-8 字节顺序标记（BOM）")
        if self.simplified:
            out.append(f"解析前已将繁体转为简体（{self.simplified} 个字）")
        return out


def read_source(path: Path) -> SourceText:
    """A source file decoded and in 简体, read once per version of the file (mtime, size)."""
    try:
        stat = path.stat()
    except OSError as exc:
        from .errors import CorpusError

        raise CorpusError(f"{path}：无法读取（{exc.strerror}）") from exc
    return _read(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)  # one entry per source file: a 100x corpus has 500 files
def _read(path: str, _mtime: int, _size: int) -> SourceText:
    try:
        text, encoding = decode(Path(path).read_bytes())
    except ParseError as exc:
        raise ParseError(Path(path).name, None, exc.msg) from None
    text, changed = to_simplified(text)
    return SourceText(text=text, encoding=encoding, simplified=changed)


def import_zhconv() -> Any:
    """zhconv, imported without its `from pkg_resources import resource_stream` (`kg.imports`): without it
    zhconv opens its table beside its own module, the same file."""
    import sys

    from .imports import without_pkg_resources

    if "zhconv" in sys.modules:
        return sys.modules["zhconv"]
    with without_pkg_resources():
        import zhconv
    return zhconv
