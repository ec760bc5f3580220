"""A department's rows asked for as a list — "县税务局负责哪几项", "县人社局牵头的任务有
哪些", or the department's name alone: every row it leads, then every row it cooperates
on, each with its label and task (the department directory of :mod:`ingest.departments`,
as an answer). A question about something the department does (县税务局 契税) is not a
listing: it is answered from the rows as any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.schema import TaskRow, citation
from ingest.text import normalize

# what a listing question says besides the department: its role, the things asked for
# and how they are asked for (负责哪几项, 牵头的任务有哪些, 都管什么事)
_LISTING_WORDS = re.compile(r"牵头|负责|主责|配合|协同|参与|承担|主管|管|的|任务|工作|事项|事情|事儿?|职责|"
                            r"项目|条目|有|都|哪些|哪几项|哪几条|哪几个|哪几|什么|啥|几项|多少项|清单|列表|全部|所有|"
                            r"一共|共|是|呢|吗|[项条个]|[\s，,。？?！!、：:]")
_COOPERATES = re.compile(r"配合|协同|参与")
_LEADS = re.compile(r"牵头|负责|主责|主管|承担")
SNIPPET = 48


@dataclass(frozen=True)
class Listing:
    department: str
    leads: tuple[TaskRow, ...]
    cooperates: tuple[TaskRow, ...]

    @property
    def rows(self) -> tuple[TaskRow, ...]:
        return self.leads + self.cooperates


def department_named(question: str, names: Sequence[str], canonical: Callable[[str], str]) -> tuple[str, str]:
    """The longest department name in ``question`` as written — in full or without its
    level (税务局 for 县税务局) — and its canonical name (``("", "")`` when none)."""
    q = normalize(question)
    forms = {n: n for n in names if len(n) >= 3}
    forms.update({n[1:]: n for n in names if n[:1] in "县市区" and len(n) >= 4 and n[1:] not in forms})
    found = max((f for f in forms if normalize(f) in q), key=len, default="")
    return (found, canonical(forms[found])) if found else ("", "")


def listing(question: str, rows: Sequence[TaskRow], names: Sequence[str],
            canonical: Callable[[str], str]) -> Listing | None:
    """The department's rows when ``question`` asks for them as a list, else None."""
    written, dept = department_named(question, names, canonical)
    if not dept:
        return None
    rest = normalize(question).replace(normalize(written), " ", 1)
    if _LISTING_WORDS.sub("", rest):
        return None  # it asks about something the department does
    coop_only = bool(_COOPERATES.search(rest)) and not _LEADS.search(rest)
    lead_only = bool(_LEADS.search(rest)) and not _COOPERATES.search(rest)
    leads = () if coop_only else tuple(r for r in rows if dept in r.lead_units)
    coops = () if lead_only else tuple(r for r in rows if dept in r.coop_units)
    if not leads and not coops:
        return None
    return Listing(dept, leads, coops)


def _line(r: TaskRow) -> str:
    task = r.task if len(r.task) <= SNIPPET else r.task[:SNIPPET] + "…"
    return f"- {citation(r.attachment, r.number)} {task}"


def listing_body(found: Listing) -> str:
    """The rows, those the department leads first."""
    parts = []
    for role, rows in (("牵头", found.leads), ("配合", found.cooperates)):
        if rows:
            parts.append(f"**{found.department}{role}的条目**：\n" + "\n".join(_line(r) for r in rows))
    return "\n\n".join(parts)
