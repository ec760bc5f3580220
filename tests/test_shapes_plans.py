"""A 行动方案 as a city's web page copies it, written for these tests: its tasks numbered
within their group (1.1, 1.2 under （一）; 2.1 under （二）), each closing with its units in
brackets; the contact under the signature (联系人及电话：…) above the page's buttons."""

from __future__ import annotations

from ingest import parse_text
from ingest.headings import L3, L4, marker
from tests.conftest import ask_about

_PLAN = """首页 > 政务公开 > 政策文件
云岭市人民政府办公室关于印发云岭市2025年优化营商环境行动方案的通知
文号：云政办〔2025〕9号
发布时间：2025-04-02 09:30　　来源：市政府办公室　　字号：大 中 小

各县（区）人民政府，市人民政府各部门：
《云岭市2025年优化营商环境行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。
云岭市人民政府办公室
2025年3月28日

云岭市2025年优化营商环境行动方案

一、总体要求
到2025年底，企业开办全流程压缩至1个工作日以内，经营主体满意度达到90%以上。

二、重点任务
（一）提升政务服务效能
1.1 推行企业开办“一日办结”。企业设立登记、公章刻制、申领发票全部纳入“一网通办”，新开办企业免费刻制首套印章，每户最高不超过260元。（责任单位：市市场监管局、市公安局，各县区政府）
1.2 设立企业诉求专席。一般诉求2个工作日内办结，复杂诉求不超过10个工作日。（牵头单位：市政务服务管理局；配合单位：市司法局）
（二）强化要素保障
2.1 提升办电便利度。对用电容量160千瓦及以下的小微企业实行“零上门、零审批、零投资”，办电时间压缩至4个工作日以内。（责任单位：国网云岭供电公司、市发展改革委）
2.2 加大融资支持。市级应急转贷资金规模达到3.5亿元，单笔使用期限原则上不超过10天。（牵头单位：市财政局；配合单位：市发展改革委）

三、保障措施
各责任单位于每月20日前将工作进展报送市优化营商环境工作领导小组办公室。

云岭市人民政府办公室
2025年3月28日

联系人及电话：市发展改革委营商环境科 李明，0871-6612345

【打印本页】【关闭窗口】
主办：云岭市人民政府办公室　　ICP备00000000号
"""


def test_a_number_within_its_group_is_an_item_and_a_decimal_is_not():
    assert marker("1.1 推行企业开办") == marker("1.1推行企业开办")
    assert marker("2.3 提升办电便利度").level == L3 and marker("2.3 提升办电便利度").number == 3
    assert marker("1.1.2 做好衔接").level == L4
    for quantity in ("1.5亿元的贷款", "0.5个工作日", "3.5米宽的道路", "1.2公里", "2.5 倍"):
        assert marker(quantity) is None, quantity


def test_tasks_numbered_within_their_group_are_rows_under_it_with_their_units():
    """1.1 … 2.2 are the plan's tasks, each under its （一） group with its own units — they
    were one row per group, the numbers run into the text and the units of all of them in one."""
    d = parse_text(_PLAN, "yunling-plan.txt")
    rows = {r.label: r for r in d.rows}
    assert {"二、(一) 第1项", "二、(一) 第2项", "二、(二) 第1项", "二、(二) 第2项"} <= set(rows)
    first = rows["二、(一) 第1项"]
    assert first.task.startswith("推行企业开办“一日办结”") and "260元" in first.task
    assert first.lead_units == ("市市场监管局", "市公安局", "各县区政府")
    assert rows["二、(一) 第2项"].lead_units == ("市政务服务管理局",)
    assert rows["二、(一) 第2项"].coop_units == ("市司法局",)
    assert "3.5亿元" in rows["二、(二) 第2项"].task


def test_the_contact_under_the_signature_is_the_documents_not_the_pages():
    """联系人及电话：… between the signature and the page's buttons is whom the plan says to
    call — a row — not the site's footer it was taken for."""
    d = parse_text(_PLAN, "yunling-plan.txt")
    contact = [r for r in d.rows if r.attachment == "联系方式"]
    assert contact and "0871-6612345" in contact[0].task
    assert not any("0871-6612345" in w and "页脚" in w for w in d.warnings)


