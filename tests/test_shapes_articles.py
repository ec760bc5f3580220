"""Shapes of the pages a business owner actually forwards, written for these tests: a
公众号 article (parts numbered 01 | …, each marking its points with its own symbol, a
【重点】 note after them, then titled parts ▶ 政策怎么兑现？ / 📅 申报时间 and Q1/A1
pairs, the account's footer after - END -); a task table copied from Word whose 类别
cell and unit and deadline cells were merged down over a group of rows; a service
guide whose title stands above the page's 发布时间 line, under the site's name."""

from __future__ import annotations

from ingest import parse_text

_ARTICLE = """重磅！云岭县“稳岗惠企八条”来了，最高奖励50万元
原创 云岭发布 云岭发布 2025-03-02 19:05 发表于云南

点击上方蓝字 关注我们

近日，云岭县人民政府办公室印发《云岭县稳岗惠企若干措施》，小编带你一文看懂👇

01 | 支持企业扩大生产

✔ 首次纳入规模以上统计的工业企业，一次性奖励**10万元**；

✔ 年产值增长15%以上的规上工业企业，奖励**5万元**。


02 | 鼓励技术改造

▲ 设备投资300万元以上的技改项目，按设备投资额的**5%**给予补助，单个项目最高**50万元**；
▲ 新获评市级数字化车间的，一次性奖励**10万元**。

【重点】设备投资以发票金额为准，不含厂房建设投入

03 | 稳定就业岗位

● 企业新招用本县户籍劳动者并缴纳社保满6个月的，按**每人800元**给予补贴；
● 招用脱贫人口的，补贴提高到**每人1500元**。

【重点】补贴直接拨付到企业对公账户


▶ 政策怎么兑现？

📅 申报时间
2025年政策集中兑现一次：7月1日—7月31日

💻 申报渠道
登录“云岭政务”APP在线申报，或到县政务服务中心一楼综合窗口办理。

▶ 老板们最关心的3个问题

Q1：个体工商户能不能享受？
A：可以，符合条件的同样按标准享受。

Q2：去年的项目今年还能报吗？
A：以2025年度实绩为准，2024年度已兑现的项目不再重复申报。

Q3：申报后多久能到账？
A：审核结果公示5个工作日无异议后，原则上在20个工作日内拨付到位。

- END -

来源：云岭县融媒体中心
编辑：李明

往期推荐
▶ 云岭县2025年重点项目集中开工
▶ 好消息！云岭这条路通车了

阅读原文
分享   收藏   赞 56   在看 12
"""


def test_a_wechat_article_reads_as_parts_points_and_questions():
    """01 | … parts with their points numbered under each (the symbol each part uses: ✔
    under 01, ▲ under 02, ● under 03), a 【重点】 note kept with the point above it; the
    titled parts after them (申报时间, 申报渠道) cited by their titles, the Q1/A1 pairs
    items of theirs; nothing after - END -. Before, the questions were the only items
    (three pairs made it a 问答), every 【重点】 a part of its own and the title the byline."""
    d = parse_text(_ARTICLE, "yunling-wechat.txt")
    labels = [r.label for r in d.rows]
    assert labels[:6] == ["一、 第1项", "一、 第2项", "二、 第1项", "二、 第2项", "三、 第1项", "三、 第2项"]
    assert d.rows[2].section == "二、鼓励技术改造"  # 02 | … written as the document's second part
    assert "最高**50万元**" in d.rows[2].task
    assert "不含厂房建设投入" in d.rows[3].task and "新获评市级数字化车间" in d.rows[3].task
    assert "每人1500元" in d.rows[5].task and "对公账户" in d.rows[5].task
    by_label = {r.label: r for r in d.rows}
    assert "7月1日—7月31日" in by_label["申报时间 第1项"].task
    assert "县政务服务中心一楼" in by_label["申报渠道 第1项"].task
    asked = [r for r in d.rows if r.task.startswith("Q")]
    assert [r.label for r in asked] == [f"老板们最关心的3个问题 第{n}项" for n in (1, 2, 3)]
    assert "20个工作日内" in asked[2].task
    assert not any("通车" in r.fields_text() or "阅读原文" in r.fields_text() for r in d.rows)
    assert d.title == "重磅！云岭县“稳岗惠企八条”来了，最高奖励50万元"
    assert any("END" in w for w in d.warnings)


