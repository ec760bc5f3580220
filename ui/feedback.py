"""Feedback log: one JSON object per line, appended safely under concurrent use
(threads of one server and several processes alike: a lock, an exclusive file lock
and a single ``write`` of the whole line on an append-only descriptor)."""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

MAX_COMMENT = 2000
RATINGS = ("up", "down")


class FeedbackError(ValueError):
    pass


class FeedbackLog:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def append(self, question: str, answer: str, rating: str, comment: str = "",
               citations: list[str] | None = None) -> dict[str, Any]:
        if rating not in RATINGS:
            raise FeedbackError(f"评价只能是 {' 或 '.join(RATINGS)}（👍 / 👎）")
        if not str(question).strip():
            raise FeedbackError("反馈需要对应一个问题：请先提问再评价。")
        record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "question": str(question)[:1000],
                  "answer": str(answer)[:4000], "rating": rating,
                  "comment": str(comment or "")[:MAX_COMMENT], "citations": list(citations or [])}
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                view = memoryview(line)
                while view:
                    n = os.write(fd, view)
                    view = view[n:]
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
        return record

    def read(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        return [json.loads(ln) for ln in self.path.read_text("utf-8").splitlines() if ln.strip()]
