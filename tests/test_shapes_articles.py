"""Shapes of the pages a business owner actually forwards, written for these tests: a
公众号 article (parts numbered 01 | …, each marking its points with its own symbol, a
【重点】 note after them, then titled parts ▶ 政策怎么兑现？ / 📅 申报时间 and Q1/A1
pairs, the account's footer after - END -); a task table copied from Word whose 类别
cell and unit and deadline cells were merged down over a group of rows; a service
guide whose title stands above the page's 发布时间 line, under the site's name."""

from __future__ import annotations

from ingest import parse_text
from ingest.library import short_name
from tests.conftest import ask_about

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


_TAX_GUIDE = """支持小微企业发展税费优惠政策指引（2025年版）

发布时间：2025-03-14 10:26  来源：国家税务总局云岭县税务局  浏览次数：1583

    为帮助经营主体及时了解税费优惠政策，我局梳理形成本指引，每项政策列明享受主体、优惠内容、享受条件和政策依据。

一、减免增值税类

1.小规模纳税人增值税减免
【享受主体】
增值税小规模纳税人（含个体工商户）
【优惠内容】
自2023年1月1日至2027年12月31日，对月销售额10万元以下（含本数）的增值税小规模纳税人，免征增值税。
【享受条件】
1.适用按月纳税的，合计月销售额未超过10万元；以1个季度为1个纳税期的，季度销售额未超过30万元。
2.合计月销售额超过10万元，但扣除本期销售不动产的销售额后未超过10万元的，其销售货物取得的销售额免征增值税。
【政策依据】
《关于增值税小规模纳税人减免增值税政策的公告》（财政部 税务总局公告2023年第19号）

二、减免所得税类

2.个体工商户减半征收个人所得税
【享受主体】
个体工商户
【优惠内容】
对个体工商户年应纳税所得额不超过200万元的部分，减半征收个人所得税。
【享受条件】
1.个体工商户在享受其他个人所得税优惠政策的基础上，可叠加享受本项优惠政策。
2.个体工商户不区分征收方式，均可享受。
【政策依据】
1.《关于进一步支持小微企业和个体工商户发展有关税费政策的公告》（财政部 税务总局公告2023年第12号）
2.《关于落实个体工商户所得税优惠政策征管问题的公告》（国家税务总局公告2023年第5号）

3.小型企业暂免征收残疾人就业保障金
【享受主体】
在职职工人数在30人（含）以下的企业
【优惠内容】
自2023年1月1日至2027年12月31日，暂免征收残疾人就业保障金。
【享受条件】
在职职工总数30人（含）以下。
【政策依据】
《关于调整残疾人就业保障金征收政策的公告》（财政部公告2023年第8号）

    纳税人在享受上述优惠政策过程中如有疑问，可拨打12366纳税缴费服务热线或0871-6552366咨询，也可前往办税服务厅现场咨询办理。

    云岭县税务局办税服务厅地址：云岭县文昌路58号市民之家一楼

国家税务总局云岭县税务局
2025年3月14日
"""


def test_a_guide_of_numbered_items_in_labelled_blocks():
    """1.… over 【享受主体】 / 【优惠内容】 / 【享受条件】 / 【政策依据】, item after item: each item
    one row holding its blocks, a block's own list (【享受条件】 / 1.… / 2.…) its conditions,
    not items numbered again; the paragraph after the last block saying whom to call is the
    contact. Before, every label was a part of its own and the lists' 1. 2. items
    "repeated" under it (60 rows from 12 policies)."""
    d = parse_text(_TAX_GUIDE, "yunling-tax.txt")
    assert [r.label for r in d.rows] == ["第1项", "第2项", "第3项", "联系方式 第1项"]
    assert not any("重复" in w for w in d.warnings)
    first, second = d.rows[0], d.rows[1]
    assert first.section == "一、减免增值税类" and second.section == "二、减免所得税类"
    assert "季度销售额未超过30万元" in first.fields_text() and "免征增值税" in first.fields_text()
    assert "可叠加享受本项优惠政策" in second.fields_text() and "公告2023年第5号" in second.fields_text()
    contact = d.rows[-1].task
    assert "0871-6552366" in contact and "文昌路58号" in contact
    assert "0871" not in d.rows[2].fields_text()
    # (the edition in brackets is no part of its name, the kind 指引 is)
    assert short_name(d).endswith("指引") and "版" not in short_name(d)


