"""Document metadata from the header: title, 文号, issuing authority, place, date, period.

The header is everything before the body (the first 附件 line, table line or numbered
item). A 文号 on a line of its own wins over one the text cites (依据…〔2018〕104号);
the issuer is the signature above the date, else the red-head line (……文件), else the
title's part before 关于; the date may be written 2023年3月28日, 2020-02-03,
2020.2.3, 2020/2/3, 二〇二三年三月二十八日, or lose its 年月日 in copying (2019116:
only the year is certain, and a warning says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .frame import is_page_line, is_posting_line
from .headings import CN_DIGITS, cn_number, marker
from .notices import check
from .places import issuer_place, locate
from .schema import TaskRow
from .text import close_cjk_gaps, is_page_number

_OPEN, _CLOSE = "〔[【［(（", "〕]】］)）"
_O, _C = re.escape(_OPEN), re.escape(_CLOSE)
DOC_NUMBER = re.compile(rf"[\u4e00-\u9fff]{{1,16}}\s*[{_O}]\s*((?:19|20)\d{{2}})\s*[{_C}]\s*第?\s*(\d{{1,4}})\s*号")
_DATE_CN = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_NUM = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-./／]\s*(\d{1,2})\s*[-./／]\s*(\d{1,2})(?!\d)")
# the digits of a year written in characters (二〇二三年; 二零二三年 as a voice is transcribed)
# (the headings' digits, but 两, which no year is said with, and with the rings a PDF or a
# keyboard writes for 〇)
_HAN_DIGITS = {**{c: v for c, v in CN_DIGITS.items() if c != "两"}, "○": 0, "Ｏ": 0}
_HAN_YEAR_DIGITS = f"([{''.join(_HAN_DIGITS)}]{{4}})"
_DATE_HAN = re.compile(_HAN_YEAR_DIGITS + r"\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                       r"\s*([一二三四五六七八九十]{1,3})\s*日")
# (not the end of a longer number said in characters: 一千二百年)
_HAN_YEAR = re.compile(rf"(?<![{''.join(_HAN_DIGITS)}十百千万]){_HAN_YEAR_DIGITS}\s*年")
_DATE_SQUASHED = re.compile(r"^((?:19|20)\d{2})(\d{1,2})(\d{1,2})$")
_DATE_LABEL = re.compile(r"(印发|发布|成文|发文)(日期|时间)")
_RED_HEAD = re.compile(r"^(.{4,40}?)\s*文\s*件$")
_ORG_END = ("政府", "办公室", "办公厅", "委员会", "局", "厅", "委", "办", "中心", "专班", "小组", "部",
            "院", "会", "组", "处", "署")
# words a document title ends with
_TITLE_END = re.compile(r"(通知|意见|决定|方案|措施|办法|规定|细则|清单|计划|要点|政策|策|纲要|规划|函|报告|"
                        r"批复|分工|公告|通告|条例|指引|指南|机制|制度|解读|问答)》?(?:[（(][^（）()]{1,6}[）)])?$")
# a title that issues another document (关于印发…的通知): its subject is that document
_ISSUES = re.compile(r"印发|转发|颁发|发布")
# (a year dating another document — 2019年印发的《…暂行办法》, 〔2021〕, 2021年版 — is that
# document's, no year the text speaks of)
_YEAR_NAMED = re.compile(r"(?<![\d〔\[（(])(20\d{2})\s*(?:年(?!版|(?:\d{1,2}月(?:\d{1,2}日)?)?(?:印发|发布|出台|颁布)的)"
                         r"|[-—–~至到]\s*(20\d{2})\s*年)")


# a government site's 信息公开 table, copied as labelled lines (索引号：… 发布机构：…), one
# field or several to a line
_LABELS = ("索引号", "发布机构", "发文机关", "发文单位", "制发机关", "文号", "发文字号", "成文日期", "发文日期",
           "印发日期", "发布日期", "标题", "名称", "主题分类", "主题词", "公开方式", "公开范围", "生效日期",
           "废止日期", "有效性", "体裁分类")
# a label's characters may be spaced out to line the table up (标    题：, 索 引 号：)
_FIELD_LABEL = re.compile("(" + "|".join(r"\s*".join(lab) for lab in _LABELS) + r")\s*[:：]\s*")
# a site's line naming the page's source: 发布时间：2024/6/3  来源：海伦市市场监督管理局  作者：…
# (or its publisher: 更新时间：…  发布单位：昭平县行政审批局)
_SOURCE = re.compile(r"(?:来\s*源|发布单位|发布部门)\s*[:：]\s*([\u4e00-\u9fff（）()]{4,40})")
_ISSUER_LABELS = ("发布机构", "发文机关", "发文单位", "制发机关")
_DATE_LABELS = ("成文日期", "发文日期", "印发日期", "发布日期")  # by preference


def labelled_fields(lines: list[str]) -> dict[str, str]:
    """The labelled fields of a site's 信息公开 table (索引号：…  发布机构：崇宁县人民政府办公室),
    by label; a line holds one or several. A field's first occurrence counts."""
    out: dict[str, str] = {}
    for line in lines:
        s = line.strip()
        marks = list(_FIELD_LABEL.finditer(s))
        if not marks or marks[0].start() != 0:
            continue
        for m, nxt in zip(marks, [*marks[1:], None]):
            value = s[m.end(): nxt.start() if nxt else len(s)].strip()
            if value:
                out.setdefault(re.sub(r"\s+", "", m.group(1)), value)
    return out


