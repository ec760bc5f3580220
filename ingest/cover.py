"""A task list's cover notice: the 通知 above its table that says more than "印发给你们".

A task list usually comes under a short notice ("现将《…任务清单》印发给你们，请认真抓好
贯彻落实。"), which states nothing to answer from. Some notices do: when to report back
(每季度末月20日前报送进展情况), whom to call (联系人：… 联系电话：…). Such a notice is the
document's too: its body becomes a row of its own, cited 〔印发通知 第1项〕. One that only
issues the list stays out of the rows (the built-in corpus keeps its 218).
"""

from __future__ import annotations

import re
from itertools import islice

from .frame import is_page_line
from .header import is_date_line, is_signature
from .headings import NAMED
from .identity import Heading, Item
from .text import close_cjk_gaps, labelled_fields

COVER_SCOPE = "印发通知"
# the part a text's own paragraphs stand in, with no heading over them (a 公示's notice,
# an article's paragraphs: 〔正文 第1项〕)
BODY_SCOPE = "正文"

# the line the notice is addressed to (各乡镇人民政府，县直有关部门：)
_ADDRESSEE = re.compile(r"^各[^。；]{2,78}[：:]$|^[^。；]{2,60}(?:政府|部门|单位|机关|机构|企业|办事处|委员会)[：:]$|"
                        # a person addressed by the office they hold (a reply to 钟晓华代表：, 李明委员：)
                        r"^[\u4e00-\u9fff]{2,8}(?:代表|委员|同志|先生|女士)[：:]$")
# a sentence that only issues or forwards the list and asks it be carried out
_ISSUING = re.compile(r"印发给你们|转发给你们|印发你们|请认真|请结合实际|遵照执行|贯彻执行|贯彻落实|抓好落实")
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
_LABELLED = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")


# a figure a reader may ask of: a count, a span or a sum with its measure word (5个工作日,
# 共12项, 每月5日前, 20万元), a phone number or a mail address — not a year, nor the digits
# of a title or a file number (《…2023年…》, 长政发〔2024〕12号)
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:个)?(?:工作日|日|天|小时|周|万元|亿元|元|%|％|项|家|人|次|批)|"
                     r"\d{3,4}-\d{7,8}|[\w.]+@[\w.]+")
# a unit given its part in the matter (由县水利局牵头主办, 由区人社局负责受理): who handles it,
# which a reader asks as they ask a figure
_UNIT_ROLE = re.compile(r"由[\u4e00-\u9fff]{2,16}?(?:牵头|负责|主办|承办|受理)")
_NO_FIGURE = re.compile(r"《[^》]*》|〔\d{4}〕\d+号|(?:19|20)\d\d\s*年度?")


def preamble_item(lines: list[str]) -> Item | None:
    """The paragraph a text of numbered items opens with (``lines``, above its first
    item) as an item, where it states a figure a reader may ask of (即申即享的，5个工作日内
    完成审核; 每月5日前报送…，联系电话：…) or the unit handling the matter (由县水利局牵头
    主办) — not where it only says what the text is for
    and that it follows (为…，现制定以下措施), which most such paragraphs do."""
    item = cover_item(lines)
    return item if item is not None and (_FIGURE.search(_NO_FIGURE.sub("", item.task))
                                         or _UNIT_ROLE.search(item.task)) else None


def cover_item(lines: list[str]) -> Item | None:
    """The cover notice's body in ``lines`` (the text above the table) as an item, when it
    states more than the issuing of the list; else None."""
    start = next((i + 1 for i, ln in enumerate(lines) if _ADDRESSEE.match(close_cjk_gaps(ln.strip()))), None)
    scope = COVER_SCOPE
    if start is None:
        # a notice addressed to no one (a 公示: 公示期…，监督电话…, then its list): its words
        # after the page's own lines (发布时间：… 来源：…), the body of the page
        start = max((i + 1 for i, ln in enumerate(lines) if is_page_line(close_cjk_gaps(ln.strip()))), default=None)
        scope = BODY_SCOPE
    if start is None:
        return None
    body: list[tuple[int, str]] = []
    for i in range(start, len(lines)):
        s = close_cjk_gaps(lines[i].strip())
        if not s or is_page_line(s):
            continue
        # the signature: the issuer over the date, a seal note (（…代章）) between them or not
        after = [close_cjk_gaps(x.strip()) for x in islice((x for x in islice(lines, i + 1, None) if x.strip()), 2)]
        signed = any(is_signature(s, x) for x in after if x)
        if is_date_line(s) or signed or s.startswith("附件"):
            break
        body.append((i + 1, s))
    # sentences run on across lines; a line of labelled fields (联系人：…　　联系电话：…) stands apart
    text = "".join(s if not _LABELLED.match(s) else f" {labelled_fields(lines[n - 1])} " for n, s in body).strip()
    # what it states: whole sentences or labelled lines (联系人：…), other than the issuing one
    said = [x for x in _SENTENCE.findall(text) if len(x.strip("。；！？ ")) >= 6 and not _ISSUING.search(x)
            and (x.endswith(("。", "；", "！", "？")) or "：" in x)]
    if not said:
        return None
    return Item(path=(Heading(NAMED, 0, scope),), number=1, first_line=body[0][0], last_line=body[-1][0],
                task=text)
