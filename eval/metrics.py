"""Metrics as pure functions over plain values (unit-tested on hand-made cases).

Rankings are lists of row keys, best first; gold is a set of row keys.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

from ingest.text import normalize


def recall_at_k(ranking: Sequence[Hashable], gold: set, k: int) -> float:
    """Share of gold rows found in the top ``k``."""
    if not gold:
        return 0.0
    return len(set(ranking[:k]) & gold) / len(gold)


def mrr_at_k(ranking: Sequence[Hashable], gold: set, k: int = 10) -> float:
    """1 / rank of the first gold row in the top ``k`` (0 when none)."""
    for i, key in enumerate(ranking[:k], start=1):
        if key in gold:
            return 1.0 / i
    return 0.0


def ndcg_at_k(ranking: Sequence[Hashable], gold: set, k: int = 10) -> float:
    """Binary-relevance nDCG: DCG = sum 1/log2(rank+1) over gold rows in the top k,
    divided by the DCG of a perfect ranking."""
    if not gold:
        return 0.0
    dcg = sum(1.0 / math.log2(i + 1) for i, key in enumerate(ranking[:k], start=1) if key in gold)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(gold), k) + 1))
    return dcg / ideal


def facts_present(answer: str, facts: Sequence[str]) -> bool:
    """Every fact occurs in the answer (normalised: full/half width, whitespace). A fact
    copied from a table cell that lists items with spaces (牵头单位 "县公安局 县交通运输局")
    is present when each item is, however the answer joins them (县公安局、县交通运输局)."""
    a = normalize(answer)
    return all(normalize(item) in a for f in facts for item in f.split())


def citation_pr(cited: Sequence[Hashable], gold: set, also: set = frozenset()) -> tuple[float, float]:
    """(precision, recall) of cited rows against gold; precision of no citations is 1.

    Rows in ``also`` (restating the answer) count as right when cited, and are not
    required for recall."""
    c = set(cited)
    precision = len(c & (gold | also)) / len(c) if c else 1.0
    recall = len(c & gold) / len(gold) if gold else 1.0
    return precision, recall


def abstention_pr(abstained: Sequence[bool], unanswerable: Sequence[bool]) -> tuple[float, float]:
    """(precision, recall) of abstaining, taking unanswerable questions as positives.

    A system that never abstains while unanswerable questions exist gets precision 0
    (not the vacuous 1): it never said "not covered" when it should have."""
    tp = sum(a and u for a, u in zip(abstained, unanswerable))
    n_abst, n_unans = sum(abstained), sum(unanswerable)
    precision = tp / n_abst if n_abst else (0.0 if n_unans else 1.0)
    return precision, (tp / n_unans if n_unans else 1.0)


def percentile(values: Sequence[float], p: float) -> float:
    """Linear-interpolated percentile (p in 0..100)."""
    if not values:
        return 0.0
    s = sorted(values)
    x = (len(s) - 1) * p / 100.0
    lo, hi = math.floor(x), math.ceil(x)
    return s[lo] + (s[hi] - s[lo]) * (x - lo)


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0
