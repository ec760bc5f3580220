"""Several documents in one assistant: the library in the data directory, short
document names, and one row list over all loaded documents.

``<home>/library/`` holds a copy of each added document (as UTF-8) and
``library.json`` (name, file, sha256, title, 文号, added). One document loaded alone
keeps its labels exactly (〔附件1 第84项〕); with several, each row's scope starts with
its document's short name (〔平遥营商任务清单 第3项〕, 〔大宁倍增政策清单 附件1 第84项〕) —
no brackets and no digits, so the label grammar still parses it and a label's digits
stay the row number only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import IngestError
from .notices import led, summary
from .parser import load_document, parse_text, read_text
from .places import short_form
from .schema import Document

# words that say nothing of what a document is about: dropped from a short name whole
# (a token of the subject made only of them), never cut out of a longer word
_GENERIC = re.compile(r"(?:关于|印发|进一步|全面|加快|推动|推进|支持|做好|切实|(?:人民)?政府|办公室|工作|"
                      r"的|和|与|及|若干|实施|年度|年)+")
_KIND = re.compile(r"(任务清单|清单|任务分解表|分解表|任务表|一览表|方案|措施|意见|办法|细则|计划|要点|政策|策|通知|规定|纲要|规划|"
                   r"指引|指南|问答|汇编)$")
# a title's series before a bar (一图读懂｜…, 政策解读 | …): the page's column, not the subject
_SERIES = re.compile(r"^[^|｜丨]{2,8}\s*[|｜丨]\s*(?=\S)")
# a title's closing bracket: its edition or status (（2025年版）, （试行）), not its subject
_EDITION = re.compile(r"\s*[（(][^（）()]{1,10}[）)]$")
_NOT_NAME = re.compile(r"[\d〔〕\[\]【】（）()《》“”\"'、，,。：:；;\s*]")
MAX_NAME = 10


def _words(text: str) -> list[str]:
    """``text`` cut into words (jieba's general dictionary, as the question reader's
    tagger uses): a short name is made of whole words. What may not stand in a name
    (digits, brackets, punctuation) is dropped from each word."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return [w for tok in jieba.lcut(text) if (w := _NOT_NAME.sub("", tok))]


def _fit(words: list[str], room: int) -> str:
    """The longest run of whole leading ``words`` within ``room`` characters (the first
    word's first ``room`` characters if even it is longer)."""
    out = ""
    for w in words:
        if len(out) + len(w) > room:
            break
        out += w
    return out or "".join(words)[:room]