def test_a_lookup_of_the_plans_number_and_a_workshops_question_on_its_hookup(tmp_path, capsys):
    """"方案 文号" names only the document's kind and a header field: its header answers.
    A workshop asking about its power hookup in its own words (新装电, 通电) is on the row
    that states 办电 — never "not covered"."""
    number, hookup = ask_about(tmp_path, capsys, _PLAN, "方案 文号",
                               "我是个小加工厂，用电100千瓦，新装电要自己出钱跑手续吗？多久能通电？")
    assert number["coverage"] == "answered" and "云政办〔2025〕9号" in number["answer"]
    assert hookup["coverage"] != "not_covered"
    assert "4个工作日以内" in hookup["answer"] and "〔二、(二) 第1项〕" in hookup["answer"]


_GRANTS = """云岭县2025年优化营商环境工作要点
一、强化监督
1.聘请30名企业家担任县营商环境监督员，按规定给予工作补贴。（责任单位：县发改局）
2.对年度营业额达到200万元的新增限上餐饮企业，给予一次性奖励。（责任单位：县商务局）
"""


def test_a_sum_asked_after_its_how_much_is_money_a_row_must_state(tmp_path, capsys):
    """有多少工作补贴 asks money as 补多少 does: a row granting the 补贴 with no sum (按规定给予
    工作补贴; its 30名 counts the members) leaves the sum unstated — partial. 营业额到了多少
    县里给奖励 asks the turnover that earns the reward, which the row states."""
    grant, threshold = ask_about(tmp_path, capsys, _GRANTS, "营商环境监督员每年有多少工作补贴？",
                                 "饭店营业额到了多少县里给奖励？")
    assert grant["coverage"] == "partial" and "〔第1项〕" in grant["answer"]
    assert threshold["coverage"] == "answered" and "200万元" in threshold["answer"]


_FIELDED = """云岭县2025年重点工作任务分解
一、优化政务服务
1.推行企业开办“一日办结”，全流程压缩至1个工作日以内。
牵头单位：县市场监管局
完成时限：2025年6月底前
2.设立“办不成事”反映窗口。
牵头单位：县政务服务中心
完成时限：2025年4月底前
"""


def test_an_items_deadline_keeps_the_label_it_is_written_under(tmp_path, capsys):
    """完成时限：… under an item is quoted as 完成时限, as a table's column is by its header."""
    d = parse_text(_FIELDED, "yunling-fields.txt")
    assert [r.deadline_label for r in d.rows] == ["完成时限", "完成时限"]
    [when] = ask_about(tmp_path, capsys, _FIELDED, "企业开办一日办结什么时候完成？")
    assert "完成时限：2025年6月底前" in when["answer"] and "时间进度" not in when["answer"]


_PLAN_MORE = _PLAN.replace("2.2 加大融资支持。", "2.3 开展银企对接。全年开展“银企对接”活动不少于6场，企业融资需求由市金融服务中心"
                           "委托第三方机构审核。（牵头单位：市财政局）\n2.2 加大融资支持。")


def test_what_a_plan_names_only_by_its_kind_is_not_stated(tmp_path, capsys):
    """The plan's full title with 文号 names the document: its header answers (not when
    it names another year's plan). Asked
    where an event is held (什么地点) or which company does a thing (哪家公司), rows that
    name no place and only the class (第三方机构) say so — partial, with the rows; a row
    naming one by its name (国网云岭供电公司) answers which."""
    number, other, where, which, named = ask_about(
        tmp_path, capsys, _PLAN_MORE, "云岭市2025年优化营商环境行动方案 文号", "云岭市2027年优化营商环境行动方案 文号",
        "银企对接活动在什么地点举办？", "审核融资需求的第三方机构是哪家公司？", "小微企业办电是找哪家公司？")
    assert number["coverage"] == "answered" and "云政办〔2025〕9号" in number["answer"]
    # the plan of a year it is not: another document's number, not this one's
    assert other["coverage"] != "answered" and "云政办〔2025〕9号" not in other["answer"]
    assert where["coverage"] == "partial" and "没有写明具体地点" in where["answer"] and "不少于6场" in where["answer"]
    assert which["coverage"] == "partial" and "具体是哪家公司" in which["answer"] and "第三方机构" in which["answer"]
    assert named["coverage"] == "answered" and "国网云岭供电公司" in named["answer"]
