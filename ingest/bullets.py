"""A text laid out with symbols instead of numbers — a 公众号 article, a 一图读懂 in words:
``▶ 一、家电以旧换新补贴`` / ``● 补多少？`` / ``① 按成交价格的15%给予补贴；``.

The symbols are decoration: a heading they open (▶ 一、…) is read as the heading it is.
The symbol that opens the most lines under the headings (●) marks the points: each such
line is numbered in place (● 补多少？ → 1.补多少？), restarting under each heading, so
that the outline reader reads them as it reads any numbered item; lines opened by other
symbols (■ 餐饮券：…, 📞咨询电话：…) go on the point above them, their symbol dropped.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from .headings import L1, L3, marker

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


def number_bullets(lines: list[str]) -> list[str] | None:
    """The lines with the decoration dropped from headings and the bullet points numbered
    as items; None when the text is not laid out with bullets (fewer than three lines
    under its headings opened by one symbol)."""
    # each line read once: its decoration, the rest, the marker the rest opens with
    read = []
    for ln in lines:
        deco = decoration(ln)
        rest = ln.lstrip()[len(deco):].lstrip() if deco else ln.lstrip()
        read.append((deco, rest, marker(rest)))
    first = next((i for i, (_, _, m) in enumerate(read) if m is not None and m.level <= L1), None)
    if first is None:
        return None
    opening = Counter(deco[0] for deco, _, m in read[first:] if deco and m is None)
    if not opening:
        return None
    bullet, n_points = opening.most_common(1)[0]
    if n_points < _MIN_POINTS or any(m is not None and m.level == L3 for _, _, m in read[first:]):
        return None  # few bullets, or items numbered already: the bullets are no items
    out, n = list(lines), 0
    for i in range(first, len(lines)):
        deco, rest, m = read[i]
        if not deco:
            continue
        if m is not None:
            out[i] = rest
            if m.level < L3:
                n = 0  # numbering restarts under each heading
        elif deco[0] == bullet and rest:
            n += 1
            out[i] = f"{n}.{rest}"
        else:
            out[i] = rest
    return out


__all__ = ["decoration", "number_bullets"]
