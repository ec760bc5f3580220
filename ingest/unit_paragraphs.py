"""Tasks written as paragraphs under a heading, each closing with its units in brackets, as
a 工作要点 writes them (一、聚焦高效便捷… / 深化“高效办成一件事”改革。一是…；二是…。（责任单位：
县行政审批局、县市场监管局）): no number opens them, but each paragraph is a task of its
own, with units of its own.

Each such paragraph is numbered in place (1.深化…), restarting under each heading, so that
the outline reader reads it as any numbered item, its units its own. Read as the heading's
one text, every paragraph's units but the last were lost, and the last one's stood for all.
"""

from __future__ import annotations

import re

from .headings import L2, marker, to_cn
from .outline import units_at_end

_MIN_TASKS = 3  # paragraphs closing with their units: a layout, not one bracket in passing


def number_unit_paragraphs(lines: list[str]) -> list[str] | None:
    """The lines with each paragraph that closes with its units numbered as an item under
    its heading; None when the text has no such headings: two or more such paragraphs under
    a heading with nothing numbered, three or more in all."""
    headings = [i for i, ln in enumerate(lines) if (m := marker(ln)) is not None and m.level <= L2]
    if not headings:
        return _lost_numbers(lines)
    out, found = list(lines), 0
    for start, end in zip(headings, [*headings[1:], len(lines)], strict=True):
        body = [i for i in range(start + 1, end) if lines[i].strip()]
        if len([i for i in body if units_at_end(lines[i])]) >= 2:
            found += _number_tasks(lines, body, out, 0)
    return out if found >= _MIN_TASKS else None


def _number_tasks(lines: list[str], body: list[int], out: list[str], n: int) -> int:
    """Number in ``out`` each paragraph of ``body`` (its non-blank line indices) that opens a
    task closing with its units, counting on from ``n``; the count of the last. Nothing when
    no line closes so or a line is numbered already; the text after the last task (a
    closing word, a contact) stays as it is."""
    closing = [i for i in body if units_at_end(lines[i])]
    if not closing or any(marker(lines[i]) is not None for i in body):
        return n
    opens = True
    for i in body:
        if i > closing[-1]:
            break
        if opens:
            n += 1
            out[i] = f"{n}.{lines[i].strip()}"
        opens = i in closing
    return n


# a heading whose number the copy lost (提升政务服务效能): a short line, no sentence in it
_BARE_HEADING = re.compile(r"^[^\s。；;，,：:！!？?（()）\d]{4,20}$")


def _lost_numbers(lines: list[str]) -> list[str] | None:
    """A text whose numbering a copy from Word lost — its headings bare short lines
    (提升政务服务效能), its paragraphs opening with a bare title (优化企业开办服务。) and closing
    with their units (（责任单位：县市场监管局、县税务局）): each paragraph under a bare heading
    numbered as an item, one count through the text, and each such heading numbered in the
    order written (一、提升政务服务效能) so that it is read as one, not as text run into the
    paragraph before. None unless two bare headings each stand over such paragraphs and three
    or more close so in all."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    bare = [i for i in filled if _BARE_HEADING.match(lines[i].strip())]
    if len(bare) < 2:
        return None
    out, n, headed = list(lines), 0, 0
    for start, end in zip(bare, [*bare[1:], len(lines)], strict=True):
        counted = _number_tasks(lines, [i for i in filled if start < i < end], out, n)
        if counted > n:
            headed += 1
            out[start] = f"{to_cn(headed)}、{lines[start].strip()}"
            n = counted
    return out if headed >= 2 and n >= _MIN_TASKS else None


__all__ = ["number_unit_paragraphs"]
