"""Department names: rejoin names the PDF broke with a space, split real lists,
map known variants to one canonical name, and build the department directory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .schema import TaskRow, label
from .text import strip_html

# A department name ends with one of these; a token that does not is a fragment
# that the PDF cut off ("县民营经济 发展促进中心", "县直各 相关单位", "县自然资源 局").
UNIT_ENDINGS = ("局", "中心", "支行", "银行", "组", "单位", "政府", "部", "联",
                "公司", "办", "委", "院", "所", "会", "站", "队", "室", "处")
# A county-level branch of a city body: "市生态环境局 大宁分局", "市住房公积金管理中心 大宁管理部".
_BRANCH_PREFIX = "大宁"
_CITY_PREFIXES = ("市", "临汾")


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Variant spelling → canonical name, from the editable ``data/department_aliases.tsv``."""
    text = resources.files("ingest").joinpath("data/department_aliases.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for row in csv.reader((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")),
                          delimiter="\t"):
        if len(row) >= 2:
            table[row[0].strip()] = row[1].strip()
    return table


def _is_complete(token: str) -> bool:
    return token.endswith(UNIT_ENDINGS)


def split_units(cell: str) -> list[str]:
    """Split a 牵头单位/配合单位 cell into canonical department names.

    >>> split_units("县交通运输局 县水利局")
    ['县交通运输局', '县水利局']
    >>> split_units("县民营经济 发展促进中 心")
    ['县民营经济发展促进中心']
    >>> split_units("市生态环境局 大宁分局")
    ['市生态环境局大宁分局']
    """
    tokens = [t for t in strip_html(cell).split() if t and set(t) - set("-—_")]
    units: list[str] = []
    for tok in tokens:
        if units and (not _is_complete(units[-1])
                      or (tok.startswith(_BRANCH_PREFIX) and units[-1].startswith(_CITY_PREFIXES)
                          and not units[-1].endswith(("支行", "银行")) and "大宁" not in units[-1])):
            units[-1] += tok
        else:
            units.append(tok)
    table = aliases()
    out: list[str] = []
    for u in units:
        u = table.get(u, u)
        if u not in out:
            out.append(u)
    return out


@dataclass
class DepartmentEntry:
    name: str
    leads: list[str] = field(default_factory=list)       # row labels
    cooperates: list[str] = field(default_factory=list)  # row labels

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "leads": self.leads, "cooperates": self.cooperates}


def directory(rows: Iterable[TaskRow]) -> list[DepartmentEntry]:
    """Each canonical department with the rows it leads and cooperates on,
    most involved first."""
    entries: dict[str, DepartmentEntry] = {}
    for r in rows:
        for u in r.lead_units:
            entries.setdefault(u, DepartmentEntry(u)).leads.append(label(r.attachment, r.number))
        for u in r.coop_units:
            entries.setdefault(u, DepartmentEntry(u)).cooperates.append(label(r.attachment, r.number))
    return sorted(entries.values(), key=lambda e: (-(len(e.leads) + len(e.cooperates)), e.name))
