"""Dense vectors in FAISS: exact inner product (vectors are L2-normalised, so this is
cosine similarity), or HNSW above a configurable corpus size."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

HNSW_THRESHOLD = 50_000  # chunks (env POLICYQA_HNSW_THRESHOLD); below it exact search is fast and exact


def build_index(vectors: np.ndarray, hnsw_threshold: int = HNSW_THRESHOLD) -> faiss.Index:
    v = np.ascontiguousarray(vectors, dtype=np.float32)
    dim = v.shape[1]
    if len(v) >= hnsw_threshold:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 128
    else:
        index = faiss.IndexFlatIP(dim)
    index.add(v)
    return index


def search(index: faiss.Index, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Scores and chunk ids of the ``k`` nearest chunks (k capped at the index size)."""
    k = max(1, min(k, index.ntotal))
    scores, ids = index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
    keep = ids[0] >= 0
    return scores[0][keep], ids[0][keep]


def save(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def load(path: Path) -> faiss.Index:
    return faiss.read_index(str(path))
