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
