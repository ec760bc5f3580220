"""The editable data files under ``qa/data``: one reader for all of them."""

from __future__ import annotations

from importlib import resources


def data_lines(name: str) -> list[str]:
    """Non-empty lines of ``qa/data/<name>`` that are not ``#`` comments, stripped."""
    text = resources.files("qa").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
