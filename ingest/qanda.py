"""A 政策解读 written as questions and answers (问：…？ / 答：…): each question is an item
of its own — its answer the item's text — numbered 1. 2. … under the heading it stands
under (一、出台背景 / 二、扶持政策), as a list of measures is. Without this the pairs under one
heading ran into a single item of seven questions, and a citation could not point to the
one that answers.

The lines are numbered in place (问：… → 1.问：…), every line keeping its number, so the
outline reader (:mod:`ingest.outline`) reads them as it reads any numbered item.
"""

from __future__ import annotations

import re

from .headings import L1, L2, L3, marker

# 问：…, Q1:, 问题一：…, and the numbered forms 一问：… / 第三问：…
_NUM = "一二三四五六七八九十百"
_ASKED = re.compile(rf"^\s*(?:问题?\s*[\d{_NUM}]{{0,3}}|Q\s*\d{{0,2}}|第?[\d{_NUM}]{{1,3}}\s*问)\s*[:：]")
_ANSWERED = re.compile(r"^\s*(?:答|A)\s*\d{0,2}\s*[:：]")
# words ending asking before any sentence ends: 贷款额度是多少？答：…
_OPENS_ASKING = re.compile(r"^[^。；;]{2,60}[？?]")
_MIN_PAIRS = 3  # a document of questions and answers, not one question quoted in a text


def asks_first(text: str) -> bool:
    """Whether an item's text opens with a question: 问：…, Q1:, 第三问：…, or words ending
    asking before any sentence ends (贷款额度是多少？答：…)."""
    return bool(_ASKED.match(text) or _OPENS_ASKING.match(text))


def _next_line(lines: list[str], i: int) -> str:
    return next((ln for ln in lines[i + 1:i + 4] if ln.strip()), "")


def _heading_question(lines: list[str], i: int) -> str | None:
    """The question a numbered heading asks (三、个人创业担保贷款额度是多少？) when the
    next line answers it (答：…, or a paragraph that is no heading), else None."""
    m = marker(lines[i])
    if m is None or m.level not in (L1, L3) or not re.search(r"[？?]\s*$", m.rest):
        return None
    after = _next_line(lines, i)
    return m.rest.strip() if after and (_ANSWERED.match(after) or marker(after) is None) else None


def number_questions(lines: list[str], min_pairs: int = _MIN_PAIRS) -> list[str] | None:
    """The lines with each question numbered as an item, restarting under each 一、
    heading; None when the text is not written as questions and answers (fewer than
    ``min_pairs`` questions each followed by an answer: three, unless nothing else in
    the text is an item). A question may be a numbered heading of its own (一、什么是创业
    担保贷款？ over 答：…): each is an item, numbered as the document numbers it, and the
    points its answer lists — （一）（二）, （1）（2） — are lines of that answer."""
    asked = [i for i, ln in enumerate(lines) if _ASKED.match(ln)]
    headed = {i: q for i in range(len(lines)) if (q := _heading_question(lines, i)) is not None}
    if len(headed) >= min_pairs and len(asked) < min_pairs:
        out, inside, last = list(lines), False, -1
        for i, ln in enumerate(lines):
            m = marker(ln)
            if i in headed:
                out[i] = f"{m.number}.{headed[i]}"  # type: ignore[union-attr]
                inside = True
            elif inside and m is not None and m.level in (L2, L3) and last >= 0:
                # a point the answer lists （一） or 1. is part of it, not a heading over the next
                # questions nor a question of its own: it runs on in the answer's line, and its
                # own line is left empty (（1） stays a point of the item, as under any item)
                out[last] += ln.strip()
                out[i] = ""
                continue
            elif m is not None and m.level <= L1:
                inside = False
            if ln.strip():
                last = i
        return out
    answered = sum(1 for i in asked if any(_ANSWERED.match(ln) for ln in lines[i + 1:i + 3]))
    if answered < min_pairs:
        return None
    out, n, last, answering = list(lines), 0, -1, False
    listed = False  # the part under the current heading numbers items of its own (所需材料：1.…)
    for i, ln in enumerate(lines):
        m = marker(ln)
        if m is not None and m.level <= L1:
            n, answering, listed = 0, False, False
        elif _ASKED.match(ln):
            if listed:
                return None  # questions among numbered items: the items are the items
            n += 1
            out[i] = f"{n}.{ln.strip()}"
            answering = False
        elif _ANSWERED.match(ln):
            answering = True
        elif m is not None and m.level in (L2, L3) and answering and not _ASKED.match(m.rest):
            # a point the answer lists (申请条件：1.…2.…) is part of it, not an item of its
            # own: it runs on in the answer's line, its own line left empty
            out[last] += ln.strip()
            out[i] = ""
            continue
        elif m is not None and m.level == L3:
            if n or asks_first(m.rest):
                return None  # items numbered already (1.问：…): the questions are not the items
            listed = True  # a list of its own under another heading (所需材料：1.…)
        if ln.strip():
            last = i
    return out


__all__ = ["asks_first", "number_questions"]
