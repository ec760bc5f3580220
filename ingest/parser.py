"""Parse a task-list document (text extracted from the published PDF) into typed rows.

The source shape: front matter (title, 文号, issuer, date), then one table per
attachment. Table lines are tab-separated cells (序号, 主要任务/主要内容, 牵头单位,
配合单位, 落实措施, 时间进度, 年度目标和效果). A row continues over lines whose first
cells are empty (one line per measure); header lines repeat on every page;
section headers (``一、…``) sit in the first cell or alone on a line; cells may
carry stray HTML; junk lines like ``----`` appear.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .departments import split_units
from .places import locate
from .schema import Attachment, Document, Measure, TaskRow
from .text import clean_cell, close_cjk_gaps, split_items

N_CELLS = 7
_ATTACHMENT = re.compile(r"^附件\s*(\d+)$")
_SECTION = re.compile(r"^[一二三四五六七八九十]+、\S")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_JUNK = re.compile(r"^[\s\-—_=|·.]*$")
HEADER_FIRST_CELL = "序号"


class IngestError(ValueError):
    """The document cannot be read as a task list; the message names the file and the fix."""


def builtin_corpus() -> Path:
    """The corpus shipped with the package (大营增专班发〔2022〕1号)."""
    return Path(str(resources.files("ingest").joinpath("data/daning_2022_tasklist.txt")))


def read_text(path: str | Path) -> str:
    """Read a document as UTF-8 text, refusing empty, binary and non-UTF-8 files."""
    p = Path(path)
    if not p.exists():
        raise IngestError(f"文件不存在：{p}（请检查路径）")
    if p.is_dir():
        raise IngestError(f"{p} 是一个目录，需要的是任务清单文本文件（UTF-8 编码的 .txt）")
    data = p.read_bytes()
    if not data.strip():
        raise IngestError(f"{p} 是空文件：需要一份任务清单文本（UTF-8，制表符分隔的表格行）")
    if b"\x00" in data[:65536]:
        raise IngestError(f"{p} 是二进制文件，不是文本：需要一份任务清单文本（UTF-8，制表符分隔的表格行）")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise IngestError(
            f"{p} 不是 UTF-8 编码（第 {e.start} 字节无法解码）：请先转换为 UTF-8 再导入") from e


@dataclass
class _RowBuilder:
    attachment: str
    attachment_title: str
    section: str
    number: int
    first_line: int
    task: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    coop: list[str] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    last_line: int = 0

    def add(self, cells: list[str], line_no: int) -> None:
        task, lead, coop, measure, deadline, goal = (clean_cell(c) for c in cells[1:N_CELLS])
        if task:
            self.task.append(task)
        for units, cell in ((self.lead, lead), (self.coop, coop)):
            for u in split_units(cell):
                if u not in units:
                    units.append(u)
        if measure or deadline or goal:
            self.measures.append(Measure(text=measure, deadline=deadline, goal=goal,
                                         items=split_items(measure)))
        self.last_line = line_no

    def build(self) -> TaskRow:
        return TaskRow(
            attachment=self.attachment, attachment_title=self.attachment_title,
            section=self.section, number=self.number, task="".join(self.task),
            lead_units=tuple(self.lead), coop_units=tuple(self.coop),
            measures=tuple(self.measures), lines=(self.first_line, self.last_line or self.first_line),
        )


def _front_matter(lines: list[str]) -> tuple[str, str, str, str]:
    """Title, 文号, issuer and date from the lines before the first attachment."""
    title = doc_number = issuer = date = ""
    stripped = [ln.strip() for ln in lines]
    for i, ln in enumerate(stripped):
        if not doc_number and (m := _DOC_NUMBER.search(ln)):
            doc_number = m.group(0)
        if not title and ("关于" in ln or ln.endswith("通知")) and len(ln) > 8:
            title = close_cjk_gaps(ln)
        if not date and (m := _DATE.search(ln)):
            date = f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日"
            # the issuer is the last plain line above the date (skipping 代章 notes)
            for prev in reversed(stripped[:i]):
                if prev and not prev.startswith(("（", "(")):
                    issuer = close_cjk_gaps(prev)
                    break
    return title, doc_number, issuer, date


def parse_text(text: str, path: str = "<text>") -> Document:
    """Parse the document's text into a :class:`Document`. Raises :class:`IngestError`
    when no table row is recognised; malformed lines become warnings."""
    lines = text.splitlines()
    warnings: list[str] = []
    attachments: list[Attachment] = []
    rows: list[TaskRow] = []
    seen: set[tuple[str, int]] = set()
    attachment = ""
    attachment_title = ""
    awaiting_title = False
    section = ""
    current: _RowBuilder | None = None
    first_attachment_line = len(lines)

    def close() -> None:
        nonlocal current
        if current is not None:
            row = current.build()
            if row.key in seen:
                warnings.append(f"第 {row.lines[0]} 行：{row.label} 重复出现，已跳过")
            else:
                seen.add(row.key)
                rows.append(row)
            current = None

    for line_no, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if "\t" not in line:
            plain = clean_cell(line)
            if m := _ATTACHMENT.match(plain):
                close()
                attachment = f"附件{int(m.group(1))}"
                attachment_title = ""
                awaiting_title = True
                section = ""
                first_attachment_line = min(first_attachment_line, line_no)
            elif awaiting_title:
                attachment_title = close_cjk_gaps(plain).strip("《》")
                attachments.append(Attachment(attachment, attachment_title))
                awaiting_title = False
            elif attachment and _SECTION.match(plain):
                close()
                section = plain
            elif attachment and not _JUNK.match(plain):
                warnings.append(f"第 {line_no} 行：无法识别的表格外文字，已跳过：{plain[:40]}")
            continue

        cells = line.split("\t")
        first = clean_cell(cells[0])
        if first == HEADER_FIRST_CELL or _JUNK.match(line.replace("\t", "")):
            continue
        if not attachment:
            warnings.append(f"第 {line_no} 行：表格行出现在“附件”标记之前，已跳过")
            continue
        if awaiting_title:  # an attachment with no title line
            attachments.append(Attachment(attachment, ""))
            awaiting_title = False
        if len(cells) > N_CELLS and all(not c.strip() for c in cells[N_CELLS:]):
            cells = cells[:N_CELLS]
        if len(cells) != N_CELLS:
            warnings.append(f"第 {line_no} 行：应有 {N_CELLS} 列，实有 {len(cells)} 列，已跳过")
            continue
        if _SECTION.match(first) and not any(c.strip() for c in cells[1:]):
            close()
            section = first
            continue
        if first.isdigit():
            close()
            current = _RowBuilder(attachment, attachment_title, section, int(first), line_no)
            current.add(cells, line_no)
        elif not first:
            if current is None:
                warnings.append(f"第 {line_no} 行：续行前没有编号行，已跳过")
                continue
            current.add(cells, line_no)
        else:
            warnings.append(f"第 {line_no} 行：序号“{first[:10]}”不是数字，已跳过")
    close()

    if not rows:
        raise IngestError(
            f"{path} 中没有识别到任务清单的表格行：需要“附件N”标记和制表符分隔的 {N_CELLS} 列行"
            f"（序号、主要任务、牵头单位、配合单位、落实措施、时间进度、年度目标和效果）")
    title, doc_number, issuer, date = _front_matter(lines[:first_attachment_line - 1])
    place = locate(" ".join([issuer, title, *(a.title for a in attachments)]))
    return Document(path=str(path), title=title, doc_number=doc_number, issuer=issuer, date=date,
                    attachments=attachments, rows=rows, warnings=warnings,
                    place=place[0].name if place else "", place_parents=tuple(p.name for p in place[1:]),
                    years=period(date, rows),
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


_YEAR_NAMED = re.compile(r"(?<![\d〔\[（(])(20\d{2})\s*(?:年(?!版)|[-—–~至到]\s*(20\d{2})\s*年)")


def period(date: str, rows: list[TaskRow]) -> tuple[int, ...]:
    """The years a document covers: its issue year and every year its rows name
    (2025年底, 2022—2025年), not a year inside a cited file number (〔2021〕) or an
    edition (2021年版)."""
    years = {int(date[:4])} if date[:4].isdigit() else set()
    for r in rows:
        for m in _YEAR_NAMED.finditer(r.fields_text()):
            lo = int(m.group(1))
            hi = int(m.group(2)) if m.group(2) else lo
            years.update(range(lo, hi + 1) if 0 <= hi - lo <= 10 else (lo, hi))
    return tuple(sorted(years))


def load_document(path: str | Path | None = None) -> Document:
    """Read and parse a document; the built-in corpus when ``path`` is None."""
    p = Path(path) if path else builtin_corpus()
    return parse_text(read_text(p), str(p))
