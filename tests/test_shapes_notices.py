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


_WRAPPED_PLAN = """    云岭县人民政府办公室关于印发云岭县2025年稳岗补助
    实施方案的通知
            云政办发〔2025〕3号

    云岭县2025年稳岗补助实施方案
  一、目标任务
  2025年，全县城镇新增就业3000人以上。
  二、补助政策
  本方案所称企业，是指在云岭县登记注册的各类企业，个
体工商户参照企业执行。
（一）扩岗补助
  1.补助标准。按每招用1人1500元给予补助。
                — 1 —
  2.技能补贴。取得证书的，按初级工100
0元、中级工1500元给予补贴，审核在收到申请后1
0个工作日内完成。
  三、联系方式
  联系人：张敏    联系电话：0874-1234567
  本方案自印发之日起施行，有效期至2025年12月31日。

抄送：县委办公室，县人大常委会办公室。
云岭县人民政府办公室                    2025年3月1日印发
"""


def test_a_definition_under_a_heading_that_is_not_the_last_does_not_close_the_text():
    """本方案所称… under 二、 with 三、 still to come defines a term; it is no closing word
    that ends the text (before, every line after it was set aside as a colophon). A number
    the wrap cut (100 / 0元) is one number again; the closing provisions after the last
    heading are still the text's end, and the 抄送 line after them is no part of them."""
    d = parse_text(_WRAPPED_PLAN, "yunling-plan.txt")
    text = "\n".join(r.fields_text() for r in d.rows)
    assert "初级工1000元" in text and "10个工作日内" in text and "100 0" not in text
    assert any("0874-1234567" in r.fields_text() for r in d.rows)
    assert any("扩岗补助" in r.headings[-1] and "1500元" in r.task for r in d.rows)
    last = d.rows[-1]
    assert "有效期至2025年12月31日" in last.task and "抄送" not in last.task


def test_a_related_explainer_link_after_the_text_is_the_pages():
    """相关解读：《…》 under the page's buttons links another page: it is the page's footer,
    not words of the last item."""
    text = ("云岭县促进消费工作方案\n一、重点任务\n1.开展汽车促消费活动，全年不少于4场。（县商务局负责）\n"
            "2.发放文旅消费券不少于200万元。（县文化和旅游局负责）\n\n【打印本页】  【关闭窗口】\n\n"
            "相关解读：《云岭县促进消费工作方案》政策解读\n\n分享到：  微信  微博\n")
    d = parse_text(text, "yunling-consume.txt")
    assert d.rows[-1].task.endswith("不少于200万元。") and "相关解读" not in d.rows[-1].fields_text()
