"""Department names: rejoin names the PDF broke with a space, split real lists,
give each unit of a document one name (a known variant takes the name the document also
writes), and build the department directory.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from .identity import Item
from .schema import TaskRow, label
from .text import strip_html

# A department name ends with one of these; a token that does not is a fragment
# that the PDF cut off ("县民营经济 发展促进中心", "县直各 相关单位", "县自然资源 局").
UNIT_ENDINGS = ("局", "中心", "支行", "银行", "组", "单位", "部门", "政府", "部", "联",
                "公司", "办", "委", "院", "所", "会", "站", "队", "室", "处",
                "开发区", "园区", "街道", "专班", "乡镇", "机构", "集团", "党校", "社",
                "馆", "团", "厅", "署", "科", "校", "台", "分行", "机关")
# 各镇街, 各乡镇, 各街道社区: every body of a kind, a complete name however it ends
# every body of a kind, named by the kind alone (各镇, 各乡镇, 各镇街, 各乡（镇）, 各镇（街道）):
# a bracket closed, nothing after the kind — 各镇要明确专人 is a clause, 各镇（街 a name cut
# at a line break; 各有关部门, 各成员单位 end in a unit word
_EVERY = re.compile(r"^各(?:[县区市乡镇村]|街道?|社区|（[^（）]{1,4}）|\([^()]{1,4}\))+$")
# A branch of the body before it that the PDF put after a space: "市生态环境局 大宁分局",
# "市住房公积金管理中心 大宁管理部" — a short place name and a branch word, with no
# level word (县/区/市/省/各) of its own.
_BRANCH = re.compile(r"^(?![县区市省各全])[\u4e00-\u9fff]{2,4}"
                     r"(?:分局|管理部|分中心|分行|支队|大队|中队|分公司|营业部|监管组|管理所|分所)$")
# Separators of a unit list; 及/和/与 only between two complete names (县住房和城乡建设
# 事务服务中心 is one unit).
_SEPARATORS = re.compile(r"[、，,；;／/]+")
_CONJUNCTION = re.compile(r"(?<=[\u4e00-\u9fff])(?:及|和|与|以及)(?=[\u4e00-\u9fff])")
_PAREN = re.compile(r"[（(]([^（）()]*)[）)]")
# a bracket inside a name, after a fragment that is no name yet: 各乡（镇）, 各街道（社区）
_IN_NAME = re.compile(r"[\u4e00-\u9fff]{1,4}")
# a bracket saying the name before it leads the list: 县财政局（牵头）, 县商务局(牵头单位)
_LEAD_MARK = re.compile(r"(?:总|主)?牵头(?:单位|部门)?|主责(?:单位|部门)?")
# a name and the role the cell gives it in words (县发改局牵头, 县财政局配合, 县人民法院按职责分工
# 负责): a single 责任单位 column saying who leads and who cooperates
_ROLE_AFTER = re.compile(r"^(.+?)\s*(?:(牵头|负责)|配合|参与|协同|协助|按职责分工负责|按职责负责)$")
_TRAILING = re.compile(r"[。．.；;，,、：:\s]+$")
_ETC = re.compile(r"等(?:部门|单位)?$")


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


def is_complete_name(token: str) -> bool:
    """A unit's whole name, not a fragment a line break cut off: it ends in a unit word
    (县民营经济发展促进中心) or names every body of a kind (各镇街)."""
    return token.endswith(UNIT_ENDINGS) or bool(_EVERY.match(token))



def _is_name(token: str) -> bool:
    """A complete name, not a bare unit word (单位, 部门) such as 各有关部门和单位 ends in."""
    return is_complete_name(token) and token not in UNIT_ENDINGS


def _join_broken(piece: str) -> list[str]:
    """Split a piece on spaces, rejoining the names the PDF broke."""
    tokens = [t for t in piece.split() if t and set(t) - set("-—_")]
    units: list[str] = []
    for tok in tokens:
        if units and (not is_complete_name(units[-1])
                      or (_BRANCH.match(tok) and not units[-1].endswith(("支行", "银行", "分局"))
                          and is_complete_name(units[-1]))):
            units[-1] += tok
        else:
            units.append(tok)
    return units


def _split_conjunctions(name: str) -> list[str]:
    """``name`` split at the 及/和/与 that stand between two complete names, the most
    parts that are all complete: 县商务局及县经济信息化和科技局 → 县商务局, 县经济信息化和
    科技局 (the 和 inside the second name stays, since 县经济信息化 is no name)."""
    cuts = [(m.start(), m.end()) for m in _CONJUNCTION.finditer(name)]
    # best[i]: the most complete parts name[:start of cut i] splits into (cut -1: the whole)
    best: dict[int, list[str]] = {}
    for j, start in enumerate([*(c[0] for c in cuts), len(name)]):
        options = [[name[:start]]] if _is_name(name[:start]) else []
        for i in range(j):
            if i in best and _is_name(part := name[cuts[i][1]:start]):
                options.append([*best[i], part])
        if options:
            best[j] = max(options, key=len)
    return best.get(len(cuts), [name])


@dataclass(frozen=True)
class Units:
    """A unit cell read: canonical names in order, and what the cell said besides them
    (parentheticals such as 第一责任单位为牵头单位,下同; a trailing 等)."""

    names: tuple[str, ...]
    notes: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()   # names the list itself marks as leading: 县财政局（牵头）


# a document's rule that the unit named first leads (排在第一位的为牵头单位, 第一责任单位为
# 牵头单位): in a list of 责任单位 with none marked, the first leads, the others cooperate
LEAD_FIRST = re.compile(r"(第一|首位|排在?第一位?|列第一位?|排名第一|排在首位|列在首位).{0,6}(为|是)牵头")


def read_units(cell: str) -> Units:
    """Read a 牵头单位/责任单位/配合单位 cell: split the list (、，,；; and spaces; 及/和
    between two complete names), rejoin names the PDF broke, keep parentheticals after a
    name as notes (a short bracket inside a name, 各乡（镇）人民政府, is the name's).

    >>> read_units("市发改委、市财政局(第一责任单位为牵头单位,下同)")
    Units(names=('市发改委', '市财政局'), notes=('第一责任单位为牵头单位,下同',), leads=())
    >>> read_units("区数据资源局牵头，区市场监管局、区人社局等按职责分工负责")
    Units(names=('区数据资源局', '区市场监管局', '区人社局'), notes=('等',), leads=('区数据资源局',))
    """
    text = strip_html(cell).strip()
    notes: list[str] = []
    marked: list[str] = []

    def paren(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        before = _SEPARATORS.split(text[:m.start()])[-1].strip()
        if before and not before.endswith(UNIT_ENDINGS) and _IN_NAME.fullmatch(inner):
            return m.group(0)  # 各乡（镇）人民政府: a bracket inside a name is the name's
        if before and _LEAD_MARK.fullmatch(inner):
            marked.append(before)  # 县财政局（牵头）: this one leads (the bracket still a note)
        if inner:
            notes.append(inner)
        return " "

    text = _TRAILING.sub("", _PAREN.sub(paren, text))
    names: list[str] = []
    for piece in _SEPARATORS.split(text):
        piece = _TRAILING.sub("", piece.strip())
        if (m := _ETC.search(piece)) and is_complete_name(piece[:m.start()].strip()):
            notes.append(m.group(0))
            piece = piece[:m.start()]
        if m := _ROLE_AFTER.match(piece):
            name, etc = m.group(1), None
            if (e := _ETC.search(name)) and is_complete_name(name[:e.start()].strip()):
                name, etc = name[:e.start()].strip(), e.group(0)  # 区人社局等按职责分工负责
            if is_complete_name(name):
                piece = name  # 县发改局牵头 → 县发改局, who leads; 县财政局配合 → one who cooperates
                if etc:
                    notes.append(etc)
                if m.group(2):
                    marked.append(piece)
        for tok in _join_broken(piece):
            names.extend(_split_conjunctions(tok))
    out: list[str] = []
    for u in names:
        if u and u not in out:
            out.append(u)
    leads = tuple(u for u in out if any(x == u for m in marked for x in _join_broken(m)))
    return Units(tuple(out), tuple(notes), leads)


def one_name_each(items: Iterable[Item]) -> None:
    """Each unit of one document under one name: a variant of the alias table's
    (县市场监督管理局 beside 县市场监管局) takes the name the document also writes. A
    document that writes only the variant keeps it — an answer quotes its own words."""
    items = list(items)
    written = {u for it in items for u in (*it.lead, *it.coop, *(x for m in it.measures for x in m.units))}
    table = {v: n for v, n in aliases().items() if v != n and n in written}
    if not table:
        return

    def renamed(names: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(table.get(u, u) for u in names))

    for it in items:
        it.lead, it.coop = renamed(it.lead), renamed(it.coop)
        it.measures = [replace(m, units=tuple(renamed(m.units))) if m.units else m for m in it.measures]


def split_units(cell: str) -> list[str]:
    """Split a 牵头单位/配合单位 cell into canonical department names.

    >>> split_units("县交通运输局 县水利局")
    ['县交通运输局', '县水利局']
    >>> split_units("县民营经济 发展促进中 心")
    ['县民营经济发展促进中心']
    >>> split_units("市生态环境局 大宁分局")
    ['市生态环境局大宁分局']
    >>> split_units("区政府办公室、区司法局、区行政审批服务局")
    ['区政府办公室', '区司法局', '区行政审批服务局']
    """
    return list(read_units(cell).names)


@dataclass
class DepartmentEntry:
    name: str
    leads: list[str] = field(default_factory=list)       # row labels
    cooperates: list[str] = field(default_factory=list)  # row labels
    # rows naming it among 责任单位 with no lead marked (TaskRow.lead_marked False)
    responsible: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name, "leads": self.leads, "cooperates": self.cooperates}
        if self.responsible:
            out["responsible"] = self.responsible
        return out

    @property
    def involved(self) -> int:
        return len(self.leads) + len(self.cooperates) + len(self.responsible)


def directory(rows: Iterable[TaskRow]) -> list[DepartmentEntry]:
    """Each canonical department with the rows it leads, cooperates on and is named
    responsible for with no lead marked, most involved first."""
    entries: dict[str, DepartmentEntry] = {}
    for r in rows:
        for u in r.lead_units:
            e = entries.setdefault(u, DepartmentEntry(u))
            (e.leads if r.lead_marked else e.responsible).append(label(r.attachment, r.number))
        for u in r.coop_units:
            entries.setdefault(u, DepartmentEntry(u)).cooperates.append(label(r.attachment, r.number))
    return sorted(entries.values(), key=lambda e: (-e.involved, e.name))
