"""Cleaning of table cells and normalisation of Chinese text for matching.

Cleaning keeps the document's wording (answers quote it); normalisation
(full-width → half-width, no whitespace, lower case) is for matching only.
"""

from __future__ import annotations

import html
import re
import unicodedata

from .headings import L3, L4, marker

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")
_WS = re.compile(r"\s+")
# A numbered point: "1. ", "2．", "3、" at the start of the cell or after whitespace.
_ITEM = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\s*[.．、]\s*(?=\S)")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
# A space the PDF put between two CJK characters or a CJK character and a digit.
# a page number between pages: — 2 —, -2-, 第2页, 第2页 共5页, 2/5
_PAGE = re.compile(r"^(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|"
                   r"\d{1,3}\s*/\s*\d{1,3})$")
# (between two digits a space parts two numbers — 2023-09-30 17:30 — and stays)
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff《》〔〕])\s+(?=[\u4e00-\u9fff\d《》〔〕])"
                      r"|(?<=\d)\s+(?=[\u4e00-\u9fff《》〔〕])")


# a wide gap between two cells of a copied table: two spaces or more, ideographic spaces, tabs
CELL_GAP = re.compile(r"[ \u00a0]{2,}|[\u3000\t]+[ \u00a0\u3000\t]*")


def gap_cells(line: str) -> list[str]:
    """The cells of a line whose cells stand a wide gap apart."""
    return [c for c in CELL_GAP.split(line.strip()) if c]


def strip_html(text: str) -> str:
    """Remove HTML tags (``<p>``, ``<ol …>``, ``<li>``) and unescape entities."""
    return html.unescape(_TAG.sub(" ", text))


_PARENTHETICAL = re.compile(r"[（(][^）)]*[）)]")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def all_han(text: str) -> bool:
    """Whether ``text`` is Chinese characters and nothing else (消费券, not 5G or 专票、)."""
    return bool(_HAN.fullmatch(text))


def without_parentheticals(text: str) -> str:
    """The text with its bracketed asides taken out (总投资（万元） → 总投资)."""
    return _PARENTHETICAL.sub("", text)


def clean_cell(text: str) -> str:
    """A cell's text as shown to users: no HTML, whitespace collapsed."""
    return _WS.sub(" ", strip_html(text)).strip()


def close_cjk_gaps(text: str) -> str:
    """Remove spaces the PDF inserted inside Chinese phrases (``大宁县 2022 年`` → ``大宁县2022年``)."""
    return _CJK_GAP.sub("", text.strip())


# a wide gap before a short label (…张　磊　　联系电话：…): two fields of one line
_FIELD_GAP = re.compile(r"[ \u3000\t]{2,}(?=[\u4e00-\u9fff]{2,6}\s*[:：])")


def labelled_fields(line: str) -> str:
    """A line of labelled fields set apart by wide gaps (联系人：张　磊　　联系电话：…) with the
    fields a space apart and the spaces inside each closed (联系人：张磊 联系电话：…)."""
    return " ".join(close_cjk_gaps(f) for f in _FIELD_GAP.split(line.strip()) if f.strip())


# the rest of a number the PDF wrapped at the line's end: a digit or three, then its unit
# (…初级工100 / 0元、中级工…; …收到申请后1 / 0个工作日内…) — not a number of its own (2024年)
# a line's label before its colon (申报时间：…, 咨询电话：…): a few Chinese characters
_LINE_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*[:：]")


def line_label(line: str) -> str:
    """The label ``line`` opens with before its colon (申报时间：2024年4月15日至… → 申报时间), or
    "" when it opens with none."""
    m = _LINE_LABEL.match(line.strip())
    return m.group(1) if m else ""


_NUMBER_REST = re.compile(r"^\d{1,3}(?:[\u4e00-\u9fff%％‰]|\.\d)")


# what a sentence ends with (a line ending so is no cut one)
SENTENCE_ENDS = ("。", "；", ";", "！", "？")


def word_break(before: str, after: str) -> bool:
    """Whether two wrapped lines join with a space: a word after a word (Q1 / 2024; the
    PDF's Latin words) keeps one; Chinese runs on, and so does a number the line's end
    cut (100 / 0元)."""
    if not (re.match(r"[A-Za-z0-9]", after) and re.search(r"[A-Za-z0-9]$", before)):
        return False
    return not (before[-1].isdigit() and _NUMBER_REST.match(after))


def join_text(parts: list[str]) -> str:
    """Lines of one cell as one text: wrapped Chinese runs on; a numbered point
    (2. / （2）) and a word after a word keep a space."""
    out = ""
    for p in parts:
        p = close_cjk_gaps(p)
        m = marker(p)
        if out and (m and m.level in (L3, L4) or word_break(out, p)):
            out += " "
        out += p
    return out


def is_page_number(line: str) -> bool:
    """Whether a line is a page number a PDF copy left between pages (— 3 —, 第3页)."""
    return bool(_PAGE.match(line.strip()))


def normalize(text: str) -> str:
    """Matching form: NFKC (full-width → half-width), no whitespace, lower case."""
    return _WS.sub("", unicodedata.normalize("NFKC", text)).lower()


# quotation marks set a name off (连片“夜经济”区); they are no part of its words
_QUOTES = re.compile(r"[“”‘’\"'「」『』]")


def words_form(text: str) -> str:
    """:func:`normalize` without quotation marks: the form in which a question's words
    are looked for in the document's (夜经济区 is stated by 打造连片“夜经济”区)."""
    return _QUOTES.sub("", normalize(text))


def cjk_runs(text: str) -> list[str]:
    """Every maximal run of Chinese characters in ``text``."""
    return _CJK.findall(text)


def split_items(text: str) -> tuple[str, ...]:
    """Split a cell holding a numbered list into its points.

    Points must be numbered consecutively (the list may start at any number,
    since a list can continue from the previous sub-row). Anything else — a
    single sentence, a decimal like ``1.6188亿元`` — stays one item.
    """
    matches = list(_ITEM.finditer(text))
    if not matches or matches[0].start() != 0:
        return (text,) if text else ()
    chosen = [matches[0]]
    for m in matches[1:]:
        if int(m.group(1)) == int(chosen[-1].group(1)) + 1:
            chosen.append(m)
    items = []
    for i, m in enumerate(chosen):
        end = chosen[i + 1].start() if i + 1 < len(chosen) else len(text)
        item = text[m.end():end].strip()
        if item:
            items.append(item)
    return tuple(items) or (text,)


def display_width(text: str) -> int:
    """Display width: a Chinese character (or a full-width sign) takes two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
