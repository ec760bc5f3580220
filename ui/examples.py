"""Example questions for the chat: the built-in corpus's own, written by hand, and for
any other loaded document questions built from its rows — a task phrase of a real row
with the field that row states (its lead unit, its deadline) — so that a new user sees
questions the loaded document answers. Pure and deterministic: the same rows give the
same questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.schema import Document, TaskRow
from qa.listing import is_named_part

from .browse import is_builtin

BUILTIN = ["高企认定奖励多少", "我有实体店的营业执照，还能直接在网上卖东西吗", "规上企业有啥奖励",
           "大学生创业有补贴吗", "新办企业第一次领发票能领几份", "专精特新企业认定找哪个部门"]
PER_DOCUMENT = 2   # questions built from each other document
MAX_BUILT = 6      # at most this many built questions in all (the first documents' first)
MIN_PHRASE, MAX_PHRASE = 6, 22  # characters of a task phrase that reads as a topic

DEPARTMENT = "{phrase}由哪个部门牵头？"
DEADLINE = "{phrase}什么时候完成？"
COOPERATION = "{phrase}由哪些部门配合？"
MEASURES = "{phrase}有哪些具体措施？"
PART_LIST = "{phrase}有哪些？"   # a part named by its label (申请材料) holding several items
PART_FIELD = "{phrase}是什么？"  # one holding one (法定时限)

# a clause ends at these; a phrase is the row's first clause
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?（(]")
# what leads a clause but is not its topic: 1. （一） 一、 ①
_LEADING = re.compile(r"^\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）.．、]|[①-⑳])\s*")
_DIGIT = re.compile(r"\d")
# a clause that opens with a preposition names whom a rule is for (对新认定的高新技术企业，
# 给予…), not a task: it reads as no topic of its own
_PREPOSITION = ("对", "为", "按照", "根据", "依据", "围绕", "通过", "在")
# four digits in a row may be read as a year (设立2000万元…资金 as the year 2000)
_YEARLIKE = re.compile(r"(?<!\d)\d{4}(?!\d)")


@dataclass(frozen=True)
class Example:
    """A built question and the row it was built from (the row that answers it)."""

    question: str
    row: TaskRow


def task_phrase(row: TaskRow) -> str | None:
    """The topic of a row as a question can name it: the first clause of its task
    (推行企业开办“一网通办” of 推行企业开办“一网通办”，全流程办理时间压缩至…), or None
    when that clause is too short to name a topic or too long to read as one, opens
    with a preposition or holds a figure that reads as a year."""
    clause = _CLAUSE_END.split(_LEADING.sub("", row.task.strip()), maxsplit=1)[0].strip()
    if (not MIN_PHRASE <= len(clause) <= MAX_PHRASE or clause.startswith(_PREPOSITION)
            or clause.count("“") != clause.count("”") or _YEARLIKE.search(clause)):
        return None
    return clause


def _has_deadline(row: TaskRow, dated: bool = False) -> bool:
    """Whether a measure of ``row`` has a deadline (``dated``: one with a date in it)."""
    return any(m.deadline.strip() and (not dated or _DIGIT.search(m.deadline)) for m in row.measures)


def document_examples(doc: Document, limit: int = PER_DOCUMENT) -> list[Example]:
    """Questions one document answers, built from its rows in order, each from a row
    of its own: a guide's parts by their labels (申请材料有哪些？ 法定时限是什么？); the
    first row with a lead unit asks who leads it, the first other row
    with a deadline (a date such as 2021年6月底 before 持续推进) when it is done, then one
    with cooperating units who cooperates; what is still missing asks for the measures
    of the first rows that name a topic."""
    rows = [(r, p) for r in doc.rows if (p := task_phrase(r))]
    out: list[Example] = []
    used: set[tuple[str, int]] = set()
    # a guide's parts named by their labels (【申请材料】, 申请材料<TAB>…) are asked for by
    # them: a list first, then a field — past the first part, which names the matter
    parts: dict[str, list[TaskRow]] = {}
    for r in doc.rows:
        if is_named_part(r.attachment, r.section):
            parts.setdefault(r.section, []).append(r)
    named = list(parts.items())[1:]
    for template, pick in ((PART_LIST, lambda rs: len(rs) > 1), (PART_FIELD, lambda rs: len(rs) == 1)):
        found = next(((label, rs) for label, rs in named if pick(rs) and rs[0].key not in used), None)
        if found and len(out) < limit:
            out.append(Example(template.format(phrase=found[0]), found[1][0]))
            used.add(found[1][0].key)

    def take(template: str, found: tuple[TaskRow, str] | None) -> None:
        if found and len(out) < limit:
            row, phrase = found
            out.append(Example(template.format(phrase=phrase), row))
            used.add(row.key)

    take(DEPARTMENT, next(((r, p) for r, p in rows if r.lead_units), None))
    fresh = [(r, p) for r, p in rows if r.key not in used and _has_deadline(r)]
    take(DEADLINE, next(((r, p) for r, p in fresh if _has_deadline(r, dated=True)), None)
         or next(iter(fresh), None))
    take(COOPERATION, next(((r, p) for r, p in rows if r.key not in used and r.coop_units), None))
    for found in [(r, p) for r, p in rows if r.key not in used]:
        take(MEASURES, found)
    return out


def example_questions(docs: Sequence[Document]) -> list[str]:
    """The chat's example questions for the loaded documents: the built-in corpus's
    own when it is loaded, then those built from each other document's rows."""
    built = [e.question for d in docs if not is_builtin(d) for e in document_examples(d)][:MAX_BUILT]
    return (BUILTIN if any(is_builtin(d) for d in docs) else []) + built
