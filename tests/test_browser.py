"""A real browser (Debian's chromium driven by Playwright) against the real server."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("POLICYQA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def app_page(base: str):
    """A browser of its own with the app at ``base`` open and ready (for modules that
    start a server of their own)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium not found at {CHROMIUM}")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
        pg.goto(base + "/")
        pg.wait_for_selector("#question-box textarea", timeout=60_000)
        pg.wait_for_selector("body[data-pqa-ready]", state="attached", timeout=60_000)
        yield pg
        browser.close()

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (Path(CHROMIUM).exists() or shutil.which("chromium")),
                       reason=f"chromium not found at {CHROMIUM}: apt-get install chromium (.ci/run does)"),
]


@pytest.fixture(scope="module")
def browser(server):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def browser_page(browser, server):
    """Open the app in a new page of the module's one browser, at a given viewport."""
    def open_page(width: int = 1280, height: int = 1000):
        pg = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN",
                              permissions=["clipboard-read", "clipboard-write"])
        pg.goto(server + "/")
        pg.wait_for_selector("#question-box textarea", timeout=60_000)
        pg.wait_for_selector("body[data-pqa-ready]", state="attached", timeout=60_000)  # the app's JS ran
        return pg
    return open_page


@pytest.fixture(scope="module")
def page(browser_page):
    return browser_page(1280, 1000)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("POLICYQA_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


# the user bubbles asking ``q`` (spaces aside), and whether an answer bubble with text follows the last
_ASKED = """q => {
  const flat = t => (t || '').replace(/\\s/g, '');
  const rows = [...document.querySelectorAll('#chatbot [data-testid=user], #chatbot [data-testid=bot]')];
  const mine = rows.map((r, i) => r.getAttribute('data-testid') === 'user' && flat(r.innerText).includes(flat(q)) ? i : -1)
                   .filter(i => i >= 0);
  const last = mine.length ? mine[mine.length - 1] : -1;
  const answered = last >= 0 && rows.slice(last + 1).some(
      r => r.getAttribute('data-testid') === 'bot' && flat(r.innerText).length > 0);
  return [mine.length, answered];
}"""


def ask(page, question: str, timeout: int = 60_000) -> None:
    """Ask in the chat and wait for the answer to this question: one more bubble asking it,
    with an answer bubble after it — not a count of answer bubbles, which a clear still
    settling (its removals landing after the count was read) could leave short."""
    asked_before = page.evaluate(_ASKED, question)[0]
    page.fill("#question-box textarea", question)
    page.click("#send-btn")
    page.wait_for_function(
        f"q => {{ const [n, done] = ({_ASKED})(q); return n > {asked_before} && done; }}",
        arg=question, timeout=timeout)
    page.wait_for_timeout(300)


def clear_chat(page) -> None:
    page.click("#clear-btn")
    page.wait_for_function("() => !document.querySelector('#chatbot [data-testid=user]')", timeout=30_000)


def user_bubbles(page) -> list[str]:
    return page.locator("#chatbot [data-testid=user]").all_inner_texts()


def bot_text(page) -> str:
    return page.locator("#chatbot [data-testid=bot]").last.inner_text()


def test_chat_answers_with_citation_and_its_sources_under_it(page, shots):
    clear_chat(page)
    ask(page, "高企认定奖励多少")
    text = page.locator("#chatbot").inner_text()
    assert "〔附件1 第84项〕" in text and "10万元" in text
    assert "**" not in text  # no raw Markdown
    # the answer's copy button copies plain text, not **相关条目**
    page.locator("#chatbot [data-testid=bot]").first.hover()
    page.locator("#chatbot .message-buttons-left button[aria-label='Copy message']").first.click()
    page.wait_for_timeout(300)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "〔附件1 第84项〕" in copied and "相关条目：" in copied and "**" not in copied
    # the cited rows in full, collapsed under the answer; opened, the quoted sentence is marked
    box = page.locator("#chatbot", has_text="出处：").get_by_text("出处：").first
    box.click()
    page.wait_for_selector("#chatbot mark", timeout=30_000)
    assert "县科技发展中心" in page.locator("#chatbot").inner_text()
    page.screenshot(path=str(shots / "chat.png"), full_page=True)
    assert (shots / "chat.png").stat().st_size > 10_000


def test_retry_keeps_the_question_and_the_answer(page):
    clear_chat(page)
    ask(page, "高企认定奖励多少")
    first = bot_text(page)
    for _ in range(2):  # a second retry used to nest the content parts further
        page.click("#retry-btn")
        page.wait_for_timeout(500)
        page.wait_for_selector("#chatbot [data-testid=bot]", timeout=60_000)
        page.wait_for_function(
            "() => document.querySelectorAll('#chatbot [data-testid=user]').length === 1", timeout=30_000)
    assert user_bubbles(page) == ["高企认定奖励多少"]
    assert bot_text(page) == first
    assert "type" not in page.locator("#chatbot").inner_text()


def test_followup_after_a_not_covered_answer_cites_none_of_its_suggestions(page):
    clear_chat(page)
    ask(page, "吉县对小微企业有什么补贴")
    assert "本文件未涉及" in bot_text(page) and "可以看看这些条目" in bot_text(page)
    ask(page, "那找哪个部门？")
    reply = bot_text(page)
    # not 牵头单位 of a suggested row: it asks for the whole question
    assert "说完整" in reply and "牵头单位" not in reply and not re.search(r"〔附件\d 第\d+项〕", reply)


def test_empty_question_gets_a_chinese_message(page):
    page.fill("#question-box textarea", "")
    page.click("#send-btn")
    page.wait_for_selector("#ask-status :text('请输入问题')", timeout=30_000)


def test_questions_are_shown_as_typed_never_as_html_or_markdown(page):
    clear_chat(page)
    ask(page, "<b>粗体</b>高企认定奖励多少")
    assert page.locator("#chatbot b:text('粗体')").count() == 0
    q = "[官网](http://example.com/a) ![图](http://example.com/x.png) **粗** 高企认定奖励多少"
    ask(page, q)
    assert user_bubbles(page)[-1] == q
    assert page.locator("#chatbot a[href*='example.com']").count() == 0
    assert page.locator("#chatbot img[src*='example.com']").count() == 0
    assert page.locator("#chatbot strong:text('粗')").count() == 0


def test_one_rating_per_answer_then_reset_by_the_next_question(page, home):
    log = home / "feedback.jsonl"

    def count() -> int:
        return len(log.read_text("utf-8").splitlines()) if log.exists() else 0
    clear_chat(page)
    assert page.locator("#feedback-up").is_disabled() and page.locator("#feedback-down").is_disabled()
    ask(page, "高企认定奖励多少")
    before = count()
    page.fill("#feedback-comment textarea", "回答准确")
    page.click("#feedback-up")
    page.wait_for_selector("#feedback-status :text('已记录反馈')", timeout=30_000)
    assert count() == before + 1
    line = log.read_text("utf-8").splitlines()[-1]
    assert '"rating": "up"' in line and "回答准确" in line and "高企认定奖励多少" in line
    # the same answer cannot be rated again, either way
    assert page.locator("#feedback-up").is_disabled() and page.locator("#feedback-down").is_disabled()
    ask(page, "规上企业有啥奖励")  # a new answer: the notice goes, the buttons come back
    page.wait_for_function("() => !document.querySelector('#feedback-status').innerText.includes('已记录')",
                           timeout=30_000)
    assert page.locator("#feedback-down").is_enabled()
    # the rating buttons are text: nothing depends on an emoji font
    assert page.locator("#feedback-up").inner_text().strip() == "有用"


def test_the_chatbots_clear_icon_resets_sources_and_ratings(page):
    ask(page, "高企认定奖励多少")
    assert page.locator("#feedback-down").is_enabled()
    page.locator("#chatbot").hover()
    page.locator("#chatbot button[aria-label='清空对话'], #chatbot button[aria-label='Clear']").first.click()
    page.wait_for_function("() => !document.querySelector('#chatbot [data-testid=user]')", timeout=30_000)
    assert "出处" not in page.locator("#chatbot").inner_text()
    # the buttons' state comes in the clear event's own update, which may land after the
    # chatbot's: wait for it rather than read it at once (a race seen once in CI)
    page.locator("#feedback-down:disabled, #feedback-down button:disabled").first.wait_for(timeout=30_000)
    assert page.locator("#feedback-down").is_disabled()  # a cleared answer cannot be rated
    page.click("#feedback-down", force=True)
    assert page.locator("#feedback-status").inner_text().strip() == ""


def test_a_citation_click_opens_the_row_and_an_example_click_asks(page, shots):
    clear_chat(page)
    page.locator("#examples button, #examples .gallery-item, #examples td", has_text="高企认定奖励多少").first.click()
    page.wait_for_selector("#chatbot [data-testid=bot] .pqa-cite", timeout=60_000)
    assert user_bubbles(page) == ["高企认定奖励多少"]
    page.locator("#chatbot [data-testid=bot] .pqa-cite", has_text="附件1 第84项").first.click()
    drawer = page.locator("#row-drawer")
    drawer.wait_for(state="visible", timeout=30_000)
    page.wait_for_selector("#row-drawer :text('县科技发展中心')", timeout=30_000)
    assert "〔附件1 第84项〕" in drawer.inner_text() and "加大对企业培育力度" in drawer.inner_text()
    box = drawer.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1280 + 1
    page.screenshot(path=str(shots / "citation_drawer.png"))
    page.click("#row-close")
    drawer.wait_for(state="hidden", timeout=30_000)
    # a related row, not cited, opens the same way
    related = page.locator("#chatbot [data-testid=bot] .pqa-cite", has_text="附件2 第81项").first
    if related.count():
        related.click()
        page.wait_for_selector("#row-drawer :text('附件2 第81项')", timeout=30_000)
        page.click("#row-close")


def test_footer_links_the_json_api_docs(page):
    link = page.locator("#pqa-footer a")
    assert link.get_attribute("href") == "/api/docs"
    assert page.get_by_text("No API Routes found").count() == 0


def test_browse_filter_by_department(page, shots):
    page.get_by_role("tab", name="政策查询").click()
    dept = page.locator("#browse-dept input")
    dept.click()
    dept.fill("县科技发展中心")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => { const c = document.querySelector('#browse-count'); return c && /共 (1[0-9]|[2-9]) 项/.test(c.innerText); }",
        timeout=30_000)  # no 查询 click needed
    table = page.locator("#browse-table").inner_text()
    assert "附件1 第84项" in table and "附件2 第78项" in table
    assert "附件1 第1项\n" not in table
    page.locator("#browse-table [role=gridcell]", has_text="附件1 第84项").first.click()
    page.wait_for_selector("#browse-detail :text('一次性奖励10万元')", timeout=30_000)
    page.screenshot(path=str(shots / "browse.png"), full_page=True)
    dept.click()
    dept.fill("全部")
    page.keyboard.press("Enter")
    page.wait_for_selector("#browse-count :text('共 218 项')", timeout=30_000)


