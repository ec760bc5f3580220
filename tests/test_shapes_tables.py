"""Two more ways a county's table reaches us, written for these tests: a task table whose
序号 column numbers tasks within their group (a group's row "1 企业开办" over 1.1, 1.2), its
long cells wrapped onto lines of their own; and a 政策清单 saved from a spreadsheet as CSV,
its cells with commas or line breaks in double quotes."""

from __future__ import annotations

from ingest import parse_text
from ingest.csvtable import uncsv
from tests.conftest import ask_about

_GROUPED = """云岭县2025年优化营商环境重点任务清单

序号\t重点任务\t具体举措\t责任单位\t完成时限
1\t企业开办\t\t\t
1.1\t压缩开办时间\t推行设立登记、公章刻制、发票申领“一表填报”，全流程压缩至1个工作日以内；对新开办企业免
费刻制首套公章，费用由县财政承担\t县市场监管局（牵头）、县公安局、县税务局\t2025年6月底前
1.2\t便利企业退出\t未发生债权债务的企业可申请简易注销，公告期20日\t县市场监管局（牵头）、县税务局\t持续推进
2\t金融服务\t\t\t
2.1\t用好过桥资金\t续贷过桥资金规模不低于1亿元，使用费按日万分之一收取\t县财政局（牵头）、县金融服务中心\t持续推进

备注：责任单位中标注（牵头）的为牵头单位。
"""


def test_tasks_numbered_within_their_group_are_rows_of_the_group():
    """1.1, 1.2 and 2.1 are three rows under their group's title — the group's own row (1
    企业开办, its other cells empty) is their heading, not a task; a cell cut over two lines
    (…对新开办企业免 / 费刻制首套公章…) is one cell again."""
    d = parse_text(_GROUPED, "yunling-tasks.txt")
    rows = {r.label: r for r in d.rows}
    assert {"企业开办 第1项", "企业开办 第2项", "金融服务 第1项"} <= set(rows)
    assert not any(r.task == "企业开办" for r in d.rows)
    first = rows["企业开办 第1项"]
    assert first.task == "压缩开办时间" and "对新开办企业免费刻制首套公章" in first.fields_text()
    assert first.lead_units == ("县市场监管局",) and first.coop_units == ("县公安局", "县税务局")
    assert first.measures[0].deadline == "2025年6月底前"
    assert "万分之一" in rows["金融服务 第1项"].fields_text()


_CSV = """云岭县2025年惠企政策兑现清单
序号,政策名称,政策内容,兑现标准,申报条件,受理部门,咨询电话,兑现时限
1,新升规工业企业奖励,"对首次纳入规模以上工业统计的企业,一次性奖励10万元",每户10万元,"1.在本县登记注册；
2.上年度首次入库",县工业和信息化局,0871-5422163,每年3月31日前申报
2,小微企业“六税两费”减征,"对小规模纳税人""六税两费""按50%减征",减征50%,小规模纳税人,县税务局,0871-5422366,申报时直接享受
注：以上政策由各受理部门负责解释
"""


def test_a_spreadsheet_saved_as_csv_is_read_as_its_table():
    """The header's commas separate columns; a quoted cell keeps its commas, its line break
    and its doubled quotes — two policies, where the lines read as text made rows of the
    points of one cell."""
    lines = _CSV.splitlines()
    records = uncsv(lines)
    assert records is not None and len(records) == len(lines)  # every line keeps its number
    d = parse_text(_CSV, "yunling-policies.csv")
    assert [r.label for r in d.rows if r.attachment != "注"] == ["第1项", "第2项"]
    first, second = d.rows[0], d.rows[1]
    assert first.task == "新升规工业企业奖励：对首次纳入规模以上工业统计的企业,一次性奖励10万元"
    assert first.lead_units == ("县工业和信息化局",)
    assert any("2.上年度首次入库" in n for n in first.notes) and any("0871-5422163" in n for n in first.notes)
    assert "对小规模纳税人\"六税两费\"按50%减征" in second.task
    assert uncsv(["序号\t政策名称\t政策内容\t受理部门", "1\t甲\t乙\t县财政局"]) is None  # tabs: read as they are


def test_a_deadline_is_quoted_under_the_tables_own_column_name(tmp_path, capsys):
    """The table calls its time column 完成时限: the answer quotes the deadline under that
    name, not under the built-in corpus's 时间进度 (the document's wording, its label too)."""
    d = parse_text(_GROUPED, "yunling-tasks.txt")
    assert {r.deadline_label for r in d.rows if r.measures} == {"完成时限"}
    [when] = ask_about(tmp_path, capsys, _GROUPED, "压缩开办时间这项任务什么时候完成？")
    assert "完成时限：2025年6月底前" in when["answer"] and "时间进度" not in when["answer"]


def test_a_column_named_by_an_action_answers_that_action(tmp_path, capsys):
    """怎么兑现 asks what the 兑现时限 column says (每年3月31日前申报): quoted first, under its
    name, as a note column named by its action (兑现方式) always was."""
    [how] = ask_about(tmp_path, capsys, _CSV, "新升规工业企业奖励怎么兑现？")
    assert how["coverage"] == "answered"
    assert how["answer"].startswith("兑现时限：每年3月31日前申报")


def test_a_row_is_shown_under_the_tables_own_column_names(tmp_path, capsys):
    """The CSV's columns are 政策名称/政策内容, 兑现标准, 受理部门, 兑现时限: its rows are shown
    (terminal and page) and its department answered under those names, with no column the
    table does not have (配合单位, 年度目标和效果 — a "—" there would say the document left
    them empty); the built-in corpus keeps its seven (附件2 calls its first one 主要内容)."""
    from ingest import load_document
    from ui.render import row_markdown, row_text

    first = parse_text(_CSV, "yunling-policies.csv").rows[0]
    text, md = row_text(first), row_markdown(first)
    for shown in ("政策名称、政策内容：新升规工业企业奖励", "受理部门：县工业和信息化局", "兑现标准：", "兑现时限：每年3月31日前申报",
                  "咨询电话：0871-5422163"):
        assert shown in text
    for absent in ("主要任务", "牵头单位", "配合单位", "落实措施", "年度目标和效果", "时间进度", "备注：咨询电话"):
        assert absent not in text and absent not in md
    assert "**受理部门**：县工业和信息化局" in md and "| # | 兑现标准 | 兑现时限 |" in md
    built_in = {r.key: r for r in load_document(None).rows}
    assert "主要内容：" in row_text(built_in[("附件2", 1)]) and "主要任务：" in row_text(built_in[("附件1", 1)])
    assert "配合单位：" in row_text(built_in[("附件2", 1)])
    [who] = ask_about(tmp_path, capsys, _CSV, "新升规工业企业奖励找哪个部门？")
    assert "受理部门：县工业和信息化局" in who["answer"] and "配合单位" not in who["answer"]
