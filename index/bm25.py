"""BM25 over jieba tokens, with an IDF that never reaches zero, on two backends.

- ``bm25s`` (default): sparse-matrix scoring; at 100k chunks a query takes a few
  milliseconds, where rank-bm25's per-document Python loop takes hundreds
  (``scripts/benchmark.py`` prints both; see the README).
- ``rank_bm25``: the reference implementation, kept for comparison and tests.

Both score with the Lucene IDF log(1 + (N - n + 0.5) / (n + 0.5)), which stays
positive: rank_bm25's ``BM25Okapi`` gives a term found in exactly half the
documents an IDF of 0 (log(1)), and with two attachments and phrases repeated
across rows that drops real evidence. Scores are on the Okapi scale
(tf·(k1+1)/(tf + k1·(1 − b + b·dl/avgdl)) · idf) on both backends.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Okapi

BACKENDS = ("bm25s", "rank_bm25")
_EMPTY = "∅"


class PositiveIdfBM25(BM25Okapi):
    def _calc_idf(self, nd: dict[str, int]) -> None:
        self.idf = {w: math.log(1.0 + (self.corpus_size - n + 0.5) / (n + 0.5)) for w, n in nd.items()}


class BM25Index:
    """BM25 scores of tokenised chunks for a tokenised query."""

    def __init__(self, tokens: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75,
                 backend: str = "bm25s"):
        if backend not in BACKENDS:
            raise ValueError(f"BM25 backend must be one of {BACKENDS}, got {backend!r}")
        self.backend = backend
        self.k1, self.b = k1, b
        docs = [list(t) or [_EMPTY] for t in tokens]  # keep every document non-empty
        self.n_docs = len(docs)
        df = Counter(w for d in docs for w in set(d))
        self._idf = {w: math.log(1.0 + (self.n_docs - n + 0.5) / (n + 0.5)) for w, n in df.items()}
        self._by_char: dict[str, list[str]] | None = None
        if backend == "bm25s":
            import bm25s

            self._impl = bm25s.BM25(method="lucene", k1=k1, b=b)
            self._impl.index(docs, show_progress=False)
        else:
            self._impl = PositiveIdfBM25(docs, k1=k1, b=b)

    def __len__(self) -> int:
        return self.n_docs

    def compounds(self, char: str, limit: int) -> tuple[str, ...]:
        """The corpus's words of two to four characters that contain the one-character
        token ``char``, when there are at most ``limit`` (拖 → 拖欠; 欠 → 拖欠, 欠款):
        plain speech says with one character (钱拖着, 欠俺钱) what the document writes
        as a compound, and a character found in few words stands for them; one found in
        many (证, 办) stands for none."""
        if self._by_char is None:
            by_char: dict[str, list[str]] = {}
            for w in self._idf:
                if 2 <= len(w) <= 4:
                    for c in set(w):
                        by_char.setdefault(c, []).append(w)
            self._by_char = by_char
        found = self._by_char.get(char, [])
        return tuple(found) if len(found) <= limit else ()

    def idf(self, term: str) -> float:
        """The term's IDF; 0 for a term no chunk contains."""
        return self._idf.get(term, 0.0)

    def scores(self, query_tokens: Sequence[str]) -> np.ndarray:
        terms = [t for t in dict.fromkeys(query_tokens) if t in self._idf]
        if not terms:
            return np.zeros(self.n_docs, dtype=np.float32)
        if self.backend == "bm25s":
            # bm25s' Lucene form omits the constant (k1 + 1): restore the Okapi scale
            return np.asarray(self._impl.get_scores(terms), dtype=np.float32) * np.float32(self.k1 + 1)
        return np.asarray(self._impl.get_scores(terms), dtype=np.float32)