def _choose(page, elem_id: str, value: str) -> None:
    box = page.locator(f"#{elem_id} input")
    box.click()
    page.locator(f"#{elem_id} [role=listbox] li", has_text=value).first.click()


def test_browse_sections_follow_the_attachment_and_the_directory_opens_filled(page):
    page.get_by_role("tab", name="政策查询").click()
    _choose(page, "browse-section", "附件2 二、财税支持")
    page.wait_for_selector("#browse-count :text('共 ')", timeout=30_000)
    _choose(page, "browse-attachment", "附件1")
    # the 附件2 section does not stay selected with 附件1 (that gave 0 results silently)
    page.wait_for_function("() => document.querySelector('#browse-section input').value === '全部'", timeout=30_000)
    page.wait_for_selector("#browse-count :text('共 105 项')", timeout=30_000)
    page.locator("#browse-section input").click()
    page.wait_for_selector("#browse-section [role=listbox] li", timeout=30_000)
    options = page.locator("#browse-section [role=listbox] li").all_inner_texts()
    page.keyboard.press("Escape")
    options = [o.replace("✓", "").strip() for o in options]
    assert options[0] == "全部" and len(options) > 5 and all(o.startswith("附件1 ") for o in options[1:]), options
    _choose(page, "browse-attachment", "全部")
    page.wait_for_selector("#browse-count :text('共 218 项')", timeout=30_000)
    page.click("#dept-accordion button, #dept-accordion .label-wrap")
    selected = page.locator("#dept-select input").input_value()
    page.wait_for_selector("#dept-out :text('牵头')", timeout=30_000)
    assert selected and selected in page.locator("#dept-out").inner_text()


