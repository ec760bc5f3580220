"""Persistence: an index is a directory in plain formats with a manifest, one
directory per loaded corpus.

    <home>/index/<key>/manifest.json   format version, corpus sha256, embedder name + dim,
                                       chunking settings, counts, build time and duration,
                                       the sha256 and size of each file below (rows.jsonl's
                                       is also checked against the rows as read today:
                                       a newer parser may read the same text otherwise),
                                       and the document's parse warnings
    <home>/index/<key>/rows.jsonl      the typed rows (ingest.schema.TaskRow.to_dict)
    <home>/index/<key>/chunks.jsonl    chunks with their BM25 tokens
    <home>/index/<key>/dense.faiss     faiss.write_index of the chunk vectors
    <home>/index/<key>/sentences.jsonl each row's quotable sentences, and sentences.npy
                                       their vectors (index.sentences): the answer ranks a
                                       row's sentences by meaning as well as by words
    <home>/vectors/                    passage vectors by chunk text hash (index.vector_cache):
                                       a rebuild embeds only chunks it has not seen

The index is over every loaded document (``ingest.library.combine``); its corpus
checksum is the one document's sha256, or a checksum over each loaded document's, and
``<key>`` is that checksum's first 12 hex digits. So each set of documents (the
library, each ``--doc`` set) keeps its own index: switching between sets loads the
one already built instead of rebuilding. Opening an index marks it used (the
directory's mtime); after a build, only the :data:`MAX_INDEXES` most recently used
directories are kept, never the one just opened. An index of the old single-directory
layout (files directly in ``<home>/index``) is moved to its key on first use.

No pickle. A changed corpus, embedder or chunking triggers a rebuild, and so do rows
read otherwise from the same text by a newer parser (or, with
``no_rebuild``, an error naming the command to run); a missing, truncated or
corrupt file is an :class:`IndexStoreError` naming the file and the fix. Loading
verifies each file against its checksum in the manifest, so a row edited by hand
(10万 → 99万) is refused rather than served as the document's word.

Format versions: 1 — the files above; 2 — the manifest adds ``files`` (checksums) and
``document.warnings``; 3 — sentence vectors (``sentences.jsonl``, ``sentences.npy``); 4 — a
question runs on into its answer as one sentence (政策解读 in 问/答); 5 — a table's further
columns, kept as labelled notes (兑现方式：…), are searched and quoted. An index of an older
format is rebuilt with a notice.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.library import warning_report
from ingest.schema import Document, TaskRow

from . import dense, sentences
from .chunks import make_chunks
from .embedders import DEFAULT_EMBEDDER, Embedder, make_embedder
from .schema import Chunk
from .tokenize import tokenize
from .vector_cache import CachedEmbedder

FORMAT_VERSION = 8
FORMAT_CHANGES = {2: "清单新增各文件的校验和与文档解析警告", 3: "新增句子向量，用于按语义挑选引文",
                  4: "问句与其后的回答合为一句引文", 5: "表格其他列（政策名称、兑现方式等）也可检索和引用",
                  6: "办事指南的每个字段连同指南标题一起检索", 8: "任务行记下文件自己的列名（如 受理部门、兑现标准）"}
FILES = ("rows.jsonl", "chunks.jsonl", "dense.faiss", sentences.JSONL, sentences.NPY)
MAX_WARNINGS = 50  # document warnings kept in the manifest
CHUNKING = {"row": True, "measure": True, "measure_min_measures": 2}
FIX = "policyqa index --rebuild"
SAME_DOCS = "（用了 --doc 的，加上同样的 --doc）"
MAX_INDEXES = 4  # index directories kept in <home>/index, least recently used removed first
KEY_CHARS = 12   # hex digits of the corpus sha256 naming its directory
_KEY = re.compile(rf"[0-9a-f]{{{KEY_CHARS}}}")


class IndexStoreError(RuntimeError):
    """A persisted index cannot be used; the message names the file and the fix."""


def _short(e: BaseException | str, limit: int = 120) -> str:
    """An error's text cut to a short excerpt (a corrupt file's bytes can fill screens)."""
    text = str(e) if isinstance(e, str) else (f"{type(e).__name__}: {e}" if str(e) else type(e).__name__)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[:limit] + "…"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def default_home() -> Path:
    if env := os.environ.get("POLICYQA_HOME"):
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "policyqa"


def index_root(home: Path | str | None = None) -> Path:
    """Where the indexes of a data directory live: ``<home>/index``."""
    return Path(home or default_home()) / "index"


def corpus_key(corpus: Document | str) -> str:
    """The directory name of a corpus's index: its sha256's first 12 hex digits."""
    sha = corpus.sha256 if isinstance(corpus, Document) else corpus
    if not _KEY.fullmatch(sha[:KEY_CHARS]):
        raise ValueError(f"语料校验和不是十六进制：{sha!r}")
    return sha[:KEY_CHARS]


def index_dir(home: Path | str | None, corpus: Document | str) -> Path:
    """The index directory of a loaded corpus (a Document or its sha256):
    ``<home>/index/<first 12 hex of its sha256>``."""
    return index_root(home) / corpus_key(corpus)


def index_dirs(home: Path | str | None = None) -> list[Path]:
    """The index directories in ``home``, most recently used first."""
    root = index_root(home)
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if p.is_dir() and _KEY.fullmatch(p.name)]
    return sorted(found, key=_last_used, reverse=True)


def _last_used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def mark_used(path: Path) -> None:
    """Record that the index at ``path`` was just opened (its directory's mtime)."""
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only data directory: the order is only a hint


def prune(home: Path | str | None, keep: Path, limit: int | None = None, quiet: bool = False) -> list[Path]:
    """Remove the least recently used index directories beyond ``limit`` (default
    :data:`MAX_INDEXES`), never ``keep`` (the one in use). Returns those removed."""
    limit = MAX_INDEXES if limit is None else limit
    others = [p for p in index_dirs(home) if p.resolve() != keep.resolve()]
    removed = others[max(0, limit - 1):]
    for p in removed:
        shutil.rmtree(p, ignore_errors=True)
        if not quiet:
            print(f"已删除最久未用的索引：{p}（最多保留 {limit} 个）", file=sys.stderr)
    return removed


def migrate_legacy(home: Path | str | None = None, quiet: bool = False) -> Path | None:
    """Move an index of the old layout (files directly in ``<home>/index``) into its
    corpus's directory, so an upgrade does not rebuild it; an unreadable one is
    removed (it would be rebuilt anyway). Returns the new directory, if any."""
    root = index_root(home)
    legacy = [root / n for n in ("manifest.json", *FILES) if (root / n).exists()]
    if not legacy:
        return None
    try:
        manifest = json.loads((root / "manifest.json").read_text("utf-8"))
        target = index_dir(home, str(manifest["corpus_sha256"]))
    except (OSError, ValueError, KeyError, TypeError):
        target = None
    moved = None
    if target is not None and not target.exists():
        tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=root))
        try:
            for f in legacy:
                f.rename(tmp / f.name)
            tmp.rename(target)
            moved = target
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
    for f in legacy:
        f.unlink(missing_ok=True)
    if not quiet:
        print(f"旧版索引{'已移到 ' + str(moved) if moved else '无法沿用，已删除'}（现在每组文件各有一个索引目录）",
              file=sys.stderr)
    return moved


