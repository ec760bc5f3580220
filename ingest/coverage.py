"""Coverage check: nothing of the body is lost.

Every run of Chinese text in the source's body (the table lines of a table; every
line from the first numbered item on in running text, less the field words
牵头单位： … and the numbering; every line of a one-cell-per-line table but its
header words and row and page numbers) must occur in some row's fields. Department names
rewritten by the alias table count as covered when their canonical name is in the rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import frame_line
from .departments import aliases
from .headings import marker
from .outline import FIELD_WORDS
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


_FIELD_WORDS = re.compile("|".join(w for w, _ in FIELD_WORDS) + "|附件")


# what may stand between unit names in a list the rows split: 县工信局和县财政局,
# 县商务局牵头 / 县市场监管局配合
_BETWEEN_UNITS = re.compile(r"^(和|及|与|以及|牵头|配合|负责|参与|协同|协助)*$")


def _only_units(run: str, units: list[str]) -> bool:
    rest = run
    for u in units:
        rest = rest.replace(u, "")
    return rest != run and bool(_BETWEEN_UNITS.match(rest))


def coverage(text: str, doc: Document) -> Coverage:
    blob = normalize("\n".join(r.fields_text() for r in doc.rows))
    alias_ok = {normalize(k) for k, v in aliases().items() if normalize(v) in blob}
    units = sorted({normalize(u) for r in doc.rows for u in r.units}, key=len, reverse=True)
    titles = {a.title for a in doc.attachments}
    total = covered = 0
    missing: list[tuple[int, str]] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if doc.shape == "outline":
            if line_no < doc.body_line or not line.strip() or line.strip() == doc.issuer:
                continue
            m = marker(line)
            body = _FIELD_WORDS.sub(" ", m.rest if m else line)
        elif doc.shape == "cells":
            if line_no < doc.body_line or not line.strip() or frame_line(line) or line.strip() in titles:
                continue
            body = line
        elif "\t" not in line or clean_cell(line.split("\t")[0]) == HEADER_FIRST_CELL:
            continue
        else:
            body = line.replace("\t", " ")
        for run in cjk_runs(clean_cell(body)):
            total += 1
            n = normalize(run)
            if n in blob or any(n in a for a in alias_ok) or _only_units(n, units):
                covered += 1
            else:
                missing.append((line_no, run))
    return Coverage(total, covered, missing)
