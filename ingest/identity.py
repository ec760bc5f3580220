"""Row identity: every numbered item of every shape becomes a row keyed by
``(scope, number)``, where the scope is the shortest part of its heading path that
makes the numbers unique in the document.

The built-in corpus numbers each attachment from 1, so its scope is the attachment
(``附件1`` + 84 → 〔附件1 第84项〕). A measure text numbering 1. 2. afresh under each
(一) gets ``二、(一)``; a list numbered straight through gets no scope (〔第5项〕). The
depth is chosen once per document: the smallest at which no more numbers collide
than at the full path. A number that still repeats (a typo, a pasted row) is kept,
reported with both line numbers, and told apart as ``…（重复）``. An article
(第五条) keeps its kind in its scope (``条``, see :func:`ingest.schema.label`), so it
is cited 〔第五条〕 and its key never meets an item's 第5项.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .headings import ATTACHMENT, GROUPED, LABELLED, NAMED, scope_text, to_cn
from .notices import check
from .schema import Measure, TaskRow, article_scope, label


@dataclass(frozen=True)
class Heading:
    level: int
    number: int
    text: str        # as shown in the heading path: "一、支持先进制造业发展政策"
    scope: str = ""  # a named heading's name in labels (申请条件), where its text says more


@dataclass
class Item:
    """A numbered item as a shape reader found it, before its identity is fixed."""

    path: tuple[Heading, ...]          # attachment and headings above it, outermost first
    number: int
    first_line: int
    last_line: int = 0
    attachment_title: str = ""
    task: str = ""
    lead: list[str] = field(default_factory=list)
    coop: list[str] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    article: bool = False              # 第五条 of a regulation or 若干措施: cited 〔第五条〕
    lead_marked: bool = True           # False: ``lead`` are 责任单位, none marked as leading
    columns: tuple[tuple[str, str], ...] = ()  # the document's own field names (TaskRow.columns)


def _scope(path: tuple[Heading, ...], depth: int) -> str:
    if path and path[0].level == NAMED:
        return path[0].scope or path[0].text  # a named part is cited by its name, at any depth
    if (at := next((i for i, h in enumerate(path) if h.level == LABELLED), None)) is not None:
        # a labelled part of a heading: the headings above it, each by its marker, and its label
        return _scope(path[:at], at) + (path[at].scope or path[at].text)
    parts = [(h.scope or h.text) if h.level in (NAMED, GROUPED) else (h.scope or scope_text(h.level, h.number))
             for h in path[:depth]]
    if parts and path[0].level == ATTACHMENT and len(parts) > 1:
        return parts[0] + " " + "".join(parts[1:])
    return "".join(parts)


def _collisions(items: list[Item], depth: int) -> int:
    keys = [(it.article, _scope(it.path, depth), it.number) for it in items]
    return len(keys) - len(set(keys))


def repeats(items: list[Item]) -> int:
    """How many items repeat another's number under the same full heading path."""
    return _collisions(items, max((len(it.path) for it in items), default=0))


def scope_depth(items: list[Item]) -> int:
    """The smallest heading depth at which numbers collide no more than at full depth;
    at least the attachment where rows sit under 附件N markers (a citation always names
    its attachment, even when a document has only one)."""
    deepest = max((len(it.path) for it in items), default=0)
    floor = _collisions(items, deepest)
    numbered = [it for it in items if not (it.path and it.path[0].level == NAMED)]
    least = 1 if numbered and all(it.path and it.path[0].level == ATTACHMENT for it in numbered) else 0
    return next(d for d in range(least, deepest + 1) if _collisions(items, d) <= floor)


def to_rows(items: list[Item]) -> tuple[list[TaskRow], list[str]]:
    """Rows with their identity fixed, and a warning for every number that repeats."""
    depth = scope_depth(items)
    rows: list[TaskRow] = []
    warnings: list[str] = []
    first_seen: dict[tuple[str, int], int] = {}
    for it in items:
        base = _scope(it.path, depth)

        def kind(b: str, it: Item = it) -> str:
            return article_scope(b) if it.article else b

        scope = kind(base)
        key = (scope, it.number)
        if key in first_seen:
            n = 2
            while (kind(f"{base}（重复{'' if n == 2 else to_cn(n)}）"), it.number) in first_seen:
                n += 1
            new_scope = kind(f"{base}（重复{'' if n == 2 else to_cn(n)}）")
            warnings.append(check(f"第 {it.first_line} 行：{label(*key)} 重复出现（第一次在第 {first_seen[key]} 行），"
                                  f"两条都保留，这一条记作 {label(new_scope, it.number)}"))
            scope, key = new_scope, (new_scope, it.number)
        first_seen[key] = it.first_line
        headings = tuple(h.text for h in it.path if h.level != ATTACHMENT)
        rows.append(TaskRow(
            attachment=scope, attachment_title=it.attachment_title, section=" / ".join(headings),
            number=it.number, task=it.task, lead_units=tuple(it.lead), coop_units=tuple(it.coop),
            measures=tuple(it.measures), lines=(it.first_line, it.last_line or it.first_line),
            headings=headings, notes=tuple(dict.fromkeys(it.notes)), lead_marked=it.lead_marked,
            columns=it.columns))
    return rows, warnings
