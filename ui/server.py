"""One server: FastAPI with the JSON API, Gradio mounted at ``/``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from fastapi import FastAPI

from index.store import default_home
from ingest import load_document
from qa.engine import Assistant, open_assistant

from .api import add_routes
from .feedback import FeedbackLog

QUEUE_CONCURRENCY = 16  # simultaneous users the Gradio queue serves at once


def reports_dir(home: Path) -> Path:
    return home / "reports" / "eval"


def create_app(assistant: Assistant, home: Path) -> FastAPI:
    import gradio as gr

    from .app import CSS, THEME, build

    feedback = FeedbackLog(home / "feedback.jsonl")
    app = FastAPI(title="政策问答 PolicyQA", docs_url="/api/docs", openapi_url="/api/openapi.json")
    m = assistant.r.stored.manifest.get("document", {})
    add_routes(app, assistant, feedback, {"document": m.get("doc_number", ""), "home": str(home)})
    demo = build(assistant, feedback, reports_dir(home))
    demo.queue(default_concurrency_limit=QUEUE_CONCURRENCY, max_size=256)
    allowed = [str(reports_dir(home))]
    return gr.mount_gradio_app(app, demo, path="", theme=THEME, css=CSS, allowed_paths=allowed,
                               footer_links=["api"], ssr_mode=False)


def serve(host: str = "127.0.0.1", port: int = 7860, doc: str | None = None, embedder: str | None = None,
          home: str | None = None, no_rebuild: bool = False) -> None:
    import uvicorn

    t0 = time.perf_counter()
    h = Path(home) if home else default_home()
    assistant = open_assistant(load_document(doc), embedder=embedder, home=h, no_rebuild=no_rebuild)
    app = create_app(assistant, h)
    print(f"政策问答已就绪（启动 {time.perf_counter() - t0:.1f} 秒）：http://{host}:{port}/  "
          f"API：http://{host}:{port}/api/ask", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
