"""What the page says about the loaded documents, and the browse filters' choices and
results (政策查询, 命中测试) — pure functions over the documents and rows, so the
Gradio layer only wires them up.

One document loaded: no document filter; its rows keep their labels (附件1 第84项).
Several: each row's ``doc`` is its document's short name (``ingest.library.qualify``)
and its scope starts with that name; the 文件 filter lists each short name with its 文号,
and the 附件 and 章节 choices follow the chosen document, read from its rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ingest import builtin_corpus
from ingest.departments import DepartmentEntry, directory
from ingest.filters import filter_rows
from ingest.schema import ARTICLE, Document, TaskRow, is_article_scope

from .render import md_escape

ALL = "全部"
APP_NAME = "政策问答"
SEP = "\t"  # between a section choice's scope and heading (neither holds a tab)
MAX_TITLE_NAMES = 3

Choice = tuple[str, str]  # (shown, value), as gr.Dropdown takes them


def is_builtin(doc: Document) -> bool:
    """Whether ``doc`` is the built-in corpus (its example questions fit it alone)."""
    try:
        return Path(doc.path).resolve() == builtin_corpus().resolve()
    except (OSError, ValueError):
        return False


def page_title(docs: Sequence[Document]) -> str:
    """The browser tab's title: 政策问答 · the loaded documents' short names."""
    names = [d.name or d.title for d in docs]
    if not names:
        return APP_NAME
    shown = "、".join(names[:MAX_TITLE_NAMES])
    more = f" 等 {len(names)} 个文件" if len(names) > MAX_TITLE_NAMES else ""
    return f"{APP_NAME} · {shown}{more}"


def contents(doc: Document) -> str:
    """What a document holds: its attachments' titles (附件1《…》、附件2《…》), else
    its own title (《…》)."""
    if doc.attachments:
        return "、".join(f"{a.name}《{a.title}》" for a in doc.attachments)
    title = doc.subject or doc.title
    return f"《{title}》" if title else ""


def describe(doc: Document) -> str:
    """One document in a line of Markdown: place, 文号, then what it holds
    (大宁县 大营增专班发〔2022〕1号：附件1《…》、附件2《…》)."""
    head = " ".join(x for x in (doc.place, doc.doc_number) if x)
    body = contents(doc)
    return md_escape(f"{head}：{body}" if head and body else head or body)


def header_markdown(docs: Sequence[Document], rows: Sequence[TaskRow]) -> str:
    """The page's heading: what is loaded and how answers cite it."""
    if len(docs) == 1:
        loaded = describe(docs[0])
    else:
        loaded = f"已载入 {len(docs)} 个文件：\n" + "\n".join(
            f"- **{md_escape(d.name)}**（{md_escape(d.doc_number or '无文号')}，{len(d.rows)} 项）："
            f"{md_escape(contents(d))}" for d in docs)
        loaded += "\n\n"
    example = f"如{rows[0].citation}，" if rows else ""
    sep = "" if loaded.endswith("\n") else "。"
    return (f"## {APP_NAME} PolicyQA\n{loaded}{sep}回答引用原文并注明条目，{example}"
            f"点击引用可看该条目全文。")


def documents_from_index(rows: Sequence[TaskRow], meta: dict[str, Any]) -> list[Document]:
    """The loaded documents as far as an index tells them, for a page built without
    them: one per document name its rows carry, else one from the manifest's record."""
    names = list(dict.fromkeys(r.doc for r in rows if r.doc))
    if names:
        return [Document(path="", title=n, doc_number="", issuer="", date="", attachments=[],
                         rows=[r for r in rows if r.doc == n], name=n) for n in names]
    return [Document(path=str(meta.get("path", "")), title=str(meta.get("title", "")),
                     doc_number=str(meta.get("doc_number", "")), issuer="", date="", attachments=[],
                     rows=list(rows))]


def document_choices(docs: Sequence[Document]) -> list[Choice]:
    """The 文件 filter: 全部, then each document's short name with its 文号."""
    return [(ALL, ALL)] + [(f"{d.name}（{d.doc_number}）" if d.doc_number else d.name, d.name) for d in docs]


def _chosen(value: str | None) -> str | None:
    return None if value in (None, "", ALL) else value


def rows_of(rows: Iterable[TaskRow], doc: str | None) -> list[TaskRow]:
    """The rows of one document (by short name), or all of them for 全部."""
    name = _chosen(doc)
    return [r for r in rows if name is None or r.doc == name]


def own_scope(row: TaskRow) -> str:
    """A row's scope without its document's name: 附件1 of 〔大宁市场主体任务清单 附件1 第84项〕."""
    if row.doc and row.attachment.startswith(row.doc):
        return row.attachment[len(row.doc):].strip()
    return row.attachment


def scope_words(scope: str) -> str:
    """A scope as the row's label shows it: 附件1; 第二章 for an article's 第二章 条; empty
    for 条 (articles numbered straight through)."""
    return scope[: -len(ARTICLE)].strip() if is_article_scope(scope) else scope


def _scope_shown(row: TaskRow, doc: str | None) -> str:
    """How a scope reads in a list: without the document's name once a document is chosen."""
    return scope_words(own_scope(row) if _chosen(doc) else row.attachment)


