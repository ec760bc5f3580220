"""Parts a heading holds besides its numbered list, written for these tests: a service
guide whose 申请流程 heading states the application period and channels before its list
of materials, whose 办理条件 heading holds a second list under a label of its own
(不予许可的情形：), and whose 申报材料 heading states how many copies before its list."""

from __future__ import annotations

from ingest import parse_text

_GUIDE = """云岭县小餐饮经营许可办事指南
发布时间：2025-04-01 来源：云岭县市场监督管理局

一、办理条件：
1. 有与经营品种、数量相适应的加工经营场所；
2. 有相应的消毒、更衣、洗手、排水、存放垃圾的设备设施；
3. 有经过健康检查的从业人员。

不予许可的情形：
1. 经营场所设在居民住宅楼内且无独立出入口的；
2. 申请人隐瞒有关情况或者提供虚假材料的。

二、申报材料：申请人须提交以下材料（原件1份、复印件2份，加盖公章或签字）：
1. 小餐饮经营许可申请表；
2. 营业执照复印件；
3. 从业人员健康证明。

三、怎么申请
申请时间：常年受理，每月1日至20日集中审核。
申请渠道：登录“云岭政务”APP在线申请，或到县政务服务中心二楼市场监管窗口现场申请。
办理流程：
1. 申请人提交材料；
2. 窗口当场受理；
3. 5个工作日内作出许可决定。

四、咨询电话
0871-6123456
"""


def test_a_headings_own_text_and_a_labelled_second_list_are_parts_of_it():
    """The text a heading states before its list is an item cited by the heading's marker
    and title; a label alone over a second list names that list, whose numbers restart
    without being repeats; a lead-in that only announces the list adds nothing."""
    d = parse_text(_GUIDE, "yunling-catering.txt")
    by = {r.label: r for r in d.rows}
    assert not any("重复" in w for w in d.warnings), d.warnings
    assert by["一、 第3项"].task.startswith("有经过健康检查的从业人员")
    assert "不予许可" not in by["一、 第3项"].task  # the label is not item 3's text
    assert by["一、不予许可的情形 第1项"].task.startswith("经营场所设在居民住宅楼内")
    assert by["一、不予许可的情形 第2项"].task.startswith("申请人隐瞒有关情况")
    assert by["二、申报材料 第1项"].task.startswith("申请人须提交以下材料（原件1份、复印件2份")
    assert by["二、 第2项"].task.startswith("营业执照复印件")
    applying = by["三、怎么申请 第1项"].task
    assert "每月1日至20日集中审核" in applying and "县政务服务中心二楼市场监管窗口" in applying
    assert by["三、 第3项"].task.startswith("5个工作日内作出许可决定")
    assert "一、办理条件 第1项" not in by  # (一、办理条件： over its list: a lead-in, no item)



def test_a_lead_in_stating_a_count_in_words_is_the_headings_own_item():
    """申报材料一式两份，按以下顺序装订： — the count is written in words, and the lead-in says
    more than that a list follows: it is the heading's own item, found when asked how many."""
    text = _GUIDE.replace("申请人须提交以下材料（原件1份、复印件2份，加盖公章或签字）：",
                          "申报材料一式两份，按以下顺序装订成册，并加盖公章：")
    by = {r.label: r for r in parse_text(text, "yunling-catering.txt").rows}
    assert by["二、申报材料 第1项"].task.startswith("申报材料一式两份")
    assert by["二、 第1项"].task.startswith("小餐饮经营许可申请表")


_PLAN = """云岭县2025年农业生产托管提升实施方案

第一部分 总体要求
（一）指导思想。坚持农民自愿、政府引导，发展农业生产托管服务。
（二）工作目标。到2025年底，全县农业生产托管服务面积达到80万亩以上。

第二部分 主要任务
（一）培育服务组织。对新评定为市级示范服务组织的，一次性奖励3万元。（责任单位：县农业农村局）
（二）推广全程托管。对开展全程托管的服务组织，按每亩20元给予作业补助。（责任单位：县农业农村局、县财政局）

第三部分 保障措施
（一）加强组织领导。成立由分管副县长任组长的工作专班，专班办公室设在县农业农村局。
（二）强化资金保障。2025年县本级安排配套资金500万元。（责任单位：县财政局）
"""


def test_parts_written_di_n_bufen_head_their_items_and_are_cited_as_written():
    """第三部分 over (一) (二) is a heading of a chapter's rank: the items numbered afresh
    under it are its own, cited 〔第三部分 第1项〕 — not repeats of the first part's."""
    d = parse_text(_PLAN, "yunling-plan.txt")
    by = {r.label: r for r in d.rows}
    assert not any("重复" in w for w in d.warnings), d.warnings
    assert by["第三部分 第2项"].task.startswith("强化资金保障")
    assert by["第三部分 第2项"].headings[0] == "第三部分 保障措施"
    assert by["第二部分 第2项"].units == ("县农业农村局", "县财政局")
    assert by["第一部分 第2项"].task.startswith("工作目标")


