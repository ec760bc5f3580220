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

from .table import header_columns, pipe_cells
from .text import gap_cells

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


def spaced_rows_as_sentences(lines: list[str]) -> list[str]:
    """``lines`` with every table aligned with spaces inside running text — a header line
    of three cells or more, none a figure (批次  发放时间  金额（万元）), over two rows or
    more of two cells or more — written as the pipe table's sentences, one per row (第四批 |
    2024年10月1日—10月7日 | 250 | … 。): a plan's attached 安排表, which the outline reader
    took for words after the signature and set aside."""
    cells = [gap_cells(ln) for ln in lines]
    out = list(lines)
    i = 0
    while i < len(lines):
        head = cells[i]
        # (a header of short words one space apart — 补贴项目 补贴对象 补贴标准 申领时限 — over
        # rows with as many wide-spaced cells, none numbered: a table with no 序号, which the
        # task-table reader never takes, however its header words name columns)
        spaced = len(head) == 1 and _spaced_head(lines[i])
        if spaced:
            head = lines[i].split()
        if len(head) < 3 or any(re.search(r"\d", c) for c in head) or (
                not spaced and header_columns(head) is not None):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and len(cells[j]) >= 2 and not (spaced and re.match(r"\d", cells[j][0])):
            j += 1
        if j - i < 3 or not any(len(cells[k]) == len(head) for k in range(i + 1, j)):
            i += 1
            continue
        out[i] = " | ".join(head) + "："
        for k in range(i + 1, j):
            out[k] = " | ".join(cells[k]) + "。"
        i = j
    return out


def _spaced_head(line: str) -> bool:
    """Three or more short words (2–8 characters) one space apart, nothing else."""
    words = line.split()
    return len(words) >= 3 and all(2 <= len(w) <= 8 for w in words) and " ".join(words) == line.strip()


__all__ = ["pipe_rows_as_sentences", "spaced_rows_as_sentences"]
