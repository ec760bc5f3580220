"""Rows that state the same sentence: the task list often repeats a rule word for
word (附件1 第84项 and 附件2 第82项 both say how much a new 高企 receives), and an
answer quoting it cites every row that says it.

Two sentences say the same when, after normalisation and without a leading point
number ("2."), they are equal, one contains the other (both ≥ ``MIN_CHARS``), or
they share ≥ ``MIN_JACCARD`` of their character bigrams and the same numbers — so
"社保补贴" never stands in for "场租补贴" (Jaccard 0.75) and "5处" never for "2处".

Whole rows can restate each other in other words: a task list of two attachments often
lists one task in each (附件1 第21项 登记注册“半日结” and 附件2 第87项 企业开办0.5个工作日) —
:func:`twins`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ingest.text import normalize

Key = tuple[str, int]

MIN_CHARS = 15
MIN_JACCARD = 0.85
_POINT = re.compile(r"^\d{1,2}[.、]")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def matching_form(text: str) -> str:
    return _POINT.sub("", normalize(text))


def _bigrams(t: str) -> frozenset[str]:
    return frozenset(t[i:i + 2] for i in range(len(t) - 1))


def _rows_of(sentences: Iterable[tuple[Key, str]], min_chars: int = 0) -> dict[str, set[Key]]:
    """Each sentence's matching form (≥ ``min_chars``) → the rows writing it."""
    rows_of: dict[str, set[Key]] = defaultdict(set)
    for key, text in sentences:
        t = matching_form(text)
        if len(t) >= min_chars:
            rows_of[t].add(key)
    return rows_of


def written_in_several(sentences: Iterable[tuple[Key, str]]) -> frozenset[str]:
    """The sentences (matching form) that more than one row writes word for word."""
    return frozenset(t for t, keys in _rows_of(sentences).items() if len(keys) > 1)


def restatements(sentences: Iterable[tuple[Key, str]]) -> dict[str, frozenset[Key]]:
    """For each sentence (matching form, ≥ ``MIN_CHARS``), every row stating it —
    its own row included. Rows whose sentence only its own row states are left out."""
    rows_of = _rows_of(sentences, MIN_CHARS)
    texts = sorted(rows_of, key=len)
    grams = {t: _bigrams(t) for t in texts}
    same: dict[str, set[Key]] = {t: set(rows_of[t]) for t in texts}
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            # containment needs nothing of the lengths; bigram overlap ≥ J needs
            # len(a) ≥ J·len(b), so longer partners past that cannot match unless containing a
            if a in b or (len(a) >= MIN_JACCARD * len(b) and _DIGITS.findall(a) == _DIGITS.findall(b)
                          and len(grams[a] & grams[b]) / len(grams[a] | grams[b]) >= MIN_JACCARD):
                same[a] |= rows_of[b]
                same[b] |= rows_of[a]
    return {t: frozenset(keys) for t, keys in same.items() if len(keys) > 1}


TWIN_OVERLAP = 0.4


def twins(rows: Iterable[tuple[Key, str, str, str]]) -> dict[Key, Key]:
    """Rows that state one task in two attachments of a document (``rows``: key, document,
    attachment, text): each the other's most alike row among the other attachments' —
    sharing ≥ ``TWIN_OVERLAP`` of the shorter one's character bigrams — both ways. Rows are
    compared within their document only."""
    by_doc: dict[str, list[tuple[Key, str, frozenset[str]]]] = defaultdict(list)
    for key, doc, att, text in rows:
        grams = _bigrams("".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff"))
        if grams:
            by_doc[doc].append((key, att, grams))
    best: dict[Key, tuple[float, Key]] = {}
    for listed in by_doc.values():
        for i, (ka, aa, ga) in enumerate(listed):
            for kb, ab, gb in listed[i + 1:]:
                if aa == ab:
                    continue
                overlap = len(ga & gb) / min(len(ga), len(gb))
                if overlap > best.get(ka, (0.0, ka))[0]:
                    best[ka] = (overlap, kb)
                if overlap > best.get(kb, (0.0, kb))[0]:
                    best[kb] = (overlap, ka)
    return {a: b for a, (overlap, b) in best.items()
            if overlap >= TWIN_OVERLAP and best.get(b, (0.0, b))[1] == a}
