"""BM25 over jieba tokens (rank-bm25), with an IDF that never reaches zero.

rank_bm25's ``BM25Okapi`` gives a term found in exactly half the documents an IDF
of 0 (log(1)); with two attachments and phrases repeated across rows that drops
real evidence. The Lucene form log(1 + (N - n + 0.5) / (n + 0.5)) stays positive.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Okapi


class PositiveIdfBM25(BM25Okapi):
    def _calc_idf(self, nd: dict[str, int]) -> None:
        self.idf = {w: math.log(1.0 + (self.corpus_size - n + 0.5) / (n + 0.5)) for w, n in nd.items()}


class BM25Index:
    """BM25 scores of tokenised chunks for a tokenised query."""

    def __init__(self, tokens: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75):
        self.tokens = [list(t) for t in tokens]
        # rank_bm25 divides by the average length: keep every document non-empty
        self._bm25 = PositiveIdfBM25([t or ["∅"] for t in self.tokens], k1=k1, b=b)

    def __len__(self) -> int:
        return len(self.tokens)

    def idf(self, term: str) -> float:
        """The term's IDF; 0 for a term no chunk contains."""
        return self._bm25.idf.get(term, 0.0)

    def scores(self, query_tokens: Sequence[str]) -> np.ndarray:
        terms = [t for t in dict.fromkeys(query_tokens) if t in self._bm25.idf]
        if not terms:
            return np.zeros(len(self.tokens), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)
