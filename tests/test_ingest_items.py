"""Items of a measures text (若干措施, 实施方案) whose shape the readers must keep:
units named 责任单位 with no lead marked."""

from __future__ import annotations

from ingest import TaskRow, parse_text
from qa.intent import Intent
from qa.render import answer_body
from ui.render import row_markdown, row_text

MEASURES = ("黎平县促进文旅消费若干措施\n"
            "一、培育消费主体\n"
            "1.对新评定的四星级旅游饭店，给予一次性奖励20万元。（责任单位：县文体广电旅游局、县财政局、县统计局）\n"
            "2.对年接待游客超过10万人次的景区，给予奖励5万元。（牵头单位：县文体广电旅游局；配合单位：县财政局）\n"
            "3.对侗族大歌演出团队给予演出补贴。（责任单位：县财政局、县文体广电旅游局（牵头））\n")


def _rows() -> list[TaskRow]:
    return parse_text(MEASURES, "t.txt").rows


def test_responsible_units_with_no_lead_marked_stay_responsible():
    r1, r2, _ = _rows()
    # the document names three 责任单位 and says none of them leads: all three are
    # responsible, none is called 牵头单位
    assert (r1.lead_units, r1.coop_units, r1.lead_marked, r1.lead_word) == (
        ("县文体广电旅游局", "县财政局", "县统计局"), (), False, "责任单位")
    assert "  责任单位：县文体广电旅游局、县财政局、县统计局" in row_text(r1)
    assert "牵头单位" not in row_text(r1) and "**责任单位**" in row_markdown(r1)
    # 牵头单位 written: a lead, as always
    assert (r2.lead_units, r2.coop_units, r2.lead_marked) == (("县文体广电旅游局",), ("县财政局",), True)
    assert "  牵头单位：县文体广电旅游局" in row_text(r2)


def test_units_marked_lead_in_the_list_lead():
    r3 = _rows()[2]
    # （牵头） marks the lead inside a 责任单位 list: it leads, the others cooperate
    assert (r3.lead_units, r3.coop_units, r3.lead_marked) == (("县文体广电旅游局",), ("县财政局",), True)


def test_answer_says_responsible_when_no_lead_is_marked():
    r1, r2, _ = _rows()
    body = answer_body([], [r1, r2], Intent.DEPARTMENT)
    assert body.splitlines()[0] == "责任单位：县文体广电旅游局、县财政局、县统计局；配合单位：—〔第1项〕"
    assert "牵头单位：县文体广电旅游局；配合单位：县财政局" in body


def test_lead_marked_round_trips_and_is_written_only_when_false():
    r1, r2, _ = _rows()
    assert TaskRow.from_dict(r1.to_dict()) == r1 and r1.to_dict()["lead_marked"] is False
    assert "lead_marked" not in r2.to_dict() and TaskRow.from_dict(r2.to_dict()) == r2


FUJI = ("黎平县促进文旅消费若干措施\n"
        "一、培育消费主体\n"
        "1.对新评定的四星级旅游饭店，给予一次性奖励20万元。（责任单位：县文体广电旅游局）\n"
        "2.对年接待游客超过10万人次的景区，给予奖励5万元。（责任单位：县财政局）\n"
        "二、附则\n"
        "本措施自2023年3月1日起施行，有效期两年。\n"
        "本措施由县文体广电旅游局负责解释。\n"
        "黎平县人民政府办公室　　　　2023年2月10日印发\n")


def test_closing_words_under_a_heading_of_their_own_are_its_item():
    """五、附则 then 本措施自…起施行: the 附则's words are an item (its dates and 解释部门 are
    asked about); the signature after them is not; with no such heading, closing words
    that state such provisions are a row of their own, 〔附则 第1项〕."""
    doc = parse_text(FUJI, "t.txt")
    last = doc.rows[-1]
    assert len(doc.rows) == 3 and "2023年3月1日起施行" in last.task and "负责解释" in last.task
    assert "印发" not in last.task and any("落款" in w for w in doc.warnings)
    plain = parse_text(FUJI.replace("二、附则\n", ""), "t.txt")
    assert [r.label for r in plain.rows] == ["第1项", "第2项", "附则 第1项"]
    assert plain.rows[-1].task == "本措施自2023年3月1日起施行，有效期两年。本措施由县文体广电旅游局负责解释。"


def test_the_department_directory_keeps_responsible_units_apart_from_leads():
    """县统计局 named only among 责任单位 with no lead marked leads nothing: the directory
    (policyqa depts, the 部门目录 tab) lists the row as one it is responsible for."""
    from ingest.departments import directory
    from ui.render import dept_text

    entries = {e.name: e for e in directory(_rows())}
    stats = entries["县统计局"]
    assert (stats.leads, stats.cooperates, len(stats.responsible)) == ([], [], 1)
    assert "负责 1 项" in dept_text(stats) and "牵头 0 项" in dept_text(stats)
    assert entries["县文体广电旅游局"].leads and "responsible" in entries["县文体广电旅游局"].to_dict()
