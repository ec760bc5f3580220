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
        if att and normalize(r.attachment) != att:
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
