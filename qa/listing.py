"""Rows asked for as a list, each with its label and task:

- a department's — "县税务局负责哪几项", "县人社局牵头的任务有哪些", or its name alone:
  every row it leads, then every row it cooperates on (the department directory of
  :mod:`ingest.departments`, as an answer);
- a section's — "财税支持有哪些条", "附件2 第六部分都有啥", "六、政务服务 清单": the
  rows under that heading, in each attachment that has it;
- a guide's part — asked for by its label ("个体工商户设立登记 法定时限") or by its head
  word ("要带什么材料" → 申请材料, "得满足啥条件" → 申请条件): its rows, each whole;
- an item that opens with its own title (申请材料。（1）…), asked for by that title's head
  word: the item, whole.

A question about something the department or section holds (县税务局 契税) is not a
listing: it is answered from the rows as any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from ingest.schema import TaskRow, citation, guides
from ingest.sentences import item_title
from ingest.text import normalize

from .intent import NUMERALS, asks_where
from .render import preview
from .tagging import tagged
from .verdict import asks_contact

# what a listing question says besides the department: its role, the things asked for
# and how they are asked for (负责哪几项, 牵头的任务有哪些, 都管什么事)
_LISTING_WORDS = re.compile(r"牵头|负责|主责|配合|协同|参与|承担|主管|管|的|任务|工作|事项|事情|事儿?|职责|"
                            r"项目|条目|方面|措施|政策|内容|部分|板块|里面|里|有|都|哪些|哪几项|哪几条|哪几个|哪几|哪|什么|啥|几项|多少项|清单|列表|全部|所有|"
                            r"一共|共|是|呢|吗|出现|涉及|包括|包含|[项条个]|[\s，,。？?！!、：:]")
_COOPERATES = re.compile(r"配合|协同|参与")
_LEADS = re.compile(r"牵头|负责|主责|主管|承担")
SNIPPET = 48
SHORT_LIST, WHOLE = 8, 200  # a list of up to 8 rows shows each up to 200 characters
ONE = 600  # one item asked for by its title: the item (its list of materials) whole


@dataclass(frozen=True)
class Listing:
    groups: tuple[tuple[str, tuple[TaskRow, ...]], ...]  # (heading, its rows), non-empty

    @property
    def rows(self) -> tuple[TaskRow, ...]:
        return tuple({r.key: r for _, rows in self.groups for r in rows}.values())


# a section asked for as a list (…有哪些条, …都有啥, …清单), or by its place in the
# outline (第六部分, 六、)
_ASKS_LIST = re.compile(r"哪些|哪几|有啥|都有什么|都有哪|清单|目录|列表|全部|所有")
_PART = re.compile(rf"(附件\s*\d+)?\s*的?\s*(?:第([{NUMERALS}]+)部分|([{NUMERALS}]+)[、.．])")
_ORDINAL = re.compile(rf"^\s*([{NUMERALS}]+)[、.．]\s*")


class Lister:
    """The listings of one corpus, their tables built once: each department by every
    name it is written with (in full, or without its level: 税务局 for 县税务局; an alias
    to its canonical name), and each section's rows and title."""

    def __init__(self, rows: Sequence[TaskRow], names: Sequence[str], canonical: Callable[[str], str],
                 places: Collection[str] = (), titles: Collection[str] = (),
                 absent: Callable[[tuple[str, ...]], tuple[str, ...]] = lambda nouns: nouns):
        self.rows = tuple(rows)
        # the nouns of a question the documents never use (the relevance model's test:
        # :meth:`qa.relevance.RelevanceModel.absent_nouns`)
        self._absent = absent
        # the loaded documents' titles: their words name a document, not a thing in a section
        self._doc_titles = tuple(normalize(t) for t in titles if t)
        self._title_words = frozenset(w.word for t in self._doc_titles for w in tagged(t))
        # the documents' own places by every name (宣汉县, 宣汉): 宣汉县统计局 is the
        # document's 县统计局, the place said in front of it
        self._places = sorted((normalize(p) for p in places), key=len, reverse=True)
        forms = {n: n for n in names if len(n) >= 3}
        forms.update({n[1:]: n for n in names if n[:1] in "县市区" and len(n) >= 4 and n[1:] not in forms})
        # written form (normalised) → canonical name, the longest form first
        self._departments = sorted(((normalize(f), canonical(n)) for f, n in forms.items()),
                                   key=lambda fn: -len(fn[0]))
        self._sections: dict[tuple[str, str], list[TaskRow]] = {}
        for r in rows:
            if r.section:
                self._sections.setdefault((r.attachment, r.section), []).append(r)
        # a section's title as asked: a named part by its label, a numbered one without its number
        self._titles = {key: key[0] if is_named_part(*key) else _ORDINAL.sub("", key[1]) for key in self._sections}
        # a document most of whose headings hold one item (五、实施机关 / 十、收费标准 …) is a
        # guide: its headings are fields, named by their labels however numbered
        self._fielded = guides(rows)
        # items opening with a title of their own (申请材料。（1）…), by that title
        self._item_titles = {r.key: t for r in rows if (t := item_title(r.task))}

    def _asks_more(self, left: str) -> bool:
        """Whether what is left of a section question, past the section's title and the
        listing words (and the documents' places), asks about something in it: not when it
        only names the document by words of its title (创业补贴 of 宜都市2024年度创业补贴申报指南)."""
        pieces = re.findall(r"[\u4e00-\u9fff]+", left)
        return any(not any(w in t for t in self._doc_titles) for w in pieces) or bool(
            re.search(r"[A-Za-z0-9]", left))

    def departments(self, question: str, docs: Collection[str] = ()) -> Listing | None:
        """The department's rows when ``question`` asks for them as a list, else None;
        only those of ``docs`` (short names) when given: the documents whose place the
        question names (崇宁县司法局牵头哪项工作)."""
        q = normalize(question)
        written, dept = next(((f, d) for f, d in self._departments if f in q), ("", ""))
        if not dept:
            return None
        # the sentence naming the department asks; one after it asks for a form (列一下序号和
        # 内容，方便建台账) and a bracket qualifies the role (含共同牵头): neither names a matter
        sentence = next(s for s in re.split(r"[。？?！!]", q) if written in s)
        rest = re.sub(r"[（(][^（）()]*[）)]", " ", sentence.replace(written, " ", 1))
        for p in self._places:
            rest = rest.replace(p, " ")
        if asks_contact(rest) or asks_where(rest) or asks_contact(q):
            # its phone or address, or where it is (人行大宁支行在哪条街上？有电话没), asked in
            # any sentence: a detail of it, which the rows give or not
            return None
        if self._names_matter(_LISTING_WORDS.sub("", rest)):
            return None  # it asks about something the department does
        coop_only = bool(_COOPERATES.search(rest)) and not _LEADS.search(rest)
        lead_only = bool(_LEADS.search(rest)) and not _COOPERATES.search(rest)
        rows = [r for r in self.rows if not docs or r.doc in docs]
        leads = () if coop_only else tuple(r for r in rows if dept in r.lead_units)
        # 负责 said of a department that leads nothing: what it does is cooperate
        coops = () if lead_only and leads else tuple(r for r in rows if dept in r.coop_units)
        # 责任单位 named with no lead marked (lead_marked False) are responsible, not leading
        lead_role = "牵头" if any(r.lead_marked for r in leads) else "负责"
        groups = tuple((f"{dept}{role}的条目", found) for role, found in ((lead_role, leads), ("配合", coops))
                       if found)
        return Listing(groups) if groups else None

    def sections(self, question: str) -> Listing | None:
        """The rows of the sections ``question`` asks for as a list, else None."""
        q = normalize(question)
        chosen: list[tuple[str, str]] = []
        rest = q
        if m := _PART.search(q):
            scope = normalize(m.group(1) or "")
            n = m.group(2) or m.group(3)
            chosen = [(a, sec) for a, sec in self._sections
                      if (om := _ORDINAL.match(sec)) and om.group(1) == n and (not scope or a.endswith(scope))]
            rest = q[:m.start()] + " " + q[m.end():]
        # a title as written, or its core as asked (财税支持 for 加大财税支持力度): the rest
        # of the question, once its listing words are gone, is part of the title
        core = _LISTING_WORDS.sub("", _ASKS_LIST.sub("", rest))
        named = [key for key, title in self._titles.items()
                 if (len(title) >= 4 and title in rest) or (len(core) >= 4 and core in title)]
        if named:
            chosen = ([k for k in chosen if k in named] or chosen) if chosen else named
            for key in named:
                rest = rest.replace(self._titles[key], " ")
            if core and any(core in self._titles[k] for k in named):
                rest = rest.replace(core, " ")
        by_head = False
        if not chosen and not m:
            chosen, rest = self._by_head(q)
            by_head = True
        elif not chosen or not (_ASKS_LIST.search(q) or m or all(is_named_part(a, sec) for a, sec in chosen)):
            # (a part named by its label is asked for by that label alone: 法定时限, as counter
            # staff look a guide's field up)
            return None
        if not chosen:
            return None
        for p in self._places:  # the document's place first: 都 of 宜都 is no listing word
            rest = rest.replace(p, " ")
        left = _LISTING_WORDS.sub("", _ASKS_LIST.sub("", rest))
        if self._names_more(left) if by_head else self._asks_more(left):
            return None  # it asks about something in the section
        # a part named by its heading (申请材料, 七、申请材料) is not named twice
        return Listing(tuple((sec if sec.startswith(a) else f"{a} {sec}", tuple(self._sections[(a, sec)]))
                             for a, sec in chosen))

    def _names_more(self, left: str) -> bool:
        """Whether what is left of a question asking for a block by its head word names a
        thing (开饭店要带啥材料: 饭店): a noun of two characters or more the documents never
        write; the verbs and particles of speech (要带, 得) name none, the documents' own
        words (执照 of a 个体工商户 guide) are their matter, and a span no dictionary knows is a
        slip or a cut across words (题户 of 个题户), not a thing."""
        return bool(self._absent(tuple(w.word for w in tagged(left) if w.flag.startswith("n") and len(w.word) >= 2)))

    def _names_matter(self, left: str) -> bool:
        """Whether what is left of a department question, past its listing words, names
        a matter of the documents (契税, 创业补贴, 退税): a content word of two characters
        or more that they use. Speech around a listing (在这两个清单里, 挂了, 列一下序号)
        names none: a particle, a numeral or a pronoun never does, nor a word the
        documents never write."""
        # (a word of the documents' titles names them, not a matter: 在这两份清单里)
        words = tuple(w.word for w in tagged(left) if w.flag[:1] in "nva" and len(w.word) >= 2
                      and w.word not in self._title_words)
        absent = set(self._absent(words)) if words else set()
        return any(w not in absent and not any(w in a for a in absent) for w in words)

    def titled(self, question: str) -> Listing | None:
        """The item whose own title's head word the question asks for (做米粉的小作坊登记要带
        什么材料 → the item titled 申请材料。（1）…（8）…), when one item's title has that head
        and what is left names nothing the documents do not write; else None."""
        q = normalize(question)
        found = [key for key, t in self._item_titles.items() if _asks_for(t, q)]
        if len(found) != 1:
            return None
        rest = q.replace(self._item_titles[found[0]][-2:], " ")
        if self._names_more(_LISTING_WORDS.sub("", _ASKS_LIST.sub("", rest))):
            return None
        return Listing(((self._item_titles[found[0]], tuple(r for r in self.rows if r.key == found[0])),))

    def _by_head(self, q: str) -> tuple[list[tuple[str, str]], str]:
        """The labelled parts whose head word the question asks for by 什么/啥/哪些
        (要带什么材料 → 申请材料, 得满足啥条件 → 申请条件: a guide's blocks, a label of a few
        characters ending in what is asked), and the question without that word; the
        question asks for the block when nothing but speech is left besides it."""
        # a part named by its label (its scope is its name: 【申请材料】, 申请材料<TAB>…) or a
        # guide's numbered field (七、申请材料), not a policy area under 一、 (五、金融支持 asked
        # as 有哪些支持 is a question about support)
        found = [key for key, title in self._titles.items()
                 if (is_named_part(*key) or self._sections[key][0].doc in self._fielded)
                 and 4 <= len(title) <= 8 and _asks_for(title, q)]
        if not found:
            return [], q
        rest = q
        for key in found:
            rest = rest.replace(self._titles[key][-2:], " ")
        return found, rest


