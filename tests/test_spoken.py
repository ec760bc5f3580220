"""Questions said aloud: a question typed by voice comes as one run without a comma, its
pauses (嗯, 啊) and what the speaker heard (听人说) where its clauses end; a figure asked per
head of something (一头母牛补多少钱) is asked of that thing."""

from __future__ import annotations

from qa.question import read_question, spoken_clauses

_SAID = ("那个我是在村里开小卖部的干了好些年了嗯现在想进点烟酒饮料手头有点紧"
         "听人说有那个创业担保贷款像我这样的个人最多能贷多少钱能贷几年啊")


def test_a_question_typed_by_voice_is_read_clause_by_clause():
    said = spoken_clauses(_SAID)
    assert said.replace("，", "") == _SAID
    assert "嗯，" in said and "，听人说" in said
    asked = read_question(_SAID).asked
    # the clause that asks is the one after what was heard — the shop and its stock are the story
    assert asked.startswith("听人说") and "创业担保贷款" in asked
    assert "小卖部" not in asked and "烟酒" not in asked


def test_a_written_question_keeps_its_own_clauses():
    for text in ("我在村里开小卖部，听人说有创业担保贷款，个人最多能贷多少？", "创业担保贷款 个人 额度",
                 "个人创业担保贷款最多能贷多少"):
        assert spoken_clauses(text) == text


def test_a_voice_question_on_a_loan_is_answered_with_its_figures(assistant):
    ans = assistant.answer(_SAID)
    assert ans.coverage == "answered"
    assert "个人贷款不超过30万元" in ans.answer and "贷款期限不超过3年" in ans.answer


def test_what_a_figure_is_asked_per_is_a_topic_not_an_aside(assistant):
    """一头母牛补多少钱 asks a grant per cow: the document has none — the answer says what it
    does not state instead of quoting another grant's figures as if they were the answer."""
    ans = assistant.answer("我家养了二十来头牛，听说养母牛国家有补贴，咱县里一头母牛补多少钱？")
    assert ans.coverage != "answered"
    assert "母牛" in ans.answer.split("\n", 1)[0]
