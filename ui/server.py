"""One server: FastAPI with the JSON API, Gradio mounted at ``/``.

Safe to leave running where anyone can reach it (see README, "Reliability"):

- offline: Gradio's analytics, version check and Hugging Face telemetry are off in the
  server itself (set here, before Gradio is imported); the page loads nothing from
  outside (local fonts; a Content-Security-Policy allowing this server only);
- only the hosts the server was started for (``--allowed-hosts``) are answered, so a
  DNS-rebinding page cannot talk to it; writes (any POST) from another site's page
  are refused; request bodies are capped at 64 KB (API and chat alike);
  uploads are refused (nothing in the app uploads);
- idle chat sessions expire; a stop (SIGTERM) waits at most a few seconds.
"""

from __future__ import annotations

import os

# before anything imports gradio or huggingface_hub: the product makes no outside connection
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["DO_NOT_TRACK"] = "1"

import json
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request

from index.store import default_home
from ingest.library import load_documents, qualify
from ingest.schema import Document
from qa.engine import Assistant, open_assistant

from .api import MAX_BODY, add_routes, error
from .feedback import FeedbackLog

QUEUE_CONCURRENCY = 16  # simultaneous users the Gradio queue serves at once
SESSION_IDLE_SECONDS = 30 * 60   # a chat session unused this long is forgotten
SESSION_CAPACITY = 2000          # sessions kept at most (~105 KB each)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# the page may load from this server only: no remote fonts, images, scripts or connections
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
       "media-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; "
       "frame-ancestors 'self'; form-action 'self'; base-uri 'self'")


def reports_dir(home: Path) -> Path:
    return home / "reports" / "eval"


def allowed_hosts(host: str, extra: Iterable[str] | None = None) -> set[str]:
    """The host names the server answers: the one it listens on, loopback names and
    ``extra`` (``--allowed-hosts``). A server on 0.0.0.0 must be given its names."""
    names = {h.strip().lower().strip("[]") for h in [host, *LOCAL_HOSTS, *(extra or [])] if h and h.strip()}
    names.discard("0.0.0.0")
    names.discard("::")
    return names


def _hostname(value: str) -> str:
    """``example.com`` from ``example.com:7860``, ``::1`` from ``[::1]:7860``."""
    try:
        return (urlsplit("//" + value).hostname or "").lower()
    except ValueError:
        return ""


async def _json_error(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def _replay(body: bytes, receive):
    """A ``receive`` that gives ``body`` once, then whatever the client sends next."""
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()
    return replay


class Guard:
    """ASGI middleware in front of everything: host check, cross-site writes refused,
    request bodies capped, uploads refused, security headers on every response."""

    def __init__(self, app, hosts: set[str]):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        path = scope.get("path", "")
        method = scope.get("method", "GET")
        host = headers.get("host")
        if host is not None and _hostname(host) not in self.hosts:
            return await self._refuse(scope, send, 400, f"不接受主机名“{host[:60]}”的请求。如需用这个名字访问，"
                                                        f"启动时加上 --allowed-hosts {_hostname(host)[:60] or '名字'}。")
        origin = headers.get("origin")
        if (method not in SAFE_METHODS or scope["type"] == "websocket") and origin is not None \
                and not self._same_site(origin, host):
            return await self._refuse(scope, send, 403, "拒绝来自其他网站的请求（Origin 不是本服务）。")
        if method not in SAFE_METHODS and path.rstrip("/").endswith("/upload"):
            return await self._refuse(scope, send, 403, "本应用不接受上传文件。")
        limit = MAX_BODY  # the chat sends a question; its conversation stays on the server
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            return await self._refuse(scope, send, 413, f"请求太大，最多 {limit // 1024} KB。")
        if scope["type"] == "websocket":
            return await self.app(scope, receive, send)
        if method not in SAFE_METHODS:
            # the whole body first (at most the cap), then to the app: an oversize or
            # chunked one is refused before any work, as JSON
            chunks, size = [], 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > limit:
                    return await _json_error(send, 413, f"请求太大，最多 {limit // 1024} KB。")
                if not message.get("more_body", False):
                    break
            receive = _replay(b"".join(chunks), receive)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                extra = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"no-referrer")]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _same_site(self, origin: str, host: str | None) -> bool:
        """A write comes from this server's own page: the Origin is this very host and
        port (another port on localhost is another site)."""
        try:
            netloc = urlsplit(origin).netloc.lower()
        except ValueError:
            return False
        if host is not None:
            return netloc == host.lower()
        return _hostname(netloc) in self.hosts

    async def _refuse(self, scope, send, status: int, detail: str) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        await _json_error(send, status, detail)


def expire_idle_sessions(holder, idle_seconds: float) -> int:
    """Forget the chat sessions of a Gradio ``StateHolder`` unused for ``idle_seconds``
    (Gradio keeps each until 10,000 newer ones push it out: ~105 KB apiece, never
    released when idle). Returns how many were dropped."""
    import datetime

    cutoff = datetime.datetime.now() - datetime.timedelta(seconds=idle_seconds)
    dropped = 0
    with holder.lock:
        for sid, used in list(holder.time_last_used.items()):
            if used < cutoff:
                holder.session_data.pop(sid, None)
                holder.time_last_used.pop(sid, None)
                dropped += 1
    return dropped


