"""JSON HTTP API on the server's FastAPI app.

    POST /api/ask        {"question": str, "history": [...]} → the answer schema
    GET  /api/rows/{scope}/{number}                           → one row (附件1/84, 1/84;
                                                                 with several documents
                                                                 平遥优化营商任务清单/1)
    GET  /api/rows/{label}                                    → one row by its label
                                                                 (第3项, 第五条, 附件1 第84项)
                                                                 or, for rows without a
                                                                 scope, its number (3)
    GET  /api/health                                          → status, corpus, index
    POST /api/feedback   {"question", "answer", "rating": "up"|"down", "comment", "citations"}

Errors are JSON ``{"detail": "<中文说明>"}`` with a 4xx status: a body that is not
JSON (or not ``application/json``), too deep, with a lone surrogate or an integer too
long to read is a 400/413/415, never a 500. The history reaches the engine bounded
(:func:`ui.limits.bound_history`).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ingest.filters import filter_rows
from ingest.schema import TaskRow, label, parse_label
from qa.engine import Assistant
from qa.schema import MAX_QUESTION_CHARS, QuestionError

from .browse import own_scope
from .feedback import FeedbackError, FeedbackLog
from .limits import bound_history
from .render import number_ranges

MAX_BODY = 64 * 1024          # bytes of a request body to /api/*
MAX_HISTORY_ITEMS = 1000      # messages in a posted history (only the last few are read)
MAX_ROW_NUMBER_DIGITS = 6
EXAMPLE = "例如 {\"question\": \"高企认定奖励多少\"}"


def error(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def _has_surrogate(obj: Any, depth: int = 0) -> bool:
    """Whether any string (key or value) holds a lone surrogate such as "\\ud800"."""
    if isinstance(obj, str):
        try:
            obj.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(obj, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in obj.items())
    if isinstance(obj, list):
        return any(_has_surrogate(v) for v in obj)
    return False


async def json_body(request: Request) -> dict[str, Any] | JSONResponse:
    """The request's JSON object, or the JSON error to answer with."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        return error(415, f"请求必须是 JSON（Content-Type: application/json），{EXAMPLE}。")
    raw = await request.body()
    if len(raw) > MAX_BODY:
        return error(413, f"请求太大（{len(raw)} 字节），最多 {MAX_BODY // 1024} KB。")
    try:
        body = json.loads(raw.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return error(400, f"请求体必须是 JSON，{EXAMPLE}。")
    except RecursionError:
        return error(400, "请求体的 JSON 嵌套太深。")
    except ValueError:  # an integer of more than 4,300 digits
        return error(400, "请求体中的数字太长。")
    if not isinstance(body, dict):
        return error(400, f"请求体必须是 JSON 对象，{EXAMPLE}。")
    try:
        bad = _has_surrogate(body)
    except RecursionError:
        return error(400, "请求体的 JSON 嵌套太深。")
    if bad:
        return error(400, "请求中含有无效字符（不成对的代理码位，如 \\ud800），请检查文字。")
    return body


def _public_embedder(name: str | None) -> str | None:
    """The embedder's name without the model directory's path (a client needs no paths)."""
    if name and name.startswith("st:"):
        return "st:" + name.rstrip("/").rsplit("/", 1)[-1]
    return name


def find_rows(assistant: Assistant, scope: str, number: int, alone: str = "") -> list[TaskRow]:
    """The rows ``/api/rows/{scope}/{number}`` names: the row with exactly that key
    (附件1 84; 平遥优化营商任务清单 1; no scope: 第3项 of a document numbered straight
    through), else — several documents loaded — every row whose scope is that within
    its document (附件1 of 大宁市场主体任务清单 附件1; no scope: 〔平遥优化营商任务清单 第3项〕).
    ``alone`` is the short name of a document loaded alone: a scope led by it (as it
    reads once others are loaded) names that document's own scope."""
    if alone and (scope == alone or scope.startswith(alone + " ")):
        scope = scope[len(alone):].strip()
    row = assistant.r.by_key.get((scope, number))
    if row is not None:
        return [row]
    if not scope:  # filter_rows reads an empty scope as any scope
        return [r for r in assistant.r.rows if r.number == number and not own_scope(r)]
    return filter_rows(assistant.r.rows, attachment=scope, number=number)


def read_ref(ref: str) -> tuple[str, int] | None:
    """The row key a one-part ``/api/rows/{ref}`` names: a bare number is a row without
    a scope (3 → 第3项); else a label (第3项, 第五条, 附件1 第84项, with or without 〔〕)."""
    ref = ref.strip()
    if ref.isascii() and ref.isdigit():
        return ("", int(ref)) if len(ref) <= MAX_ROW_NUMBER_DIGITS else None
    return parse_label(ref[:200])


def add_routes(app: FastAPI, assistant: Assistant, feedback: FeedbackLog, meta: dict[str, Any],
               alone: str = "") -> None:
    """The routes above; ``alone`` is the short name of a document loaded alone (its rows
    can be asked for by it too)."""

    def one_row(att: str, number: int) -> Any:
        found = find_rows(assistant, att, number, alone)
        # as the row would be cited (第三条 for an article; its Chinese numerals stop at 999)
        shown = (label(att, number) if number < 1000 else f"{att} 第{number}项".strip())[:40]
        if not found:
            return error(404, f"没有 {shown}{number_ranges(assistant.r.rows, att or None)}。")
        if len(found) > 1:
            return error(409, f"{len(found)} 个文件都有 {shown}："
                              f"{'、'.join(r.citation for r in found)}；请在范围前写上文件简称，"
                              f"如 /api/rows/{found[0].attachment}/{number}。")
        return found[0].to_dict()

    @app.post("/api/ask")
    async def ask(request: Request) -> Any:
        body = await json_body(request)
        if isinstance(body, JSONResponse):
            return body
        question = body.get("question")
        history = body.get("history") or []
        if not isinstance(history, list):
            return error(400, "history 必须是列表（之前的对话消息）。")
        if len(history) > MAX_HISTORY_ITEMS:
            return error(413, f"history 太长（{len(history)} 条），最多 {MAX_HISTORY_ITEMS} 条；只有最近几轮会被读取。")
        if isinstance(question, str) and len(question.strip()) > MAX_QUESTION_CHARS:
            return error(413, f"问题太长（{len(question.strip())} 字），请控制在 {MAX_QUESTION_CHARS} 字以内。")
        try:
            ans = await run_in_threadpool(assistant.answer, question, bound_history(history, question))
        except QuestionError as e:
            return error(400, str(e))
        return ans.to_dict()

    @app.get("/api/rows/{attachment}/{number}")
    def row(attachment: str, number: str) -> Any:
        att = f"附件{attachment}" if attachment.isascii() and attachment.isdigit() else attachment.strip()
        if not (number.isascii() and number.isdigit()):
            return error(400, f"序号必须是数字，收到“{number[:20]}”。")
        if len(number) > MAX_ROW_NUMBER_DIGITS:
            return error(404, f"没有 {att[:20]} 第{number[:20]}…项。")
        return one_row(att, int(number))

    @app.get("/api/rows/{ref}")
    def row_by_label(ref: str) -> Any:
        key = read_ref(ref)
        if key is None:
            return error(404, f"读不出“{ref[:20]}”是哪一条：请写序号（/api/rows/3）、条目（/api/rows/第3项、"
                              f"/api/rows/第五条）或范围和序号（/api/rows/附件1/84）。")
        return one_row(*key)

    @app.get("/api/health")
    def health() -> Any:
        m = assistant.r.stored.manifest
        return {"status": "ok", "rows": len(assistant.r.rows), "chunks": len(assistant.r.chunks),
                "embedder": _public_embedder(m.get("embedder")), "index_created": m.get("created"), **meta}

    @app.post("/api/feedback")
    async def post_feedback(request: Request) -> Any:
        body = await json_body(request)
        if isinstance(body, JSONResponse):
            return body
        try:
            rec = feedback.append(body.get("question"), body.get("answer"), body.get("rating"),
                                  body.get("comment"), body.get("citations"))
        except FeedbackError as e:
            return error(e.status, str(e))
        return {"status": "ok", "time": rec["time"]}
