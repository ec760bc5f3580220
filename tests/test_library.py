"""Several documents in one assistant, on the ingest side: the library in the data
directory, short names in citations, one row list over all documents, and passage
vectors cached by chunk text hash (adding a document embeds only its chunks)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from index.chunks import make_chunks
from index.vector_cache import CachedEmbedder
from ingest import IngestError, load_document, parse_label
from ingest.library import (
    Library,
    all_rows,
    combine,
    qualify,
    short_name,
    warning_report,
    warning_summary,
)
from ingest.notices import CHECK, SET_ASIDE, SKIPPED, Notice, kind
from ingest.parser import parse_text

DATA = Path(__file__).parent / "data"
XIAMEN = Path(__file__).resolve().parents[2] / "shared" / "docs" / "xiamen_2019.txt"  # a date without 年月日


def test_one_document_alone_keeps_its_labels():
    (d,) = qualify([load_document()])
    assert d.row("附件1", 84).citation == "〔附件1 第84项〕" and d.rows[0].doc == ""


def test_two_documents_cite_each_by_a_short_name():
    builtin, other = qualify([load_document(), load_document(DATA / "pingyao_table.txt")])
    assert (builtin.name, other.name) == ("大宁市场主体任务清单", "平遥优化营商任务清单")
    r = builtin.row("大宁市场主体任务清单 附件1", 84)
    assert r.citation == "〔大宁市场主体任务清单 附件1 第84项〕" and r.doc == builtin.name
    assert other.rows[2].citation == "〔平遥优化营商任务清单 第3项〕"
    for d in (builtin, other):
        # no digits and no brackets in a name: a label's only number stays the row's
        assert not any(ch.isdigit() or ch in "〔〕《》()（）" for ch in d.name)
        for row in d.rows:
            assert parse_label(row.citation) == row.key
    rows = all_rows([load_document(), load_document(DATA / "pingyao_table.txt")])
    assert len(rows) == 218 + 4 == len({r.key for r in rows})


def test_short_names_are_unique():
    d = load_document(DATA / "pingyao_table.txt")
    assert short_name(d, {"平遥优化营商任务清单"}) == "平遥优化营商任务清单甲"


SHARED_DOCS = XIAMEN.parent


@pytest.mark.parametrize("path", [None, *sorted(DATA.glob("*.txt")), *sorted(SHARED_DOCS.glob("*.txt"))],
                         ids=lambda p: p.stem if p else "builtin")
def test_short_names_are_made_of_whole_words(path):
    """A short name is the place, whole words of the subject and the kind: cut between
    two words, never inside one (高质量发展 gave 信丰脐橙产业高质意见 before)."""
    import jieba

    d = load_document(path)
    name = short_name(d)
    assert 2 < len(name) <= 10 and not any(ch.isdigit() or ch in "〔〕《》()（）[]【】" for ch in name)
    # a year is out of a name before its words are cut (2024年惠企: 惠企, no 年惠企)
    words = jieba.lcut(re.sub(r"\d{4}\s*年度?", " ", d.subject or d.title))
    core = name.removesuffix(next((k for k in ("任务清单", "方案", "措施", "意见", "策", "清单") if name.endswith(k)), ""))
    # the place's short form, whether the subject writes it (平遥…) or the name puts it before
    # a subject that does not (柳林 + 户外广告设施设置审批办事指南)
    placed = any(w.startswith(name[:2]) for w in words[:2]) or (d.place or "").startswith(name[:2])
    core = core.removeprefix(name[:2]) if placed else core
    # the core (the name less the place's short form and the kind) is whole words of the
    # subject in order: a half word (高质 of 高质量) matches none
    at = 0
    for w in words:
        if core.startswith(w, at):
            at += len(w)
    assert at == len(core), (name, words)


def test_short_names_cut_at_word_boundaries():
    # before → after: 信丰脐橙产业高质意见 → 信丰脐橙产业意见, 乡宁民营经济高质措施 → 乡宁民营经济措施;
    # names that already ended on a word boundary stay (大宁市场主体任务清单, 平遥优化营商任务清单 …)
    names = {p: short_name(load_document(DATA / p)) for p in ("xinfeng_opinions.txt", "xiangning_measures.txt",
                                                               "pingyao_table.txt", "xixian_items_lines.txt")}
    assert names == {"xinfeng_opinions.txt": "信丰脐橙产业意见", "xiangning_measures.txt": "乡宁民营经济措施",
                     "pingyao_table.txt": "平遥优化营商任务清单", "xixian_items_lines.txt": "隰县重点任务责任分工"}
    assert short_name(load_document()) == "大宁市场主体任务清单"


def test_library_add_list_remove(tmp_path):
    lib = Library(tmp_path)
    assert lib.entries() == []
    e = lib.add(DATA / "xixian_items_lines.txt")
    assert e["name"] == "隰县重点任务责任分工" and e["rows"] == 6
    assert lib.add(DATA / "xixian_items_lines.txt") == e          # the same text again: no change
    lib.add(DATA / "pingyao_table.txt")
    assert [x["name"] for x in lib.entries()] == ["隰县重点任务责任分工", "平遥优化营商任务清单"]
    docs = lib.documents()
    assert [len(d.rows) for d in docs] == [218, 6, 4] and docs[2].name == "平遥优化营商任务清单"
    assert lib.remove("平政办发〔2021〕12号")["name"] == "平遥优化营商任务清单"
    assert [x["name"] for x in lib.entries()] == ["隰县重点任务责任分工"]
    with pytest.raises(IngestError, match="没有“不存在的文件”.*隰县重点任务责任分工"):
        lib.remove("不存在的文件")
    bad = tmp_path / "bad.txt"
    bad.write_text("只是一段话。\n")
    with pytest.raises(IngestError, match="没有识别到"):
        lib.add(bad)
    assert len(lib.entries()) == 1


class CountingEmbedder:
    name, dim = "fake", 4

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode_queries(self, texts):
        return self.encode_passages(texts)

    def encode_passages(self, texts, progress=None):
        self.encoded += list(texts)
        return np.array([[len(t), t.count("县"), 1.0, 0.0] for t in texts], dtype=np.float32)


def test_adding_a_document_embeds_only_its_chunks(tmp_path):
    first = all_rows([load_document(DATA / "xixian_items_lines.txt")])
    inner = CountingEmbedder()
    cache = CachedEmbedder(inner, tmp_path)
    texts1 = [c.text for c in make_chunks(first)]
    v1 = cache.encode_passages(texts1)
    assert len(inner.encoded) == len(set(texts1)) and v1.shape == (len(texts1), 4)
    # a second document loaded with the first: the first's chunk texts do not change
    # (the document's name is in the scope, not in the text), so only the new
    # document's chunks are encoded — in a fresh process, from the cache on disk
    both = all_rows([load_document(DATA / "xixian_items_lines.txt"), load_document(DATA / "pingyao_table.txt")])
    texts2 = [c.text for c in make_chunks(both)]
    inner2 = CountingEmbedder()
    v2 = CachedEmbedder(inner2, tmp_path).encode_passages(texts2)
    pingyao = [c.text for c in make_chunks(load_document(DATA / "pingyao_table.txt").rows)]
    # 4 whole rows + the 2 measures of 第2项 = 6 chunks, the only ones encoded
    assert inner2.encoded == list(dict.fromkeys(pingyao)) and len(pingyao) == 6
    assert np.array_equal(v2[: len(texts1)], v1)
    # a rebuild with nothing new embeds nothing
    inner3 = CountingEmbedder()
    CachedEmbedder(inner3, tmp_path).encode_passages(texts2)
    assert inner3.encoded == []


def test_warning_report_names_each_document():
    docs = [load_document(), load_document(XIAMEN)]
    _, xiamen = qualify(docs)
    n = len(xiamen.warnings)
    assert n and not docs[0].warnings
    # a date without 年月日 is read (only its year is certain): worth checking, nothing lost
    summary = f"{xiamen.name}（{xiamen.path}）已读 {len(xiamen.rows)} 项；1 处已读入，但编号、日期或记入备注的文字值得核对"
    # several loaded as one (the index's document): each warning led by its document's
    # name, and the count and rows read of that document — not of all of them
    assert warning_report([combine(docs)]) == [f"{xiamen.name}：{w}" for w in xiamen.warnings] + [summary]
    # alone, no name before each; past the limit, how many and where all are listed
    assert warning_report([xiamen]) == [*xiamen.warnings, summary]
    assert warning_report([xiamen], limit=0) == [
        f"……共 {n} 条，其余从略（policyqa rows --document {xiamen.name} 列出全部）", summary]
    assert warning_report([docs[0]]) == []


def test_warning_summary_says_what_each_count_is():
    """Closing words and a signature recognised and set aside are no lost content: the
    summary counts them apart from lines that could not be placed and from things read
    but worth checking (it once said "有 N 处无法读入" of all three)."""
    xinfeng = load_document(DATA / "xinfeng_opinions.txt")  # 1 warning: the signature after its 附则
    assert [kind(w) for w in xinfeng.warnings] == [SET_ASIDE]
    assert warning_summary(xinfeng) == "已读 10 项；1 处是已识别的结束语、落款或版记，按设计不计入条目，并非内容缺失"
    assert "无法" not in warning_report([xinfeng])[-1]
    # a table with a line of the wrong width (skipped) and a number given twice (both
    # kept, to check)
    d = parse_text("序号\t重点任务\t责任单位\t完成时限\n1\t建设冷链仓库\t县商务局\t2023年底\n"
                   "2\t只有三列\t县财政局\n1\t新建公厕10座\t县城管局\t2023年9月底\n", "t.txt")
    assert [kind(w) for w in d.warnings] == [SKIPPED, CHECK]
    assert warning_summary(d) == ("已读 2 项；1 处无法归入任何条目、未读入，请核对原文件是否完整；"
                                  "1 处已读入，但编号、日期或记入备注的文字值得核对")
    signed = parse_text("某县关于印发任务的通知\n一、目标\n1.地区生产总值增长7%。\n牵头单位：县发改局\n"
                        "2.新增就业1000人。\n牵头单位：县人社局\n某县人民政府办公室\n2023年5月6日\n")
    assert [kind(w) for w in signed.warnings] == [SET_ASIDE] and "落款" in signed.warnings[0]
    # loaded together, each warning keeps its kind under its document's name
    both = combine([load_document(), xinfeng, d])
    assert [kind(w) for w in both.warnings] == [SET_ASIDE, SKIPPED, CHECK]
    assert [warning_summary(p) for p in both.parts[1:]] == [warning_summary(xinfeng), warning_summary(d)]
    # every warning any reader gives says what it is
    for f in [*DATA.glob("*.txt"), *SHARED_DOCS.glob("*.txt")]:
        assert all(isinstance(w, Notice) for w in load_document(f).warnings), f


def test_an_item_longer_than_any_real_one_is_refused_and_nothing_is_added(tmp_path):
    """A pasted file whose line breaks were lost (one 'item' of 20,000 characters) would tie
    up the indexer for an hour: refused with the item and the fix named; the library is
    unchanged."""
    text = ("附件1\n序号\t主要任务\t牵头单位\t配合单位\t具体措施\t完成时限\t年度目标\n"
            "1\t推进企业开办便利化。\t县行政审批服务管理局\t县税务局\t一网通办。\t2023年底\t压缩时间。\n"
            "2\t" + "优化营商环境，" * 3000 + "\t县发改局\t\t持续推进。\t2023年底\t见成效。\n")
    p = tmp_path / "long.txt"
    p.write_text(text, "utf-8")
    lib = Library(tmp_path / "home")
    with pytest.raises(IngestError, match=r"第2项.*超过单项上限.*恢复换行"):
        lib.add(p)
    assert lib.entries() == []
    with pytest.raises(IngestError, match="超过单项上限"):
        load_document(p)
