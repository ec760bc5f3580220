"""A guide's page laid out as a two-column table of labels and values, copied with a tab
between them (事项名称<TAB>个体工商户设立登记 / 申请材料<TAB>1.…；2.… / 法定时限<TAB>3个工作日),
read as the labelled blocks it is: each such line written as the block the outline reads,
【事项名称】个体工商户设立登记. A value's lines that spill onto the lines after it (3.… 4.…)
stay as they are, under their block. Every line keeps its number.
"""

from __future__ import annotations

import re

# a label (a few Chinese characters, 事项名称, 收费依据及标准) and its value, a tab apart
_LABELLED = re.compile(r"^\s*([\u4e00-\u9fff]{2,10})\s*\t+\s*(\S.*?)\s*$")
_MIN_LABELS = 4


def labelled_lines(lines: list[str]) -> list[str] | None:
    """The lines with each label-and-value line written 【label】value; None when the text
    is no such table (fewer than four of them, or a line of three cells or more among
    them: a table of columns, read as one)."""
    found = {i: m for i, ln in enumerate(lines) if (m := _LABELLED.match(ln)) and "\t" not in m.group(2)}
    if len(found) < _MIN_LABELS or any(ln.count("\t") >= 2 and ln.strip() for ln in lines):
        return None
    out = list(lines)
    for i, m in found.items():
        out[i] = f"【{m.group(1)}】{m.group(2)}"
    return out
