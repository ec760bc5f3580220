"""A table aligned with spaces: a web page's table copied as text, or a PDF's laid out
with spaces, where runs of two or more spaces (or ideographic spaces) stand between the
cells instead of tabs.

Recognised by its header line — cells mapped by header words (:func:`ingest.table.
header_columns`), 序号 first — followed by a numbered line of three cells or more (one
row is a table when a header names its columns). Its lines are re-cut into tab-separated
cells, so that the table is then read
exactly as a tab-separated one (:mod:`ingest.table`). A numbered line with too few cells
(an empty cell leaves only a wider gap; a long cell may leave a single space) is cut
also at single spaces between Chinese characters — Chinese text puts no space between
words — and its cells are placed in the header's columns by what they hold (unit lists,
deadlines, text), as a table copied one cell per line is (:func:`ingest.cells.align`).
Lines of one cell (section headings, page numbers, the notice before the table) are left
as they are.

Two habits of such tables are read as what they are: a two-character name padded to three
characters' width (周  磊, in a column of names) is one cell; and a table whose group cell
was merged down (重点任务 written on its group's first row only, each full row giving a
short title there) has rows that lack it: their cells fill the columns after it, and the
table reader gives them the title above (:func:`ingest.table.merged_cells`). A line that
ends in a wide gap ended its last cell: the indented line after it starts the next one.
"""

from __future__ import annotations

import re

from .cells import KIND_OF_FIELD, TEXT, UNITS, Cell, align, cell_kind
from .headings import marker
from .table import MEASURE, NUMBER, TASK, header_columns
from .text import CELL_GAP, display_width, gap_cells, join_text
from .wrap import continue_row

# a single space between two Chinese characters (or after 。，、；：”）): a gap between cells
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff。，、；：”）》])[ \u00a0](?=[\u4e00-\u9fff“（《])")
_NUMBER = re.compile(r"^\d{1,4}\s*[.、．]?$")
_ONE_HAN = re.compile(r"[\u4e00-\u9fff]")
_NAME_REST = re.compile(r"([\u4e00-\u9fff])(?:[ \u00a0](.+))?$")
# a title: a short cell with no sentence punctuation (重大项目攻坚, 招商引资提质)
_TITLE = re.compile(r"[^，,。；;：:、]{2,15}")
_ENDS_IN_GAP = re.compile(rf"(?:{CELL_GAP.pattern})$")


def _names_joined(cells: list[str]) -> list[str]:
    """Cells of one character each, side by side, joined: a two-character name padded to
    three characters' width (周  磊) — no column of a table holds a single character
    beside another's."""
    out: list[str] = []
    for c in cells:
        if out and _ONE_HAN.fullmatch(out[-1]) and (m := _NAME_REST.match(c)):
            # (its second character may stand a single space before the next cell: 刘  斌 县司法局)
            out[-1] += m[1]
            out += [m[2]] if m[2] else []
        else:
            out.append(c)
    return out


def _cells(line: str) -> list[str]:
    return _names_joined(gap_cells(line))


def _grouped(lines: list[str], columns: tuple[str, ...]) -> bool:
    """Whether the table's task cell was merged down over groups of rows: the header has
    a task column and a measure column, every numbered line with all its cells gives a
    short title as its task, and some numbered lines have fewer cells."""
    if TASK not in columns or MEASURE not in columns:
        return False
    numbered = [c for c in map(_cells, lines) if len(c) >= 3 and _NUMBER.match(c[0])]
    full = [c for c in numbered if len(c) == len(columns)]
    return bool(full) and len(full) < len(numbered) \
        and all(_TITLE.fullmatch(c[columns.index(TASK)]) for c in full)


def _header(lines: list[str]) -> tuple[int, tuple[str, ...]] | None:
    """The header line's index and its columns, when a numbered row follows it (one row
    is a table when a header names its columns)."""
    for i, ln in enumerate(lines):
        cells = gap_cells(ln)
        if len(cells) < 3 or (columns := header_columns(cells)) is None or columns[0] != NUMBER:
            continue
        numbered = sum(1 for x in lines[i + 1:] if len(c := gap_cells(x)) >= 3 and _NUMBER.match(c[0]))
        if numbered >= 1:
            return i, columns
    return None


