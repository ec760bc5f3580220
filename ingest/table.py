"""Tables: tab-separated cells (a PDF's or a web page's table copied as text) or
Markdown pipes, 4–8 columns mapped by their header words.

A row starts with its number (序号) and continues over lines whose number cell is
empty (one line per measure); header lines may repeat on every page; section headers
(一、… (一)…) sit in the first cell or alone on a line; ``附件N`` (or lone ``附件``) lines and the title
under them start an attachment; junk lines like ``----`` are skipped. Without a
header line, a 7-column table is read in the built-in corpus's column order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise

from .departments import LEAD_FIRST, UNIT_ENDINGS, Units, read_units
from .header import is_date_line, is_field_line, is_signature
from .headings import ATTACHMENT, GROUPED, L1, L2, marker
from .identity import Heading, Item
from .notices import check, set_aside, skipped
from .schema import (
    COLUMN_NAMES,
    COOP_FIELD,
    DEADLINE_FIELD,
    GOAL_FIELD,
    LEAD_FIELD,
    MEASURE_FIELD,
    TASK_FIELD,
    Attachment,
    Measure,
)
from .sentences import figure_cell
from .text import (
    SENTENCE_ENDS,
    clean_cell,
    close_cjk_gaps,
    gap_cells,
    is_page_number,
    split_items,
    without_parentheticals,
)
from .wrap import continue_row

# (a column's field is the row's field it fills: TaskRow.columns names them so)
NUMBER, TASK, LEAD, COOP, MEASURE, DEADLINE, GOAL, NOTE, GROUP = (
    "number", TASK_FIELD, LEAD_FIELD, COOP_FIELD, MEASURE_FIELD, DEADLINE_FIELD, GOAL_FIELD, "note", "group")
# the names a 兑现清单 or a guide gives the unit that handles a matter (受理部门: a table's
# column, or an item's line 受理部门：县商务局): its lead unit, under that name
HANDLING = ("主管部门", "主管单位", "受理部门", "受理单位", "实施部门", "实施单位", "经办机构", "经办单位", "经办部门")
# header words per field, most specific first; a cell matches the first field whose
# word it contains
HEADER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (NUMBER, ("序号", "编号")),
    (COOP, ("配合单位", "协同单位", "参与单位", "协同责任单位", "协办单位", "配合部门", "协同部门", "责任配合单位")),
    (LEAD, ("牵头单位", "牵头责任单位", "主责单位", "牵头部门", "主办单位", "责任单位", "责任部门", *HANDLING)),
    # the group a row belongs to (类别: 政务服务), written on its first row only where the
    # cell is merged over the group's rows: a heading over them
    (GROUP, ("类别", "分类", "任务类别", "工作类别", "重点领域", "领域", "板块")),
    (NOTE, ("牵头领导", "责任领导", "分管领导", "县级领导", "区级领导", "市级领导", "责任人", "备注")),
    # a reward table's 奖补标准 / 支持标准: the rule each row states, as a measure states it
    (MEASURE, ("落实措施", "工作措施", "推进措施", "具体举措", "标准")),
    (DEADLINE, ("完成时限", "时间进度", "时限要求", "完成时间", "时间节点", "进度安排", "时限", "时间")),
    (GOAL, ("年度目标", "预期成效", "工作目标", "目标", "成效", "效果")),
    (TASK, ("主要任务", "重点任务", "工作任务", "任务内容", "具体措施", "主要内容", "工作内容", "任务", "内容",
            "事项", "措施", "政策", "项目", "项目名称")),
)
DEFAULT_COLUMNS = (NUMBER, TASK, LEAD, COOP, MEASURE, DEADLINE, GOAL)
_JUNK = re.compile(r"^[\s\-—_=|·.:：]*$")
_NUMBER_CELL = re.compile(r"^(\d{1,4})\s*[.、．]?$")
# a row numbered within its group (1.1, 2.3): the group's own row above it (1 企业开办和注销,
# its other cells empty) heads the rows numbered under it
_SUB_NUMBER = re.compile(r"^(\d{1,2})\s*[.．]\s*(\d{1,2})$")
# where a department name starts (a level word or a national body), so it does not run on from the line before
_NAME_START = re.compile(r"[县区市省乡镇各]|国网|中国|人行|国家")
_LIST_SEPARATORS = ("、", "，", ",", "；", ";", "／", "/")
_SHAPE_LINE = re.compile(r"^\s*\|.*\|\s*$")
# the colophon after a document's last page: 抄送：… / 永和县人民政府办公室 2023年3月20日印发
COLOPHON = re.compile(r"^(抄送|抄报|主送|报送|分送|公开方式|公开属性)\s*[:：]|印发\s*$")
# the labels a table's note opens with (说明：1．同一企业…, 注：本清单自公布之日起施行): the table ends there
NOTE_LABELS = ("注", "说明", "备注", "附注")
_BARE_PIPES = re.compile(r"^\s*[^|\s][^|]*(?:\s\|\s[^|]*){2,}$")
# one attachment named on its line (附件：2024年重点项目表) with the table itself after it
_NAMED_ATTACHMENT = re.compile(r"^附件\s*(\d*)\s*[:：]\s*(\S.*)$")


def header_field(cell: str) -> str | None:
    """The field a header cell names: it is a header word, perhaps with a few more
    characters (年度目标和效果, 牵头单位（部门）); a two-character word (任务, 时限) on
    its own or as the head of a four-character cell (攻坚任务, 年度任务: a Chinese
    compound names a kind of its last word), so that a cell like 任务一 is no header."""
    c = without_parentheticals(re.sub(r"\s+", "", clean_cell(cell)))
    if not c or len(c) > 12 or re.search(r"\d", c):
        return None
    for name, words in HEADER_WORDS:
        if any(c == w or (len(w) > 2 and w in c and len(c) <= len(w) + 5) for w in words):
            return name
    for name, words in HEADER_WORDS:
        if len(c) == 4 and any(len(w) == 2 and c.endswith(w) for w in words):
            return name
    if c.endswith("名称") and header_field(c[:-2]) == TASK:
        return TASK  # 政策名称, 事项名称: the name of what each row is
    return None


def header_columns(cells: list[str]) -> tuple[str, ...] | None:
    """The field of each column when ``cells`` is a header line, else None. A second
    lead column (牵头单位 + 责任单位) is the cooperating one, a second task column (工作
    任务 + 具体措施) the measures; with no task column the first measure column holds the
    task."""
    if any(_NUMBER_CELL.match(clean_cell(c)) for c in cells):
        return None
    fields = [header_field(c) for c in cells]
    named = [f for f in fields if f]
    if len(named) < 2 or len(named) < (len([c for c in cells if c.strip()]) + 1) // 2 or TASK not in named \
            and MEASURE not in named:
        return _list_columns(cells)
    out: list[str] = []
    for f in fields:
        if f == LEAD and LEAD in out:
            f = COOP
        elif f == TASK and TASK in out and MEASURE not in fields:
            f = MEASURE  # 工作任务 + 具体措施: the second says how the first is carried out
        out.append(f or NOTE)
    if TASK not in out:
        out[out.index(MEASURE)] = TASK
    return tuple(out)


_MIN_LIST_LABELS = 3


def _list_columns(cells: list[str]) -> tuple[str, ...] | None:
    """The fields of a list's header (序号 / 企业名称 / 所在乡镇 / 补助项目 / 补助金额（万元）:
    a 公示 of who gets what), which names no task and no unit: 序号 first, then three
    labels or more, each short and without a figure. The first after 序号 names what
    each row is about (the enterprise); every other column is a labelled value of it."""
    heads = [re.sub(r"\s+", "", clean_cell(c)) for c in cells]
    if len(heads) < 1 + _MIN_LIST_LABELS or header_field(heads[0]) != NUMBER:
        return None
    if not all(h and len(h) <= 12 and not re.search(r"\d", h) for h in heads[1:]):
        return None
    if LEAD not in (header_field(h) for h in heads[2:]):
        return (NUMBER, TASK, *(NOTE,) * (len(heads) - 2))  # a list of records
    # a list naming the unit in charge (政策名称 / 政策内容 / 申报条件 / 主管部门 / 咨询电话) is a
    # task table of its own labels: a label that names a field keeps it (政策内容 after the
    # name: what the row provides, as a measure); a field named twice is a note the second time
    out = [NUMBER, TASK]
    for h in heads[2:]:
        f = header_field(h) or NOTE
        if f == GROUP:
            f = NOTE  # a list's 类别 is a labelled value of each row
        if f == TASK:
            f = MEASURE
        elif f == LEAD and LEAD in out:
            f = COOP
        out.append(NOTE if f == NUMBER or (f != NOTE and f in out) else f)
    return tuple(out)


def pipe_cells(line: str) -> list[str] | None:
    """The cells of a Markdown pipe line (| a | b |, or without the outer pipes: a | b | c,
    three cells or more apart by spaced pipes), None for any other line."""
    if _SHAPE_LINE.match(line) and line.count("|") >= 3 or _BARE_PIPES.match(line):
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return None


def split_cells(line: str) -> list[str] | None:
    """The cells of a table line (tabs or Markdown pipes, or a header of words one space
    apart), None for a line that is not one."""
    if "\t" in line:
        return line.rstrip("\r\n").split("\t")
    return pipe_cells(line) or spaced_header(line)


def spaced_header(line: str) -> list[str] | None:
    """A header line a PDF copy wrote with single spaces (序号 重点任务 具体措施 牵头单位 配合单位
    完成时限) — every word a header word, three or more — as its cells; else None. A
    header word is never written so in a sentence: words apart by spaces are cells."""
    words = line.split()
    if len(words) < 3 or any(header_field(w) is None for w in words):
        return None
    return words if header_columns(words) is not None else None


# a table row whose tabs the copy lost: its number, then cells apart by runs of spaces
# ("4 全面推行…以内   县住建局、县自然资源局   2024年9月底前")
_SPACED_ROW = re.compile(r"^\s*(\d{1,4})[ \u3000]+(\S.*)$")


def spaced_row(line: str, columns: int) -> list[str] | None:
    """The cells of a numbered row written with spaces for tabs, when they are as many
    as the table's columns or one fewer (an empty last cell left no gap); else None."""
    m = _SPACED_ROW.match(line.rstrip("\r\n"))
    if not m:
        return None
    cells = [m.group(1), *gap_cells(m.group(2))]
    return cells if 3 <= len(cells) and columns - 1 <= len(cells) <= columns else None


