"""A 兑现清单 published as numbered items, each a run of labelled lines (政策名称：… /
兑现标准：… / 受理部门：… / 办理时限：… / 咨询电话：…), with a 备注 paragraph after the last
item (written for these tests in the shape of a county's published list)."""

from __future__ import annotations

from ingest import parse_text
from ingest.schema import LEAD_FIELD

_LIST = """临河县人民政府办公室关于公布《临河县2024年惠企政策兑现清单》的通知
临政办发〔2024〕9号
各乡镇人民政府，县直各单位：
　　现将《临河县2024年惠企政策兑现清单》予以公布，请遵照执行。
一、财政奖补类
1.政策名称：商贸企业升限入统奖励
政策内容：支持批发、零售、住宿、餐饮企业做大做强。
兑现标准：批发业企业奖励3万元，零售业、住宿和餐饮业企业奖励5万元。
受理部门：县商务局
办理时限：15个工作日
咨询电话：0794-6223317

2.政策名称：发明专利授权奖励
兑现标准：每件奖励5000元，单个企业年度奖励不超过5万元。
受理部门：县市场监管局（县知识产权局）
办理时限：20个工作日
咨询电话：0794-6221108

3.政策名称：就业见习补贴
兑现标准：按当地最低工资标准的60%给予见习补贴。
受理部门：县人社局
兑现时限：免申即享，15个工作日内直接拨付
咨询电话：0794-6227721

　　备注：1.企业申报时须无重大违法违规记录；2.企业弄虚作假骗取奖补资金的，全额追回。

临河县人民政府办公室
2024年3月1日
"""


def test_each_items_labelled_lines_are_its_fields():
    """受理部门：… is the unit that handles the item, shown under that name; 办理时限：… and
    兑现时限：… its deadline. Before, both stayed in the item's text and the item had no unit."""
    d = parse_text(_LIST, "linhe.txt")
    assert [(r.number, r.lead_units, r.coop_units) for r in d.rows[:3]] == [
        (1, ("县商务局",), ()), (2, ("县市场监管局",), ()), (3, ("县人社局",), ())]
    assert [r.measures[0].deadline for r in d.rows[:3]] == ["15个工作日", "20个工作日", "免申即享，15个工作日内直接拨付"]
    assert [r.lead_word for r in d.rows[:3]] == ["受理部门"] * 3
    assert [r.deadline_word for r in d.rows[:3]] == ["办理时限", "办理时限", "兑现时限"]
    assert all(r.has(LEAD_FIELD) for r in d.rows[:3])
    assert "受理部门" not in d.rows[0].task and "兑现标准：批发业企业奖励3万元" in d.rows[0].task


def test_the_last_items_contact_line_is_its_own_and_the_note_a_row_of_its_own():
    """Every item writes its own 咨询电话：…: the last item's is the last item's, not the
    notice's contact after its items; the 备注 paragraph after them, which holds for all
    of them, is a row of its own. Before, the last item's phone and the note were read
    together as 〔联系方式 第1项〕."""
    d = parse_text(_LIST, "linhe.txt")
    assert "咨询电话：0794-6227721" in d.rows[2].task and "备注" not in d.rows[2].task
    note = d.rows[3]
    assert (note.label, note.task) == ("备注 第1项", "备注：1.企业申报时须无重大违法违规记录；2.企业弄虚作假骗取奖补资金的，全额追回。")
    assert len(d.rows) == 4 and not any(r.section == "联系方式" for r in d.rows)
