"""Hybrid retrieval: BM25 and dense legs ranked at the row level, then fused.

Each leg scores chunks, aggregates them to rows (a row's score is its best
chunk's), keeps its top ``depth`` rows, and fusion combines the legs. A hit
reports the fused score, each leg's rank and score, and the chunk that matched.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from threading import Lock

import numpy as np

from ingest.schema import Document, TaskRow

from . import dense, fusion
from .bm25 import BM25Index
from .embedders import Embedder
from .schema import MEASURE, Chunk, Hit
from .store import StoredIndex, open_index
from .tokenize import query_tokens

RETRIEVERS = ("bm25", "dense", "hybrid")


@dataclass(frozen=True)
class SearchConfig:
    retriever: str = "hybrid"      # bm25 | dense | hybrid
    fusion: str = "weighted"       # weighted | rrf
    rrf_k: float = 60.0
    # legs and their weights: BM25 over jieba tokens, dense over chunks, and rows by their
    # sentence nearest in meaning (index.sentences) — plain speech is near one sentence
    weights: tuple[tuple[str, float], ...] = (("bm25", 0.4), ("dense", 0.6), ("sentence", 0.3))
    dense_norm: str = "minmax"     # how dense scores are normalised for weighted fusion
    dense_min_span: float = 0.04   # min-max span floor: tiny dense differences stay small
    depth: int = 30                # rows each leg contributes to fusion
    synonyms: bool = True          # query-time synonym expansion (BM25 leg)
    # a one-character query word also matches the corpus's few words containing it (拖 →
    # 拖欠), when at most this many do (BM25 leg; 0: off)
    compounds: int = 4
    measures: bool = True          # use measure-level chunks besides whole rows

    def with_(self, **kw) -> SearchConfig:
        return replace(self, **kw)


DEFAULT_CONFIG = SearchConfig()


@dataclass
class LegResult:
    ranking: list[tuple[tuple[str, int], float]]       # row key, score; best first
    best_chunk: dict[tuple[str, int], int] = field(default_factory=dict)
    # every row the leg scored, past the ranking's end too (fusion weighs a row another
    # leg found by this leg's score of it)
    scores: dict[tuple[str, int], float] = field(default_factory=dict)


class Retriever:
    def __init__(self, stored: StoredIndex, embedder: Embedder):
        self.stored = stored
        self.embedder = embedder
        self.rows: list[TaskRow] = stored.rows
        self.by_key: dict[tuple[str, int], TaskRow] = {r.key: r for r in self.rows}
        self.chunks: list[Chunk] = stored.chunks
        self.bm25 = BM25Index(stored.tokens)
        keys = list(self.by_key)
        position = {k: i for i, k in enumerate(keys)}
        self._row_of_chunk = np.array([position[c.key] for c in self.chunks], dtype=np.int64)
        self._keys = keys
        self._is_measure = np.array([c.kind == MEASURE for c in self.chunks])
        # each (row, sentence) pair: the row's position and the sentence's vector
        sv = stored.sentence_vectors
        pairs = [(position[k], j) for k, sents in (sv.rows.items() if sv else ()) if k in position
                 for _, j in sents]
        self._sent_row = np.array([p for p, _ in pairs], dtype=np.int64)
        self._sent_vec = np.array([j for _, j in pairs], dtype=np.int64)
        self._qcache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._qlock = Lock()

    def clear_cache(self) -> None:
        """Forget cached query embeddings (benchmarks and evaluations time the real cost)."""
        with self._qlock:
            self._qcache.clear()

    # -- legs ---------------------------------------------------------------
    def query_vector(self, query: str) -> np.ndarray:
        """The query's embedding, cached (the same question is often asked again)."""
        with self._qlock:
            v = self._qcache.get(query)
            if v is not None:
                self._qcache.move_to_end(query)
                return v
        v = self.embedder.encode_queries([query])[0]
        with self._qlock:
            self._qcache[query] = v
            if len(self._qcache) > 2048:
                self._qcache.popitem(last=False)
        return v

    def _aggregate(self, chunk_ids: np.ndarray, scores: np.ndarray, cfg: SearchConfig,
                   depth: int) -> LegResult:
        best: dict[int, tuple[float, int]] = {}
        for cid, s in zip(chunk_ids.tolist(), scores.tolist()):
            if not cfg.measures and self._is_measure[cid]:
                continue
            r = int(self._row_of_chunk[cid])
            if r not in best or s > best[r][0]:
                best[r] = (s, cid)
        order = sorted(best.items(), key=lambda kv: -kv[1][0])
        return LegResult([(self._keys[r], s) for r, (s, _) in order[:depth]],
                         {self._keys[r]: cid for r, (_, cid) in order[:depth]},
                         {self._keys[r]: s for r, (s, _) in order})

    def bm25_leg(self, query: str, cfg: SearchConfig, depth: int) -> LegResult:
        toks = query_tokens(query, synonyms=cfg.synonyms)
        if cfg.compounds:
            toks += [w for t in toks if len(t) == 1 for w in self.bm25.compounds(t, cfg.compounds)]
        scores = self.bm25.scores(toks)
        ids = np.flatnonzero(scores > 0)
        cap = depth * 20  # enough chunks to fill ``depth`` rows; keeps large corpora fast
        if len(ids) > cap:
            ids = ids[np.argpartition(-scores[ids], cap)[:cap]]
        return self._aggregate(ids, scores[ids], cfg, depth)

    def dense_leg(self, query: str, cfg: SearchConfig, depth: int) -> LegResult:
        index = self.stored.faiss_index
        k = index.ntotal if index.ntotal <= 4096 else depth * 8
        scores, ids = dense.search(index, self.query_vector(query), k)
        return self._aggregate(ids, scores, cfg, depth)

    def sentence_leg(self, query: str, cfg: SearchConfig, depth: int) -> LegResult:
        """Rows by their sentence nearest in meaning to the query: a plain-speech question
        is often near one sentence of a row ("材料没带齐能先办吗" → 先办后补、容缺办理)
        while the row as a whole is about more."""
        sv = self.stored.sentence_vectors
        if sv is None or not len(self._sent_vec):
            return LegResult([])
        sims = (sv.matrix @ self.query_vector(query))[self._sent_vec]
        best = np.full(len(self._keys), -np.inf, dtype=np.float32)
        np.maximum.at(best, self._sent_row, sims)
        top = np.argsort(-best)[:depth]
        return LegResult([(self._keys[r], float(best[r])) for r in top if np.isfinite(best[r])],
                         scores={self._keys[r]: float(s) for r, s in enumerate(best.tolist()) if np.isfinite(s)})

    def sentence_similarity(self, query: str, key: tuple[str, int]) -> dict[str, float]:
        """Cosine of the query with each of the row's sentences (index.sentences), by
        sentence text; empty when the index holds no sentence vectors."""
        sv = self.stored.sentence_vectors
        return sv.similarity(self.query_vector(query), key) if sv is not None else {}

    # -- search -------------------------------------------------------------
    def search(self, query: str, k: int = 10, cfg: SearchConfig = DEFAULT_CONFIG) -> list[Hit]:
        """Rows for ``query``, best first, at most ``k``."""
        if cfg.retriever not in RETRIEVERS:
            raise ValueError(f"retriever 应为 {'/'.join(RETRIEVERS)}，收到 {cfg.retriever!r}")
        k = max(1, min(k, len(self.rows)))
        depth = max(cfg.depth, k)
        legs: dict[str, LegResult] = {}
        if cfg.retriever in ("bm25", "hybrid"):
            legs["bm25"] = self.bm25_leg(query, cfg, depth)
        if cfg.retriever in ("dense", "hybrid"):
            legs["dense"] = self.dense_leg(query, cfg, depth)
        if cfg.retriever == "hybrid" and dict(cfg.weights).get("sentence", 0.0) > 0:
            legs["sentence"] = self.sentence_leg(query, cfg, depth)
        rankings = {name: leg.ranking for name, leg in legs.items()}
        if len(legs) == 1:
            fused = dict(next(iter(rankings.values())))
        elif cfg.fusion == "rrf":
            fused = fusion.rrf(rankings, k=cfg.rrf_k, weights=dict(cfg.weights))
        else:
            fused = fusion.weighted(rankings, dict(cfg.weights),
                                    methods={"bm25": "max", "dense": cfg.dense_norm,
                                             "sentence": cfg.dense_norm},
                                    min_spans={"dense": cfg.dense_min_span,
                                               "sentence": cfg.dense_min_span},
                                    scores={name: leg.scores for name, leg in legs.items()})
        order = sorted(fused.items(), key=lambda kv: -kv[1])[:k]
        return [self._hit(key, score, legs) for key, score in order]

    def _hit(self, key: tuple[str, int], score: float, legs: dict[str, LegResult]) -> Hit:
        ranks: dict[str, int | None] = {"bm25": None, "dense": None}
        scores: dict[str, float | None] = {"bm25": None, "dense": None}
        best_leg, best_rank = None, None
        for name, leg in legs.items():
            if name not in ranks:  # the sentence leg ranks rows, it has no chunk to show
                continue
            for i, (kk, s) in enumerate(leg.ranking, start=1):
                if kk == key:
                    ranks[name], scores[name] = i, float(s)
                    if best_rank is None or i < best_rank:
                        best_leg, best_rank = name, i
                    break
            else:
                # ranked past the leg's depth: its score, which fusion weighed, without a rank
                scores[name] = leg.scores.get(key)
        cid = legs[best_leg].best_chunk[key] if best_leg else None
        chunk = self.chunks[cid] if cid is not None else None
        return Hit(key[0], key[1], float(score), ranks, scores,
                   chunk.text if chunk else "", chunk.kind if chunk else "row",
                   chunk.measure if chunk else None)


def open_retriever(doc: Document, embedder: str | Embedder | None = None,
                   home: Path | str | None = None, rebuild: bool = False,
                   no_rebuild: bool = False, quiet: bool = False) -> Retriever:
    stored, emb = open_index(doc, embedder, home, rebuild=rebuild, no_rebuild=no_rebuild, quiet=quiet)
    return Retriever(stored, emb)
