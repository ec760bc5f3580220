"""Rows and department entries rendered as plain text or Markdown (CLI and UI share these)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ingest.departments import DepartmentEntry
from ingest.filters import filter_rows
from ingest.schema import (
    COOP_FIELD,
    DEADLINE_FIELD,
    GOAL_FIELD,
    MEASURE_FIELD,
    TASK_FIELD,
    TaskRow,
)
from ingest.sentences import labelled_notes

if TYPE_CHECKING:  # the CLI's row listing should not load the search stack
    from qa.verdict import Verdict

NONE = "—"


# a unit list ending in 等 (县住建局、县水务集团等): kept as the row's note, shown where it was
_ETC = "等"


def _is_text_item(row: TaskRow) -> bool:
    """An article, a point of a notice or its contact: text with no units and no
    measures — no table columns to show empty."""
    return not row.units and not any(m.text or m.deadline or m.goal for m in row.measures)


def _dated(row: TaskRow) -> bool:
    """A row whose one measure is only a deadline or goal (a table without a measures
    column): shown as the row's own 时间进度, not as an empty measure."""
    return len(row.measures) == 1 and not row.measures[0].text


def _shows_coop(row: TaskRow) -> bool:
    """Whether the row's 配合单位 is shown: it names some, or its document has the column
    (and marks a lead, so that the others are said to assist)."""
    return bool(row.coop_units) or row.lead_marked and row.has(COOP_FIELD)


def _measure_fields(row: TaskRow) -> tuple[str, ...]:
    """The measure-level fields shown for each measure (each named as its Measure
    attribute: deadline, goal): the document's columns, and any other a measure fills."""
    return tuple(f for f in (DEADLINE_FIELD, GOAL_FIELD) if row.has(f) or any(
        getattr(m, f) for m in row.measures))


def row_text(row: TaskRow) -> str:
    """A row as readable plain text, every field the row has under the document's own
    names, for the terminal: a table row's columns (an empty cell as —), an article's or
    a point's text alone."""
    out = [f"{row.citation} {row.section}".rstrip()]
    if _is_text_item(row):
        out.append(f"  {row.task}")
    else:
        out += [f"  {row.word(TASK_FIELD)}：{row.task}", f"  {row.lead_word}：{'、'.join(row.lead_units) or NONE}"]
        if _shows_coop(row):
            out.append(f"  {row.word(COOP_FIELD)}：{'、'.join(row.coop_units) or NONE}")
        if _ETC in row.notes:
            out[-1] += _ETC
        fields = _measure_fields(row)
        if _dated(row):
            m = row.measures[0]
            out += [f"  {row.word(f)}：{getattr(m, f)}" for f in fields if getattr(m, f)]
        elif row.measures:
            out.append(f"  {row.word(MEASURE_FIELD)}：")
            for i, m in enumerate(row.measures, 1):
                out.append(f"   ({i}) {m.text or NONE}")
                if m.units:
                    out.append(f"       责任单位：{'、'.join(m.units)}")
                out += [f"       {row.word(f)}：{getattr(m, f) or NONE}" for f in fields]
    labelled = labelled_notes(row)
    out += [f"  {'' if n in labelled else '备注：'}{n}" for n in row.notes if n != _ETC]
    return "\n".join(out)