_GROUPED_TABLE = """云岭县优化营商环境工作领导小组办公室关于印发《云岭县2025年优化营商环境重点任务分工表》的通知

各乡镇，县直各有关单位：
现将《云岭县2025年优化营商环境重点任务分工表》印发给你们，请认真抓好落实。

附件

云岭县2025年优化营商环境重点任务分工表

序号\t类别\t工作任务\t责任单位\t完成时限
1\t政务服务\t推行企业开办“一件事”集成办理，全程网办率达到90%以上\t县数据局、县市场监管局\t2025年6月底前
2\t\t推行政务服务“周末办”延时服务\t\t持续推进
3\t\t开展“帮办代办”服务，在工业园区设立企业服务站\t县政务服务中心\t2025年9月底前
4\t要素保障\t优化用水用气报装，企业用水报装办理时间压缩至4个工作日以内\t县住建局、县水务公司\t2025年6月底前
5\t\t建立重点企业用工服务专员制度，全年帮助企业招工3000人次以上\t县人社局、县工信局\t2025年12月底前
6\t\t组织县内职业院校与重点企业对接不少于15场\t\t
7\t法治环境\t推行包容审慎监管，动态调整轻微违法行为不予处罚清单\t县司法局、县市场监管局\t2025年8月底前
8\t\t开展拖欠中小企业账款专项清理\t县工信局、县财政局\t2025年9月底前

注：责任单位排名第一的为牵头单位。

云岭县优化营商环境工作领导小组办公室
2025年3月10日
"""


def test_a_category_cell_merged_over_its_rows_is_their_heading_and_empty_cells_are_merged_ones():
    """The 类别 written on a group's first row heads every row of the group (its section;
    the labels stay 附件 第N项, the numbers running on); a 责任单位 or 完成时限 cell left
    empty is the cell above, merged over both rows. Before, 类别 was a note of the first
    row only and row 6 had no deadline."""
    d = parse_text(_GROUPED_TABLE, "yunling-tasks.txt")
    rows = {r.number: r for r in d.rows if r.attachment == "附件"}
    assert [rows[n].label for n in (1, 6, 8)] == ["附件 第1项", "附件 第6项", "附件 第8项"]
    assert [rows[n].section for n in (1, 2, 3, 4, 6, 7, 8)] == [
        "政务服务", "政务服务", "政务服务", "要素保障", "要素保障", "法治环境", "法治环境"]
    assert rows[2].lead_units == ("县数据局",) and rows[2].coop_units == ("县市场监管局",)
    assert rows[6].lead_units == ("县人社局",)
    assert [m.deadline for m in rows[6].measures] == ["2025年12月底前"]
    assert [m.deadline for m in rows[2].measures] == ["持续推进"]
    assert not any("类别" in n for r in d.rows for n in r.notes)


_GUIDE_PAGE = """云岭县政务服务网
 无障碍浏览   长者模式        登录 | 注册
当前位置：首页 > 法人服务 > 事项详情

个体工商户设立登记
发布时间：2025-01-08 10:20:31　　来源：云岭县市场监督管理局　　浏览次数：215
字号：【 大  中  小 】        打印本页

【事项名称】个体工商户设立登记
【实施主体】云岭县市场监督管理局
【承诺时限】1个工作日
【收费标准】不收费
【咨询电话】0871-6612345

打印本页    关闭窗口
"""


def test_a_guide_pages_title_is_the_line_above_its_posting_line():
    """The title of a page is the line above its 发布时间 (or a 公众号's byline), not the
    site's name and menu above it run together."""
    d = parse_text(_GUIDE_PAGE, "yunling-guide.txt")
    assert d.title == "个体工商户设立登记"
    assert {r.label for r in d.rows} >= {"承诺时限 第1项", "收费标准 第1项"}


