"""Bounds on what reaches the answer engine from the web (API and chat alike), and
questions shown as text.

A chat history comes from the client: a page or script can send any number of turns
of any length. The engine reads only the last question and answer of it, but it
searches with the previous question, so every turn is cut here before the engine
sees it: the last :data:`MAX_TURNS` messages, a user turn to :data:`MAX_USER_CHARS`
(the question limit), an assistant turn to :data:`MAX_ASSISTANT_CHARS` (enough for
its citation labels). Work per request is then bounded whatever was sent.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from qa.schema import MAX_QUESTION_CHARS

MAX_TURNS = 6                 # messages (user or assistant) kept from the end of a history
MAX_USER_CHARS = MAX_QUESTION_CHARS
MAX_ASSISTANT_CHARS = 4000
LIMITS = {"user": MAX_USER_CHARS, "assistant": MAX_ASSISTANT_CHARS}

# Markdown punctuation written as character references: shown as the character,
# never read as a link, an image or emphasis (html.unescape gives the text back)
_ESCAPES = {c: f"&#{ord(c)};" for c in "!#()*+-[\\]_`{|}~<>&\"'"}


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


def bound_history(history: Iterable[Any] | None, from_chat: bool = False) -> list[dict[str, str]]:
    """The last :data:`MAX_TURNS` messages of ``history`` as ``{"role", "content"}``
    with ``content`` cut to its role's limit. Accepts Gradio messages, ``[user,
    assistant]`` pairs and plain strings (a user turn); anything else is dropped.
    ``from_chat``: user turns are as the chat shows them (:func:`plain_text`), read
    back as typed."""
    if not history:
        return []
    items = list(history)[-MAX_TURNS:]
    out: list[dict[str, str]] = []
    for turn in items:
        if isinstance(turn, dict):
            role = turn.get("role")
            if role in LIMITS:
                out.append({"role": role, "content": _text(turn.get("content"), LIMITS[role])})
        elif isinstance(turn, (list, tuple)) and len(turn) == 2:
            out.append({"role": "user", "content": _text(turn[0], MAX_USER_CHARS)})
            out.append({"role": "assistant", "content": _text(turn[1], MAX_ASSISTANT_CHARS)})
        elif isinstance(turn, str):
            out.append({"role": "user", "content": turn[:MAX_USER_CHARS]})
    out = out[-MAX_TURNS:]
    if from_chat:
        for m in out:
            if m["role"] == "user":
                m["content"] = html.unescape(m["content"])[:MAX_USER_CHARS]
    return out


def plain_text(message: str | None) -> str:
    """A question as the chat shows it: HTML and Markdown characters escaped, so
    ``<b>`` and ``![](http://…)`` appear as typed and load nothing."""
    return "".join(_ESCAPES.get(c, c) for c in message or "")
