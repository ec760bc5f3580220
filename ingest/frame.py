"""A web page's footer copied with the document: the page's own buttons (【打印本页】
【关闭窗口】, 分享到, 扫一扫在手机打开), the site's owner and operator (主办单位：…
承办单位：…, 技术支持), its address, and the filing numbers every Chinese website must show
(豫ICP备…, 公网安备…, 网站标识码). It is no part of the document: read as text it
ran into the last article, and a 承办单位 of the site became a unit in charge.

The footer is the block of such lines at the end of the text, holding at least one of
the page's own marks (a button or a filing number); a line ending a sentence (…咨询电话：
0451-53522617。) is the document's, whatever it names.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from .text import is_page_number

# the page's own marks: its buttons and the filing numbers a site must show
_PAGE = re.compile(r"打印本页|关闭窗口|打印此页|关闭本页|【打印】|【关闭】|分享到|扫一扫|"
                   r"ICP备|ICP证|公网安备|网站标识码|版权所有|Copyright|©|返回顶部|网站地图|"
                   # a 公众号 article's own buttons and asides (阅读原文 点赞 在看, 长按识别二维码)
                   r"阅读原文|长按识别|识别二维码|点击下方|点击上方|点击蓝字")
# what else a footer line holds: the site's owner, operator, address, contacts
_SITE = re.compile(r"主办(?:单位)?[:：]|承办(?:单位)?[:：]|\S(?:主办|承办)(?=\s|$)|技术支持|地址[:：]|邮编|联系(?:电话|我们)|电话[:：]|"
                   r"传真|E-?mail|微信|微博|QQ空间|浏览次数|访问量|纠错|"
                   # who edited the page (【责任编辑：…】 【审核：…】)
                   r"责任编辑|^【?(?:编辑|审核|终审|校对)\s*[:：]|"
                   # the site's advice on how to view it (建议使用1366×768分辨率及以上浏览器浏览本网站)
                   r"分辨率|浏览器")


# the page's links: to files (申请表.doc) and to related pages under a 相关链接 heading,
# and how the page says the document was made public (此件公开发布)
_LINK_HEADINGS = r"相关链接|相关附件|相关文件|相关解读|相关政策|附件下载|相关阅读|相关文章|相关新闻|相关信息|相关推荐|相关服务|推荐阅读|往期推荐|往期回顾|上一篇|下一篇|上一条|下一条"
_LINK = re.compile(rf"\.(?:docx?|xlsx?|pdf|wps|et|zip|rar)\b|^(?:{_LINK_HEADINGS})|^【(?:视频|音频|图解)】|"
                   r"^[（(]此件.{0,8}公开.{0,6}[）)]$")
_LINK_HEADING = re.compile(rf"^(?:{_LINK_HEADINGS})[:：]?")
# the page's note of when and by whom it was put online, and its reading aids (发布时间：…
# 来源：… 浏览量：…, 【字体：大 中 小】): page furniture, above the document as often as below
_POSTED_WORDS = r"发布时间|发布日期|信息来源|来源"  # when and from where it was posted
# (and the catalogue card a 信息公开 page puts over a document: 索引号：… 发布机构：… 文号：…; a
# 公众号's 阅读提示：本文约3200字…)
_META = re.compile(rf"^【?(?:{_POSTED_WORDS}|作者|浏览量|浏览次数|阅读次数|点击(?:数|量|率)|访问量|字体|字号|"
                   r"索引号|发布机构|主题分类|成文日期|发文机关|发文字号|文号|公开方式|公开范围|阅读提示)\s*[:：]")
# the line a page or a 公众号 puts right under an article's title: when and where it was
# posted (发布时间：… 来源：…; 原创 攸县发布 2024-04-12 18:30 发表于湖南; 谷城发布　2025年04月17日 18:20)
_POSTED = re.compile(rf"^(?:{_POSTED_WORDS})\s*[:：]|^[^。，,；;]{{0,40}}?(?:19|20)\d\d"
                     rf"(?:-\d{{1,2}}-\d{{1,2}}|\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)\s*\d{{1,2}}:\d{{2}}")
_LINK_ROWS = 8  # a 相关链接 heading is this many lines above the footer at most


def _frame_line(line: str) -> bool:
    s = line.strip()
    return bool(_PAGE.search(s) or _SITE.search(s) or _LINK.search(s)) and not s.endswith(("。", "；", ";"))


# the site's name, its menu and the breadcrumb of where the page sits (临泽县人民政府门户网站,
# 首页 | 政务公开 | …, 您当前的位置：首页 > 信息公开)
_WHERE = re.compile(r"(?:门户网站|政府网|网站)$|^(?:您?(?:当前|现在|所在)的?位置|当前位置)[:：]|首页\s*[>＞›|｜]")


def running_heads(lines: list[str]) -> set[int]:
    """The lines a PDF copy repeats at its page breaks — the page's running head (the
    file's name, 滁州市关于…若干措施.pdf) beside each page number (— 2 —): the same line
    next to two or more page numbers and nowhere else: a line the document also writes away
    from a page break is its text (a table's deadline cell, 2025年6月底前, that two pages
    happen to end with)."""
    beside: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if not is_page_number(ln):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and lines[j].strip() and not is_page_number(lines[j]):
                beside.setdefault(lines[j].strip(), []).append(j)
    # the title it names is written as one too — the text's first line, the line under 附件
    titles = set(_title_lines(lines))
    titled = Counter(lines[j].strip() for j in titles)
    written = Counter(ln.strip() for ln in lines)
    return {j for s, at in beside.items()
            if len(set(at)) >= 2 and written[s] - titled[s] == len(set(at) - titles) for j in at}


_ATTACHMENT_LINE = re.compile(r"^附\s*件\s*\d*\s*[:：]?$")


def _title_lines(lines: list[str]) -> list[int]:
    """The lines a title stands on: the text's first, and each under a bare 附件 line."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    return filled[:1] + [j for i, j in pairwise(filled) if _ATTACHMENT_LINE.match(lines[i].strip())]


