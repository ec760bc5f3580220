"""Feedback log: one JSON object per line, appended safely under concurrent use
(threads of one server and several processes alike: a lock, an exclusive file lock
and a single ``write`` of the whole line on an append-only descriptor).

Every field is capped (an oversize one is refused, not cut) and the log is bounded:
past :data:`MAX_LOG_BYTES` it is rotated to ``feedback.jsonl.1`` … ``.{KEEP}``, the
oldest dropped, so the log never takes more than ``(KEEP + 1) × MAX_LOG_BYTES``.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

MAX_QUESTION = 500       # a question longer than this is never asked
MAX_ANSWER = 8000        # answers are quotes of a few rows
MAX_COMMENT = 2000
MAX_CITATIONS = 30
MAX_CITATION = 60        # a label such as 附件1 第84项
MAX_LOG_BYTES = int(os.environ.get("POLICYQA_FEEDBACK_MAX_BYTES", str(10 * 1024 * 1024)))
KEEP = 5                 # rotated files kept
RATINGS = ("up", "down")


class FeedbackError(ValueError):
    """Feedback that cannot be recorded; the message is Chinese. ``status`` is the
    HTTP status the API answers with (413 for an oversize field)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _check_text(name: str, value: Any, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FeedbackError(f"{name} 必须是文字。")
    if len(value) > limit:
        raise FeedbackError(f"{name} 太长（{len(value)} 字），最多 {limit} 字。", 413)
    return value


def _check_citations(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise FeedbackError("citations 必须是条目标签的列表，如 [\"附件1 第84项\"]。")
    if len(value) > MAX_CITATIONS or any(len(c) > MAX_CITATION for c in value):
        raise FeedbackError(f"citations 太长：最多 {MAX_CITATIONS} 个标签，每个不超过 {MAX_CITATION} 字。", 413)
    return list(value)


class FeedbackLog:
    def __init__(self, path: Path, max_bytes: int = MAX_LOG_BYTES, keep: int = KEEP):
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.keep = keep
        self._lock = threading.Lock()

    def append(self, question: Any, answer: Any, rating: Any, comment: Any = "",
               citations: Any = None) -> dict[str, Any]:
        if rating not in RATINGS:
            raise FeedbackError(f"评价只能是 {' 或 '.join(RATINGS)}（👍 / 👎）")
        question = _check_text("question", question, MAX_QUESTION)
        if not question.strip():
            raise FeedbackError("反馈需要对应一个问题：请先提问再评价。")
        record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "question": question,
                  "answer": _check_text("answer", answer, MAX_ANSWER), "rating": rating,
                  "comment": _check_text("comment", comment, MAX_COMMENT),
                  "citations": _check_citations(citations)}
        try:
            line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        except UnicodeEncodeError as e:  # a lone surrogate ("\ud800") is no text
            raise FeedbackError("反馈中含有无效字符（不成对的代理码位），请检查文字。") from e
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            fd = self._open_locked()
            try:
                if os.fstat(fd).st_size + len(line) > self.max_bytes and os.fstat(fd).st_size > 0:
                    self._rotate()
                    fcntl.flock(fd, fcntl.LOCK_UN)
                    os.close(fd)
                    fd = self._open_locked()
                view = memoryview(line)
                while view:
                    n = os.write(fd, view)
                    view = view[n:]
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
        return record

    def _open_locked(self) -> int:
        """An append descriptor on the current log, exclusively locked. Another process
        may rotate the file while this one waits for the lock: then reopen."""
        while True:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                if os.stat(self.path).st_ino == os.fstat(fd).st_ino:
                    return fd
            except FileNotFoundError:
                pass
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _rotate(self) -> None:
        """feedback.jsonl → .1, .1 → .2 … (called holding the lock on the current file)."""
        for i in range(self.keep - 1, 0, -1):
            src = self.path.with_name(f"{self.path.name}.{i}")
            if src.exists():
                os.replace(src, self.path.with_name(f"{self.path.name}.{i + 1}"))
        if self.keep > 0:
            os.replace(self.path, self.path.with_name(f"{self.path.name}.1"))
        else:
            os.unlink(self.path)

    def files(self) -> list[Path]:
        """The log's files, oldest first."""
        rotated = [self.path.with_name(f"{self.path.name}.{i}") for i in range(self.keep, 0, -1)]
        return [p for p in rotated + [self.path] if p.exists()]

    def read(self) -> list[dict[str, Any]]:
        """Every record, oldest first. Lines are split on "\\n" only: a comment may hold
        U+2028 or other characters ``str.splitlines`` would break a line at."""
        out = []
        for p in self.files():
            out += [json.loads(ln) for ln in p.read_text("utf-8").split("\n") if ln.strip()]
        return out
