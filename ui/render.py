"""Rows and department entries rendered as plain text or Markdown (CLI and UI share these)."""

from __future__ import annotations

import html

from ingest.departments import DepartmentEntry
from ingest.schema import TaskRow

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


def _esc(text: str) -> str:
    """Escape for Markdown rendered by Gradio: HTML is shown as text, never rendered."""
    return html.escape(text, quote=False).replace("*", "\\*").replace("_", "\\_")


def row_markdown(row: TaskRow, highlight: tuple[str, ...] = ()) -> str:
    """A row in full as Markdown; sentences in ``highlight`` are marked."""
    def mark(text: str) -> str:
        t = _esc(text)
        for h in highlight:
            eh = _esc(h)
            if eh and eh in t:
                t = t.replace(eh, f"<mark>{eh}</mark>")
        return t

    lines = [f"#### {row.citation} {_esc(row.section)}", "",
             f"**主要任务**：{mark(row.task)}", "",
             f"**牵头单位**：{_esc('、'.join(row.lead_units)) or NONE}　"
             f"**配合单位**：{_esc('、'.join(row.coop_units)) or NONE}",
             "", "| # | 落实措施 | 时间进度 | 年度目标和效果 |", "|---|---|---|---|"]
    for i, m in enumerate(row.measures, 1):
        cells = [mark(m.text), mark(m.deadline), mark(m.goal)]
        lines.append(f"| {i} | " + " | ".join(c.replace("|", "\\|") or NONE for c in cells) + " |")
    return "\n".join(lines)


def dept_text(e: DepartmentEntry) -> str:
    return (f"{e.name}（牵头 {len(e.leads)} 项，配合 {len(e.cooperates)} 项）\n"
            f"  牵头：{'、'.join(e.leads) or NONE}\n"
            f"  配合：{'、'.join(e.cooperates) or NONE}")