def _header_box(page, name: str) -> dict:
    cell = page.locator("#browse-table thead th", has_text=name).first
    assert cell.is_visible(), name
    return cell.bounding_box()


def test_browse_table_fits_the_screen_at_1280_and_390_px(page, browser_page, shots):
    page.get_by_role("tab", name="政策查询").click()
    page.wait_for_selector("#browse-table :text('附件1 第1项')", timeout=30_000)
    lead = _header_box(page, "牵头单位")
    assert lead["x"] >= 0 and lead["x"] + lead["width"] <= 1280  # 牵头单位 on screen at 1280 px
    task = _header_box(page, "主要任务")
    assert task["width"] < 800  # it no longer takes the whole width
    first_row = page.locator("#browse-table tbody tr").first.bounding_box()
    assert first_row["height"] < 200
    # a phone: 条目, 主要任务 and 牵头单位 on screen, rows of readable height
    phone = browser_page(390, 844)
    phone.get_by_role("tab", name="政策查询").click()
    phone.wait_for_selector("#browse-table :text('附件1 第1项')", timeout=30_000)
    for name in ("条目", "主要任务", "牵头单位"):
        b = _header_box(phone, name)
        assert b["x"] >= 0 and b["x"] + b["width"] <= 390 + 1, (name, b)
    assert _header_box(phone, "主要任务")["width"] >= 150
    row = phone.locator("#browse-table tbody tr").first.bounding_box()
    assert row["height"] < 420, row
    phone.screenshot(path=str(shots / "browse_390.png"), full_page=True)


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
    assert re.search(r"判断：回答\s", page.locator("#debug-verdict").inner_text())
    page.screenshot(path=str(shots / "debug.png"), full_page=True)


