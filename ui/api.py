"""JSON HTTP API on the server's FastAPI app.

    POST /api/ask        {"question": str, "history": [...]} → the answer schema
    GET  /api/rows/{attachment}/{number}                      → one row
    GET  /api/health                                          → status, corpus, index
    POST /api/feedback   {"question", "answer", "rating": "up"|"down", "comment"}

Errors are JSON ``{"detail": "<中文说明>"}`` with a 4xx status.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from qa.engine import Assistant
from qa.schema import MAX_QUESTION_CHARS, QuestionError

from .feedback import FeedbackError, FeedbackLog


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


async def _json_body(request: Request) -> dict[str, Any] | JSONResponse:
    raw = await request.body()
    if len(raw) > 200_000:
        return _error(413, "请求太大。")
    try:
        body = json.loads(raw.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _error(400, "请求体必须是 JSON，例如 {\"question\": \"高企认定奖励多少\"}。")
    if not isinstance(body, dict):
        return _error(400, "请求体必须是 JSON 对象，例如 {\"question\": \"高企认定奖励多少\"}。")
    return body


def add_routes(app: FastAPI, assistant: Assistant, feedback: FeedbackLog, meta: dict[str, Any]) -> None:
    @app.post("/api/ask")
    async def ask(request: Request) -> Any:
        body = await _json_body(request)
        if isinstance(body, JSONResponse):
            return body
        question = body.get("question")
        history = body.get("history") or []
        if not isinstance(history, list):
            return _error(400, "history 必须是列表（之前的对话消息）。")
        if isinstance(question, str) and len(question.strip()) > MAX_QUESTION_CHARS:
            return _error(413, f"问题太长（{len(question.strip())} 字），请控制在 {MAX_QUESTION_CHARS} 字以内。")
        try:
            from starlette.concurrency import run_in_threadpool

            ans = await run_in_threadpool(assistant.answer, question, history)
        except QuestionError as e:
            return _error(400, str(e))
        return ans.to_dict()

    @app.get("/api/rows/{attachment}/{number}")
    def row(attachment: str, number: str) -> Any:
        att = attachment if attachment.startswith("附件") else f"附件{attachment}"
        if not number.isdigit():
            return _error(400, f"序号必须是数字，收到“{number}”。")
        r = assistant.r.by_key.get((att, int(number)))
        if r is None:
            return _error(404, f"没有 {att} 第{number}项（附件1 有 1–105 项，附件2 有 1–113 项）。")
        return r.to_dict()

    @app.get("/api/health")
    def health() -> Any:
        m = assistant.r.stored.manifest
        return {"status": "ok", "rows": len(assistant.r.rows), "chunks": len(assistant.r.chunks),
                "embedder": m.get("embedder"), "index_created": m.get("created"), **meta}

    @app.post("/api/feedback")
    async def post_feedback(request: Request) -> Any:
        body = await _json_body(request)
        if isinstance(body, JSONResponse):
            return body
        try:
            rec = feedback.append(str(body.get("question", "")), str(body.get("answer", "")),
                                  str(body.get("rating", "")), str(body.get("comment", "") or ""),
                                  [str(c) for c in body.get("citations", []) or []])
        except FeedbackError as e:
            return _error(400, str(e))
        return {"status": "ok", "time": rec["time"]}
