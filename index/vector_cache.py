"""Passage vectors cached by chunk text hash, so that adding a document embeds only
its own chunks and a rebuild after a dictionary edit re-embeds nothing.

``CachedEmbedder`` wraps any :class:`~index.embedders.Embedder` and keeps its
interface: ``encode_passages`` looks each text up by sha256 and encodes only the
misses, in one call. The cache is a directory per embedder (name and dimension)
under ``<home>/vectors/``: ``vectors.npy`` (float32, loaded without pickle) and
``keys.json`` (text hashes in row order). Queries are not cached here.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .embedders import Embedder


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached_any(home: Path | str) -> bool:
    """Whether ``home`` holds cached passage vectors of any embedder."""
    return any((Path(home) / "vectors").glob("*/keys.json"))


class CachedEmbedder:
    def __init__(self, inner: Embedder, home: Path | str):
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{inner.name}-{inner.dim}")
        self.dir = Path(home) / "vectors" / safe
        self._keys: list[str] = []
        self._vectors = np.zeros((0, inner.dim), dtype=np.float32)
        self._load()

    def _load(self) -> None:
        keys, vecs = self.dir / "keys.json", self.dir / "vectors.npy"
        if not (keys.exists() and vecs.exists()):
            return
        try:
            k = json.loads(keys.read_text("utf-8"))
            v = np.load(vecs, allow_pickle=False)
        except (OSError, ValueError):
            return  # a damaged cache is only a slower build
        if isinstance(k, list) and v.ndim == 2 and v.shape == (len(k), self.dim):
            self._keys, self._vectors = k, v.astype(np.float32)

    def _save(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp_v, tmp_k = self.dir / "vectors.tmp.npy", self.dir / "keys.tmp.json"
        np.save(tmp_v, self._vectors, allow_pickle=False)
        tmp_k.write_text(json.dumps(self._keys), "utf-8")
        tmp_v.replace(self.dir / "vectors.npy")
        tmp_k.replace(self.dir / "keys.json")

    def __len__(self) -> int:
        return len(self._keys)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode_queries(texts)

    def encode_passages(self, texts: Sequence[str],
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        where = {k: i for i, k in enumerate(self._keys)}
        keys = [text_key(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in where))
        if missing:
            first = {k: t for k, t in zip(keys, texts, strict=True)}
            new = np.asarray(self.inner.encode_passages([first[k] for k in missing], progress=progress),
                             dtype=np.float32)
            for k in missing:
                where[k] = len(self._keys)
                self._keys.append(k)
            self._vectors = np.concatenate([self._vectors, new.reshape(len(missing), self.dim)])
            self._save()
        if progress:
            progress(len(texts) - len(missing))
        return self._vectors[[where[k] for k in keys]]
