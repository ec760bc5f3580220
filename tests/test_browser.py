"""A real browser (Debian's chromium driven by Playwright) against the real server."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("POLICYQA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (Path(CHROMIUM).exists() or shutil.which("chromium")),
                       reason=f"chromium not found at {CHROMIUM}: apt-get install chromium (.ci/run does)"),
]


@pytest.fixture(scope="module")
def page(server):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
        pg.goto(server + "/")
        pg.wait_for_selector("#question-box textarea", timeout=60_000)
        yield pg
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("POLICYQA_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


def test_chat_answers_with_citation_and_sources(page, shots):
    page.fill("#question-box textarea", "高企认定奖励多少")
    page.click("#send-btn")
    page.wait_for_selector("#chatbot :text('附件1 第84项')", timeout=60_000)
    text = page.locator("#chatbot").inner_text()
    assert "〔附件1 第84项〕" in text and "10万元" in text
    # open the sources panel: the cited rows in full, the quoted sentence highlighted
    page.click("#sources-accordion button, #sources-accordion .label-wrap")
    page.wait_for_selector("#answer-sources mark", timeout=30_000)
    sources = page.locator("#answer-sources").inner_text()
    assert "县科技发展中心" in sources and "附件2 第82项" in sources
    page.screenshot(path=str(shots / "chat.png"), full_page=True)
    assert (shots / "chat.png").stat().st_size > 10_000


def test_empty_question_gets_a_chinese_message(page):
    page.fill("#question-box textarea", "")
    page.click("#send-btn")
    page.wait_for_selector("#ask-status :text('请输入问题')", timeout=30_000)


def test_html_in_chat_is_shown_as_text(page):
    page.fill("#question-box textarea", "<b>粗体</b>高企认定奖励多少")
    page.click("#send-btn")
    page.wait_for_selector("#chatbot :text('<b>粗体</b>')", timeout=60_000)
    assert page.locator("#chatbot b:text('粗体')").count() == 0


def test_feedback_buttons_append_to_the_log(page, home):
    log = home / "feedback.jsonl"
    before = len(log.read_text("utf-8").splitlines()) if log.exists() else 0
    page.fill("#feedback-comment textarea", "回答准确")
    page.click("#feedback-down")
    page.wait_for_selector("#feedback-status :text('已记录反馈')", timeout=30_000)
    lines = log.read_text("utf-8").splitlines()
    assert len(lines) == before + 1
    assert '"rating": "down"' in lines[-1] and "回答准确" in lines[-1]


def test_browse_filter_by_department(page, shots):
    page.get_by_role("tab", name="政策查询").click()
    dept = page.locator("#browse-dept input")
    dept.click()
    dept.fill("县科技发展中心")
    page.keyboard.press("Enter")
    page.click("#browse-search")
    page.wait_for_function(
        "() => { const c = document.querySelector('#browse-count'); return c && /共 (1[0-9]|[2-9]) 项/.test(c.innerText); }",
        timeout=30_000)
    table = page.locator("#browse-table").inner_text()
    assert "附件1 第84项" in table and "附件2 第78项" in table
    assert "附件1 第1项\n" not in table
    page.locator("#browse-table [role=gridcell]", has_text="附件1 第84项").first.click()
    page.wait_for_selector("#browse-detail :text('一次性奖励10万元')", timeout=30_000)
    page.screenshot(path=str(shots / "browse.png"), full_page=True)


def _debug_search(page, query: str, wait_for: str) -> None:
    page.get_by_role("tab", name="命中测试").click()
    page.fill("#debug-query textarea", query)
    page.click("#debug-search")
    page.wait_for_selector(wait_for, timeout=30_000)


def test_retrieval_debug_shows_each_leg_and_the_answers_order(page, shots):
    _debug_search(page, "新认定市级企业技术中心奖励", "#debug-table :text('附件2 第79项')")
    text = page.locator("#debug-table").inner_text()

    def ranks(label: str) -> tuple[int, int]:  # (fused rank, the answer's order)
        m = re.search(rf"(\d+)\s+(\d+)\s+{label}", text)
        assert m, (label, text[:400])
        return int(m.group(1)), int(m.group(2))
    # fused, 附件2 第84项 ranks first; the answer takes 附件2 第79项 first (its sentence
    # names the 企业技术中心 and the amount)
    assert ranks("附件2 第84项") == (1, 2) and ranks("附件2 第79项") == (2, 1)
    assert "BM25 名次" in text and "向量 名次" in text
    # and whether the chat would answer, with the signals behind it
    page.wait_for_selector("#debug-verdict :text('判断')", timeout=30_000)
    assert re.search(r"回答（未涉及的可能性 0\.\d\d < 阈值", page.locator("#debug-verdict").inner_text())
    page.screenshot(path=str(shots / "debug.png"), full_page=True)


def test_retrieval_debug_explains_a_not_covered_verdict(page, shots):
    _debug_search(page, "怎么做红烧肉", "#debug-verdict :text('红烧肉')")
    verdict = page.locator("#debug-verdict").inner_text()
    assert "本文件未涉及" in verdict and "文件没用过的词" in verdict and "问意偏移" in verdict
    page.screenshot(path=str(shots / "debug_verdict.png"), full_page=True)
