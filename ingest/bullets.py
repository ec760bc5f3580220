"""A text laid out with symbols instead of numbers — a 公众号 article, a 一图读懂 in words:
``▶ 一、家电以旧换新补贴`` / ``● 补多少？`` / ``① 按成交价格的15%给予补贴；``.

The symbols are decoration: a heading they open (▶ 一、…) is read as the heading it is.
The symbol that opens the most lines under a heading (●) marks its points: each such
line is numbered in place (● 补多少？ → 1.补多少？), restarting under each heading, so
that the outline reader reads them as it reads any numbered item; lines opened by other
symbols (■ 餐饮券：…, 📞咨询电话：…) go on the point above them, their symbol dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .contact import CONTACT_MORE
from .frame import is_page_aside
from .headings import BRACKETED, L1, L3, Marker, marker
from .qanda import asks_first
from .text import SENTENCE_ENDS

_MIN_POINTS = 3  # a text laid out with bullets, not one symbol in passing
_JOINERS = "\ufe0f\u200d"  # an emoji's variation selector and joiner


def _is_symbol(ch: str) -> bool:
    """A pictograph or bullet (▶ ● ■ 📞; category So), not a sign that writes something
    (| + = ~ ¥: a table's pipe, a sum)."""
    return unicodedata.category(ch) == "So" or ch in "•·" or ch in _JOINERS


def decoration(line: str) -> str:
    """The symbols (and spaces) a line opens with: ▶, ●, 📞 …; "" for none."""
    s = line.lstrip()
    i = 0
    while i < len(s) and (_is_symbol(s[i]) or (i and s[i] in " \u3000")):
        i += 1
    return s[:i].strip()


# a title: a few words, no sentence or clause in them (it may ask: 政策怎么兑现？)
_TITLE = re.compile(r"^[^。，,；;：:、]{2,20}$")


def _titles(rest: str) -> bool:
    return bool(_TITLE.match(rest)) and not rest.endswith(("。", "；"))


def _runs_on(lines: list[str], i: int) -> bool:
    """The line's last words are on the next line: a wrap that left a few characters there
    (🔹 个人贷款最高30 / 万元), no title over a text of its own (📅 申报时间 / 2024年度…)."""
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(nxt.strip()) and not decoration(nxt) and marker(nxt) is None and \
        not _TITLE.match(nxt.strip()) and len(nxt.strip()) < 4


def number_bullets(lines: list[str]) -> list[str] | None:
    """The lines with the decoration dropped from headings and the bullet points numbered
    as items; None when the text is not laid out with bullets (fewer than three lines
    under its headings opened by their symbol) or numbers its items already (questions
    numbered as items, 1.Q1：…, are a part of their own)."""
    # each line read once: its decoration, the rest, the marker the rest opens with
    read = []
    for ln in lines:
        deco = decoration(ln)
        rest = ln.lstrip()[len(deco):].lstrip() if deco else ln.lstrip()
        read.append((deco, rest, marker(rest)))
    first = next((i for i, (_, _, m) in enumerate(read) if m is not None and m.level <= L1), None)
    if first is None:
        return None
    # the sections under the headings, each with the symbol that opens most of its lines:
    # an article may mark each part's points its own way (✔ under 01, ▲ under 03)
    starts = [i for i in range(first, len(lines)) if read[i][2] is not None and read[i][2].level <= L1]
    sections = list(zip(starts, [*starts[1:], len(lines)]))  # each heading's line and its part's end
    # each section's points, up to a title opened by a symbol new to it (▶ 政策怎么兑现？
    # after the ✔ points of 10 | 引才留才): the parts after it are named by their titles
    bullet_of: dict[int, str] = {}
    tail: set[int] = set()
    for a, b in sections:
        seen: list[str] = []
        end = b
        for j in range(a + 1, b):
            deco, rest, m = read[j]
            if not deco or m is not None:
                continue
            if seen and deco[0] not in seen and _titles(rest) and not _runs_on(lines, j):
                end = j
                break
            seen.append(deco[0])
        if seen:
            bullet_of[a] = Counter(seen).most_common(1)[0][0]
        tail.update(range(end, b))
    # a part numbering items of its own (所需材料：1.…) has them for its items: its symbols
    # mark no points (questions numbered as items, 1.Q1：…, are items all the same)
    for a, b in sections:
        if any(m is not None and m.level == L3 and not asks_first(m.rest) for _, _, m in read[a + 1:b]):
            bullet_of.pop(a, None)
    n_points = sum(1 for a, b in sections if a in bullet_of
                   for j in range(a + 1, b) if j not in tail and (d := read[j][0]) and read[j][2] is None
                   and d[0] == bullet_of[a])
    if n_points < _MIN_POINTS or any(m is not None and m.level == L3 and not asks_first(m.rest)
                                     for _, _, m in read[:first]):
        return None  # few bullets, or items numbered already: the bullets are no items
    out, n, bullet = list(lines), 0, ""
    bulleted = [rest for a, b in sections for j in range(a + 1, b)
                if j not in tail and (rest := read[j][1]) and read[j][0] and read[j][2] is None]
    # (a part holding a list of its own, 所需材料：1.…, or questions, keeps its points:
    # only the last part may be followed by one, 温馨提示：1.… after all the measures)
    listed = any(m is not None and m.level == L3 for a, b in sections[:-1] for _, _, m in read[a + 1:b])
    if not listed and sum(1 for rest in bulleted if CONTACT_MORE.match(rest)) >= _FIELDS_SHARE * len(bulleted):
        return _fielded_parts(lines, read, starts)
    for i in range(first, len(lines)):
        deco, rest, m = read[i]
        if m is not None and m.level <= L1:
            bullet = bullet_of.get(i, "")
        if m is not None and m.level < L3:
            n = 0  # numbering restarts under each heading
        if not deco:
            continue
        if m is not None:
            out[i] = rest
        elif i in tail and _titles(rest) and not _runs_on(lines, i):
            # ▶ 政策怎么兑现？ / 📅 申报时间: a part's title, written as a named part is
            out[i], bullet, n = f"【{rest}】", "", 0
        elif deco[0] == bullet and rest and i not in tail:
            n += 1
            out[i] = f"{n}.{rest}"
        else:
            out[i] = rest
    return out


_FIELDS_SHARE = 0.6  # most of the bullet lines labelled: each part is one item with its fields
# a bullet's line ending a sentence or opening a list (its own separator)
_ENDS = (*SENTENCE_ENDS, "!", "?", "：", ":")


def _fielded_parts(lines: list[str], read: list[tuple[str, str, Marker | None]], starts: list[int]) -> list[str]:
    """A 一图读懂 whose parts are each one measure told in labelled bullets (01 创业担保贷款
    / ▶ 支持对象：… / ✅ 额度标准：… / ☎ 经办部门：…): each part's heading is an item, numbered
    as written, and its bullet lines that item's lines, each ended as a list's entry is
    (；) where it ends no sentence — the bullet was its separator."""
    out = list(lines)
    aside = False  # a block of the page's own lines (长按识别二维码 / 关注…公众号), to its blank line
    for i, (deco, rest, m) in enumerate(read):
        aside = bool(rest) and (aside or (i > starts[0] and m is None and is_page_aside(rest)))
        if aside:
            out[i] = ""
        elif i in starts and m is not None:
            # (its title over its fields: ended as a label is, 创业担保贷款最高可贷30万：)
            out[i] = f"{m.number}.{m.rest}" + ("" if m.rest.endswith(_ENDS) else "：")
        elif deco and i > starts[0]:
            out[i] = rest if not rest or rest.endswith(_ENDS) else f"{rest}；"
    return out


def title_blocks(lines: list[str]) -> list[str] | None:
    """A 政策汇编 laid out in blocks, where no heading is numbered: each block opened by a
    symbol and its title (★ 创业担保贷款), its lines labelled (【支持标准】…, 【受理部门】…).
    Each title is written as a named part is (【创业担保贷款】), and a list the block numbers
    (【申报材料】 / 1.… / 2.…) as points of it (（1）…), so that each block is one item
    holding all it says; None when the text is not laid out so (three such titles, all of
    one symbol, each over a labelled line)."""
    decorations = [decoration(ln) for ln in lines]
    read = [(deco, ln.lstrip()[len(deco):].strip()) for deco, ln in zip(decorations, lines, strict=True)]
    if any((m := marker(r)) is not None and m.level <= L1 for _, r in read):
        return None

    def next_line(i: int) -> str:
        return next((ln.strip() for ln in lines[i + 1:] if ln.strip()), "")

    titles = [i for i, (deco, rest) in enumerate(read) if deco and _titles(rest) and marker(rest) is None]
    if len(titles) < _MIN_POINTS or len({read[i][0][0] for i in titles}) != 1 \
            or not all(BRACKETED.match(next_line(i)) for i in titles):
        return None
    out = list(lines)
    for i in titles:
        out[i] = f"【{read[i][1]}】"
    for j in range(titles[0], len(lines)):
        if (m := marker(lines[j])) is not None and m.level == L3 and j not in titles:
            out[j] = f"（{m.number}）{m.rest}"
    return out


def plain_markers(lines: list[str]) -> list[str] | None:
    """The lines with the decoration dropped before a numbered heading or item (● 一、古镇
    老旧小区改造 / 建设内容：… — a symbol over each part, its fields under it unmarked): the
    symbol only draws the eye, the number is what places the line; None when no line has
    one so."""
    out, changed = list(lines), False
    for i, ln in enumerate(lines):
        deco = decoration(ln)
        rest = ln.lstrip()[len(deco):].lstrip() if deco else ""
        if rest and marker(rest) is not None:
            out[i], changed = rest, True
    return out if changed else None


__all__ = ["decoration", "number_bullets", "plain_markers", "title_blocks"]