def _placed(cells: list[str], columns: tuple[str, ...], line_no: int, grouped: bool = False) -> list[str]:
    """A numbered line's cells in the header's columns: as they stand when they are as
    many; else cut at single spaces between Chinese characters and placed by kind. In a
    table whose task cell was merged down (``grouped``), a line not opening with a title
    lacks it: its cells fill the columns after it."""
    if len(cells) == len(columns):
        return cells
    if grouped and len(cells) > 1 and not _TITLE.fullmatch(cells[1]):
        at = columns.index(TASK)
        rest = _placed(cells, columns[:at] + columns[at + 1:], line_no)
        return [*rest[:at], "", *rest[at:]]
    pieces = _names_joined([p for c in cells[1:] for p in _CJK_SPACE.split(c) if p])
    if len(pieces) == len(columns) - 1:
        return [cells[0], *pieces]
    fields = list(columns[1:])
    kinds = [KIND_OF_FIELD.get(f, TEXT) for f in fields]
    placed, unplaced = align([Cell(cell_kind(p)[0], [(line_no, p)]) for p in pieces], kinds)
    out = [" ".join(c.text for c in cs) if kind == UNITS else join_text([c.text for c in cs])
           for kind, cs in zip(kinds, placed, strict=True)]
    if unplaced:  # kept, in the last text column, rather than dropped
        last = max(i for i, k in enumerate(kinds) if k == TEXT)
        out[last] = join_text([out[last], *(c.text for c in unplaced)])
    return [cells[0], *out]


def to_tabs(lines: list[str]) -> list[str] | None:
    """The lines with a space-aligned table re-cut into tab-separated cells (the header
    and every line after it of two cells or more), or None when there is no such table.
    Line numbers are kept: line i of the result is line i of the text."""
    found = _header(lines)
    if found is None:
        return None
    start, columns = found
    grouped = _grouped(lines[start + 1:], columns)
    out = list(lines[:start])
    i = start
    while i < len(lines):
        cells = _cells(lines[i])
        if len(cells) < 2:
            out.append(lines[i])
        elif _NUMBER.match(cells[0]):
            joined, taken, ended = _wrapped(cells, lines, i, len(columns))
            if taken and len(joined) == len(columns) and not ended:
                # a wrapped row made whole: its lines as tab lines, which the table
                # reader joins again in the same way (and the row keeps its lines)
                out.extend("\t".join(_cells(lines[j])) for j in range(i, i + taken + 1))
            elif not taken and len(cells) == len(columns) and (more := _under(lines, i)):
                # a whole row whose cells wrap in their columns: one line of its cells
                out.append("\t".join(more[0]))
                out.extend([""] * more[1])
                taken = more[1]
            else:
                out.append("\t".join(_placed(joined, columns, i + 1, grouped)))
                out.extend([""] * taken)  # the lines it took in, blank: line numbers are kept
            i += taken
        else:
            out.append("\t".join(cells))
        i += 1
    return out


def _starts(line: str) -> list[tuple[int, str]]:
    """Each cell of ``line`` with the display column it starts at."""
    out, pos = [], 0
    for m in CELL_GAP.finditer(line + "  "):
        cell = line[pos:m.start()]
        if cell.strip():
            lead = len(cell) - len(cell.lstrip())
            out.append((display_width(line[:pos + lead]), cell.strip()))
        pos = m.end()
    return out


def _under(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """A whole numbered row at line ``i`` with the indented lines under it that carry on
    its cells in their columns (a table laid out in fixed columns, each cell wrapping
    within its own: "间压缩至0.5个工作日以内…   审批局、市税务局、…"): the row's cells
    with each line's pieces joined on under the column they stand in, and how many
    lines those were; None when no such line follows."""
    row = _starts(lines[i])
    cells = [c for _, c in row]
    starts = [x for x, _ in row]
    taken = 0
    while i + taken + 1 < len(lines):
        nxt = lines[i + taken + 1]
        pieces = _starts(nxt)
        if not pieces or not nxt[:1].isspace() or _NUMBER.match(pieces[0][1]) or marker(pieces[0][1]) \
                or pieces[0][0] < starts[1] - 1:
            break
        for x, text in pieces:
            col = max(j for j, s in enumerate(starts) if s <= x + 1)
            cells[col] = join_text([cells[col], text])
        taken += 1
    return (cells, taken) if taken else None


def _wrapped(cells: list[str], lines: list[str], i: int, n: int) -> tuple[list[str], int, bool]:
    """A numbered line's cells with the indented lines after it that continue them
    (:func:`ingest.wrap.continue_row`: a cut cell's rest, then the cells after it),
    how many lines those were, and whether a line ended its last cell (which the table
    reader, joining tab lines, cannot see). Only an indented line continues a row (its
    first cell, the number, is empty); a heading or the next numbered line ends it."""
    taken, any_ended = 0, False
    while len(cells) < n and i + taken + 1 < len(lines):
        nxt = lines[i + taken + 1]
        more = _cells(nxt)
        if not more or not nxt[:1].isspace() or _NUMBER.match(more[0]) or marker(more[0]):
            break
        # (a line ending in a wide gap ended its last cell: the next line's first cell is
        # the next column's, not that cell's rest)
        ended = _ENDS_IN_GAP.search(lines[i + taken].rstrip("\r\n")) is not None
        joined = continue_row([*cells, ""] if ended else cells, more, n)
        if joined is None:
            break
        cells, taken, any_ended = joined, taken + 1, any_ended or ended
    return cells, taken, any_ended


__all__ = ["to_tabs"]