_REPORT_PAGE = """云岭县人民政府门户网站
首页 | 新闻中心 | 信息公开 | 政务服务

政府工作报告（摘登）
——2025年1月10日在云岭县第十八届人民代表大会第四次会议上
云岭县人民政府县长　李明远
发布时间：2025-01-15 09:00　　来源：云岭县融媒体中心　　浏览次数：1024

二、2025年工作安排
（一）聚力工业强县。全年完成工业投资30亿元，新增规模以上工业企业15家。
（二）聚力扩大内需。发放消费券2000万元，社会消费品零售总额增长6%。
"""


def test_a_pages_title_is_the_document_named_above_its_subtitle_and_byline():
    """Between a report's title and the page's posting line stand its subtitle and the
    speaker's byline: the title is the nearest line above that names a kind of document."""
    d = parse_text(_REPORT_PAGE, "yunling-report.txt")
    assert d.title == "政府工作报告（摘登）"
    assert any("新增规模以上工业企业15家" in r.task for r in d.rows)


_COMPILATION = """云岭县2025年就业创业扶持政策汇编
发布时间：2025-03-01 来源：云岭县人力资源和社会保障局

★ 一次性创业补贴

【支持对象】首次在本县创办小微企业且正常经营1年以上的高校毕业生。
【支持标准】给予一次性创业补贴5000元。
【申报材料】
1. 《一次性创业补贴申请表》；
2. 营业执照副本复印件。
【受理部门】县创业服务中心
【咨询电话】0871-6612001

★ 吸纳就业补贴

【支持对象】招用离校2年内未就业高校毕业生的小微企业。
【支持标准】按每人1000元给予一次性吸纳就业补贴。
【申报材料】
1. 《吸纳就业补贴申请表》；
2. 劳动合同复印件。
【受理部门】县就业服务中心
【咨询电话】0871-6612002

★ 稳岗返还

【支持对象】上年度未裁员或裁员率不高于5.5%的参保企业。
【支持标准】中小微企业按实际缴纳失业保险费的60%返还。
【受理部门】县社会保险中心
【咨询电话】0871-6612003
"""


def test_a_compilation_of_titled_blocks_makes_each_policy_one_item():
    """A 政策汇编 whose policies are opened by ★ and a title, each with its 【label】 lines:
    each policy is a part named by its title and one item holding all its lines — its
    amount, its office (its 受理部门) and its phone number together, its list of materials as points —
    not a run of repeated 1. 2. with the next policy's lines run into them."""
    d = parse_text(_COMPILATION, "yunling-compilation.txt")
    by = {r.label: r for r in d.rows}
    assert sorted(by) == ["一次性创业补贴 第1项", "吸纳就业补贴 第1项", "稳岗返还 第1项"]
    assert not any("重复" in w for w in d.warnings), d.warnings
    row = by["吸纳就业补贴 第1项"]
    text = row.task + "".join(m.text for m in row.measures)
    assert "按每人1000元" in text and "0871-6612002" in text
    # its 【受理部门】 line is its unit, under that name
    assert (row.lead_units, row.lead_word) == (("县就业服务中心",), "受理部门")
    assert "6612001" not in text and "6612003" not in text
    assert row.measures and row.measures[0].items[1].startswith("劳动合同复印件")


_PLAN_WITH_TABLE = """云岭县肉牛产业发展实施方案
一、主要任务
（一）建设标准化养殖场。对新建存栏肉牛100头以上的标准化养殖场，每个补助20万元。（县农业农村局牵头）
（二）发展饲草种植。对种植青贮玉米的农户，每亩补助100元。（县农业农村局、县财政局负责）
二、保障措施
（一）加大资金投入。县财政每年安排肉牛产业专项资金1000万元。

附件：云岭县肉牛产业2025年重点项目表

序号 | 项目名称 | 建设地点 | 建设内容 | 总投资（万元） | 完成时限 | 责任单位
1 | 肉牛育种场 | 城关镇 | 存栏种牛500头 | 3500 | 2025年12月 | 县农业农村局
2 | 饲草料加工中心 | 河西镇 | 年加工饲草料3万吨 | 2600 | 2025年6月 | 县发展和改革局

抄送：县委办公室，县人大常委会办公室。
云岭县人民政府办公室　　2025年3月1日印发
"""


