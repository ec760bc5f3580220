"""Table rows whose cells wrap onto the next line (tests/data/wuyuan_wrapped*.txt,
written for these tests): a numbered line with fewer cells than the header starts a
row that the following line(s) continue until its cells are complete; a
continuation's first cell is the rest of the row's last cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import load_document, parse_text
from ingest.wrap import continue_row

DATA = Path(__file__).parent / "data"

# label → (task, lead, cooperating, deadline); rows 2, 3 and 5 wrap in the file:
# 2 its task cell (the rest on a line that starts with a tab, the empty number cell),
# 3 its unit cell after 、 (the rest under the unit column: two tabs), 5 its task cell
# with the rest at the line's start (no tab before it)
EXPECTED = {
    "第1项": ("推进篁岭景区提质扩容，新增观光步道3公里", ("县文广新旅局",), ("县自然资源局",), "2024年10月底前"),
    "第2项": ("实施乡村民宿等级评定，新评定甲级民宿20家、乙级民宿40家，对评定的民宿给予一次性奖励",
             ("县文广新旅局",), ("县财政局",), "2024年12月底前"),
    "第3项": ("开通旅游专线公交4条，实现主要景区公交全覆盖", ("县交通运输局",),
             ("县公安局", "县文广新旅局", "县城投集团"), "2024年6月底前"),
    "第4项": ("举办“油菜花节”等节庆活动不少于6场", ("县文广新旅局",), ("各乡（镇）人民政府",), "持续推进"),
    "第5项": ("完善智慧旅游平台，景区门票、停车、住宿实现“一码通游”，线上预订率达到70%",
             ("县大数据中心",), ("县文广新旅局",), "2024年9月底前"),
    "第6项": ("开展旅游市场秩序专项整治，游客投诉办结率100%", ("县市场监管局",),
             ("县文广新旅局", "县公安局"), "2024年12月底前"),
}


@pytest.mark.parametrize("name", ["wuyuan_wrapped.txt", "wuyuan_wrapped_spaces.txt"], ids=["tabs", "spaces"])
def test_wrapped_rows_are_whole(name):
    d = load_document(DATA / name)
    assert d.shape == "table"
    got = {r.label: (r.task, r.lead_units, r.coop_units, "；".join(m.deadline for m in r.measures)) for r in d.rows}
    assert got == EXPECTED
    # every wrapped row spans its two lines; no line of the table is skipped
    assert [r.lines for r in d.rows if r.lines[0] != r.lines[1]] == [(17, 18), (19, 20), (22, 23)]
    assert not any("列" in w for w in d.warnings)


HEADER = "序号\t重点任务\t责任单位\t完成时限\n"


def test_a_line_that_would_overfill_the_row_is_no_continuation():
    # row 1 lacks its deadline; the next line has cells under the task column too, so
    # it is a row of its own (a measure line), not the rest of row 1's unit cell
    assert continue_row(["1", "任务", "县财政局"], ["", "措施", "县税务局", "6月底"], 4) is None
    assert continue_row(["1", "任务"], ["2", "任务二", "县税务局", "6月底"], 4) is None


def test_wrapped_cell_over_three_lines():
    # the task cell wraps twice: the row is complete only after the third line
    d = parse_text(HEADER + "1\t推进老旧小区改造，\n\t加装电梯30部，\n\t新建停车位500个\t县住建局（牵头）、县财政局\t"
                   "2024年底前\n2\t完善社区养老服务\t县民政局\t持续推进\n3\t建设口袋公园5个\t县城管局\t10月底前\n", "t.txt")
    r = d.rows[0]
    assert (r.task, r.lead_units, r.coop_units, r.lines) == (
        "推进老旧小区改造，加装电梯30部，新建停车位500个", ("县住建局",), ("县财政局",), (2, 4))
    assert [x.number for x in d.rows] == [1, 2, 3]


def test_a_web_page_copy_indents_a_wrapped_cells_rest_by_one_tab():
    """A table copied from a web page puts a long cell's rest on a line that starts with
    one tab, then the cells the row still lacks (not one tab per column before it): the
    row is whole, its units and deadline read from that line. Before, both lines were
    skipped as rows of the wrong width (18 of a district's 37 items lost)."""
    d = parse_text("序号\t重点任务\t具体措施\t责任单位\t完成时限\n一、提升政务服务效能\n"
                   "1\t推行“高效办成一件事”\t围绕企业开办、员工招聘等13个“一件事”，推行一表申请、\n"
                   "\t平均办理时限压减50%以上。\t区数据资源局、区市场监管局\t2024年9月底前\n"
                   "2\t推行帮办代办\t组建不少于20人的帮办代办队伍。\t区数据资源局\t长期坚持\n", "t.txt")
    assert [(r.number, r.section, r.lead_units, r.coop_units, r.measures[0].deadline) for r in d.rows] == [
        (1, "一、提升政务服务效能", ("区数据资源局", "区市场监管局"), (), "2024年9月底前"),
        (2, "一、提升政务服务效能", ("区数据资源局",), (), "长期坚持")]
    assert d.rows[0].measures[0].text.endswith("推行一表申请、平均办理时限压减50%以上。")
    assert d.rows[0].lines == (3, 4)
    assert not any("列" in w for w in d.warnings)


def test_a_short_row_nothing_continues_is_skipped_and_said():
    d = parse_text(HEADER + "1\t任务一\t县财政局\t6月底前\n2\t只有两列\n3\t任务三\t县税务局\t9月底前\n", "t.txt")
    assert [r.number for r in d.rows] == [1, 3]
    assert any(w.startswith("第 3 行") and "4 列" in w and "跳过" in w for w in d.warnings)


def test_a_table_of_one_row_is_a_table():
    # a header that names its columns and one numbered row under it: a table of one row
    d = parse_text("某镇关于印发人居环境整治任务的通知\n\n" + HEADER + "1\t整治河道2公里\t镇农业服务中心（牵头）、镇财政所\t"
                   "2024年5月底前\n", "t.txt")
    assert d.shape == "table"
    assert [(r.label, r.task, r.lead_units, r.coop_units) for r in d.rows] == [
        ("第1项", "整治河道2公里", ("镇农业服务中心",), ("镇财政所",))]
    spaced = parse_text("序号    重点任务    责任单位    完成时限\n1    整治河道2公里    镇农业服务中心    2024年5月底前\n",
                        "t.txt")
    assert (spaced.shape, [r.lead_units for r in spaced.rows]) == ("table", [("镇农业服务中心",)])


_PDF_MEASURES = """云岭市关于支持民营经济发展的若干措施
一、加大财政金融支持力度
（一）设立转贷应急资金。市级财政安排转贷应急资金规模不低于5亿元，为
按期还贷确有困难的民营企业提供短期周转，单笔最高不超过3000万
元。（责任单位：市财政局）
（二）推行惠企政策“免申即享”。依托“皖企通”统一发布惠
— 1 —
云岭市关于支持民营经济发展的若干措施.pdf
企政策，财政奖补资金原则上在申报截止后60个工作日内拨付到位。
二、强化服务保障
（三）防范拖欠企业账款。机关、事业单位从中小企
— 2 —
云岭市关于支持民营经济发展的若干措施.pdf
业采购货物，应当自交付之日起30日内支付款项。
三、附则
本措施自2024年4月1日起施行，有效期至2026年12月31
日。与我市其他同类政策重复的，按照“就高不重复”原则执行。
各责任单位应在本措施印发之日起30日内制定实施细则。本措
施由市发展改革委负责解释。
政策咨询电话：0550-3021565（市发展改革委民营经济
发展科）。
— 3 —
"""


def test_a_pdf_copy_loses_its_running_head_and_keeps_its_closing_words_whole():
    """A PDF copy wraps every 30 characters and repeats the file's name under each page
    number: the name beside two page numbers is the page's running head, no words of the
    item it fell into; the 附则's wrapped sentences (…12月31 / 日。…) are its text to the
    end, and the consulting line after them — its bracket wrapped too — the contact. Before,
    the head ran into two items (…统一发布惠云岭市关于…若干措施.pdf企政策) and made a heading
    of its own, and all of the 附则 after its first line was set aside as a signature."""
    d = parse_text(_PDF_MEASURES, "yunling-pdf.txt")
    text = " ".join(r.fields_text() for r in d.rows)
    assert ".pdf" not in text
    assert "统一发布惠企政策" in text and "从中小企业采购货物" in text
    provisions = next(r for r in d.rows if r.section.endswith("附则"))
    assert "有效期至2026年12月31日" in provisions.task and "市发展改革委负责解释" in provisions.task
    assert d.rows[-1].task == "政策咨询电话：0550-3021565（市发展改革委民营经济发展科）。"
    assert not any("落款" in w for w in d.warnings)
