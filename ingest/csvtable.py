"""A table saved from a spreadsheet as CSV (a 政策清单.csv a site offers for download):
a header line of comma-separated column names the table reader knows (序号,政策名称,…,
受理部门,…), then a record per row, a cell holding a comma or a line break in double quotes
("…的企业,一次性奖励10万元", "1.…；\\n2.…"), a quote inside one doubled.

Read line by line, the commas were no cell separators and a cell's line breaks cut its
row in pieces (17 policies read as 7 rows, numbered 2 and 3 from the points of one cell).
Here each record from the header on is written as one tab-separated line where it starts,
a cell's line breaks joined by a space (the other lines of the record left blank, so that
every line keeps its number) — a table the table reader (:mod:`ingest.table`) reads as any
other. A record of one cell (the title row above the header, 注：… and 更新日期：… below the
table) is written as its text.
"""

from __future__ import annotations

import csv
import io

from .table import header_columns

_MIN_COLUMNS = 4  # a header names this many columns at least (序号, the matter, its rule, who)
_HEADER_WITHIN = 10  # the header is among the first lines of text


def _header_at(lines: list[str]) -> int | None:
    """The index of the CSV header line: comma-separated names the table reader maps to
    columns, on a line with no tab (a tab-separated table is read as it is)."""
    seen = 0
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        seen += 1
        if seen > _HEADER_WITHIN:
            return None
        if "\t" in ln or "," not in ln:
            continue
        cells = next(csv.reader([ln.strip()]))
        if len(cells) >= _MIN_COLUMNS and header_columns(cells) is not None:
            return i
    return None


def uncsv(lines: list[str]) -> list[str] | None:
    """``lines`` with the CSV table's records as tab-separated lines, or None when the text
    holds no CSV table."""
    at = _header_at(lines)
    if at is None:
        return None
    out = list(lines[:at])
    # the records from the header on, each with the line it starts on (a quoted cell's line
    # breaks belong to its record)
    reader = csv.reader(io.StringIO("\n".join(lines[at:]) + "\n"))
    start = 0
    for record in reader:
        end = reader.line_num  # the line the record ends on, counted from the header's
        cells = [" ".join(part.strip() for part in c.splitlines() if part.strip()) for c in record]
        while cells and not cells[-1]:
            cells.pop()  # (a spreadsheet's empty cells after the last: 标题,,,,)
        line = "\t".join(cells) if len(cells) > 1 else (cells[0] if cells else "")
        out += [line] + [""] * (end - start - 1)
        start = end
    out += [""] * (len(lines) - len(out))
    return out[:len(lines)]
