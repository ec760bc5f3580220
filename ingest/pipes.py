"""A Markdown pipe table inside running text — an article's 补助标准 copied from a web
page as ``| 类别 | 标准 | 上限 |`` / ``|---|---|---|`` / ``| 全日制博士研究生 | 每人每月3000元 |
累计不超过10.8万元 |``.

Each data row is read as one sentence of the item's text, its cells as the document
wrote them (全日制博士研究生 | 每人每月3000元 | 累计不超过10.8万元。): it can be quoted on
its own. The header row stays a line of its own, ending in a colon (类别 | 标准 | 上限：),
so that it opens the rows under it; the separator row goes. The outline reader had taken
the rows for numbered points and run them together with the header and the separator.
"""

from __future__ import annotations

import re

from .table import pipe_cells

_SEPARATOR = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")


def pipe_rows_as_sentences(lines: list[str]) -> list[str]:
    """``lines`` with every pipe table of two rows or more written as sentences, one per
    data row (line numbers kept: the separator becomes blank)."""
    cells = [pipe_cells(ln) for ln in lines]
    out = list(lines)
    i = 0
    while i < len(lines):
        if cells[i] is None or i + 1 >= len(lines) or cells[i + 1] is None:
            i += 1
            continue
        j = i
        while j < len(lines) and cells[j] is not None:
            j += 1
        out[i] = " | ".join(c for c in cells[i] or () if c) + "："
        for k in range(i + 1, j):
            row = [c for c in cells[k] or () if c]
            out[k] = "" if _SEPARATOR.match(lines[k]) or not row else " | ".join(row) + "。"
        i = j
    return out


__all__ = ["pipe_rows_as_sentences"]
