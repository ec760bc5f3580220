"""Fusion of per-retriever row rankings.

Each leg gives a ranking of row keys with scores, best first. Two rules:

- reciprocal rank fusion: ``sum_leg w_leg / (k + rank)`` (rank from 1);
- weighted normalised scores: each leg's scores divided by its best score (BM25)
  or min-max scaled over its candidates (dense), then ``sum_leg w_leg * norm``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

Ranking = Sequence[tuple[Hashable, float]]  # (key, score), best first


def rrf(rankings: Mapping[str, Ranking], k: float = 60.0,
        weights: Mapping[str, float] | None = None) -> dict[Hashable, float]:
    fused: dict[Hashable, float] = {}
    for leg, ranking in rankings.items():
        w = 1.0 if weights is None else weights.get(leg, 1.0)
        for rank, (key, _) in enumerate(ranking, start=1):
            fused[key] = fused.get(key, 0.0) + w / (k + rank)
    return fused


def normalize_scores(ranking: Ranking, method: str = "max", min_span: float = 0.0,
                     beyond: Mapping[Hashable, float] | None = None) -> dict[Hashable, float]:
    """``max``: score / best (0 when best ≤ 0); ``minmax``: (s - min) / (max - min),
    the span taken as at least ``min_span`` so that a leg whose scores barely differ
    (dense cosine 0.871 vs 0.880) does not turn a hair's difference into the whole
    scale. ``beyond``: scores of keys past the ranking's end, put on the same scale (with
    the span floored, one just past the last can be worth more than nothing)."""
    if not ranking:
        return {}
    vals = [s for _, s in ranking]
    hi, lo = max(vals), min(vals)
    items = [*ranking, *((beyond or {}).items())]
    if method == "minmax":
        span = max(hi - lo, min_span)
        return {key: (max(0.0, (s - hi) / span + 1.0) if span > 0 else 1.0) for key, s in items}
    return {key: (max(0.0, s / hi) if hi > 0 else 0.0) for key, s in items}


def weighted(rankings: Mapping[str, Ranking], weights: Mapping[str, float],
             methods: Mapping[str, str] | None = None,
             min_spans: Mapping[str, float] | None = None,
             scores: Mapping[str, Mapping[Hashable, float]] | None = None) -> dict[Hashable, float]:
    """``scores``: each leg's score of every key it scored, by which a key another leg
    ranks but this one ranks past its end is weighed on this leg's scale too, not as 0."""
    keys = {key for ranking in rankings.values() for key, _ in ranking}
    fused: dict[Hashable, float] = {}
    for leg, ranking in rankings.items():
        ranked = {key for key, _ in ranking}
        every = (scores or {}).get(leg, {})
        beyond = {key: every[key] for key in keys - ranked if key in every}
        norm = normalize_scores(ranking, (methods or {}).get(leg, "max"), (min_spans or {}).get(leg, 0.0), beyond)
        w = weights.get(leg, 1.0)
        for key, s in norm.items():
            fused[key] = fused.get(key, 0.0) + w * s
    return fused
