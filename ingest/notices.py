"""Parse warnings and what each one is.

A reader says three different things about a document's lines, and a count must not
mix them (“有 3 处无法读入” read as lost content when two were the closing words):

- ``SKIPPED`` — text that could not be placed in any row and was left out (a table
  line of the wrong width, text before the first number, a file cut mid-row): the
  document may have lost content, so its source is worth checking;
- ``SET_ASIDE`` — text recognised as no row's and deliberately left out: the closing
  words (本意见自印发之日起施行…), the signature and date, the 版记 (抄送…);
- ``CHECK`` — everything was read, but something is worth a look: a number repeated
  or out of sequence, a date without 年月日, a cell kept as a note.

A warning is a ``str`` (its message, as listed) that also carries its ``kind``; a
plain string, as read back from an index manifest, counts as ``CHECK``.
:func:`summary` is the one line that counts them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Self

SKIPPED, SET_ASIDE, CHECK = "skipped", "set_aside", "check"


class Notice(str):
    """A parse warning: its message, and ``kind`` (``SKIPPED``, ``SET_ASIDE``, ``CHECK``)."""

    kind: str
    line: int  # the source line it is about (1-based), 0 when it names none

    def __new__(cls, text: str, kind: str, line: int = 0) -> Self:
        if kind not in (SKIPPED, SET_ASIDE, CHECK):
            raise ValueError(f"unknown warning kind: {kind}")
        self = super().__new__(cls, text)
        self.kind = kind
        self.line = line
        return self


def skipped(text: str, line: int = 0) -> Notice:
    return Notice(text, SKIPPED, line)


def set_aside(text: str) -> Notice:
    return Notice(text, SET_ASIDE)


def check(text: str) -> Notice:
    return Notice(text, CHECK)


def kind(warning: str) -> str:
    """A warning's kind; ``CHECK`` for a plain string (read back from a manifest)."""
    return getattr(warning, "kind", CHECK)


def led(warning: str, lead: str) -> Notice:
    """The same warning, of the same kind, with ``lead`` before its message (its
    document's name when several are loaded together)."""
    return Notice(f"{lead}{warning}", kind(warning), getattr(warning, "line", 0))


def summary(warnings: Sequence[str], rows: int) -> str:
    """What a document's warnings come to, each count saying what it counts:
    ``已读 9 项；1 处是已识别的结束语、落款或版记，按设计不计入条目，并非内容缺失``."""
    n = Counter(kind(w) for w in warnings)
    parts = [f"已读 {rows} 项"]
    if n[SKIPPED]:
        parts.append(f"{n[SKIPPED]} 处无法归入任何条目、未读入，请核对原文件是否完整")
    if n[SET_ASIDE]:
        parts.append(f"{n[SET_ASIDE]} 处是已识别的结束语、落款或版记，按设计不计入条目，并非内容缺失")
    if n[CHECK]:
        parts.append(f"{n[CHECK]} 处已读入，但编号、日期或记入备注的文字值得核对")
    return "；".join(parts)
