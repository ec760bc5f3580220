"""The chat's text handling without a browser: what the chat shows, what the engine
reads, what the copy button copies (issue 14, items 1 and 5)."""

from __future__ import annotations

from ui.app import chat_messages, engine_history, message_text
from ui.render import answer_plain, plain_markdown


def test_message_text_reads_gradio_content_parts():
    # Gradio 6 hands retry and history content parts, not strings
    assert message_text("高企认定奖励多少") == "高企认定奖励多少"
    assert message_text([{"text": "高企认定奖励多少", "type": "text"}]) == "高企认定奖励多少"
    assert message_text({"type": "text", "text": "期限呢？"}) == "期限呢？"
    assert message_text(None) == ""


def test_a_question_is_shown_as_typed():
    q = "[链接](http://example.com) ![图](http://e.com/x.png) **粗** <b>x</b> 1. www.a.cn"
    md = plain_markdown(q)
    # every Markdown character escaped, HTML as entities: no link, image, emphasis or tag
    for raw in ("[链接]", "](", "![", "**", "<b>", "http://", "www."):
        assert raw not in md
    assert "\\[链接\\]\\(http\\:" in md and "&lt;b&gt;" in md


def test_answers_are_plain_text_for_the_chat_copy_and_terminal():
    ans = "“一次性奖励10万元。”〔附件1 第84项〕\n\n**相关条目**：\n- 〔附件2 第81项〕 遴选一批…"
    assert answer_plain(ans) == "“一次性奖励10万元。”〔附件1 第84项〕\n\n相关条目：\n- 〔附件2 第81项〕 遴选一批…"


def test_chat_shows_sources_under_each_answer_and_engine_reads_plain_turns():
    turns = [{"question": "高企*奖励*", "answer": "**相关条目**：x〔附件1 第84项〕", "labels": ["附件1 第84项"],
              "sources": "#### 〔附件1 第84项〕", "rated": False},
             {"question": "吉县呢", "answer": "本文件未涉及这个问题。", "labels": [], "sources": "", "rated": False}]
    shown = chat_messages(turns)
    assert [m["role"] for m in shown] == ["user", "assistant", "assistant", "user", "assistant"]
    assert shown[0]["content"] == "高企\\*奖励\\*"
    assert shown[1]["content"] == "相关条目：x〔附件1 第84项〕"
    assert shown[2]["metadata"]["status"] == "done" and "〔附件1 第84项〕" in shown[2]["metadata"]["title"]
    assert engine_history(turns) == [
        {"role": "user", "content": "高企*奖励*"}, {"role": "assistant", "content": "**相关条目**：x〔附件1 第84项〕"},
        {"role": "user", "content": "吉县呢"}, {"role": "assistant", "content": "本文件未涉及这个问题。"}]


def test_a_row_shows_the_fields_it_has():
    from ingest import load_document, parse_text
    from ui.render import row_markdown, row_text

    built_in = load_document(None).rows[0]
    # a task-list row: every column, an empty cell as —
    text = row_text(built_in)
    for field in ("主要任务：", "牵头单位：", "配合单位：", "落实措施：", "时间进度：", "年度目标和效果："):
        assert field in text
    assert "| # | 落实措施 | 时间进度 | 年度目标和效果 |" in row_markdown(built_in)
    d = parse_text("第一条 为支持小微企业发展，制定本办法。\n第二条 对新开办企业给予一次性补助5000元。"
                   "（责任单位：县财政局、县人社局）\n第三条 本办法自发布之日起施行。\n")
    article, measure, _ = d.rows
    # an article: its text, no empty unit or measure columns it never had
    assert row_text(article).splitlines() == ["〔第一条〕", "  为支持小微企业发展，制定本办法。"]
    assert "牵头单位" not in row_markdown(article) and "落实措施" not in row_markdown(article)
    # units the document marks only as 责任单位: no 配合单位 column it does not have
    text = row_text(measure)
    assert "责任单位：县财政局、县人社局" in text and "配合单位" not in text and "落实措施" not in text
    md = row_markdown(measure)
    assert "**责任单位**：县财政局、县人社局" in md and "配合单位" not in md