def number_ranges(rows: Sequence[TaskRow], attachment: str | None = None) -> str:
    """The row numbers that exist, per scope (of ``attachment`` when it has rows):
    （附件1 有 1–105 项，附件2 有 1–113 项）; a scope-less document's （有 1–4 项）."""
    spans: dict[str, list[int]] = {}
    for r in filter_rows(rows, attachment=attachment) or rows:
        spans.setdefault(r.attachment, []).append(r.number)
    return "（" + "，".join(f"{a} 有 {min(n)}–{max(n)} 项".strip() for a, n in spans.items()) + "）"


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

    lines = [f"#### {row.citation} {md_escape(row.section)}".rstrip(), ""]
    if _is_text_item(row):
        lines.append(mark(row.task))
    else:
        units = f"**{row.lead_word}**：{md_escape('、'.join(row.lead_units)) or NONE}"
        if _shows_coop(row):
            units += f"　**{row.word(COOP_FIELD)}**：{md_escape('、'.join(row.coop_units)) or NONE}"
        lines += [f"**{row.word(TASK_FIELD)}**：{mark(row.task)}", "", units + _ETC * (_ETC in row.notes)]
        fields = _measure_fields(row)
        if _dated(row):
            m = row.measures[0]
            lines += ["", "　".join(f"**{row.word(f)}**：{mark(getattr(m, f))}" for f in fields if getattr(m, f))]
        elif row.measures:
            # each measure's own 责任单位, where the table gives them
            own = any(m.units for m in row.measures)
            lines += ["", f"| # | {row.word(MEASURE_FIELD)} |" + " 责任单位 |" * own
                      + "".join(f" {row.word(f)} |" for f in fields),
                      "|---|---|" + "---|" * (own + len(fields))]
            for i, m in enumerate(row.measures, 1):
                cells = [mark(m.text), *([md_escape("、".join(m.units))] if own else []),
                         *(mark(getattr(m, f)) for f in fields)]
                lines.append(f"| {i} | " + " | ".join(c.replace("|", "\\|") or NONE for c in cells) + " |")
    if notes := [n for n in row.notes if n != _ETC]:
        # a note under its own column's name (申报条件：…) a paragraph of its own; the others after 备注
        labelled = labelled_notes(row)
        lines += [x for n in notes if n in labelled for x in ("", md_escape(n))]
        if other := [n for n in notes if n not in labelled]:
            lines += ["", "**备注**：" + "；".join(md_escape(n) for n in other)]
    return "\n".join(lines)


def dept_text(e: DepartmentEntry) -> str:
    resp = f"，负责 {len(e.responsible)} 项" if e.responsible else ""
    return (f"{e.name}（牵头 {len(e.leads)} 项，配合 {len(e.cooperates)} 项{resp}）\n"
            f"  牵头：{'、'.join(e.leads) or NONE}\n"
            f"  配合：{'、'.join(e.cooperates) or NONE}"
            + (f"\n  负责（未标牵头）：{'、'.join(e.responsible)}" if e.responsible else ""))


_OUTCOME = {"answered": "回答", "partial": "部分回答（说明文件没写明的，再给最接近的规定）",
            "not_covered": "答“本文件未涉及”"}


def verdict_markdown(v: Verdict) -> str:
    """Whether the chat answers, answers in part or says "本文件未涉及", and the evidence
    behind it (the retrieval debug tab). The question's own words are escaped."""
    head = f"**判断**：{_OUTCOME[v.coverage]}"
    if v.reason:
        head += f"——{md_escape(v.reason)}"
    parts = [f"问句 “{md_escape(v.asked)}”", f"问句被最相关条目说到的比例 {v.asked_coverage:.2f}",
             f"向量最高分 {v.dense:.3f}"]
    if v.foreign_places:
        parts.append(f"别的地方 {_quoted(v.foreign_places)}")
    if v.foreign_years:
        parts.append(f"范围外的年份 {'、'.join(str(y) for y in v.foreign_years)}")
    if v.absent:
        parts.append(f"文件没用过的词 {_quoted(v.absent)}（去掉后问意偏移 {v.shift:.3f}）")
    if v.asides:
        parts.append(f"不影响问意、不计的词 {_quoted(v.asides)}（偏移 {v.shift:.3f}）")
    if v.settings:
        parts.append(f"提问人自己的店铺，条目已说到其余的，不计 {_quoted(v.settings)}")
    if v.kinds:
        parts.append(f"文件所写事物的一类或提问人的店铺，最多答部分 {_quoted(v.kinds)}")
    if v.story:
        parts.append(f"提问人情况里的词，不计 {_quoted(v.story)}")
    if v.bridged:
        parts.append("同义词 " + "、".join(f"“{md_escape(a)}”→“{md_escape(b)}”" for a, b in v.bridged))
    if v.unstated:
        parts.append(f"最相关条目没说到 {_quoted(v.unstated)}")
    return head + "\n\n" + " · ".join(parts)


def _quoted(words: tuple[str, ...]) -> str:
    return "、".join(f"“{md_escape(w)}”" for w in words)
