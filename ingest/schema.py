"""The row schema: one source of truth for task rows, measures and citation labels.

Every other package imports these records; nothing else defines how a row or a
citation looks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .headings import cn_number as _cn_number
from .headings import to_cn as _to_cn
from .qanda import asks_first

# The one label grammar: ``[scope ]第N项`` for a numbered item, ``[scope ]第五条`` for an
# article (第N条 of a regulation or 若干措施, always in Chinese numerals, as written). A
# row key is ``(scope, number)``: ``scope`` is the part of the row's heading path that
# makes its number unique in its document (``附件1`` for the built-in corpus, ``二、(一)``
# where numbering restarts under each (一), empty where the numbers are unique on their
# own); an article's scope ends with the token ``条`` (``条``, ``第二章 条``,
# ``平遥若干措施 条``), so that the key alone says how the label reads. ``label`` builds
# a label and ``parse_label`` reads it; nothing else writes or reads one.
ARTICLE = "条"
LEAD_WORD, RESPONSIBLE_WORD = "牵头单位", "责任单位"
DEADLINE_WORD = "时间进度"  # the built-in corpus's time column
# a row's fields and what the built-in corpus's table calls them; a row of a document whose
# table names its columns otherwise carries its own names (TaskRow.columns)
TASK_FIELD, LEAD_FIELD, COOP_FIELD, MEASURE_FIELD, DEADLINE_FIELD, GOAL_FIELD = (
    "task", "lead", "coop", "measure", "deadline", "goal")
COLUMN_NAMES: tuple[tuple[str, str], ...] = (
    (TASK_FIELD, "主要任务"), (LEAD_FIELD, LEAD_WORD), (COOP_FIELD, "配合单位"), (MEASURE_FIELD, "落实措施"),
    (DEADLINE_FIELD, DEADLINE_WORD), (GOAL_FIELD, "年度目标和效果"))
_CN = "零〇一二两三四五六七八九十百"
_LABEL = re.compile(rf"^\s*〔?\s*(?P<scope>[^〔〕]*?)\s*第\s*(?:(?P<number>\d+)\s*项|(?P<cn>[{_CN}]+)\s*条)\s*〕?\s*$")
# A citation inside running text: 〔附件1 第84项〕, 〔二、(一) 第3项〕, 〔第5项〕, 〔第五条〕.
CITATION_PATTERN = re.compile(rf"〔(?P<scope>[^〔〕]*?)\s*第(?:(?P<number>\d+)项|(?P<cn>[{_CN}]+)条)〕")


def article_scope(scope: str) -> str:
    """The scope of an article row whose heading path gives ``scope``: ``条``,
    ``第二章 条`` (see :func:`label`)."""
    return f"{scope} {ARTICLE}" if scope else ARTICLE


def is_article_scope(scope: str) -> bool:
    return scope == ARTICLE or scope.endswith(" " + ARTICLE)


def label(attachment: str, number: int) -> str:
    """The citation label of a row: ``附件1 第84项``; ``第3项`` when the row's number
    is unique without a scope; ``第五条`` for an article (scope ``条``).

    ``attachment`` is the row's scope (see :func:`parse_label`): numbers repeat across
    the two attachments of the built-in corpus, so there the label names the attachment.
    """
    if is_article_scope(attachment):
        scope = attachment[: -len(ARTICLE)].strip()
        return f"{scope} 第{_to_cn(number)}条" if scope else f"第{_to_cn(number)}条"
    return f"{attachment} 第{number}项" if attachment else f"第{number}项"


def citation(attachment: str, number: int) -> str:
    """The label in the document's citation brackets: ``〔附件1 第84项〕``."""
    return f"〔{label(attachment, number)}〕"


def _key(m: re.Match[str]) -> tuple[str, int] | None:
    scope = m.group("scope").strip()
    if m.group("number"):
        return scope, int(m.group("number"))
    n = _cn_number(m.group("cn"))
    return (article_scope(scope), n) if n else None


def parse_label(text: str) -> tuple[str, int] | None:
    """The row key ``(scope, number)`` a label or citation names, or None.

    >>> parse_label("〔附件1 第84项〕")
    ('附件1', 84)
    >>> parse_label("二、(一) 第3项")
    ('二、(一)', 3)
    >>> parse_label("第5项")
    ('', 5)
    >>> parse_label("〔第十二条〕")
    ('条', 12)
    """
    m = _LABEL.match(text)
    return _key(m) if m else None