def is_field_line(line: str) -> bool:
    """Whether a line is a labelled field of a 信息公开 table (标题：…, 成文日期：…)."""
    m = _FIELD_LABEL.match(line.strip())
    return bool(m)


@dataclass
class Header:
    title: str = ""
    subject: str = ""         # the document a 印发 notice issues: 《…》 or the title above the body
    doc_number: str = ""
    issuer: str = ""
    date: str = ""            # 2023年3月28日 (or 2019年 when only the year is certain)
    place: str = ""
    place_parents: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)


def _date(line: str) -> tuple[str, bool] | None:
    """A date in ``line`` as ``(2023年3月28日, complete)``."""
    for pat in (_DATE_CN, _DATE_NUM):
        if m := pat.search(line):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y}年{mo}月{d}日", True
    if m := _DATE_HAN.search(line):
        y = _han_year(m.group(1))
        return f"{y}年{cn_number(m.group(2))}月{cn_number(m.group(3))}日", True
    if m := _DATE_SQUASHED.match(line.strip()):
        y, rest = m.group(1), line.strip()[4:]
        if len(rest) == 4 and 1 <= int(rest[:2]) <= 12 and 1 <= int(rest[2:]) <= 31:
            return f"{y}年{int(rest[:2])}月{int(rest[2:])}日", True
        return f"{y}年", False
    return None


def _han_year(digits: str) -> int:
    return int("".join(str(_HAN_DIGITS[c]) for c in digits))


def han_years(text: str) -> list[int]:
    """The years ``text`` writes digit by digit in characters (二〇二三年, 二零二五年)."""
    return [y for m in _HAN_YEAR.finditer(text) if 1900 <= (y := _han_year(m.group(1))) <= 2099]


def _standalone_date(line: str) -> tuple[str, bool] | None:
    s = re.sub(r"\s+", "", line)
    got = _date(s)
    if got is None:
        return None
    rest = _DATE_CN.sub("", _DATE_NUM.sub("", _DATE_HAN.sub("", s)))
    return got if not rest or _DATE_SQUASHED.match(s) else None


def is_date_line(line: str) -> bool:
    """Whether a line is a complete date and nothing else (2023年5月6日, 2023-05-06,
    二〇二三年五月六日)."""
    got = _standalone_date(close_cjk_gaps(line.strip()))
    return bool(got and got[1])


def _is_doc_number_line(line: str) -> str:
    s = re.sub(r"\s+", "", line)
    m = DOC_NUMBER.fullmatch(s)
    return _format_number(m) if m else ""


def _format_number(m: re.Match[str]) -> str:
    issuer_part = re.sub(r"\s+", "", m.group(0)[:m.group(0).index(m.group(1)) - 1])
    return f"{issuer_part.rstrip(_OPEN)}〔{m.group(1)}〕{m.group(2)}号"