def is_named_part(scope: str, section: str) -> bool:
    """Whether rows of ``scope`` under ``section`` stand in a part the document names by
    its label, not its number (【申请材料】, 申请材料⇥…, 温馨提示：, 联系方式): the scope is
    the label the heading opens with (申请材料, under 申请材料 or 申请材料 需提交以下材料：)."""
    return bool(scope) and section.split(" ", 1)[0] == scope


def _asks_for(title: str, question: str) -> bool:
    """The question asks for the title's head word by 什么/啥/哪些 (要带什么材料 of 申请材料)."""
    return bool(re.search(rf"(?:什么|啥|哪些|哪几[样项个种])\S{{0,2}}{re.escape(title[-2:])}", question))


def _line(r: TaskRow, n: int) -> str:
    # the one item asked for is shown with the points it lists (申请条件。同时符合以下条件
    # 的…可享受： over （1）…（3）…, read as its measures)
    text = r.task if n != ONE else " ".join([r.task, *(m.text for m in r.measures if m.text)])
    return f"- {citation(r.attachment, r.number)} {preview(text, n)}"


def listing_body(found: Listing) -> str:
    """Each group's heading and its rows (a department's: those it leads first); a short
    list (a guide's 申请材料) with each row whole, the 原件1份 at its end included."""
    n = SNIPPET if len(found.rows) > SHORT_LIST else WHOLE if len(found.rows) > 1 else ONE
    return "\n\n".join(f"**{head}**：\n" + "\n".join(_line(r, n) for r in rows) for head, rows in found.groups)