_ENTRIES_PAGE = """云岭县人民政府
当前位置：首页 > 政务公开 > 办事服务
云岭县个体工商户开业补贴申领指南
发布时间：2025-02-11 09:30　　来源：县人社局

一、补贴标准
正常经营6个月以上的个体工商户，给予一次性开业补贴3000元。
二、办理时限
法定办结时限：20个工作日
承诺办结时限：10个工作日
三、咨询电话
县就业服务中心创业服务股：0871-6611234
县财政局社会保障股：0871-6615678

【打印本页】 【关闭窗口】
分享到：   微信   微博
主办单位：云岭县人民政府办公室     网站标识码：5300000001
【责任编辑：张  三】    【审核：李四】
"""


def test_lines_that_are_entries_of_a_list_stay_apart_and_a_page_ends_with_its_editors():
    """Two lines in a row that are a label, its colon and its value are entries of a list:
    joined with ；, not run together (0871-6611234县财政局… read as one number's tail); a
    title alone on its line is its text's label (补贴标准：正常经营…, not 补贴标准正常经营…). A
    page whose last line credits its editors (【责任编辑：…】) still ends with its footer:
    【打印本页】 is no part of the document. Before, both run on and the footer's buttons were
    an item of their own."""
    d = parse_text(_ENTRIES_PAGE, "yunling-entries.txt")
    assert [r.label for r in d.rows] == ["第1项", "第2项", "第3项"]  # 一、 二、 三、, each a paragraph
    # (its title alone on its line is the paragraph's label, not run into its first words)
    assert d.rows[0].task.startswith("补贴标准：正常经营")
    assert d.rows[1].task == "办理时限：法定办结时限：20个工作日；承诺办结时限：10个工作日"
    assert "0871-6611234；县财政局社会保障股" in d.rows[2].task
    assert not any("打印本页" in r.fields_text() or "责任编辑" in r.fields_text() for r in d.rows)
    assert any("页脚" in w for w in d.warnings)


_PARTS_ARTICLE = """重磅！云岭稳就业政策大礼包来了
原创  云岭人社  2025-03-18 17:40  云南

PART.1 一次性吸纳就业补贴

🔹 补贴对象：在我县依法登记注册的企业、个体工商户。

🔹 补贴标准：按每招用1人1500元的标准给予一次性补贴。

【温馨提示】同一劳动者只能为一家单位申领一次。

PART.2 一次性创业补贴

🔹 补贴对象：在我县首次创办个体工商户或小微企业的高校毕业生。

🔹 补贴标准：创办个体工商户的给予5000元一次性创业补贴。

【温馨提示】“首次创业”以本人名下首次注册的经营主体为准。

PART.3 怎么申请

🔹 线上：登录“云岭人社”App在线申请。
🔹 线下：携带材料到县政务服务中心二楼人社窗口办理。

所需材料：
1. 《云岭县就业创业补贴申请表》；
2. 申请人身份证原件及复印件；
3. 营业执照副本原件及复印件。

PART.4 你问我答

Q：开店还没满6个月，能申请创业补贴吗？
A：暂时不能，一次性创业补贴要求正常经营6个月以上。

Q：没有对公账户，补贴打到哪里？
A：可提供经营者本人社会保障卡。

Q：审核通过后多久能到账？
A：公示5个工作日无异议后，一般在15个工作日内发放。

— END —
"""


def test_parts_written_part_1_are_parts_and_a_numbered_list_in_one_does_not_undo_the_others():
    """PART.1 … PART.4 are the article's parts; its points (🔹) are items under each, though
    PART.3 numbers a list of its own (所需材料：1. 2. 3.) — that list is PART.3's items, and
    the Q：/A： pairs of PART.4 are items too. Before, the one numbered list made every 🔹 and
    every Q：/A： plain text: PART.4's three questions were one item."""
    d = parse_text(_PARTS_ARTICLE, "yunling-parts.txt")
    labels = [r.label for r in d.rows]
    assert labels[:4] == ["一、 第1项", "一、 第2项", "二、 第1项", "二、 第2项"]
    assert "5000元" in d.rows[3].task and "首次注册" in d.rows[3].task
    third = [r for r in d.rows if r.attachment == "三、"]
    assert [r.task[:4] for r in third] == ["《云岭县", "申请人身", "营业执照"]
    asked = [r for r in d.rows if r.attachment == "四、"]
    assert len(asked) == 3 and "15个工作日" in asked[2].task and "社会保障卡" in asked[1].task
