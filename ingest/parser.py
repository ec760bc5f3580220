"""Read a document of any common shape into typed rows.

Shapes, recognised from the text itself:

- **table** (:mod:`ingest.table`): tab-separated or ``|`` cells (or cells aligned with
  runs of spaces, re-cut at them by :mod:`ingest.spaced`), columns mapped by
  their header words (序号 · 主要任务/重点任务 · 牵头单位/责任单位 · 配合单位 ·
  完成时限/时间进度 · 年度目标 …), rows continued over lines, repeated headers,
  附件N (or a lone 附件) sections — the built-in corpus's PDF table is one;
- **cells** (:mod:`ingest.cells`): a PDF table copied one cell per line (header words
  one per line, then each row's number alone on a line and its cells after it), its
  columns mapped as a table's;
- **outline** (:mod:`ingest.outline`): numbered items in running text with units
  inline or on the following lines, measure texts with 一、(一)1.（1） headings, and
  articles (第一条 …, under 第一章 headings or none), each cited 〔第五条〕.

Metadata comes from the header (:mod:`ingest.header`); every item becomes a row whose
identity is fixed by :mod:`ingest.identity`; the bytes' encoding by :mod:`ingest.decode`.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from .afterword import after_table
from .blocks import numbered_blocks
from .boxes import unbox
from .bullets import number_bullets, plain_markers, title_blocks
from .cells import is_cell_table, read_cells
from .cover import cover_item, preamble_item
from .csvtable import uncsv
from .decode import decode
from .departments import LEAD_FIRST, one_name_each
from .errors import IngestError
from .frame import page_footer, running_heads
from .header import period, read_header, term
from .headings import ATTACHMENT, items_read_as_decimals
from .identity import repeats, to_rows
from .labelled import labelled_lines
from .limits import check_file_size, check_item_sizes
from .markdown import unmark
from .notices import SKIPPED, kind, set_aside, skipped
from .outline import is_outline, read_outline
from .paragraphs import read_paragraphs
from .pipes import pipe_rows_as_sentences, spaced_rows_as_sentences
from .qanda import number_questions
from .schema import Document
from .spaced import to_tabs
from .table import DEFAULT_COLUMNS, is_table, read_table
from .unit_paragraphs import number_unit_paragraphs

N_CELLS = len(DEFAULT_COLUMNS)
HEADER_FIRST_CELL = "序号"
SHAPES = ("① 表格：每行用制表符、“|”或连续空格分隔，表头写明各列（序号、主要任务/重点任务、牵头单位/责任单位、"
          "配合单位、完成时限/时间进度、年度目标等），可有“附件N”和“一、”分节；"
          "② 分条文字：“1.……”“（一）……”一条一段，单位写在条目后（“牵头单位：…”“责任单位：…”“时限要求：…”"
          "各占一行，或在括号里）；"
          "③ 措施文本（若干措施、实施意见、通知正文）：一、（一）1.（1）分级标题；"
          "④ 条文：“第一条”“第二条”……，可在“第一章”下；"
          "⑤ PDF 复制的表格、每格一行：先是表头词（序号、主要任务、牵头单位……各占一行），"
          "再是各行（单独一行的序号 1、2……，其后是该行各格）；"
          "⑥ 政策解读的问答：“问：……”一行，其后“答：……”；"
          "⑦ 通篇成段的文章（新闻稿式的政策解读）：每段一条；"
          "⑧ 公众号文章：“01 | ……”分部分，各点用 ✔ ● ▲ 等符号开头，“▶ ……”标题下的部分按标题引用")

__all__ = [
    "HEADER_FIRST_CELL",
    "N_CELLS",
    "SHAPES",
    "IngestError",
    "builtin_corpus",
    "load_document",
    "parse_text",
    "period",
    "read_text",
]


def builtin_corpus() -> Path:
    """The corpus shipped with the package (大营增专班发〔2022〕1号)."""
    return Path(str(resources.files("ingest").joinpath("data/daning_2022_tasklist.txt")))


def read_text(path: str | Path) -> str:
    """A document's text in whatever encoding it came (UTF-8, GB18030/GBK, UTF-16);
    empty, binary and undecodable files are refused with a message naming the file."""
    p = Path(path)
    if not p.exists():
        raise IngestError(f"文件不存在：{p}（请检查路径）")
    if p.is_dir():
        raise IngestError(f"{p} 是一个目录，需要的是一份政策文件或任务清单的文本文件（.txt）")
    check_file_size(p)
    return decode(p.read_bytes(), str(p))[0]


def _unrecognised(path: str, lines: list[str], unplaced: list[tuple[int, str]]) -> IngestError:
    shown = unplaced or [(i + 1, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    first = "；".join(f"第 {n} 行「{s[:30]}{'…' if len(s) > 30 else ''}」" for n, s in shown[:5])
    return IngestError(f"{path} 中没有识别到任务清单或政策条目，能读的格式有：{SHAPES}。"
                       f"无法归入条目的开头几行：{first}")


def parse_text(text: str, path: str = "<text>") -> Document:
    """Parse a document's text into a :class:`Document`. Raises :class:`IngestError`
    when no shape is recognised or an item is longer than any real one
    (:mod:`ingest.limits`); lines that could not be placed become warnings."""
    lines = text.splitlines()
    # a web page's footer copied after the document (【打印本页】, 主办单位：…, ICP备…):
    # set aside, its lines left blank so that every other line keeps its number
    footer = page_footer(lines)
    framed: list[str] = []
    if footer is not None:
        framed = [set_aside(f"第 {footer + 1} 行起是网页的页脚（{lines[footer].strip()[:30]}…），"
                            f"不属于文件内容，未计入")]
        lines = lines[:footer] + [""] * (len(lines) - footer)
    # a PDF copy's running head beside each page number (the file's name): blanked, as the
    # footer is, every other line keeping its number
    if heads := running_heads(lines):
        lines = ["" if i in heads else ln for i, ln in enumerate(lines)]
    # an item whose text opens with a digit (3.16-24岁…), read as a decimal: the list's count says
    lines = items_read_as_decimals(lines)
    if (boxed := unbox(lines)) is not None:
        lines = boxed  # a table with its borders drawn (┌──┬──┐ │序号│…│): a row per tab-separated line
    elif (records := uncsv(lines)) is not None:
        lines = records  # a spreadsheet saved as CSV (序号,政策名称,…): a row per tab-separated line
    tabbed = is_table(lines)
    if not tabbed and (blocks := labelled_lines(lines)) is not None:
        lines = blocks  # a guide's two columns, label and value: its labelled blocks
    if not tabbed:
        # a pipe table inside running text (| 类别 | 标准 | 上限 |): a sentence per row
        lines = pipe_rows_as_sentences(lines)
    if not tabbed and (unmarked := unmark(lines)) is not None:
        lines = unmarked  # a page copied with its Markdown marks: ## 一、… / **（一）…** / - …
    if not tabbed and (numbered := number_questions(lines)) is not None:
        lines = numbered  # a 政策解读 in 问/答: each question an item
    if not tabbed and (bulleted := number_bullets(lines)) is not None:
        lines = bulleted  # a 公众号 article: ▶ 一、… / ● 补多少？ — each point an item (its Q1/A1 too)
    elif not tabbed and (blocks := title_blocks(lines)) is not None:
        lines = blocks  # a 政策汇编: ★ 创业担保贷款 over 【支持标准】… — each block one item
    elif not tabbed and (unmarked_parts := plain_markers(lines)) is not None:
        lines = unmarked_parts  # ● 一、古镇老旧小区改造 over its fields: the heading as numbered
    if not tabbed and (blocks := numbered_blocks(lines)) is not None:
        lines = blocks  # a 指引: 1.… over 【享受条件】 / 1.… — a block's list is its item's points
    if not tabbed and (tasks := number_unit_paragraphs(lines)) is not None:
        lines = tasks  # a 工作要点: paragraphs under 一、, each closing with （责任单位：…）
    if not tabbed and (respaced := to_tabs(lines)) is not None and is_table(respaced):
        lines, tabbed = respaced, True  # a table aligned with spaces, re-cut at its gaps
    if tabbed or is_cell_table(lines):
        shape, res = ("table", read_table(lines)) if tabbed else ("cells", read_cells(lines))
        items, attachments, warnings, body = res.items, res.attachments, res.warnings, res.first_line
        unplaced: list[tuple[int, str]] = []
        closing = ""
        notice = lines[:body]
        attached = bool(items) and all(any(h.level == ATTACHMENT for h in it.path) for it in items)
        if items and is_outline(notice) and (prose := read_outline(notice)).items and (
                attached or repeats([*prose.items, *items]) == repeats(items)):
            # a 工作方案 whose own numbered items come before the task table it attaches
            # (一、… 1.对新建…给予5万元…, then 附件 and the table): its items are rows too —
            # cited apart from the table's, which stand under their 附件, or, for a table
            # with no 附件 marker (附件：…分工表 names it), by their own headings (〔三、 第3项〕
            # beside the table's 〔第3项〕) where no label would repeat the table's
            items = [*prose.items, *items]
            warnings = prose.warnings + warnings
            closing, notice = prose.closing, notice[:prose.first_line]
        if items and (cover := cover_item(notice)) is not None:
            items = [*items, cover]  # a cover notice that says more than 印发给你们
        if items and (after := after_table(lines, end := max(it.last_line for it in items))):
            # 工作要求： over 一是…二是…, then 联系人：… after the table: the notice's too
            read = set(range(end + 1, max(it.last_line for it in after) + 1))
            items = [*items, *after]
            warnings = [w for w in warnings if not (kind(w) == SKIPPED and getattr(w, "line", 0) in read)]
    else:
        # a table aligned with spaces inside the text (an attached 安排表): a sentence per row
        lines = spaced_rows_as_sentences(lines)
        shape, out = "outline", read_outline(lines)
        if not out.items and (asked := number_questions(lines, min_pairs=1)) is not None:
            out = read_outline(asked)  # nothing but one or two questions with their answers
        if not out.items and (prose := read_paragraphs(lines)) is not None:
            out = prose  # an article of paragraphs, its measures enumerated inside them (一是…二是…)
        items, attachments, warnings, body = out.items, out.attachments, out.warnings, out.first_line
        unplaced, closing = out.unplaced, out.closing
        if items and (preamble := preamble_item(lines[:body])) is not None:
            items = [*items, preamble]  # a paragraph before the first item that states a figure
    if not items:
        raise _unrecognised(path, lines, unplaced)
    if shape != "outline" and any(LEAD_FIRST.search(ln) for ln in lines):
        # the table's note (注：排在第一位的为牵头单位): of 责任单位 none marked, the first leads
        for it in items:
            if not it.lead_marked:
                it.lead, it.coop, it.lead_marked = it.lead[:1], it.lead[1:] + it.coop, True
    text_end = len(lines) if footer is None else footer
    header = read_header(lines[:body], tail=lines[:text_end][-15:] if shape == "outline" else None)
    if header.subject == header.title and (titled := [a.title for a in attachments if a.title]) and (
            shape != "outline" or any(h.level == ATTACHMENT for h in items[0].path)):
        # the title above the body: under 附件, where the body starts — not that of an
        # attachment a notice's own items come before (附件1 申报材料清单)
        header.subject = titled[0]
    for it in items:
        if not it.attachment_title:
            it.attachment_title = header.subject
    one_name_each(items)
    rows, repeated = to_rows(items)
    if not header.place:
        from .places import locate  # a title-less document: its attachments' titles
        if found := locate(" ".join(a.title for a in attachments)):
            header.place, header.place_parents = found[0].name, tuple(p.name for p in found[1:])
    last = len(lines)
    if text and not text.endswith(("\n", "\r")) and any(w.startswith(f"第 {last} 行") for w in warnings):
        warnings = warnings + [skipped(f"文件在第 {last} 行中途结束，可能被截断：只读到 {len(rows)} 项，请核对原文件是否完整")]
    # the words of the document about itself: its title, subject, closing words and an
    # item stating its term (本措施有效期至…)
    own_words = " ".join((header.title, header.subject, closing, *(r.task for r in rows if "有效期" in r.task)))
    return check_item_sizes(Document(path=str(path), title=header.title, doc_number=header.doc_number, issuer=header.issuer,
                    date=header.date, attachments=attachments, rows=rows,
                    warnings=header.warnings + warnings + repeated + framed,
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    place=header.place, place_parents=header.place_parents,
                    years=period(header.date, rows, own_words), term=term(header.date, own_words),
                    shape=shape, subject=header.subject, body_line=body + 1))


def load_document(path: str | Path | None = None) -> Document:
    """Read and parse a document; the built-in corpus when ``path`` is None."""
    p = Path(path) if path else builtin_corpus()
    return parse_text(read_text(p), str(p))
