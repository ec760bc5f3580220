"""Coverage check: nothing of the table is lost.

Every run of Chinese text in the source's table body must occur in some row's
fields. Department names rewritten by the alias table count as covered when
their canonical name is in the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from .departments import aliases
from .parser import HEADER_FIRST_CELL
from .schema import Document
from .text import cjk_runs, clean_cell, normalize


@dataclass(frozen=True)
class Coverage:
    total: int           # Chinese runs in the table body
    covered: int
    missing: list[tuple[int, str]]  # (line number, run)

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0


def coverage(text: str, doc: Document) -> Coverage:
    blob = normalize("\n".join(r.fields_text() for r in doc.rows))
    alias_ok = {normalize(k) for k, v in aliases().items() if normalize(v) in blob}
    total = covered = 0
    missing: list[tuple[int, str]] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if "\t" not in line:
            continue
        if clean_cell(line.split("\t")[0]) == HEADER_FIRST_CELL:
            continue
        for run in cjk_runs(clean_cell(line.replace("\t", " "))):
            total += 1
            n = normalize(run)
            if n in blob or any(n in a for a in alias_ok):
                covered += 1
            else:
                missing.append((line_no, run))
    return Coverage(total, covered, missing)
