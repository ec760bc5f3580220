"""A document numbered straight through, loaded alone (``policyqa serve --doc
平遥``): its rows are 〔第1项〕 … 〔第4项〕, with no scope. The row API finds them by
number, by label and by the document's short name; the footer names such a path; its
example questions (built from its rows) are answered with its citations, and a click on
〔第N项〕 — in an answer or in the department directory — opens the row."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import serving
from tests.test_browser import app_page

DATA = Path(__file__).parent / "data"
PY = "平遥优化营商任务清单"
PY_LEADS = "推行企业开办“一网通办”由哪个部门牵头？"  # built from 第1项 (ui.examples)


@pytest.fixture(scope="module")
def one_doc_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("one-doc-home")
    with serving(home, home / "serve.log", ["--doc", str(DATA / "pingyao_table.txt")], 300) as base:
        yield base


def test_row_api_finds_rows_without_a_scope(one_doc_server):
    base = one_doc_server
    for path in ("3", "第3项", "〔第3项〕", f"{PY}/3", f"{PY} 第3项"):
        r = httpx.get(f"{base}/api/rows/{path}")
        assert r.status_code == 200, (path, r.text)
        assert r.json()["label"] == "第3项" and r.json()["task"].startswith("落实减税降费政策"), path
    missing = httpx.get(f"{base}/api/rows/9")
    assert missing.status_code == 404 and missing.json()["detail"] == "没有 第9项（有 1–4 项）。"
    unread = httpx.get(f"{base}/api/rows/第三")
    assert unread.status_code == 404 and "/api/rows/第3项" in unread.json()["detail"]
    assert httpx.get(f"{base}/api/rows/附件1/1").status_code == 404


@pytest.fixture(scope="module")
def page(one_doc_server):
    with app_page(one_doc_server) as pg:
        yield pg


@pytest.mark.browser
def test_footer_names_a_row_path_that_works(page):
    assert "GET /api/rows/第1项" in page.locator("#pqa-footer").inner_text()


@pytest.mark.browser
def test_example_answered_and_its_citation_opens_the_row(page):
    page.locator("#examples button, #examples .gallery-item, #examples td", has_text=PY_LEADS).first.click()
    page.wait_for_selector("#chatbot [data-testid=bot] .pqa-cite:text('第1项')", timeout=60_000)
    answer = page.locator("#chatbot [data-testid=bot]").first.inner_text()  # the answer, then its 出处
    # (the table calls its lead column 责任单位, beside its 配合单位: the answer says it so)
    assert "责任单位：县行政审批服务管理局" in answer and "〔第1项〕" in answer and "本文件未涉及" not in answer, answer
    page.locator("#chatbot [data-testid=bot] .pqa-cite", has_text="第1项").first.click()
    drawer = page.locator("#row-drawer")
    drawer.wait_for(state="visible", timeout=30_000)
    page.wait_for_selector("#row-drawer :text('一网通办')", timeout=30_000)
    assert "〔第1项〕" in drawer.inner_text()
    page.click("#row-close")
    drawer.wait_for(state="hidden", timeout=30_000)


@pytest.mark.browser
def test_directory_citation_opens_the_row(page):
    page.get_by_role("tab", name="政策查询").click()
    page.click("#dept-accordion button, #dept-accordion .label-wrap")
    page.locator("#dept-select input").click()
    page.locator("#dept-select [role=listbox] li", has_text="县工信局").first.click()
    page.wait_for_selector("#dept-out .pqa-cite:text('第4项')", timeout=30_000)
    page.locator("#dept-out .pqa-cite", has_text="第4项").first.click()
    page.locator("#row-drawer").wait_for(state="visible", timeout=30_000)
    page.wait_for_selector("#row-drawer :text('一次性奖励5万元')", timeout=30_000)
    assert "〔第4项〕" in page.locator("#row-drawer").inner_text()
