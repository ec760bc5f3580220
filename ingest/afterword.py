"""A notice's words after its task table: 工作要求：一是…二是… and the contact (联系人：…).

A task list pasted with its notice may carry the notice's requirements after the table
rather than before it (工作要求： over 一是压实工作责任…, 二是…每月25日前报送…, then 联系人：…
电话：…). Read line by line as the table, they were "表格外文字" skipped with a warning, and
a question on when to report progress found nothing. Under a label alone on its line (with
its colon, or without it over paragraphs that number themselves: 其他事项 / 一、…), each
paragraph is an item of a part named by that label (〔工作要求 第2项〕); contact lines, under a label or
straight after the table, are the notice's contact row (〔联系方式 第1项〕). Other text after
the table with no such label stays out, as before, with its warning.
"""

from __future__ import annotations

import re

from .cells import BARE_LABEL
from .contact import CONTACT_LINE, CONTACT_SCOPE, contact_text
from .departments import LEAD_FIRST
from .frame import is_page_line
from .header import is_date_line, is_signature
from .headings import L1, L2, L3, NAMED, marker
from .identity import Heading, Item
from .table import COLOPHON, NOTE_LABELS, TOTAL_CELL, next_lines, split_cells
from .text import SENTENCE_ENDS, clean_cell, close_cjk_gaps, is_page_number

# a label alone on its line, with its colon (工作要求：, 有关要求：)
_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*[:：]$")
# or without it, over paragraphs that number themselves (其他事项 / 一、同一企业…): cells.BARE_LABEL
# or with the first of its numbered paragraphs on its line (注：1.网络零售额增长奖励按…)
_LABEL_FIRST = re.compile(r"^([\u4e00-\u9fff]{1,8})\s*[:：]\s*(\S.*)$")


def after_table(lines: list[str], start: int) -> list[Item]:
    """The items of the labelled text from line index ``start`` (the line after the
    table's last row) to the page's end, the signature or a date; [] when that text opens
    with no label."""
    name = ""
    items: list[Item] = []
    contact: list[tuple[int, str]] = []
    for i in range(start, len(lines)):
        s = close_cjk_gaps(lines[i].strip())
        if not s or is_page_number(s) or (not name and (cells := split_cells(lines[i])) is not None
                                          and TOTAL_CELL.match(clean_cell(cells[0]))):
            continue  # a page's number; the table's total (合计 … 119.90)
        if not name and LEAD_FIRST.search(s):
            # the table's key opening its notes (注：1.排在第一位的为牵头单位), applied to its
            # units: no item, but its label heads the notes after it
            if m := _LABEL_FIRST.match(s):
                name = m.group(1)
            continue
        if is_page_line(s) or is_date_line(s) or COLOPHON.search(s) or any(is_signature(s, x) for x in next_lines(lines, i)):
            break
        if not name and CONTACT_LINE.match(s):
            # the contact straight after the table, under no label (联系人：…，联系电话：…):
            # the notice's contact row all the same
            contact.append((i + 1, s))
            continue
        if not name:
            if m := _LABEL.match(s) or (_numbered_next(lines, i) and BARE_LABEL.match(s)):
                name = m.group(1)
                continue
            if not ((m := _LABEL_FIRST.match(s)) and ((first := marker(m.group(2))) is not None
                    and first.level == L3 and first.number == 1 or m.group(1) in NOTE_LABELS)):
                return []
            name, s = m.group(1), m.group(2)
        if CONTACT_LINE.match(s):
            contact.append((i + 1, s))
            continue
        if contact:
            break  # the contact ends the notice's words
        if items and not items[-1].task.endswith(SENTENCE_ENDS) and marker(s) is None:
            # a paragraph the page broke mid-sentence (…专窗提交， / 受理部门不得…): one item
            items[-1].task += s
            items[-1].last_line = i + 1
            continue
        # numbered as the document numbers it (注：1.… whose 1. is the table's key: 2., 3.)
        after_last = max((it.number for it in items), default=0) + 1
        items.append(Item(path=(Heading(NAMED, 0, name, scope=name),),
                          number=mk.number if (mk := marker(s)) and mk.level == L3 and mk.number >= after_last
                          else after_last,
                          first_line=i + 1, last_line=i + 1, task=s))
    if contact:
        items.append(Item(path=(Heading(NAMED, 0, CONTACT_SCOPE),), number=1, first_line=contact[0][0],
                          last_line=contact[-1][0], task=contact_text([s for _, s in contact])))
    # (the contact straight after the table is a row on its own; under a label of its own
    # with nothing else, the text stays out as before)
    return items if len(items) > bool(contact) or (contact and not name) else []


def _numbered_next(lines: list[str], i: int) -> bool:
    """Whether the first line with text after line index ``i`` opens with its number."""
    nxt = next((ln.strip() for ln in lines[i + 1:] if ln.strip()), "")
    return (m := marker(nxt)) is not None and m.level in (L1, L2, L3)