_ONE_PICTURE = """首页 > 政务公开 > 政策解读 > 图文解读

一图读懂｜云岭县2025年稳岗扩就业措施

发布时间：2025-04-18 09:36　来源：云岭发布　编辑：王晓楠　审核：李振华
字号：大 中 小　【打印】【关闭】

近日，县人民政府办公室印发《云岭县2025年稳岗扩就业措施》，小编用一图带您读懂👇

━━━━━━━━━━━━━━

01 创业担保贷款最高可贷30万

▶ 支持对象：城镇登记失业人员、毕业5年内高校毕业生、返乡创业农民工
✅ 额度标准：个人最高可贷30万元；符合条件的小微企业最高可贷400万元
✅ 贴息政策：贷款期限最长3年，LPR-150BP以上部分由财政贴息
📌 申请时间：全年受理，随到随办
☎ 经办部门：县就业创业服务中心

━━━━━━━━━━━━━━

02 一次性扩岗补助每人1500元

▶ 补贴对象：招用离校2年内未就业高校毕业生的企业
✅ 补贴标准：按每招用1人1500元发放
✅ 同一单位招用同一人员只能享受一次
📌 申领时间：2025年12月31日前
☎ 经办部门：县社会保险事业中心

👇点击下方了解更多
【视频】3分钟看懂扩岗补助申请流程

━━━━━━━━━━━━━━

03 稳岗返还“免申即享”

▶ 返还对象：上年度未裁员或裁员率不高于5.5%的企业
✅ 返还标准：中小微企业按上年度实际缴纳失业保险费的60%返还
✅ 无需申请，资金直接拨付至企业对公账户
☎ 经办部门：县社会保险事业中心

长按识别二维码
关注“云岭人社”公众号

━━━━━━━━━━━━━━

温馨提示：
1. 同一事项符合多项补贴条件的，按“就高不重复”原则享受；
2. 各项补贴资金直接发放至单位对公账户。

政策咨询：
县人社局　电话：0871-7232156
县社会保险事业中心　电话：0871-7228615

阅读原文　　👍点赞　　在看　　分享

往期推荐
▶ 云岭县2025年“春风行动”首场招聘会开幕，3200余个岗位等你来
▶ 一图读懂｜2025年城乡居民医保缴费指南

来源：云岭发布
责任编辑：王晓楠
【打印】【关闭】
"""


def test_a_one_picture_article_of_labelled_bullets_is_an_item_per_part():
    """01 创业担保贷款… (two digits and a space) opens a part; its bullets, labelled fields
    for the most part (▶ 支持对象：… ✅ 额度标准：… ☎ 经办部门：…), are that one measure's
    lines — one row per part, its office with it, not a row per ✅ with 经办部门 on the last.
    The page's asides (👇点击下方…, 【视频】…, 长按识别二维码) and its 往期推荐 are no text
    of it; 政策咨询： over offices and numbers is the contact. Before, no part was read:
    the two tips were the only rows and the short name came from a 📌 line."""
    d = parse_text(_ONE_PICTURE, "yunling-one-picture.txt")
    assert [r.label for r in d.rows] == ["第1项", "第2项", "第3项", "温馨提示 第1项", "温馨提示 第2项",
                                        "联系方式 第1项"]
    loan, hire, refund = d.rows[:3]
    assert loan.task.startswith("创业担保贷款最高可贷30万：支持对象：")
    assert "最高可贷400万元" in loan.fields_text() and "县就业创业服务中心" in loan.fields_text()
    # a bullet ended no sentence: its line stays apart from the next one's label
    assert "同一单位招用同一人员只能享受一次；申领时间：2025年12月31日前" in hire.fields_text()
    text = " ".join(r.fields_text() for r in d.rows)
    assert not any(w in text for w in ("点击下方", "视频", "二维码", "公众号", "往期推荐", "春风行动", "阅读原文"))
    assert "无需申请" in refund.fields_text()
    assert "0871-7228615" in d.rows[-1].task
    assert d.title == "一图读懂｜云岭县2025年稳岗扩就业措施"
    # the page's column before the bar (一图读懂｜) is no part of the subject
    assert short_name(d).endswith("稳岗扩就业措施") and "一图读懂" not in short_name(d)