def short_name(doc: Document, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A short name for citations: the place's short form and the subject's distinctive
    words, ending with its kind (清单/方案/措施 …); no digits, no brackets. Made of whole
    words — a name is cut between two words, never inside one (信丰脐橙产业意见, not
    信丰脐橙产业高质意见 from 高质量发展). Unique against ``taken`` (甲, 乙 … appended)."""
    subject = _EDITION.sub("", _SERIES.sub("", doc.subject or doc.title))
    # a notice that is its own subject names its issuer before 关于: the subject follows it
    core = re.sub(rf"{_NOT_NAME.pattern}+$", "", subject.split("关于", 1)[-1])
    kind_m = _KIND.search(core)
    kind = kind_m.group(1) if kind_m else ""
    core = core[: len(core) - len(kind)]
    place_short = ""
    if doc.place:
        place_short = short_form(doc.place)
        for p in (doc.place, *doc.place_parents):
            core = core.replace(p, " ").replace(short_form(p), " ")
    # a year says when, not what: out before the words are cut (2024年惠企 is no word 年惠企)
    core = re.sub(r"\d{4}\s*年度?", " ", core)
    words = [w for w in _words(core) if not _GENERIC.fullmatch(w)]
    room = max(2, MAX_NAME - len(place_short) - len(kind))
    name = f"{place_short}{_fit(words, room)}{kind}" or "文件"
    base, n = name, 0
    while name in taken:
        name = base + "甲乙丙丁戊己庚辛壬癸"[n % 10]
        n += 1
    return name


def qualify(docs: list[Document]) -> list[Document]:
    """The documents as loaded together: alone, unchanged; several, each row's scope
    led by its document's short name (``Document.name``)."""
    taken: set[str] = set()
    out = []
    for d in docs:
        name = d.name if d.name and d.name not in taken else short_name(d, taken)
        taken.add(name)
        if len(docs) == 1:
            out.append(replace(d, name=name))
            continue
        # qualified once: a row that already names its document keeps its scope
        rows = [r if r.doc else replace(r, attachment=f"{name} {r.attachment}".strip(), doc=name)
                for r in d.rows]
        out.append(replace(d, rows=rows, name=name))
    return out


def all_rows(docs: list[Document]) -> list:
    """One row list over the loaded documents (keys unique across them)."""
    return [r for d in qualify(docs) for r in d.rows]


def combine(docs: Sequence[Document]) -> Document:
    """The loaded documents as one Document for the index: one alone is itself (same
    rows, same sha256, so its index and answers are unchanged); several give their
    qualified rows, a checksum over each document's sha256, their titles and 文号
    joined, the union of their periods and each warning led by its document's name."""
    q = qualify(list(docs))
    if not q:
        raise IngestError("没有载入任何文件：请用 --doc 指定文件，或先 policyqa add 文件")
    if len(q) == 1:
        return q[0]
    digest = hashlib.sha256("\n".join(d.sha256 for d in q).encode("utf-8")).hexdigest()
    return Document(
        path="；".join(d.path for d in q), title="；".join(d.title for d in q),
        doc_number="、".join(d.doc_number for d in q if d.doc_number), issuer="", date="",
        attachments=[a for d in q for a in d.attachments], rows=[r for d in q for r in d.rows],
        warnings=[led(w, f"{d.name}：") for d in q for w in d.warnings], sha256=digest,
        years=tuple(sorted({y for d in q for y in d.years})), term=tuple(sorted({y for d in q for y in d.term})),
        shape="several",
        name="、".join(d.name for d in q), parts=tuple(q))


def rows_command(doc: Document) -> str:
    """The command that lists a document's rows and every parse warning of it."""
    return f"policyqa rows --document {doc.name}" if doc.name else "policyqa rows"


def warning_summary(doc: Document) -> str:
    """The one line that counts a document's warnings, each count saying what it is
    (:func:`ingest.notices.summary`): rows read, text that could not be placed, closing
    words and signatures recognised and set aside, things read but worth checking."""
    return summary(doc.warnings, len(doc.rows))


def warning_report(docs: Sequence[Document], limit: int | None = None) -> list[str]:
    """The parse warnings of ``docs`` as lines to print after 警告：, per document with
    any: its warnings (each led by its short name when several are given; at most
    ``limit`` of them, then how many there are and the command that lists them all),
    then its summary (:func:`warning_summary`). A combined document (:func:`combine`)
    reports each of its parts."""
    docs = [p for d in docs for p in (d.parts or (d,))]
    several = len(docs) > 1
    out: list[str] = []
    for d in docs:
        if not d.warnings:
            continue
        lead = f"{d.name}：" if several and d.name else ""
        shown = d.warnings if limit is None else d.warnings[:limit]
        out += [f"{lead}{w}" for w in shown]
        if len(shown) < len(d.warnings):
            out.append(f"{lead}……共 {len(d.warnings)} 条，其余从略（{rows_command(d)} 列出全部）")
        who = f"{d.name}（{d.path}）" if d.name and d.path else f"{d.name or d.path} "
        out.append(f"{who}{warning_summary(d)}")
    return out


def load_documents(paths: Sequence[str | Path] | None, home: Path | str) -> list[Document]:
    """What a command loads: exactly ``paths`` when given (``--doc``, repeatable), else
    the built-in corpus and every document added to the library in ``home``."""
    if paths:
        return [load_document(p) for p in paths]
    return Library(home).documents()


class Library:
    """The documents added to a data directory (``policyqa add/docs/remove``)."""

    def __init__(self, home: Path | str):
        self.dir = Path(home) / "library"
        self.index = self.dir / "library.json"

    def entries(self) -> list[dict[str, Any]]:
        if not self.index.exists():
            return []
        try:
            data = json.loads(self.index.read_text("utf-8"))
        except (OSError, ValueError) as e:
            raise IngestError(f"文件库清单损坏：{self.index}（{e}）。修复：删除该文件后重新 policyqa add") from e
        return list(data.get("documents", []))

    def _write(self, entries: list[dict[str, Any]]) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = self.index.with_suffix(".tmp")
        tmp.write_text(json.dumps({"documents": entries}, ensure_ascii=False, indent=1), "utf-8")
        tmp.replace(self.index)

    def add(self, path: Path | str) -> dict[str, Any]:
        """Parse and add one document (refused with the parser's message when unreadable;
        adding the same text again changes nothing)."""
        text = read_text(path)
        doc = parse_text(text, str(path))
        entries = self.entries()
        for e in entries:
            if e["sha256"] == doc.sha256:
                return e
        taken = {e["name"] for e in entries}
        name = short_name(doc, taken)
        file = f"{doc.sha256[:16]}.txt"
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / file).write_text(text, "utf-8")
        entry = {"name": name, "file": file, "sha256": doc.sha256, "source": str(path), "title": doc.title,
                 "doc_number": doc.doc_number, "rows": len(doc.rows),
                 "added": time.strftime("%Y-%m-%d %H:%M:%S")}
        self._write([*entries, entry])
        return entry

    def remove(self, key: str) -> dict[str, Any]:
        """Drop a document by its short name, 文号, file or source path."""
        entries = self.entries()
        hit = [e for e in entries if key in (e["name"], e["doc_number"], e["file"], e["source"])]
        if not hit:
            names = "、".join(e["name"] for e in entries) or "（文件库为空）"
            raise IngestError(f"文件库中没有“{key}”：现有 {names}（policyqa docs 可列出）")
        (self.dir / hit[0]["file"]).unlink(missing_ok=True)
        self._write([e for e in entries if e is not hit[0]])
        return hit[0]

    def document(self, entry: dict[str, Any]) -> Document:
        """One added document, read from the library's copy, with its library name."""
        d = load_document(self.dir / entry["file"])
        d.name = entry["name"]
        return d

    def documents(self, builtin: bool = True) -> list[Document]:
        """The built-in corpus (unless ``builtin`` is False) and every added document, in
        the order added, with their library names."""
        return ([load_document()] if builtin else []) + [self.document(e) for e in self.entries()]