def _looks_org(line: str) -> bool:
    s = line.strip()
    return 2 < len(s) <= 40 and s.endswith(_ORG_END) and not re.search(r"[。，,：:；;]", s)


def _bodies(line: str) -> str:
    """Two or more issuing bodies signing on one line, set apart by wide spaces
    (宜都市人力资源和社会保障局        宜都市财政局), as 宜都市人力资源和社会保障局、宜都市财政局;
    "" for one body."""
    parts = [close_cjk_gaps(p) for p in re.split(r"(?:\s|\u3000){2,}", line.strip()) if p.strip()]
    return "、".join(parts) if len(parts) > 1 and all(_looks_org(p) for p in parts) else ""


def is_signature(org: str, date: str) -> bool:
    """Whether two lines sign a document: an issuing body under its full name (永和县人民
    政府办公室, not a table's 县财政局), then a complete date on its own."""
    org, date = close_cjk_gaps(org.strip()), close_cjk_gaps(date.strip())
    got = _standalone_date(date)
    return _looks_org(org) and not org.startswith(("县", "区", "市", "省", "各")) and bool(got and got[1])


def read_header(lines: list[str], tail: list[str] | None = None) -> Header:
    """Metadata from the header lines (and the last lines of the document, where a
    notice whose body is the content signs and dates itself)."""
    h = Header()
    stripped = [close_cjk_gaps(ln.strip()) for ln in lines]
    nonempty = [(i, s) for i, s in enumerate(stripped) if s]

    fields = labelled_fields(stripped)
    nonempty = [(i, s) for i, s in nonempty if not is_field_line(s)]
    # 文号 and title: labelled ones (a site's 信息公开 table), else read from the lines
    labelled_number = DOC_NUMBER.search(re.sub(r"\s+", "", fields.get("文号") or fields.get("发文字号") or ""))
    h.doc_number = _format_number(labelled_number) if labelled_number else _doc_number(nonempty)
    labelled_title = fields.get("标题") or fields.get("名称") or ""
    h.title = (close_cjk_gaps(labelled_title) if _TITLE_END.search(labelled_title)
               else _about_title(nonempty, h.doc_number))
    candidates = _title_lines(nonempty, h, {i for i, _ in nonempty if _MENU.match(lines[i])})
    if not h.title and (posted := _title_over_posting(nonempty)):
        h.title = posted
    if not h.title and candidates:
        h.title = candidates[0]
    if m := re.search(r"《([^《》]+)》", h.title):
        h.subject = close_cjk_gaps(m.group(1))
    elif "关于" in h.title and not _ISSUES.search(h.title):
        h.subject = h.title  # a notice that issues no other document is its own subject
    elif len(candidates) > (0 if "关于" in h.title else 1):
        h.subject = candidates[-1]
    else:
        h.subject = h.title

    # date and issuer: the signature, a labelled date, else any date in the header
    dated = [(i, d) for i, s in nonempty if (d := _standalone_date(s))]
    tail_dated = [d for s in (tail or []) if (d := _standalone_date(close_cjk_gaps(s.strip())))]
    if dated:
        i, (h.date, complete) = dated[0]
        for j in range(i - 1, -1, -1):
            prev = stripped[j]
            if prev and not prev.startswith(("（", "(")):
                if _looks_org(prev):
                    h.issuer = _bodies(lines[j]) or prev
                break
    elif tail_dated:
        h.date, complete = tail_dated[-1]
        tail_lines = [close_cjk_gaps(x.strip()) for x in (tail or []) if x.strip()]
        at = max(i for i, x in enumerate(tail_lines) if _standalone_date(x))
        if at > 0 and _looks_org(tail_lines[at - 1]):
            raw = [x for x in (tail or []) if x.strip()][at - 1]
            h.issuer = _bodies(raw) or tail_lines[at - 1]
    else:
        complete = True
        labelled = [s for _, s in nonempty if _DATE_LABEL.search(s)] + [s for _, s in nonempty]
        for s in labelled:
            if (got := _date(s.split("号")[-1] if DOC_NUMBER.search(s) else s)) and got[1]:
                h.date = got[0]
                break
    # the date the document was made (成文日期 …) over the signature; the date a site put it
    # online (发布日期) only where the document dates itself nowhere
    signed = bool(dated or tail_dated)
    if labelled_date := next((got for label in _DATE_LABELS if (got := _date(fields.get(label, "")))
                              and not (signed and label == "发布日期")), None):
        h.date, complete = labelled_date
    if not complete:
        h.warnings.append(check(f"日期写作“{next(s for _, s in nonempty if _standalone_date(s))}”，缺“年月日”，"
                                f"月和日无法确定，只取年份 {h.date}"))
    if not h.issuer and (org := next((fields[x] for x in _ISSUER_LABELS if x in fields), "")) \
            and _looks_org(org):
        h.issuer = close_cjk_gaps(org)
    if not h.issuer:
        for _, s in nonempty:
            if m := _RED_HEAD.match(re.sub(r"\s+", "", s)):
                h.issuer = m.group(1)
                break
    if not h.issuer and "关于" in h.title:
        before = h.title.split("关于")[0]
        if _looks_org(before):
            h.issuer = before
    if not h.issuer:
        # a page that names no issuer: the body its site gives as the source (来源：海伦市
        # 市场监督管理局), which published it
        source = next((m.group(1) for s in lines if (m := _SOURCE.search(s))), "")
        if _looks_org(source):
            h.issuer = source

    red_head = next((s for _, s in nonempty if _RED_HEAD.match(re.sub(r"\s+", "", s))), "")
    # the place the issuing body's name begins with (a division the gazetteer may lack),
    # else the lowest division the header names
    place = issuer_place(h.issuer, " ".join(stripped)) or \
        locate(" ".join(x for x in (h.issuer, red_head, h.title, h.subject) if x))
    if place:
        h.place, h.place_parents = place[0].name, tuple(p.name for p in place[1:])
    return h


