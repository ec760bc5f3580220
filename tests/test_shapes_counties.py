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
])
def test_conjunctions_between_complete_names(cell, names):
    assert read_units(cell).names == names


def test_articles_with_unit_lines():
    d = doc("danleng_articles.txt")
    assert units(d)["第七条"] == (("县商务局", "县经济信息化和科技局"), ())
    # 县财政局（牵头）、…: the marked one leads, the others cooperate; the mark is no note
    assert units(d)["第三条"] == (("县财政局",), ("县金融工作服务中心", "县融资担保公司"))
    assert d.row("条", 3).notes == ()


@pytest.mark.parametrize("cell,names,leads,notes", [
    ("县财政局（牵头）、县金融工作服务中心", ("县财政局", "县金融工作服务中心"), ("县财政局",), ()),
    ("县人社局、县商务局(牵头单位)", ("县人社局", "县商务局"), ("县商务局",), ()),
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
                                         "二、(二) 第2项", "二、(三) 第1项", "二、(三) 第2项", "三、 第1项", "三、 第2项"]
    assert d.row("二、(一)", 2).headings == ("二、重点任务", "(一)推进果园提质改造")
    assert units(d) == {
        "一、 第1项": ((), ()),
        # 各乡（镇）人民政府: the bracket is inside the name, not a note
        "二、(一) 第1项": (("县果业发展中心",), ("县财政局", "各乡（镇）人民政府")),
        "二、(一) 第2项": (("县果业发展中心",), ("县农业农村局", "县生态环境局")),
        "二、(二) 第1项": (("县商务局", "县农业农村局"), ()),
        "二、(二) 第2项": (("县工业和信息化局", "县果业发展中心"), ()),
        "二、(三) 第1项": (("县委宣传部", "县商务局"), ()),
        "二、(三) 第2项": (("县市场监管局",), ()),   # 县市场监督管理局, by the alias table
        "三、 第1项": (("县委农办",), ()),
        "三、 第2项": (("县财政局",), ()),
    }
    assert all(r.notes == () for r in d.rows)
    r = d.row("二、(一)", 1)
    assert r.task == "实施低产果园改造。每年改造低产低效果园1万亩，对集中连片改造50亩以上的，每亩补助800元。"
    # （1）（2） are the row's points; the 责任单位 line after them is the row's
    r = d.row("二、(二)", 1)
    assert r.task.endswith("单个最高不超过50万元。具体包括：") and r.lines == (17, 20)
    assert r.measures[0].items == ("支持农民合作社建设产地仓储设施；", "支持龙头企业建设区域性冷链集配中心。")
    assert d.warnings == ["第 28 行起是结束语（本意见自印发之日起施行，有效期至2025…），不属于任何条目，未计入"]
