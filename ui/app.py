"""The Gradio app: 咨询 (chat), 政策查询 (browse), 命中测试 (retrieval debug), 评测 (evaluation).

A thin layer: it formats what ``qa.Assistant.answer`` and ``index.Retriever.search``
return and decides nothing about retrieval or answers.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import gradio as gr

from index.retriever import DEFAULT_CONFIG
from ingest.departments import directory
from ingest.filters import filter_rows
from qa.engine import Assistant
from qa.schema import Answer, QuestionError

from .feedback import FeedbackError, FeedbackLog
from .render import row_markdown, verdict_markdown

EXAMPLES = ["高企认定奖励多少", "我有实体店的营业执照，还能直接在网上卖东西吗", "规上企业有啥奖励",
            "大学生创业有补贴吗", "新办企业第一次领发票能领几份", "那找哪个部门？"]
ALL = "全部"

CSS = """
#answer-sources mark { background: #fff3a3; padding: 0 2px; }
.pqa-note { color: #666; font-size: 0.9em; }
"""
THEME = gr.themes.Soft(primary_hue="red", neutral_hue="slate")


def sources_markdown(ans: Answer, assistant: Assistant) -> str:
    if ans.abstained or not ans.citations:
        return "本次回答没有引用条目。"
    parts = []
    for c in ans.citations:
        row = assistant.r.by_key[(c.attachment, c.number)]
        parts.append(row_markdown(row, tuple(c.quotes)))
    return "\n\n---\n\n".join(parts)


def build(assistant: Assistant, feedback: FeedbackLog, reports_dir: Path) -> gr.Blocks:
    rows = assistant.r.rows
    sections = [ALL] + list(dict.fromkeys(f"{r.attachment} {r.section}" for r in rows))
    entries = directory(rows)
    depts = [ALL] + [e.name for e in entries]

    with gr.Blocks(title="政策问答 · 大宁县市场主体倍增任务清单") as demo:
        gr.Markdown("## 政策问答 PolicyQA\n大宁县 大营增专班发〔2022〕1号：附件1《市场主体倍增政策落实任务清单》、"
                    "附件2《市场主体倍增要素服务保障落实任务清单》。回答引用原文并注明条目，如〔附件1 第84项〕。")
        last_answer = gr.State(None)

        with gr.Tab("咨询", id="chat"):
            chatbot = gr.Chatbot(label="对话", height=460, elem_id="chatbot", buttons=["copy"])
            with gr.Row():
                box = gr.Textbox(placeholder="输入问题，如：高企认定奖励多少？", show_label=False, scale=6,
                                 elem_id="question-box", max_lines=4)
                send = gr.Button("发送", variant="primary", scale=1, elem_id="send-btn")
            ask_status = gr.Markdown("", elem_classes=["pqa-note"], elem_id="ask-status")
            with gr.Row():
                retry = gr.Button("重试", size="sm", elem_id="retry-btn")
                clear = gr.Button("清空对话", size="sm", elem_id="clear-btn")
            gr.Examples(EXAMPLES, inputs=box, label="示例问题")
            with gr.Accordion("出处：引用条目全文", open=False, elem_id="sources-accordion"):
                sources = gr.Markdown("提问后这里显示所引条目的全文，引用的句子高亮。", elem_id="answer-sources")
            with gr.Row():
                comment = gr.Textbox(placeholder="（可选）对这个回答的意见", show_label=False, scale=5,
                                     elem_id="feedback-comment")
                up = gr.Button("👍 有用", size="sm", scale=1, elem_id="feedback-up")
                down = gr.Button("👎 没用", size="sm", scale=1, elem_id="feedback-down")
            fb_status = gr.Markdown("", elem_classes=["pqa-note"], elem_id="feedback-status")

            def respond(message: str, history: list[dict[str, Any]] | None):
                history = list(history or [])
                shown = html.escape(message or "")
                try:
                    ans = assistant.answer(message, history)
                except QuestionError as e:  # shown under the chat; nothing else changes
                    return history, gr.update(), gr.update(), gr.update(), f"⚠️ {e}"
                history += [{"role": "user", "content": shown},
                            {"role": "assistant", "content": ans.answer}]
                return history, "", ans.to_dict(), sources_markdown(ans, assistant), ""

            def do_retry(history: list[dict[str, Any]] | None):
                history = list(history or [])
                while history and history[-1].get("role") == "assistant":
                    history.pop()
                if not history:
                    return [], "", gr.update(), gr.update(), "还没有可以重试的问题。"
                user = history.pop()
                q = html.unescape(str(user.get("content", "")))
                return respond(q, history)

            outs = [chatbot, box, last_answer, sources, ask_status]
            box.submit(respond, [box, chatbot], outs, api_visibility="private")
            send.click(respond, [box, chatbot], outs, api_visibility="private")
            retry.click(do_retry, [chatbot], outs, api_visibility="private")
            clear.click(lambda: ([], "", None, "提问后这里显示所引条目的全文，引用的句子高亮。", ""),
                        None, outs, api_visibility="private")

            def give(rating: str):
                def fn(ans: dict[str, Any] | None, text: str):
                    if not ans:
                        return "请先提问，再评价回答。", text
                    try:
                        feedback.append(ans["question"], ans["answer"], rating, text,
                                        [c["label"] for c in ans.get("citations", [])])
                    except FeedbackError as e:
                        return str(e), text
                    return "已记录反馈，谢谢！", ""
                return fn

            up.click(give("up"), [last_answer, comment], [fb_status, comment], api_visibility="private")
            down.click(give("down"), [last_answer, comment], [fb_status, comment], api_visibility="private")

        with gr.Tab("政策查询", id="browse"):
            with gr.Row():
                f_att = gr.Dropdown([ALL, "附件1", "附件2"], value=ALL, label="附件", elem_id="browse-attachment")
                f_sec = gr.Dropdown(sections, value=ALL, label="章节", elem_id="browse-section")
                f_dept = gr.Dropdown(depts, value=ALL, label="部门（牵头或配合）", elem_id="browse-dept",
                                     allow_custom_value=True)
                f_kw = gr.Textbox(label="关键词", placeholder="如：专精特新", elem_id="browse-keyword")
            search_btn = gr.Button("查询", variant="primary", elem_id="browse-search")
            count = gr.Markdown("", elem_id="browse-count")
            table = gr.Dataframe(headers=["条目", "章节", "主要任务", "牵头单位"], interactive=False,
                                 wrap=True, elem_id="browse-table")
            detail = gr.Markdown("在表格中点选一行，查看该条目全文。", elem_id="browse-detail")
            with gr.Accordion("部门目录：各部门牵头和配合的条目", open=False):
                d_sel = gr.Dropdown([e.name for e in entries], label="部门", elem_id="dept-select")
                d_out = gr.Markdown("")

            def browse(att: str, sec: str, dept: str, kw: str):
                att_f = None if att in (None, ALL) else att
                sec_att, sec_name = (None, None) if sec in (None, ALL) else sec.split(" ", 1)
                found = filter_rows(rows, attachment=att_f or sec_att, section=sec_name,
                                    dept=None if dept in (None, ALL, "") else dept, keyword=kw or None)
                data = [[r.label, r.section, r.task, "、".join(r.lead_units)] for r in found]
                return data, f"共 {len(found)} 项", ("在表格中点选一行，查看该条目全文。" if found else "没有符合条件的条目。")

            def pick(evt: gr.SelectData):
                label = (evt.row_value or [None])[0] if evt.row_value else None
                for r in rows:
                    if r.label == label:
                        return row_markdown(r)
                return "没有找到该条目。"

            def dept_info(name: str):
                for e in entries:
                    if e.name == name:
                        return (f"**{e.name}**：牵头 {len(e.leads)} 项，配合 {len(e.cooperates)} 项\n\n"
                                f"**牵头**：{'、'.join(f'〔{x}〕' for x in e.leads) or '—'}\n\n"
                                f"**配合**：{'、'.join(f'〔{x}〕' for x in e.cooperates) or '—'}")
                return ""

            ins = [f_att, f_sec, f_dept, f_kw]
            search_btn.click(browse, ins, [table, count, detail], api_visibility="private")
            f_kw.submit(browse, ins, [table, count, detail], api_visibility="private")
            table.select(pick, None, detail, api_visibility="private")
            d_sel.change(dept_info, d_sel, d_out, api_visibility="private")
            demo.load(browse, ins, [table, count, detail], api_visibility="private")

        with gr.Tab("命中测试", id="debug"):
            with gr.Row():
                dq = gr.Textbox(label="查询", placeholder="如：刚评上高企能拿多少钱", scale=4, elem_id="debug-query")
                dr = gr.Radio(["hybrid", "bm25", "dense"], value="hybrid", label="检索器", scale=2)
                dk = gr.Slider(1, 30, value=10, step=1, label="k", scale=1)
            dbtn = gr.Button("检索", variant="primary", elem_id="debug-search")
            dtable = gr.Dataframe(headers=["名次", "答案取用顺序", "条目", "融合得分", "BM25 名次", "BM25 得分",
                                           "向量 名次", "向量 得分", "命中块"], interactive=False, wrap=True,
                                  elem_id="debug-table")
            gr.Markdown("“答案取用顺序”：回答时前 5 条按“融合得分 + 最佳句子与问题的吻合度”重排后的次序。",
                        elem_classes=["pqa-note"])
            dverdict = gr.Markdown("", elem_id="debug-verdict")

            def debug(q: str, retriever: str, k: float):
                q = (q or "").strip()[:500]
                if not q:
                    return [], ""
                hits = assistant.r.search(q, int(k), DEFAULT_CONFIG.with_(retriever=retriever))
                order = {h.key: i for i, h in enumerate(assistant.answer_order(q, hits), 1)}

                def f(v: float | None) -> str:
                    return "—" if v is None else f"{v:.3f}"
                rows = [[i, order[h.key], h.label, f"{h.score:.4f}", h.ranks["bm25"] or "—", f(h.scores["bm25"]),
                         h.ranks["dense"] or "—", f(h.scores["dense"]),
                         f"[{'措施' if h.chunk_kind == 'measure' else '整行'}] {h.chunk[:120]}"]
                        for i, h in enumerate(hits, 1)]
                # whether the chat answers or says "not covered" (always on the default search)
                return rows, verdict_markdown(assistant.verdict(q))

            dbtn.click(debug, [dq, dr, dk], [dtable, dverdict], api_visibility="private")
            dq.submit(debug, [dq, dr, dk], [dtable, dverdict], api_visibility="private")

        with gr.Tab("评测", id="eval"):
            gr.Markdown(f"最近一次评测报告（`policyqa eval` 写入 `{reports_dir}`）。", elem_classes=["pqa-note"])
            refresh = gr.Button("刷新", size="sm")
            report_md = gr.Markdown("")
            gallery = gr.Gallery(label="图", columns=2, height=320)

            def load_report():
                md = reports_dir / "report.md"
                if not md.exists():
                    return "还没有评测报告：运行 `policyqa eval` 生成。", []
                text = md.read_text("utf-8")
                text = "\n".join(ln for ln in text.splitlines() if not ln.startswith("!["))
                try:
                    rep = json.loads((reports_dir / "report.json").read_text("utf-8"))
                    text = f"生成于问题集 `{rep.get('questions_file', '')}`\n\n" + text
                except (OSError, json.JSONDecodeError):
                    pass
                images = [str(p) for p in sorted(reports_dir.glob("*.png"))]
                return text, images

            refresh.click(load_report, None, [report_md, gallery], api_visibility="private")
            demo.load(load_report, None, [report_md, gallery], api_visibility="private")
    return demo
