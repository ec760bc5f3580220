"""Answers on the real corpus: fields by intent, merged citations, abstention,
faithfulness over the whole question set, follow-ups, schema, bad questions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eval.dataset import load_questions
from index.retriever import DEFAULT_CONFIG
from ingest import parse_text
from ingest.schema import citation
from ingest.sentences import row_sentences
from qa.engine import validate_question
from qa.faithful import numbers, violations, without_labels
from qa.intent import Intent, detect_intent
from qa.question import read_question
from qa.schema import Answer, QuestionError
from ui.cli import main as cli

LABEL = re.compile(r"〔附件\d+ 第\d+项〕")


def body(ans: Answer) -> str:
    return ans.answer.split("**相关条目**")[0]


def test_high_tech_reward_states_the_rule_once_with_both_citations(assistant):
    ans = assistant.answer("高企认定奖励多少")
    assert not ans.abstained and ans.intent == "amount"
    b = body(ans)
    assert "10万元" in b
    assert "〔附件1 第84项〕〔附件2 第82项〕" in b or "〔附件2 第82项〕〔附件1 第84项〕" in b
    # the rule is quoted once, not once per row
    assert b.count("一次性奖励10万元") == 1
    assert {c.label for c in ans.citations} >= {"附件1 第84项", "附件2 第82项"}
    assert "县科技发展中心" in b


def test_a_quote_cites_every_row_stating_it_even_one_ranked_low(assistant):
    """附件2 第82项 repeats 附件1 第84项's 高企 reward word for word but ranks far below it
    for a department question; the answer still cites it and names its units too."""
    hits = assistant.r.search("高企奖励找哪个部门", 10, assistant.search_cfg)
    assert ("附件2", 82) not in [h.key for h in hits[:5]]  # outside the composer's candidates
    ans = assistant.answer("高企奖励找哪个部门")
    b = body(ans)
    assert {c.label for c in ans.citations} == {"附件1 第84项", "附件2 第82项"}
    assert "县科技发展中心、县财政局" in b and "〔附件1 第84项〕〔附件2 第82项〕" in b


def test_a_restating_row_the_question_did_not_reach_is_cited_only_for_who(assistant):
    """附件2 第49项 (a graduate's 创业补贴) repeats 附件1 第86项's sentence on who gets a
    一次性创业补贴; asked what a first loan brings, the search does not reach it and the
    answer quoting the sentence does not cite it. Asked who is in charge, a restating row is
    cited wherever it ranked (the test above)."""
    q = "第一次找银行贷款有啥优待"
    hits = [h.key for h in assistant.r.search(q, 10, assistant.search_cfg)]
    ans = assistant.answer(q)
    assert ("附件2", 49) not in hits and ("附件1", 86) in ans.cited_keys
    assert "根据带动就业人数给予一次性创业补贴" in ans.answer and ("附件2", 49) not in ans.cited_keys


def test_a_sentence_pointing_to_conditions_does_not_state_them(assistant):
    """为符合条件的自主创业高校毕业生落实社保补贴 names no condition: asked 够不够条件, the
    concept 条件 is stated by no such sentence; the sentence giving the span (毕业5年内) is quoted."""
    m = assistant.matcher
    terms = m.concepts("我这情况够不够条件")
    pointing = next(s for s in m.sentences[("附件1", 88)] if s.text.startswith("为符合条件的"))
    assert not m.covered(terms, pointing)
    ans = assistant.answer("大学毕业第三年回县里开培训班，听说大学生创业社保能补，我这情况够不够条件？")
    assert "毕业5年内高校毕业生" in ans.answer


def test_restatements_are_same_wording_not_similar_wording(doc):
    from qa.restated import restatements

    same = restatements((r.key, s.text) for r in doc.rows for s in row_sentences(r))
    assert same["为新设立企业和“个转企”成功企业免费刻制印章。"] == {("附件2", 87), ("附件2", 88)}
    # one point number apart ("2.") is the same sentence
    assert same["发挥链主引领作用,带动工业产业链高质量发展。"] >= {("附件2", 26), ("附件2", 42)}
    # 社保补贴 vs 场租补贴: 75% of bigrams shared, different benefits — not the same
    assert "为符合条件的自主创业高校毕业生落实社保补贴。" not in same
    assert all(len(keys) > 1 for keys in same.values())


def test_amount_question(assistant):
    ans = assistant.answer("省级孵化器奖励金额")
    assert "50万元" in body(ans) and ans.citations[0].label == "附件2 第78项"


def test_department_question(assistant):
    ans = assistant.answer("专精特新培育库哪个部门负责")
    assert ans.intent == "department"
    assert body(ans).startswith("牵头单位：县民营经济发展促进中心")
    assert ans.citations[0].label == "附件1 第47项"


def test_deadline_question(assistant):
    ans = assistant.answer("采购意向公开什么时候要落实到位")
    assert ans.intent == "deadline"
    assert "时间进度：2022年3月底〔附件1 第14项〕" in body(ans)


def test_a_goal_question_quotes_the_measures_goal_column_not_the_lists_refrain(assistant):
    """要实现什么目标 is answered by the 年度目标和效果 of the measure that matches, though it
    shares no word with the question; a goal other rows state word for word (发挥链主引领
    作用，带动工业产业链高质量发展。) is the list's refrain, not quoted."""
    ans = assistant.answer("政银企对接会要实现什么目标")
    assert ans.intent == "goal" and "“企业融资满足率不断提高。”〔附件2 第23项〕" in body(ans)
    ans = assistant.answer("一个产业链配几个链长")
    assert ans.citations[0].label == "附件1 第37项" and "每个产业链明确一名链长" in body(ans)
    assert "带动工业产业链高质量发展" not in body(ans)


def test_deadline_of_a_rule_two_rows_state_gives_each_rows_own_deadline(assistant):
    """全流程网上审批 is a measure of 附件1 第36项 (by 2022年8月底) and of 附件2 第94项
    (持续推进): both match the question equally, so both answer, each with its deadline."""
    ans = assistant.answer("工程建设项目全流程网上审批的时间进度")
    b = body(ans)
    assert {c.label for c in ans.citations} == {"附件1 第36项", "附件2 第94项"}
    assert "时间进度：2022年8月底〔附件1 第36项〕" in b and "时间进度：持续推进〔附件2 第94项〕" in b


def test_list_questions_cite_rows_for_each_part_and_only_on_topic(assistant):
    # three parts named: each gets its row (and 高企's word-for-word twin)
    ans = assistant.answer("科技方面县里都有哪些奖励：孵化器、重点实验室、高企")
    assert {c.label for c in ans.citations} >= {"附件2 第78项", "附件2 第79项", "附件1 第84项"}
    # one subject: rewards for 规上 firms, not every row that has a 奖励 (限上 rows match 奖励 too)
    ans = assistant.answer("规上企业有啥奖励")
    assert [c.label for c in ans.citations] == ["附件2 第55项"]
    assert "10万元" in body(ans)


def test_measure_question_quotes_the_implementation_measure(assistant):
    """"How" questions are answered by the 落实措施 column, even when the task text
    matches the question's words better."""
    ans = assistant.answer("怎么争取项目进能耗单列目录")
    row = assistant.r.by_key[("附件2", 70)]
    assert ans.citations[0].label == "附件2 第70项" and ans.intent == "measure"
    assert any(s in body(ans) for s in row.measures[0].text.split("。") if len(s) > 10)


def test_count_questions_answered_when_a_row_gives_the_count(assistant):
    ans = assistant.answer("今年要培育几家有申报高企需求的企业")
    assert not ans.abstained and "2~3家" in body(ans)


def test_a_count_found_only_in_the_progress_column_is_quoted(assistant):
    ans = assistant.answer("专精特新企业专属信贷产品开了几次座谈会")
    assert "时间进度：召开2次座谈会〔附件2 第29项〕" in body(ans)


def test_a_second_sentence_covers_the_part_of_the_question_the_first_leaves_out(assistant):
    """The best sentence of 附件2 第11项 is about the emergency fund; whether 个体户 may
    apply is said in the next one (个体工商户 is 个体户's synonym)."""
    ans = assistant.answer("资金链周转应急资金个体户能申请吗")
    assert ans.citations[0].label == "附件2 第11项"
    assert "将个体工商户企业纳入支持范围" in body(ans)


def test_answer_reorders_candidates_by_how_well_a_sentence_states_the_question(assistant):
    """附件2 第84项 (产业技术创新战略联盟, 20万元) fuses above 附件2 第79项, whose
    sentence names the 市级企业技术中心 and its 10万元: the answer leads with 第79项."""
    from dataclasses import replace

    q = "新认定市级企业技术中心奖励"
    plain = replace(assistant.compose_cfg, rerank_weight=0.0)
    hits = assistant.r.search(q, 10, assistant.search_cfg)
    assert hits[0].label == "附件2 第84项"
    ans = assistant.answer(q)
    assert ans.citations[0].label == "附件2 第79项" and "一次性奖励10万元" in body(ans)
    terms = assistant.matcher.concepts(q)
    reranked = assistant.matcher.rerank(hits, terms, "amount", q)
    assert sorted(h.key for h in reranked) == sorted(h.key for h in hits)
    assert reranked[5:] == hits[5:]  # only the first candidates move
    best = lambda h: assistant.matcher.ranked(terms, assistant.r.by_key[h.key], "amount", q)[0][0]
    w = assistant.compose_cfg.rerank_weight
    keys = [h.score + w * best(h) for h in reranked[:5]]
    assert keys == sorted(keys, reverse=True)
    assistant.compose_cfg, saved = plain, assistant.compose_cfg
    try:
        assert assistant.matcher.rerank(hits, terms, "amount", q) == hits
    finally:
        assistant.compose_cfg = saved


def test_eligibility_question(assistant):
    ans = assistant.answer("我有实体店的营业执照，还能直接在网上卖东西吗")
    b = body(ans)
    assert "可直接在网上开展经营活动" in b and "〔附件1 第24项〕" in b
    assert "县行政审批服务管理局" in b


@pytest.mark.parametrize("question", [
    "吉县对专精特新企业奖励多少钱",      # another county
    "太原市的创业担保贷款额度是多少",    # another city
    "2019年高企认定奖励多少",            # a year outside the document's period
    "怎么做红烧肉",                      # everyday topic
])
def test_out_of_scope_questions_abstain(assistant, question):
    ans = assistant.answer(question)
    assert ans.abstained and ans.citations == []
    assert ans.answer.startswith("本文件未涉及")
    assert ans.related  # the nearest rows are suggested, by their task lines (or section)
    by_task = 0
    for rel in ans.related:
        line = next(ln for ln in ans.answer.splitlines() if citation(rel.attachment, rel.number) in ln)
        shown = line.split("〕", 1)[1].strip().rstrip("…")
        row = assistant.r.by_key[(rel.attachment, rel.number)]
        assert shown == f"（{row.section}）" or (len(shown) >= 6 and row.task.startswith(shown)), line
        by_task += shown != f"（{row.section}）"
    assert by_task >= 1, ans.answer
    # no number is asserted outside the related rows' own lines (each next to its label)
    reason = ans.answer.split("\n\n")[0]
    assert not re.search(r"\d", LABEL.sub("", reason))


def test_followup_uses_previous_rows(assistant):
    first = assistant.answer("高企认定奖励多少")
    history = [{"role": "user", "content": "高企认定奖励多少"},
               {"role": "assistant", "content": first.answer}]
    ans = assistant.answer("那找哪个部门？", history)
    assert ans.followup and ans.intent == "department"
    assert "县科技发展中心" in body(ans)
    assert {c.label for c in ans.citations} <= {c.label for c in first.citations} | {"附件2 第82项"}
    alone = assistant.answer("那找哪个部门？")
    assert not alone.followup


def test_followup_deadline(assistant):
    first = assistant.answer("政府采购意向公开是怎么规定的")
    ans = assistant.answer("期限呢？", [{"role": "user", "content": "政府采购意向公开是怎么规定的"},
                                      {"role": "assistant", "content": first.answer}])
    assert ans.followup and ans.intent == "deadline" and "2022年3月底" in body(ans)


def test_faithfulness_guard_on_every_answer_of_the_question_set(assistant):
    for q in load_questions():
        ans = assistant.answer(q.question)
        # the debug tab's verdict is the answer's own decision
        assert assistant.verdict(q.question).abstain == ans.abstained, q.question
        if ans.abstained:
            assert not re.search(r"\d", LABEL.sub("", ans.answer.split("\n\n")[0])), q.question
            continue
        cited = [assistant.r.by_key[k] for k in ans.cited_keys]
        main, _, _ = ans.answer.partition("\n\n**相关条目**")
        assert violations(main, cited, assistant.departments) == [], (q.question, ans.answer)
        # a related row's line is backed by that row, whose label stands next to it
        for rel in ans.related:
            line = next(ln for ln in ans.answer.splitlines() if citation(rel.attachment, rel.number) in ln)
            row = assistant.r.by_key[(rel.attachment, rel.number)]
            assert violations(without_labels(line), [row, *cited], assistant.departments) == [], line


def test_guard_catches_an_unsupported_number_and_department(assistant):
    row = assistant.r.by_key[("附件1", 84)]
    assert violations("一次性奖励10万元〔附件1 第84项〕", [row], assistant.departments) == []
    bad = violations("一次性奖励20万元，找县财政局〔附件1 第84项〕", [row], assistant.departments)
    assert any("20" in v for v in bad) and any("县财政局" in v for v in bad)


def test_guard_reads_no_label_digits_of_any_shape():
    """Labels of every document shape (another document's 〔第2项〕, a named document's
    〔平遥营商任务清单 第3项〕, an article's 〔第五条〕, a notice's one unnumbered
    〔附件 第4项〕) are not the answer's numbers."""
    text = ("年底前完成10家〔平遥营商任务清单 第3项〕〔第2项〕〔第五条〕〔附件1 第84项〕〔附件 第4项〕，"
            "见附件2 第7项、附件 第5项、附件2 三、用地保障")
    assert numbers(text) == {"10"}


def test_answer_over_another_document_keeps_its_quote(tmp_path, capsys):
    """Over a document whose labels are 〔第2项〕, the guard does not take the label's
    digit for the answer's own and drop the quote."""
    doc = Path(__file__).parent / "data" / "pingyao_table.txt"
    assert cli(["ask", "证照分离改革的期限是多久", "--json", "--doc", str(doc), "--home", str(tmp_path)]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert ans["coverage"] == "answered" and ans["citations"][0]["label"] == "第2项"
    assert "“全面推行“证照分离”改革" in ans["answer"] and "〔第2项〕" in ans["answer"]


def test_answer_schema_json_round_trip(assistant):
    ans = assistant.answer("规上企业有啥奖励")
    d = json.loads(json.dumps(ans.to_dict(), ensure_ascii=False))
    assert set(d) >= {"question", "answer", "abstained", "intent", "citations", "related", "latency_ms"}
    assert set(d["citations"][0]) >= {"attachment", "number", "label", "section", "task", "lead_units", "score"}
    assert Answer.from_dict(d) == ans


@pytest.mark.parametrize("bad,needle", [("", "请输入问题"), ("   ", "请输入问题"), ("问" * 501, "太长"),
                                        (None, "请输入问题"), (42, "文字")])
def test_empty_and_long_questions(assistant, bad, needle):
    with pytest.raises(QuestionError, match=needle):
        assistant.answer(bad)
    with pytest.raises(QuestionError):
        validate_question(bad)


def test_intent_rules():
    assert detect_intent("高企认定奖励多少") == "amount"
    # by what standard a grant is given asks its amount
    assert detect_intent("一次性创业补贴按啥标准给") == "amount"
    assert detect_intent("找哪个部门") == "department"
    assert detect_intent("期限呢") == "deadline"
    assert detect_intent("怎么办理集群注册") == "measure"


def test_colloquial_questions_are_read_in_written_wording():
    from qa.intent import plain

    assert plain("十一税合一啥时候能在网上报") == "十一税合一什么时候能在网上报"
    assert detect_intent("十一税合一啥时候能在网上报") == "deadline"
    assert detect_intent("企业信用风险分类管理是干嘛的") == "goal"
    assert detect_intent("电子营业执照外地认不认") == "yesno"


def test_question_words_of_speech_are_read_by_the_thesaurus(assistant, retriever):
    """Words the thesaurus files beside 什么 or 何时 ask what or when (Shanxi 甚时候, 多会儿);
    甚 before an adjective says "very"."""
    from qa.intent import plain

    assert plain("垃圾处理费甚时候能在微信上交") == "垃圾处理费什么时候能在微信上交"
    assert plain("营业执照多会儿能办下来") == "营业执照什么时候能办下来"
    assert plain("这个办法甚好") == "这个办法甚好"
    assert plain("电子营业执照在何处下载") == "电子营业执照在哪里下载"
    ans = assistant.answer("垃圾处理费甚时候能在手机微信上交")
    row = retriever.by_key[ans.cited_keys[0]]
    assert ans.coverage == "answered" and any(m.deadline and m.deadline in ans.answer for m in row.measures)


def test_how_many_questions_and_counts():
    from qa.intent import asks, count_word, states_count

    assert count_word("大宁县有几个乡镇") == "个"
    assert count_word("专精特新企业专属信贷产品开了几次座谈会") == "次"
    assert count_word("农村全域土地综合整治试点在哪几个村") is None   # which, not how many
    assert count_word("同一园区里的几个小项目能打包做环评吗") is None  # a yes/no question
    assert count_word("小建筑公司能不能几家联合起来投省里的大项目") is None  # A-not-A: 几家 = several
    # a few the story points at (那几亩, 前几年) is no count asked
    assert count_word("俺那几亩老果园想改种有补助没") is None
    assert not asks("前几年生意赔了欠了一笔") and asks("欠了几年")
    # 几 under a negation is "few" (也没卖出去几个); a limit asked with one (不超过几天) asks
    assert not asks("那个我当场就下架了 也没卖出去几个") and not asks("一天也挣不了几个钱")
    assert asks("补贴最多不超过几年") and count_word("补贴最多不超过几年") == "年"
    assert count_word("说我有几样货的标签不合格 也没卖出去几个 是不是可以不罚款") is None
    # a few acting together (几个姐妹一起做, 几个人合伙办) are who asks, not a count asked
    assert count_word("几个姐妹一起做布鞋和草编，需要去办排污许可证吗") is None
    assert count_word("几个人合伙办厂要几天能办下执照") == "天" and count_word("几个人一起开店能贷多少") is None
    assert count_word("县里打算扶持几家企业一年") == "家"
    # a span counted with 个: months, days (几个月 is no count of things)
    assert (count_word("房租能减几个月"), count_word("几个工作日能办好")) == ("个月", "天")
    assert states_count("培育2~3家有申报高企需求的企业", "家")
    assert states_count("离校五年内高校毕业生", "年")                  # Chinese numerals
    assert states_count("承诺3个工作日内办结", "天")                   # days as 工作日
    assert not states_count("各乡镇人民政府", "个")
    assert not states_count("正常经营6个月以上的", "个")  # a span, not a count of things


def test_cli_ask_batch_jsonl(home, retriever, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("POLICYQA_HOME", str(home))
    f = tmp_path / "q.jsonl"
    f.write_text('{"question": "高企认定奖励多少"}\n规上企业有啥奖励\n{"question": ""}\n', "utf-8")
    assert cli(["ask", "--input", str(f), "--json", "--no-rebuild"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 3
    assert lines[0]["citations"][0]["label"] == "附件1 第84项"
    assert lines[1]["citations"][0]["label"] == "附件2 第55项"
    assert "请输入问题" in lines[2]["error"]
    # the outcome travels with the answer and reads back into the one schema
    assert lines[0]["coverage"] == "answered"
    assert Answer.from_dict(lines[0]).to_dict() == lines[0]
    with pytest.raises(ValueError):
        Answer.from_dict({**lines[0], "coverage": "not_covered"})  # abstained must agree
    # as text, each answer stands under the question it answers (with its line)
    assert cli(["ask", "--input", str(f), "--no-rebuild"]) == 0
    out = capsys.readouterr().out
    assert out.index("问（第 1 行）：高企认定奖励多少") < out.index("附件1 第84项") < out.index("问（第 2 行）：规上企业有啥奖励")


def test_where_question_quotes_the_channel(assistant):
    # "where can I look it up" is answered by the sentence naming the place (政务服务网),
    # not only by the row's best match on 行政许可事项清单
    ans = assistant.answer("行政许可事项清单去哪儿查")
    assert not ans.abstained and "附件2 第101项" in [c.label for c in ans.citations]
    assert "大宁县政务服务网" in body(ans)


def test_unknown_words_that_barely_move_the_question_are_asides(assistant):
    # 麻烦 is a word the document never uses, but the question means nearly the same
    # without it: an aside, not a topic the document lacks, so the row is answered
    ans = assistant.answer("开采石料的小矿山办手续太麻烦，县里有啥办法")
    assert ans.coverage == "answered" and "三级联办" in body(ans)
    # 红烧肉 carries the question: unknown, and "not covered"
    v = assistant.verdict("怎么做红烧肉")
    assert v.absent == ("红烧肉",) and v.shift > assistant.relevance.min_shift and v.coverage == "not_covered"


@pytest.mark.parametrize("question", [
    "新开个洗车店要接自来水，报装得等几天",
    "俺家地里西瓜熟了想拉到县城卖 有没有不收钱的摊位",
    "干个体好几年了想改成公司 门面房要过户到公司名下 这契税能免不",
])
def test_story_and_speech_never_make_a_question_not_covered(assistant, question):
    # nouns of the asker's story (洗车, 自来水, 门面房) and words of speech (俺家, 改成) are
    # not the topic: only the clause that asks is judged
    ans = assistant.answer(question)
    assert not ans.abstained and ans.citations, ans.answer
    v = assistant.verdict(question)
    assert not v.absent and not v.foreign_places


def test_a_place_from_the_gazetteer_other_than_the_documents_is_not_covered(assistant, doc):
    # 乡宁县 (a neighbouring county) and 安徽 are on no list in the repository: the
    # gazetteer knows them; the document's own parents (临汾市, 山西省) are in scope
    # 彭水县, as people write 彭水苗族土家族自治县: its short name and a unit word
    for q in ("乡宁县对高企认定奖励多少", "在安徽开店有补贴吗", "彭水县对高企认定奖励多少"):
        ans = assistant.answer(q)
        assert ans.coverage == "not_covered" and "不在本文件范围内" in ans.answer and doc.place in ans.answer
    assert assistant.answer("山西省对高企认定奖励多少").coverage != "not_covered"
    # a place in the asker's story is not what is asked
    assert assistant.answer("俺是从河北回来的，在大宁开饭店有啥扶持").coverage != "not_covered"


def test_no_place_is_read_across_two_words(assistant):
    """企业名单 | 县里 holds 单县 (a county of 山东) by its characters: a name starting inside a
    word of the question is not named, and the question about who pushes the 专精特新
    list (附件2 第30项) is answered, not refused as out of scope; 吉县 written on its own is."""

    q = "专精特新企业名单县里谁在推送给银行"
    assert read_question(q).places == ()
    assert assistant.answer(q).coverage != "not_covered"
    assert read_question("俺在吉县开饭店，创业贷款最多能贷多少").places == ("吉县",)


def test_a_parent_citys_urban_districts_are_not_the_countys(assistant, doc):
    """The document's county is in its city (临汾市) but not in the city's 市区, its
    urban districts; the county's own 城区 is its own."""
    v = assistant.verdict("在临汾城区开的超市能拿高企奖励吗")
    assert v.coverage == "not_covered" and v.foreign_places == ("临汾城区",)
    assert assistant.answer("临汾市对高企认定奖励多少").coverage != "not_covered"
    assert assistant.answer("县城区的便民市场有几处").coverage != "not_covered"


def test_a_short_name_that_several_cities_divisions_bear_names_no_place(assistant):
    """城关 is short for 城关区 of 拉萨市 and of 兰州市 — and it is what every county calls its
    seat town (城关镇): said alone, it names no place outside the document, as 城区 does
    not. A short name of one division (吉县) still does, and the full name still names it."""
    assert read_question("刚在城关租了个门面准备开奶茶店 办执照要钱不").places == ()
    ans = assistant.answer("刚在城关租了个门面准备开奶茶店 听人说现在办执照 刻公章还有那个税务ukey都不要钱了 真的假的")
    assert ans.coverage == "answered" and "申领税务UKey免费" in ans.answer
    assert read_question("俺在吉县开饭店，创业贷款最多能贷多少").places == ("吉县",)
    assert read_question("兰州市城关区的个体户有啥补贴").places != ()


def test_an_act_said_in_money_is_the_documents_act(assistant):
    """罚钱 (an act of punishing, in money; no word of the thesaurus) is asked of the act the
    document writes (处罚, 首次不罚): the rule is the answer, not "the document does not say
    罚钱"."""
    ans = assistant.answer("市场监管来查，说我价签没挂好，头一回，当场就改了，这也罚钱？")
    assert ans.coverage == "answered" and "首次不罚、告诫到位、下不为例" in ans.answer
    assert ans.cited_keys[0] == ("附件1", 98)


def test_a_member_of_a_series_the_rows_do_not_reach_is_not_stated(assistant):
    """The rows tell of a 第一批 and a 第二批 of 消费券: the 第二批 is answered, a
    第四批 is a member they never state."""
    ans = assistant.answer("爱心消费券第四批什么时候发")
    assert ans.coverage == "partial" and "第四批" in ans.answer.split("\n")[0] and ans.citations
    assert assistant.answer("爱心消费券第二批什么时候发完").coverage == "answered"


def test_a_story_naming_the_rows_topic_keeps_an_unknown_asked_word_partial(assistant):
    """The story says what the question is about (城区要规划便民市场和夜市 … 啥时候建好)
    and the best rows state it: 羊肉串, which the document never names, leaves the answer
    partial with the rule quoted — not "not covered"."""
    v = assistant.verdict("城区要规划便民市场和夜市 俺想去摆个羊肉串 啥时候建好")
    assert v.absent == ("羊肉串",) and v.story_coverage >= 0.5 and v.coverage == "partial"
    ans = assistant.answer("城区要规划便民市场和夜市 俺想去摆个羊肉串 啥时候建好")
    assert ans.citations and "羊肉串" in ans.answer.split("\n")[0]


def test_a_year_outside_the_documents_period_is_not_covered(assistant, doc):
    assert doc.years[0] == 2022 and 2025 in doc.years  # issued 2022; a row names 2025年底
    assert assistant.answer("2019年高企认定奖励多少").coverage == "not_covered"
    # 2025 is in scope where the row speaks of it, not for a reward the row gives in 2022
    assert assistant.answer("城镇土地使用税下调政策延长到2025年吗").coverage != "not_covered"
    assert assistant.answer("2025年高企认定奖励多少").coverage == "not_covered"


def test_thesaurus_bridges_an_everyday_word_to_the_documents(assistant):
    # 摊位 is not the document's word; the thesaurus (cilin) says 摊位 = 地摊/摊点, which it uses
    v = assistant.verdict("想摆个摊位卖自家的菜，县里让不让")
    assert any(w == "摊位" for w, _ in v.bridged) and v.coverage != "not_covered"
    ans = assistant.answer("想摆个摊位卖自家的菜，县里让不让")
    assert "附件2 第109项" in [c.label for c in ans.citations] or "附件1 第45项" in [c.label for c in ans.citations]


@pytest.mark.parametrize("question, missing", [
    ("大宁县有几个乡镇", "数目"),                 # 乡镇 occurs, no row gives the count
    ("涉企服务专家团队的电话是多少", "电话号码"),  # the row says 可通过电话预约, no number
    # a grant named of a word the rows never state, at its second mention: the first 培训
    # (县里搞不搞技能培训) is followed by the question mark, the second by 补贴
    ("想学门手艺，县里搞不搞技能培训？参加的话有没有培训补贴", "培训补贴"),
])
def test_partial_when_the_row_does_not_state_the_figure(assistant, question, missing):
    ans = assistant.answer(question)
    assert ans.coverage == "partial" and not ans.abstained and ans.citations
    assert ans.answer.startswith("本文件没有写明") and missing in ans.answer.split("\n")[0]
    # the nearest rule is quoted with its citation
    assert re.search(r"〔附件\d 第\d+项〕", ans.answer)


def test_quotation_marks_are_no_part_of_the_words_they_set_off(assistant):
    # the row writes 打造连片“夜经济”区: a question's 夜经济区 is stated there
    ans = assistant.answer("打造连片夜经济区的方案谁来牵头")
    assert ans.coverage == "answered", ans.answer
    assert "附件1 第45项" in [c.label for c in ans.citations]


def test_qa_never_imports_eval():
    import ast
    from pathlib import Path

    import qa

    for f in Path(qa.__file__).parent.glob("*.py"):
        tree = ast.parse(f.read_text("utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n == "eval" or n.startswith(("eval.", "ui")) for n in names), (f.name, names)


def test_amount_question_quotes_the_amount_that_follows_its_rule(assistant):
    # the rule ("…给予一次性创业补贴。") and its amount ("补助标准每人不超过1000元…") are
    # two sentences: the answer must carry the amount, not another sentence's 30万元 loan
    ans = assistant.answer("高校毕业生首次创业能拿多少一次性补贴")
    assert not ans.abstained and "附件1 第86项" in [c.label for c in ans.citations]
    assert "1000元" in body(ans) and "3000元" in body(ans)


def test_how_long_question_quotes_the_span_of_time(assistant):
    # "多久能到账" is answered by the sentence giving the span (72小时到账), wherever the
    # row's best match on 留抵退税 is
    ans = assistant.answer("留抵退税多久能到账")
    assert not ans.abstained and "附件2 第40项" in [c.label for c in ans.citations]
    assert "72小时到账" in body(ans)


def test_a_grant_named_by_its_rare_head_is_the_rows_grant(assistant):
    """People say 房租补贴 for the list's 场地租赁补贴 (附件2 第50项): the kind's head, 租, is a
    character few rows hold, and the rows name 补贴 after a modifier holding it — the same
    grant. Before, "本文件没有写明关于房租补贴的规定". A kind whose head is common or
    unmatched stays unstated (育儿补贴, 购房补贴, 开店补贴)."""
    ans = assistant.answer("大学毕业两年，回来开了个奶茶店，能申请房租补贴不？")
    assert ans.coverage == "answered" and "附件2 第50项" in [c.label for c in ans.citations]
    assert "场地租赁补贴" in body(ans)
    for q in ("育儿补贴一个月多少", "县里有购房补贴吗", "开店补贴有没有"):
        assert assistant.answer(q).coverage == "partial", q


def test_how_long_asked_with_duochang_shijian_is_a_question_word(assistant):
    """多长时间 asks how long, as 多久 does: never a topic the document leaves out. Before,
    jieba's one noun 多长时间 was an unknown word, and every such question was answered
    "本文件没有写明与“多长时间”有关的内容"."""
    for q, label, span in (("新开个洗车店要接自来水，报装多长时间能好", "附件2 第96项", "3个工作日"),
                           ("不动产登记多长时间能办完", "附件1 第72项", "半天办结")):
        ans = assistant.answer(q)
        assert ans.coverage == "answered", q
        assert label in [c.label for c in ans.citations] and span in body(ans)


def test_followup_after_a_not_covered_answer_does_not_build_on_its_suggestions(assistant):
    first = assistant.answer("吉县对小微企业有什么补贴")
    assert first.abstained and first.related
    history = [{"role": "user", "content": "吉县对小微企业有什么补贴"},
               {"role": "assistant", "content": first.answer}]
    ans = assistant.answer("那找哪个部门？", history)
    assert ans.abstained and not ans.followup and ans.citations == [] and "说完整" in ans.answer
    # nor does a follow-up as a first question, nor one after it
    alone = assistant.answer("那找哪个部门？")
    assert alone.abstained and alone.citations == []
    then = assistant.answer("期限呢？", [{"role": "user", "content": "那找哪个部门？"},
                                      {"role": "assistant", "content": alone.answer}])
    assert then.abstained and then.citations == []


def test_limit_question_leads_with_the_limit_and_quotes_are_not_repeated(assistant):
    ans = assistant.answer("创业担保贷款最多能贷多少")
    first = body(ans).split("\n\n")[0]
    assert "30万元" in first and "300万元" in first
    # a sentence stated by two rows is quoted once, with both citations
    texts = [q for c in ans.citations for q in c.quotes]
    rendered = re.findall(r"“(.+?)”〔", body(assistant.answer("开饭店有什么扶持")))
    assert len(rendered) == len(set(rendered)) and texts


def test_not_covered_wording_with_several_documents():
    from qa.verdict import scope_reason

    # one document: its place and the units above it; several: each document's own place
    one = scope_reason(("吉县",), ("大宁县", "临汾市", "山西省"))
    assert "本文件是大宁县的文件（临汾市、山西省所辖）" in one
    many = scope_reason(("吉县",), ("大宁县", "临汾市", "山西省", "平遥县", "晋中市"), ("大宁县", "平遥县"))
    assert "大宁县、平遥县" in many and "本文件是" not in many


def test_a_rows_sentences_are_ranked_by_meaning_too(doc, retriever):
    """Plain speech shares few words with the rule it asks about: the index holds a
    vector for every quotable sentence, the answer ranks a row's sentences by how near
    they are in meaning as well as by the words they share with the question, and the
    sentence leg of the search finds a row by its one nearest sentence."""
    from qa.engine import Assistant, ComposeConfig

    sv = retriever.stored.sentence_vectors
    row = retriever.by_key[("附件1", 98)]
    assert sv is not None and {t for t, _ in sv.rows[row.key]} == {s.text for s in row_sentences(row)}
    # (头回, not 头一回: the thesaurus makes 头一回 the document's 首次, found by words too)
    q = "店里头回被查出点小问题，当场就改好了，还会被罚款吗"
    near = retriever.sentence_similarity(q, row.key)
    assert "首次不罚" in max(near, key=near.get)
    words_only = Assistant(retriever, doc, compose=ComposeConfig(sentence_weight=0.0))
    with_meaning = Assistant(retriever, doc)
    intent = detect_intent(q)
    top = {name: a.matcher.ranked(a.matcher.concepts(q), row, intent, q)[0][1].text
           for name, a in (("words", words_only), ("meaning", with_meaning))}
    assert "首次不罚" in top["meaning"] and "首次不罚" not in top["words"]
    assert "首次不罚" in body(with_meaning.answer(q))
    q2 = "材料没带齐，能不能先给我办着，缺的以后再交"
    # (plain BM25 here: a one-character word's compounds find it by words too)
    plain_words = DEFAULT_CONFIG.with_(compounds=0)
    assert ("附件2", 92) in [h.key for h in retriever.search(q2, 5, plain_words)]
    assert ("附件2", 92) not in [h.key for h in retriever.search(q2, 5, plain_words.with_(
        weights=(("bm25", 0.4), ("dense", 0.6))))]


def test_each_part_of_a_two_rule_question_is_answered_from_its_own_row(assistant):
    """Two rules asked in one question (classical 有无/有何 asking words count): each
    part is quoted from the row that states it, and both rows are cited."""
    from qa.question import asking_clauses

    q = "新进规上的工业企业，县级财政有无一次性奖励？首次小升规后租国有厂房，租金有何优惠？"
    assert len(asking_clauses(q)) == 2
    ans = assistant.answer(q)
    b = body(ans)
    assert {("附件2", 55), ("附件2", 66)} <= set(ans.cited_keys)
    assert "每户10万元" in b and "租金给予一定优惠" in b


def test_a_keyword_closed_with_a_question_mark_is_a_part_of_its_own(assistant):
    """便民市场和夜市的数量？ has no question word, but its question mark asks it: beside the
    second question (进去摆摊要办执照吗？) it is a part of its own, and the count is quoted —
    before, only the licence was answered. A sentence about the asker (我是个体户？) tells who
    asks and is no part."""
    from qa.question import asking_parts

    q = "便民市场和夜市的数量？进去摆摊要办执照吗？"
    assert [p.text for p in asking_parts(q)] == ["便民市场和夜市的数量", "进去摆摊要办执照吗"]
    assert [p.text for p in asking_parts("我是个体户？能贷多少")] == ["能贷多少"]
    b = body(assistant.answer(q))
    assert "便民市场5处" in b and "营业执照" in b


def test_each_part_may_be_stated_by_another_of_the_best_rows(assistant):
    """A share asked in one part (补助最高占投资额多少比例, 附件2 第43项: 15%) and a department
    in the other (技改资金找哪个部门申报, 附件1 第85项) are answered when each is stated by one
    of the best rows: not "没有写明具体的数额或比例" because the top row gives no share."""
    ans = assistant.answer("厂里准备搞生产线数字化改造。县里补助最高占项目固定投资额多少比例？省级技改资金归哪个部门组织申报？")
    assert ans.coverage == "answered"
    assert {("附件2", 43), ("附件1", 85)} <= set(ans.cited_keys)
    assert "项目固定投资额15%" in body(ans) and "县工信局" in body(ans)


def test_a_how_many_question_asks_the_count_of_its_asking_clause(assistant):
    """A how-many question asks the count of its last clause, not one the asker's story
    tells (几户人想合伙…多少家), and is answered by a count in words (两家): neither is
    flagged partial; a count or a figure the rows do not give still is."""
    from qa.intent import count_word

    assert count_word("村里几户人想合伙包山种树，县里今年打算扶持多少家") == "家"
    for q in ("专精特新企业今年申报成功了几家", "俺家种了几十亩高粱，一亩地县里补多少钱"):
        assert assistant.verdict(q).coverage == "answered", q
    assert "每亩40元" in body(assistant.answer("俺家种了几十亩高粱，一亩地县里补多少钱"))
    assert assistant.verdict("大宁县有几个乡镇").coverage == "partial"
    assert assistant.verdict("高企所得税优惠税率是多少？").coverage == "partial"


def test_a_few_in_the_story_and_not_many_are_not_how_many_questions(assistant):
    """几 before its noun in a clause that asks nothing, with a question after it, is "a
    few" (我帮几个个体户代账); a negated count (挣不了几个钱) says "not much"; neither asks
    a number, so neither leaves the answer partial. 个, the general measure word, is
    answered by a count with any (便民市场5处)."""
    from qa.intent import count_word, states_count

    assert count_word("我帮几个个体户代账，增值税还用交不") is None
    assert count_word("往村里送快递一趟挣不了几个钱，县里对送下乡的件有补贴没") is None
    assert count_word("俺和几户养牛的想整个合作社，一年能评上几个") == "个"
    assert states_count("规划设置便民市场5处", "个") and not states_count("各乡镇设置便民市场", "个")
    for q in ("我帮几家小店记账 个体户月销售额不高增值税还要交不",
              "送快递一趟挣不了几个钱 县里对往村里送的快件有补贴没",
              "俺们几户种花椒的想办个合作社 县里一年能评上几个示范社"):
        assert assistant.verdict(q).coverage == "answered", q


def test_not_much_in_the_story_asks_no_amount(assistant):
    """多少 negated (没多少污染, 挣不了多少钱) says "not much" of the asker's situation: it
    asks no figure, so a rule stated without one answers the question; 多少 asked still
    leaves a rule without a figure partial."""
    from qa.intent import Intent, asks, detect_intent

    assert not asks("我们就是个小豆腐坊没多少污染") and not asks("一年也挣不了多少钱")
    assert asks("一年能补多少") and detect_intent("没多少污染的小厂能不能少查") != Intent.AMOUNT
    q = "我们就是个小豆腐坊没多少污染，环保的隔三差五来查，啥样的厂子能进那个正面清单少查或者不来现场查"
    v = assistant.verdict(q)
    assert v.coverage == "answered" and not v.missing, v
    assert "免于现场检查" in body(assistant.answer(q))
    assert assistant.verdict("纳入正面清单能少查多少次").coverage == "partial"


def test_a_rate_of_interest_asked_as_spoken_is_stated_only_by_a_rate_of_interest(assistant):
    """利息几厘 (几分利) asks a rate of interest, spoken in tenths of a percent: the
    document gives none for 创业担保贷款 — its 余额增长幅度高于30% is a growth, not a
    rate — so the answer is partial, not that 30%."""
    from qa.relevance import figure_missing

    for q in ("创业代款 利息几厘", "我爸想申请创业担保贷款，贷款利息具体是几厘？财政给贴多少息"):
        v = assistant.verdict(q)
        assert v.coverage == "partial" and v.missing == "amount", (q, v)
    assert figure_missing("利息几厘", "amount", "贷款年利率为3.45%") == ""
    assert figure_missing("招牌几厘米厚", "amount", "贷款年利率为3.45%") == ""


def test_a_place_with_its_localizer_tells_where_not_what(assistant):
    """店里, 厂里, 镇里 (a place of one character with 里: "in the shop") say where the asker
    stands, as 在店里 does: never a topic the document must name, in a keyword lookup too;
    公里, 心里, 邻里 are no places by the thesaurus."""
    from qa.question import is_locative, read_question

    assert all(is_locative(w) for w in ("店里", "厂里", "棚里"))
    assert not any(is_locative(w) for w in ("公里", "心里", "邻里", "哪里"))
    assert "店里" not in read_question("店里装电 报装几天").topics
    v = assistant.verdict("店里装电 报装几天")
    assert v.coverage == "answered", v
    assert "5个" in body(assistant.answer("店里装电 报装几天"))


def test_what_a_number_word_asks(assistant):
    """A sum per head (每人1000元) is money given; 几 before a measure word counts things
    (收几个老人 asks no fee), a how-many phrase (几辆车) is no topic, and clauses split by
    spaces are clauses; 几个点 asks a rate, stated by a % or by 5个百分点."""

    assert "几辆车" not in read_question("垃圾清运外包 几辆车").topics
    from qa.intent import count_word, states_count

    # sheets and copies of a paper are one count: 多少张发票 — 增值税专用发票25份
    assert count_word("新办企业专票能领多少张") == "张" and states_count("增值税专用发票25份", "张")
    for q in ("困难群众的爱心消费券一个人给多少钱", "想开个托老所收几个老人 要先办许可不",
              "垃圾清运外包 几辆车", "想添几台机器 有补助没"):
        assert assistant.verdict(q).coverage == "answered", q
    v = assistant.verdict("创业担保贷款政府给贴几个点")
    assert v.coverage == "partial" and v.missing == "amount"


def test_the_kind_of_grant_asked_is_never_an_aside(assistant):
    """An unknown word that barely moves the question's meaning is an aside (小超市 in
    小超市搞直播卖货有奖励吗) — but not when it names the kind of grant or licence
    asked (高龄补贴, 烟草证): the document must name that kind."""
    assert assistant.verdict("小超市搞直播卖货有奖励吗").coverage == "answered"
    for q in ("家里老人有高龄补贴不", "开个小卖部要办烟草证吗"):
        assert assistant.verdict(q).coverage != "answered", q
    # also past the verb saying what is done with it (农机购置补贴: a grant for 农机)
    v = assistant.verdict("本合作社计划购置收割机等农业机械，请问大宁县2022年农机购置补贴的标准及申报时间如何？")
    assert v.coverage != "answered" and "农机" in v.absent


def test_a_row_named_by_its_label_is_answered_from_that_row(assistant):
    """Counter staff look rows up by label as they type it (附件1 第2项, 附件1 105项,
    附件一第八十四项): the row named answers what is asked of it; a bare label gives the
    row; a row the document does not have is said to be missing, with the extent."""
    from ingest.schema import ANY_SCOPE, find_references

    assert find_references("附件1 105项 讲的啥") == [("附件1", 105)]
    assert find_references("附件一的第八十四项") == [("附件1", 84)]
    assert find_references("第5项") == [(ANY_SCOPE, 5)]    # in whatever scope has one
    assert find_references("第五条") == [("条", 5)]
    ans = assistant.answer("附件1 第2项 配合单位有哪些")
    assert ans.cited_keys == [("附件1", 2)] and ans.coverage == "answered"
    assert "市生态环境局大宁分局" in body(ans)
    whole = assistant.answer("附件2第5项")     # the label alone: all of the row
    row = assistant.r.by_key[("附件2", 5)]
    assert whole.cited_keys == [("附件2", 5)]
    assert all(t in body(whole) for m in row.measures for t in (m.text, m.deadline, m.goal) if t)
    assert assistant.verdict("附件1 第2项 电话多少").coverage == "partial"
    gone = assistant.answer("附件1第200项是啥")
    assert gone.coverage == "not_covered" and "附件1 共105项" in gone.answer
    # without an attachment: 第6项 is a row in each attachment; 第200项 alone is missing;
    # a bare article of another text in a question about more is read as it is
    assert assistant.answer("第6项").cited_keys == [("附件1", 6), ("附件2", 6)]
    both = assistant.answer("第5项 牵头单位")    # each row named answers its part
    assert both.cited_keys == [("附件1", 5), ("附件2", 5)]
    assert all(u in body(both) for k in both.cited_keys for u in assistant.r.by_key[k].lead_units)
    assert assistant.answer("第200项").coverage == "not_covered"
    assert "本文件没有第十条" not in assistant.answer("公司法第十条怎么规定的").answer


def test_a_departments_rows_asked_as_a_list(assistant):
    """"税务局负责哪几项" (the level left off), "县人社局配合的工作", or the name alone:
    every row the department leads (or cooperates on), each cited; a question about
    something it does (县税务局 契税) is answered from the rows as any other."""
    rows = assistant.r.rows
    leads = [r.key for r in rows if "县税务局" in r.lead_units]
    ans = assistant.answer("税务局负责哪几项")
    assert ans.cited_keys == leads and len(leads) > 3 and "县税务局牵头的条目" in ans.answer
    coop = assistant.answer("县人社局配合的工作")
    assert coop.cited_keys == [r.key for r in rows if "县人社局" in r.coop_units]
    assert "牵头的条目" not in coop.answer
    both = assistant.answer("县人社局")
    assert set(both.cited_keys) == {r.key for r in rows if "县人社局" in r.units}
    assert assistant.answer("县税务局 契税").cited_keys[0] == ("附件2", 37)
    # the document's own place said in front (大宁县税务局) is the same department
    assert assistant.answer("大宁县税务局负责哪几项").cited_keys == leads
    # 负责 asked of a department that leads nothing: the rows it cooperates on
    only = next(u for u in (u for r in rows for u in r.coop_units)
                if not any(u in r.lead_units for r in rows) and u.startswith("县"))
    ans = assistant.answer(f"{only}负责哪些任务")
    assert ans.cited_keys == [r.key for r in rows if only in r.coop_units] and "配合的条目" in ans.answer


def test_speech_around_a_department_listing_is_no_matter_asked(assistant):
    """Speech around a listing (在这两个清单里, 挂了, 列一下序号) names no matter of the
    documents: the department's rows are listed; a word the documents use (退税, 创业补贴)
    is a matter, answered from the rows."""
    rows = assistant.r.rows
    police = [r.key for r in rows if "县公安局" in r.lead_units]
    assert assistant.answer("公安局在清单里挂了哪几条任务").cited_keys == police and len(police) >= 2
    forest = [r.key for r in rows if "县林业局" in r.lead_units]
    assert assistant.answer("林业局牵头的任务有几条 列一下序号").cited_keys == forest
    health = assistant.answer("医保局在这两个清单里管哪几条")
    assert set(health.cited_keys) == {r.key for r in rows if "县医保局" in r.units}
    assert assistant.answer("县税务局退税哪几条").cited_keys[0] == ("附件2", 40)
    assert "牵头的条目" not in assistant.answer("县人社局负责的创业补贴有哪些").answer


def test_where_a_department_is_asked_is_no_listing_of_its_rows(assistant):
    """A unit named with where it is or its phone asked, in any sentence (人行大宁支行在哪条街上？
    有电话没), asks a detail of it — which the rows do not give: partial, the nearest rows
    quoted — not the list of the thirty rows it leads."""
    rows = assistant.r.rows
    leads = [r.key for r in rows if "人行大宁支行" in r.lead_units]
    ans = assistant.answer("人行大宁支行在哪条街上啊？有电话没，想打过去问问贷款的事")
    assert len(leads) > 10 and ans.coverage == "partial" and len(ans.citations) <= 3
    assert "牵头的条目" not in ans.answer
    assert assistant.answer("人行大宁支行牵头哪些事").cited_keys == leads


def test_a_sections_rows_asked_as_a_list(assistant):
    """A section asked for as a list — by its title (用地保障方面有哪些措施), by its core
    (财税支持: 附件2 二、财税支持 and 附件1 六、加大财税支持力度), or by its place (附件2 第六部分)
    — lists its rows, each cited; a question about something in it is not a listing."""
    rows = assistant.r.rows

    def in_section(*titles: str) -> list[tuple[str, int]]:
        return [r.key for r in rows if any(r.section.endswith(t) for t in titles)]

    land = assistant.answer("用地保障方面有哪些措施")
    assert land.cited_keys == in_section("用地保障") and "附件2 三、用地保障" in land.answer
    assert set(assistant.answer("财税支持有哪些条").cited_keys) == set(in_section("财税支持", "加大财税支持力度"))
    assert assistant.answer("附件2 第六部分都有啥").cited_keys == [
        r.key for r in rows if r.attachment == "附件2" and r.section.startswith("六、")]
    assert len(assistant.answer("财税支持里契税减免有哪些").cited_keys) < 5


def test_a_detail_asked_with_its_owner_needs_the_owners(assistant):
    """办公地址 asks the office's address: a row giving another address (集群登记地址) does
    not state it; with no noun before it (注册地址咋整) the rows on addresses answer."""
    v = assistant.verdict("县市场监管局 办公地址在哪")
    assert v.coverage == "partial" and v.missing == "地址"
    assert assistant.verdict("没有门面 注册地址咋整").coverage == "answered"


def test_an_address_used_or_lacked_is_no_address_asked(assistant):
    """能挂托管公司的地址不 asks whether one may use an address, 没有固定的办公地址，这种能注册吗
    whether one may register without one: neither asks where anything is, and the row on
    registering with no fixed premises (集群登记) answers both — before, both were told
    "本文件没有写明地址". 办公地址在哪 still asks one."""
    for q in ("跑网约车的 没门面没办公室 想注册个体 地址咋填？能挂托管公司的地址不",
              "纯纯的直播打工人，没门面，就在自己卧室播。想注册个体户，可我压根没有固定的办公地址，这种能注册吗"):
        ans = assistant.answer(q)
        assert ans.coverage == "answered" and ("附件1", 25) in ans.cited_keys, q
        assert "无固定办公场所的创业者和新业态市场主体办理集群登记" in ans.answer
    assert assistant.verdict("县市场监管局 办公地址在哪").missing == "地址"


def test_a_quality_said_of_the_matter_is_no_topic(assistant):
    """特别麻烦 (an adjectival noun after an adverb) says what the asker finds the matter,
    not a thing asked of: the rows on the 环评 steps answer, not "本文件没有写明与“麻烦”有关的内容"."""
    assert "麻烦" not in read_question("环评手续是不是特别麻烦 有简单点的办法没").topics
    ans = assistant.answer("养了两百来只羊 想再盖个羊圈扩大点 环评手续是不是特别麻烦 有简单点的办法没")
    assert ans.coverage == "answered" and "麻烦" not in ans.answer
    assert {("附件1", 76), ("附件2", 73)} & set(ans.cited_keys)


def test_the_intent_is_that_of_the_clause_that_asks(assistant):
    """The story's 之前 is not what is asked: "能跟银行申请延期续贷吗" asks whether, and
    the answer quotes the rule that grants it, not a deadline."""

    q = "之前在信用社贷的款快到期了，一时还不上，能跟银行申请延期续贷吗"
    assert detect_intent(q) == "deadline"  # the whole text, story included
    assert read_question(q).intent != "deadline"
    ans = assistant.answer(q)
    assert "在自主协商的基础上给予延期续贷政策" in body(ans)
    assert "时间进度" not in body(ans)


def test_words_of_the_story_weigh_less_than_words_of_the_asking_clause(assistant):
    concepts = dict(assistant.matcher.concepts("去县税务局办事 缺一两样材料 能不能先办后补"))
    idf = assistant.r.bm25.idf
    cfg = assistant.compose_cfg
    assert concepts[("县税务局",)] == pytest.approx(max(idf("县税务局"), 1.0) * cfg.story_weight)
    # a piece of a longer word (税务局 of 县税务局) is that word in part
    assert concepts[("税务局",)] == pytest.approx(max(idf("税务局"), 1.0) * cfg.story_weight * cfg.piece_weight)
    assert concepts[("先办后补",)] == pytest.approx(max(idf("先办后补"), 1.0))
    # a keyword lookup asks with no question word: it has no story, every word counts whole
    lookup = dict(assistant.matcher.concepts("“承诺制+标准地+全代办” 全代办 年度目标 办件数"))
    assert lookup[("标准地",)] == pytest.approx(max(idf("标准地"), 1.0))


def test_fenbie_asks_the_same_of_each_thing_listed(assistant):
    from qa.question import asking_clauses

    q = "介绍人在县域内就业和介绍到省外的职业介绍补贴分别每人多少"
    assert len(asking_clauses(q)) == 2
    assert asking_clauses("高企奖励分别在哪一年发放") == ["高企奖励分别在哪一年发放"]  # nothing listed
    text = body(assistant.answer(q))
    assert "每人不超过300元" in text and "每人不超过800元" in text


def test_a_deadline_part_of_a_several_part_question_gets_its_progress_line(assistant):
    ans = assistant.answer("税费退库72小时到账由哪个部门牵头？时间进度要求是什么？")
    text = body(ans)
    assert "县税务局" in text and "时间进度：" in text


def test_a_few_people_in_the_story_is_not_a_count_asked(assistant):
    """几 opening the story ("几个人合伙…": a few people together) asks no count, so the
    answer is not flagged for a number the rows do not give."""
    from qa.question import asked_part, asks

    assert not asks("我们几个人合伙盖的厂房") and asks("几个人能一起申请吗")
    assert not asks("村里几户人想合伙开个合作社")
    q = "我们几个人合伙盖的厂房，我想拿自己那份去银行抵押贷款，行不行"
    assert "几" not in asked_part(q)
    ans = assistant.answer(q)
    assert ans.coverage == "answered" and ans.citations[0].label == "附件2 第28项"


def test_a_yes_no_question_is_not_read_as_asking_a_figure_or_a_number(assistant):
    """Words of a figure or a phone inside a yes/no question describe, they do not ask:
    金额不大的项目 (a judgment follows the figure word), 几家联合起来 (a few doing a thing
    together, as in the story), 电话回访 (电话 before a verb: how it is done). The rows
    state the rule asked, so no "没有写明具体的数额" / "没有写明电话号码" is claimed."""
    from qa.intent import detect_intent

    assert detect_intent("金额不大的政府采购项目是不是都留给中小企业做") == Intent.YESNO
    assert detect_intent("小建筑公司能不能几家联合起来投省里的大项目") == Intent.YESNO
    assert detect_intent("政府采购项目金额多少") == Intent.AMOUNT and detect_intent("几家企业入选") == Intent.GOAL
    for q, label in (("金额不大的政府采购项目是不是都留给中小企业做", "附件1 第15项"),
                     ("小建筑公司能不能几家联合起来投省里的大项目", "附件1 第43项"),
                     ("新装用电客户会电话回访吗", "附件2 第96项")):
        ans = assistant.answer(q)
        assert ans.coverage == "answered" and ans.citations[0].label == label, (q, ans.answer)
    # a number to call is still asked with 电话是多少
    assert assistant.answer("涉企服务专家团队电话是多少").coverage == "partial"


@pytest.mark.parametrize("q,story", [
    # 几 before its noun with a question after it: "a few", the asker's story
    ("我店里招了几个本地人，有没有补贴？最多能拿多少？", True),
    ("我在城里帮几个个体户代账，他们的增值税今年还用交不", True),
    # alone, or with nothing asked after it, it asks how many
    ("去年开的店今年招了几个本地人", False),
    # with no teller (我…, 招了…) 几 asks, though a question follows
    ("县里打算扶持几家企业，找谁申请", False),
    ("有补贴的话，店里最多能招几个本地人", False),
    # a past time opening the clause tells what happened
    ("去年给几个机关单位干的装修活，尾款还拖着不给，县里有没有哪个部门管这种事", True),
    # the question may come in a sentence of its own after the story's
    ("我们给县里几个单位干过工程，钱一直没结。拖欠民营企业账款这事县里归哪个部门监督？", True),
])
def test_a_few_told_before_a_question_is_story(q, story):
    from qa.question import asked_part, asking_parts

    assert ("几" not in asked_part(q)) == story
    # and the parts asked are the asking clauses alone: the story asks no figure of its own
    assert all("几" not in p.text for p in asking_parts(q)) == story


def test_a_story_of_a_few_is_no_figure_asked(assistant):
    """"去年给几个机关单位干的装修活…县里有没有哪个部门管这种事" asks who handles unpaid
    bills (附件1 第97项, 县审计局): answered, not "没有写明具体的数额" for the 几个 of its story."""
    ans = assistant.answer("去年给几个机关单位干的装修活 尾款到现在还拖着不给 县里有没有哪个部门管这种事")
    assert ans.coverage == "answered" and ans.citations[0].label == "附件1 第97项"
    assert "县审计局" in body(ans)


def test_money_asked_is_stated_only_by_an_amount_after_the_word_that_grants_it(assistant):
    """附件2 第50项 says who may apply for the 场地租赁补贴 (正常经营6个月以上, a number
    before the word) but gives no amount: asked how much it pays, the answer says the
    document does not state it and quotes the rule; 高企 rows state 奖励10万元."""
    ans = assistant.answer("大学毕业回来开店满半年了，场地租赁补贴一个月能补多少钱")
    assert ans.coverage == "partial" and ans.citations[0].label == "附件2 第50项"
    assert "本文件没有写明具体的数额" in ans.answer
    assert assistant.answer("高企认定奖励多少").coverage == "answered"


def test_a_grant_named_with_its_thresholds_is_no_statement_of_its_sum(assistant):
    """附件1 第54项 names the 进档奖励 with the 产值 it is given at (首次达到5亿元、10亿元、
    50亿元…分别给予进档奖励) and no sum; its other sentence grants 500万元 for something
    else: asked how much the 进档奖励 is, the answer says the document does not state it.
    A grant named with no figure (按规定落实职介补贴) whose sums stand in another field of
    its row is still answered from them."""
    ans = assistant.answer("建筑企业产值第一次过50亿元，进档奖励能拿多少钱")
    assert ans.coverage == "partial" and ans.citations[0].label == "附件1 第54项"
    assert "本文件没有写明具体的数额" in ans.answer
    ans = assistant.answer("介绍人到省外就业，职介补贴每人多少")
    assert ans.coverage == "answered" and "每人不超过800元" in body(ans)


def test_a_fee_the_document_never_names_is_answered_by_its_row_waiving_it(assistant):
    """摊位费 is no word of the document; asked whether one pays it at the 便民市场, the row
    that opens the markets 免费对本地果农、菜农开放 answers (附件2 第109项). How a fee is
    reckoned (加班费怎么算) is no question of paying it: still flagged."""
    ans = assistant.answer("想把自家地里的菜拉到县城便民市场卖，得交摊位费吗")
    assert ans.coverage == "answered" and ans.citations[0].label == "附件2 第109项"
    assert "免费对本地果农、菜农开放" in body(ans)
    assert assistant.answer("企业员工加班费怎么算").coverage != "answered"


def test_a_fee_asked_whether_it_is_waived_is_what_is_asked(assistant):
    """过路费 and 手续费 are no words of the document; asked whether they are waived (能免不,
    能不能减免), the fee is what is asked, never speech around it: no row says it is not
    paid, so the answer is partial and names it — not the nearest row's 通行码 or 减免税额
    given as if they answered. A fee the row says is not paid, asked whether it is waived
    (摊位费能免不 of the 便民市场 opened 免费), is answered."""
    for q, fee in (("拉鲜果的货车走高速 有没有绿色通道 过路费能免不", "过路费"),
                   ("村里电商代办点 给人代收代付用的那个收款码 手续费能不能给减免点", "手续费")):
        ans = assistant.answer(q)
        assert ans.coverage == "partial" and fee in ans.answer.split("\n")[0], q
    ans = assistant.answer("想把自家地里的菜拉到县城便民市场卖，摊位费能免不")
    assert ans.coverage == "answered" and "免费对本地果农、菜农开放" in body(ans)


def test_a_long_story_does_not_make_the_figures_sentence_off_topic(assistant):
    """A long spoken story (外甥…开了个快餐店…雇了三个后生) and a question asking the
    figure (一个人给多少): the row's sentence giving it (补助标准每人不超过1000元) is judged on
    the words the clause asks with and the story's words the row speaks of — the story's
    other words say nothing of which of its sentences gives the figure: answered, not
    "没有写明具体的数额". A figure asked of what the row never names is still flagged."""
    ans = assistant.answer("我外甥专科毕业第二年回老家开了个快餐店 到现在干了一年半了 还雇了三个本村的后生帮忙 "
                           "听别人讲有个一次性创业补贴 那个就是说按人头算的 一个人给多少 最多能给多少钱")
    assert ans.coverage == "answered" and ans.citations[0].label == "附件2 第49项"
    assert assistant.answer("建筑企业产值第一次过50亿元，进档奖励能拿多少钱").coverage == "partial"


def test_a_cut_across_a_document_word_still_names_what_is_left(assistant):
    """购买农机具有什么补贴 may be read 农机/具有 (具有 is the document's word): the tagger's
    农机具 is then a cut across it — but 农机, what is left, the document never writes, so
    the question is flagged, not answered from the nearest 补贴 rows. A cut whose rest is
    one character (升/成规/上, the document's 规上) is still the document's word."""
    ans = assistant.answer("村里人买农机具有什么补贴政策")
    assert ans.coverage != "answered" and "农机具" in ans.answer.split("\n")[0]
    assert assistant.answer("升成规上有奖励吗").coverage == "answered"


def test_a_day_asked_is_stated_only_by_a_day_of_the_best_rows_matter(assistant, tmp_path, capsys):
    """哪天, 几号 ask a day: 2024年5月 gives the month only, and a day of the next row's
    matter (购车补贴 from 4月1日) is not the day of the 汽车博览会 — partial, 本文件没有写明
    具体日期. A row giving the day answers (政银企对接会 on 5月25日)."""
    from ui.cli import main as cli

    path = tmp_path / "plan.txt"
    path.write_text("某县促进消费实施方案\n一、促进汽车消费\n1.发放购车补贴。2024年4月1日至9月30日购买新车的，每辆补贴2000元。\n"
                    "2.开展汽车展销活动。2024年5月、9月在县体育中心各举办1次汽车博览会，对参展企业给予每家3000元展位补助。\n",
                    encoding="utf-8")
    assert cli(["ask", "汽车博览会哪天开幕", "--doc", str(path), "--json", "--home", str(tmp_path)]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert ans["coverage"] == "partial" and ans["answer"].startswith("本文件没有写明具体日期")
    assert "2024年5月、9月" in ans["answer"]
    ans = assistant.answer("政银企对接会哪天开的")
    assert ans.coverage == "answered" and "5月25日" in body(ans)


def test_which_streets_are_stated_only_by_streets_named(tmp_path, capsys):
    """哪两条街 asks which streets as 哪条街 does; a 街区 (or a 街道) is no street: a row
    saying only 打造2条以上夜间消费街区 leaves the streets unstated, one naming them states them."""
    from ui.cli import main as cli

    for streets, coverage in (("在城区打造2条以上夜间消费街区", "partial"), ("在解放路、人民街打造夜间消费街区", "answered")):
        path = tmp_path / f"{coverage}.txt"
        path.write_text(f"某县促进消费实施方案\n一、培育新型消费\n1.打造夜间经济。{streets}，对经认定的示范街区给予15万元"
                        "一次性补助。\n2.支持电商直播。对年网络零售额首次突破1000万元的本地电商企业奖励5万元。\n", encoding="utf-8")
        assert cli(["ask", "夜间消费街区是哪两条街", "--doc", str(path), "--json", "--home", str(tmp_path / coverage)]) == 0
        ans = json.loads(capsys.readouterr().out)
        assert ans["coverage"] == coverage, ans["answer"]
        assert ans["answer"].startswith("本文件没有写明地址") == (coverage == "partial")


def test_paying_asked_in_the_documents_own_fee_word_is_stated_by_free(assistant):
    """办个营业执照收费不 asks in the documents' own word (收费): the sentence saying none is
    paid (免费为城区摊贩办理备案登记和营业执照) states it, and is quoted first, with both rows."""
    ans = assistant.answer("俺想在县城便民市场摆个摊卖菜 办个营业执照收费不")
    assert ans.coverage == "answered" and body(ans).startswith("“免费为城区摊贩办理备案登记和营业执照")
    assert {("附件2", 110), ("附件1", 45)} <= set(ans.cited_keys)


def test_a_year_the_best_row_names_in_a_span_is_in_scope(assistant):
    """附件1 第44项 编制大宁县国土空间总体规划（2020-2035）: the question naming the plan's
    years is answered, not refused as another period; a year no row names still is."""
    ans = assistant.answer("大宁县国土空间总体规划（2020-2035） 由哪个部门牵头编制")
    assert ans.coverage == "answered" and "县自然资源局" in body(ans)
    assert assistant.answer("2019年的高企奖励多少").coverage == "not_covered"


def test_an_amount_of_four_digits_is_not_a_year():

    assert read_question("设立2000万元应急转贷资金什么时候完成").years == ()
    assert read_question("2019年的高企奖励多少").years == (2019,)


def test_a_year_written_in_characters_is_a_year(assistant):
    """A year said digit by digit (二零二三年, as a voice is transcribed; 二〇二三年, as documents
    write it) is the year 2023, outside the document's period: not covered — not a count
    (一千二百年)."""
    from ingest.header import han_years

    assert read_question("明年就是二零二三年了 种高粱的补贴还给不给").years == (2023,)
    assert han_years("二〇二五年底前") == [2025] and han_years("一千二百年") == []
    spoken = assistant.answer("明年就是二零二三年了 种高良那个不贴还给不给一亩四十块 俺准备多种点")
    assert spoken.coverage == "not_covered" and "年份" in spoken.answer


def test_a_span_shorter_than_a_day_answers_how_many_days(assistant):
    """"几天" is answered by 半日结 or 即办 as well as by 3个工作日: the row states the
    time, so the answer is not flagged for a number it lacks."""
    from qa.intent import states_count

    assert states_count("推行“一网通、一窗办、半日结、零成本”", "天")
    assert states_count("3个工作日内办结", "天") and not states_count("持续推进", "天")
    ans = assistant.answer("开个公司从注册到拿照一共得几天")
    assert ans.coverage == "answered" and "半日结" in body(ans)


def test_a_whether_question_quotes_what_has_been_done(assistant):
    """Asked whether something is open today ("…让不让私人经营", "…不"), the row's
    sentence saying it has been done (已开放公交站商业经营权) goes with the rule."""
    assert detect_intent("公交车站里头的门面让私人租来经营不") == "yesno"
    ans = assistant.answer("公交车站里头的门面让私人租来经营不")
    assert ans.citations[0].label == "附件1 第4项" and "已开放公交站商业经营权" in body(ans)


@pytest.mark.parametrize("question, covered", [
    # a part asks a share (比例) no row states, though the question's intent is the department
    ("企业给职工交养老保险的单位缴费比例是多少？归哪个部门管？", "partial"),
    # a fee asked (交多少) is stated only by a sum of money, not by a count (便民市场5处)
    ("县城便民市场里摆摊一个月要交多少摊位费", "partial"),
    # a sum of money that is no grant (总投资1.6188亿元) states what was invested
    ("轻工业园区二期厂房一共投了多少钱，建好能进几家企业", "answered"),
])
def test_each_part_asking_a_figure_is_judged_by_the_kind_of_figure(assistant, question, covered):
    ans = assistant.answer(question)
    assert ans.coverage == covered and ans.citations, ans.answer
    if covered == "partial":
        assert ans.answer.startswith("本文件没有写明具体的数额或比例")


def test_a_noun_begun_by_a_measure_word_is_no_count():
    from qa.intent import count_word

    assert count_word("政府采购给中小企业留多少份额") is None
    assert count_word("县里打算扶持多少家") == "家"


def test_a_keyword_lookup_has_no_asides(assistant):
    """Speech around a question may hold words that barely move it (asides); a keyword
    lookup holds none: 年报 in "个体户 年报 时限" was typed to be found, and no row
    speaks of it."""

    assert read_question("个体户 年报 时限").lookup and not read_question("个体户年报啥时候截止").lookup
    v = assistant.verdict("个体户 年报 时限")
    assert v.coverage == "partial" and "年报" in v.absent and not v.asides


def test_a_not_a_asks(assistant):
    """会不会, 算不算, 要不要 ask (A-not-A): the clause holding it is what is asked, the
    story before it is not."""
    from qa.question import asks, read_question

    assert asks("会不会罚款") and asks("这算不算违规") and not asks("价签没标清楚")
    # 没啥 after a negation is "not much"; a clause opening with 还是 offers the other choice
    assert not asks("这两年店里没啥客人") and asks("有啥补贴") and asks("还是得先还本才能续")
    q = "店里价签没标清楚被查了 第一次这种小事会不会罚款"
    assert read_question(q).asked.endswith("会不会罚款")
    ans = assistant.answer(q)
    assert ans.coverage == "answered" and ans.citations[0].label == "附件1 第98项"


def test_a_word_the_thesaurus_files_under_things_is_a_topic(assistant):
    """jieba tags 驾照 a verb; the thesaurus files it under objects (class B), so it is a
    noun of the question — and no row speaks of driving licences."""
    from qa.thesaurus import names_a_thing

    assert names_a_thing("驾照") and not names_a_thing("补交") and not names_a_thing("麻烦")
    assert "驾照" in read_question("驾照快过期了去哪换新的").topics
    assert assistant.answer("驾照快过期了去哪换新的").coverage != "answered"


def test_compounds_bridge_by_their_parts_and_single_sense_heads(assistant):
    """A compound of the document's words (统一标准 = 统一 + 标准) is on its topics; one with
    a part it never uses (工伤保险) is not, and its head cut loose (保险, also "sure")
    bridges to nothing: a head bridges only with one sense (小铺子 → 铺子 → 商店)."""
    rel = assistant.relevance
    assert rel.composed("统一标准") and not rel.composed("工伤保险")
    assert rel.bridge("工伤保险") == "" and rel.bridge("小铺子") != ""
    # the shift of a phrase is measured without the words it folded in (工伤 in 工伤保险)
    v = assistant.verdict("骑电动车送货摔了 算不算工伤 县里对骑手有啥工伤保险补贴不")
    assert v.coverage != "answered" and "工伤保险" in v.absent


def test_the_place_of_the_documents_matter_and_a_manner_of_its_act_bridge(assistant):
    """加油站 is where the document's 加油 is done (a last character the thesaurus files first
    as a place or an establishment: 站, 场, 店); 乱收费 is the document's 收费 done 乱 (a first
    character jieba tags an adverb). Neither is a topic the document lacks — while 健康证 (证
    is no place) and 外资企业 (外资 no manner) still are; 开了个 (a verb and a measure word,
    whatever the tagger calls it) is no topic at all."""

    rel = assistant.relevance
    assert rel.bridge("加油站") == "加油" and rel.bridge("乱收费") == "收费"
    assert rel.bridge("健康证") == "" and rel.bridge("外资企业") == ""
    assert assistant.answer("城外开加油站要做环评吗").coverage == "answered"
    assert assistant.answer("乱收费的典型案例曝光归哪个部门管").coverage == "answered"
    assert "开了个" not in read_question("开了个小饭馆 能贷款不").topics


def test_next_year_is_counted_from_the_documents_issue_year(assistant):
    """明年 asked of a 2022 document is 2023: out of its period unless the best row speaks
    of 2023 (标准厂房 …2023年底完工); a past year said relatively is the asker's story."""

    assert read_question("明年高企认定奖励还是10万吗").relative_years == (1,)
    assert assistant.verdict("明年高企认定奖励还是10万吗").foreign_years == (2023,)
    assert assistant.answer("标准厂房明年能完工吗").coverage == "answered"
    assert assistant.answer("去年开的店今年能申请高企奖励吗").coverage == "answered"


def test_a_past_year_dating_the_event_a_row_counts_from_is_in_scope(assistant):
    """2018年毕业 asks whether five years since graduating still qualify (毕业5年内): the row
    decides by its span; 2018年的补贴 asks of another year's policy."""
    v = assistant.verdict("我们仨里头有个是2018年毕业的，大学生开店那个社保补贴他还能享受不？")
    assert v.coverage != "not_covered" and not v.foreign_years
    assert assistant.verdict("2018年的社保补贴标准是多少").foreign_years == (2018,)


@pytest.mark.parametrize("question, missing", [
    ("给村里送件的补贴一件补几毛钱", "具体的数额"),    # money asked, whatever the intent reads
    ("政务服务大厅在哪条街 早上几点开门", "地址"),      # a street, a time of day: no row gives them
])
def test_money_and_details_asked_in_plain_words_are_judged(assistant, question, missing):
    ans = assistant.answer(question)
    assert ans.coverage == "partial" and missing in ans.answer.split("\n")[0] and ans.citations


def test_a_figure_asked_per_unit_needs_the_rows_figure_per_that_unit(assistant):
    """每平方米 asked where the rows give no amount per square metre: partial, saying so;
    a per-mu subsidy the row states per mu is answered."""
    ans = assistant.answer("小升规企业租厂房 每平方米补贴多少钱")
    assert ans.coverage == "partial" and "按每平方米计的数额" in ans.answer.split("\n")[0] and ans.citations
    assert assistant.answer("种高粱每亩补贴多少").coverage == "answered"
    # "one" of a measure opening the asking clause asks per unit too; the rows give no
    # amount per head of livestock — but 一亩地 is answered by 每亩
    ans = assistant.answer("县里对养羊的有补贴没，一只羊能补多少钱")
    assert ans.coverage == "partial" and "按每只计的数额" in ans.answer.split("\n")[0]
    assert assistant.answer("种高粱，一亩地给多少钱").coverage == "answered"
    # …or right before the verb asking it (养牛一头能补贴多少钱; 种高粱一亩能补多少: 每亩)
    ans = assistant.answer("在乡里养了二十来头牛 县里养牛一头能补贴多少钱")
    assert ans.coverage == "partial" and "按每头计的数额" in ans.answer.split("\n")[0]
    assert assistant.answer("种高粱一亩能补多少").coverage == "answered"
    # one of a measure the story tells (租了一间门面房) asks nothing per room
    assert "按每间" not in assistant.answer("租了一间门面房，房租能补多少").answer
    # 每个人 is per person, stated by 每人
    from qa.relevance import figure_missing
    assert figure_missing("介绍到省外厂子上班的，县里每个人能补多少钱", "amount", "向省外介绍成功的，每人不超过800元。") == ""
    assert figure_missing("每个能补多少钱", "amount", "一次性奖励10万元。") == "按每个计的数额"


def test_a_share_asked_of_a_thing_is_stated_in_a_sentence_naming_it():
    """贴息的比例 asked: a row whose only percentage is of something else (招用人数达到在职职工
    人数15%) and which says of 贴息 only that it is given states no share of it."""
    from qa.relevance import figure_missing

    row = ("小微企业当年新招用符合条件人员数量达到企业现有在职职工人数15%的，可申请最高不超过400万元的创业担保贷款。"
           "创业担保贷款利率由经办银行合理确定，财政按规定给予贴息。")
    assert figure_missing("创业担保贷款财政贴息的具体比例是多少", "amount", row) == "amount"
    stated = row + "对个人创业担保贷款按贷款市场报价利率的50%给予贴息。"
    assert figure_missing("创业担保贷款财政贴息的具体比例是多少", "amount", stated) == ""


def test_a_figure_asked_for_a_year_needs_a_figure_for_that_year():
    """2025年…目标是多少 of a row whose figures are each for another year (2024年…48万只; 到
    2026年底…60万只) is not stated; a figure for no year named, for the year, or for a span
    holding it is."""
    from qa.relevance import figure_missing

    row = "到2026年底，全县奶山羊存栏达到60万只，良种占比达到85%以上。\n2024年，全县奶山羊存栏达到48万只。"
    assert figure_missing("2025年全县奶山羊存栏目标是多少万只", "goal", row) == "2025年的数字"
    assert figure_missing("2026年全县奶山羊存栏目标是多少万只", "goal", row) == ""
    assert figure_missing("2025年全县奶山羊存栏目标是多少万只", "goal", row + "\n2023年至2025年，每年新增存栏5万只。") == ""
    assert figure_missing("2025年每只补贴多少钱", "amount", "对引进的优质种公羊，每只补贴2000元。") == ""


def test_a_compounds_head_the_tagger_cut_off_is_read_with_it():
    """消费券 is cut 消费 / 券 (and 消费 alone reads as spending): the dictionary's word is what
    the question names; a question word before a noun (多少 / 钱) stays as it is."""

    q = read_question("区里今年发不发消费券")
    assert "消费券" in q.topics and "消费券" in q.asked_topics
    assert "多少钱" not in [w.text for w in read_question("高粱一亩补多少钱").words]


def test_several_is_no_question():
    from qa.question import asks

    # 好几 is "several": the story's 交了好几万 asks nothing; 几万 asks
    assert not asks("人家要我交好几万押金") and asks("押金要交几万")


def test_a_negated_or_round_count_in_the_story_asks_nothing(assistant):
    """几 negated (字认不得几个, 挣不了几个钱: "not many") or beside a place value
    (几十年了, 十几万货款: "dozens") tells the asker's story; the clause that asks is the
    one with the question, and its figure (多少以下) is what the rows are read for."""
    from qa.intent import count_word
    from qa.question import asked_part, asks

    assert not asks("俺开个小卖部几十年了") and not asks("字认不得几个")
    assert not asks("到现在十几万货款还没结") and asks("一共有几个便民市场")
    assert count_word("字认不得几个") is None and count_word("报装得等几天") == "天"
    q = "俺开个小卖部几十年了，字认不得几个。一个月卖的钱不到五万，听人说卖得少的不用交增值税，到底一个月卖多少以下才不用交？"
    assert asked_part(q) == "到底一个月卖多少以下才不用交"
    ans = assistant.answer(q)
    assert ans.coverage == "answered" and "15万元" in ans.answer


def test_the_measure_word_after_a_count_is_the_counts():
    """多少天才算完事: jieba reads 天才 (a genius); 天 is the count's measure word."""

    words = [w.text for w in read_question("得在网上挂出来多少天才算完事").words]
    assert "天才" not in words and "天" in words


def test_a_count_the_top_row_leaves_to_the_next_is_answered(assistant):
    """简易注销 is 附件1 第23项 (no days); its 公示 days (由45天压减为20天) stand in 附件2
    第93项: asked how many days, the question is answered from both, not flagged. A count
    by the general measure word 个 (大宁县有几个乡镇) is met by any count, and is not."""
    ans = assistant.answer("俺是个体户，小卖部不想干了，听说注销能走简易的，要公示多少天？")
    assert ans.coverage == "answered" and "20天" in ans.answer
    assert {c.label for c in ans.citations} >= {"附件2 第93项"}
    assert assistant.answer("大宁县有几个乡镇").coverage == "partial"
    # so is one part of several asking the count (个体户能走这个不？公示得等几天？): the next
    # row's sentence with the days is quoted and cited
    ans = assistant.answer("理发店不想干了准备关门，听说简易注销要先公示，个体户能走这个不？公示得等几天？")
    assert ans.coverage == "answered" and "20天" in ans.answer and ("附件2", 93) in ans.cited_keys


def test_a_division_named_by_the_documents_own_word_is_its_own_part(assistant):
    """The gazetteer has a 老城区 (洛阳); the document speaks of its own 老城: a question on
    老城区 alone is about it, one naming 洛阳市 is not."""
    assert assistant.answer("老城区以后打算怎么规划").coverage != "not_covered"
    v = assistant.verdict("洛阳市老城区有补贴吗")
    assert v.coverage == "not_covered" and "洛阳市" in v.foreign_places


def test_a_clause_pointing_back_asks_about_the_clause_before():
    from qa.question import asked_part

    # 这 standing for what was said brings it in; 这 before a noun (这契税) does not
    assert "门槛" in asked_part("有的部门给民企额外设门槛，这合规吗")
    assert asked_part("干个体好几年了想改成公司 门面房要过户到公司名下 这契税能免不") == "这契税能免不"


def test_the_thesaurus_corrects_nouns_not_pronouns():

    topics = read_question("有人拿我家小米的牌子做假货往外卖 找哪个部门管").topics
    assert "假货" in topics and not {"有人", "我家", "哪个"} & set(topics)
    # jieba takes 玉米 and 许可证 for person names here; the thesaurus files them as things
    assert "玉米" in read_question("农民种玉米每亩补贴多少").topics
    assert "许可证" in read_question("林木采伐许可证多久能办下来").topics


def test_a_whether_question_answered_by_a_measure_also_gets_its_rule(assistant):
    """The measure matching best (不得设置…业绩资质门槛) is how the rule is carried out; the
    rule itself (不得以任何形式增设民营企业准入条件) names the policy and goes with it."""
    ans = assistant.answer("部门给民企设额外门槛，这样行吗")
    assert ans.citations[0].label == "附件1 第1项"
    assert "不得以任何形式增设民营企业准入条件" in body(ans) and "业绩资质门槛" in body(ans)


def test_things_listed_after_the_asking_clause_share_its_question(assistant):
    """"是否还需填A、申领B" asks whether of both: each is a part, answered from the row
    that states it (不再填报环境影响登记表; 无需申领排污许可证 is another row's)."""
    from qa.question import asking_clauses

    q = "登记管理类的排污许可项目，是否还要填环境影响登记表、申领排污许可证？"
    assert asking_clauses(q) == ["是否还要填环境影响登记表", "是否申领排污许可证"]
    ans = assistant.answer(q)
    labels = [c.label for c in ans.citations]
    assert "附件2 第76项" in labels and "无需申领排污许可证" in body(ans)
    assert "不再填报环境影响登记表" in body(ans)


def test_a_lookup_by_column_names_asks_each_column(assistant):
    """"农村寄递物流 时限 谁牵头": 时限 is a column of the task table, asked of the keywords
    beside it — the answer gives the 时间进度 as well as the lead department."""
    from qa.question import asking_clauses

    assert asking_clauses("夜市 牵头单位 时限") == ["夜市 牵头单位", "夜市 时限"]
    ans = assistant.answer("农村寄递物流 时限 谁牵头")
    assert ans.citations[0].label == "附件1 第81项"
    assert "牵头单位：" in body(ans) and "时间进度：2022年" in body(ans).replace(" ", "")


def test_a_fenbie_part_is_answered_by_a_row_stating_its_item(assistant):
    """"一次性创业补贴跟场地租赁补贴 分别要经营多久": the first part is answered only by a row
    stating 一次性创业补贴 (正常运营1年以上), however well the top row's 场地租赁补贴 sentence
    (正常经营6个月以上) matches the rest; the story before the list is not part of an item."""
    from qa.question import asking_parts

    q = "俺是回乡开网店的 一次性创业补贴跟场地租赁补贴 分别要开多长时间才能申请"
    assert [p.item for p in asking_parts(q)] == ["一次性创业补贴", "场地租赁补贴"]
    ans = assistant.answer(q)
    assert "正常运营1年以上" in body(ans) and "正常经营6个月以上" in body(ans)


def test_a_count_asked_in_one_clause_is_not_cancelled_by_a_yes_no_in_another():
    from qa.intent import count_word

    # the yes/no form belongs to its own clause; the count clause still asks how many
    assert count_word("有没有省事的办法，审批得多少天") == "天"
    assert count_word("几个小项目能打包做环评吗") is None


def test_replaced_settings_reach_the_memoised_sentence_rankings(assistant):
    """The evaluation and the tests replace the compose settings on a live assistant: the
    sentence rankings memoised under the old ones must not be served."""
    from dataclasses import replace

    q = "个体户转成公司刻章要钱吗"
    terms = assistant.matcher.concepts(q)
    row = assistant.r.by_key[("附件1", 21)]
    before = assistant.matcher.ranked(terms, row, "yesno", q)
    old = assistant.compose_cfg
    try:
        assistant.compose_cfg = replace(old, sentence_weight=0.0)
        plain = assistant.matcher.ranked(terms, row, "yesno", q)
        assert [round(sc, 6) for sc, _ in plain] != [round(sc, 6) for sc, _ in before]
    finally:
        assistant.compose_cfg = old
    assert assistant.matcher.ranked(terms, row, "yesno", q) == before


@pytest.mark.parametrize("question", ["高企认定奖励的协同单位有哪些", "5G基站建设 参与单位", "减税降费政策宣传 责任单位是谁"])
def test_a_unit_column_named_as_task_lists_name_it_asks_for_the_units(assistant, question):
    """协同单位, 参与单位, 责任单位: the names task lists give their unit columns (the
    ingest header words) ask who leads and who cooperates, as 牵头单位/配合单位 do."""
    ans = assistant.answer(question)
    assert ans.intent == "department" and "牵头单位：" in ans.answer and "配合单位：" in ans.answer


def test_a_sentence_states_a_noun_of_the_question_by_the_documents_word_for_it(assistant):
    """头一回 is the document's 首次 (the thesaurus, one sense): the sentence saying 首次不罚
    states it. Only nouns of the question bridge: 下来 in 批下来 is no topic (下来 → 下去
    would pull a sentence about something else)."""
    ans = assistant.answer("俺小卖部让市场监管局查出来标签不规范，头一回犯，当场改了，罚不罚")
    assert "首次不罚" in ans.answer and ("附件1", 98) in ans.cited_keys
    alts = dict(assistant.matcher.concepts("公司有笔税要退，批下来以后钱多久能打到账上"))
    assert ("下来",) in alts or all("下去" not in a for a in alts)


def test_the_kind_of_grant_asked_must_be_the_rows(assistant):
    """培训补贴 asked where the best rows give the 创业补贴's figure: partial, naming the
    kind. Who grants (政府贴息: an institution) is no kind."""
    v = assistant.verdict("职工参加技能培训，县里给的培训补贴标准是每人多少，归哪个部门管")
    assert v.coverage == "partial" and "培训补贴" in v.reason
    v = assistant.verdict("残疾人开店能申请政府贴息的创业担保贷款不")
    assert v.coverage == "answered"


def test_a_division_of_its_own_name_beside_a_parent_is_another_place():
    """长沙县 begins like 长沙(市), the parent of a 浏阳市 document, but is a county of its
    own (the gazetteer): out of scope there; in a 长沙市 document it is the city's own."""
    from qa.verdict import foreign_places

    q = read_question("长沙县2024年要建多少个5G基站")
    assert foreign_places(q, ("浏阳市", "长沙市", "湖南省"), "") == ("长沙县",)
    assert foreign_places(q, ("长沙市", "湖南省"), "") == ()
    assert foreign_places(read_question("大宁县城有几个便民市场"), ("大宁县", "临汾市", "山西省"), "") == ()


def test_the_documents_own_header_answers_questions_about_it(assistant, doc):
    """文号, issuer, date and title asked of the document itself come from its header,
    cited as such, the field asked first; a question about a row's matter that mentions
    the notice (这个通知里的创业补贴是哪个部门发的) is answered from the rows."""
    ans = assistant.answer("这个文件是哪天印发的")
    assert ans.answer.startswith(f"印发日期：{doc.date}") and "〔文件信息〕" in ans.answer
    assert doc.doc_number in ans.answer and ans.coverage == "answered" and not ans.cited_keys
    by_number = assistant.answer(f"{doc.doc_number}是哪个单位发的")
    assert by_number.answer.startswith(f"发文单位：{doc.issuer}")
    rows = assistant.answer("这个通知里说的一次性创业补贴是哪个部门发的")
    assert "〔文件信息〕" not in rows.answer and ("附件1", 86) in rows.cited_keys
    # the field asked in words jieba cuts (发文字号: 发 / 文字 / 号) names no topic of the rows
    assert assistant.answer("该通知的发文字号").answer.startswith(f"文号：{doc.doc_number}")


def test_the_policys_name_in_quotation_marks_is_quoted(assistant):
    """A policy's name stands in quotation marks (“首次不罚、告诫到位、下不为例”): when the
    sentences that match best name none, the row's sentence naming it is quoted too."""
    import re

    q = "店里被市场监管查出小问题当场改了，头回会罚钱不"
    row = assistant.r.by_key[("附件1", 98)]
    ranked = assistant.matcher.ranked(assistant.matcher.concepts(q), row, detect_intent(q), q)
    assert not re.search(r"“[^”]{2,24}”", ranked[0][1].text)
    assert "“首次不罚、告诫到位、下不为例”" in assistant.answer(q).answer


def test_a_unit_written_by_a_variant_of_its_name_is_searched_by_the_rows_name(assistant):
    """县市场监督管理局 is 县市场监管局 in the rows (the alias table): asked by the full name, the
    rows it leads are found; another level's 市工信局 is no variant of 县工信局."""
    assert assistant._unit_names("县市场监督管理局负责哪项任务") == "县市场监管局负责哪项任务"
    assert assistant._unit_names("市工信局管啥") == "市工信局管啥"
    ans = assistant.answer("县市场监督管理局负责打击制售假冒伪劣是哪一项")
    assert ans.citations and "县市场监管局" in ans.answer


def test_pieces_of_a_word_are_that_word_in_part(assistant):
    """Search mode cuts 大学生 into 大学, 学生 and 大学生: counted whole, one word would
    weigh three times and a loan sentence naming 大学生村官 outranked the subsidy's own
    amount. A piece weighs a share of its IDF; the amount asked is quoted."""
    m = assistant.matcher
    w = {alts[0]: wt for alts, wt in m.concepts("大学生开店一次性补贴给多少")}
    assert w["大学"] < w["大学生"] and w["学生"] < w["大学生"]
    ans = assistant.answer("大学生开店一次性补贴给多少")
    assert "每人不超过1000元" in ans.answer and "个人贷款不超过30万元" not in ans.answer


def test_a_bridge_leads_to_a_word_the_document_writes(assistant):
    """The thesaurus files 天气 with 天候; the document writes 全天候 only, which the
    index's search-mode cut also yields as 天候. A piece of a word is not the document's
    word: 天气 stays unknown, and the question — with 大宁, the document's own place, as
    its only other word — is not covered."""
    assert assistant.relevance.bridge("天气") == ""
    assert assistant.relevance.bridge("摊位") in ("摊点", "地摊")
    assert assistant.answer("明天大宁天气怎么样").coverage == "not_covered"


def test_a_bridge_needs_one_sense_and_a_head_the_document_lacks(assistant):
    """人才 is also 材料 ("material") in the thesaurus: a word of several senses bridges
    nothing. 外资企业's head 企业 is the document's own word: what it lacks is 外资, which
    no synonym of 企业 (商行) supplies. A noun the tagger cut across a word the question
    writes for the document's (升成规上: 规上 = 规模以上) is no unknown topic."""
    rel = assistant.relevance
    assert rel.bridge("人才") == "" and rel.bridge("外资企业") == ""
    assert rel.bridge("小卖部") != ""  # one sense, its synonym 商店/店铺 written in the document
    assert rel.miscut("成规", "小厂升成规上企业能奖多少")
    assert not rel.miscut("小厂", "小厂升成规上企业能奖多少")


def test_a_named_policy_is_quoted_only_when_it_states_a_word_of_the_question(assistant):
    """“零门槛” names a policy of 附件1 第5项, but of 养老: a part asking "有扶持没" of a
    kindergarten matches no sentence by its words, and nearness in meaning alone does not
    put that name into the answer."""
    text = body(assistant.answer("想办个收费便宜点的民办幼儿园，县里有扶持没，该找哪个部门"))
    assert "县教科局" in text and "幼儿园" in text and "零门槛" not in text


def test_a_place_owning_what_is_asked_scopes_the_question(assistant):
    """吉县的个体户…: the place opens the question and owns its subject, so it decides
    though the asking clause (奖励标准是多少) does not repeat it; a place the asker's story
    passes through (给河北拉货) does not."""
    assert assistant.answer("吉县的个体户转成企业，奖励标准是多少").coverage == "not_covered"
    assert assistant.answer("俺那物流公司常给河北拉货，县里对网络货运平台有啥支持").coverage != "not_covered"


def test_what_a_grant_is_for_is_a_topic_even_as_a_verb():
    """装修改造有没有补贴: the doing a grant is asked for is what it is for — a topic the
    rows must name — though the tagger calls it a verb; a verb of asking or of getting
    the grant (有没有, 申请) is no purpose of it."""

    topics = read_question("个体户门店装修改造有没有补贴？最多补多少？").topics
    assert "装修" in topics and "改造" in topics
    assert "有没有" not in read_question("装修有没有补贴").topics


def test_a_deadline_question_ranks_a_sentence_stating_a_time_higher(assistant):
    """时限 is stated by a date or a span (2022年12月底, 2023-09-30, 15个工作日): asked 什么时候,
    a sentence giving one ranks above the same sentence asked generally."""
    m = assistant.matcher
    row = assistant.r.by_key[("附件1", 34)]
    q = "轻工业园区二期标准化厂房什么时候完工"
    terms = m.concepts(q)
    dated = {s.text: sc for sc, s in m.ranked(terms, row, "deadline", q)}
    plain = {s.text: sc for sc, s in m.ranked(terms, row, "general", q)}
    timed = [t for t in dated if "年底" in t or "月底" in t]
    assert timed and all(dated[t] > plain[t] for t in timed)


def test_a_how_many_question_ranks_the_sentence_stating_its_count_higher(assistant):
    """多少家 is answered by a count of 家 (市场主体18家): asked how many 家, a row's
    sentence stating that count gains on its other sentences; asked how many of another
    measure (多少亩), it does not."""
    row = assistant.r.by_key[("附件1", 10)]
    m = assistant.matcher

    def scores(q: str) -> dict[str, float]:
        return {s.text: sc for sc, s in m.ranked(m.concepts(q), row, detect_intent(q), q)}

    how_many, what = scores("家庭林场今年打算扶持起来多少家"), scores("家庭林场今年打算扶持起来多少亩")
    counted = next(t for t in how_many if "18家" in t)
    other = next(t for t in how_many if "18家" not in t and "家庭林场" in t)
    # (the two questions differ in meaning a little too: by far less than the count's bonus)
    assert (how_many[counted] - how_many[other]) - (what[counted] - what[other]) > 0.05


def test_a_sentence_reworded_in_the_same_row_is_quoted_once(assistant):
    """附件1 第21项 says 对新设立的市场主体领用Ukey免费 and, in another
    measure, 对新设立的市场主体免费领用Ukey: the same words in another order are one quote."""
    from collections import Counter

    quotes = [q for q in re.findall(r"“(.+?)”〔", body(assistant.answer("新开的公司刻章领Ukey花钱不")))]
    assert any("Ukey" in q for q in quotes)
    for i, a in enumerate(quotes):
        for b in quotes[i + 1:]:
            same = sum((Counter(a) & Counter(b)).values())
            assert not (abs(len(a) - len(b)) <= 2 and same >= max(len(a), len(b)) - 2), (a, b)


def test_a_kind_of_what_the_document_writes_of_is_on_its_topic(assistant):
    """自来水 is a kind of the 水 of 水、电、气报装 (the thesaurus files both under waters),
    门面房 of its 房: questions asking of them get the nearest rule with its citation,
    said to be the nearest (partial) — not "未涉及", which they got before. 公积金 is no kind
    of 金 (fees, not gold), and 红烧肉 no kind of anything the document writes of."""
    from qa.thesaurus import kind_of

    rel = assistant.relevance
    assert rel.names_a_kind("自来水") and rel.names_a_kind("门面房")
    assert not kind_of("公积金", "金") and not rel.names_a_kind("红烧肉")
    ans = assistant.answer("接自来水要几天")
    assert ans.coverage == "partial" and ("附件2", 96) in ans.cited_keys and "3个工作日" in ans.answer
    assert assistant.answer("门面房能免租金不").coverage == "partial"
    assert assistant.answer("怎么做红烧肉").coverage == "not_covered"


def test_the_askers_shop_is_a_setting_when_the_rows_state_what_is_asked(assistant):
    """小店 in 小店接低压电报装要几天 is where the asker works, not a topic the document
    leaves out: the thesaurus files 店 among shops, and the rows state the rest (低压,
    报装, the days), so the answer is given, not hedged. A shop whose trade the document
    never names (奶茶店, which jieba cuts 奶茶 / 店要; 网吧) is flagged, but as partial: what a
    business needs to open is the document's topic, and the nearest rule is quoted."""
    from qa.thesaurus import names_an_establishment

    assert names_an_establishment("小店") and names_an_establishment("饭馆") and names_an_establishment("修车铺")
    assert not names_an_establishment("公积金") and not names_an_establishment("高粱")
    ans = assistant.answer("小店接低压电报装要几天")
    assert ans.coverage == "answered" and ("附件2", 96) in ans.cited_keys
    assert assistant.verdict("小店接低压电报装要几天").settings == ("小店",)
    assert assistant.verdict("开奶茶店要办啥证").kinds == ("奶茶",)
    assert assistant.verdict("接自来水要几天").kinds == ("自来水",)
    from ui.render import verdict_markdown  # the retrieval debug tab shows why

    assert "提问人自己的店铺" in verdict_markdown(assistant.verdict("小店接低压电报装要几天"))
    for q in ("开奶茶店要办啥证", "开个网吧要办什么手续"):
        ans = assistant.answer(q)
        assert ans.coverage == "partial" and ans.citations, q


def test_how_the_asker_heard_of_it_is_never_a_topic(assistant):
    """听说 (hearing), 据说 (hearsay), 知道 (knowing), 还有 (being there) — the thesaurus's
    classes of how a person came to know a thing — tell the asker's account, not what is
    asked: the rule is answered, not "no 听说 in the document"."""
    from qa.thesaurus import tells_how_known

    assert tells_how_known("听说") and tells_how_known("据说") and tells_how_known("还有")
    assert not tells_how_known("贴息") and not tells_how_known("驾照")
    v = assistant.verdict("种了些连翘，林权证能拿去信用社抵押贷款不？听说还有贴息，是真的不")
    assert v.coverage == "answered" and "听说" not in v.absent + v.unstated


def test_a_word_the_tagger_cut_across_the_documents_word_is_no_kind_of_grant(assistant):
    """快递给补贴 cut 快/递给/补贴: 递给 is no kind of grant the rows leave out (快递 is
    theirs), so the department asked is answered."""
    v = assistant.verdict("听说县里对往村里送的快递给补贴，这事是哪个部门管的？")
    assert v.coverage == "answered" and "递给" not in v.missing


def test_a_fee_asked_is_stated_by_a_sentence_saying_none_is_paid_for_that_thing(assistant):
    """办那个得花多少钱 after 要办营业执照不: the row's 免费为城区摊贩办理…营业执照 states the
    fee, none — the thing named in the part before (那个) is the thing the free sentence
    names; a fee the rows give no sum for and no 免费 stays partial."""
    v = assistant.verdict("想在县城便民市场摆个摊卖煎饼 要办营业执照不 办那个得花多少钱")
    assert v.coverage == "answered" and v.missing == ""
    ans = assistant.answer("想在县城便民市场摆个摊卖煎饼 要办营业执照不 办那个得花多少钱")
    assert "免费为城区摊贩办理备案登记和营业执照" in ans.answer


def test_a_form_named_by_the_act_of_filing_it_is_a_detail_the_rows_may_not_give(assistant):
    """申请书, 申报表, 登记表: a 表 or 书 named by applying, declaring or registering (the
    thesaurus's Hc15) is a form; the rows that never name it do not give it (partial),
    those that name it (环境影响登记表) do."""
    v = assistant.verdict("办营业执照要交申请书吗")
    assert v.coverage == "partial" and v.missing == "申请书"
    assert assistant.verdict("环境影响登记表要怎么备案").coverage == "answered"


def test_a_compound_the_thesaurus_lacks_is_a_kind_of_its_head_the_documents_write(assistant):
    """摊位费 (no thesaurus entry) ends in 费, the head of fees the documents write in
    compounds of their own: a kind of what they write of — partial at worst, never "not
    covered"; a head no compound of theirs ends in (修车铺: 铺) is no such evidence."""
    rel = assistant.relevance
    assert rel.names_a_kind("摊位费") and not rel.names_a_kind("修车铺")
    v = assistant.verdict("去外地参展的摊位费能补多少")
    assert v.coverage == "partial" and "摊位费" in v.kinds


def test_where_the_asker_does_business_scopes_the_question(assistant):
    """我在吉县开饭店, naming no place of the document's own: the asker's business is in
    吉县, so the question is out of scope; 老家吉县的 beside 在大宁 is the asker's story."""
    v = assistant.verdict("我在吉县开饭店，创业担保贷款个人最多能贷多少")
    assert v.coverage == "not_covered" and v.foreign_places == ("吉县",)
    assert assistant.verdict("我在大宁开饭店，老家吉县的，创业担保贷款个人最多能贷多少").coverage == "answered"


def test_an_asking_clause_naming_only_the_grant_asks_of_the_storys_matter(tmp_path):
    """区里每瓦补贴多少钱 after 厂房屋顶装了光伏发电: the clause names nothing but the grant,
    so the story's words the document never uses (光伏) are what is asked — partial,
    saying so, not an answer from another grant's rule."""
    from qa.engine import open_assistant

    doc = parse_text("吴兴区支持企业发展若干措施\n"
                     "一、对新认定的国家级专精特新“小巨人”企业一次性奖励100万元。（责任单位：区经信局）\n"
                     "二、企业实施技术改造项目，设备投资额在500万元以上的，按设备投资额的8%给予补助。（责任单位：区经信局）\n"
                     "三、对参加境外重点展会的企业，按展位费的70%给予补助。（责任单位：区商务局）\n")
    a = open_assistant(doc, home=tmp_path, quiet=True)
    v = a.verdict("厂房屋顶装了光伏发电，区里每瓦补贴多少钱？")
    assert v.coverage == "partial" and "光伏" in v.absent


def test_a_word_naming_the_kind_of_grant_is_no_aside_when_the_tagger_reads_the_grant_as_a_verb(tmp_path):
    """有没有落户奖励: 落户 names the kind of reward asked, though the tagger reads 奖励 as a
    verb — the grant word itself, not a verb to step over (as 购置 in 农机购置补贴): a
    document that never names 落户 leaves it unstated (partial), however little the word
    moves the question."""
    from qa.engine import open_assistant

    doc = parse_text("吴兴区支持企业发展若干措施\n"
                     "一、对新认定的国家级专精特新“小巨人”企业一次性奖励100万元。（责任单位：区经信局）\n"
                     "二、对首次获得“浙江制造”认证的企业，每项奖励8万元。（责任单位：区市场监管局）\n"
                     "三、对参加境外重点展会的企业，按展位费的70%给予补助。（责任单位：区商务局）\n")
    v = open_assistant(doc, home=tmp_path, quiet=True).verdict("外地企业把总部搬到吴兴来，有没有落户奖励？")
    assert v.coverage == "partial" and "落户" in v.absent and "落户" not in v.asides


def test_a_hotline_the_clause_says_to_complain_on_is_no_number_to_ask_on():
    """也可通过12345政务服务便民热线投诉: the clause holding the number says it is for
    complaints (投诉 after it), so a 咨询电话 asked is not given; a consulting number beside
    it is, and a complaint line is when complaining is what is asked."""
    from qa.verdict import gives_phone

    complaint = "申请人对办理过程有异议的，可向县行政审批局反映，也可通过12345政务服务便民热线投诉。"
    assert not gives_phone(complaint, "行政审批局的咨询电话是多少")
    assert gives_phone(complaint, "投诉电话是多少")
    assert gives_phone("咨询电话：0793-7221234，投诉电话：12345。", "咨询电话是多少")


def test_a_number_given_for_other_offices_is_not_the_one_asked_of_a_named_place(tmp_path):
    """The number asked of a body or place the text names (县零工市场的联系电话, 濮院税务分局
    的电话) is one given in its own line or sentence: numbers listed for other offices (县人社局
    电话：…) or said in a sentence about another (…（桐乡市税务局纳税服务咨询电话）) are not it,
    and the answer says the document does not state it; an office listed with its number is
    answered."""
    from qa.engine import open_assistant
    from qa.verdict import gives_phone

    contact = ("服务地址：县零工市场（县政务服务中心一楼东侧）。\n"
               "政策咨询： 县人社局电话：0710-7232156 县就业创业服务中心电话：0710-7222388")
    assert not gives_phone(contact, "县零工市场的联系电话是多少")
    assert gives_phone(contact, "县就业创业服务中心的电话是多少")
    hall = ("如有疑问，可拨打12366纳税缴费服务热线或0573-88127366（桐乡市税务局纳税服务咨询电话）咨询。"
            " 濮院税务分局办税服务厅地址：濮院镇永乐路116号")
    assert not gives_phone(hall, "濮院税务分局的咨询电话是多少")
    assert gives_phone(hall, "办税的咨询电话是多少")
    doc = parse_text("云岭县稳岗扩就业措施\n"
                     "1.县零工市场免费提供岗位发布、求职登记等服务，地址：县政务服务中心一楼东侧。\n"
                     "2.对招用高校毕业生的企业，按每人1500元给予一次性扩岗补助。\n"
                     "政策咨询：\n县人社局　电话：0871-7232156\n县社会保险事业中心　电话：0871-7228615\n")
    assistant = open_assistant(doc, home=tmp_path, quiet=True)
    assert assistant.answer("县零工市场的联系电话是多少？").coverage == "partial"
    ans = assistant.answer("县社会保险事业中心的电话是多少？")
    assert ans.coverage == "answered" and "0871-7228615" in ans.answer


@pytest.mark.parametrize("question", [
    # where the asker was, at a time before now
    "我在东莞干了八年模具，现在回县里开个店，创业担保贷款个人最多能贷多少",
    "店里第一次被查出标签小问题当场改了，会罚款不？我在深圳那会儿直接罚了五百",
    # heard of elsewhere, while the question asks of here
    "在苏州那边听说开养老院得先拿设立许可，这边还要不要办",
    # the asker's business elsewhere beside the one here
    "我们在温州的厂子评过高企，这回在大宁新注册的公司第一次认定高企奖多少",
])
def test_a_place_the_asker_tells_of_does_not_scope_the_question(assistant, question):
    """A place in the asker's story — where they were before (那会儿, 干了八年 … 回县里)
    or what they heard of there, when the question asks of here (这边, 县里, 大宁) — is
    no place the question asks about: the document answers it."""
    v = assistant.verdict(question)
    assert v.foreign_places == () and v.coverage != "not_covered", v


def test_a_clause_asking_of_another_place_scopes_the_question_whatever_the_story(assistant):
    """However the asker places themselves here, a clause asking of another county
    (吉县那边…能贷多少) is out of scope; so is the asker's business elsewhere, told now."""
    for q in ("我在县里开饭店，老家吉县的，吉县那边创业担保贷款个人最多能贷多少",
              "以前在吉县打过工，现在吉县对专精特新企业奖励多少钱"):
        v = assistant.verdict(q)
        assert v.coverage == "not_covered" and v.foreign_places == ("吉县",), (q, v)


def test_a_figure_sentence_is_judged_on_the_words_asked_whatever_the_story(assistant):
    """The story's crops (连翘酸枣), which the row names in another sentence, say nothing
    against the sentence giving the scale asked (支持发展林下经济1000亩): the answer states it."""
    q = "打算回村包片荒山搞林下种植，种连翘酸枣那些，县里今年计划支持多大规模的林下经济"
    ans = assistant.answer(q)
    assert ans.coverage == "answered" and "1000亩" in ans.answer
    assert ("附件1", 11) in ans.cited_keys


def test_an_aside_needs_a_question_the_rows_speak_to(assistant):
    """An unknown word that barely moves the embedding is speech around the question only
    when the best rows state the rest of the asking clause or the story: 给推荐几本好看的小说
    leaves nothing they state, so 小说 is what is asked — and absent."""
    v = assistant.verdict("给推荐几本好看的小说")
    assert v.coverage == "not_covered" and "小说" in v.absent and v.asides == ()
    # speech around a question the rows do answer stays an aside
    v = assistant.verdict("我在镇上开了个小卖部 想在县城再开一家 办个营业执照连带刻章领税务ukey 一共要几天才能办下来")
    assert v.coverage != "not_covered"


def test_a_later_year_is_in_scope_where_the_measure_asked_speaks_of_it(assistant):
    """附件1 第39项 gives 2023年底 as the deadline of one measure (the 若干措施) and the
    高粱 subsidy in another, ongoing: 2023 asked of the subsidy is outside the document's
    period; asked of the measure that names it, or 2024 of the 苗木基地 its measure dates,
    it is in scope."""
    v = assistant.verdict("到了2023年，种高粱每亩还能补40元吗")
    assert v.coverage == "not_covered" and v.foreign_years == (2023,)
    for q in ("乡村e镇的若干措施2023年底前能出台吗", "秦脆苹果苗木基地2024年能出圃吗"):
        assert assistant.verdict(q).foreign_years == (), q


def test_a_fees_subsidy_is_named_by_the_fee(assistant):
    """展位费补贴: the fee names the kind of grant asked, which the document must name —
    展位 is no aside, however little it moves the question's embedding."""
    v = assistant.verdict("去外地参加农产品展销会，县里有展位费补贴吗")
    assert v.coverage == "partial" and "展位费补贴" in v.missing and "展位" not in v.asides


def test_a_number_naming_an_app_is_no_number_to_call(assistant):
    """附件1 第78项 has 交管“12123”手机APP — the app one opens, not a number to call: asked the
    交警大队's phone, the answer says the document gives none and quotes the row (partial),
    instead of answering as if 12123 were the number."""
    ans = assistant.answer("货车通行码老办不下来 县交警大队的电话多少")
    assert ans.coverage == "partial" and ans.answer.startswith("本文件没有写明电话号码")
    assert ("附件1", 78) in ans.cited_keys


def test_a_phone_number_states_no_time():
    """A span of years is two years (2020-2035); an area code and a number (0794-3223309)
    are no time a deadline question could be answered by."""
    from qa.match import STATES_TIME

    assert STATES_TIME.search("国土空间总体规划（2020-2035）") and STATES_TIME.search("截止2023-09-30")
    assert not STATES_TIME.search("联系电话：0794-3223309") and not STATES_TIME.search("热线0571-2022-2025")


def test_a_place_jieba_does_not_tag_is_one_when_spoken_of_as_there(assistant):
    """义乌 is tagged nz, not ns; said with 那边 it is a place the gazetteer knows — asked of,
    out of scope; told of (在义乌那边干了五年 … 回县里), the asker's story."""
    v = assistant.verdict("义乌那边首次认定的高企奖多少钱")
    assert v.coverage == "not_covered" and v.foreign_places == ("义乌",)
    assert assistant.verdict("我在义乌那边干了五年电商，现在回县里开网店，创业担保贷款个人最多贷多少").coverage == "answered"


def test_a_noun_the_gazetteer_names_once_is_a_place_where_a_place_stands(assistant):
    """运城 is tagged n, not ns: after 在 (去, 到, 从) or before 那边 it is where a place
    stands, and the gazetteer names one division so — asked of, out of scope; told of
    (在运城干了五年 … 回县里), the asker's story. A name several divisions share (城区,
    郊区, 矿区) is the common word it also is."""
    v = assistant.verdict("俺闺女在运城开了个裁缝店 运城那边大学生开店给啥补贴")
    assert v.coverage == "not_covered" and v.foreign_places == ("运城",), v
    told = assistant.verdict("我在运城干了五年餐饮，现在回县里开饭店，创业担保贷款个人最多贷多少")
    assert told.coverage == "answered" and told.foreign_places == ()
    assert assistant.verdict("在城区开个小超市，营业执照去哪办").foreign_places == ()


def test_questions_asked_one_per_sentence_are_judged_each_on_its_own(assistant):
    """Two questions in two sentences, each answered by one of the best rows: the 高企
    reward (一次性奖励10万元, 附件1 第84项) and the 加计扣除 share (由75%提高至100%, 附件2 第83项).
    Read as one clause, the first one's 奖励多少 asked money of the 加计扣除 row and the
    answer said no figure was given. A part naming nothing of its own (退还比例是多少 after
    the question it refers to) or a grant no figure sentence names (场地租赁补贴) still
    leaves the figure unstated."""
    ans = assistant.answer("我们厂今年第一次通过高新技术企业认定，县里给奖励多少？制造业研发费用加计扣除现在按多少比例？")
    assert ans.coverage == "answered", ans.answer
    assert "10万元" in ans.answer and "100%" in ans.answer
    assert {("附件1", 84), ("附件2", 83)} <= set(ans.cited_keys)
    assert assistant.answer("大学生开网店的场地租赁补贴一年能补多少钱？要交哪些材料？").coverage == "partial"


def test_a_count_asked_in_a_clause_closed_by_a_question_mark_is_asked(assistant):
    """几天能办完？到哪个窗口办？ asks how many days, though a question follows it: the
    asker closed the clause with ？. Read as "a few days" (几 before its noun, a question
    after it), the answer quoted no time at all; a clause telling what the asker did
    (我店里招了几个本地人？) is still their story."""
    from qa.intent import count_word

    assert count_word("开餐馆想把几个许可一起办，几天能办完？到哪个窗口办？") == "天"
    assert count_word("我店里招了几个本地人？有没有补贴") is None
    assert count_word("我帮几个个体户代账，增值税还用交不") is None
    ans = assistant.answer("想把营业执照、公章、发票这些一起办下来，几天能办完？去哪个部门办？")
    assert ans.coverage == "answered" and "0.5天" in ans.answer, ans.answer


def test_which_item_asks_an_ordinal_the_citation_gives(assistant):
    """在附件1是第几项 asks which item: the citation answers it. Read as a count of 项, the
    answer said the document states no such number (partial) though it cited the row."""
    from qa.intent import count_word

    assert count_word("在附件1是第几项") is None and count_word("一共有几项任务") == "项"
    ans = assistant.answer("拖欠民营企业账款的审计监督由哪个单位牵头？在附件1是第几项？")
    assert ans.coverage == "answered" and ("附件1", 97) in ans.cited_keys, ans.answer


def test_a_department_listing_asked_at_length_is_a_listing(assistant):
    """县公安局在这两份清单里牵头（含共同牵头）了哪几项任务？列一下序号和内容，方便建台账。 asks
    for 县公安局's rows: the bracket qualifies the role, the sentence after the question asks
    for a form, and 清单 names the documents (their titles' word) — none names a matter
    (台账, in a row, is the asker's ledger here). A matter named in the asking sentence
    (关于退税的任务) still makes it a question about that matter."""
    ans = assistant.answer("县公安局在这两份清单里牵头（含共同牵头）了哪几项任务？列一下序号和内容，方便建台账。")
    assert ans.answer.startswith("**县公安局牵头的条目**"), ans.answer
    assert {("附件1", 78), ("附件1", 100)} <= set(ans.cited_keys)
    assert not assistant.answer("县税务局牵头的关于退税的任务有哪些").answer.startswith("**县税务局")


def test_a_part_naming_only_a_column_is_asked_of_the_question_s_row(assistant):
    """…工作方案由哪个单位牵头制定，有没有配合单位？ asks the 配合单位 of the same row
    (附件2 第112项: 配合单位：—). Answered part by part, the second part pulled in another
    row's units (附件1 第43项), whose 配合 matched better: a part that names nothing but a
    column is asked of the question's row."""
    ans = assistant.answer("县处级领导干部联系民营企业工作方案由哪个单位牵头制定，有没有配合单位？")
    assert ans.cited_keys[0] == ("附件2", 112) and ("附件1", 43) not in ans.cited_keys, ans.answer


def test_a_place_asked_is_answered_by_the_column_or_sentence_naming_one(tmp_path):
    """到哪个窗口办 / 在哪儿 ask a place: the row's 办理地点 column (kept as a note) or its
    sentence naming one (服务地址：…) is quoted — before, the answer gave the unit and the
    time and never said where."""
    from qa.engine import open_assistant

    table = parse_text("云岭县“高效办成一件事”重点事项清单\n"
                       "序号\t事项名称\t牵头部门\t承诺办理时限\t办理地点\n"
                       "1\t开餐馆一件事（食品经营许可、户外招牌设置、消防安全检查集成办理）\t县行政审批局\t7个工作日\t"
                       "县政务服务中心三楼“一业一证”专窗\n"
                       "2\t企业破产信息核查一件事\t县人民法院\t15个工作日\t县人民法院诉讼服务中心\n"
                       "3\t员工录用一件事\t县人社局\t3个工作日\t县政务服务中心二楼人社窗口\n")
    ans = open_assistant(table, home=tmp_path / "a", quiet=True).answer(
        "开餐馆想把食品经营许可、招牌、消防一起办，几天能办完？到哪个窗口办？")
    assert "7个工作日" in ans.answer and "“一业一证”专窗" in ans.answer, ans.answer
    points = parse_text("云岭县稳岗扩就业措施\n"
                        "1.零工市场：县零工市场免费提供岗位发布、求职登记服务；每月10日、20日举办专场招聘会；"
                        "服务地址：县政务服务中心一楼东侧。\n"
                        "2.一次性扩岗补助：对招用高校毕业生的企业，按每人1500元给予补助。\n"
                        "3.技能培训补贴：取得初级工证书的补贴1000元。\n")
    ans = open_assistant(points, home=tmp_path / "b", quiet=True).answer("县零工市场在哪儿，专场招聘会哪几天办？")
    assert "一楼东侧" in ans.answer and "每月10日、20日" in ans.answer, ans.answer


def test_a_kind_a_quoted_row_writes_is_not_said_missing(assistant):
    """要不要先办设立许可？环评那套要不要做: the two best rows are on 环评 and never write 设立,
    but the third, which the answer quotes, says 取消养老机构设立许可制度 (附件1 第5项). The
    answer said 本文件没有写明关于设立许可的规定 over the very row that states it; a kind of
    licence one of the rows the answer may quote writes as asked is no kind left out."""
    ans = assistant.answer("想在镇上开个小养老院，要不要先办设立许可？环评那套要不要做")
    assert ans.coverage == "answered" and "没有写明" not in ans.answer
    assert "取消养老机构设立许可" in body(ans) and "附件1 第5项" in [c.label for c in ans.citations]


def test_which_form_to_fill_is_given_only_by_a_row_naming_one(assistant):
    """要填哪张表 asks a form by name. The rows on 食品经营许可 name none (一表申请 is no
    form's name), so the answer says the form is not written and quotes the nearest rule,
    instead of an answer that never mentions a form. A row naming a form of filing (填写
    《创业补贴申请表》) gives it; a table's own title (…任务分工表) does not."""
    from qa.verdict import detail_missing

    ans = assistant.answer("开饭店办食品经营许可证，要填哪张表")
    assert ans.coverage == "partial" and "表格" in ans.answer.split("\n")[0]
    q = read_question("申请一次性创业补贴要填什么表")
    assert detail_missing(q, "申请人填写《一次性创业补贴申请表》，到县人社局申领。") == ""
    assert detail_missing(q, "现将《2025年优化营商环境任务分工表》印发给你们。") == "表格"


def test_a_when_asked_of_a_row_with_its_own_time_is_answered_by_it(assistant):
    """非住宅房屋转移登记承诺几天办结？这项任务的完成时限是哪个月？ — the second part asks the
    time of the row the first part is about (附件1 第72项, 时间进度 2022年10月底), not of
    another row whose sentence shares its words: 附件2 第87项's 刻章备案…0.5个工作日内完成 and
    its 2022年6月底 were quoted and cited beside it. A row with a dated time column answers
    a when asked of it."""
    ans = assistant.answer("非住宅房屋转移登记承诺几天办结？这项任务的完成时限是哪个月？")
    assert [c.label for c in ans.citations] == ["附件1 第72项"]
    assert "2022年10月底" in body(ans) and "刻章" not in body(ans)


def test_a_thing_named_by_its_character_doubled_is_that_thing(assistant):
    """摊摊 is northern speech's small 摊 (点点 a 点): the row on stalls free for fruit
    growers (自产自销点，免费对本地果农…) states it — answered, not "没有写明与“摊摊”"."""
    ans = assistant.answer("听说县上给果农弄了些不要钱的摊摊，在哪里")
    assert ans.coverage == "answered" and "摊摊" not in ans.answer
    assert "〔附件2 第109项〕" in ans.answer


def test_a_count_stated_twice_differently_is_quoted_both_ways(assistant):
    """附件1 第45项 counts the night markets twice: 夜市2处 in its task, 夜市4处 in its
    measure. Asked how many (一共几处啊 — 几 before nothing but the particle that closes the
    question asks; it is no "a few"), the answer quotes both figures, each with its row: the
    document contradicts itself, and the asker must see it, not one figure chosen for them."""
    from qa.intent import count_word

    q = "听说城里弄了便民市场跟夜市 一共几处啊 去那摆摊办营业执照要钱不"
    assert count_word(q) == "处"
    assert count_word("我帮几个个体户代账，增值税还用交不") is None  # 几个 before its noun: a few
    b = body(assistant.answer(q))
    assert "夜市2处" in b and "夜市4处" in b and "免费为城区摊贩办理备案登记和营业执照" in b


def test_goods_named_by_the_matter_the_document_acts_against(assistant):
    """假货 is filed by the thesaurus with 冒牌货 and 假冒伪劣品: goods (品) named by the
    matter the document writes of (制售假冒伪劣, 附件2 第106项). "卖假货的谁管" had been refused
    as a topic the document lacks; the bridge names the goods' matter, so it is answered."""
    for q in ("卖假货的谁管", "谁管卖冒牌货的"):
        ans = assistant.answer(q)
        assert ans.coverage == "answered", q
        assert ("附件2", 106) in ans.cited_keys and "县市场监管局" in body(ans)


def test_whether_there_is_a_grant_is_answered_by_the_sentence_naming_it(assistant):
    """介绍成功了有补贴吗 asks whether there is a grant: the sentence naming it (给予人力资源服务
    机构职业介绍补贴, 附件2 第49项) answers, beside the figures the other part asks (每人不超过800元)
    — which match the part's words (介绍成功) better and had been its only quotes."""
    b = body(assistant.answer("想开个小劳务中介帮村里人介绍工作，介绍成功了有补贴吗？介绍到省外的一个人给多少"))
    assert "职业介绍补贴" in b and "每人不超过800元" in b


def test_a_count_asked_cites_every_best_row_stating_that_figure(assistant):
    """县城有几个夜市 — 几个 before its noun, closing its clause, with no one telling it — asks
    how many (not "a few", as 我帮几个个体户代账 and 俺村有几个贫困户 are). 附件2 第109项 states the
    same figure of the same thing (设置夜市4处) as the quoted 夜市4处 of 附件1 第45项: it is cited
    with that quote; it had been listed among the related rows only."""
    from qa.intent import count_word

    q = "晚上不跑车了想跟媳妇去夜市摆个摊 县城有几个夜市 办执照收钱不"
    assert count_word(q) == "个"
    assert count_word("俺村有几个贫困户 能申请不") is None and count_word("招了几个人 有补贴没") is None
    ans = assistant.answer(q)
    assert {("附件1", 45), ("附件2", 109)} <= set(ans.cited_keys)
    assert "夜市4处" in body(ans)


def test_a_part_with_a_word_the_document_lacks_leaves_the_rest_answered(assistant):
    """新盘了个门面开面馆 要接自来水跟天然气 得等多少天 拉管子要不要俺自己出钱 asks two things: the
    days a hookup takes, which the document states (附件2 第95项, 附件1 第30项), and whether one
    pays for the pipe — 管子, a word it never uses. One part absent is not the whole question
    absent: partial, saying what is not there, with the hookup days quoted (it had been 未涉及)."""
    ans = assistant.answer("新盘了个门面开面馆 要接自来水跟天然气 得等多少天 拉管子要不要俺自己出钱")
    assert ans.coverage == "partial" and not ans.abstained
    assert "管子" in ans.answer.split("\n", 1)[0]
    assert "用水报装压缩在2个工作日内完成" in body(ans)
    # a question whose every part names what the document lacks stays not covered
    assert assistant.answer("我家孩子想上县一中 学费多少 找谁").coverage == "not_covered"


def test_a_yes_no_asked_of_a_thing_is_answered_by_every_best_row_saying_so(assistant):
    """刻章要花钱不 is answered by 附件1 第21项 (首次刻制公章…免费); 附件2 第87项 and 第88项 say so
    too, in a sentence stating both what the part names (刻章, 花钱 as 免费): 为新设立企业和
    “个转企”成功企业免费刻制印章 — quoted, and both rows cited (第88项 had been listed as
    related only, and 第87项 quoted for the UKey alone)."""
    ans = assistant.answer("想把修车铺注册成公司，刻章要花钱不？那个税务ukey呢")
    assert {("附件1", 21), ("附件2", 87), ("附件2", 88)} <= set(ans.cited_keys)
    assert "免费刻制印章" in body(ans)


def test_a_closing_negation_asks_whether_and_names_nothing(assistant):
    """有补贴没, 能贷款没: 没, tagged a verb, closes the clause to ask whether. The thesaurus
    files it among the negating adverbs (Ka18): it is no one-character verb standing for
    没有 — which had been the question's weightiest concept (a word rare in the rows)."""
    for q in ("有补贴没", "创业贷款能贷没"):
        concepts = [alts for alts, _ in assistant.matcher.concepts(q)]
        assert not any("没有" in alts for alts in concepts), q


def test_owing_money_is_the_documents_arrears(assistant):
    """欠钱, a word the thesaurus lacks, is 欠 done in money; of 欠's senses (bending, owing,
    lacking) the one its own words with money are filed in (欠账, 欠债) is meant: 拖欠, which
    the document writes (防范化解拖欠中小企业款项问题, 附件1 第97项, 县审计局)."""
    ans = assistant.answer("单位欠钱不还找谁")
    assert ("附件1", 97) in ans.cited_keys
    assert "县审计局" in body(ans)


def test_a_rent_grant_asked_is_the_documents_rent_grant(assistant):
    """房租 of 房租能补贴不 is the kind of grant asked; the thesaurus files it a kind of 租 (rent),
    a character few rows hold: the documents' words holding 租 (租赁 of 场地租赁补贴, 附件2
    第50项) state it — the grant asked — where the word alone had matched only 附件2 第66项's
    无房租 (a factory rent-free: no grant)."""
    concepts = dict(assistant.matcher.concepts("租了个小门面开店 房租能补贴不"))
    assert any("房租" in alts and "租赁" in alts for alts in concepts)
    # the word said without a grant keeps to itself
    assert any(alts == ("房租",) for alts in dict(assistant.matcher.concepts("房租太贵了 找谁反映")))
    ans = assistant.answer("刚毕业两年 在县城租了个小门面开店 房租能补贴不")
    assert ("附件2", 50) in ans.cited_keys and "场地租赁补贴" in body(ans)


def test_a_few_in_a_question_of_whether_asks_no_figure(assistant):
    """几 in a clause asking whether (一个执照能管几个点不: can it cover a few) or in one asking
    nothing else before a question (像我这种毕业几年的大学生自己出来干，房租能给补点不) says "a few",
    as count_word reads it: no figure is asked, so none is missing — both had been partial
    ("本文件没有写明具体的数额或比例"). 几 asking on its own (补贴几个月, 县城有几个夜市) asks."""
    from qa.intent import few_told

    assert few_told("一个执照能管几个点不") == "一个执照能管些个点不"
    assert "几" not in few_told("像我这种毕业几年的大学生自己出来干，房租能给补点不")
    for asked in ("补贴几个月", "县城有几个夜市，办执照收钱不", "一次性补贴能给几千块"):
        assert few_told(asked) == asked
    ans = assistant.answer("一个执照能管几个点不？想在旁边村里再设个代收点，还得重新办照？")
    assert ans.coverage == "answered" and ("附件1", 24) in ans.cited_keys


def test_paying_words_the_thesaurus_lacks_ask_the_fee(assistant):
    """要钱, 收钱, 掏钱 are not in the thesaurus; their verbs are one of needing (要: 须要) or
    one whose own money words it files under paying and collecting (收费, 掏钱): like 花钱,
    they ask the fee — stated by the documents' fee words (免费刻制印章, 附件2 第88项) — not a
    matter of their own, which no row writes (刻章要钱不 had quoted 刻章备案制 alone)."""
    from qa.thesaurus import pays_money

    assert all(pays_money(w) for w in ("要钱", "收钱", "掏钱", "付钱", "花钱", "交钱"))
    assert not any(pays_money(w) for w in ("罚钱", "退钱", "欠钱", "借钱", "挣钱", "给钱", "本钱"))
    ans = assistant.answer("打算注册个小公司，执照公章发票这一套弄下来得几天？刻章要钱不")
    assert ("附件2", 88) in ans.cited_keys and "免费刻制印章" in body(ans)


def test_a_settlement_with_a_localizer_is_who_grants_not_a_topic(assistant):
    """县上 (dialect for 县里), 镇上, 城里: a unit of administration or a settlement (the
    thesaurus's Di02B, Cb25) with 里 or 上 names the authorities there or where the asker is,
    never a topic the document leaves out — 种高粱县上一亩补多钱 had been partial for 县上."""
    from qa.question import is_locative

    assert all(is_locative(w) for w in ("县上", "镇上", "乡里", "城里"))
    assert not any(is_locative(w) for w in ("公里", "心里", "网上", "马上", "路上"))
    ans = assistant.answer("卖化肥农药的，自己还种了三十来亩高粱，种高粱县上一亩补多钱")
    assert ans.coverage == "answered" and "高粱种植补贴每亩40元" in body(ans)


def test_a_few_years_followed_by_what_was_done_in_them_is_told(assistant):
    """在外头打工几年攒了点钱: the clause goes on past 几年 to what was done in them (攒了), so
    the years are told, not asked — the question is 县里对民宿有啥支持没, and 附件2 第49项's
    amounts for labour placement no longer answer an "amount" the story seemed to ask."""
    from qa.question import read_question

    read = read_question("在外头打工几年攒了点钱，想回来在二郎山景区边上搞个民宿，县里对民宿有啥支持没")
    assert "打工" not in read.asking and "民宿" in read.asking
    ans = assistant.answer("在外头打工几年攒了点钱，想回来在二郎山景区边上搞个民宿，县里对民宿有啥支持没")
    assert ("附件1", 40) in ans.cited_keys and ("附件2", 49) not in ans.cited_keys
    # a few asked on its own still asks
    assert "几年" in read_question("创业担保贷款能贷几年").asking


def test_a_round_figure_told_is_the_story(assistant):
    """承包了几百亩坡地种连翘: 几 with a place value (几百, 几千, 几万) told after a verb with its 了
    is a round figure of the asker's story, not a how-many — the question is what follows
    (林权证能拿去银行贷款吗), not how many mu; asked on its own it still asks."""
    from qa.question import read_question

    q = "在山上承包了几百亩坡地种连翘，想扩大没钱，手里也没房子能抵押，林权证能拿去银行贷款吗，这事归哪个部门管"
    assert "承包" not in read_question(q).asking
    assert "几万" in read_question("去年投了几万块买设备，想问问县里对技改有没有补贴，给几万").asking


def test_a_certificate_of_a_matter_the_document_writes_is_that_matter(assistant):
    """林权证, a word the thesaurus lacks, ends in a character it files as a certificate (证:
    Bp19B) after a matter the document writes (林权): it bridges to that matter, so the
    sentence pledging 林权 for loans is quoted (附件1 第11项). A certificate of a quality
    (健康证: the document's 健康 is of development) bridges to nothing."""
    rel = assistant.matcher.relevance
    assert rel.bridge("林权证") == "林权"
    assert rel.bridge("健康证") != "健康"
    # a certificate the thesaurus files as a thing of its own is no mere matter (考驾照能用电子
    # 身份证吗: the document's 身份 is not the identity card)
    assert rel.bridge("身份证") != "身份"
    ans = assistant.answer("在山上承包了几百亩坡地种连翘，想扩大没钱，手里也没房子能抵押，林权证能拿去银行贷款吗，这事归哪个部门管")
    assert "以林权、固定资产、公益林补偿收益等办理抵押、质押贷款" in body(ans) and "县林业局" in body(ans)


def test_a_bare_grant_asks_of_the_storys_matter_not_of_the_askers_works_or_an_office(assistant):
    """县里给奖励不 names nothing but the grant, so it asks of the story's matter — but the
    asker's works (砖厂, a kind of 厂) and an office of the story (统计局) are not what a
    grant is for: the story's 规上 is, which the document states (附件2 第55项). Before,
    with 县里 read as a topic, the rule never fired here; read as who grants, it had made
    砖厂 and 统计局 the unstated matter (partial)."""
    v = assistant.verdict("俺那砖厂今年产值上去了，统计局说要把我们算进规模以上企业，县里给奖励不？给多少")
    assert v.coverage == "answered"



def test_a_modal_glued_to_its_verb_is_never_a_topic(assistant):
    """能领多少钱: the tagger glues 能 to 领 into a word no dictionary has and tags it a noun —
    a verb asked with its modal, not a topic: the clause has no content of its own and asks
    of the one before it (听说有…补贴), whose matter is what the amount is of."""
    from qa.question import modal_glued, read_question

    assert modal_glued("能领") and modal_glued("能贷") and not modal_glued("可以")
    read = read_question("我在县城开了个民宿，听说有民宿装修补贴，能领多少钱？")
    assert "能领" not in read.topics and "装修" in read.asking


def test_this_kind_of_matter_points_back_to_the_clause_before(assistant):
    """这种事县里有人管没: 这种 before a noun the thesaurus files first as a matter (事: Da01)
    stands for what was just said, as 这合规吗 does — the clause before it (钱拖了大半年都没给)
    is asked too. A noun of its own after 这 (这契税能免不) is no pointing back."""
    from qa.question import read_question

    assert "拖了" in read_question("给县里一个单位做了一批工作服 钱拖了大半年都没给 这种事县里有人管没").asking
    assert "这种情况" in read_question("我家门面被人占了 这种情况找谁").asking
    assert read_question("俺家药店现在是个体户 想转成公司 门面房是自家的 过户到公司名下 这契税能免不").asking == "这契税能免不"


def test_a_set_phrase_opening_with_a_thing_names_a_topic(assistant):
    """烟草专卖: jieba tags it a set phrase (l), the thesaurus lacks it; it opens with a noun
    the thesaurus files as a thing (烟草) — a topic, which the document never names: the
    question is flagged, not answered from the 行业综合许可 row. Set phrases of speech (真的假,
    由谁来) open with no noun."""
    from qa.question import Word

    assert Word("烟草专卖", "l").topic and not Word("真的假", "l").topic and not Word("由谁来", "l").topic
    assert assistant.answer("开小卖部想顺带卖烟，烟草专卖许可证多久能批下来").coverage != "answered"


def test_a_condition_before_the_question_is_asked_with_it(assistant):
    """要是整个厂迁到大宁，县里给啥奖励: the condition says what the grant would be for, so it
    is asked with the clause after it — the bare grant no longer takes the story's product
    (光学镜片, which the document never names) for the grant's matter (it had made the answer
    partial "没有写明与镜片有关的内容" above the rule for companies moving in, 附件1 第83项)."""
    from qa.question import asked_part

    q = "我们是杭州的国家高新技术企业，做光学镜片的。要是整个厂迁到大宁，县里给啥奖励？"
    assert "迁到大宁" in asked_part(q)
    ans = assistant.answer(q)
    assert ans.coverage == "answered" and "附件1 第83项" in [c.label for c in ans.citations]


def test_a_thing_counted_is_content_of_a_question_closed_with_a_question_mark(assistant):
    """以后一张证就行？ asks whether one licence will do: 一张 before 证 makes it a thing spoken
    of though 证 is one character, so the sentence closed with ？ is a part of its own — and the
    answer quotes the row saying several licences become one (行业综合许可证), not only when."""
    from qa.question import asking_parts

    q = "开饭店的证办了一堆，听说要搞一业一证，以后一张证就行？啥时候能弄好"
    assert any("一张证" in p.text for p in asking_parts(q))
    ans = assistant.answer(q)
    assert "行业综合许可证" in ans.answer and "2022年12月" in ans.answer
def test_a_year_written_as_a_date_is_no_count_of_years():
    """几年 asks a span: 贷款期限不超过3年 states one, 2022年末 (a date) does not."""
    from qa.intent import states_count

    assert states_count("贷款期限不超过3年", "年") and states_count("连续两年保持在库", "年")
    assert not states_count("2022年末，创业担保贷款余额增长幅度高于30%", "年")
    assert not states_count("二〇二二年底前完成", "年")


def test_a_few_years_ahead_asks_no_count():
    """想提前算算后面几年的 (the next few years: 几 after 后面, a position in time, as after 前 or 近)
    asks no count of years — read as one, 延长至2025年底 had been no answer to 执行到啥时候截止."""
    from qa.intent import count_word

    assert count_word("想提前算算后面几年的") is None and count_word("贷款能贷几年") == "年"


def test_a_sum_asked_cites_no_row_giving_only_a_target(assistant):
    """最多给贷多少钱 贷几年 is answered by the loan's terms (附件1 第86项, 附件2 第7项: 个人贷款不超过
    30万元，贷款期限不超过3年); the row on the loans' growth (附件1 第87项: 2022年末…余额增长幅度高于
    30%) gives neither a sum nor a span — its 2022年 read as a count of years had cited it."""
    ans = assistant.answer("想开个理发店手头紧 县里那个创业贷款最多给贷多少钱 贷几年")
    labels = [c.label for c in ans.citations]
    assert "30万元" in ans.answer and "附件1 第86项" in labels and "附件1 第87项" not in labels


def test_a_price_asked_is_stated_only_by_a_sum_naming_it(assistant):
    """租金一年多少钱 asks a rent (the thesaurus files 租金 among rents): the 轻工业园区 row's
    总投资1.6188亿元 is the project's cost, no rent, so the answer says the document gives no
    such figure — while a grant asked (房租能补多少) is not held to the word 房租."""
    from qa.thesaurus import names_a_price

    assert names_a_price("租金") and names_a_price("学费") and not names_a_price("补贴") and not names_a_price("税")
    ans = assistant.answer("轻工业园区二期的标准化厂房建好了吧，租金一年多少钱")
    assert ans.coverage == "partial" and "附件1 第34项" in [c.label for c in ans.citations]


def test_the_same_task_in_the_other_attachment_is_cited_though_it_gives_no_figure(assistant):
    """简易注销 公示几天 is answered by 附件2 第93项 (公示时间由45天压减为20天); 附件1 第23项 states the
    same task (压缩简易注销公示时间) without the figure — the asker may quote either, so both are
    cited, as 半日结 is beside 0.5个工作日 — where its sentence states every concept the figure's
    does: 建立“全代办”工作台账 (附件2 第97项) does not state 全代办完成件数不低于50件's 完成."""
    ans = assistant.answer("小店没干下去想注销掉，现在简易注销公示到底几天")
    labels = [c.label for c in ans.citations]
    assert "20天" in ans.answer and labels[:2] == ["附件2 第93项", "附件1 第23项"]
    assert [c.label for c in assistant.answer("全代办今年要完成多少件").citations] == ["附件1 第35项"]
def test_a_part_naming_no_topic_asks_of_the_one_before_it(assistant):
    """有啥条件 after 头一回创业听说有一次性补贴，能给多少钱 asks the subsidy's conditions: its
    sentences are those stating them of the subsidy (对符合条件的首次创业人员…一次性创业补贴), not
    the loan's (…可申请创业担保贷款, restated by 附件2 第7项, which was then cited)."""
    from qa.question import asking_parts

    parts = asking_parts("头一回创业听说有一次性补贴 能给多少钱 有啥条件")
    assert [p.about for p in parts] == ["头一回创业听说有一次性补贴"] * 2
    assert [p.about for p in asking_parts("房租政府给补贴不 社保能补不")] == ["", ""]
    # (the topic named in the sentence before: 有那种一次性创业补贴？能给多少钱)
    assert asking_parts("是不是有那种一次性创业补贴？能给多少钱")[-1].about == "是不是有那种一次性创业补贴"
    ans = assistant.answer("娃去年大学毕业回来 在网上卖咱大宁的小米 注册了个体户 头一回创业听说有一次性补贴 能给多少钱 有啥条件")
    labels = [c.label for c in ans.citations]
    assert "附件1 第86项" in labels and "附件2 第7项" not in labels and "可申请创业担保贷款" not in ans.answer


def test_a_question_word_before_ye_dou_and_a_negation_asks_nothing(assistant):
    """啥也不懂 (know nothing: 啥 before 也 and 不 is "any") tells the asker's story: 新手开店啥也不懂
    was a part of its own, whose words cited a row on opening a shop (附件1 第21项) beside the
    answer to 第一次会直接罚款吗 (附件1 第98项, 首次不罚)."""
    from qa.intent import asks
    from qa.question import asking_parts

    assert not asks("新手开店啥也不懂") and not asks("谁都不管") and asks("啥都能办吗") and asks("有什么条件")
    ans = assistant.answer("新手开店啥也不懂 万一哪里不规范被市场监管查到 第一次会直接罚款吗")
    labels = [c.label for c in ans.citations]
    assert labels[0] == "附件1 第98项" and "附件1 第21项" not in labels
    # (万一哪里不规范被查到 is the question's condition: its 哪里 is "anywhere", no part of its own)
    parts = asking_parts("新手开店啥也不懂 万一哪里不规范被市场监管查到 第一次会直接罚款吗")
    assert [p.text for p in parts] == ["第一次会直接罚款吗"]


def test_things_listed_before_the_question_are_each_asked(assistant):
    """刻公章、领那个税务UKey要交钱不 asks of both things listed with 、 (not only of the UKey, the
    clause holding the question word), and of each: 附件2 第88项's 免费刻制印章 answers the seal, as
    附件1 第21项 answers both — so it is quoted and cited too."""
    from qa.question import asked_part, each_listed

    assert asked_part("第一次注册公司，刻公章、领那个税务ukey要交钱不？网上有人说要好几百") == "刻公章、领那个税务ukey要交钱不"
    assert each_listed("刻章和ukey收钱不") == ["刻章收钱不", "ukey收钱不"]
    assert each_listed("刻公章跟领税务ukey还要自己掏钱不") == ["刻公章还要自己掏钱不", "领税务ukey还要自己掏钱不"]
    ans = assistant.answer("第一次注册公司，刻公章、领那个税务ukey要交钱不？网上有人说要好几百")
    labels = [c.label for c in ans.citations]
    assert {"附件1 第21项", "附件2 第87项", "附件2 第88项"} <= set(labels) and "免费刻制印章" in ans.answer


def test_a_grant_asked_by_its_verb_is_of_the_kind_named(assistant):
    """房租能补点不 asks a rent grant by its verb (补点: a little granted), as 房租补贴 names it:
    the rows' 场地租赁补贴 states it (附件2 第50项) — not a row matching only the story's 一年
    (签订一年以上劳动合同…每人不超过800元, 附件2 第49项); 补交 (paying what is owed) grants nothing."""
    from qa.match import _grant_of

    assert _grant_of("房租", "房租能补点不") and _grant_of("房租", "能补点房租不")
    assert not _grant_of("社保", "社保能补交不")
    ans = assistant.answer("驿站门面房租一年好几万，我是毕业没几年自己干的，能补点房租不")
    assert ans.cited_keys == [("附件2", 50)] and "场地租赁补贴" in ans.answer


def test_a_licence_asked_of_nothing_named_is_of_the_topic_before(assistant):
    """要先办什么许可吗 names only the kind of thing granted (许可, as 补贴 or 执照 would be): it asks
    the licence of the matter named before it (弄个小养老院) — 附件1 第5项's 取消养老机构设立许可制度
    answers it, where the part's own word matched only 排污许可 (the 环评 rows the other part asks)."""
    from qa.question import asking_parts

    parts = asking_parts("俺打算把老宅子改一改，弄个小养老院，要先办什么许可吗？环评要做不")
    assert [p.about for p in parts if "许可" in p.text] == ["弄个小养老院"]
    ans = assistant.answer("俺打算把老宅子改一改，弄个小养老院，要先办什么许可吗？环评要做不")
    labels = [c.label for c in ans.citations]
    assert "附件1 第5项" in labels and "取消养老机构设立许可制度" in ans.answer and "附件1 第76项" in labels



def test_a_division_addressed_with_its_parent_is_another_place(assistant):
    """临汾尧都区 is 尧都区 addressed with its parent city: 临汾 before it is that district's address,
    not the document's own city placing the question here — 尧都区, a sibling of 大宁县, is out of
    scope where the asker places the question (在临汾尧都区开了个汽修铺 … 他们那边); a town addressed
    with the document's own county (大宁县昕水镇) is inside it."""
    ans = assistant.answer("俺表哥在临汾尧都区开了个汽修铺 他们那边新开店刻公章领UKey也免费不")
    assert ans.coverage == "not_covered" and "尧都区" in ans.answer, ans.answer
    ans = assistant.answer("我在大宁县昕水镇开了个小卖部，能免费刻公章吗")
    assert ans.coverage == "answered" and "免费刻制" in ans.answer, ans.answer


def test_a_thing_a_grant_is_asked_for_is_what_is_asked(assistant):
    """考驾照县里能给补贴不 asks a grant for the licence (驾照, a thing the thesaurus files as an
    object): the word the document never writes is what the grant is for, not speech around the
    question — never answered with the rows' other 补贴 (职业介绍补贴, 快件补贴) as if they were it."""
    from qa.relevance import _GRANT_FOR

    assert _GRANT_FOR.search("有没有补贴") and _GRANT_FOR.search("县里能给补贴不") and not _GRANT_FOR.search("丢了咋补办")
    ans = assistant.answer("儿子想考个驾照去跑车，考驾照县里能给补贴不")
    assert ans.coverage != "answered" and "驾照" in ans.answer.split("\n")[0], ans.answer


def test_a_row_stating_only_a_grant_is_another_grants(assistant):
    """有没有奖励 names nothing but a grant: it asks of the story's matter (搞直播带货). 附件1 第65项
    answers (直播带货…择优给予资金奖励); 附件2 第49项's 补助标准每人不超过1000元 states a sum but of the
    创业补贴 — a row whose sentence states no concept of the question but a grant is not cited."""
    ans = assistant.answer("我家小超市生意一般 也想搞搞直播带货 县里支持不 有没有奖励")
    labels = [c.label for c in ans.citations]
    assert labels[0] == "附件1 第65项" and "附件2 第49项" not in labels, labels


def test_an_area_asked_by_its_noun_is_stated_in_an_areas_units():
    """扶持多大面积 asks an area: 支持发展林下经济1000亩 states it (亩, as 平方米 or 公顷 would),
    however weakly the sentence shares the clause's other words; a row with no area leaves it out."""
    from qa.relevance import figure_missing

    row = "支持发展林下经济1000亩，提高农民林下经济生产的积极性。"
    assert figure_missing("县里今年打算扶持多大面积", "amount", row, weak_match=True) == ""
    assert figure_missing("厂房面积有多大", "amount", "总建筑面积32370.86平方米", weak_match=True) == ""
    assert figure_missing("县里今年打算扶持多大面积", "amount", "支持发展林下经济，提高农民积极性。") == "amount"


def test_a_verb_of_giving_names_no_kind_of_grant(assistant):
    """快件还给补贴 says the parcels are also given a subsidy: jieba joins 还 and 给 into one verb
    (还给, "give back"), which names no kind of 补贴 — the answer is not partial for a 还给补贴 the
    document never names."""
    ans = assistant.answer("往村里送的快件还给补贴，这事啥时候能做到全覆盖")
    assert ans.coverage == "answered" and "附件1 第81项" in [c.label for c in ans.citations], ans.answer


def test_a_clause_of_verbs_names_no_topic(assistant):
    """县里能帮着解决不 names nothing but help (帮, 解决: verbs): it asks of the clause before it that
    names a thing (以后扩产要厂房的话) — Part.about — so the second rule asked, 附件2 第66项 (增资扩产…
    厂房), is cited beside the reward (附件2 第55项)."""
    from qa.question import asking_parts

    q = "要是进了规上，县里奖多少钱？以后扩产要厂房的话，县里能帮着解决不？"
    assert [p.about for p in asking_parts(q)][-1] == "以后扩产要厂房的话"
    labels = [c.label for c in assistant.answer(q).citations]
    assert {"附件2 第55项", "附件2 第66项"} <= set(labels), labels


def test_a_word_of_several_senses_takes_the_one_beside_the_questions_other_words(assistant):
    """牌子 is a sign, a brand or a tune: the thesaurus gives it four senses, so it bridges by none
    alone — but the documents write 商标 (牌子's synonym as a brand) in a row beside 假冒伪劣, their
    word for the question's 假货: that row tells the sense meant, and 牌子 is no absent topic."""
    rel = assistant.relevance
    assert rel._sense_beside("牌子", ("假冒伪劣",)) == "商标"
    assert rel._sense_beside("牌子", ()) == "" and rel._sense_beside("牌子", ("农机",)) == ""


def test_the_askers_own_thing_is_no_evidence_of_absence(assistant):
    """有人冒用我家核桃的牌子做假货卖，找哪个部门管: 核桃 is the asker's own (我家), the setting of what
    is asked like their shop — the documents never naming it is no evidence that the question's
    topic (假货, 牌子: the 假冒 rows) is absent: partial at worst, never not covered."""
    ans = assistant.answer("有人冒用我家核桃的牌子做假货卖，找哪个部门管")
    assert ans.coverage != "not_covered", ans.answer


def test_the_askers_own_act_names_a_topic_the_givers_does_not():
    """县里能帮着解决不: what the giver (县里) does names nothing of its own — it is done of the matter
    named before; 还用不用自己去申请: the asker's own act (申请) is the part's topic."""
    from qa.question import _names_topic

    assert not _names_topic("县里能帮着解决不") and _names_topic("还用不用自己去申请")