@dataclass
class StoredIndex:
    manifest: dict[str, Any]
    rows: list[TaskRow]
    chunks: list[Chunk]
    tokens: list[list[str]]
    faiss_index: Any
    path: Path
    sentence_vectors: sentences.SentenceVectors | None = None
    load_seconds: float = 0.0


def _row_line(r: TaskRow) -> str:
    return json.dumps(r.to_dict(), ensure_ascii=False) + "\n"


def rows_sha256(rows: list[TaskRow]) -> str:
    """The sha256 of the rows as ``rows.jsonl`` holds them: the same text read by a newer
    parser can give other rows, which the stored index must not serve."""
    h = hashlib.sha256()
    for r in rows:
        h.update(_row_line(r).encode("utf-8"))
    return h.hexdigest()


def expected_manifest(doc: Document, embedder_name: str) -> dict[str, Any]:
    return {"format_version": FORMAT_VERSION, "corpus_sha256": doc.sha256,
            "embedder": embedder_name, "chunking": CHUNKING}


def mismatch(manifest: dict[str, Any], expected: dict[str, Any], rows: list[TaskRow] | None = None) -> list[str]:
    """Human-readable reasons the stored manifest does not fit, empty when it does;
    ``rows``: the document's rows as read today, against the stored ``rows.jsonl``'s
    checksum (a newer parser can read the same text otherwise)."""
    names = {"format_version": "索引格式版本", "corpus_sha256": "语料（文件内容已变化）",
             "embedder": "嵌入模型", "chunking": "分块设置"}
    out = [f"{names[k]}：已存 {manifest.get(k)!r}，需要 {v!r}" for k, v in expected.items() if manifest.get(k) != v]
    stored = (manifest.get("files") or {}).get("rows.jsonl", {}).get("sha256")
    if rows is not None and not out and stored != rows_sha256(rows):
        out.append("解析结果与索引文件 rows.jsonl 不一致（程序更新后同一文件读出的条目有变化，或该文件被改动）")
    return out


