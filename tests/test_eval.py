"""Metrics on hand-made cases, the question-set validator, and `policyqa eval` end to end."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from eval.dataset import (
    TYPES,
    Question,
    QuestionSetError,
    load_questions,
    restating_rows,
    validate,
)
from eval.metrics import (
    abstention_pr,
    citation_pr,
    facts_present,
    mrr_at_k,
    ndcg_at_k,
    percentile,
    recall_at_k,
)
from ui.cli import main as cli


def test_recall_and_mrr():
    ranking = ["a", "b", "c", "d"]
    # gold {b, d}: top-1 has none, top-3 has b (1 of 2), top-4 both
    assert recall_at_k(ranking, {"b", "d"}, 1) == 0.0
    assert recall_at_k(ranking, {"b", "d"}, 3) == 0.5
    assert recall_at_k(ranking, {"b", "d"}, 4) == 1.0
    # the first gold row is at rank 2 → 1/2
    assert mrr_at_k(ranking, {"b", "d"}) == 0.5
    assert mrr_at_k(ranking, {"z"}) == 0.0


def test_ndcg():
    # gold {a, c}: DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3)
    assert ndcg_at_k(["a", "b", "c"], {"a", "c"}) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    assert ndcg_at_k(["a", "c"], {"a", "c"}) == pytest.approx(1.0)


def test_citation_and_abstention_and_facts():
    # cited {a, x}, gold {a, b}: 1 of 2 cited is right, 1 of 2 gold is cited
    assert citation_pr(["a", "x"], {"a", "b"}) == (0.5, 0.5)
    # x restates the answer (also): citing it is right, and it is not needed for recall
    assert citation_pr(["a", "x"], {"a", "b"}, {"x"}) == (1.0, 0.5)
    assert citation_pr(["a"], {"a"}, {"x"}) == (1.0, 1.0)
    # abstained on q1, q2; unanswerable are q2, q3 → precision 1/2, recall 1/2
    assert abstention_pr([True, True, False, False], [False, True, True, False]) == (0.5, 0.5)
    # never abstaining while 2 questions are unanswerable: precision 0, not a vacuous 1
    assert abstention_pr([False, False, False], [True, True, False]) == (0.0, 0.0)
    assert abstention_pr([False, False], [False, False]) == (1.0, 1.0)
    assert facts_present("一次性奖励１０万元", ["10万元"])  # full-width digits normalised
    assert not facts_present("奖励10万元", ["10万元", "县科技发展中心"])
    # a cell's space-separated list: each item, whatever joins them in the answer
    assert facts_present("牵头单位：县税务局、县财政局", ["县税务局 县财政局"])
    assert not facts_present("牵头单位：县税务局", ["县税务局 县财政局"])
    assert percentile([1, 2, 3, 4], 50) == 2.5


def test_builtin_question_set_is_valid(doc):
    qs = load_questions()
    assert len(qs) >= 150
    assert validate(qs, doc).errors == []
    types = {q.type for q in qs}
    # every type (the team's set has no ``partial`` question: those come from outside writers)
    assert set(TYPES) - {"partial"} <= types <= set(TYPES)
    assert sum(q.type == "unanswerable" for q in qs) >= 25
    assert 0.25 <= sum(q.split == "test" for q in qs) / len(qs) <= 0.4
    # every section of both attachments is covered by some gold row
    sections = {(a, doc.row(a, n).section) for q in qs for a, n in q.gold}
    assert sections == {(r.attachment, r.section) for r in doc.rows}


def test_validator_reports_bad_files(tmp_path, doc):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "a", "question": "高企奖励", "gold": [["附件1", 84]], "facts": ["20万元"], "type": "amount", "persona": "business"},
        {"id": "a", "question": "x", "gold": [["附件3", 1]], "facts": [], "type": "amount", "persona": "business"},
        {"id": "c", "question": "天气", "gold": [["附件1", 1]], "facts": [], "type": "unanswerable", "persona": "nobody"},
    ]), "utf-8")
    errors = validate(load_questions(bad), doc).errors
    assert any("20万元" in e for e in errors)
    assert any("重复" in e for e in errors)
    assert any("附件3 第1项 不存在" in e for e in errors)
    assert any("无答案问题" in e for e in errors) and any("nobody" in e for e in errors)
    also = tmp_path / "also.jsonl"
    also.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "u", "question": "新公司领税务UKey免费吗", "gold": [["附件1", 21]], "facts": ["免费"],
         "type": "yesno", "persona": "business", "also": [["附件1", 21], ["附件2", 999]]},
        {"id": "w", "question": "天气", "gold": [], "facts": [], "also": [["附件1", 1]],
         "type": "unanswerable", "persona": "business"},
    ]), "utf-8")
    errors = validate(load_questions(also), doc).errors
    assert any("同时在 gold 和 also" in e for e in errors)
    assert any("附件2 第999项 不存在" in e for e in errors)
    assert any(e.startswith("w") and "also" in e for e in errors)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "question": "q"}\nnot json\n', "utf-8")
    with pytest.raises(QuestionSetError, match="第 1 行"):
        load_questions(broken)


def test_audit_finds_rows_restating_the_answer(doc):
    """附件2 第87项 says word for word what 附件2 第88项 says about free seals; a question
    whose gold names only one of them is flagged, and recording the other in ``also``
    silences the warning. A row merely sharing the amount is not flagged."""
    seal = Question("s", "新设立的公司刻公章要钱吗", (("附件2", 88),), ("免费",), "yesno", "business")
    assert ("附件2", 87) in dict(restating_rows(seal, doc))
    assert not any("附件2 第87项" in w for w in validate([replace(seal, also=(("附件2", 87),))], doc).warnings)
    assert any("附件2 第87项" in w for w in validate([seal], doc).warnings)
    # a reviewer who judged the flagged row not to answer records it in not_also
    assert validate([replace(seal, not_also=(("附件2", 87),))], doc).warnings == []
    # 附件1 第48项 also names 20万元, but for 专精特新, not for the CMMI reward asked about
    cmmi = Question("c", "软件公司过了CMMI认证奖励上限", (("附件2", 43),), ("20万元",), "amount", "staff")
    assert ("附件1", 48) not in dict(restating_rows(cmmi, doc))


def test_builtin_question_set_has_no_unreviewed_restating_rows(doc):
    assert validate(load_questions(), doc).warnings == []


def test_policyqa_eval_on_a_subset_writes_a_report(home, retriever, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("POLICYQA_HOME", str(home))
    qs = load_questions()
    # two unanswerable questions naming other places (吉县, 太原市): "not covered" by principle
    subset = [q for q in qs if q.type != "unanswerable"][:8] + [q for q in qs if q.type == "unanswerable"][1:3]
    f = tmp_path / "ten.jsonl"
    f.write_text("\n".join(json.dumps(q.to_dict(), ensure_ascii=False) for q in subset), "utf-8")
    out = tmp_path / "report"
    assert cli(["eval", "--questions", str(f), "--out", str(out), "--no-rebuild"]) == 0
    table = capsys.readouterr().out
    assert "naive" in table and "hybrid" in table
    rep = json.loads((out / "report.json").read_text("utf-8"))
    assert rep["questions"] == 10 and rep["default"] == "hybrid"
    m = rep["configs"]["hybrid"]["all"]
    for key in ("recall@1", "recall@5", "mrr@10", "ndcg@10", "fact_accuracy", "citation_precision",
                "citation_recall", "abstention_precision", "abstention_recall", "latency_p95_ms"):
        assert 0 <= m[key] <= (1 if "latency" not in key else 10_000), key
    assert m["abstention_recall"] == 1.0  # both unanswerable questions abstained
    naive = rep["configs"]["naive"]["all"]  # the naive reference never abstains
    assert naive["abstention_recall"] == 0.0 and naive["abstention_precision"] == 0.0
    assert set(rep["configs"]["hybrid"]["by_type"]) == {q.type for q in subset}
    md = (out / "report.md").read_text("utf-8")
    assert "## 目标" in md and "事实准确率" in md and "![recall_at_k.png]" in md
    for png in ("recall_at_k.png", "accuracy_by_type.png"):
        assert (out / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_eval_scores_each_writers_set_and_the_gap(home, retriever, tmp_path, capsys, monkeypatch):
    from eval.dataset import default_question_files, external_questions

    monkeypatch.setenv("POLICYQA_HOME", str(home))
    shared = external_questions()
    # the external sets beside the repository are read by default, after the team's own
    assert default_question_files()[1:] == shared
    files = []
    for name, qs in (("own", load_questions()[:4]),
                     ("other", load_questions(shared[0])[:4] if shared else load_questions()[4:8])):
        f = tmp_path / f"{name}.jsonl"
        f.write_text("\n".join(json.dumps(q.to_dict(), ensure_ascii=False) for q in qs), "utf-8")
        files.append(f)
    out = tmp_path / "report"
    assert cli(["eval", "--questions", *map(str, files), "--configs", "hybrid", "naive-top1",
                "--out", str(out), "--no-rebuild"]) == 0
    printed = capsys.readouterr().out
    assert "== own" in printed and "== other" in printed and "差距" in printed
    summary = json.loads((out / "sets.json").read_text("utf-8"))
    assert summary["own"] == "own" and set(summary["gap"]) == {"other"}
    assert (out / "report.json").exists() and (out / "other" / "report.json").exists()
    own = json.loads((out / "report.json").read_text("utf-8"))
    # the naive reference pastes the top row whole and never says "not covered"
    top1 = own["configs"]["naive-top1"]["all"]
    assert top1["median_body_chars"] > 100 and top1["false_refusals"] == 0 and top1["partial"] == 0
    for key in ("false_refusals", "false_refusal_rate", "partial"):
        assert key in own["configs"]["hybrid"]["all"]


def test_a_partial_question_is_right_when_flagged(home, retriever, doc, tmp_path, capsys, monkeypatch):
    """A ``partial`` question (rows on its topic, the detail asked not stated: gold, no
    facts) is one the document does not answer: flagging it raises abstention precision,
    and its empty facts do not count in fact accuracy."""
    monkeypatch.setenv("POLICYQA_HOME", str(home))
    qs = [Question("p1", "附件1 第2项 牵头单位的电话是多少", (("附件1", 2),), (), "partial", "staff"),
          Question("s1", "高企认定奖励多少", (("附件1", 84),), ("10万元",), "amount", "staff")]
    assert validate(qs, doc).ok
    assert not validate([replace(qs[0], facts=("县交通运输局",))], doc).ok
    f = tmp_path / "p.jsonl"
    f.write_text("\n".join(json.dumps(q.to_dict(), ensure_ascii=False) for q in qs), "utf-8")
    out = tmp_path / "report"
    assert cli(["eval", "--questions", str(f), "--configs", "hybrid", "--out", str(out), "--no-rebuild"]) == 0
    capsys.readouterr()
    m = json.loads((out / "report.json").read_text("utf-8"))["configs"]["hybrid"]["all"]
    assert m["partial"] == 1 and m["abstention_precision"] == 1.0 and m["abstention_recall"] == 1.0
    assert m["fact_accuracy"] == 1.0 and m["false_refusals"] == 0
