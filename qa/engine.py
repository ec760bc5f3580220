"""Question → retrieved rows → extractive answer with citations: the orchestration.

The answer quotes the document's own sentences, each followed by the rows that
state it (〔附件1 第84项〕〔附件2 第82项〕 when several rows state the same rule), picks
the sentences by intent (amount, department, deadline, …), abstains plainly when
the document does not cover the question, and checks that every number and
department it contains occurs in a cited row.

The stages, each in its own module, pass typed records one way:

- validate the question and read follow-ups from the history (here);
- retrieve the rows and rerank them by sentence match (:mod:`qa.match`);
- judge: answered, partial or not covered (:mod:`qa.relevance`, :mod:`qa.verdict`);
- compose: which rows to cite and their quotes (:mod:`qa.cite`, :mod:`qa.quotes`),
  a :class:`~qa.cite.Composition`;
- render it as Markdown (:mod:`qa.render`) and guard it (:mod:`qa.faithful`);
- return an :class:`~qa.schema.Answer`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import replace
from itertools import zip_longest
from pathlib import Path
from typing import Any

from index.retriever import DEFAULT_CONFIG, Retriever, SearchConfig, open_retriever
from index.schema import Hit
from index.tokenize import tokenize
from ingest import Document, load_document
from ingest.contact import is_contact
from ingest.departments import aliases
from ingest.library import qualify
from ingest.provisions import CLOSING, states_term
from ingest.schema import (
    ANY_SCOPE,
    TaskRow,
    find_citations,
    label,
)
from ingest.sentences import Sentence, is_name, item_title
from ingest.text import line_label, normalize

from .about import AboutDocument, about_document, card_text
from .cite import Composer, Composition
from .config import ComposeConfig
from .faithful import keep_faithful
from .intent import Intent, asks_duration, asks_limit, asks_where, detect_intent
from .listing import Lister, Listing, listing_body
from .match import STATES_TIME, Concepts, Matcher
from .question import Query, read_question
from .relevance import RelevanceModel
from .render import answer_body, is_not_covered, not_covered, read_as_note, with_related
from .retrieved import Retrieved
from .schema import (
    ANSWERED,
    MAX_QUESTION_CHARS,
    NOT_COVERED,
    PARTIAL,
    Answer,
    QuestionError,
)
from .spelling import Homophones
from .verdict import THIS_DOCUMENT, Thresholds, Verdict, detail_missing, in_scope_places

__all__ = ["Assistant", "ComposeConfig", "open_assistant", "validate_question"]

# the kinds of document (…实施意见, …任务清单), and the words a question names one by
# besides (这份文件, 这政策)
_KINDS = "清单|方案|措施|意见|办法|细则|计划|要点|通知|规定|纲要|规划"
_NAMED_AS = f"文件|政策|{_KINDS}"
# the kind a document's name ends with
_DOC_KIND = re.compile(rf"(?:{_KINDS})$")
# a part titled by a time: 四、申报时间, 【办理时限】, 申报截止日期 (not 时间进度, a column)
# (四、申报时间和方式: a time and another field)
_TIME_TITLE = re.compile(r"(?:时间|时限|期限|日期)(?!进度)(?:[和及与、][\u4e00-\u9fff]{1,4})?\s*$")


def _titled_by_time(row: TaskRow) -> bool:
    """Whether ``row`` is a part titled by a time, by its own title (申报时间。…, 申报时间：…)
    or, when it has none, by its heading (四、申报时间), and states one. (Under 四、申报时间和
    方式 the items 申报方式。… and 初审报送：… are not.)"""
    title = item_title(row.task) or line_label(row.task) or (row.headings[-1] if row.headings else "")
    return bool(_TIME_TITLE.search(title)) and bool(STATES_TIME.search(row.fields_text()))


def _states_when(text: str) -> bool:
    """Whether ``text`` states a time (a date, a span): a year that only names a period or
    an edition (2025年度…申报表) says no when."""
    return bool(STATES_TIME.search(re.sub(r"\d{4}\s*年(?!\s*(?:\d|底|内|前|以前))", "", text)))


def _placed(hits: list[Hit], row: TaskRow, at: int) -> list[Hit]:
    """``hits`` with ``row`` at position ``at`` (or last, when fewer come before it), scored
    as the hit before it (the top's, first), wherever it stood before."""
    rest = [h for h in hits if h.key != row.key]
    at = min(at, len(rest))
    score = rest[max(at - 1, 0)].score if rest else 0.0
    return [*rest[:at], Hit(row.attachment, row.number, score, chunk=row.task), *rest[at:]]


# when a text takes effect or how long it holds, as asked (从哪天开始执行, 有效期到什么时候,
# 管几年) and as stated (自…起施行, 有效期3年, 有效期至…)
_ASKS_TERM = re.compile(r"(?:哪天|哪一天|何时|什么时候|啥时候|几号|几月|从|开始|起).{0,4}(?:执行|施行|实施|生效)|"
                        r"(?:执行|施行|实施|生效)(?:时间|日期)|有效期|管几年|管多久|有效.{0,2}(?:多久|几年)|"
                        r"(?:执行|施行|有效)到(?:哪|什么时候|啥时候|何时|几)")
# a question naming the document by its kind (这个细则, 本办法, 这政策)
_DOCUMENT_KIND = re.compile(_NAMED_AS)


_FOLLOWUP_START = ("那", "那么", "还有", "另外", "它", "这个", "这项", "该", "此", "那个", "他们", "其")
# "this" before a document's kind (这个细则, 该办法, 本通知, 这份文件) points at the document,
# not back at the last answer
_THIS_DOCUMENT = re.compile(rf"^(?:这|该|此|本)(?:个|份|项|一)?(?:{_NAMED_AS})")
_THIS_THING = re.compile(r"^(?:这|该|此|本)(?:个|份|项|一)?([\u4e00-\u9fff]{2})")


def validate_question(question: Any) -> str:
    if question is None:
        raise QuestionError("请输入问题，例如：高企认定奖励多少？")
    if not isinstance(question, str):
        raise QuestionError("问题必须是文字。")
    q = question.strip()
    if not q:
        raise QuestionError("请输入问题，例如：高企认定奖励多少？")
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionError(f"问题太长（{len(q)} 字），请控制在 {MAX_QUESTION_CHARS} 字以内，一次问一件事。")
    return q


def _history_turns(history: Sequence[Any] | None) -> tuple[str | None, str | None]:
    """The last user question and the last assistant answer in ``history`` (Gradio
    messages ``{"role", "content"}``, ``[user, assistant]`` pairs or plain strings)."""
    last_user = last_bot = None
    for turn in history or []:
        if isinstance(turn, dict):
            content = turn.get("content")
            if isinstance(content, list):  # Gradio 6 may send content parts
                content = " ".join(str(c.get("text", c)) if isinstance(c, dict) else str(c) for c in content)
            if turn.get("role") == "user":
                last_user = str(content or "")
            elif turn.get("role") == "assistant":
                last_bot = str(content or "")
        elif isinstance(turn, (list, tuple)) and len(turn) == 2:
            last_user, last_bot = str(turn[0] or ""), str(turn[1] or "")
        elif isinstance(turn, str):
            last_user = turn
    return last_user, last_bot


DEFAULT_COMPOSE = ComposeConfig()  # frozen: one value shared as the default


def _abbreviates(word: str, title: str) -> bool:
    """``word`` is in ``title``, whole or as a Chinese abbreviation takes it: its
    characters in the title's order within one stretch of it (技改 for 技术改造, 个转企
    for 个体工商户转型升级为企业), its first character starting it."""
    if word in title:
        return True
    if len(word) < 2:
        return False
    start = title.find(word[0])
    while start >= 0:
        pos, ok = start, True
        for ch in word[1:]:
            pos = title.find(ch, pos + 1)
            if pos < 0 or pos - start > 4 * len(word):
                ok = False
                break
        if ok:
            return True
        start = title.find(word[0], start + 1)
    return False


class Assistant:
    """Answers questions over one document's index. Thread-safe for concurrent use."""

    def __init__(self, retriever: Retriever, doc: Document | Sequence[Document] | None = None,
                 search: SearchConfig = DEFAULT_CONFIG, compose: ComposeConfig = DEFAULT_COMPOSE,
                 thresholds: Thresholds | None = None):
        """``doc`` is the document the index holds, or the documents loaded together
        (their places and periods in scope are the union over them)."""
        self.r = retriever
        self.search_cfg = search
        self.thresholds = thresholds = thresholds or Thresholds()
        docs = [] if doc is None else [doc] if isinstance(doc, Document) else list(doc)
        self.documents = tuple(qualify(docs))  # as loaded: their short names and headers
        self._titles = tuple(normalize(t) for d in self.documents for t in (d.subject, d.title) if t)
        # the documents' own places by every name, longest first (大宁县 before 大宁)
        self._own_place_names = tuple(sorted({x for d in self.documents for p in (d.parts or (d,)) if p.place
                                              for x in in_scope_places((p.place,)) if len(x) >= 2},
                                             key=len, reverse=True))
        # each loaded document's rows by the names its own place goes by (厦门市, 厦门): a
        # question naming one document's place asks about that document's rows
        self.doc_places: dict[str, frozenset[str]] = (
            {d.name: frozenset(in_scope_places((d.place,))) for d in self.documents if d.place}
            if len(docs) > 1 else {})
        self.relevance = RelevanceModel(retriever, thresholds.min_shift,
                                        places=tuple(dict.fromkeys(p for d in docs for p in d.places)),
                                        years=tuple(dict.fromkeys(y for d in docs for y in d.years)),
                                        homes=tuple(dict.fromkeys(d.place for d in docs if d.place)),
                                        issue_years=tuple(dict.fromkeys(y for d in docs for y in d.term)),
                                        doc_years={d.name: d.term for d in self.documents
                                                   if len(docs) > 1 and d.term},
                                        titles=self._titles)
        # the documents' words by their sound: a slip of the same sound (环平) reads as the word
        self.homophones = Homophones(self.relevance.vocab, self.relevance.blob)
        self.matcher = Matcher(retriever, self.relevance, compose,
                               titles={(d.name if len(docs) > 1 else ""): d.subject or d.title
                                       for d in self.documents},
                               several=len(docs) > 1)
        self.composer = Composer(self.matcher)
        # each document's contact rows, in the document's order (a 联系方式 section, the
        # block after the last item, an article 咨询方式 …), and its parts titled by a time
        # (四、申报时间, 【办理时限】) that state one: what a question of when (什么时候申报) is
        # asked of, where no column gives a deadline
        self._contacts: dict[str, list[TaskRow]] = {}
        self._timed: dict[str, list[TaskRow]] = {}
        # and its closing provisions (本细则自2025年3月1日起施行，有效期3年): what a question of
        # when the document takes effect or how long it holds is asked of
        self._provisions: dict[str, TaskRow] = {}
        for r in retriever.rows:
            if is_contact(r):
                self._contacts.setdefault(r.doc, []).append(r)
            if _titled_by_time(r):
                self._timed.setdefault(r.doc, []).append(r)
            if CLOSING.match(r.task) and states_term(r.task):
                self._provisions.setdefault(r.doc, r)
        self.departments = sorted({u for r in retriever.rows for u in r.units} | set(aliases()),
                                  key=len, reverse=True)
        # built once: rows by number (for labels typed in questions) and the listings
        self._by_number: dict[int, list[TaskRow]] = {}
        for r in retriever.rows:
            self._by_number.setdefault(r.number, []).append(r)
        # a unit asked by the other name of an alias pair than the rows write (县市场监管局 for
        # the 县市场监督管理局 a document writes, or the reverse), longest first (a name may
        # hold a shorter one); none when the rows write both
        written = {u for r in retriever.rows for u in r.units}
        pairs = {a: b for v, n in aliases().items() if v != n
                 for a, b in ((v, n), (n, v)) if b in written and a not in written}
        self._aliases = tuple(sorted(pairs.items(), key=lambda vn: -len(vn[0])))
        self.lister = Lister(retriever.rows, sorted({*self.departments, *pairs}, key=len, reverse=True),
                             lambda n: pairs.get(n, n),
                             places=self.relevance.place_names, titles=self._titles,
                             absent=self.relevance.absent_nouns)

    @property
    def compose_cfg(self) -> ComposeConfig:
        """The settings of every stage; the matcher holds them and the others read them
        there, so replacing them here (the evaluation and tests do) reaches all."""
        return self.matcher.cfg

    @compose_cfg.setter
    def compose_cfg(self, cfg: ComposeConfig) -> None:
        self.matcher.cfg = cfg

    @property
    def sentences(self) -> dict[tuple[str, int], list[Sentence]]:
        """Every row's quotable sentences, by row key."""
        return self.matcher.sentences

    # -- answer --------------------------------------------------------------
    def answer(self, question: str, history: Sequence[Any] | None = None) -> Answer:
        return self.answer_with_hits(question, history)[0]

    def answer_with_hits(self, question: str, history: Sequence[Any] | None = None,
                         k: int = 10) -> tuple[Answer, list[Hit]]:
        """The answer and the ranked rows it was composed from (the evaluation scores
        retrieval on these, so it does not search a second time)."""
        t0 = time.perf_counter()
        asked = validate_question(question)
        reading = self.homophones.read(asked)  # 营叶执照 typed for 营业执照: read as meant
        q = reading.text
        read = read_question(q)  # read once: its intent, the clause that asks, places, years
        intent = read.intent
        prev_q, prev_a = _history_turns(history)
        # a row named by its label is no follow-up (第5项 牵头单位 names its rows)
        docs = self._named_documents(read)  # the loaded documents it singles out by their place
        named = self._referenced(read, docs)
        followup_keys = set() if named else self._followup_keys(q, prev_q, prev_a)
        if followup_keys:
            # the search text stays within the question limit, whatever the history holds
            room = MAX_QUESTION_CHARS - len(q) - 1
            query = f"{prev_q[:room]} {q}" if prev_q and room > 0 else q
            ranked = self.r.search(query, 20, self.search_cfg)
            hits = [h for h in ranked if h.key in followup_keys] or ranked[:k]
            terms = self.matcher.concepts(query)
            ans = self._compose(read, hits, terms, contact=self._contact_among(hits))
            ans.followup = True
        elif about := about_document(q, self.documents, len(self.documents) > 1, read.topics, read.years):
            ans, hits = self._about(q, intent, about), []
        elif (found := self.lister.departments(q, docs) or self.lister.sections(q)
              or self.lister.titled(q)) is not None:
            ans, hits = self._listing(q, found)
        elif self._looks_followup(q) and not named and (prev_q or not self._of_title(q)):
            # "那找哪个部门？" with no answered question before it: say what is needed
            hits = self.r.search(q, k, self.search_cfg)
            reason = (f"上一个问题{self._subject(())}未涉及，这一问无从接续：" if prev_a and is_not_covered(prev_a) else
                      "这像是接着上一问的追问：") + "请把问题说完整，例如“高企奖励找哪个部门”。"
            ans = self._abstain(q, intent, [], reason)
        else:
            found = self._retrieve(read, k, named, docs)
            hits = found.hits
            v = self._judge(read, found, named, docs)
            if v.coverage == NOT_COVERED:
                ans = self._abstain(q, intent, hits, v.reason)
            else:
                # a label alone (附件2 第5项) asks for the whole row
                rest = self._unlabelled(read)
                whole = bool(named) and not self.relevance.content_terms(rest) \
                    and detect_intent(rest or q) == Intent.GENERAL
                ans = self._compose(read, hits, found.terms, named, whole_row=whole, contact=found.contact)
                if v.coverage == PARTIAL:
                    ans.answer = f"{v.reason}以下是{self._subject(docs)}中最接近的规定：\n\n{ans.answer}"
                    ans.coverage = PARTIAL
        if reading.fixes:
            ans.question = asked
            ans.read_as = [list(f) for f in reading.fixes]
            ans.answer += "\n\n" + read_as_note(reading.fixes)
        ans.latency_ms = round((time.perf_counter() - t0) * 1000, 2)
        return ans, hits

    def _with_contact(self, read: Query, hits: list[Hit]) -> tuple[list[Hit], tuple[str, int] | None]:
        """``hits`` with the notice's contact block third when the question asks a phone
        number (电话多少) the two best rows do not give and the top row's document gives one
        in its 联系人：… 联系电话：… lines — the contact of the whole notice — and that
        contact's key (else ``hits`` and None). (Third: the two best rows answer the rest
        of the question: 返还比例多少，不懂的话电话多少.)"""
        contacts = self._contacts.get(self.r.by_key[hits[0].key].doc, ()) if hits else ()
        if not contacts:
            return hits, None
        row_text = self.relevance.row_text
        top_text = row_text[hits[0].key]
        missing = detail_missing(read, "\n".join(row_text[h.key] for h in hits[:2]), top_text, top_text)
        # the first of the document's contacts that gives the detail asked
        contact = next((c for c in contacts if detail_missing(read, row_text[c.key]) != missing), None) \
            if missing else None
        if contact is None:
            return hits, None
        return _placed(hits, contact, 2), contact.key

    def _with_time(self, read: Query, hits: list[Hit]) -> list[Hit]:
        """``hits`` with the top row's document's part titled by a time (四、申报时间：2025年6月3日
        至7月15日, 七、办理时限) first, when the question asks when (什么时候开始报) or how long
        (几天能拿到证) and the top row states no time; else ``hits``."""
        if not hits or (read.intent != Intent.DEADLINE and not asks_duration(read.text)):
            return hits
        top = self.r.by_key[hits[0].key]
        timed = self._timed.get(top.doc, ())
        keys = {r.key for r in timed}
        if not timed or top.key in keys:
            return hits
        # one the search found for the question leads, whatever span the top row states
        # (…3年内不改变用途 says how long a duty lasts, not when to apply)
        found = next((self.r.by_key[h.key] for h in hits[:self.compose_cfg.candidates] if h.key in keys), None)
        if found is None and _states_when(top.fields_text()):
            return hits
        return _placed(hits, found or next((self.r.by_key[h.key] for h in hits if h.key in keys), timed[0]), 0)

    def _with_named_item(self, read: Query, hits: list[Hit]) -> list[Hit]:
        """``hits`` with the one row among them whose name the question writes whole first
        (求职创业补贴的申领截止时间: the table row named 求职创业补贴, not the notice's sentence
        on 申领时限 that outranked it) — a row's task that is a name, no sentence: a table's
        item, a list's policy. Several rows named, or a name inside another named one
        (创业补贴 of 一次性创业补贴), leave ``hits`` as they are."""
        named = [self.r.by_key[h.key] for h in hits if h.key in self.r.by_key]
        # (four characters at least: a shorter name, written in a question, says too little)
        named = [r for r in named if is_name(r.task) and len(r.task) >= 4 and normalize(r.task) in read.norm]
        named = [r for r in named if not any(r.task != o.task and r.task in o.task for o in named)]
        if len({r.task for r in named}) != 1 or hits[0].key == named[0].key:
            return hits
        return _placed(hits, named[0], 0)

    def _with_provisions(self, read: Query, hits: list[Hit]) -> list[Hit]:
        """``hits`` with the top row's document's closing provisions first when the question
        asks when that document takes effect or how long it holds (这个细则从哪天开始执行，
        管几年) — naming it by its kind (细则, 办法, 政策); else ``hits``."""
        if not hits or not (_ASKS_TERM.search(read.text) and _DOCUMENT_KIND.search(read.text)):
            return hits
        row = self._provisions.get(self.r.by_key[hits[0].key].doc)
        return hits if row is None else _placed(hits, row, 0)

    def _retrieve(self, read: Query, k: int = 10, named_rows: Sequence[TaskRow] = (),
                  named: Sequence[str] = ()) -> Retrieved:
        """The question's concepts, the rows the answer is composed from, for an amount
        question how well the top row's best number-bearing sentence states it (1 for
        other questions), and the notice's contact among them. When several documents are
        loaded and the question names the place of some of them (厦门对企业关切有哪些措施),
        the answer comes from their rows."""
        intent = read.intent
        # the rows are searched for what is asked of the document, not for its name, and for a
        # unit by the name the rows give it (县市场监督管理局 is written 县市场监管局 in them)
        q = self._unit_names(self._without_title(read))
        terms = self.matcher.concepts(q)
        # paying asked in the asker's word (要交钱吗) is searched for by the documents' fee words
        fees = " ".join(self.relevance.paid(read))
        if named:
            # the place that singles out the documents searched is no word to find in them
            q = self._without_own_place(q)
            own = self.matcher.rerank(self._search_among(f"{q} {fees}".strip(), named, 4 * k), terms, intent, q)
            if len(named) > 1:
                # several documents named (许昌和宣汉…分别): each one's best rows in turn
                per_doc = [[h for h in own if self.r.by_key[h.key].doc == d] for d in named]
                own = [h for tier in zip_longest(*per_doc) for h in tier if h is not None]
            hits = own[:k]
        else:
            # a row restating the title (事项名称) is found by its label, not by the matter's
            # words every question on it writes (开便利店一件事几天能办完)
            found = [h for h in self.r.search(f"{q} {fees}".strip(), k + 1, self.search_cfg)
                     if not self.r.by_key[h.key].restates_title][:k]
            if found and (asked := self._of_matter(q, self.r.by_key[found[0].key].doc)) is not None:
                # the best row's document is a guide whose matter the question names: what is
                # left picks its field, among its rows
                doc, rest, matter = asked
                terms = self.matcher.concepts(q, skip=matter)
                found = [h for h in self._search_among(f"{rest} {fees}".strip(), [doc], len(self.r.rows))
                         if not self.r.by_key[h.key].restates_title][:k] or found
            hits = self.matcher.rerank(found, terms, intent, q)
        hits, contact = self._with_contact(read, hits)
        hits = self._with_time(read, hits)
        hits = self._with_provisions(read, hits)
        hits = self._with_named_item(read, hits)
        # a row the question names by its label (附件1 第2项 配合单位有哪些) comes first
        if named_rows:
            rest = self._unlabelled(read) or named_rows[0].task
            found = self.matcher.rerank(self.r.search(rest, k, self.search_cfg), terms, intent, rest)
            top = max((h.score for h in found), default=1.0)
            keys = {r.key for r in named_rows}
            hits = [Hit(r.attachment, r.number, top + 1.0, chunk=r.task) for r in named_rows] + \
                [h for h in found if h.key not in keys]
            hits = hits[:k]
        amount_match = 1.0
        if intent == Intent.AMOUNT and hits:
            amount_match = self.matcher.numbered_match(terms, hits[0].key, normalize(read.asked))
        if contact is None or contact not in {h.key for h in hits[1:self.compose_cfg.candidates]}:
            contact = self._contact_among(hits)  # one the search found itself (咨询电话 …)
        return Retrieved(terms, hits, amount_match, contact, self.compose_cfg.candidates)

    def _search_among(self, text: str, docs: Sequence[str], depth: int) -> list[Hit]:
        """The rows of ``docs`` for ``text``, best first: among the first ``depth`` found, or
        — when their rows rank below the others' — among every row scored, so that the
        answer never comes from a document the question did not single out. (The depth
        is part of the ranking: the legs' scores are scaled over the rows each returns.)"""
        found = self.r.search(text, depth, self.search_cfg)
        if depth < len(self.r.rows) and not any(self.r.by_key[h.key].doc in docs for h in found):
            found = self.r.search(text, len(self.r.rows), self.search_cfg)
        return [h for h in found if self.r.by_key[h.key].doc in docs]

    def _contact_among(self, hits: list[Hit]) -> tuple[str, int] | None:
        """The key of the notice's contact row among the candidates below the top row."""
        below = hits[1:self.compose_cfg.candidates]
        return next((h.key for h in below if is_contact(self.r.by_key[h.key])), None)

    def _unit_names(self, q: str) -> str:
        """``q`` with each unit written by a variant of its name (the alias table's) in the
        name the rows use."""
        for variant, name in self._aliases:
            if name not in q:
                # not inside another level's name (工信局 → 县工信局, but 市工信局 stays)
                q = re.sub(rf"(?<![省市县区镇乡]){re.escape(variant)}", name, q)
        return q

    def _without_title(self, read: Query) -> str:
        """The question without a loaded document's name as it writes it (泉溪市高校毕业生
        就业创业实施意见由谁负责解释: that names the document, whose every row is on its
        topic; what is asked is who interprets it): words of a document's title or subject,
        in a row, ending with its kind (意见, 清单, 方案 …), six characters or more. The
        question itself when nothing else would be left, or when a year names which
        document (2023年倍增任务清单印发了没有: the year is judged)."""
        titles = self._titles
        words = [w.text for w in read.words]
        for j, w in enumerate(words):
            if not _DOC_KIND.search(w):
                continue
            i = j
            while i > 0 and any(_abbreviates(normalize(words[i - 1]), t) for t in titles):
                i -= 1
            if j - i >= 2 and len("".join(words[i:j + 1])) >= 6:
                if re.search(r"\d{2,4}\s*年?$", "".join(words[:i])):
                    return read.text  # a year's document (2023年倍增任务清单): its year is judged
                rest = ("".join(words[:i]) + " " + "".join(words[j + 1:])).strip()
                return rest if self.relevance.content_terms(rest) else read.text
        # the title's subject without its kind, owning what is asked (吴兴区科技创新奖励的年度
        # 申报时间: the 细则's own time, not a row about 科技创新奖励): words reading as a
        # stretch of a title, six characters or more, right before 的
        for j, w in enumerate(words):
            if w != "的" or j < 2:
                continue
            i = j
            while i > 0 and any(normalize("".join(words[i - 1:j])) in t for t in titles):
                i -= 1
            if j - i >= 2 and len("".join(words[i:j])) >= 6:
                rest = ("".join(words[:i]) + " " + "".join(words[j + 1:])).strip()
                return rest if len(self.relevance.content_terms(rest)) >= 2 else read.text
        return read.text

    def _without_own_place(self, q: str) -> str:
        """The search text without the loaded documents' own places, for a question that
        singles out some of several documents by their place (仪陇县技改专项资金…由哪个部门
        解释: 仪陇县 chose the document; as a search word it ranks the few articles that
        write it out above the one asked of); the question itself when nothing else is
        left. With one document the place stays: 搬来大宁 asks about coming to it."""
        rest = q
        for name in self._own_place_names:
            rest = rest.replace(name, " ")
        return rest if rest.strip() and self.relevance.content_terms(rest) else q

    def _of_matter(self, q: str, doc: str) -> tuple[str, str, frozenset[str]] | None:
        """When ``q`` names the matter of ``doc`` — words every row of it holds: a guide's,
        which its title names and each of its fields is searched with — and asks something
        besides (开便利店一件事几天能办完: 几天能办完): the document, the search text without
        the matter, and the matter's words; else None."""
        matter = frozenset(t for t in tokenize(q) if t in self.relevance.matter.get(doc, ()))
        rest = q
        for w in sorted(matter, key=len, reverse=True):
            rest = rest.replace(w, " ")
        asked = self.relevance.content_terms(rest) or asks_duration(rest) or asks_limit(rest) or asks_where(rest)
        return (doc, rest, matter) if matter and asked else None

    def _named_documents(self, read: Query) -> list[str]:
        """The loaded documents whose place the question names (厦门对企业关切有哪些措施),
        when that singles out some of several, in the order they were loaded (a set's
        order would vary by process); by any name the place goes by, as written (平遥 is
        no place name to jieba)."""
        named = [name for name, places in self.doc_places.items()
                 if any(len(x) >= 2 and x in read.norm for x in places)]
        return named if named and (len(named) < len(self.doc_places) or len(named) > 1) else []

    def _unlabelled(self, read: Query) -> str:
        """What a question naming rows by label asks of them: its text without the labels
        and without a loaded document's short name, which labels print before them
        (湄潭县域商业体系方案 二、 第3项 asks for the row itself)."""
        rest = read.unlabelled
        if len(self.documents) > 1:
            for d in self.documents:
                if d.name:
                    rest = rest.replace(d.name, " ")
        return rest.strip()

    def _referenced(self, read: Query, docs: Sequence[str] = ()) -> list[TaskRow]:
        """The rows ``q`` names by attachment and number (附件1 第84项), in every loaded
        document that has one (with several loaded, a row's scope carries its
        document's name: 信丰脐橙产业意见 附件1) — of the documents the question names, when
        it names some (湄潭…方案 二、(一) 第3项: not 大宁's 第3项); a bare 第5项, the row of that
        number in each scope (附件1 and 附件2 both have one)."""
        out = [r for scope, number in read.refs for r in self._by_number.get(number, ())
               if (scope == ANY_SCOPE or r.attachment == scope or r.attachment.endswith(" " + scope))
               and (not docs or r.doc in docs)]
        return list({r.key: r for r in out}.values())[:3]

    def answer_order(self, question: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` in the order the answer takes them (the rerank by sentence match)."""
        q = self.homophones.read(validate_question(question)).text
        return self.matcher.rerank(hits, self.matcher.concepts(q), read_question(q).intent, q)

    def verdict(self, question: str) -> Verdict:
        """Whether :meth:`answer` answers, answers in part or says "not covered" for a
        first question, and why."""
        read = read_question(self.homophones.read(validate_question(question)).text)
        docs = self._named_documents(read)
        named = self._referenced(read, docs)
        return self._judge(read, self._retrieve(read, named_rows=named, named=docs), named, docs)

    def _subject(self, docs: Sequence[str]) -> str:
        """What a reason calls the documents: 本文件; with several loaded, "本文件" would not
        say which — the ones the question names, else all of them."""
        return ("、".join(docs) or "已载入的文件") if len(self.documents) > 1 else THIS_DOCUMENT

    def _judge(self, read: Query, found: Retrieved,
               named: Sequence[TaskRow] = (), docs: Sequence[str] = ()) -> Verdict:
        """The verdict on the rows found; for a question naming rows by label (附件1 第2项
        配合单位), on what it asks of them — a row named that does not exist is not
        covered, and a bare label asks for the row itself."""
        refs, rest = read.refs, self._unlabelled(read)
        subject = self._subject(docs)
        if not refs:
            return self._by_parts(read, self.relevance.judge(read, found, self.thresholds, docs, subject), docs)
        if not named:
            # an attachment's row the document lacks is missing, and so is a bare 第200项
            # asked alone; in a question about more, a bare 第十条 may be another text's
            # article (公司法第十条怎么规定的): then the question is read as it is
            # — unless it names a loaded document, whose rows it then asks of (寿光…措施 第十二条)
            if not docs and not any(a.startswith("附件") for a, _ in refs) and self.relevance.content_terms(rest):
                return self.relevance.judge(read, found, self.thresholds, subject=subject)
            labels = "、".join(label("" if a == ANY_SCOPE else a, n) for a, n in refs)
            return Verdict(NOT_COVERED, f"{subject}没有{labels}。{self._extent()}")
        if not self.relevance.content_terms(rest):
            return Verdict(ANSWERED, "")
        return self.relevance.judge(read_question(rest), found, self.thresholds, subject=subject)

    def _by_parts(self, read: Query, v: Verdict, docs: Sequence[str]) -> Verdict:
        """A question asking several things is not covered only when none of them is: where
        the words the documents lack stand in some parts (拉管子要不要俺自己出钱: 管子) and the
        question without those parts is answered or partial (新盘了个门面开面馆 要接自来水跟天然
        气 得等多少天), the answer is partial — it says what is not there, then quotes the
        nearest rules. A place or a year out of scope concerns every part: not here."""
        if v.coverage != NOT_COVERED or not v.absent or v.foreign_places or v.foreign_years \
                or len(read.parts) < 2:
            return v
        away = [p.text for p in read.parts if any(w in p.text for w in v.absent)]
        # (as typed where the parts stand in it: its spaces and stops part the story off)
        text = next((t for t in (read.text, read.plain) if all(p in t for p in away)), "")
        if len(away) == len(read.parts) or not text:
            return v
        for p in away:
            text = text.replace(p, "，")
        rest = read_question(text)
        if not self.relevance.content_terms(rest.asked):
            return v
        found = self._retrieve(rest, named=docs)
        kept = self.relevance.judge(rest, found, self.thresholds, docs, self._subject(docs))
        return v if kept.coverage == NOT_COVERED else replace(v, coverage=PARTIAL)

    def _extent(self) -> str:
        """How many rows each attachment holds (附件1 共105项、附件2 共113项)."""
        last: dict[str, int] = {}
        for r in self.r.rows:
            last[r.attachment] = max(last.get(r.attachment, 0), r.number)
        shown = "、".join(f"{a} 共{n}项" for a, n in last.items() if a)
        return f"（{shown}。）" if shown and len(last) <= 6 else ""

    # -- follow-ups ----------------------------------------------------------
    def _looks_followup(self, q: str) -> bool:
        """Short, with few content words, and shaped like "那找哪个部门？" / "期限呢？"."""
        nq = normalize(q)
        if _THIS_DOCUMENT.match(nq):
            return False
        content = self.relevance.content_terms(q)
        return len(nq) <= 14 and len(content) <= 2 and (
            nq.startswith(_FOLLOWUP_START) or nq.endswith(("呢", "呢?", "呢？")) or len(content) == 0)

    def _of_title(self, q: str) -> bool:
        """"this" before what a loaded document's title names as its matter (该建议由哪个部门
        牵头 of 《关于…第37号建议的答复》): asked first, it points at the document, there being
        no answer before it to point back at."""
        m = _THIS_THING.match(normalize(q))
        return m is not None and any(m.group(1) in normalize(d.title) for d in self.documents)

    def _followup_keys(self, q: str, prev_q: str | None, prev_a: str | None) -> set[tuple[str, int]]:
        """The previous answer's rows, when this looks like a follow-up and that answer
        answered (the rows a not-covered answer lists are suggestions, not an answer)."""
        if (not prev_q and not prev_a) or not self._looks_followup(q) or (prev_a and is_not_covered(prev_a)):
            return set()
        keys = set(find_citations(prev_a or ""))
        keys = {k for k in keys if k in self.r.by_key}
        if not keys and prev_q:
            keys = {h.key for h in self.r.search(prev_q, 3, self.search_cfg)}
        return keys

    # -- compose, guard, render ----------------------------------------------
    def _compose(self, read: Query, hits: list[Hit], terms: Concepts, named_rows: Sequence[TaskRow] = (),
                 whole_row: bool = False, contact: tuple[str, int] | None = None) -> Answer:
        """The answer from ``hits``: the rows and quotes chosen, written out, with what
        the cited rows do not state dropped, and the related rows under it;
        ``named_rows``: the rows the question names by label, each answering;
        ``whole_row``: all of them (asked for by their labels alone); ``contact``: the
        notice's contact among ``hits`` (:class:`Retrieved`)."""
        q, intent = read.text, read.intent
        named = {r.key for r in named_rows}
        if whole_row:
            comp = self.composer.whole_rows([h for h in hits if h.key in named] or hits[:1])
        elif len(named) > 1:
            # several rows named by label (第5项: one in each attachment): each answers
            parts = [self.composer.compose(read, [h], terms) for h in hits if h.key in named]
            comp = Composition([x for c in parts for x in c.quotes], [h for c in parts for h in c.hits],
                               [r for c in parts for r in c.rows])
        else:
            comp = self.composer.compose(read, hits, terms, contact)
        cited = comp.rows
        # a whole row opens with its units, the cooperating ones too (as for "谁负责")
        layout = Intent.DEPARTMENT if whole_row else intent
        body = keep_faithful(answer_body(comp.quotes, cited, layout), cited, self.departments)
        related = self.composer.related(hits, {h.key for h in comp.hits})
        body = with_related(body, related, self.r.by_key, cited, self.departments)
        return Answer(question=q, answer=body, abstained=False, intent=intent,
                      citations=comp.citations(), related=related)

    def _listing(self, q: str, found: Listing) -> tuple[Answer, list[Hit]]:
        """A department's or a section's rows, as the question asked for them
        (qa.listing), and those rows as the hits."""
        rows = list(found.rows)
        hits = [Hit(r.attachment, r.number, 1.0, chunk=r.task) for r in rows]
        body = keep_faithful(listing_body(found), rows, self.departments)
        return Answer(question=q, answer=body, abstained=False, intent=Intent.DEPARTMENT,
                      citations=Composition([], hits, rows).citations()), hits

    def _about(self, q: str, intent: Intent, about: AboutDocument) -> Answer:
        """The header fields asked of the documents (qa.about): their 文号, issuer, date,
        title, cited as their headers; partial when a header does not state one."""
        body, complete = card_text(about, len(self.documents) > 1)
        if not complete:
            body = f"文件开头没有写明所问的全部信息。以下是文件开头写明的：\n\n{body}"
        return Answer(question=q, answer=body, abstained=False, intent=intent,
                      coverage=ANSWERED if complete else PARTIAL)

    def _abstain(self, q: str, intent: Intent, hits: list[Hit], reason: str) -> Answer:
        related = self.composer.related(hits, set())
        body = not_covered(reason, related, self.r.by_key, self.departments)
        return Answer(question=q, answer=body, abstained=True, intent=intent, related=related)


def open_assistant(doc: Document | Sequence[Document] | None = None, doc_path: str | Path | None = None,
                   embedder: str | None = None, home: str | Path | None = None,
                   no_rebuild: bool = False, quiet: bool = False, **kw: Any) -> Assistant:
    """An assistant over one document or several loaded together (one index over all)."""
    from ingest.library import combine

    docs = [doc or load_document(doc_path)] if doc is None or isinstance(doc, Document) else list(doc)
    r = open_retriever(combine(docs), embedder, home, no_rebuild=no_rebuild, quiet=quiet)
    return Assistant(r, docs[0] if len(docs) == 1 else docs, **kw)
