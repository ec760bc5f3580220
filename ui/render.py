"""Rows and department entries rendered as plain text or Markdown (CLI and UI share these)."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from ingest.departments import DepartmentEntry
from ingest.schema import TaskRow

if TYPE_CHECKING:  # the CLI's row listing should not load the search stack
    from qa.relevance import Verdict

NONE = "—"


def row_text(row: TaskRow) -> str:
    """A row as readable plain text, every field, for the terminal."""
    out = [f"{row.citation} {row.section}",
           f"  主要任务：{row.task}",
           f"  牵头单位：{'、'.join(row.lead_units) or NONE}",
           f"  配合单位：{'、'.join(row.coop_units) or NONE}",
           "  落实措施："]
    for i, m in enumerate(row.measures, 1):
        out.append(f"   ({i}) {m.text or NONE}")
        out.append(f"       时间进度：{m.deadline or NONE}")
        out.append(f"       年度目标和效果：{m.goal or NONE}")
    return "\n".join(out)


def md_escape(text: str) -> str:
    """Escape for Markdown rendered by Gradio: HTML is shown as text, never rendered."""
    return html.escape(text, quote=False).replace("*", "\\*").replace("_", "\\_")


# every ASCII character Markdown (CommonMark + GFM autolinks) gives a meaning to
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:])")


def plain_markdown(text: str) -> str:
    """``text`` as Markdown that renders as exactly that text: a question is shown as
    typed, never as a link, an image, emphasis or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def answer_plain(answer: str) -> str:
    """An answer without Markdown markup (``**相关条目**`` → 相关条目): what the chat shows
    and its copy button copies, and what the terminal prints."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", answer).replace("\\*", "*").replace("\\_", "_")


def row_markdown(row: TaskRow, highlight: tuple[str, ...] = ()) -> str:
    """A row in full as Markdown; sentences in ``highlight`` are marked."""
    def mark(text: str) -> str:
        t = md_escape(text)
        for h in highlight:
            eh = md_escape(h)
            if eh and eh in t:
                t = t.replace(eh, f"<mark>{eh}</mark>")
        return t

    lines = [f"#### {row.citation} {md_escape(row.section)}", "",
             f"**主要任务**：{mark(row.task)}", "",
             f"**牵头单位**：{md_escape('、'.join(row.lead_units)) or NONE}　"
             f"**配合单位**：{md_escape('、'.join(row.coop_units)) or NONE}",
             "", "| # | 落实措施 | 时间进度 | 年度目标和效果 |", "|---|---|---|---|"]
    for i, m in enumerate(row.measures, 1):
        cells = [mark(m.text), mark(m.deadline), mark(m.goal)]
        lines.append(f"| {i} | " + " | ".join(c.replace("|", "\\|") or NONE for c in cells) + " |")
    return "\n".join(lines)


def dept_text(e: DepartmentEntry) -> str:
    return (f"{e.name}（牵头 {len(e.leads)} 项，配合 {len(e.cooperates)} 项）\n"
            f"  牵头：{'、'.join(e.leads) or NONE}\n"
            f"  配合：{'、'.join(e.cooperates) or NONE}")


def verdict_markdown(v: Verdict) -> str:
    """Whether the chat answers or says "本文件未涉及", and the signals behind it (the
    retrieval debug tab). The question's own words are escaped."""
    s = v.signals
    if s.foreign_place or s.foreign_year:
        head = f"**判断**：答“本文件未涉及”——问到{'别的地方' if s.foreign_place else '别的年份'}（规则，不看得分）"
    elif v.abstain:
        head = f"**判断**：答“本文件未涉及”（未涉及的可能性 {v.score:.2f} ≥ 阈值 {v.threshold:.2f}）"
    else:
        head = f"**判断**：回答（未涉及的可能性 {v.score:.2f} < 阈值 {v.threshold:.2f}）"
    parts = [f"覆盖度 {s.coverage:.2f}", f"向量最高分 {s.dense:.3f}", f"领先第 5 名 {s.margin:.3f}"]
    if s.unknown_words:
        parts.append(f"文件没用过的词 {_quoted(s.unknown_words)}")
    if s.asides:
        parts.append(f"不影响问意、不计的词 {_quoted(s.asides)}")
    if s.unknown_words or s.asides:
        parts.append(f"去掉这些词后问意偏移 {s.unknown_shift:.3f}")
    if s.field_missing:
        parts.append("最相关条目缺少所问的数额或数量")
    if s.amount_match < 1:
        parts.append(f"带数额句子的吻合度 {s.amount_match:.2f}")
    return head + "\n\n" + " · ".join(parts)


def _quoted(words: tuple[str, ...]) -> str:
    return "、".join(f"“{md_escape(w)}”" for w in words)
