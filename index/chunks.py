"""Rows → chunks: one whole-row chunk per row and one chunk per measure."""

from __future__ import annotations

from collections.abc import Sequence

from ingest.schema import TaskRow, one_matter
from ingest.sentences import labelled_notes

from .schema import MEASURE, ROW, Chunk


def row_text(row: TaskRow, matter: str = "") -> str:
    """The row's fields as searched; ``matter``: the title of the guide it is a field of
    (开办便利店“一件事”办事指南), which every one of its rows is about."""
    parts = [matter, row.section, row.task, "牵头单位：" + "、".join(row.lead_units)]
    if row.coop_units:
        parts.append("配合单位：" + "、".join(row.coop_units))
    for m in row.measures:
        parts += [m.text, m.deadline, m.goal]
    parts += labelled_notes(row)  # a table's further columns: 政策名称：…, 兑现方式：…
    return "\n".join(p for p in parts if p)


def measure_text(row: TaskRow, i: int) -> str:
    m = row.measures[i]
    return "\n".join(p for p in (row.task, m.text, "时间进度：" + m.deadline if m.deadline else "",
                                  m.goal) if p)


def make_chunks(rows: Sequence[TaskRow], measures: bool = True) -> list[Chunk]:
    """Whole-row chunks, then (when ``measures``) a chunk for each measure of rows
    with more than one measure (a single measure's chunk would repeat its row)."""
    # a guide's rows are fields of the one matter its title names (实施主体, 收费标准 of
    # 开办便利店一件事), a 政策问答's items questions on it: each is searched with that
    # title, so that the matter's words, every row's, pick no row over another — only the
    # rest of a question does
    fielded = one_matter(rows)
    chunks = [Chunk(i, r.attachment, r.number, ROW, None,
                    row_text(r, r.attachment_title if r.doc in fielded else ""))
              for i, r in enumerate(rows)]
    if measures:
        for r in rows:
            if len(r.measures) > 1:
                for j in range(len(r.measures)):
                    chunks.append(Chunk(len(chunks), r.attachment, r.number, MEASURE, j,
                                        measure_text(r, j)))
    return chunks