_MARKDOWN = """云岭县2025年稳外贸若干措施

发布时间：2025-03-18 16:05　　来源：云岭县人民政府办公室

为巩固我县外贸发展基本盘，现制定以下措施。

## 一、支持外贸主体开拓市场

**（一）支持企业参加境内外展会**

- 对企业参加境外重点展会，按展位费的70%给予补助，单个展位最高补助3万元。
- 对企业参加广交会等国内重点涉外展会，按展位费的50%给予补助。

> 注：境外重点展会目录由县商务局于2025年4月15日前公布。

**（二）支持外贸企业扩大规模**

- 对进出口额首次突破1000万美元的企业，给予10万元一次性奖励。

## 二、强化外贸金融支持

**（三）扩大出口信用保险覆盖面**

- 对企业投保短期出口信用保险的，按实缴保费的50%给予补助，单个企业年度最高50万元。

**政策咨询**：县商务局 0553-3833215
"""


def test_a_page_copied_with_its_markdown_marks():
    """## 一、… and **（一）…** are the headings they mark, each - item a point under its
    (X), the > 注 a note of the point above it, **政策咨询**： the contact — the marks are
    the page's layout, no word of the text. Before, every ## and ** line was "text that
    forms no paragraph" and skipped, and the items under them were filed under no heading."""
    d = parse_text(_MARKDOWN, "yunling-markdown.txt")
    assert [r.label for r in d.rows] == ["一、(一) 第1项", "一、(一) 第2项", "一、(二) 第1项", "二、(三) 第1项",
                                        "联系方式 第1项"]
    assert d.rows[0].section == "一、支持外贸主体开拓市场 / (一)支持企业参加境内外展会"
    assert d.rows[0].task.startswith("对企业参加境外重点展会，按展位费的70%给予补助")
    assert "境外重点展会目录由县商务局于2025年4月15日前公布" in d.rows[1].fields_text()
    assert d.rows[-1].task == "政策咨询：县商务局0553-3833215"
    assert not any(m in r.fields_text() for r in d.rows for m in ("**", "##", "- ", "> "))
    assert not any("跳过" in w for w in d.warnings)


_WORK_POINTS = """云岭县2025年优化营商环境工作要点

一、聚焦高效便捷，持续提升政务服务效能
　　深化“高效办成一件事”改革。一是2025年6月底前实现13个“一件事”集成办理；二是企业开办全流程压缩至1个工作日内办结。（责任单位：县行政审批局、县市场监管局）
　　提升诉求办理质效。一是企业诉求一般1个工作日内响应、5个工作日内办结；二是2025年4月底前全面设立“办不成事”反映窗口。（责任单位：县政府办、县行政审批局）

二、聚焦公平公正，着力营造法治化环境
　　防范和化解拖欠企业账款。一是2025年9月底前完成拖欠中小企业账款的全面排查；二是确保年底前清偿率达到100%。（责任单位：县工信局、县财政局）
　　加强市场主体权益保护。一是商事案件平均审理周期缩短10%；二是对获得发明专利授权的企业每件给予5000元奖励。（责任单位：县法院、县市场监管局）

　　各责任单位要于每季度末月25日前将工作推进情况报送县发改局，联系人：李婷，联系电话：0794-3232576。
"""


def test_a_work_plan_of_paragraphs_each_closing_with_its_units():
    """Under 一、 a 工作要点 writes its tasks as paragraphs, each closing with （责任单位：…）
    and no number: each is a row with its own units, not one row per heading holding every
    paragraph with the last paragraph's units for all (拖欠账款 was answered with 县法院). The
    paragraph after the tasks giving a contact is the contact."""
    d = parse_text(_WORK_POINTS, "yunling-points.txt")
    assert [r.label for r in d.rows] == ["一、 第1项", "一、 第2项", "二、 第1项", "二、 第2项", "联系方式 第1项"]
    arrears = d.row("二、", 1)
    assert arrears.task.startswith("防范和化解拖欠企业账款。") and arrears.lead_units == ("县工信局", "县财政局")
    assert d.row("二、", 2).lead_units == ("县法院", "县市场监管局") and "县法院" not in arrears.fields_text()
    assert d.row("一、", 2).section == "一、聚焦高效便捷，持续提升政务服务效能"
    assert "0794-3232576" in d.rows[-1].task


