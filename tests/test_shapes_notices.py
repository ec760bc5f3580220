"""More shapes as found on county web pages and in Word or PDF copies, written for these
tests: a 政策解读 in 问：/答： whose answers list points 1. 2. 3.; an 实施方案 hard-wrapped by
a PDF viewer (numbers cut at the line's end, a definition starting 本方案所称… under a
heading that is not the last); a 公示 of who gets what (序号 / 名称 / 乡镇 / 补助金额（万元）)
with its notice above the list and its notes (注：1.…) below; a list of policies naming
its 主管部门; a table drawn with box borders (┌─┬─┐ │…│). And two answers they need: the
one item asked for by its title, shown with its points; when the document takes effect."""

from __future__ import annotations

from ingest import parse_text

_ANSWERS_WITH_POINTS = """云岭县人民政府
当前位置：首页 > 政务公开 > 政策解读
《云岭县小微企业首贷贴息办法》政策解读
发布时间：2024-06-03 10:12    来源：县财政局

问：哪些企业可以申请贴息？
答：须同时符合以下条件：
1. 在云岭县登记注册并实际经营；
2. 此前在银行无经营性贷款记录；
3. 贷款按期付息，无逾期。

问：贴息标准是多少？
答：按贷款利息的50%给予贴息，每户最高不超过5000元。

问：到哪里申请？
答：受理部门为县财政局金融股，咨询电话0871-6543210。
"""


def test_an_answers_numbered_points_are_part_of_it_not_items_of_their_own():
    """Points 1. 2. 3. under 答： are the answer's: one item per question (three), the
    points in the first — before, the points were the document's only three items and the
    other questions ran into the last of them."""
    d = parse_text(_ANSWERS_WITH_POINTS, "yunling.txt")
    assert [r.label for r in d.rows] == ["第1项", "第2项", "第3项"]
    assert d.rows[0].task.startswith("问：哪些企业可以申请贴息？") and "无逾期" in d.rows[0].task
    assert "5000元" in d.rows[1].task and "问：到哪里申请" not in d.rows[1].task
    assert "0871-6543210" in d.rows[2].task
