"""Numbering markers of Chinese official documents and their levels.

    附件1            attachment   (level 0; a lone 附件 is a notice's one attachment:
                                   number 0, written 附件)
    第一章           chapter      (level 1; 第一部分 too, cited as written)
    第一节           section      (level 2)
    一、 一. 一．     level 3 (and a 公众号's 01 | … or 01 …)
    第一条           article      (level 4)
    （一） (一)       level 5
    1. 1、 1．       level 6 (and 1.1 / 2.3, an item numbered within its group)
    （1） (1) ①      level 7

An article (第五条) is always a row of its own; the (一) 1. （1） under it are its
points. It sits below 一、 so that a 若干措施 grouping its articles under 一、 headings
keeps them.

A marker's level fixes its place in the heading path whatever the document skips
(一、 directly followed by 1. is fine). ``marker()`` reads a line's marker;
``scope_text()`` writes the canonical form used in labels (``二、`` ``(一)`` ``1.``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "零〇一二两三四五六七八九十百"

ATTACHMENT, CHAPTER, SECTION, L1, ARTICLE, L2, L3, L4 = 0, 1, 2, 3, 4, 5, 6, 7
# a part the document names without numbering it (its 联系方式 after the last item): its
# name is its scope in labels (〔联系方式 第1项〕)
NAMED = 8
# a group of a table's rows named in its 类别 column (政务服务): a heading over them, in
# labels only where their numbers restart under it
GROUPED = 9
# a part named by a label inside a numbered heading: the heading's own text before its
# list (八、怎么申请 / 申请时间：… over 1.…), or a second list under a label (三、办理条件
# 1.…6., then 不予许可的情形： over 1.…3.) — cited by the heading's marker and the label,
# 〔三、不予许可的情形 第1项〕
LABELLED = 10
# a block's label in brackets at the start of its line, as guides and 政策汇编 write them:
# 【申请条件】, 【收费标准】不收费 (the label, then the line's text)
BRACKETED = re.compile(r"^【\s*([\u4e00-\u9fff]{2,10})\s*】\s*(.*)$")
# level 5 markers are points of the item above them, not items of their own
ITEM_LEVELS = (L1, L2, L3)

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# measure words and units a number is written before (12 月, 30 万元, 10 个工作日)
_MEASURES = "年月日时分秒周万亿千百元角个家人户项名次天岁亩吨件套份张台辆条层栋座所只头倍批期届号度%％"
# units of length, area, power and weight a decimal is written before (3.5米, 1.2公里, 2.5千瓦)
_UNITS = "米公平立克升瓦兆斤寸尺毫厘"
_PATTERNS = (
    # 附件1 (附件1：), or a lone 附件: a notice's one attachment, unnumbered (number 0)
    (ATTACHMENT, re.compile(r"^附\s*件\s*(?:(\d+)\s*[:：]?)?$")),
    (CHAPTER, re.compile(rf"^第([{_CN}]+)章\s*")),
    # 第三部分 over its title (第三部分 保障措施): a part, of a chapter's rank
    (CHAPTER, re.compile(rf"^第([{_CN}]+)(部分)(?=\s|$)\s*")),
    (SECTION, re.compile(rf"^第([{_CN}]+)节\s*")),
    # 第五条 in Chinese numerals, as regulations write it (第5条 is a reference, not a marker)
    (ARTICLE, re.compile(rf"^第([{_CN}]+)条(?![款项])\s*")),
    # 第5条 set apart from its text by a space is an article too (第5条　设立应急转贷资金。); run
    # on into the sentence (第5条规定…) it is a reference
    (ARTICLE, re.compile(r"^第(\d{1,3})条[ \t\u3000]+")),
    (L1, re.compile(rf"^([{_CN}]+)\s*[、.．]\s*")),
    # a 公众号 article's part, numbered in two digits and set off by a bar: 01 | 支持工业企业
    # (a row of a pipe table has a second bar: 01 | 张三 | 5万元), or written PART.1 / NO.2,
    # 一｜…, 【一】…
    (L1, re.compile(r"^(\d{2})\s*[|｜丨]\s*(?=[^|｜丨]+$)")),
    # …or set off by a space alone (01 创业担保贷款最高可贷30万): a title after it, not a
    # quantity (12 月底前, 30 万元 — a number before its measure word is no marker)
    (L1, re.compile(rf"^(0[1-9]|[1-9]\d)[ \t\u3000]+(?![{_MEASURES}\d])(?=[^。；;|｜丨]{{2,30}}$)")),
    (L1, re.compile(r"^(?:PART|Part|NO|No)\s*[.．:：]?\s*(\d{1,2})(?!\d)\s*[|｜丨:：.．]?\s*")),
    (L1, re.compile(rf"^(?:([{_CN}]+)\s*[|｜丨]|【\s*([{_CN}]+)\s*】)\s*(?=[^|｜丨]+$)")),
    (L2, re.compile(rf"^[（(]\s*([{_CN}]+)\s*[）)]\s*[、.．]?\s*")),
    # 1. / 1、 / 1． but not a decimal (1.5亿元) nor a year (2023年) nor a date (2023.3);
    # an item may begin with a year (1.2023年7月1日至…期间首次登记注册): no decimal is one
    (L3, re.compile(r"^(\d{1,3})\s*(?:[、．]|\.(?!\d)|\.(?=(?:19|20)\d\d\s*年))\s*")),
    # an item numbered within its group, as 行动方案 write them: 1.1 深化…, 2.3提升… (the
    # second number; the first is the group's, the (一) or 一、 over it) — not a decimal
    # (1.5亿元, 0.5个工作日, 3.5米): a measure word or a unit after it makes it a quantity
    (L3, re.compile(rf"^[1-9]\d?\.(\d{{1,2}})(?![\d.])(?:[ \t\u3000]+(?![{_MEASURES}{_UNITS}\d])|(?![{_MEASURES}{_UNITS}])(?=[\u4e00-\u9fff“《]))")),
    # …and a point of such an item: 1.1.2
    (L4, re.compile(r"^[1-9]\d?\.\d{1,2}\.(\d{1,2})(?![\d.])\s*(?=\S)")),
    # an entry of a list of policies or matters named by what it is: 政策3：…, 事项12：…, 任务五：…
    (L3, re.compile(rf"^(?:政策|事项|措施|举措|任务)\s*(\d{{1,3}}|[{_CN}]{{1,3}})\s*[：:]\s*")),
    (L4, re.compile(rf"^(?:[（(]\s*(\d{{1,2}})\s*[）)]|([{_CIRCLED}]))\s*")),
)


def cn_number(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None for anything else."""
    if not s or any(ch not in _CN for ch in s):
        return None
    total, current = 0, 0
    for ch in s:
        if ch in "十百":
            total += (current or 1) * (10 if ch == "十" else 100)
            current = 0
        else:
            current = CN_DIGITS[ch]
    return total + current


