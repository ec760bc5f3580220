"""A table copied from a Word document with its borders drawn in box characters:
``┌──┬──┐`` over ``│序号│工作任务│责任单位│`` rows, ``├──┼──┤`` between them, a long
cell wrapping onto the next box line with the other columns empty there.

Read line by line, the bars were no cell separators and every wrapped line became a row
of its own (13 tasks read as 33 rows, a unit cut in two: 县自然 / 资源和规划局). Here the
box lines between two rules are one row: each column's pieces are joined into its cell,
and the row is written as one tab-separated line where it starts (the other lines of the
row and the rules left blank, so that every line keeps its number) — a table the table
reader (:mod:`ingest.table`) reads as any other.
"""

from __future__ import annotations

import re

from .text import join_text

_BARS = "│┃║"
# a rule: box corners, crossings and horizontal strokes only
_RULE = re.compile(r"^[┌┬┐├┼┤└┴┘┏┳┓┣╋┫┗┻┛╔╦╗╠╬╣╚╩╝╒╤╕╞╪╡╘╧╛╓╥╖╟╫╢╙╨╜─━═│┃║\s]+$")
_STROKES = re.compile(r"[─━═]")
_MIN_LINES = 3  # box lines a table needs: a header and two rows at least


def _cells(line: str) -> list[str] | None:
    """The cells of a box line (│a│b│), None for any other line."""
    s = line.strip()
    if not s or s[0] not in _BARS or sum(s.count(b) for b in _BARS) < 3:
        return None
    return [c.strip() for c in re.split(r"[│┃║]", s.strip(_BARS))]


def unbox(lines: list[str]) -> list[str] | None:
    """``lines`` with each bordered table's rows as tab-separated lines, or None when the
    text has no such table. A row ends at a rule, or where the next box line opens a cell
    of the first column (a table drawn without rules between its rows)."""
    cells = [_cells(ln) for ln in lines]
    if sum(c is not None for c in cells) < _MIN_LINES or not any(
            _RULE.match(ln.strip()) and _STROKES.search(ln) for ln in lines if ln.strip()):
        return None
    out = list(lines)
    group: list[int] = []

    def flush() -> None:
        if not group:
            return
        rows = [cells[i] or [] for i in group]
        width = max(len(r) for r in rows)
        out[group[0]] = "\t".join(join_text([r[k] for r in rows if k < len(r) and r[k]]) for k in range(width))
        for i in group[1:]:
            out[i] = ""
        group.clear()

    for i, ln in enumerate(lines):
        s = ln.strip()
        if s and _RULE.match(s) and _STROKES.search(s):
            flush()
            out[i] = ""
        elif (row := cells[i]) is not None:
            if group and row[0] and any((cells[j] or [""])[0] for j in group):
                flush()
            group.append(i)
        else:
            flush()
    flush()
    return out


__all__ = ["unbox"]