def is_table(lines: list[str]) -> bool:
    """Whether the text holds a table: a header line (its cells named by header words)
    with a numbered line after it — one row is a table when a header names its
    columns —, or at least two numbered table lines of three cells or more."""
    numbered, headed = 0, False
    for ln in lines:
        cells = split_cells(ln)
        if not cells:
            continue
        if header_columns(cells) is not None:
            headed = True
        elif _NUMBER_CELL.match(clean_cell(cells[0])) and (headed or len(cells) >= 3):
            numbered += 1
            if numbered >= 2 or headed:
                return True
    return False


_ROW_FIELDS = frozenset(f for f, _ in COLUMN_NAMES)


def table_columns(columns: tuple[str, ...], heads: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The table's own name for each field it has, as a row carries them (TaskRow.columns):
    (field, header as written) in the table's order, two task columns named together
    (政策名称、政策内容); empty where the table is the built-in corpus's seven columns or
    its header is not one cell per column."""
    if len(heads) != len(columns):
        return ()
    named: dict[str, list[str]] = {}
    for f, h in zip(columns, heads, strict=True):
        if f in _ROW_FIELDS and (h := re.sub(r"\s+", "", clean_cell(h))):
            named.setdefault(f, []).append(h)
    out = tuple((f, "、".join(hs)) for f, hs in named.items())
    return () if out == COLUMN_NAMES else out


@dataclass
class TableResult:
    items: list[Item]
    attachments: list[Attachment]
    warnings: list[str]
    first_line: int      # 0-based index of the first line that belongs to the tables


class RowBuilder:
    """One row being read: its cells line by line (continuation lines add measures)."""

    def __init__(self, columns: tuple[str, ...], heads: tuple[str, ...], path: tuple[Heading, ...],
                 attachment_title: str, number: int, line_no: int) -> None:
        self.columns, self.heads = columns, heads
        self.item = Item(path=path, number=number, first_line=line_no, attachment_title=attachment_title)
        self.item.columns = table_columns(columns, heads)
        self.task: list[str] = []
        self.cut: dict[int, str] = {}  # column → its unit text on the line before, when a name was cut there
        self.marked = False  # a unit of the row is marked 牵头
        # a unit column right of the measures, with the row's lead left of them (序号 / 重点任务 /
        # 牵头单位 / 具体措施 / 责任单位 / 完成时限): each line's units are its measure's
        at = columns.index(MEASURE) if MEASURE in columns else -1
        self.per_measure = {i for i, c in enumerate(columns) if c in (LEAD, COOP) and at >= 0 and i > at} \
            if any(c in (LEAD, COOP) and i < at for i, c in enumerate(columns)) else set()

    def _units(self, column: int, text: str) -> Units:
        """A unit cell's names; a name the line before cut at the line's end (市行政审批 /
        服务中心: no separator, no unit word) runs on into this line's first name, unless
        that starts a name of its own (县…, 各…)."""
        cut = self.cut.pop(column, "")
        if cut and text and not _NAME_START.match(text):
            stale = read_units(cut).names[-1]
            for names in (self.item.lead, self.item.coop):
                if stale in names:
                    names.remove(stale)
            text = cut + text
        units = read_units(text)
        if units.names and not units.names[-1].endswith(UNIT_ENDINGS) and not text.endswith(_LIST_SEPARATORS):
            self.cut[column] = text
        return units

    def add(self, cells: list[str], line_no: int) -> None:
        it = self.item
        values = {MEASURE: "", DEADLINE: "", GOAL: ""}
        measure_units: list[str] = []
        named = False  # a task column of this line has its text: a second one is what it names
        for column, (name, cell, head) in enumerate(zip(self.columns, cells, self.heads, strict=False)):
            text = clean_cell(cell)
            if name == TASK and text:
                # (政策名称 then 政策内容: 新升规工业企业奖励：对当年首次纳入…)
                if named and self.task and not self.task[-1].endswith(SENTENCE_ENDS + ("：", ":")):
                    self.task.append("：")
                self.task.append(text)
                named = True
            elif name in (LEAD, COOP):
                units = self._units(column, text)
                for u in units.names:  # a name marked 牵头 leads, whatever its column
                    target = it.lead if u in units.leads or name == LEAD and not units.leads else it.coop
                    if target is it.coop and u in it.lead:
                        continue  # the lead is not also among those assisting it
                    if target is it.lead and u in it.coop:
                        it.coop.remove(u)
                    if u not in target:
                        target.append(u)
                if column in self.per_measure:
                    measure_units += [u for u in units.names if u not in measure_units]
                it.notes.extend(units.notes)
                self.marked |= bool(units.leads)
            elif name == NOTE and text:
                it.notes.append(f"{head}：{text}" if head else text)
            elif name in values:
                # a bare figure under a header naming its unit (补贴标准（元/人） over 1500)
                # is read with that header, as the document's reader reads it: 补贴标准（元/人）：1500
                values[name] = labelled if figure_cell(labelled := f"{head}：{text}") else text
        if any(values.values()):
            it.measures.append(Measure(text=values[MEASURE], deadline=values[DEADLINE], goal=values[GOAL],
                                       items=split_items(values[MEASURE]), units=tuple(measure_units)))
        it.last_line = line_no

    def only_titled(self) -> bool:
        """A row of a title alone (a group's row: 1 企业开办和注销, every other cell empty)."""
        it = self.item
        return bool(self.task) and not (it.measures or it.lead or it.coop or it.notes)

    def build(self) -> Item:
        it = self.item
        it.task = "".join(self.task)
        if set(self.columns) <= {NUMBER, TASK, NOTE} and it.notes:
            # a list's row (序号 / 企业名称 / 所在乡镇 / 补助金额（万元）) is one record: its
            # labelled cells are read with what it names, a sentence of their own (补助金额
            # （万元）：7.00 alone says nothing of whose)
            cells = [c for c in (it.task, *it.notes) if c]
            it.task = "".join(c if not i or cells[i - 1].endswith(SENTENCE_ENDS) else f"，{c}"
                              for i, c in enumerate(cells))
            it.notes = []
        # a 责任单位 column (not 牵头单位), the only unit column, naming several with none
        # marked 牵头: all are responsible, none is said to lead (unless the document says
        # the first does); beside a 配合单位 column it is the leading one
        head = self.heads[self.columns.index(LEAD)] if LEAD in self.columns else "牵头"
        it.lead_marked = self.marked or "牵头" in head or COOP in self.columns or len(it.lead) < 2
        return it


def read_table(lines: list[str]) -> TableResult:
    """Every numbered table row as an :class:`Item`, with its attachment and headings."""
    items: list[Item] = []
    warnings: list[str] = []
    attachments: list[Attachment] = []
    attachment: Heading | None = None
    attachment_title = ""
    awaiting_title = False
    headings: list[Heading] = []
    columns: tuple[str, ...] | None = None
    heads: tuple[str, ...] = ()
    current: RowBuilder | None = None
    started = False
    first_line = len(lines)
    # a numbered line with fewer cells than the header: its cells, its first and last line
    wrapped: tuple[list[str], int, int] | None = None

    def close() -> None:
        nonlocal current
        finish_wrapped()
        if current is not None:
            items.append(current.build())
            current = None

    def start_row(cells: list[str], line_no: int, last_line: int) -> None:
        nonlocal current
        assert columns is not None
        number_cell = clean_cell(cells[columns.index(NUMBER)] if NUMBER in columns else cells[0])
        if (sub := _SUB_NUMBER.match(number_cell)) is not None:
            group = int(sub.group(1))
            if current is not None and current.item.number == group and current.only_titled():
                # 1.1 under 1 企业开办和注销: the group's row is the heading of the rows under it
                title, current = "".join(current.task), None
                open_heading(GROUPED, 0, title)
            number = int(sub.group(2))
        else:
            number = int(m.group(1)) if (m := _NUMBER_CELL.match(number_cell)) else 0
        if current is not None:
            items.append(current.build())
        if GROUP in columns and (group_cell := clean_cell(cells[columns.index(GROUP)])):
            open_heading(GROUPED, 0, group_cell)  # the group's first row: the rows under it are its
        current = RowBuilder(columns, heads, path(), attachment_title, number, line_no)
        current.add(cells, last_line)

    def finish_wrapped() -> None:
        """Read the wrapped row once its cells are complete; one that no line completes
        is skipped, as any line of the wrong width is (said)."""
        nonlocal wrapped
        if wrapped is None or columns is None:
            return
        cells, line_no, last_line = wrapped
        wrapped = None
        if len(cells) < len(columns):
            warnings.append(skipped(f"第 {line_no} 行：应有 {len(columns)} 列，实有 {len(cells)} 列，"
                                    f"后面也没有接续的行，已跳过"))
            return
        start_row(cells, line_no, last_line)

    def settle(sub_numbered: bool) -> None:
        """Before a new numbered row: the wrapped row read, and the open row built — but a
        row numbered within its group (1.1) leaves the open row to :func:`start_row`, which
        may make it the group's heading (1 企业开办和注销)."""
        if sub_numbered:
            finish_wrapped()
        else:
            close()

    def path() -> tuple[Heading, ...]:
        return ((attachment,) if attachment else ()) + tuple(headings)

    opened: list[tuple[int, Heading]] = []  # each section line, to tell one over no row
    signed = False  # within the signature after the table (its issuer, then its date)

    def open_heading(level: int, number: int, text: str) -> None:
        nonlocal headings
        close()
        headings = [h for h in headings if h.level < level] + [Heading(level, number, text)]
        opened.append((line_no, headings[-1]))

    for idx, raw in enumerate(lines):
        line_no = idx + 1
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        cells = split_cells(line)
        if cells is None and is_page_number(clean_cell(line)):
            continue  # the page's frame between two pages of the table (a cut row goes on)
        if cells is None and columns is not None and not marker(clean_cell(line)):
            cells = spaced_row(line, len(columns))  # a row with spaces for its tabs
        if cells is None and wrapped is not None and not marker(clean_cell(line)) \
                and (joined := continue_row(wrapped[0], [line], len(columns or ()))) is not None:
            wrapped = (joined, wrapped[1], line_no)  # a wrapped cell's rest on a line of its own
            if columns is not None and len(joined) == len(columns):
                finish_wrapped()
            continue
        if cells is None:
            plain = clean_cell(line)
            m = marker(plain)
            if (named := _NAMED_ATTACHMENT.match(plain)) and \
                    split_cells(next((ln for ln in lines[idx + 1:] if ln.strip()), "")) is not None:
                # the attachment named on its line, the table after it: included, not listed
                close()
                m = marker(f"附件{named.group(1)}")
                attachment = Heading(ATTACHMENT, m.number, m.scope_text)
                attachment_title, awaiting_title, headings = close_cjk_gaps(named.group(2)).strip("《》"), False, []
                attachments.append(Attachment(attachment.text, attachment_title))
                first_line = min(first_line, idx)
            elif m and m.level == ATTACHMENT:
                close()
                attachment = Heading(ATTACHMENT, m.number, m.scope_text)
                attachment_title, awaiting_title, headings = "", True, []
                first_line = min(first_line, idx)
            elif awaiting_title:
                attachment_title = close_cjk_gaps(plain).strip("《》")
                attachments.append(Attachment(attachment.text if attachment else "", attachment_title))
                awaiting_title = False
            elif started and m and m.level in (L1, L2):
                open_heading(m.level, m.number, plain)
            elif started and COLOPHON.search(plain):
                warnings.append(set_aside(f"第 {line_no} 行起是版记（{plain[:20]}），不属于任何条目，未计入"))
                break
            elif started and (signed or any(is_signature(plain, x) for x in next_lines(lines, idx))):
                # the signature after the table (西峡县商务局 西峡县财政局 / 2024年11月18日): no row's
                if not signed:
                    warnings.append(set_aside(f"第 {line_no} 行起是落款（{plain[:30]}），不属于任何条目，未计入"))
                signed = not is_date_line(plain)
            elif started and LEAD_FIRST.search(plain):
                # the table's note (注：排在第一位的为牵头单位): read as the rule for its unit
                # lists (applied by the parser, whatever shape the table came in)
                warnings.append(check(f"第 {line_no} 行：表注“{plain[:40]}”已用于各项的单位（未标牵头的，排在第一位的为牵头单位）"))
            elif started and not _JUNK.match(plain):
                warnings.append(skipped(f"第 {line_no} 行：无法识别的表格外文字，已跳过：{plain[:40]}", line_no))
            continue

        if _JUNK.match("".join(cells)):
            continue
        if (cols := header_columns(cells)) is not None:
            named = tuple(re.sub(r"\s+", "", clean_cell(c)) for c in cells)
            if (cols, named) == (columns, heads):
                continue  # the header repeated at a page's top: a row cut by the page break goes on
            finish_wrapped()
            columns, heads = cols, named
            started = True
            first_line = min(first_line, idx)
            continue
        if started and COLOPHON.search(said := " ".join(c.strip() for c in cells).strip()):
            # the colophon with its issuer a gap before the date (渠东县人民政府办公室   2024年2月27日印发)
            finish_wrapped()
            warnings.append(set_aside(f"第 {line_no} 行起是版记（{said[:20]}），不属于任何条目，未计入"))
            break
        first = clean_cell(cells[0])
        if columns is None:
            if len(cells) == len(DEFAULT_COLUMNS) or (len(cells) > len(DEFAULT_COLUMNS)
                                                      and not any(c.strip() for c in cells[7:])):
                columns = DEFAULT_COLUMNS
                heads = ("序号", "主要任务", "牵头单位", "配合单位", "落实措施", "时间进度", "年度目标和效果")
            elif is_field_line(line):
                continue  # the site's 信息公开 table (索引号：… 发布机构：…): the header's, read there
            else:
                warnings.append(skipped(f"第 {line_no} 行：表格前没有表头行（如 序号、主要任务、牵头单位、完成时限），"
                                        f"无法对应 {len(cells)} 列，已跳过"))
                continue
        if not started:
            started = True
            first_line = min(first_line, idx)
        if awaiting_title:  # an attachment with no title line
            attachments.append(Attachment(attachment.text if attachment else "", ""))
            awaiting_title = False
        n = len(columns)
        if len(cells) > n and all(not c.strip() for c in cells[n:]):
            cells = cells[:n]
        if wrapped is not None:
            if (joined := continue_row(wrapped[0], cells, n)) is not None:
                wrapped = (joined, wrapped[1], line_no)
                if len(joined) == n:
                    finish_wrapped()
                continue
            finish_wrapped()
        m = marker(first)
        if m and m.level in (L1, L2) and not any(c.strip() for c in cells[1:]):
            open_heading(m.level, m.number, first)
            continue
        number_cell = clean_cell(cells[columns.index(NUMBER)]) if NUMBER in columns and len(cells) > \
            columns.index(NUMBER) else first
        sub_numbered = _SUB_NUMBER.match(number_cell) is not None
        if len(cells) < n and len(cells) >= 2 and (_NUMBER_CELL.match(number_cell) or sub_numbered):
            # (a row numbered within its group leaves the group's row open: it may be its heading)
            settle(sub_numbered)
            wrapped = (cells, line_no, line_no)  # a row whose last cell wraps: the next line goes on
            continue
        if len(cells) != n:
            warnings.append(skipped(f"第 {line_no} 行：应有 {n} 列，实有 {len(cells)} 列，已跳过"))
            continue
        if _NUMBER_CELL.match(number_cell) or sub_numbered:
            settle(sub_numbered)
            start_row(cells, line_no, line_no)
        elif not number_cell:
            if current is None:
                warnings.append(skipped(f"第 {line_no} 行：续行前没有编号行，已跳过"))
                continue
            current.add(cells, line_no)
        elif TOTAL_CELL.match(number_cell):
            warnings.append(set_aside(f"第 {line_no} 行是表格的合计行，不是条目，未计入"))
        else:
            warnings.append(skipped(f"第 {line_no} 行：序号“{number_cell[:10]}”不是数字，已跳过"))
    close()
    # a section line no row stands under (一、… paragraphs after the table) is no section:
    # said, not lost (the notice's words after the table may still claim it)
    used = {id(h) for it in items for h in it.path}
    warnings += [skipped(f"第 {n} 行：其下没有表格行，已跳过：{h.text[:40]}", n) for n, h in opened if id(h) not in used]
    return TableResult(merged_cells(items), attachments, warnings, first_line)


# the share of a part's rows that must name their unit for an empty unit cell to be a merged one
_MERGED_SHARE = 0.7
# a table's total line (合计, 总计, 小计 where the number goes)
TOTAL_CELL = re.compile(r"^(?:合\s*计|总\s*计|小\s*计)$")


def next_lines(lines: list[str], idx: int) -> list[str]:
    """The next two lines with text after line index ``idx``."""
    return [ln for ln in lines[idx + 1:idx + 4] if ln.strip()][:2]


def _deadline(item: Item) -> str:
    """The item's deadline: its last measure's that gives one."""
    return next((m.deadline for m in reversed(item.measures) if m.deadline), "")


def merged_cells(items: list[Item]) -> list[Item]:
    """Rows copied from a table whose cells were merged down (one 重点任务 and 牵头单位 over
    several numbered rows): a row with its own number and measure but no task has the row
    above's task; with neither task nor lead, it has the row above's task and lead — and, when it gives none,
    its cooperating units and its deadline (the merged 配合单位, 完成时限). Without this its
    measure stood under no task, for no unit."""
    for above, it in pairwise(items):  # (an item filled in is the next one's row above)
        if above.path == it.path and not it.task and it.lead and it.measures and above.task:
            # only the task merged down (a group's title over its rows, each with its own units)
            it.task = above.task
        elif above.path == it.path and not it.task and not it.lead and it.measures and above.task:
            it.task, it.lead, it.lead_marked = above.task, list(above.lead), above.lead_marked
            it.coop = it.coop or list(above.coop)
            deadline = _deadline(above)
            if deadline and not _deadline(it):
                it.measures = [replace(m, deadline=deadline) for m in it.measures]
    # a unit or deadline cell left empty where (nearly) every other row of its part names one:
    # merged with the cell above (奖补项目 rows 7 and 8 under one 区农业农村委) — a part being
    # the table under its sections, whatever 类别 groups its rows
    def part(x: Item) -> tuple[Heading, ...]:
        return tuple(h for h in x.path if h.level != GROUPED)

    rows = Counter(part(x) for x in items)
    named = Counter(part(x) for x in items if x.lead)
    dated = Counter(part(x) for x in items if _deadline(x))
    for above, it in pairwise(items):
        if above.path != it.path or not it.task:
            continue
        if not it.lead and above.lead and named[part(it)] >= _MERGED_SHARE * rows[part(it)]:
            it.lead, it.lead_marked = list(above.lead), above.lead_marked
            it.coop = it.coop or list(above.coop)
        if not _deadline(it) and (d := _deadline(above)) and dated[part(it)] >= _MERGED_SHARE * rows[part(it)]:
            it.measures = [replace(m, deadline=d) for m in it.measures] or [Measure(text="", deadline=d, goal="")]
    return items



__all__ = ["DEFAULT_COLUMNS", "HEADER_WORDS", "TOTAL_CELL", "RowBuilder", "TableResult", "header_columns", "is_table",
           "next_lines", "read_table",
           "split_cells"]