def test_an_attachment_named_on_its_line_with_its_table_after_it(tmp_path, capsys):
    """附件：…项目表 over a table written with spaced pipes and no outer ones: the table is
    the attachment itself, its rows cited under 附件 beside the plan's own items; a
    column kept as a note whose header carries its unit (总投资（万元）) is quoted when
    asked by its words; the colophon after the table is no row."""
    import json

    from ui.cli import main as cli

    d = parse_text(_PLAN_WITH_TABLE)
    assert d.shape == "table"
    assert [r.label for r in d.rows] == ["一、 第1项", "一、 第2项", "二、 第1项", "附件 第1项", "附件 第2项"]
    assert d.attachments[0].title == "云岭县肉牛产业2025年重点项目表"
    row = d.rows[-1]
    assert (row.task, row.lead_units, row.measures[0].deadline) == ("饲草料加工中心", ("县发展和改革局",), "2025年6月")
    assert "总投资（万元）：2600" in row.notes
    assert any("版记" in w for w in d.warnings)
    path = tmp_path / "plan.txt"
    path.write_text(_PLAN_WITH_TABLE, encoding="utf-8")
    assert cli(["ask", "饲草料加工中心总投资多少", "--doc", str(path), "--json", "--home", str(tmp_path)]) == 0
    ans = json.loads(capsys.readouterr().out)
    assert ans["citations"][0]["label"] == "附件 第2项" and "总投资（万元）：2600" in ans["answer"]


_SERVICES = """云岭县餐饮服务许可办事指南

一、适用范围
本指南适用于在云岭县从事餐饮服务的经营者。

二、办事指南

（一）餐饮服务许可新办

事项名称：餐饮服务许可（新办）
事项类型：行政许可
设定依据：《食品经营许可和备案管理办法》第十条。
申请材料：
1. 《食品经营许可申请书》原件1份；
2. 营业执照复印件1份；
3. 与食品经营相适应的主要设备设施布局图1份。
办理流程：申请人提交申请→窗口受理→现场核查→审查决定→制证发证。
法定办结时限：20个工作日
承诺办结时限：5个工作日
收费标准：不收费

（二）餐饮服务许可延续

事项名称：餐饮服务许可（延续）
事项类型：行政许可
申请材料：
1. 《食品经营许可延续申请书》原件1份；
2. 原许可证正、副本原件。
承诺办结时限：3个工作日
收费标准：不收费
"""


def test_a_services_fields_after_its_list_of_materials_are_a_part_of_the_service():
    """A service under （一） writes labelled fields, then 申请材料： over a list, then more
    labelled fields (办理流程：… 收费标准：…): those end the list — the service's own part,
    after the fields it opens with, not the text of the last material."""
    d = parse_text(_SERVICES, "yunling-services.txt")
    by = {r.label: r for r in d.rows}
    assert by["二、(一) 第3项"].task.startswith("与食品经营相适应的主要设备设施布局图")
    assert "收费标准" not in by["二、(一) 第3项"].task and "办理流程" not in by["二、(一) 第3项"].task
    assert by["二、(一)餐饮服务许可新办 第1项"].task.startswith("事项名称：餐饮服务许可（新办）")
    tail = by["二、(一)餐饮服务许可新办 第2项"].task
    assert tail.startswith("办理流程：") and "承诺办结时限：5个工作日" in tail and "收费标准：不收费" in tail
    assert "承诺办结时限：3个工作日" in by["二、(二)餐饮服务许可延续 第2项"].task
    # its opening fields end on the label over the list: still fields, not a lead-in
    assert by["二、(二)餐饮服务许可延续 第1项"].task == "事项名称：餐饮服务许可（延续）；事项类型：行政许可；申请材料："
    assert "承诺办结时限" not in by["二、(二) 第2项"].task


_TWO_TABLES = """某区2025年支持中小微企业发展若干政策措施

附件1
政策措施任务分工表
序号\t政策措施\t牵头单位\t配合单位\t完成时限
1\t对首次纳入规模以上统计的工业企业给予一次性奖励\t区工业和信息化局\t区统计局\t2025年9月30日前
2\t设立规模2亿元的中小微企业转贷应急资金，降低企业续贷过桥成本\t区财政局\t区地方金融服务中心\t2025年5月31日前

附件2
惠企政策兑现清单
序号\t政策名称\t支持标准\t申报条件\t受理部门\t咨询电话
1\t首次升规工业企业奖励\t一次性奖励10万元\t首次纳入规模以上工业统计\t区工业和信息化局\t0531-88161236
2\t转贷应急资金\t单笔最高1000万元，使用期限不超过15天\t在合作银行有即将到期的流动资金贷款\t区地方金融服务中心\t0531-88162407
"""


def test_a_column_one_table_lacks_is_asked_of_the_table_that_has_it(tmp_path, capsys):
    """A document with a 任务分工表 (完成时限) and a 兑现清单 (no time column): the list's row
    has no time column to leave "未注明"; a when asked beside the lead unit (牵头单位和完成
    时限分别是什么) is answered from the task table's row on the same matter — the columns
    listed before 分别 are asked of a row, not things a sentence must name."""
    from tests.conftest import ask_about

    (ans,) = ask_about(tmp_path, capsys, _TWO_TABLES, "转贷应急资金设立工作的牵头单位和完成时限分别是什么？")
    assert "2025年5月31日前" in ans["answer"] and "未注明" not in ans["answer"], ans["answer"]
    assert "〔附件1 第2项〕" in ans["answer"]
