"""Several documents in the browser (issue 13): ``policyqa serve --doc 平遥 --doc 隰县``
in a real chromium — the page's title and heading name both documents, the 文件 filter
shows one document's rows with its own 附件/章节 choices, a citation naming a document
opens its row, the debug tab searches one document, the row API reads such labels."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import serving
from tests.test_browser import CHROMIUM, app_page, ask, bot_text

DATA = Path(__file__).parent / "data"
PY = "平遥优化营商任务清单"
XX = "隰县重点任务责任分工"
PY_WHEN = "全面推行“证照分离”改革什么时候完成？"  # built from 平遥 第2项 (ui.examples)
XX_LEADS = "地区生产总值增长7%由哪个部门牵头？"  # built from 隰县 一、 第1项

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"chromium not found at {CHROMIUM}"),
]


@pytest.fixture(scope="module")
def two_doc_server(tmp_path_factory):
    """The shipped server over two documents given with --doc (their small index is
    built at start), in its own data directory."""
    home = tmp_path_factory.mktemp("two-doc-home")
    docs = ["--doc", str(DATA / "pingyao_table.txt"), "--doc", str(DATA / "xixian_items_lines.txt")]
    with serving(home, home / "serve.log", docs, 300) as base:
        yield base


@pytest.fixture(scope="module")
def page(two_doc_server):
    with app_page(two_doc_server) as pg:
        yield pg


def _choose(page, elem_id: str, shown: str) -> None:
    page.locator(f"#{elem_id} input").click()
    page.locator(f"#{elem_id} [role=listbox] li", has_text=shown).first.click()


def _options(page, elem_id: str) -> list[str]:
    page.locator(f"#{elem_id} input").click()
    page.wait_for_selector(f"#{elem_id} [role=listbox] li", timeout=30_000)
    options = page.locator(f"#{elem_id} [role=listbox] li").all_inner_texts()
    page.keyboard.press("Escape")
    page.locator("#pqa-header").click()  # focus away: the next click opens the list again
    return [o.replace("✓", "").strip() for o in options]


def _table(page) -> str:
    return page.locator("#browse-table").inner_text()


def test_title_and_heading_name_the_loaded_documents(page):
    assert page.title() == f"政策问答 · {PY}、{XX}"
    head = page.locator("#pqa-header").inner_text()
    assert "已载入 2 个文件" in head and f"{PY}（平政办发〔2021〕12号，4 项）" in head and XX in head
    assert "大宁" not in head
    # not the built-in corpus's examples: questions built from these documents' rows
    examples = page.locator("#examples").inner_text()
    assert PY_WHEN in examples and XX_LEADS in examples and "高企认定奖励多少" not in examples, examples


def test_an_example_built_from_a_row_is_answered_with_its_citation(page):
    page.get_by_role("tab", name="咨询").click()
    page.locator("#examples button, #examples .gallery-item, #examples td", has_text=PY_WHEN).first.click()
    page.wait_for_selector(f"#chatbot [data-testid=bot] .pqa-cite:text('{PY} 第2项')", timeout=60_000)
    assert page.locator("#chatbot [data-testid=user]").all_inner_texts() == [PY_WHEN]
    answer = page.locator("#chatbot [data-testid=bot]").first.inner_text()  # the answer, then its 出处
    assert f"〔{PY} 第2项〕" in answer and "本文件未涉及" not in answer and "持续推进" in answer, answer
    page.click("#clear-btn")
    page.wait_for_function("() => !document.querySelector('#chatbot [data-testid=user]')", timeout=30_000)


def test_browse_filters_by_document(page):
    page.get_by_role("tab", name="政策查询").click()
    page.wait_for_selector("#browse-count :text('共 10 项')", timeout=30_000)  # 4 + 6
    assert _options(page, "browse-document") == ["全部", f"{PY}（平政办发〔2021〕12号）", XX]
    _choose(page, "browse-document", PY)
    page.wait_for_selector("#browse-count :text('共 4 项')", timeout=30_000)
    table = _table(page)
    assert all(f"{PY} 第{n}项" in table for n in (1, 2, 3, 4)) and XX not in table, table[:300]
    # 平遥's numbers need no scope: no 附件 list; its sections are its own
    assert not page.locator("#browse-attachment").is_visible()
    assert _options(page, "browse-section")[1:] == ["一、提升政务服务效能", "二、降低企业经营成本"]
    _choose(page, "browse-document", XX)
    page.wait_for_selector("#browse-count :text('共 6 项')", timeout=30_000)
    assert PY not in _table(page) and f"{XX} 二、 第2项" in _table(page)
    # 隰县's scopes are its headings, read from its rows
    assert _options(page, "browse-attachment") == ["全部", "一、", "一、（重复）", "二、"]
    _choose(page, "browse-attachment", "二、")
    page.wait_for_function("() => /共 [1-5] 项/.test(document.querySelector('#browse-count').innerText)",
                           timeout=30_000)
    page.wait_for_selector("#browse-count :text('共 2 项')", timeout=30_000)
    table = _table(page)
    assert f"{XX} 二、 第1项" in table and f"{XX} 二、 第2项" in table and "一、 第" not in table, table[:300]
    assert _options(page, "browse-section") == ["全部", "二、重点工作"]
    # back to all documents: the chosen scope stays (now led by its document's name)
    _choose(page, "browse-document", "全部")
    page.wait_for_function(
        f"() => document.querySelector('#browse-attachment input').value === '{XX} 二、'", timeout=30_000)
    page.wait_for_selector("#browse-count :text('共 2 项')", timeout=30_000)
    _choose(page, "browse-attachment", "全部")
    page.wait_for_selector("#browse-count :text('共 10 项')", timeout=30_000)


def test_department_directory_follows_the_document(page):
    """全部: 县财政局's rows grouped under each document's short name; 平遥 chosen: only
    平遥's departments and rows; a citation there opens its row."""
    page.get_by_role("tab", name="政策查询").click()
    _choose(page, "browse-document", "全部")
    page.wait_for_selector("#browse-count :text('共 10 项')", timeout=30_000)
    page.click("#dept-accordion button, #dept-accordion .label-wrap")
    page.wait_for_selector("#dept-out :text('牵头')", timeout=30_000)
    _choose(page, "dept-select", "县财政局")
    page.wait_for_selector("#dept-out :text('2 个文件')", timeout=30_000)
    heads = page.locator("#dept-out h5").all_inner_texts()
    assert heads == [PY, XX], heads
    out = page.locator("#dept-out").inner_text()
    assert f"〔{PY} 第4项〕" in out and f"〔{XX} 二、 第1项〕" in out
    _choose(page, "browse-document", PY)
    page.wait_for_selector("#browse-count :text('共 4 项')", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('#dept-out h5')", timeout=30_000)
    assert _options(page, "dept-select") == ["县税务局", "县行政审批服务管理局", "县财政局", "县人社局", "县公安局",
                                             "县工信局", "县市场监管局", "县直各相关单位"]
    out = page.locator("#dept-out").inner_text()
    assert "县财政局" in out and f"〔{PY} 第4项〕" in out and XX not in out, out
    # 县税务局 is 平遥's only: with 隰县 chosen the list moves to 隰县's first
    _choose(page, "dept-select", "县税务局")
    page.wait_for_selector("#dept-out :text('县税务局')", timeout=30_000)
    _choose(page, "browse-document", XX)
    page.wait_for_function("() => document.querySelector('#dept-select input').value === '县统计局'",
                           timeout=30_000)
    page.wait_for_selector(f"#dept-out :text('{XX} 一、 第2项')", timeout=30_000)
    assert PY not in page.locator("#dept-out").inner_text()
    page.locator("#dept-out .pqa-cite", has_text=f"{XX} 一、 第2项").first.click()
    page.locator("#row-drawer").wait_for(state="visible", timeout=30_000)
    assert f"〔{XX} 一、 第2项〕" in page.locator("#row-drawer").inner_text()
    page.click("#row-close")
    _choose(page, "browse-document", "全部")
    page.wait_for_selector("#browse-count :text('共 10 项')", timeout=30_000)


def test_a_citation_naming_a_document_opens_its_row(page):
    page.get_by_role("tab", name="咨询").click()
    ask(page, "平遥企业开办全流程办理时间压缩到多久")
    assert f"〔{PY} 第1项〕" in bot_text(page)
    page.locator("#chatbot [data-testid=bot] .pqa-cite", has_text=f"{PY} 第1项").first.click()
    page.locator("#row-drawer").wait_for(state="visible", timeout=30_000)
    page.wait_for_selector("#row-drawer :text('一网通办')", timeout=30_000)
    assert f"〔{PY} 第1项〕" in page.locator("#row-drawer").inner_text()
    page.click("#row-close")


def test_debug_search_within_one_document(page):
    page.get_by_role("tab", name="命中测试").click()
    _choose(page, "debug-document", XX)
    page.fill("#debug-query textarea", "企业开办")
    page.click("#debug-search")
    page.wait_for_function(f"() => document.querySelector('#debug-table').innerText.includes('{XX} ')",
                           timeout=30_000)
    text = page.locator("#debug-table").inner_text()
    assert PY not in text and text.count(XX) == 6  # its 6 rows, none of 平遥's


def test_row_api_reads_labels_naming_a_document(two_doc_server):
    r = httpx.get(f"{two_doc_server}/api/rows/{PY}/1")
    assert r.status_code == 200 and r.json()["label"] == f"{PY} 第1项"
    # a scope within its document, unique among the loaded ones
    r = httpx.get(f"{two_doc_server}/api/rows/二、/2")
    assert r.status_code == 200 and r.json()["label"] == f"{XX} 二、 第2项"
    # its label in one part; a bare number: the one row without a scope of its own
    assert httpx.get(f"{two_doc_server}/api/rows/{PY} 第3项").json()["label"] == f"{PY} 第3项"
    assert httpx.get(f"{two_doc_server}/api/rows/1").json()["label"] == f"{PY} 第1项"
    assert httpx.get(f"{two_doc_server}/api/rows/〔{XX} 二、 第2项〕").json()["label"] == f"{XX} 二、 第2项"
    missing = httpx.get(f"{two_doc_server}/api/rows/{PY}/9").json()["detail"]
    assert f"没有 {PY} 第9项" in missing and f"{PY} 有 1–4 项" in missing
