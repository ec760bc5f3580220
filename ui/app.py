"""The Gradio app: 咨询 (chat), 政策查询 (browse), 命中测试 (retrieval debug), 评测 (evaluation).

A thin layer: it formats what ``qa.Assistant.answer`` and ``index.Retriever.search``
return and decides nothing about retrieval or answers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import gradio as gr

from index.retriever import DEFAULT_CONFIG
from ingest.library import qualify
from ingest.schema import Document, is_article_scope, parse_label
from qa.engine import Assistant
from qa.schema import Answer, QuestionError

from . import browse as b
from .examples import BUILTIN, example_questions
from .feedback import FeedbackError, FeedbackLog
from .limits import bound_history
from .render import answer_plain, plain_markdown, row_markdown, verdict_markdown

EXAMPLES = BUILTIN  # the built-in corpus's; other documents' are built from their rows
ALL = b.ALL
SOURCES_TITLE = "出处：{labels}（点开看所引条目全文）"
ROW_HINT = "点击回答里的引用（如{example}），这里显示该条目全文。"

CSS = """
#chatbot mark, #row-drawer mark { background: #fff3a3; padding: 0 2px; }
.pqa-note { color: #666; font-size: 0.9em; }
.pqa-cite { color: #b91c1c; cursor: pointer; text-decoration: underline; text-decoration-color: rgba(185, 28, 28, .35);
  text-underline-offset: 3px; white-space: nowrap; }
.pqa-cite:hover { background: #fde8e8; }
#row-drawer { position: fixed; top: 0; right: 0; z-index: 1000; width: min(560px, 100vw); height: 100vh;
  overflow-y: auto; background: var(--background-fill-primary); box-shadow: -4px 0 16px rgba(0,0,0,.2);
  padding: 12px 16px; }
#pqa-footer { text-align: center; }
/* a phone: 章节 (in the row's full text anyway) gives its width to 主要任务 */
@media (max-width: 640px) {
  #browse-table th[data-heading="1"], #browse-table td:nth-child(2),
  #browse-table [role=gridcell][data-col="1"] { display: none !important; }
  #browse-table th[data-heading="0"], #browse-table [role=gridcell][data-col="0"] {
    width: 22% !important; min-width: 22% !important; max-width: 22% !important; flex: 0 0 22% !important; }
  #browse-table th[data-heading="2"], #browse-table [role=gridcell][data-col="2"] {
    width: 52% !important; min-width: 52% !important; max-width: 52% !important; flex: 0 0 52% !important; }
  #browse-table th[data-heading="3"], #browse-table [role=gridcell][data-col="3"] {
    width: 26% !important; min-width: 26% !important; max-width: 26% !important; flex: 0 0 26% !important; }
}
#eval-report table { display: block; overflow-x: auto; }
#eval-report th, #eval-report td { word-break: keep-all; overflow-wrap: normal; hyphens: none; }
#eval-report th { white-space: nowrap; }
#eval-report td:first-child { white-space: nowrap; }
#eval-report small { color: #888; font-weight: normal; }
#eval-report img { max-width: 100%; height: auto; }
"""
# Citations in the chat (and the department directory) become links that open the row:
# the rendered text is wrapped client-side, so what the chat holds and its copy button
# copies stays plain text. A click writes "<citation>|<time>" (〔附件1 第84项〕,
# 〔平遥优化营商任务清单 第1项〕, 〔第五条〕) to a hidden textbox; the server reads the
# citation with ingest's one label grammar (parse_label).
JS = r"""
() => {
  const CITE = /〔[^〔〕]*?第(?:\d+项|[零〇一二两三四五六七八九十百]+条)〕/g;
  const wrap = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) {
      const n = walker.currentNode;
      if (n.parentElement && !n.parentElement.closest('.pqa-cite, textarea, button') && CITE.test(n.nodeValue)) nodes.push(n);
      CITE.lastIndex = 0;
    }
    for (const n of nodes) {
      const frag = document.createDocumentFragment();
      let last = 0, m;
      const text = n.nodeValue;
      while ((m = CITE.exec(text))) {
        frag.append(text.slice(last, m.index));
        const a = document.createElement('span');
        a.className = 'pqa-cite'; a.textContent = m[0]; a.dataset.row = m[0];
        a.setAttribute('role', 'link'); a.tabIndex = 0;
        frag.append(a);
        last = m.index + m[0].length;
      }
      frag.append(text.slice(last));
      n.replaceWith(frag);
    }
  };
  const open = (el) => {
    const box = document.querySelector('#cite-key textarea, #cite-key input');
    if (!box) return;
    box.value = el.dataset.row + '|' + Date.now();
    box.dispatchEvent(new Event('input', { bubbles: true }));
  };
  document.addEventListener('click', (e) => {
    const el = e.target.closest && e.target.closest('.pqa-cite');
    if (el) { e.preventDefault(); open(el); }
  });
  document.addEventListener('keydown', (e) => {
    const el = e.target.closest && e.target.closest('.pqa-cite');
    if (el && e.key === 'Enter') open(el);
  });
  const scan = () => document.querySelectorAll('#chatbot, #dept-out').forEach(wrap);
  new MutationObserver(() => { observer_pause(scan); }).observe(document.body, { childList: true, subtree: true, characterData: true });
  let pending = false;
  function observer_pause(fn) { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; fn(); }); } }
  scan();
  document.body.dataset.pqaReady = '1';  // the app is up and its load events dispatched
}
"""
THEME = gr.themes.Soft(primary_hue="red", neutral_hue="slate")


def message_text(content: Any) -> str:
    """The text of a chat message as Gradio may hand it over: a string, a content part
    ``{"type": "text", "text": …}`` or a list of them."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return message_text(content.get("text", content.get("content", "")))
    if isinstance(content, (list, tuple)):
        return " ".join(t for t in (message_text(c) for c in content) if t)
    return "" if content is None else str(content)