def find_citations(text: str) -> list[tuple[str, int]]:
    """Every row key cited in ``text`` (〔…第N项〕, 〔…第N条〕), in order."""
    return [k for m in CITATION_PATTERN.finditer(text) if (k := _key(m))]


# a row named in a question as staff type it: 附件1 第84项, 附件1 84项, 附件一第84项,
# 附件2的第5项, a notice's one 附件 第3项; without an attachment, 第5项 (every row of
# that number, in whatever scope) and an article, 第五条
_REFERENCE = re.compile(rf"(附件)\s*(\d+|[{_CN}]+)?\s*的?\s*第?\s*(\d+|[{_CN}]+)\s*项"
                        rf"|(?<![附件\d{_CN}])第\s*(\d+|[{_CN}]+)\s*(项|条)"
                        # a section's item as its label writes it: 二、(一) 第3项, 四、 第1项
                        rf"|(?<![{_CN}])([{_CN}]+、)\s*(?:[（(]\s*([{_CN}]+)\s*[）)])?\s*的?\s*第\s*(\d+)\s*项")
ANY_SCOPE = "*"


def find_references(text: str) -> list[tuple[str, int]]:
    """The row keys a question names, in order: ``("附件1", 105)`` for "附件1 105项 讲的啥";
    ``(ANY_SCOPE, 5)`` for a bare 第5项 (the row of that number in each scope);
    ``("条", 5)`` for 第五条; ``("二、(一)", 3)`` for a section's item as labelled."""
    out = []
    for m in _REFERENCE.finditer(text):
        if m.group(6):
            out.append((m.group(6) + (f"({m.group(7)})" if m.group(7) else ""), int(m.group(8))))
            continue
        if m.group(1):
            a, n = m.group(2), m.group(3)
            att = "" if a is None else str(int(a) if a.isdigit() else _cn_number(a) or "")
            num = int(n) if n.isdigit() else _cn_number(n)
            if num and (a is None or att):
                out.append((f"附件{att}", num))
            continue
        n = m.group(4)
        num = int(n) if n.isdigit() else _cn_number(n)
        if num:
            out.append((ARTICLE if m.group(5) == "条" else ANY_SCOPE, num))
    return out


def strip_references(text: str) -> str:
    """``text`` without the row references :func:`find_references` reads."""
    return _REFERENCE.sub(" ", text)


def strip_citations(text: str) -> str:
    """``text`` without its citations, so that a label's digits are never read as the
    answer's numbers."""
    return CITATION_PATTERN.sub("", text)


class RowRef:
    """Label, citation and key of anything that names one row by ``attachment`` and
    ``number`` (a row, a chunk, a hit): defined here once."""

    attachment: str
    number: int

    @property
    def label(self) -> str:
        return label(self.attachment, self.number)

    @property
    def citation(self) -> str:
        return citation(self.attachment, self.number)

    @property
    def key(self) -> tuple[str, int]:
        return (self.attachment, self.number)


@dataclass(frozen=True)
class Measure:
    """One implementation measure (one sub-row of the table).

    ``items`` holds the numbered points of the 落实措施 cell when the cell is a
    numbered list (``1. … 2. …``), else the whole text as a single item.
    """

    text: str
    deadline: str
    goal: str
    items: tuple[str, ...] = ()
    # who carries out this measure, where the table gives each measure its own 责任单位
    # (a unit column right of the measures, the row's 牵头单位 left of them)
    units: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "deadline": self.deadline, "goal": self.goal,
                "items": list(self.items), **({"units": list(self.units)} if self.units else {})}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Measure:
        return cls(text=d["text"], deadline=d["deadline"], goal=d["goal"],
                   items=tuple(d.get("items") or (d["text"],)), units=tuple(d.get("units") or ()))

    @property
    def dated(self) -> bool:
        """The time column gives a date or a span in figures (2022年6月底, 取得证书之日起12个月内),
        not a word (持续推进, 长期)."""
        return any(ch.isdigit() for ch in self.deadline)


