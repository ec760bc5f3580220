"""A PDF table copied one cell per line: the header words one per line (序号 /
主要任务 / 牵头单位 / 配合单位 / 完成时限 …), then each row as a bare number line
(``1``) followed by its cells, each on its own line or wrapped over several, an empty
cell leaving no line at all.

Recognised from the text itself: a block of header words, the first of them 序号,
followed by the row numbers 1, 2 … on lines of their own. The header may repeat at
every page break (with a page number such as ``— 2 —`` before it), even in the middle
of a row; section headings (一、… (一)…) stand alone before a row; ``附件N`` (or a lone ``附件``) and
the title under it start an attachment.

A row's lines are split into cells by what each line is — a list of unit names
(县财政局、县税务局; a line ending in 、 or in a name the PDF broke goes on), a
deadline (2023年6月底, 持续推进), or text (wrapped lines of text run on) — and the
cells are placed in the header's columns in order by :func:`align`, which leaves a
column empty when no cell fits it. The columns then map to fields exactly as a
tab-separated table's do (:mod:`ingest.table`). A cell that fits no column is kept in
the row's notes and reported: no line of a row is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .departments import is_complete_name, read_units
from .header import is_signature
from .headings import ATTACHMENT, L1, L2, marker
from .identity import Heading, Item
from .notices import check, set_aside, skipped
from .schema import Attachment
from .table import (
    COLOPHON,
    COOP,
    DEADLINE,
    LEAD,
    NOTE_LABELS,
    NUMBER,
    RowBuilder,
    TableResult,
    header_columns,
    header_field,
)
from .text import close_cjk_gaps, display_width, is_page_number, join_text

# a label alone on its line: a few characters, no figure and no punctuation (a column's
# 申报条件; a part's 其他事项 over paragraphs that number themselves)
BARE_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,8})$")
_BARE_NUMBER = re.compile(r"^(\d{1,3})\s*[.、．]?$")
_DEADLINE_WORDS = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|年底|年内|年末|月底|季度|上半年|下半年|持续|长期|常态|"
                             r"每年|每月|每季|按期|按时|适时|分年度|逐年")
# what a unit list never holds (a text line has it, or is long); a deadline not even a comma
_NOT_UNITS = re.compile(r"[。：:“”\"《》！？!?]")
_SENTENCE = re.compile(r"[。，,：:“”\"《》！？!?]")
_SEPARATOR_END = ("、", "，", ",", "；", ";", "／", "/")
_NOTE_LINE = re.compile(rf"^(?:{'|'.join(NOTE_LABELS)})\s*[:：]")

TEXT, UNITS, DATE = "text", "units", "date"
KIND_OF_FIELD = {LEAD: UNITS, COOP: UNITS, DEADLINE: DATE}   # every other field holds text
# how well a cell of one kind fits a column of another (see :func:`align`)
FIT = {
    TEXT: {TEXT: 2.0, UNITS: -5.0, DATE: -3.0},
    UNITS: {TEXT: -1.0, UNITS: 2.0, DATE: -5.0},
    DATE: {TEXT: 0.5, UNITS: -5.0, DATE: 2.0},
}
# a cell opening a column gains NEW_COLUMN; joining the column before costs MERGE (its
# own kind) or MISMATCHED_MERGE (another kind); a cell that fits nowhere costs UNPLACED
NEW_COLUMN, MERGE, MISMATCHED_MERGE, UNPLACED = 1.0, -0.3, -1.0, -3.9


@dataclass
class Cell:
    kind: str
    lines: list[tuple[int, str]]     # (line number, text)
    open: bool = False               # goes on: ends in 、 or in a broken unit name

    @property
    def text(self) -> str:
        return join_text([s for _, s in self.lines])


def _units_line(s: str) -> tuple[bool, bool]:
    """Whether ``s`` is (part of) a unit list, and whether it goes on to the next line
    (it ends in a separator, or its last name is cut: 县行政审批服务 / 管理局)."""
    if _NOT_UNITS.search(s) or len(s) > 60:
        return False, False
    names = read_units(s).names
    if not names or any(len(n) > 24 or re.search(r"\d", n) or marker(n) for n in names):
        return False, False
    complete = [is_complete_name(n) for n in names]
    if all(complete):
        return True, s.rstrip().endswith(_SEPARATOR_END)
    # a cut last name: only after complete names, or starting as unit names start
    if all(complete[:-1]) and (len(names) > 1 or re.match(r"[县区市省乡镇各]|国网|中国|人行", names[-1])):
        return True, True
    return False, False


def _date_phrase(s: str) -> bool:
    return len(s) <= 20 and not _SENTENCE.search(s) and bool(_DEADLINE_WORDS.search(s))


def cell_kind(s: str) -> tuple[str, bool]:
    units, goes_on = _units_line(s)
    if units:
        return UNITS, goes_on
    # a deadline, or several in one cell (2024年4月底前启动，12月底前完成): each piece
    # between commas a date phrase of its own
    pieces = re.split(r"[，,；;]", s.rstrip("，,；;。"))
    if len(s) <= 40 and all(_date_phrase(p) for p in pieces):
        return DATE, False
    return TEXT, False


def _wraps_into(prev: str, s: str) -> bool:
    """Whether ``s`` can be the wrapped rest of ``prev``'s cell: a PDF wraps a cell at
    its column's width, so every line but a cell's last is as wide as any line after it
    in that cell; a line wider than the one before it (by more than a character or two
    of spacing) starts another column's cell (a short 工作任务 title, then the 具体措施
    paragraph)."""
    return display_width(s) <= display_width(prev) + 4


def cells_of(lines: list[tuple[int, str]]) -> list[Cell]:
    """A row's lines grouped into cells: wrapped text lines run on (a line wider than
    the one before it is no wrap); a unit line goes on
    when it ends in 、 or in a cut name (or the next starts with 、); a sentence that
    ends at a line's end closes its cell, so that two text columns side by side can be
    told apart (:func:`align` joins them again where there is one)."""
    out: list[Cell] = []
    for ln, s in lines:
        kind, goes_on = cell_kind(s)
        last = out[-1] if out else None
        if last is not None and last.kind == UNITS and kind != DATE and (last.open or s.startswith(_SEPARATOR_END)):
            joined = last.text + s
            if _units_line(joined)[0]:
                last.lines.append((ln, s))
                last.open = _units_line(joined)[1]
                continue
        if last is not None and kind == TEXT and last.kind == TEXT and not re.search(r"[。；;]$", last.text) \
                and _wraps_into(last.lines[-1][1], s):
            last.lines.append((ln, s))
            continue
        out.append(Cell(kind, [(ln, s)], goes_on))
    return out


def align(cells: list[Cell], kinds: list[str]) -> tuple[list[list[Cell]], list[Cell]]:
    """Place ``cells`` in columns of ``kinds`` (text, units, date) in order: each cell
    in a column at or after the previous cell's, several cells in one column joined,
    a column left empty when no cell fits it. The best placement by :data:`FIT`, a
    bonus for each column filled (a little more for an earlier one, so that one unit
    list is the lead, not the cooperating units) and a small cost for each join (more
    in an earlier column, so that a third unit list joins the cooperating units).
    Returns the cells of each column and those that fit none."""
    n, k = len(cells), len(kinds)
    neg = float("-inf")
    # best[i][j]: cells[:i] placed, the last placed one in column j (j = k: none yet)
    best = [[neg] * (k + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, str] | None]] = [[None] * (k + 1) for _ in range(n + 1)]
    best[0][k] = 0.0
    for i in range(n):
        for j in range(k + 1):
            if best[i][j] == neg:
                continue
            base = best[i][j]
            options: list[tuple[float, int, str]] = []
            if j < k:  # join the previous cell's column
                cost = MERGE if cells[i].kind == kinds[j] else MISMATCHED_MERGE
                options.append((base + FIT[cells[i].kind][kinds[j]] + cost - 0.01 * (k - j), j, "merge"))
            for c in range(0 if j == k else j + 1, k):
                options.append((base + FIT[cells[i].kind][kinds[c]] + NEW_COLUMN - 0.01 * c, c, "new"))
            options.append((base + UNPLACED, j, "unplaced"))
            for score, col, how in options:
                if score > best[i + 1][col] + 1e-9:
                    best[i + 1][col] = score
                    back[i + 1][col] = (j, how)
    j = max(range(k + 1), key=lambda c: best[n][c])
    columns: list[list[Cell]] = [[] for _ in range(k)]
    unplaced: list[Cell] = []
    for i in range(n, 0, -1):
        prev, how = back[i][j]  # type: ignore[misc]
        if how == "unplaced":
            unplaced.insert(0, cells[i - 1])
        else:
            columns[j].insert(0, cells[i - 1])
        j = prev
    return columns, unplaced


def _header_at(lines: list[tuple[int, str]], k: int) -> tuple[tuple[str, ...], tuple[str, ...], int] | None:
    """The header block starting at ``lines[k]`` — 序号 first, then one header word per
    line (a word the PDF broke over two lines is joined) — as (columns, header words,
    index after it), else None."""
    if k >= len(lines) or header_field(lines[k][1]) != NUMBER:
        return None
    words = [lines[k][1]]
    i = k + 1
    while i < len(lines):
        s = lines[i][1]
        if header_field(s) not in (None, NUMBER):
            words.append(s)
            i += 1
        elif i + 1 < len(lines) and header_field(s + lines[i + 1][1]) not in (None, NUMBER):
            words.append(s + lines[i + 1][1])
            i += 2
        elif BARE_LABEL.match(s) and marker(s) is None:
            words.append(s)  # a column no header word names (申报条件): its cells kept as notes
            i += 1
        else:
            break
    if len(words) < 3:
        return None
    columns = header_columns(words)
    if columns is None:
        return None
    return columns, tuple(re.sub(r"\s+", "", w) for w in words), i


def _bare(s: str) -> int | None:
    m = _BARE_NUMBER.match(s)
    return int(m.group(1)) if m else None


def frame_line(s: str) -> bool:
    """A line of the table's frame, not of a row: a header word, a row or page number,
    an 附件N marker."""
    s = s.strip()
    m = marker(s)
    return (header_field(s) is not None or _bare(s) is not None or is_page_number(s)
            or bool(m and m.level == ATTACHMENT and not m.rest))


def is_cell_table(lines: list[str]) -> bool:
    """Whether the text is a table copied one cell per line: a header block whose
    first row (after a section heading, perhaps) is numbered 1, and a row 2 after it."""
    nonblank = [(i + 1, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    for k in range(len(nonblank)):
        if (hdr := _header_at(nonblank, k)) is None:
            continue
        after = hdr[2]
        first = next((i for i in range(after, min(after + 3, len(nonblank))) if _bare(nonblank[i][1]) == 1), None)
        if first is not None and any(_bare(s) == 2 for _, s in nonblank[first + 1:]):
            return True
    return False


def read_cells(lines: list[str]) -> TableResult:
    """Every row of a one-cell-per-line table as an :class:`Item`, with its attachment
    and headings."""
    nonblank = [(i + 1, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    items: list[Item] = []
    warnings: list[str] = []
    attachments: list[Attachment] = []
    attachment: Heading | None = None
    attachment_title = ""
    awaiting_title = False
    headings: list[Heading] = []
    columns: tuple[str, ...] | None = None
    heads: tuple[str, ...] = ()
    first_line = len(lines)
    row: tuple[int, int, tuple[Heading, ...]] | None = None   # number, its line, heading path
    row_lines: list[tuple[int, str]] = []
    last_number = 0

    def close(last: bool = False) -> None:
        nonlocal row, row_lines
        if last and len(row_lines) >= 2 and is_signature(row_lines[-2][1], row_lines[-1][1]):
            warnings.append(set_aside(f"第 {row_lines[-2][0]} 行起是落款（{row_lines[-2][1]} {row_lines[-1][1]}），"
                                      f"不属于任何条目，未计入"))
            row_lines = row_lines[:-2]
        if row is not None and columns is not None:
            items.append(_build(row, row_lines, columns, heads, attachment_title, warnings))
        row, row_lines = None, []

    k = 0
    while k < len(nonblank):
        line_no, s = nonblank[k]
        if (hdr := _header_at(nonblank, k)) is not None:
            if columns is not None and hdr[0] != columns:
                close()  # a new table with other columns
            columns, heads, k = hdr
            first_line = min(first_line, line_no - 1)
            if awaiting_title:
                attachments.append(Attachment(attachment.text if attachment else "", ""))
                awaiting_title = False
            continue
        k += 1
        m = marker(s)
        if m and m.level == ATTACHMENT and not m.rest:
            close()
            attachment = Heading(ATTACHMENT, m.number, m.scope_text)
            attachment_title, awaiting_title, headings, last_number = "", True, [], 0
            first_line = min(first_line, line_no - 1)
            continue
        if awaiting_title:
            attachment_title = close_cjk_gaps(s).strip("《》")
            attachments.append(Attachment(attachment.text if attachment else "", attachment_title))
            awaiting_title = False
            continue
        if columns is None or is_page_number(s):
            continue  # the notice before the table; a page number
        if COLOPHON.search(s):
            warnings.append(set_aside(f"第 {line_no} 行起是版记（{s[:20]}），不属于任何条目，未计入"))
            break
        if row is not None and _NOTE_LINE.match(s):
            break  # the table's note after its last row: the afterword's (ingest.afterword)
        following = nonblank[k][1] if k < len(nonblank) else ""
        if (number := _bare(s)) is not None:
            if not following or header_field(following) == NUMBER:
                continue  # a page number: at the end, or just before the header repeats
            close()
            if number != last_number + 1 and not (number == 1 and headings):
                warnings.append(check(f"第 {line_no} 行：序号 {number} 不接上一项的序号 {last_number}，请核对"))
            row = (number, line_no, ((attachment,) if attachment else ()) + tuple(headings))
            last_number = number
            continue
        if m and m.level in (L1, L2) and _bare(following) is not None:
            close()
            headings = [h for h in headings if h.level < m.level] + [Heading(m.level, m.number, s)]
            last_number = 0 if _bare(following) == 1 else last_number
            continue
        if row is None:
            warnings.append(skipped(f"第 {line_no} 行：表头之后、第一个序号之前的文字，不属于任何条目，未计入：{s[:40]}"))
            continue
        row_lines.append((line_no, s))
    close(last=True)
    return TableResult(items, attachments, warnings, first_line)


def _build(row: tuple[int, int, tuple[Heading, ...]], lines: list[tuple[int, str]], columns: tuple[str, ...],
           heads: tuple[str, ...], attachment_title: str, warnings: list[str]) -> Item:
    number, line_no, path = row
    fields = [c for c in columns if c != NUMBER]
    placed, unplaced = align(cells_of(lines), [KIND_OF_FIELD.get(f, TEXT) for f in fields])
    texts = iter(" ".join(c.text for c in cs) if KIND_OF_FIELD.get(f) == UNITS else join_text([c.text for c in cs])
                 for f, cs in zip(fields, placed, strict=True))
    cells = [str(number) if c == NUMBER else next(texts) for c in columns]
    built = RowBuilder(columns, heads, path, attachment_title, number, line_no)
    built.add(cells, line_no)
    item = built.build()
    item.last_line = max([line_no, *(ln for ln, _ in lines)])
    for c in unplaced:
        item.notes.append(c.text)
        warnings.append(check(f"第 {c.lines[0][0]} 行：“{c.text[:30]}”对不上表头的任何一列，记入第{number}项的备注"))
    return item


__all__ = ["align", "cell_kind", "cells_of", "frame_line", "is_cell_table", "read_cells"]