def sources_markdown(ans: Answer, assistant: Assistant) -> str:
    parts = []
    for c in ans.citations:
        row = assistant.r.by_key[(c.attachment, c.number)]
        parts.append(row_markdown(row, tuple(c.quotes)))
    return "\n\n---\n\n".join(parts)


def chat_messages(turns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the chatbot shows for the conversation: each question as typed (plain text,
    never Markdown), each answer in plain text, and under it its cited rows in full in
    a collapsed box."""
    out: list[dict[str, Any]] = []
    for t in turns:
        out.append({"role": "user", "content": plain_markdown(t["question"])})
        out.append({"role": "assistant", "content": answer_plain(t["answer"])})
        if t["sources"]:
            out.append({"role": "assistant", "content": t["sources"],
                        "metadata": {"title": SOURCES_TITLE.format(labels="".join(f"〔{x}〕" for x in t["labels"])),
                                     "status": "done"}})
    return out


def engine_history(turns: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The conversation as the engine reads it: plain question and answer texts."""
    out = []
    for t in turns:
        out += [{"role": "user", "content": t["question"]}, {"role": "assistant", "content": t["answer"]}]
    return out


def loaded_documents(assistant: Assistant, documents: Sequence[Document] | None) -> list[Document]:
    """The documents as loaded together (short names, qualified rows); without them,
    what the index records."""
    if documents:
        return qualify(list(documents))
    return b.documents_from_index(assistant.r.rows, assistant.r.stored.manifest.get("document", {}))


def row_from_key(assistant: Assistant, key: str):
    """The row a clicked citation names: ``"<citation>|<time>"``, the citation read by
    the one label grammar (〔附件1 第84项〕, 〔平遥优化营商任务清单 第1项〕, 〔第五条〕)."""
    found = parse_label((key or "").rsplit("|", 1)[0])
    return assistant.r.by_key.get(found) if found else None


def build(assistant: Assistant, feedback: FeedbackLog, reports_dir: Path,
          documents: Sequence[Document] | None = None) -> gr.Blocks:
    """The app over ``assistant``; ``documents`` are the loaded documents (titles,
    the 文件 filter when there are several)."""
    rows = assistant.r.rows
    docs = loaded_documents(assistant, documents)
    several = len(docs) > 1
    builtin = any(b.is_builtin(d) for d in docs)  # the hand-written examples are about it
    questions = example_questions(docs)
    scopes = b.scope_choices(rows)
    all_depts = b.dept_choices(rows)
    dept_names = b.dept_names(rows)
    example_cite = rows[0].citation if rows else "〔第1项〕"

    with gr.Blocks(title=b.page_title(docs)) as demo:
        gr.Markdown(b.header_markdown(docs, rows), elem_id="pqa-header")
        # the conversation: [{"question", "answer" (the engine's text), "sources", "labels", "rated"}]
        turns = gr.State([])

        with gr.Tab("咨询", id="chat"):
            # the answer and its 出处 box are separate messages, each with its own copy
            # button: copying an answer copies its plain text only
            chatbot = gr.Chatbot(label="对话", height=520, elem_id="chatbot", buttons=["copy"],
                                 group_consecutive_messages=False,
                                 placeholder="问一个关于本文件的问题，或点下面的示例问题。")
            with gr.Row():
                box = gr.Textbox(placeholder=f"输入问题，如：{questions[0].rstrip('？')}？" if questions else "输入问题",
                                 show_label=False, scale=6,
                                 elem_id="question-box", max_lines=4)
                send = gr.Button("发送", variant="primary", scale=1, elem_id="send-btn")
            ask_status = gr.Markdown("", elem_classes=["pqa-note"], elem_id="ask-status")
            with gr.Row():
                retry = gr.Button("重试", size="sm", elem_id="retry-btn")
                clear = gr.Button("清空对话", size="sm", elem_id="clear-btn")
            examples = (gr.Examples(questions, inputs=box, label="示例问题（点击即提问）", elem_id="examples")
                        if questions else None)
            with gr.Row():
                comment = gr.Textbox(placeholder="（可选）对最新这个回答的意见", show_label=False, scale=5,
                                     elem_id="feedback-comment")
                # text, not emoji: a service-hall PC may have no emoji font
                up = gr.Button("有用", size="sm", scale=1, elem_id="feedback-up", interactive=False)
                down = gr.Button("没用", size="sm", scale=1, elem_id="feedback-down", interactive=False)
            fb_status = gr.Markdown("", elem_classes=["pqa-note"], elem_id="feedback-status")

            def rating_buttons(active: bool):
                return gr.update(interactive=active), gr.update(interactive=active)

            def respond(message: Any, state: list[dict[str, Any]] | None):
                state = list(state or [])
                question = message_text(message)
                try:
                    ans = assistant.answer(question, bound_history(engine_history(state)))
                except QuestionError as e:  # shown under the chat; nothing else changes
                    return (gr.update(), state, gr.update(), f"⚠️ {e}", gr.update(), gr.update(),
                            gr.update())
                labels = [c.label for c in ans.citations]
                state.append({"question": question, "answer": ans.answer, "labels": labels,
                              "sources": "" if ans.abstained else sources_markdown(ans, assistant),
                              "rated": False})
                return (chat_messages(state), state, "", "", "", *rating_buttons(True))

            def do_retry(state: list[dict[str, Any]] | None):
                state = list(state or [])
                if not state:
                    return (gr.update(), state, gr.update(), "还没有可以重试的问题。", gr.update(),
                            gr.update(), gr.update())
                last = state.pop()
                return respond(last["question"], state)

            def reset():
                return ([], [], "", "", "", *rating_buttons(False))

            outs = [chatbot, turns, box, ask_status, fb_status, up, down]
            box.submit(respond, [box, turns], outs, api_visibility="private")
            send.click(respond, [box, turns], outs, api_visibility="private")
            if examples is not None:
                examples.load_input_event.then(respond, [box, turns], outs, api_visibility="private")
            retry.click(do_retry, [turns], outs, api_visibility="private")
            clear.click(reset, None, outs, api_visibility="private")
            chatbot.clear(reset, None, outs, api_visibility="private")  # the chatbot's own clear icon

            def give(rating: str):
                def fn(state: list[dict[str, Any]] | None, text: str):
                    if not state:
                        return "请先提问，再评价回答。", text, state, *rating_buttons(False)
                    last = state[-1]
                    if last["rated"]:  # one rating per answer
                        return "这个回答已经评价过了。", text, state, *rating_buttons(False)
                    try:
                        feedback.append(last["question"], last["answer"], rating, text, last["labels"])
                    except FeedbackError as e:
                        return str(e), text, state, *rating_buttons(True)
                    state = state[:-1] + [{**last, "rated": True}]
                    return "已记录反馈，谢谢！", "", state, *rating_buttons(False)
                return fn

            fb_outs = [fb_status, comment, turns, up, down]
            up.click(give("up"), [turns, comment], fb_outs, api_visibility="private")
            down.click(give("down"), [turns, comment], fb_outs, api_visibility="private")

        with gr.Tab("政策查询", id="browse"):
            with gr.Row():
                f_doc = gr.Dropdown(b.document_choices(docs), value=ALL, label="文件", elem_id="browse-document",
                                    visible=several)
                f_att = gr.Dropdown(scopes, value=ALL, label=b.scope_label(scopes), elem_id="browse-attachment",
                                    visible=len(scopes) > 1)
                f_sec = gr.Dropdown(b.section_choices(rows), value=ALL, label="章节", elem_id="browse-section")
                f_dept = gr.Dropdown(all_depts, value=ALL, label="部门（牵头或配合）",
                                     elem_id="browse-dept", allow_custom_value=True)
                f_kw = gr.Textbox(label="关键词", placeholder="如：专精特新", elem_id="browse-keyword")
            search_btn = gr.Button("查询", variant="primary", elem_id="browse-search")
            count = gr.Markdown("", elem_id="browse-count")
            table = gr.Dataframe(headers=["条目", "章节", "主要任务", "牵头单位"], interactive=False,
                                 wrap=True, elem_id="browse-table", max_height=640,
                                 column_widths=["13%", "20%", "45%", "22%"])
            detail = gr.Markdown("在表格中点选一行，查看该条目全文。", elem_id="browse-detail")
            with gr.Accordion("部门目录：各部门牵头和配合的条目", open=False, elem_id="dept-accordion"):
                d_sel = gr.Dropdown(dept_names, value=dept_names[0] if dept_names else None,
                                    label="部门（按所选文件）" if several else "部门", elem_id="dept-select")
                d_out = gr.Markdown("", elem_id="dept-out")

            def browse(doc: str, att: str, sec: str, dept: str, kw: str):
                found = b.browse_rows(rows, doc, att, sec, dept, kw)
                data = [[r.label, r.section, r.task, "、".join(r.lead_units)] for r in found]
                return data, f"共 {len(found)} 项", ("在表格中点选一行，查看该条目全文。" if found else "没有符合条件的条目。")

            def follow_document(doc: str, att: str, sec: str, dept: str, listed: str):
                """The 附件, 章节 and 部门 lists and the department directory show the
                chosen document's own (a department typed in, not one of another
                document's, stays; the directory keeps its department when the document
                has it, else shows the document's first)."""
                atts = b.scope_choices(rows, doc)
                att = b.keep(att, atts)
                secs = b.section_choices(rows, doc, att)
                depts = b.dept_choices(rows, doc)
                names = b.dept_names(rows, doc)
                listed = listed if listed in names else (names[0] if names else None)
                return (gr.update(choices=atts, value=att, label=b.scope_label(atts), visible=len(atts) > 1),
                        gr.update(choices=secs, value=b.keep(sec, secs)),
                        gr.update(choices=depts, value=dept if dept in depts or dept not in all_depts else ALL),
                        gr.update(choices=names, value=listed), b.dept_markdown(rows, listed, doc))

            def follow_attachment(doc: str, att: str, sec: str):
                """The section list shows the chosen attachment's sections only."""
                choices = b.section_choices(rows, doc, att)
                return gr.update(choices=choices, value=b.keep(sec, choices))

            def pick(evt: gr.SelectData):
                label = (evt.row_value or [None])[0] if evt.row_value else None
                for r in rows:
                    if r.label == label:
                        return row_markdown(r)
                return "没有找到该条目。"

            def dept_info(name: str, doc: str):
                return b.dept_markdown(rows, name, doc)

            ins = [f_doc, f_att, f_sec, f_dept, f_kw]
            shown = [table, count, detail]
            # every filter applies at once; 查询 stays for those who look for a button
            search_btn.click(browse, ins, shown, api_visibility="private")
            f_doc.change(follow_document, [f_doc, f_att, f_sec, f_dept, d_sel], [f_att, f_sec, f_dept, d_sel, d_out],
                         api_visibility="private").then(browse, ins, shown, api_visibility="private")
            f_att.change(follow_attachment, [f_doc, f_att, f_sec], f_sec, api_visibility="private").then(
                browse, ins, shown, api_visibility="private")
            f_sec.change(browse, ins, shown, api_visibility="private")
            f_dept.change(browse, ins, shown, api_visibility="private")
            f_kw.submit(browse, ins, shown, api_visibility="private")
            f_kw.input(browse, ins, shown, api_visibility="private", trigger_mode="always_last")
            table.select(pick, None, detail, api_visibility="private")
            d_sel.change(dept_info, [d_sel, f_doc], d_out, api_visibility="private")
            demo.load(browse, ins, shown, api_visibility="private")
            demo.load(dept_info, [d_sel, f_doc], d_out, api_visibility="private")

        with gr.Tab("命中测试", id="debug"):
            with gr.Row():
                dq = gr.Textbox(label="查询", placeholder="如：刚评上高企能拿多少钱" if builtin else "问题或关键词",
                                scale=4, elem_id="debug-query")
                d_doc = gr.Dropdown(b.document_choices(docs), value=ALL, label="文件", scale=2,
                                    elem_id="debug-document", visible=several)
                dr = gr.Radio(["hybrid", "bm25", "dense"], value="hybrid", label="检索器", scale=2)
                dk = gr.Slider(1, 30, value=10, step=1, label="k", scale=1)
            dbtn = gr.Button("检索", variant="primary", elem_id="debug-search")
            dtable = gr.Dataframe(headers=["名次", "答案取用顺序", "条目", "融合得分", "BM25 名次", "BM25 得分",
                                           "向量 名次", "向量 得分", "命中块"], interactive=False, wrap=True,
                                  elem_id="debug-table")
            gr.Markdown("“答案取用顺序”：回答时前 5 条按“融合得分 + 最佳句子与问题的吻合度”重排后的次序。",
                        elem_classes=["pqa-note"])
            dverdict = gr.Markdown("", elem_id="debug-verdict")

            def debug(q: str, doc: str, retriever: str, k: float):
                q = (q or "").strip()[:500]
                if not q:
                    return [], ""
                cfg = DEFAULT_CONFIG.with_(retriever=retriever)
                top = assistant.r.search(q, int(k), cfg)
                # the answer's order is over the whole search, as the chat searches
                order = {h.key: i for i, h in enumerate(assistant.answer_order(q, top), 1)}
                if doc not in (None, "", ALL):  # one document's rows, searched in the whole index
                    keys = {r.key for r in b.rows_of(rows, doc)}
                    hits = [h for h in assistant.r.search(q, len(rows), cfg.with_(depth=len(rows)))
                            if h.key in keys][: int(k)]
                else:
                    hits = top

                def f(v: float | None) -> str:
                    return "—" if v is None else f"{v:.3f}"
                table = [[i, order.get(h.key, "—"), h.label, f"{h.score:.4f}", h.ranks["bm25"] or "—", f(h.scores["bm25"]),
                         h.ranks["dense"] or "—", f(h.scores["dense"]),
                         f"[{'措施' if h.chunk_kind == 'measure' else '整行'}] {h.chunk[:120]}"]
                         for i, h in enumerate(hits, 1)]
                # whether the chat answers or says "not covered" (always on the default search)
                return table, verdict_markdown(assistant.verdict(q))

            dins = [dq, d_doc, dr, dk]
            dbtn.click(debug, dins, [dtable, dverdict], api_visibility="private")
            dq.submit(debug, dins, [dtable, dverdict], api_visibility="private")
            d_doc.change(debug, dins, [dtable, dverdict], api_visibility="private")

        with gr.Tab("评测", id="eval"):
            gr.Markdown(f"最近一次评测报告（`policyqa eval` 写入 `{reports_dir}`）。", elem_classes=["pqa-note"])
            refresh = gr.Button("刷新", size="sm")
            report_md = gr.Markdown("", elem_id="eval-report")

            def load_report():
                md = reports_dir / "report.md"
                if not md.exists():
                    return "还没有评测报告：运行 `policyqa eval` 生成。"
                # the plots inline where the report places them, each whole at its own
                # aspect (served from the reports directory, an allowed path)
                text = re.sub(r"!\[([^\]]*)\]\(([^)/]+\.png)\)",
                              lambda m: f"![{m.group(1)}](/gradio_api/file={quote(str(reports_dir / m.group(2)))})",
                              md.read_text("utf-8"))
                return text

            refresh.click(load_report, None, report_md, api_visibility="private")
            demo.load(load_report, None, report_md, api_visibility="private")

        # a clicked citation (chat or department directory) opens its row in a drawer,
        # outside the tabs so that it shows over any of them
        cite_key = gr.Textbox(visible="hidden", elem_id="cite-key")
        with gr.Column(visible=False, elem_id="row-drawer") as drawer:
            close_row = gr.Button("关闭", size="sm", elem_id="row-close")
            row_view = gr.Markdown(ROW_HINT.format(example=example_cite), elem_id="row-view")

        def open_row(key: str):
            row = row_from_key(assistant, key)
            if row is None:
                return gr.update(), gr.update()
            return gr.update(visible=True), row_markdown(row)

        cite_key.change(open_row, cite_key, [drawer, row_view], api_visibility="private")
        close_row.click(lambda: gr.update(visible=False), None, drawer, api_visibility="private")

        # a row of the loaded ones as the row API reads it: 附件1/84, or its label
        # (第1项, 第一条) where the row has no scope of its own
        first = rows[0] if rows else None
        row_api = ("范围/序号" if first is None else first.label
                   if not first.attachment or is_article_scope(first.attachment)
                   else f"{first.attachment}/{first.number}")
        gr.HTML('<div class="pqa-note">通过 JSON API 使用：<a href="/api/docs" target="_blank">/api/docs</a>'
                f'（POST /api/ask、GET /api/rows/{html.escape(row_api)} …）</div>', elem_id="pqa-footer")
        demo.load(None, None, None, js=JS)
    return demo