_TOWN_PROJECTS = """当前位置：首页 > 信息公开 > 民生实事

云岭镇2025年为民办实事项目

发布时间：2025-02-26 09:12    来源：云岭县云岭镇人民政府

经镇人大代表票决，确定2025年为民办实事项目3项，总投资560万元，现予公布。

● 一、集镇供水管网改造
建设内容：更换老旧供水管网6公里，新建加压泵站1座，解决集镇东片约900户用水高峰水压不足问题。
投资金额：260万元
完成时间：2025年9月底
责任领导：赵明远（副镇长）
责任单位：镇水利站

● 二、老年助餐服务
建设内容：新建2处老年助餐点，80周岁以上老人每餐不高于6元。
投资金额：120万元
完成时间：2025年6月底
责任领导：孙丽（镇党委委员）
责任单位：镇社会事务办

● 三、农贸市场提升
建设内容：改造农贸市场摊位120个，增设公共厕所1座。
投资金额：180万元
完成时间：2025年11月底
责任领导：赵明远（副镇长）
责任单位：镇市场监管所、镇规划建设办

监督电话：0871-6512345
"""


def test_parts_opened_by_a_bullet_over_their_fields(tmp_path, capsys):
    """● 一、集镇供水管网改造 over 建设内容：/投资金额：/…/责任单位：: the bullet only draws
    the eye, the number places the part: one row per part with its fields. Before, the
    headings were read as no heading (● before 一、) and each field line became a row of
    its own (〔建设内容 第1项〕, 〔投资金额（重复） 第1项〕 …), named after the last line."""
    d = parse_text(_TOWN_PROJECTS, "yunling-town.txt")
    # (the opening paragraph states the total, the last line the phone: rows of their own)
    assert [r.label for r in d.rows] == ["第1项", "第2项", "第3项", "联系方式 第1项", "正文 第1项"]
    water, _, market = d.rows[:3]
    assert water.task.startswith("集镇供水管网改造") and "260万元" in water.fields_text()
    assert water.lead_units == ("镇水利站",) and "2025年9月底" in water.fields_text()
    assert market.lead_units == ("镇市场监管所", "镇规划建设办")
    assert d.title == "云岭镇2025年为民办实事项目"
    [ans] = ask_about(tmp_path, capsys, _TOWN_PROJECTS, "镇上老年助餐点的项目哪个单位负责？")
    assert ans["coverage"] == "answered" and "镇社会事务办" in ans["answer"] and "第2项" in ans["answer"]


def test_a_projects_budget_is_no_fee(tmp_path, capsys):
    """托班每个月收费多少 of a project whose row states only its 投资金额 (85万元) and that its
    fee follows the 发改委's standard: the budget is a sum of another kind, so the fee is
    not stated (partial), as the row itself says. A price per unit (每餐不高于6元) answers
    what a meal costs."""
    text = _TOWN_PROJECTS.replace(
        "● 三、农贸市场提升",
        "● 三、普惠托育服务\n建设内容：新增托班2个，收费标准执行县发改委核定标准。\n投资金额：85万元\n"
        "完成时间：2025年8月底\n责任单位：镇社会事务办\n\n● 四、农贸市场提升")
    fee, meal = ask_about(tmp_path, capsys, text, "镇上托班每个月收费多少钱", "老年助餐点吃一顿饭收多少钱")
    assert fee["coverage"] == "partial" and "县发改委核定标准" in fee["answer"]
    assert meal["coverage"] == "answered" and "每餐不高于6元" in meal["answer"]


def test_the_hour_asked_is_the_hour_of_what_the_best_row_tells_of(tmp_path, capsys):
    """老年助餐点每天几点开始供餐: the 助餐点's row gives no hour; the 卫生院's row beside it
    gives its 夜间门诊's (每日18:00—21:00), which is no answer to when meals are served —
    the hour is not stated (partial), as a day asked is judged by the best row alone."""
    text = _TOWN_PROJECTS.replace(
        "● 三、农贸市场提升",
        "● 三、卫生院服务提升\n建设内容：镇卫生院开设夜间门诊，每日18:00—21:00接诊，新增助餐点老人健康档案。\n"
        "投资金额：60万元\n完成时间：2025年7月底\n责任单位：镇卫生院\n\n● 四、农贸市场提升")
    meal, = ask_about(tmp_path, capsys, text, "老年助餐点每天几点开始供餐")
    assert meal["coverage"] == "partial" and "具体时间" in meal["answer"].split("\n")[0]
