"""The server answers at once: while the index is loaded or built (minutes on a busy
first start), every page says 正在建立索引… with the progress and the time left, and
``/api/health`` answers 503 ``{"status": "starting"}``; then every request goes to
the real app.

:class:`Starting` is a small ASGI app around a ``make_app`` callable that runs in a
thread. When it returns, the real app's own lifespan (Gradio's startup events) is run
inside the server's, and the real app takes over.
"""

from __future__ import annotations

import asyncio
import html
import json
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

REFRESH_SECONDS = 3


def build_progress() -> dict[str, Any] | None:
    """The index build's progress, read from its tqdm bar (``index.store`` shows one
    while embedding): done, total, seconds elapsed and left. None before it starts."""
    try:
        from tqdm import tqdm

        bars = [b for b in list(getattr(tqdm, "_instances", ())) if str(getattr(b, "desc", "")).startswith("嵌入")]
    except Exception:  # noqa: BLE001 - progress is a nicety; never fail the page over it
        return None
    if not bars:
        return None
    d = bars[-1].format_dict
    n, total, elapsed = int(d.get("n") or 0), int(d.get("total") or 0), float(d.get("elapsed") or 0.0)
    rate = d.get("rate") or (n / elapsed if n and elapsed else None)
    left = (total - n) / rate if rate and total else None
    return {"done": n, "total": total, "elapsed_s": round(elapsed), "left_s": None if left is None else round(left)}


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60} 分 {seconds % 60} 秒" if seconds >= 60 else f"{seconds} 秒"


def status_text(progress: dict[str, Any] | None, waited: float) -> str:
    """One line in Chinese: what the server is doing and how long it will take."""
    if progress and progress["total"]:
        left = "正在估算剩余时间" if progress["left_s"] is None else f"预计还需约 {_duration(progress['left_s'])}"
        return f"正在建立索引…… 已完成 {progress['done']}/{progress['total']} 块，{left}。"
    return f"正在载入或建立索引……已等待 {_duration(waited)}。"


class Starting:
    """Answers every request while ``make_app`` runs, then hands them to its result."""

    def __init__(self, make_app: Callable[[], ASGIApp], on_error: Callable[[BaseException], None]):
        self.make_app = make_app
        self.on_error = on_error
        self.app: ASGIApp | None = None
        self.error: BaseException | None = None
        self.t0 = time.monotonic()
        self._inner_lifespan: tuple[asyncio.Queue, asyncio.Queue, asyncio.Task] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            return await self._lifespan(scope, receive, send)
        if self.app is not None:
            return await self.app(scope, receive, send)
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1013})  # try again later
            return
        await self._starting_page(scope, send)

    # -- while starting -------------------------------------------------------------
    async def _starting_page(self, scope: Scope, send: Send) -> None:
        progress = build_progress()
        text = status_text(progress, time.monotonic() - self.t0)
        path = scope.get("path", "")
        if path.startswith(("/api/", "/gradio_api/")):
            body = json.dumps({"status": "starting", "detail": f"{text}请稍候再试。", "progress": progress},
                              ensure_ascii=False).encode("utf-8")
            ctype = b"application/json"
        else:
            body = PAGE.format(refresh=REFRESH_SECONDS, text=html.escape(text)).encode("utf-8")
            ctype = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 503,
                    "headers": [(b"content-type", ctype), (b"retry-after", str(REFRESH_SECONDS).encode()),
                                (b"cache-control", b"no-store"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    # -- lifespan: start the build, later run the real app's lifespan ---------------
    async def _lifespan(self, scope: Scope, receive: Receive, send: Send) -> None:
        loop = asyncio.get_running_loop()
        state = scope.get("state")
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
                threading.Thread(target=self._build, args=(loop, state), daemon=True,
                                 name="policyqa-start").start()
            elif message["type"] == "lifespan.shutdown":
                await self._stop_inner()
                await send({"type": "lifespan.shutdown.complete"})
                return

    def _build(self, loop: asyncio.AbstractEventLoop, state: dict[str, Any] | None) -> None:
        try:
            app = self.make_app()
            asyncio.run_coroutine_threadsafe(self._start_inner(app, state), loop).result()
        except BaseException as e:  # noqa: BLE001 - reported, then the server stops
            self.error = e
            self.on_error(e)

    async def _start_inner(self, app: ASGIApp, state: dict[str, Any] | None) -> None:
        to_app: asyncio.Queue = asyncio.Queue()
        from_app: asyncio.Queue = asyncio.Queue()
        scope = {"type": "lifespan", "asgi": {"version": "3.0", "spec_version": "2.0"}}
        if state is not None:
            scope["state"] = state
        task = asyncio.create_task(app(scope, to_app.get, from_app.put))
        await to_app.put({"type": "lifespan.startup"})
        reply = await from_app.get()
        if reply["type"] != "lifespan.startup.complete":
            raise RuntimeError(f"网页应用启动失败：{reply.get('message', reply['type'])}")
        self._inner_lifespan = (to_app, from_app, task)
        self.app = app

    async def _stop_inner(self) -> None:
        if self._inner_lifespan is None:
            return
        to_app, from_app, task = self._inner_lifespan
        await to_app.put({"type": "lifespan.shutdown"})
        try:
            await asyncio.wait_for(from_app.get(), timeout=5)
        except TimeoutError:
            task.cancel()


PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="{refresh}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政策问答 · 正在启动</title>
<style>body {{ font-family: sans-serif; max-width: 40em; margin: 4em auto; padding: 0 1em; color: #333; }}
#starting {{ font-size: 1.2em; }} .note {{ color: #666; }}</style></head>
<body><h1>政策问答 PolicyQA</h1>
<p id="starting">{text}</p>
<p class="note">首次启动要为文件建立检索索引；完成后本页自动打开问答界面（每 {refresh} 秒刷新）。</p>
</body></html>
"""