def _expire_loop(demo, idle_seconds: float, every: float) -> None:
    while True:
        time.sleep(every)
        if (holder := getattr(demo, "state_holder", None)) is not None:
            expire_idle_sessions(holder, idle_seconds)


def create_app(assistant: Assistant, home: Path, session_idle_seconds: float = SESSION_IDLE_SECONDS,
               documents: Sequence[Document] | None = None) -> FastAPI:
    """The FastAPI app with the JSON API and the Gradio app mounted; :func:`serve` puts
    :class:`Guard` in front of it (and of the page shown while it starts).
    ``documents`` are the loaded documents (the page's titles and document filter)."""
    import gradio as gr

    from .app import CSS, THEME, build

    feedback = FeedbackLog(home / "feedback.jsonl")
    app = FastAPI(title="政策问答 PolicyQA", docs_url="/api/docs", openapi_url="/api/openapi.json")
    m = assistant.r.stored.manifest
    named = qualify(list(documents or []))  # short names, as citations give them
    add_routes(app, assistant, feedback, {"document": m.get("document", {}).get("doc_number", "")},
               alone=named[0].name if len(named) == 1 else "")

    _api_fallbacks(app)
    demo = build(assistant, feedback, reports_dir(home), documents)
    demo.analytics_enabled = False
    demo.state_session_capacity = SESSION_CAPACITY
    demo.queue(default_concurrency_limit=QUEUE_CONCURRENCY, max_size=256)
    allowed = [str(reports_dir(home))]
    app = gr.mount_gradio_app(app, demo, path="", theme=THEME, css=CSS, allowed_paths=allowed,
                              footer_links=[], ssr_mode=False, max_file_size="1kb")
    threading.Thread(target=_expire_loop, args=(demo, session_idle_seconds, min(60.0, session_idle_seconds)),
                     daemon=True, name="policyqa-session-expiry").start()
    return app


def _api_fallbacks(app: FastAPI) -> None:
    """Chinese JSON for a wrong method or an unknown path under /api/ (otherwise the
    Gradio app mounted at / would answer with its English 404)."""
    methods = ["GET", "POST", "PUT", "DELETE", "PATCH"]
    allow = {"/api/ask": "POST", "/api/feedback": "POST", "/api/health": "GET"}
    for path, ok in allow.items():
        def wrong_method(request: Request, ok: str = ok):
            return error(405, f"{request.url.path} 只接受 {ok} 请求，收到 {request.method}。", {"Allow": ok})
        app.add_api_route(path, wrong_method, methods=[m for m in methods if m != ok], include_in_schema=False)

    def unknown(request: Request):
        return error(404, f"没有这个接口：{request.url.path[:80]}。可用：POST /api/ask、GET /api/rows/附件1/84、"
                          "GET /api/health、POST /api/feedback。")
    app.add_api_route("/api/{rest:path}", unknown, methods=methods, include_in_schema=False)


def serve(host: str = "127.0.0.1", port: int = 7860, doc: str | Sequence[str] | None = None,
          embedder: str | None = None, home: str | None = None, no_rebuild: bool = False, extra_hosts: Iterable[str] | None = None) -> None:
    """Serve at once: the page says 正在建立索引… (with the time left) until the index is
    loaded or built and the app is up (ui/startup.py)."""
    import uvicorn

    from .startup import Starting

    t0 = time.perf_counter()
    h = Path(home) if home else default_home()
    # exactly the --doc files, else the built-in corpus and the library; a bad one is
    # refused before the port opens
    documents = load_documents([doc] if isinstance(doc, str) else doc, h)
    env_hosts = [x for x in os.environ.get("POLICYQA_ALLOWED_HOSTS", "").split(",") if x.strip()]
    hosts = allowed_hosts(host, [*(extra_hosts or []), *env_hosts])

    def make_app():
        assistant = open_assistant(documents, embedder=embedder, home=h, no_rebuild=no_rebuild)
        app = create_app(assistant, h, documents=documents)
        print(f"政策问答已就绪（启动 {time.perf_counter() - t0:.1f} 秒）：http://{host}:{port}/  "
              f"API：http://{host}:{port}/api/ask  接受的主机名：{', '.join(sorted(hosts))}",
              file=sys.stderr, flush=True)
        return app

    server: uvicorn.Server | None = None

    def stop(_: BaseException) -> None:
        if server is not None:
            server.should_exit = True

    starting = Starting(make_app, on_error=stop)
    server = uvicorn.Server(uvicorn.Config(Guard(starting, hosts), host=host, port=port, log_level="warning",
                                           timeout_graceful_shutdown=5))
    print(f"网页已可打开：http://{host}:{port}/（索引就绪前显示进度）", file=sys.stderr, flush=True)
    server.run()
    if starting.error is not None:
        raise starting.error
