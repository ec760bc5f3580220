"""A notice's contact: whom to call about it, wherever the document puts it.

Three places, one notion: the 联系人：… 联系电话：… lines after a notice's last item (read
as a row of their own, 〔联系方式 第1项〕, by :mod:`ingest.outline`); an article or section
titled so (第七条 咨询方式。, 六、联系方式); a task list's cover notice holding such a line
(:mod:`ingest.cover`). The answer path asks :func:`is_contact` for the row that gives a
number to call when the rows on the topic give none.
"""

from __future__ import annotations

import re

from .cover import COVER_SCOPE
from .schema import TaskRow
from .text import labelled_fields

CONTACT_SCOPE = "联系方式"

# a contact line (联系人：… 联系电话：… 咨询电话：… 政策咨询：)
CONTACT_LINE = re.compile(r"^(?:联\s*系\s*(?:人(?:\s*[及和与、/]\s*(?:联\s*系\s*)?(?:电\s*话|方\s*式))?|电\s*话|方\s*式|地\s*址|部\s*门|单\s*位)|"
                          r"(?:政策|业务)?(?:咨询|监督|举报|投诉|受理|办公)\s*电\s*话|(?:政策|业务)咨询)\s*[:：]")
# a further line of a contact block: a short label and its value (邮箱：…, 地址：…)
CONTACT_MORE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")
# …or whom to call under 咨询电话： and their number (县创业贷款担保中心：0793-5896237,
# 县人社局　电话：0710-7232156)
_NAMED_NUMBER = re.compile(r"^[\u4e00-\u9fff（）()][\u4e00-\u9fff（）()\s]{1,30}[:：]\s*(?:\d{3,4}\s*[-－—]\s*)?\d{7,8}\b")
# a paragraph that says whom to call (如有疑问，可拨打12366纳税缴费服务热线或0573-88127366…)
_CALL = re.compile(r"(?:拨打|致电)[^。；;]{0,24}?(?<!\d)(?:\d{3,4}\s*[-－—]\s*)?\d{5,8}(?!\d)")
# …and the office's address after it (濮院税务分局办税服务厅地址：…)
_ADDRESS = re.compile(r"^[\u4e00-\u9fff（）()]{2,24}(?:地址|电话|邮箱)\s*[:：]")
# a contact line inside running text (…联系人：王明，联系电话：…)
_CONTACT_IN = re.compile(r"联\s*系\s*(?:人|电\s*话|方\s*式)\s*[:：]|(?:咨询|办公)\s*电\s*话\s*[:：]")
# the title of an article or section that is the contact (咨询方式。 六、联系方式)
_CONTACT_TITLE = re.compile(r"^(?:[一二三四五六七八九十]+、)?(?:联系|咨询)(?:方式|电话|人)[。：:]?$")


def contact_text(lines: list[str]) -> str:
    """Contact lines as one text: the lines, and the fields of each, a space apart (the
    gap the document leaves between them), spaces inside a name closed (张　磊 → 张磊)."""
    return " ".join(labelled_fields(ln) for ln in lines if ln.strip())


def opens_contact(line: str) -> bool:
    """Whether ``line`` opens a contact: a contact line (联系人：…), or a paragraph saying
    whom to call (…可拨打12366纳税缴费服务热线…咨询; …报送县发改局，联系人：李婷，联系电话：…)."""
    return bool(CONTACT_LINE.match(line) or _CALL.search(line) or _CONTACT_IN.search(line))


def continues_contact(line: str) -> bool:
    """Whether ``line``, after a contact line, is more of the contact: a short label and its
    value, an office and its number, or an office's address."""
    return bool(CONTACT_MORE.match(line) or _NAMED_NUMBER.match(line) or _ADDRESS.match(line))


def is_contact_title(title: str) -> bool:
    """A heading or article title that names the contact (六、联系方式, 咨询电话：)."""
    return bool(_CONTACT_TITLE.match(title.strip()))


def is_contact(row: TaskRow) -> bool:
    """Whether ``row`` is a notice's contact: its block after the last item, an article
    or section titled so, or a cover notice with a contact line."""
    first = row.task.split("。", 1)[0] + "。"
    return (row.headings == (CONTACT_SCOPE,) or bool(_CONTACT_TITLE.match(first.strip()))
            or any(_CONTACT_TITLE.match(h.strip()) for h in row.headings[-1:])
            or (row.headings == (COVER_SCOPE,) and bool(_CONTACT_IN.search(row.task))))
