"""Bounds on what reaches the answer engine from the web (API and chat alike).

A chat history comes from the client: a page or script can send any number of turns
of any length. The engine reads only the last question and answer of it, but it
searches with the previous question, so every turn is cut here before the engine
sees it: the last :data:`MAX_TURNS` messages, a user turn to :data:`MAX_USER_CHARS`
(the question limit, less the new question's length so that a follow-up searches
with at most that many characters), an assistant turn to :data:`MAX_ASSISTANT_CHARS`
(enough for its citation labels). Work per request is then bounded whatever was sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qa.schema import MAX_QUESTION_CHARS

MAX_TURNS = 6                 # messages (user or assistant) kept from the end of a history
MAX_USER_CHARS = MAX_QUESTION_CHARS
MAX_ASSISTANT_CHARS = 4000


def _text(content: Any, limit: int) -> str:
    """A message's text, at most ``limit`` characters (Gradio may send content parts)."""
    if isinstance(content, list):
        parts = []
        total = 0
        for c in content[-MAX_TURNS:]:
            s = str(c.get("text", "")) if isinstance(c, dict) else str(c)
            parts.append(s[:limit])
            total += len(parts[-1])
            if total >= limit:
                break
        content = " ".join(parts)
    elif not isinstance(content, str):
        content = "" if content is None else str(content)[:limit]
    return content[:limit]


def bound_history(history: Iterable[Any] | None, question: str | None = None) -> list[dict[str, str]]:
    """The last :data:`MAX_TURNS` messages of ``history`` as ``{"role", "content"}``
    with ``content`` cut to its role's limit. Accepts Gradio messages, ``[user,
    assistant]`` pairs and plain strings (a user turn); anything else is dropped.

    With ``question`` (the new one), user turns are also cut so that a follow-up's
    search text — the previous question and this one — stays within
    :data:`MAX_USER_CHARS`."""
    if not history:
        return []
    user_limit = MAX_USER_CHARS
    if isinstance(question, str):
        user_limit = max(0, MAX_USER_CHARS - len(question.strip()) - 1)
    limits = {"user": user_limit, "assistant": MAX_ASSISTANT_CHARS}
    out: list[dict[str, str]] = []
    for turn in list(history)[-MAX_TURNS:]:
        if isinstance(turn, dict):
            role = turn.get("role")
            if role in limits:
                out.append({"role": role, "content": _text(turn.get("content"), limits[role])})
        elif isinstance(turn, (list, tuple)) and len(turn) == 2:
            out.append({"role": "user", "content": _text(turn[0], user_limit)})
            out.append({"role": "assistant", "content": _text(turn[1], MAX_ASSISTANT_CHARS)})
        elif isinstance(turn, str):
            out.append({"role": "user", "content": turn[:user_limit]})
    return out[-MAX_TURNS:]