def _progress_bar(total: int, desc: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="块", file=sys.stderr, disable=total == 0,
                mininterval=0.5)


def build(doc: Document, embedder: Embedder, home: Path | str | None = None,
          quiet: bool = False) -> StoredIndex:
    """Chunk, tokenise, embed and write the index atomically; prints a progress bar
    and a timing summary on stderr."""
    t0 = time.perf_counter()
    target = index_dir(home, doc)
    target.parent.mkdir(parents=True, exist_ok=True)
    chunks = make_chunks(doc.rows, measures=CHUNKING["measure"])
    tokens = [tokenize(c.text) for c in chunks]
    t_tok = time.perf_counter() - t0
    bar = None if quiet else _progress_bar(len(chunks), f"嵌入 {embedder.name}")
    # vectors cached by chunk text under <home>/vectors: a new document embeds only its chunks
    cached = embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder, home or default_home())
    vectors = cached.encode_passages([c.text for c in chunks],
                                       progress=(bar.update if bar else None))
    if bar:
        bar.close()
    per_row, texts = sentences.sentence_texts(doc.rows)
    bar = None if quiet else _progress_bar(len(texts), "嵌入句子")
    sents = sentences.embed(per_row, texts, cached, progress=(bar.update if bar else None))
    if bar:
        bar.close()
    t_emb = time.perf_counter() - t0 - t_tok
    threshold = int(os.environ.get("POLICYQA_HNSW_THRESHOLD", dense.HNSW_THRESHOLD))
    index = dense.build_index(vectors, hnsw_threshold=threshold)
    manifest = {**expected_manifest(doc, embedder.name), "dim": int(vectors.shape[1]),
                "faiss_index": type(index).__name__, "hnsw_threshold": threshold,
                "rows": len(doc.rows), "chunks": len(chunks), "sentences": len(sents),
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "build_seconds": round(time.perf_counter() - t0, 2),
                "document": {"title": doc.title, "doc_number": doc.doc_number, "path": doc.path,
                             "warning_count": len(doc.warnings),
                             "warnings": list(doc.warnings[:MAX_WARNINGS])}}
    tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=target.parent))
    try:
        with open(tmp / "rows.jsonl", "w", encoding="utf-8") as f:
            f.writelines(_row_line(r) for r in doc.rows)
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps({**c.to_dict(), "tokens": toks}, ensure_ascii=False) + "\n" for c, toks in zip(chunks, tokens))
        dense.save(index, tmp / "dense.faiss")
        sentences.save(sents, tmp)
        manifest["files"] = {name: {"sha256": file_sha256(tmp / name), "bytes": (tmp / name).stat().st_size}
                             for name in FILES}
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), "utf-8")
        old = target.with_name(f".old-{os.getpid()}-{time.time_ns()}")
        if target.exists():
            target.rename(old)
        tmp.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    mark_used(target)
    prune(home, keep=target, quiet=quiet)
    if not quiet:
        print(f"索引已建立：{len(doc.rows)} 行，{len(chunks)} 块；分词 {t_tok:.1f} 秒，"
              f"嵌入 {t_emb:.1f} 秒（{len(chunks)} 块、{len(sents)} 句），"
              f"共 {manifest['build_seconds']:.1f} 秒 → {target}", file=sys.stderr)
    return StoredIndex(manifest, list(doc.rows), chunks, tokens, index, target, sents)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise IndexStoreError(f"索引文件已损坏：{path} 第 {n} 行不是有效 JSON（{_short(e.msg)}）。"
                                          f"修复：运行 {FIX}") from e
    return out


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest of the index at ``path``; None when no index is there."""
    mf = path / "manifest.json"
    if not mf.exists():
        if path.exists() and any(path.iterdir()):
            raise IndexStoreError(f"索引缺少清单文件：{mf}。修复：运行 {FIX}")
        return None
    try:
        manifest = json.loads(mf.read_text("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise IndexStoreError(f"索引清单已损坏：{mf}（{_short(e)}）。修复：运行 {FIX}") from e
    if not isinstance(manifest, dict):
        raise IndexStoreError(f"索引清单格式不对：{mf}。修复：运行 {FIX}")
    return manifest


def verify(path: Path, manifest: dict[str, Any]) -> None:
    """Each file's size and sha256 against the manifest; :class:`IndexStoreError` naming
    the first file that differs (edited, truncated, overwritten) and the fix."""
    recorded = manifest.get("files")
    if not isinstance(recorded, dict):
        raise IndexStoreError(f"索引清单没有记载文件校验和：{path / 'manifest.json'}。修复：运行 {FIX}")
    for name in FILES:
        f = path / name
        if not f.exists():
            raise IndexStoreError(f"索引文件缺失：{f}。修复：运行 {FIX}")
        want = recorded.get(name) if isinstance(recorded.get(name), dict) else {}
        if f.stat().st_size != want.get("bytes") or file_sha256(f) != want.get("sha256"):
            raise IndexStoreError(f"索引文件与清单记载的校验和不符（文件被改动、截断或损坏）：{f}。"
                                  f"修复：运行 {FIX}")


def load(path: Path, manifest: dict[str, Any]) -> StoredIndex:
    t0 = time.perf_counter()
    for name in FILES:
        if not (path / name).exists():
            raise IndexStoreError(f"索引文件缺失：{path / name}。修复：运行 {FIX}")
    verify(path, manifest)
    try:
        rows = [TaskRow.from_dict(d) for d in _read_jsonl(path / "rows.jsonl")]
        recs = _read_jsonl(path / "chunks.jsonl")
        chunks = [Chunk.from_dict(d) for d in recs]
        tokens = [list(d["tokens"]) for d in recs]
    except (KeyError, TypeError, ValueError) as e:
        raise IndexStoreError(f"索引文件内容不完整：{path}（{_short(e)}）。修复：运行 {FIX}") from e
    try:
        index = dense.load(path / "dense.faiss")
    except RuntimeError as e:
        raise IndexStoreError(f"向量索引文件已损坏或被截断：{path / 'dense.faiss'}。修复：运行 {FIX}") from e
    try:
        sents = sentences.load(path)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise IndexStoreError(f"句子向量文件已损坏：{path / sentences.NPY}（{_short(e)}）。修复：运行 {FIX}") from e
    if len(sents) != manifest.get("sentences") or (len(sents) and sents.matrix.shape[1] != index.d) \
            or set(sents.rows) != {r.key for r in rows}:
        raise IndexStoreError(f"索引文件彼此不一致：句子向量 {sents.matrix.shape} 与清单或行不符：{path}。修复：运行 {FIX}")
    counts = (len(rows), len(chunks), index.ntotal, index.d)
    if counts != (manifest.get("rows"), manifest.get("chunks"), manifest.get("chunks"), manifest.get("dim")):
        raise IndexStoreError(f"索引文件彼此不一致（行 {counts[0]}、块 {counts[1]}、向量 {counts[2]}×{counts[3]}，"
                              f"清单记载 {manifest.get('rows')}、{manifest.get('chunks')}、{manifest.get('dim')}）："
                              f"{path}。修复：运行 {FIX}")
    row_keys = {r.key for r in rows}
    if orphan := next((c for c in chunks if c.key not in row_keys), None):
        raise IndexStoreError(f"索引文件彼此不一致：{path / 'chunks.jsonl'} 的第 {orphan.id} 块指向不存在的行"
                              f"（{_short(orphan.label, 40)}）。修复：运行 {FIX}")
    return StoredIndex(manifest, rows, chunks, tokens, index, path, sents, time.perf_counter() - t0)


def open_index(doc: Document, embedder: Embedder | str | None = None, home: Path | str | None = None,
               rebuild: bool = False, no_rebuild: bool = False, quiet: bool = False
               ) -> tuple[StoredIndex, Embedder]:
    """Load the index for ``doc`` (its own directory, :func:`index_dir`) and the
    embedder, building it when absent or stale."""
    emb = embedder if embedder is not None and not isinstance(embedder, str) else None
    name = emb.name if emb else _embedder_name(embedder)
    migrate_legacy(home, quiet=quiet)
    path = index_dir(home, doc)
    manifest = None if rebuild else read_manifest(path)
    if manifest is not None:
        reasons = mismatch(manifest, expected_manifest(doc, name), doc.rows)
        if not reasons:
            stored = load(path, manifest)
            mark_used(path)
            return stored, emb or make_embedder(name)
        old = manifest.get("format_version")
        if isinstance(old, int) and old < FORMAT_VERSION:
            reasons = [(f"索引格式已从版本 {old} 更新到 {FORMAT_VERSION}（{FORMAT_CHANGES.get(FORMAT_VERSION, '')}），"
                       f"旧索引需要重建")] + [r for r in reasons if not r.startswith("索引格式版本")]
        if no_rebuild:
            raise IndexStoreError(f"索引与当前设置不符（{'；'.join(reasons)}）：{path}。修复：运行 {FIX}{SAME_DOCS}")
        if not quiet:
            print(f"索引需要重建：{'；'.join(reasons)}", file=sys.stderr)
    elif no_rebuild and not rebuild:
        raise IndexStoreError(f"还没有这组文件（语料 {corpus_key(doc)}）的索引：{path}。"
                              f"修复：运行 policyqa index{SAME_DOCS}")
    emb = emb or make_embedder(name)
    warn_document(doc)  # once, as the index is built: not on every question it then answers
    return build(doc, emb, home, quiet=quiet), emb


def warn_document(doc: Document, limit: int = 10) -> None:
    """The document's parse warnings on stderr (a corpus cut mid-row, skipped lines),
    per loaded document, at most ``limit`` each. Said when its index is built, even
    when ``quiet``; an index already built is opened silently (the manifest records
    them, and ``policyqa add``, ``docs`` and ``rows`` show them)."""
    for line in warning_report([doc], limit):
        print(f"警告：{line}", file=sys.stderr)


def _embedder_name(spec: str | None) -> str:
    spec = spec or os.environ.get("POLICYQA_EMBEDDER") or DEFAULT_EMBEDDER
    if spec.startswith("st:"):
        return f"st:{Path(spec[3:]).expanduser().resolve()}"
    return spec
