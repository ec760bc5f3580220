"""Faithfulness guard: every number and every department name in an answer occurs
in one of the rows it cites. Citation labels themselves are not checked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ingest.schema import TaskRow
from ingest.text import normalize

LABEL = re.compile(r"〔附件\d+\s*第\d+项〕|附件\d+\s*第\d+项")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(normalize(LABEL.sub(" ", text))))


def violations(answer: str, cited: Sequence[TaskRow], departments: Iterable[str]) -> list[str]:
    """What in ``answer`` is not backed by ``cited`` rows: numbers and department names."""
    body = normalize(LABEL.sub(" ", answer))
    source = "\n".join(r.fields_text() for r in cited)
    allowed = numbers(source)
    out = [f"数字 {n} 不在所引条目中" for n in sorted(numbers(answer) - allowed)]
    src = normalize(source)
    for d in departments:
        nd = normalize(d)
        if nd and nd in body and nd not in src:
            out.append(f"部门 {d} 不在所引条目中")
    return out