def test_retrieval_debug_explains_a_not_covered_verdict(page, shots):
    _debug_search(page, "怎么做红烧肉", "#debug-verdict :text('红烧肉')")
    verdict = page.locator("#debug-verdict").inner_text()
    assert "本文件未涉及" in verdict and "文件没用过的词" in verdict and "偏移" in verdict
    page.screenshot(path=str(shots / "debug_verdict.png"), full_page=True)


def test_eval_tab_in_chinese_with_whole_plots(page, home):
    """A report written by eval.report (the numbers are made up; the shape is real)."""
    from eval.report import write

    m = {"recall@1": 0.8, "recall@3": 0.9, "recall@5": 0.95, "recall@10": 0.99, "mrr@10": 0.9, "ndcg@10": 0.9,
         "fact_accuracy": 0.9, "citation_precision": 0.9, "citation_recall": 0.9, "abstention_precision": 0.8,
         "abstention_recall": 0.9, "unfaithful_answers": 0, "median_body_chars": 99, "latency_p50_ms": 10.0,
         "latency_p95_ms": 20.0}
    cfg = {"all": m, "splits": {"dev": m}, "by_type": {"amount": {"n": 3, **m, "correct_abstention": 0.0}},
           "by_persona": {}, "failures": []}
    write({"questions": 3, "default": "hybrid", "configs": {"naive-top1": cfg, "hybrid-nosyn": cfg, "hybrid": cfg}},
          home / "reports" / "eval")
    page.get_by_role("tab", name="评测").click()
    page.get_by_role("button", name="刷新").click()
    page.wait_for_selector("#eval-report :text('事实准确率')", timeout=30_000)
    text = page.locator("#eval-report").inner_text()
    assert "全部问题" in text and "引用精确率" in text and "## " not in text
    # a configuration name stays on one line (it used to break as "hy bri d")
    cell = page.locator("#eval-report td", has_text="hybrid-nosyn").first.bounding_box()
    one_line = page.locator("#eval-report td", has_text="0.950").first.bounding_box()
    assert cell["height"] <= one_line["height"] + 1
    # each plot whole, at its own aspect ratio
    imgs = page.locator("#eval-report img")
    imgs.first.wait_for(state="visible", timeout=30_000)
    page.wait_for_function("() => [...document.querySelectorAll('#eval-report img')].every(i => i.complete && i.naturalWidth)",
                           timeout=30_000)
    assert imgs.count() == 2
    for i in range(2):
        nw, nh, w, h = imgs.nth(i).evaluate("i => [i.naturalWidth, i.naturalHeight, i.clientWidth, i.clientHeight]")
        assert abs(w / h - nw / nh) < 0.02 and w >= 0.5 * nw