def _doc_number(nonempty: list[tuple[int, str]]) -> str:
    """The 文号 on a line of its own, else the first one not cited in parentheses or 《》
    (依据…〔2018〕104号 is another document's)."""
    for _, s in nonempty:
        if n := _is_doc_number_line(s):
            return n
    for _, s in nonempty:
        for m in DOC_NUMBER.finditer(s):
            before = s[:m.start()]
            if before.count("（") + before.count("(") > before.count("）") + before.count(")"):
                continue
            if re.search(r"(依据|根据|按照|落实|贯彻|《)[^。]*$", before):
                continue
            return _format_number(m)
    return ""


def _about_title(nonempty: list[tuple[int, str]], doc_number: str) -> str:
    """The 关于 line as the title, joined with its continuation and the issuer's line above
    it; "" when there is none."""
    for k, (_, s) in enumerate(nonempty):
        if re.fullmatch(r"[（(].*[）)]", s):
            continue  # （…关于公布…的通知 附件4）: a note of where the text was published
        if "关于" in s and len(s) > 8 and not s.endswith(("：", ":", "。")):
            title = s
            if not _TITLE_END.search(title) and k + 1 < len(nonempty) and _TITLE_END.search(nonempty[k + 1][1]):
                title += nonempty[k + 1][1]
            if doc_number and title.startswith(doc_number.split("〔")[0]) and DOC_NUMBER.match(title):
                title = DOC_NUMBER.sub("", title, count=1)
            # the issuer on a line of its own above 关于…: 汾西县人民政府 / 关于印发…的通知
            if title.startswith("关于") and k > 0 and _looks_org(nonempty[k - 1][1]):
                title = nonempty[k - 1][1] + title
            return close_cjk_gaps(title)
    return ""


# a site's menu: four or more short words a wide gap or a bar apart (首页    政务公开    政务服务
# …, 无障碍浏览 |  长者模式 | 繁體版)
_MENU = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,6}(?:[ \u3000\t]{2,}|\s*[|｜]\s*)){3,}[\u4e00-\u9fff]{2,6}\s*$")