def is_posting_line(line: str) -> bool:
    """The line a page or a 公众号 puts under an article's title: when and where it was
    posted (发布时间：… 来源：…, or a byline)."""
    s = line.strip()
    return bool(_POSTED.match(s))


def is_page_aside(line: str) -> bool:
    """A line a 公众号 article puts between its parts for the page's sake: a button or a
    link (👇点击下方了解更多, 【视频】3分钟看懂…, 长按识别二维码) — no sentence of the text."""
    s = line.strip()
    return bool(_PAGE.search(s) or _LINK.search(s)) and not s.endswith(("。", "；", ";"))


def is_page_line(line: str) -> bool:
    """A line of the page, not of the document: a button, a filing number, the site's
    owner, or the note of when it went online (发布时间：… 来源：…)."""
    s = line.strip()
    return bool(_PAGE.search(s) or _META.match(s) or _WHERE.search(s))


# the mark a 公众号 article ends with (- END -, —END—): what follows is the account's
# (来源、编辑, 往期推荐, 阅读原文, 留言)
_END_MARK = re.compile(r"^[-—－_=~～\s]*(?:END|End|end)[-—－_=~～\s]*$")


def page_footer(lines: list[str]) -> int | None:
    """The index of the footer's first line, or None when the text ends with none. A
    相关链接 heading a few lines above it starts it: the titles under it name other pages;
    an article's end mark (- END -) starts it too."""
    ends = [i for i, ln in enumerate(lines) if ln.strip() and _END_MARK.match(ln)]
    if ends:
        return ends[-1]
    start = _frame_above(lines, len(lines))
    if start is None or not any(_PAGE.search(ln) for ln in lines[start:]):
        return None
    # the page's buttons (【打印本页】【关闭窗口】) end the document: a contact line above
    # them (联系人及电话：…, under the signature) is the document's, not the site's
    from .contact import CONTACT_LINE  # (contact → cover → frame: imported when used)

    button = next(i for i in range(start, len(lines)) if _PAGE.search(lines[i]))
    while start < button and (not lines[start].strip() or CONTACT_LINE.match(lines[start].strip())):
        start += 1
    above = [i for i in range(start - 1, -1, -1) if lines[i].strip()][:_LINK_ROWS]
    for i in above:
        s = lines[i].strip()
        if _LINK_HEADING.match(s):
            # the links follow the document's last words: above them only the page's own
            # lines (【打印本页】, 发布时间：…) are the page's — a contact line there (联系电话：…
            # under 五、解读机关及联系方式) is the document's
            return _page_above(lines, i)
        if s.endswith(("。", "；", ";")):
            break
    return start


def _page_above(lines: list[str], end: int) -> int:
    """The first of the page's own lines (buttons, links to files, 发布时间：…) that run up
    to ``end`` (blank lines between them); ``end`` when there are none. The site's address
    and contacts stand at the very end of a page, below its links, not above them."""
    start = end
    for i in range(end - 1, -1, -1):
        s = lines[i].strip()
        if not s:
            continue
        if not (_frame_line(s) and (is_page_line(s) or _LINK.search(s))):
            break
        start = i
    return start


def _frame_above(lines: list[str], end: int) -> int | None:
    """The first of the frame lines that run up to ``end`` (blank lines between them)."""
    start = None
    for i in range(end - 1, -1, -1):
        if not lines[i].strip():
            continue
        if not _frame_line(lines[i]):
            break
        start = i
    return start


__all__ = ["is_page_aside", "is_page_line", "is_posting_line", "page_footer", "running_heads"]
