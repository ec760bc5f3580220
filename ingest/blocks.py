"""Numbered items laid out in labelled blocks, as a 税费优惠政策指引 or a 政策汇编 writes
them: each item's title numbered (1.小规模纳税人增值税减免), then the same labels item
after item, each alone on its line over its text (【享受主体】 / 【优惠内容】 / 【享受条件】
/ 【政策依据】).

A block's own list (【享受条件】 / 1.… / 2.…) numbers the conditions of the item it is
in, not items of the document: it is written as points of that item (（1）…), so that each
item holds all it says and the next item's title (2.…, over its first label) stays the
item it is.
"""

from __future__ import annotations

from collections import Counter

from .headings import BRACKETED, L3, marker

_MIN_ITEMS = 3  # titles over a label: a layout, not one label in passing


def _label(line: str) -> str:
    """The label a line opens with (【享受主体】…), or ""."""
    m = BRACKETED.match(line.strip())
    return m.group(1) if m else ""


def numbered_blocks(lines: list[str]) -> list[str] | None:
    """The lines with each block's own numbered list written as points of its item; None
    when the text is not laid out so: fewer than three numbered titles each directly over
    the same label."""
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    after = {i: nonblank[k + 1] for k, i in enumerate(nonblank[:-1])}
    over = {i: label for i in nonblank if (m := marker(lines[i])) is not None and m.level == L3
            and i in after and (label := _label(lines[after[i]]))}
    if not over:
        return None
    # the label each block opens with (【享受主体】): a list's last point may stand over a
    # later label of its block (2.… over 【政策依据】), a title over the first
    first, n = Counter(over.values()).most_common(1)[0]
    if n < _MIN_ITEMS:
        return None
    titles = {i for i, label in over.items() if label == first}
    out = list(lines)
    inside = False  # after an item's title, before the next title or heading
    for i in nonblank:
        m = marker(lines[i])
        if i in titles or (m is not None and m.level < L3):
            inside = i in titles  # (一、减免增值税类: a heading over items, no block)
        elif inside and m is not None and m.level == L3:
            out[i] = f"（{m.number}）{m.rest}"
    return out


__all__ = ["numbered_blocks"]