def _title_over_posting(nonempty: list[tuple[int, str]]) -> str:
    """The title a web page or 公众号 shows above its posting line (食品经营许可（新办） over
    发布时间：…): the line right above the first such line, when it reads as a title."""
    def titled(line: str) -> str:
        plain = re.sub(r"\s+", "", line)
        return plain if 4 <= len(plain) <= 60 and not plain.endswith(("。", "；", "：", ":")) \
            and not is_page_line(plain) and not _MENU.match(line) else ""

    for k, (_, s) in enumerate(nonempty):
        if is_posting_line(s):
            if k == 0:
                return ""
            # a byline or a subtitle between the title and the posting line (政府工作报告（摘登） /
            # ——在…会议上 / 县长 黄立新): the nearest line above that names a kind of document
            named = next((t for _, ln in reversed(nonempty[max(0, k - 3):k - 1])
                          if (t := titled(ln)) and _TITLE_END.search(t) and not re.search(r"[，,。>]", t)), "")
            above = titled(nonempty[k - 1][1])
            return above if _TITLE_END.search(above) or not named else named
    return ""


def _title_lines(nonempty: list[tuple[int, str]], h: Header, menus: set[int]) -> list[str]:
    """Title-like lines of the header (joined where a title runs over two lines): not
    the red head, 文号, salutation, date, a sentence or a parenthetical note."""
    out: list[str] = []
    pending = ""
    for i, s in nonempty:
        plain = re.sub(r"\s+", "", s)
        skip = (i in menus or _RED_HEAD.match(plain) or DOC_NUMBER.match(plain) or _standalone_date(s)
                or s.endswith(("：", ":", "。", "；")) or s.startswith(("（", "(")) or len(plain) > 60
                or "关于" in s or re.search(r"[，,。]", s) or s == h.issuer or plain.startswith("附件")
                or (len(plain) >= 4 and re.sub(r"\s+", "", h.title).endswith(plain))  # the title's last line
                or marker(s) or is_page_line(s) or is_page_number(s))  # — 1 — between two pages
        if skip:
            if pending:
                out.append(pending)
                pending = ""
            continue
        pending += plain
        if _TITLE_END.search(pending):
            out.append(pending)
            pending = ""
    if pending and _TITLE_END.search(pending):
        out.append(pending)
    out = [t for t in out if len(t) >= 6 and not _looks_org(t)]
    # a line naming a kind of document (…办事指南, …的通知) is the title over one that names
    # none (a site's name above it: 广西数字政务一体化平台·贺州市昭平县站点)
    return [t for t in out if _TITLE_END.search(t)] or out


_VALID_UNTIL = re.compile(r"有效期[^。；]{0,12}?(?:至|到)\s*(20\d{2})\s*年|有效期[为是]?\s*(\d{1,2})\s*年")


def _named_years(text: str) -> set[int]:
    """The years ``text`` names (2025年底, 2022—2025年), not a year inside a cited file
    number (〔2021〕), an edition (2021年版) or the date of another document (2019年印发的)."""
    years: set[int] = set()
    for m in _YEAR_NAMED.finditer(text):
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) else lo
        years.update(range(lo, hi + 1) if 0 <= hi - lo <= 10 else (lo, hi))
    return years


def term(date: str, title: str = "") -> tuple[int, ...]:
    """The years every item of a document covers: its issue year and the years its title
    and closing words name (2023—2025年行动方案, 自2024年3月1日起施行，有效期3年 →
    2024–2026; 有效期至2025年12月31日 → every year from the issue year on)."""
    years = {int(date[:4])} if date[:4].isdigit() else set()
    years |= _named_years(title)
    if years and (m := _VALID_UNTIL.search(title)):
        start = min(years)
        end = int(m.group(1)) if m.group(1) else start + int(m.group(2)) - 1
        if 0 <= end - start <= 10:
            years.update(range(start, end + 1))
    return tuple(sorted(years))


def period(date: str, rows: list[TaskRow], title: str = "") -> tuple[int, ...]:
    """The years a document covers: its :func:`term` and every year its rows name (a
    row's 2025年底 puts 2025 in the period, for that row's questions)."""
    return tuple(sorted(set(term(date, title)).union(*(_named_years(r.fields_text()) for r in rows))))
