"""A page copied with its Markdown marks: ``## 一、…`` headings, ``**（一）…**`` bold
titles, ``- `` list items, ``> 注：…`` quoted notes, ``**政策咨询**：…`` bold labels.

The marks are the page's layout, not the document's words: a heading's ``##`` and a
title's ``**`` are dropped so that the numbering under them (一、, （一）) is read as any
document's; a list item's ``- `` becomes a bullet (●), which :mod:`ingest.bullets` numbers
as the points of the heading above it; a quote's ``>`` is dropped. Only a text laid out so
is touched: a 公众号 article's bold amounts (最高**50万元**) stay as written.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s*#{1,6}\s+(\S.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*\*\*(\S.*?)\*\*\s*$")
_ITEM = re.compile(r"^\s*[-*+]\s+(\S.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_BOLD = re.compile(r"\*\*(\S[^*]*?)\*\*")
_MIN_MARKS = 3  # headings and titles so marked: a layout, not a star in passing


def unmark(lines: list[str]) -> list[str] | None:
    """The lines with the Markdown marks read as layout; None when the text is not laid
    out in Markdown (fewer than three headings or bold titles alone on their line, or no
    heading marked with #)."""
    headings = sum(1 for ln in lines if _HEADING.match(ln))
    titles = sum(1 for ln in lines if _BOLD_LINE.match(ln))
    if headings == 0 or headings + titles < _MIN_MARKS:
        return None
    out = []
    for ln in lines:
        if (m := _HEADING.match(ln)) or (m := _BOLD_LINE.match(ln)):
            ln = m.group(1)
        elif m := _ITEM.match(ln):
            ln = f"● {m.group(1)}"
        elif m := _QUOTE.match(ln):
            ln = m.group(1)
        out.append(_BOLD.sub(r"\1", ln))
    return out


__all__ = ["unmark"]
