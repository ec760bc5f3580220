"""An answer's Markdown: the quotes with their citations, the department lines, the
related rows under it, and the not-covered reply. Writes out what :mod:`qa.cite`
chose; decides nothing about which rows or sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ingest.schema import COOP_FIELD, TaskRow, citation

from .faithful import violations
from .intent import Intent
from .quotes import Quote
from .restated import matching_form
from .schema import Related

NOT_COVERED_OPENING = "本文件未涉及这个问题。"

RowsByKey = Mapping[tuple[str, int], TaskRow]


def cites(keys: Iterable[tuple[str, int]]) -> str:
    """The citation labels of ``keys``, run together: 〔附件1 第84项〕〔附件2 第82项〕."""
    return "".join(citation(a, n) for a, n in keys)


def answer_body(quotes: list[Quote], rows: list[TaskRow], intent: Intent) -> str:
    """The quotes, each with every row stating it, and the 牵头单位 (or 责任单位) line(s): first for a
    department question (every cited row's, with its 配合单位), else last (the top row's)."""
    # one quote per sentence, with every row that states it (rows restating each
    # other would otherwise give the same sentence twice with swapped citations)
    merged: dict[tuple[str, str], Quote] = {}
    for q_ in quotes:
        key = (q_.prefix, matching_form(q_.text))
        if key in merged:
            merged[key].keys.extend(k for k in q_.keys if k not in merged[key].keys)
        else:
            merged[key] = Quote(q_.text, list(q_.keys), q_.prefix)
    quotes = list(merged.values())

    quoted = [f"{q_.prefix}{q_.text}{cites(q_.keys)}" if q_.prefix else f"“{q_.text}”{cites(q_.keys)}"
              for q_ in quotes]
    # the department to go to: every cited row for department questions, else the top row
    dept = intent == Intent.DEPARTMENT
    # (a row whose document names only 责任单位, marking no lead, says 责任单位: TaskRow.lead_word)
    # (and each unit list under the document's own name for it: 受理部门; a 配合单位 only where
    # the row names some or its document has that column)
    groups: dict[tuple[str, tuple[str, ...], str, tuple[str, ...]], list[tuple[str, int]]] = {}
    for r in rows if dept else rows[:1]:
        if not r.lead_units and not (dept and r.coop_units):
            continue  # a row naming no unit (附则, an article, a Q&A) adds no "—" line
        coop_word = r.word(COOP_FIELD) if dept and (r.coop_units or r.has(COOP_FIELD)) else ""
        groups.setdefault((r.lead_word, r.lead_units, coop_word, r.coop_units if coop_word else ()), []
                          ).append(r.key)
    units = [f"{word}：{'、'.join(lead) or '—'}" + (f"；{coop_word}：{'、'.join(coop) or '—'}" if coop_word else "")
             + cites(keys) for (word, lead, coop_word, coop), keys in groups.items()]
    return "\n\n".join(units + quoted if dept else quoted + units)


def preview(text: str, n: int) -> str:
    """``text`` cut to about ``n`` characters for a one-line preview, never inside a figure
    (a 50000 cut after 500 would read as another number)."""
    if len(text) <= n:
        return text
    while n > 0 and re.match(r"[\d.．,，%％]", text[n]) and re.match(r"[\d.．]", text[n - 1]):
        n -= 1
    return text[:n].rstrip("，,、；;") + "…"


def snippet(rel: Related, row: TaskRow, cited: list[TaskRow], departments: Iterable[str]) -> str:
    """A related row's line: its task, cut to a readable length. A number there is
    backed by that row, whose label stands next to it; a department name must be the
    row's own (or a cited row's), else the row is shown by its section."""
    text = rel.task
    where = row.section or row.attachment_title or row.doc or "见该条"
    if violations(text, [row, *cited], departments):
        # shown by where it stands instead (a row of no section: its document's title)
        return f"（{where}）"
    if len(text) < 6:  # 不收费 under 收费标准: a few words read with their heading
        return f"{row.section}：{text}" if row.section and text else f"（{where}）"
    return text


def related_lines(related: list[Related], by_key: RowsByKey, cited: list[TaskRow],
                  departments: Iterable[str]) -> str:
    """One Markdown list line per related row: its label and :func:`snippet`."""
    return "\n".join(f"- {citation(x.attachment, x.number)} "
                     f"{snippet(x, by_key[(x.attachment, x.number)], cited, departments)}" for x in related)


def with_related(body: str, related: list[Related], by_key: RowsByKey, cited: list[TaskRow],
                 departments: Iterable[str]) -> str:
    """An answer's body with the related rows under it, if any."""
    if not related:
        return body
    return body + "\n\n**相关条目**：\n" + related_lines(related, by_key, cited, departments)


def not_covered(reason: str, related: list[Related], by_key: RowsByKey, departments: Iterable[str]) -> str:
    """The not-covered reply: the opening, why, and rows that may help."""
    body = f"{NOT_COVERED_OPENING}{reason}"
    if related:
        # each row's task line (as in an answer's related list: no number, no department)
        body += "\n\n可以看看这些条目是否有帮助：\n" + related_lines(related, by_key, [], departments)
    return body


def is_not_covered(answer_text: str) -> bool:
    """``answer_text`` is a not-covered reply (a follow-up to it has nothing to reuse)."""
    return answer_text.lstrip().startswith(NOT_COVERED_OPENING)


def read_as_note(fixes: Iterable[tuple[str, str]]) -> str:
    """The line telling how a slip of the same sound was read (营叶执照 → 营业执照)."""
    return "（" + "；".join(f"问题中的“{written}”按“{word}”理解" for written, word in fixes) + "。）"