@dataclass(frozen=True)
class TaskRow(RowRef):
    """One numbered item of a document: a row of a task table, a numbered target or
    a measure of a policy text.

    ``attachment`` is the row's scope, the part of its heading path that makes its
    number unique (``附件1``; ``二、(一)``; empty when the numbers are unique on their
    own); ``headings`` is the full heading path inside the attachment and ``section``
    that path joined with `` / `` (for the built-in corpus, one heading:
    ``一、大幅放宽市场准入``).
    """

    attachment: str          # the scope: "附件1" / "附件2" / "二、(一)" / ""
    attachment_title: str    # 《…任务清单》 without the brackets
    section: str             # "一、大幅放宽市场准入"
    number: int
    task: str                # 主要任务 / 主要内容
    lead_units: tuple[str, ...]
    coop_units: tuple[str, ...]
    measures: tuple[Measure, ...]
    lines: tuple[int, int]   # first and last source line (1-based, inclusive)
    headings: tuple[str, ...] = ()  # ("一、支持先进制造业发展政策", "(一)扩大制造业投资")
    notes: tuple[str, ...] = ()     # what is not a field: "第一责任单位为牵头单位,下同", "牵头领导：…"
    doc: str = ""                   # its document's short name when several are loaded together
    # whether the document says who leads: False when it names only 责任单位 (（责任单位：A、B、C）)
    # and marks none of them as leading; ``lead_units`` then hold those responsible units
    lead_marked: bool = True
    # the document's own names for the row's fields, (field, name) in its order, where they
    # are not the built-in corpus's (COLUMN_NAMES): a table's header (政策名称、政策内容 /
    # 兑现标准 / 受理部门 / 兑现时限), an item's field label (完成时限：…); a table's field
    # missing here is a column the table does not have
    columns: tuple[tuple[str, str], ...] = ()

    def word(self, name: str) -> str:
        """What the document calls the field ``name`` (a COLUMN_NAMES field)."""
        return dict(self.columns).get(name) or dict(COLUMN_NAMES)[name]

    def has(self, name: str) -> bool:
        """Whether the row's document has the field ``name`` (a column of its table)."""
        return not self.columns or any(f == name for f, _ in self.columns)

    @property
    def deadline_word(self) -> str:
        """What the document calls the measures' deadlines: its own name, else 时间进度."""
        return self.word(DEADLINE_FIELD)

    @property
    def deadline_label(self) -> str:
        """The document's own name for its deadlines (兑现时限), where not 时间进度; else empty."""
        named = dict(self.columns).get(DEADLINE_FIELD, "")
        return named if named != DEADLINE_WORD else ""

    @property
    def units(self) -> tuple[str, ...]:
        return self.lead_units + self.coop_units

    @property
    def lead_word(self) -> str:
        """What the document calls ``lead_units``: its own name (受理部门), else 牵头单位, or
        责任单位 when it marks no lead."""
        return dict(self.columns).get(LEAD_FIELD) or (LEAD_WORD if self.lead_marked else RESPONSIBLE_WORD)

    @property
    def restates_title(self) -> bool:
        """The row only restates its document's title (a guide's 事项名称: 户外广告设施设置审批
        of 户外广告设施设置审批办事指南): it names the matter every row is about."""
        task = re.sub(r"\s+", "", self.task).strip("。；;")
        return len(task) >= 4 and not self.measures and task in re.sub(r"\s+", "", self.attachment_title)

    def fields_text(self) -> str:
        """All of the row's wording in one string (search, coverage, faithfulness)."""
        parts = [self.section, self.task, *self.units]
        for m in self.measures:
            parts += [m.text, m.deadline, m.goal]
        return "\n".join([*parts, *self.notes])

    def to_dict(self) -> dict[str, Any]:
        return {
            "attachment": self.attachment,
            "attachment_title": self.attachment_title,
            "number": self.number,
            "label": self.label,
            "section": self.section,
            "task": self.task,
            "lead_units": list(self.lead_units),
            "coop_units": list(self.coop_units),
            "measures": [m.to_dict() for m in self.measures],
            "lines": list(self.lines),
            "headings": list(self.headings),
            "notes": list(self.notes),
            "doc": self.doc,
            # written only when False: rows that name their lead read as they always did
            **({} if self.lead_marked else {"lead_marked": False}),
            **({"columns": [list(c) for c in self.columns]} if self.columns else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TaskRow:
        return cls(
            attachment=d["attachment"],
            attachment_title=d.get("attachment_title", ""),
            section=d["section"],
            number=int(d["number"]),
            task=d["task"],
            lead_units=tuple(d["lead_units"]),
            coop_units=tuple(d["coop_units"]),
            measures=tuple(Measure.from_dict(m) for m in d["measures"]),
            lines=tuple(d.get("lines", (0, 0))),  # type: ignore[arg-type]
            headings=tuple(d.get("headings") or ((d["section"],) if d["section"] else ())),
            notes=tuple(d.get("notes", ())),
            doc=d.get("doc", ""),
            lead_marked=bool(d.get("lead_marked", True)),
            columns=tuple((str(f), str(n)) for f, n in d.get("columns", ())),
        )


GUIDE_FIELDS = 5  # headings of one item each that make a document a guide


def guides(rows: Sequence[TaskRow]) -> frozenset[str]:
    """The documents (by short name) that are guides: five or more of their headings, and
    at least half, hold one item each (五、实施机关, 【收费标准】, 实施主体：…) — fields of the
    one matter the title names, not a list of many matters."""
    sizes: dict[str, dict[tuple[str, str], int]] = {}
    for r in rows:
        if r.section:
            under = sizes.setdefault(r.doc, {})
            under[(r.attachment, r.section)] = under.get((r.attachment, r.section), 0) + 1
    return frozenset(d for d, per in sizes.items()
                     if sum(n == 1 for n in per.values()) >= GUIDE_FIELDS
                     and 2 * sum(n == 1 for n in per.values()) >= len(per))


def one_matter(rows: Sequence[TaskRow]) -> frozenset[str]:
    """The documents (by short name) whose every item is on the one matter their title
    names: guides (its fields), and a 政策问答 whose items, at least five and at least
    half of them, are questions (问：补助标准是多少？答：… asks it of 一次性扩岗补助, the
    title's matter, which the item itself need not write)."""
    items: dict[str, list[TaskRow]] = {}
    for r in rows:
        items.setdefault(r.doc, []).append(r)
    asking = {d for d, rs in items.items()
              if (n := sum(asks_first(r.task) for r in rs)) >= GUIDE_FIELDS and 2 * n >= len(rs)}
    return guides(rows) | asking


@dataclass(frozen=True)
class Attachment:
    name: str    # "附件1"
    title: str   # "大宁县2022年市场主体倍增政策落实任务清单"


@dataclass
class Document:
    """A parsed document: its metadata from the header and one row per numbered item."""

    path: str
    title: str
    doc_number: str      # 文号
    issuer: str
    date: str
    attachments: list[Attachment]
    rows: list[TaskRow]
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""
    place: str = ""                          # the document's own place: 大宁县
    place_parents: tuple[str, ...] = ()      # the units above it: 临汾市, 山西省
    years: tuple[int, ...] = ()              # its period: the issue year and the years its rows name
    term: tuple[int, ...] = ()               # the years every row covers: issue year, 有效期, 2023—2025年 in the title
    shape: str = ""          # how it was read: "table", "cells" (one cell per line) or "outline"
    subject: str = ""        # what a 印发 notice issues: 立山区政府2023年重点工作任务分解和责任分工方案
    body_line: int = 0       # the body's first line (1-based): the first table line or numbered item
    name: str = ""           # short name in citations when several documents are loaded (ingest.library)
    parts: tuple[Document, ...] = ()  # the documents loaded together into this one (ingest.library.combine)

    @property
    def places(self) -> tuple[str, ...]:
        """Every place in scope: the document's own and its parents."""
        return ((self.place,) if self.place else ()) + self.place_parents

    def row(self, attachment: str, number: int) -> TaskRow | None:
        for r in self.rows:
            if r.attachment == attachment and r.number == number:
                return r
        return None

    def meta_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "title": self.title, "doc_number": self.doc_number,
            "issuer": self.issuer, "date": self.date, "sha256": self.sha256,
            "place": self.place, "place_parents": list(self.place_parents), "years": list(self.years),
            "term": list(self.term),
            "shape": self.shape, "subject": self.subject, "name": self.name,
            "attachments": [{"name": a.name, "title": a.title} for a in self.attachments],
            "rows": len(self.rows),
        }
