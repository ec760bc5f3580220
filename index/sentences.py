"""Sentence vectors: every row's quotable sentences (``ingest.sentences``) embedded
once at build time, so the answer can rank a row's sentences by meaning as well as by
the words they share with the question (plain speech shares few).

Persisted beside the chunk index:

    sentences.jsonl   one line per row: {"key": [scope, number], "sentences": [[text, j], …]}
                      in the row's sentence order, j the sentence's vector in sentences.npy
    sentences.npy     float32 (unique sentences × dim), L2-normalised passage vectors
                      (numpy's own format, read with ``allow_pickle=False``)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.schema import TaskRow
from ingest.sentences import row_sentences

from .embedders import Embedder

JSONL, NPY = "sentences.jsonl", "sentences.npy"

RowKey = tuple[str, int]


@dataclass(frozen=True)
class SentenceVectors:
    rows: dict[RowKey, tuple[tuple[str, int], ...]]  # row → its sentences and their vector
    matrix: np.ndarray                               # unique sentences × dim

    def __len__(self) -> int:
        return int(self.matrix.shape[0])

    def similarity(self, query_vector: np.ndarray, key: RowKey) -> dict[str, float]:
        """Cosine of each of the row's sentences with the query (vectors are normalised)."""
        sents = self.rows.get(key, ())
        if not sents:
            return {}
        sims = self.matrix[[j for _, j in sents]] @ query_vector
        return {text: float(s) for (text, _), s in zip(sents, sims)}


def sentence_texts(rows: Sequence[TaskRow]) -> tuple[dict[RowKey, tuple[tuple[str, int], ...]], list[str]]:
    """Each row's sentences numbered by unique text, and the unique texts in order."""
    index: dict[str, int] = {}
    per_row = {}
    for row in rows:
        per_row[row.key] = tuple((s.text, index.setdefault(s.text, len(index))) for s in row_sentences(row))
    return per_row, list(index)


def embed(per_row: dict[RowKey, tuple[tuple[str, int], ...]], texts: Sequence[str], embedder: Embedder,
          progress: Callable[[int], None] | None = None) -> SentenceVectors:
    """The vectors of :func:`sentence_texts`' unique texts, with each row's sentences."""
    matrix = embedder.encode_passages(texts, progress=progress) if texts else np.zeros((0, 0), np.float32)
    return SentenceVectors(per_row, np.asarray(matrix, dtype=np.float32))


def save(sv: SentenceVectors, directory: Path) -> None:
    with open(directory / JSONL, "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"key": list(key), "sentences": [list(s) for s in sents]},
                               ensure_ascii=False) + "\n" for key, sents in sv.rows.items())
    np.save(directory / NPY, sv.matrix, allow_pickle=False)


def load(directory: Path) -> SentenceVectors:
    """Raises ValueError (bad content) or OSError (unreadable) for the caller to name."""
    rows: dict[RowKey, tuple[tuple[str, int], ...]] = {}
    with open(directory / JSONL, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                scope, number = d["key"]
                rows[(str(scope), int(number))] = tuple((str(t), int(j)) for t, j in d["sentences"])
    matrix = np.load(directory / NPY, allow_pickle=False)
    if matrix.ndim != 2 or matrix.dtype != np.float32:
        raise ValueError(f"{NPY} 不是 float32 矩阵")
    n = len(matrix)
    if any(not 0 <= j < n for sents in rows.values() for _, j in sents):
        raise ValueError(f"{JSONL} 指向 {NPY} 之外的向量")
    return SentenceVectors(rows, matrix)
