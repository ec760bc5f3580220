"""Table rows wrapped over lines: a cell too long for its column goes on on the next
line (a web page's or a PDF's table copied as text).

A numbered line with fewer cells than the header starts a row; the line(s) after it
continue that row until its cells are complete. A continuation's first cell is the rest
of the row's last (cut) cell, and its other cells fill the columns after it. A line
copied with its column positions (it starts with the empty number cell: a tab) keeps
them: its cells under the row's complete cells are empty, the one under the cut cell
continues it. A line does not continue the row when it would give more cells than the
header has, or when it puts text under a cell that is already complete.
"""

from __future__ import annotations

import re

from .text import join_text


def continue_row(cells: list[str], more: list[str], n: int) -> list[str] | None:
    """The cells of an incomplete row (``len(cells) < n``) with the next line's cells
    ``more`` added as its continuation, or None when ``more`` does not continue it.

    >>> continue_row(["5", "推进不动产登记，"], ["", "压缩至3个工作日", "县税务局", "9月底前"], 4)
    ['5', '推进不动产登记，压缩至3个工作日', '县税务局', '9月底前']
    >>> continue_row(["9", "建立清单制度", "县发改局、"], ["", "", "县经信局", "持续推进"], 4)
    ['9', '建立清单制度', '县发改局、县经信局', '持续推进']
    >>> continue_row(["5", "推进不动产登记，"], ["压缩至3个工作日", "县税务局", "9月底前"], 4)
    ['5', '推进不动产登记，压缩至3个工作日', '县税务局', '9月底前']
    >>> continue_row(["1", "推行", "围绕企业开办，"], ["", "压减50%。", "区数据局", "9月底前"], 5)
    ['1', '推行', '围绕企业开办，压减50%。', '区数据局', '9月底前']
    >>> continue_row(["3", "争取专项债券"], ["6", "新建学校", "县教育局", "8月底"], 4) is None
    True
    """
    k = len(cells)
    if not more or k == 0 or k >= n:
        return None
    if not more[0].strip() and len(more) > 1:
        if len(more) >= k and not any(c.strip() for c in more[:k - 1]):
            # copied with its columns: cells before the cut column stand under complete cells
            more = more[k - 1:]
        elif k + len(more) - 2 == n:
            # the rest indented by one tab, its cells those the row lacks (a web page's copy:
            # "1⇥推行…⇥围绕…" then "⇥平均办理时限压减50%以上。⇥区数据资源局⇥2024年9月底前")
            more = more[1:]
        else:
            return None
    if k + len(more) - 1 > n or re.fullmatch(r"\d{1,4}\s*[.、．]?", more[0].strip()):
        return None
    # a cell cut at a line's end and its rest: Chinese runs on, words keep a space
    return [*cells[:-1], join_text([x for x in (cells[-1].strip(), more[0].strip()) if x]), *more[1:]]


__all__ = ["continue_row"]