def scope_choices(rows: Iterable[TaskRow], doc: str | None = None) -> list[Choice]:
    """The 附件 filter for the chosen document: 全部 and each scope its rows have (附件1,
    附件2; 二、 …); a scope that is only the document's name is the 文件 filter's."""
    out: dict[str, str] = {}
    for r in rows_of(rows, doc):
        if scope_words(own_scope(r)) and r.attachment not in out:
            out[r.attachment] = _scope_shown(r, doc)
    return [(ALL, ALL)] + [(shown, value) for value, shown in out.items()]


def scope_label(choices: Sequence[Choice]) -> str:
    """附件 when every scope is an attachment (附件1, 附件2), else 附件/范围."""
    own = [shown.rsplit(" ", 1)[-1] for shown, value in choices if value != ALL]
    return "附件" if all(s.startswith("附件") for s in own) else "附件/范围"


def section_choices(rows: Iterable[TaskRow], doc: str | None = None, scope: str | None = None) -> list[Choice]:
    """The 章节 filter: 全部 and each (scope, section) of the chosen document and
    scope, shown as 附件2 二、财税支持, in the rows' order."""
    out: dict[str, str] = {}
    for r in rows_of(rows, doc):
        if not r.section or (_chosen(scope) and r.attachment != scope):
            continue
        value = f"{r.attachment}{SEP}{r.section}"
        out.setdefault(value, _section_shown(r, doc))
    return [(ALL, ALL)] + [(shown, value) for value, shown in out.items()]


def _section_shown(row: TaskRow, doc: str | None) -> str:
    """附件2 二、财税支持; a heading that starts with its scope's own words is not
    repeated (二、重点工作 under the scope 二、, led by the document's name for 全部)."""
    own = scope_words(own_scope(row))
    if own and row.section.startswith(own):
        scope = "" if _chosen(doc) else row.doc
    else:
        scope = _scope_shown(row, doc)
    return f"{scope} {row.section}".strip()


def dept_choices(rows: Iterable[TaskRow], doc: str | None = None) -> list[str]:
    """The 部门 filter: 全部 and every unit of the chosen document's rows."""
    return [ALL] + dept_names(rows, doc)


def dept_names(rows: Iterable[TaskRow], doc: str | None = None) -> list[str]:
    """The department directory's list: every unit of the chosen document's rows (of
    all documents for 全部), most involved first."""
    return [e.name for e in directory(rows_of(rows, doc))]


def directories(rows: Iterable[TaskRow], doc: str | None = None) -> list[tuple[str, list[DepartmentEntry]]]:
    """The department directory of each document among the chosen rows, in the rows'
    order: ``(short name, entries)``; one document's rows (or rows of no named
    document) give one group. The 部门目录 tab and ``policyqa depts`` group by it."""
    found = rows_of(rows, doc)
    names = list(dict.fromkeys(r.doc for r in found))
    return [(d, directory(r for r in found if r.doc == d)) for d in names]


DEPT_HINT = "选择一个部门，查看它牵头和配合的条目（点击条目看全文）。"


def _dept_lines(e: DepartmentEntry) -> str:
    resp = f"，负责 {len(e.responsible)} 项" if e.responsible else ""
    return (f"牵头 {len(e.leads)} 项，配合 {len(e.cooperates)} 项{resp}\n\n"
            f"**牵头**：{'、'.join(f'〔{x}〕' for x in e.leads) or '—'}\n\n"
            f"**配合**：{'、'.join(f'〔{x}〕' for x in e.cooperates) or '—'}"
            + (f"\n\n**负责（未标牵头）**：{'、'.join(f'〔{x}〕' for x in e.responsible)}" if e.responsible else ""))


def dept_markdown(rows: Sequence[TaskRow], name: str | None, doc: str | None = None) -> str:
    """What one department leads and cooperates on, as citations that open the row:
    within the chosen document; for 全部 with several documents loaded, grouped by
    document under its short name (each citation leads with it, as answers cite)."""
    per_doc = directories(rows, doc)
    if len(per_doc) > 1:
        groups = [(d, entry) for d, entries in per_doc
                  if (entry := next((e for e in entries if e.name == name), None))]
        if groups:
            total = sum(len(e.leads) for _, e in groups), sum(len(e.cooperates) for _, e in groups)
            return (f"**{md_escape(name or '')}**：{len(groups)} 个文件，共牵头 {total[0]} 项，配合 {total[1]} 项\n\n"
                    + "\n\n".join(f"##### {md_escape(d)}\n{_dept_lines(e)}" for d, e in groups))
        return DEPT_HINT
    entry = next((e for _, entries in per_doc for e in entries if e.name == name), None)
    return f"**{md_escape(entry.name)}**：{_dept_lines(entry)}" if entry else DEPT_HINT


def keep(value: str | None, choices: Sequence[Choice] | Sequence[str]) -> str:
    """``value`` when it is still among ``choices``, else 全部."""
    values = [c[1] if isinstance(c, tuple) else c for c in choices]
    return value if value in values else ALL


def browse_rows(rows: Iterable[TaskRow], doc: str | None = None, scope: str | None = None,
                section: str | None = None, dept: str | None = None, keyword: str | None = None
                ) -> list[TaskRow]:
    """The rows the browse filters select: document, scope and section exactly as
    chosen from the lists, department and keyword as ``ingest.filters.filter_rows``."""
    found = rows_of(rows, doc)
    if _chosen(scope):
        found = [r for r in found if r.attachment == scope]
    if _chosen(section):
        att, _, sec = section.partition(SEP)
        found = [r for r in found if r.attachment == att and r.section == sec]
    return filter_rows(found, dept=_chosen(dept), keyword=keyword or None)
