"""Faithfulness guard: every number and every department name in an answer occurs
in one of the rows it cites. Citation labels themselves are not checked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ingest.schema import CITATION_PATTERN, TaskRow
from ingest.text import normalize

# a citation of any shape (〔附件1 第84项〕, 〔第2项〕, 〔平遥营商任务清单 第3项〕, 〔第五条〕 —
# the one grammar in ingest.schema), and a bare 附件1 第84项 in running text; an
# attachment's name alone (附件2 三、用地保障, a listing's heading) is a name, not a number
_BARE = re.compile(r"附件\d*(?:\s*第\d+项)?")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def without_labels(text: str) -> str:
    """``text`` with its citation labels blanked, so that a label's digits are never
    read as the answer's numbers."""
    return _BARE.sub(" ", CITATION_PATTERN.sub(" ", text))


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(normalize(without_labels(text))))


def violations(answer: str, cited: Sequence[TaskRow], departments: Iterable[str]) -> list[str]:
    """What in ``answer`` is not backed by ``cited`` rows: numbers and department names."""
    body = normalize(without_labels(answer))
    source = "\n".join(r.fields_text() for r in cited)
    allowed = numbers(source)
    out = [f"数字 {n} 不在所引条目中" for n in sorted(numbers(answer) - allowed)]
    src = normalize(source)
    for d in departments:
        nd = normalize(d)
        if nd and nd in body and nd not in src:
            out.append(f"部门 {d} 不在所引条目中")
    return out


def keep_faithful(body: str, cited: Sequence[TaskRow], departments: Sequence[str]) -> str:
    """``body`` without the paragraphs stating a number or a department that no
    ``cited`` row states (``body`` itself when there is none)."""
    if not violations(body, cited, departments):
        return body
    # never state what the cited rows do not: drop the offending lines
    return "\n\n".join(line for line in body.split("\n\n") if not violations(line, cited, departments))
