"""Rows that state the same sentence: the task list often repeats a rule word for
word (附件1 第84项 and 附件2 第82项 both say how much a new 高企 receives), and an
answer quoting it cites every row that says it.

Two sentences say the same when, after normalisation and without a leading point
number ("2."), they are equal, one contains the other (both ≥ ``MIN_CHARS``), or
they share ≥ ``MIN_JACCARD`` of their character bigrams and the same numbers — so
"社保补贴" never stands in for "场租补贴" (Jaccard 0.75) and "5处" never for "2处".
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
