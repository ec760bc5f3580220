"""Questions about a loaded document itself — its 文号, who issued it, when, its title —
answered from the document's header record (:class:`ingest.schema.Document`), cited as
that header (〔文件信息〕, with the document's short name when several are loaded), never
from a row: no row states them.

A question is about the document when it names the document's own 文号 (安政办发〔2023〕12号
是哪天印发的) or the document itself (这个文件, 本通知 …) and asks one of its header's
fields. "高企奖励是哪个部门发的" names no document: it is asked of the rows as always.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.schema import Document
from ingest.text import normalize

# the kinds of document a question names one by (文件, 通知, 方案 …)
_KINDS = "文件|通知|清单|方案|措施|意见"
# the document itself: 本文件, 这个通知, 这份清单, 该方案 …
_ITSELF = re.compile(rf"(?:本|这个?|这份|该|此)(?:个|份)?(?:{_KINDS}|文)")
_VERB = r"(?:印发|发布|下发|发的|出的|出台|制定|发文)"
# each header field with how it is asked
_ASKED: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("doc_number", "文号", re.compile(r"文号|发文字号|字号|几号文")),
    ("issuer", "发文单位", re.compile(rf"(?:(?:哪个|什么|哪家)(?:单位|部门|机关)|谁).{{0,3}}{_VERB}|"
                                      r"(?:发文|印发|制定|发布)(?:单位|机关|部门|机构)")),
    ("date", "印发日期", re.compile(rf"(?:哪天|哪一天|什么时候|何时|啥时候|几月几[号日]|哪年).{{0,3}}{_VERB}|"
                                   r"(?:印发|发布|发文)(?:日期|时间)")),
    ("title", "标题", re.compile(r"标题|题目|全称|叫什么(?:名字)?|名称")),
)
CITE = "文件信息"


def fields_asked(question: str) -> tuple[str, ...]:
    return tuple(f for f, _, p in _ASKED if p.search(question))


# a kind of document, named bare in a lookup (方案 文号)
_KIND = re.compile(_KINDS)
# the words of a question about the document itself, besides its place: the document, its
# header's fields and who or when
_HEADER_WORDS = re.compile(rf"{_KINDS}|文号|字号|单位|部门|机关|机构|日期|时间|时候|标题|题目|"
                           rf"全称|名称|名字|政府|办公室|县里|市里|{_VERB}|发布|下发")


@dataclass(frozen=True)
class AboutDocument:
    """A question about documents themselves: which, and the header fields it asks."""
    docs: tuple[Document, ...]
    fields: tuple[str, ...]      # Document attribute names (doc_number, issuer, date, title)


def about_document(question: str, docs: Sequence[Document], several: bool,
                   topics: Sequence[str] = (), years: Sequence[int] = ()) -> AboutDocument | None:
    """What ``question`` asks of the loaded documents' headers, else None. ``topics``: the
    question's nouns — one that is no word of the header (这个通知里的创业补贴是哪个部门发的:
    创业补贴) makes it a question about the rows."""
    q = normalize(question)
    asked = fields_asked(q)
    if not asked:
        return None
    named = tuple(d for d in docs if d.doc_number and normalize(d.doc_number) in q)
    if named:
        return AboutDocument(named, asked)
    # a year none of the documents is of (2025年的方案 文号, of a 2024 plan): another
    # document's header, not theirs
    docs = [d for d in docs if not years or set(years) <= {*d.years, *d.term}]
    if not docs:
        return None
    places = {p for d in docs for p in (d.place, *d.place_parents) if p}
    # the words naming the field asked are none of the rows' topics (发文字号, which jieba
    # cuts 发 / 文字 / 号)
    fields = [m.group(0) for _, _, p in _ASKED for m in p.finditer(q)]
    # (a word of a loaded document's title names that document: 富平县2024年优化营商环境
    # 重点任务分工方案 文号)
    titles = [normalize(d.title) for d in docs if d.title]
    if any(not _HEADER_WORDS.search(t) and not any(t in p for p in places)
           and not any(t in f for f in fields) and not any(t in title for title in titles) for t in topics):
        return None
    # the document named as itself (这个方案的文号), or nothing named but the header's own
    # words — a lookup "方案 文号", "发文单位": only a document has them
    if not _ITSELF.search(q) and topics and not any(_KIND.fullmatch(t) or t in fields for t in topics):
        return None
    if several:
        by_place = tuple(d for d in docs if d.place and (d.place in q or d.place[:-1] in q and len(d.place) > 2))
        return AboutDocument(by_place or tuple(docs), asked)
    return AboutDocument(tuple(docs), asked)


def card_text(about: AboutDocument, several: bool) -> tuple[str, bool]:
    """The header fields asked (then the others) of each document, each line cited as its
    header; and whether every field asked is stated there."""
    asked = about.fields
    lines = []
    complete = True
    for d in about.docs:
        cite = f"〔{d.name} {CITE}〕" if several and d.name else f"〔{CITE}〕"
        shown = []
        for f, name, _ in sorted(_ASKED, key=lambda x: x[0] not in asked):
            value = getattr(d, f)
            if f == "title" and value:
                value = f"《{value.strip('《》')}》" if "《" not in value else value
            if value:
                shown.append(f"{name}：{value}")
            elif f in asked:
                complete = False
                shown.append(f"{name}：文件开头没有写明")
        lines.append("；".join(shown) + cite)
    return "\n\n".join(lines), complete


__all__ = ["CITE", "AboutDocument", "about_document", "card_text", "fields_asked"]
