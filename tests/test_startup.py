"""The server answers at once while the index is built (issue 14, item 9): a page that
says 正在建立索引… with the time left, health 503 "starting", then the real app."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from ui.startup import Starting, status_text


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(starting: Starting) -> tuple[uvicorn.Server, threading.Thread, str]:
    port = _port()
    server = uvicorn.Server(uvicorn.Config(starting, host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/health", timeout=1)
            return server, t, base
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError("server did not open its port")


def test_page_and_health_answer_while_building_then_the_real_app_takes_over():
    ready = threading.Event()
    started = []

    def make_app():
        ready.wait(20)  # the index build

        @contextlib.asynccontextmanager
        async def lifespan(_app):  # the real app's own lifespan runs (Gradio's startup events live there)
            started.append(True)
            yield

        app = FastAPI(lifespan=lifespan)

        @app.get("/api/health")
        def health():
            return {"status": "ok"}
        return app

    errors: list[BaseException] = []
    server, thread, base = _run(Starting(make_app, on_error=errors.append))
    try:
        page = httpx.get(base + "/")
        assert page.status_code == 503 and "正在" in page.text and "索引" in page.text
        assert 'http-equiv="refresh"' in page.text
        health = httpx.get(base + "/api/health")
        assert health.status_code == 503 and health.json()["status"] == "starting"
        assert "请稍候" in health.json()["detail"]
        ready.set()
        deadline = time.monotonic() + 10
        while httpx.get(base + "/api/health").status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert httpx.get(base + "/api/health").json() == {"status": "ok"} and started == [True]
        assert errors == []
    finally:
        ready.set()
        server.should_exit = True
        thread.join(10)


def test_a_failed_start_stops_the_server_and_keeps_the_error():
    stopped = threading.Event()

    def make_app():
        raise RuntimeError("还没有索引")

    holder: dict = {}

    def on_error(e: BaseException) -> None:
        holder["server"].should_exit = True
        stopped.set()

    starting = Starting(make_app, on_error=on_error)
    port = _port()
    holder["server"] = server = uvicorn.Server(uvicorn.Config(starting, host="127.0.0.1", port=port,
                                                              log_level="warning"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    assert stopped.wait(20)
    t.join(10)
    assert not t.is_alive() and isinstance(starting.error, RuntimeError)


@pytest.mark.parametrize("progress, waited, expected", [
    ({"done": 100, "total": 305, "elapsed_s": 50, "left_s": 102}, 55, "已完成 100/305 块，预计还需约 1 分 42 秒"),
    ({"done": 0, "total": 305, "elapsed_s": 0, "left_s": None}, 3, "正在估算剩余时间"),
    (None, 4, "已等待 4 秒"),
])
def test_status_text(progress, waited, expected):
    assert expected in status_text(progress, waited)