@dataclass(frozen=True)
class Marker:
    level: int
    number: int
    rest: str        # the line after the marker
    word: str = field(default="", repr=False)  # a chapter-rank marker's word, where not 章 (部分)

    @property
    def scope_text(self) -> str:
        return scope_text(self.level, self.number, self.word)


def scope_text(level: int, number: int, word: str = "") -> str:
    """The canonical written form of a marker in labels and heading paths."""
    if level == ATTACHMENT:
        return f"附件{number or ''}"
    if level == CHAPTER:
        return f"第{to_cn(number)}{word or '章'}"
    if level == SECTION:
        return f"第{to_cn(number)}节"
    if level == ARTICLE:
        return f"第{to_cn(number)}条"
    if level == L1:
        return f"{to_cn(number)}、"
    if level == L2:
        return f"({to_cn(number)})"
    if level == L3:
        return f"{number}."
    return f"({number})"


def to_cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else to_cn(rest) if rest >= 20
                                 else "一" + to_cn(rest))
    return digits[n // 100] + "百" + tail


def marker(line: str) -> Marker | None:
    """The numbering marker a line starts with, or None.

    >>> marker("（三）畅通货币信贷政策传导机制")
    Marker(level=5, number=3, rest='畅通货币信贷政策传导机制')
    >>> marker("2023年3月28日") is None and marker("1.5亿元") is None
    True
    """
    s = line.strip()
    for level, pat in _PATTERNS:
        m = pat.match(s)
        if not m:
            continue
        raw = next((g for g in m.groups() if g), "")
        word = m.group(2) if level == CHAPTER and m.re.groups >= 2 else ""
        if level == ATTACHMENT and not raw:
            return Marker(level, 0, "")  # a lone 附件
        if level == L4 and raw in _CIRCLED:
            number = _CIRCLED.index(raw) + 1
        elif raw.isdigit():
            number = int(raw)
        else:
            number = cn_number(raw) or 0
        rest = s[m.end():].strip()
        # 附件1, 第一章, 第一节 and 第五条 may stand alone, their words on the next line
        if number <= 0 or (level not in (ATTACHMENT, CHAPTER, SECTION, ARTICLE) and not rest):
            continue
        if level == L1 and len(raw) > 3:
            continue
        return Marker(level, number, rest, word)
    return None


# a line opening with a number, a point and a digit (3.16-24岁登记失业青年): a decimal to the
# marker's rule, an item where the list around it wants that number
_DECIMAL_OPEN = re.compile(r"^\s*(\d{1,3})\.(?=\d)")


def items_read_as_decimals(lines: list[str]) -> list[str]:
    """``lines`` with each line the marker took for a decimal (3.16-24岁登记失业青年；) marked as
    the item it is (3．16-24岁…) where the item before it is numbered one less and the item after
    it one more (2.毕业年度… / 4.脱贫人口…): the list's own count says so."""
    out = list(lines)
    before = None  # the number of the last item seen
    waiting: tuple[int, int, str] | None = None  # a decimal-opened line after item n−1: (line, n, its text)
    for i, ln in enumerate(lines):
        m = marker(ln)
        if m is not None and m.level == L3:
            if waiting is not None and m.number == waiting[1] + 1:
                out[waiting[0]] = f"{waiting[1]}．{waiting[2]}"
            waiting, before = None, m.number
        elif m is None and (d := _DECIMAL_OPEN.match(ln)) is not None:
            n = int(d.group(1))
            waiting = (i, n, ln[d.end():]) if before == n - 1 else None
    return out
