"""Filtering rows by attachment, number, department, section and keyword
(CLI ``rows`` and the browse view share it)."""

from __future__ import annotations

from collections.abc import Iterable

from .schema import TaskRow
from .text import normalize


def filter_rows(rows: Iterable[TaskRow], *, attachment: str | None = None,
                number: int | None = None, dept: str | None = None,
                section: str | None = None, keyword: str | None = None) -> list[TaskRow]:
    """Rows matching every given criterion. ``dept`` matches lead or cooperating
    units by substring; ``section`` and ``keyword`` match normalised text."""
    att = normalize(attachment) if attachment else None
    if att and att.isdigit():
        att = f"附件{att}"
    d = normalize(dept) if dept else None
    s = normalize(section) if section else None
    k = normalize(keyword) if keyword else None
    out = []
    for r in rows:
        # with several documents loaded a scope is led by the document's name: 附件1 still
        # finds 〔大宁市场主体任务清单 附件1 第84项〕 (and those of any document with an 附件1)
        own = r.attachment[len(r.doc):].strip() if r.doc and r.attachment.startswith(r.doc) else r.attachment
        if att and att not in (normalize(r.attachment), normalize(own)):
            continue
        if number is not None and r.number != number:
            continue
        if d and not any(d in normalize(u) for u in r.units):
            continue
        if s and s not in normalize(r.section):
            continue
        if k and k not in normalize(r.fields_text()):
            continue
        out.append(r)
    return out
