"""How well a row's sentences state a question.

The question becomes its concepts (:data:`Concepts`: each content term with the ways
the document may say it, and an IDF weight); a sentence's match is the weighted share
of them it states, plus how near its meaning is to the question. :class:`Matcher`
ranks a row's sentences by that (memoised: the rerank and the composer ask for the
same rows of the same question) and reorders the retrieved rows by their best one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from index.retriever import Retriever
from index.schema import Hit
from index.tokenize import synonym_groups, tokenize
from ingest.contact import is_contact
from ingest.headings import marker
from ingest.schema import TaskRow
from ingest.sentences import (
    GOAL,
    MEASURE,
    TASK,
    Sentence,
    figure_cell,
    is_name,
    item_title,
    list_labels,
    row_sentences,
)
from ingest.text import all_han, normalize, words_form

from .config import ComposeConfig
from .intent import (
    DURATION_WORDS,
    GRANT_WORDS,
    LIMIT_WORDS,
    PLACE_WORDS,
    Intent,
    asks_duration,
    asks_limit,
    asks_where,
    count_word,
    states_count,
)
from .question import MODALS, Word, asking_text, modal_glued, read_question
from .relevance import RelevanceModel
from .restated import restatements, written_in_several
from .thesaurus import in_money, kind_of, negates, pays_money, senses, synonyms
from .verdict import NAMES_BODY, asks_phone, gives_phone

# the question's concepts: (ways the document may say it, IDF weight); a tuple, so
# that sentence rankings can be memoised per question
Concepts = tuple[tuple[tuple[str, ...], float], ...]
Ranked = tuple[tuple[float, Sentence], ...]  # a row's sentences with their match, best first

# the kinds of answer a question can ask for by its form: a place or channel (在哪能查到),
# a span of time (多久能到账), a limit (最多能贷多少) — each a concept a sentence must state
ANSWER_KINDS = (PLACE_WORDS, DURATION_WORDS, LIMIT_WORDS)

# words a sentence uses to point to what it does not state: the conditions of 符合条件的,
# the rules of 按规定 / 有关规定
_REFERENCE = re.compile(r"(?:符合|满足|达到)(?:相关|有关|规定|申报|政策)?(?:的)?条件|(?:按照?|依照?|根据)?(?:有关|相关|国家)?规定")

# a time a sentence states: a date (2023年9月底, 2023-09-30) or a span (2022-2025, 15个工作日,
# 30日内, 72小时): what a deadline question is answered by
# (years are 19xx or 20xx: 0794-3223309 is a phone number, no span of years)
STATES_TIME = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|年底|月底|(?<!\d)(?:19|20)\d{2}-\d{1,2}-\d{1,2}|"
                         r"(?<![\d-])(?:19|20)\d{2}-(?:19|20)\d{2}(?![\d-])|\d+\s*个?工作日|"
                         r"\d+\s*天|\d+\s*日(?:内|以内)|\d+\s*个?小时|"
                         # a span within which (12个月内), as 15日内 is
                         r"\d+\s*个月(?:之?内|以内)|"
                         # a window within a period: 每季度首月1日至20日, 每月10日前
                         r"\d{1,2}\s*日\s*(?:至|到|[-—~～]|起|前|止)")

_ELIGIBLE = re.compile(r"符合|条件|可以|可直接|允许|免|无需|不再|不得|给予|除外|以上|以内|以下")


# asking whether an act must be done: 要不要 / 用不用 / 需不需要 / 还用 / 是否需要 / 必须 before it
_MUST = re.compile(r"(?:要不要|用不用|需不需要|需要|还用|还要|是否需要|必须|得不得)[^，,。？?]{0,6}$")


def _needed(term: str, question: str) -> tuple[str, ...]:
    """How a document says an act need not be done, when the question asks whether
    ``term`` (申请, a verb of two characters) must be: 无需申请, 不需申请, 不用申请, and
    免 with the act's first character (免申 of 申请, 免检 of 检查); () otherwise."""
    at = question.find(term)
    if len(term) != 2 or at < 0 or not _MUST.search(question[:at]) or not all_han(term):
        return ()
    return (f"免{term[0]}", *(f"{neg}{term}" for neg in ("无需", "无须", "不需", "不用", "不必")))


def _one_char_verbs(words: Iterable[Word], asked: str) -> list[str]:
    """The one-character verbs among the question's tagged words in ``asked``: alone, or
    after a modal the tagger glued to them into a word no dictionary has."""
    out = []
    for w in words:
        if w.text not in asked:
            continue
        if len(w.text) == 1 and w.pos.startswith("v") and w.text not in MODALS:
            out.append(w.text)
        elif modal_glued(w.text):
            out.append(w.text[1])
    return out


def _grant_of(term: str, question: str) -> bool:
    """``term`` stands before a grant word in its clause (房租补贴, 房租能补贴不, 房租政府给补贴不),
    or beside the grant's verb asked as a yes/no (房租能补点不, 能给补点房租不: 补, the character
    the grant words 补贴, 补助 are made of, with a little asked — not 补交, paying what is owed):
    the kind of the grant asked."""
    return any(term in c and (any(g in c.split(term, 1)[1] for g in GRANT_WORDS) or _GRANTED.search(c))
               for c in re.split(r"[，,。？?！!；;\s]", question))


# 补 as granting a little (补点, 补些, 补一点): the grant asked by its verb
_GRANTED = re.compile(r"补(?:一?点|一?些)")


@lru_cache(maxsize=1024)
def _counted(query: str) -> str | None:
    """The measure a how-many question asks a count of (几天, 几个月), else None — 个, the
    general one, is met by any count (read once per question, not once per row)."""
    word = count_word(asking_text(query))
    return word if word != "个" else None


# characters listed with 、 before the word they share (水、电、气费用, 水、电、气报装): each
# one with it
_DISTRIBUTED = re.compile(r"((?:[\u4e00-\u9fff]、)+[\u4e00-\u9fff])([^\W\d_等及和与]{2})")


def distributed(text: str) -> str:
    """``text`` with each list of single characters sharing the word after them written out
    for matching (水、电、气费用 → 水费用 电费用 气费用, and 水费 电费 气费 by the word's first
    character): 电费水费交不上 states what 水、电、气费用 does."""
    extra = [f"{c}{w}" for m in _DISTRIBUTED.finditer(text) for c in m.group(1).split("、")
             for w in (m.group(2), m.group(2)[0])]
    return f"{text} {' '.join(extra)}" if extra else text


class Matcher:
    """The sentence tables of one retriever's rows (built once) and the match of a
    question's concepts against them. ``cfg`` is the assistant's :class:`ComposeConfig`
    (the assistant keeps it current when its own is replaced)."""

    def __init__(self, retriever: Retriever, relevance: RelevanceModel, cfg: ComposeConfig,
                 titles: dict[str, str] | None = None, several: bool = False):
        self.r = retriever
        self.relevance = relevance
        self._cfg = cfg
        self.sentences: dict[tuple[str, int], list[Sentence]] = {
            row.key: row_sentences(row) for row in retriever.rows}
        # what each sentence states: its words, less those it only points to (为符合条件的
        # 毕业生落实补贴 names no condition; 按规定给予 states no rule)
        stated = {s: distributed(_REFERENCE.sub("，", s.text)) for ss in self.sentences.values() for s in ss}
        self.sent_tokens: dict[Sentence, frozenset[str]] = {s: frozenset(tokenize(t)) for s, t in stated.items()}
        self.sent_norm: dict[Sentence, str] = {s: words_form(t) for s, t in stated.items()}
        # the label a sentence is listed under (承诺时限 over …；食品经营许可3个工作日；): its
        # words describe the sentence, as a heading's do its row, and the quote names it
        self.list_label: dict[Sentence, str] = {
            s: label for ss in self.sentences.values() for s, label in list_labels(ss).items()}
        self._label_words = {s: (frozenset(tokenize(label)), words_form(label)) for s, label in self.list_label.items()}
        # a table's figure cell (补贴标准（元/人）：1500) is the figure of the row's name (求职创业
        # 补贴): the name's words describe it, as a label does its entries (matching only)
        for key, ss in self.sentences.items():
            name = retriever.by_key[key].task
            if is_name(name):
                words = (frozenset(tokenize(name)), words_form(name))
                self._label_words.update({s: words for s in ss if s.field != TASK and figure_cell(s.text)})
        # the tables with a time column (时间进度, 完成时限) filled in some row, by document and
        # table title: a row of any other — a document's second table, with other columns
        # (惠企政策兑现清单 beside its 任务分工表) — has no such column to leave empty
        self.timed_tables = frozenset(table_of(r) for r in retriever.rows if any(m.deadline for m in r.measures))
        # sentence → every row stating it, near-duplicates too (built once): the composer
        # cites all rows behind a quote
        pairs = [(key, s.text) for key, ss in self.sentences.items() for s in ss]
        self.restated = restatements(pairs)
        # sentences written word for word in more than one row (发挥链主引领作用，带动工业产业链
        # 高质量发展。): a list's refrain, no measure's own goal (qa.quotes)
        self.repeated = written_in_several(pairs)
        # the title of the heading a row stands alone under (七、办理时限 over 自…30个工作日内办结)
        # and, with several documents loaded, the title of its document (宜都市2024年度创业补贴
        # 申报指南): their words describe every sentence of the row — a row is told from the
        # others of its document by what it adds, not by its document's subject. The notice's
        # contact (联系人：… 联系电话：…) is for the whole of it: its title describes it always
        self.heading_words: dict[tuple[str, int], tuple[frozenset[str], str]] = {}
        under: dict[tuple[str, tuple[str, ...]], int] = {}
        for row in retriever.rows:
            under[(row.doc, row.headings)] = under.get((row.doc, row.headings), 0) + 1
        for row in retriever.rows:
            # a heading over one item titles it; one over many groups them (一、大幅放宽市场准入)
            own = row.headings and under[(row.doc, row.headings)] == 1
            title = ((m.rest if (m := marker(row.headings[-1])) else row.headings[-1]) if own else "")
            if several or is_contact(row):
                title += " " + (titles or {}).get(row.doc, "")
            # an item that opens with its own title (申请材料。（1）…; 办理时限。窗口受理后…):
            # the title describes its every sentence, as a heading would
            title += " " + item_title(row.task)
            self.heading_words[row.key] = (frozenset(tokenize(title)), words_form(title))
        self.synonyms = {normalize(t): tuple(normalize(x) for x in g) for g in synonym_groups() for t in g}
        self._own_places = frozenset(normalize(p) for p in relevance.place_names)

    @property
    def cfg(self) -> ComposeConfig:
        return self._cfg

    @cfg.setter
    def cfg(self, cfg: ComposeConfig) -> None:
        # the memoised rankings were made under the old settings
        self._cfg = cfg
        self._ranked_memo.cache_clear()

    def concepts(self, question: str, skip: frozenset[str] = frozenset()) -> Concepts:
        """The question's concepts, each with the ways the document may say it and an
        IDF weight: a content term with its synonyms (高企 = 高新技术企业 = 高新企业),
        counted once however many of them a sentence uses, at ``story_weight`` when it is
        only in the story around the clause that asks, at ``piece_weight`` when it is a
        piece of a longer word of the question (大学 of 大学生); a synonym group met only
        inside a longer phrase of the question (网上卖) at 0.7 weight; for a "where"
        question the place or channel (网站, 大厅, 窗口 …), for a "how long" question a
        span of time (小时, 工作日 …), at the concepts' mean weight."""
        groups = self.synonyms
        concepts: dict[tuple[str, ...], float] = {}
        # a noun of the question the document never uses, with the document's word for it
        read = read_question(question)
        asked = normalize(read.asking)
        topics = read.topics
        terms = self.relevance.content_terms(question)
        nq = normalize(question)
        acts = {w.text for w in read.words if w.pos == "v"}  # the question's verbs: what may be done
        for t in terms:
            if any(t in p for p in self._own_places) or t in skip:
                # the documents' own place (or a piece of its name: 陇县) is every row's, and
                # so is a guide's matter (户外广告 of 户外广告设施设置审批)
                continue
            # (an act done in money, 欠钱, is bridged as a noun is: tagged a verb, it names the matter)
            alts = groups.get(normalize(t)) or (self._bridged(t) if t in topics or in_money(t) else (t,))
            if alts == (t,) and t in topics and _grant_of(t, nq):
                alts = (t, *self._of_its_head(t))
            exempted = ()
            if t in acts and (done := _needed(t, nq)) and not pays_money(t):
                # whether an act must be done (还用不用自己去申请, 需不需要登记) is answered by the
                # sentence exempting it (免申即享, 无需申请): its negation, as the documents
                # write one — what the question asks, weighing as its weightiest word
                exempted = tuple(x for x in done if x in self.relevance.blob)
                alts = (*alts, *exempted)
            if pays_money(t):
                # paying asked (交钱, or the documents' own 收费) is stated by a fee word (免费,
                # 收费): 营业执照收费不 is answered by 免费为…办理营业执照
                alts = (t, *self.relevance.fee_words)
            # a sentence should state what is asked, not repeat the story around it
            w = max(self.r.bm25.idf(t), 1.0) * (1.0 if t in asked else self.cfg.story_weight)
            # a piece the search-mode cut takes out of a longer word of the question (大学,
            # 学生 of 大学生) is that word stated in part, not a concept of its own
            if any(t != u and t in u for u in terms):
                w *= self.cfg.piece_weight
            if exempted:
                w = max(w, *(max(self.r.bm25.idf(u), 1.0) for u in terms))
            concepts[alts] = max(concepts.get(alts, 0.0), w)
        # a one-character verb (能贷多少; the tagger glues a modal to it: 能贷) is
        # written by the documents as a word that begins with it and the thesaurus files
        # as its synonym (贷 → 贷款)
        for ch in _one_char_verbs(read.words, asked):
            if senses(ch) > 2 or negates(ch):
                # (到, 扣, 退: too many senses to stand for one word; 没 of 有补贴没, tagged a
                # verb, asks whether — its 没有 is no matter of the question)
                continue
            alts = tuple(w for w in synonyms(ch) if w.startswith(ch) and normalize(w) in self.relevance.blob)
            if alts and not any(set(alts) & set(g) for g in concepts):
                concepts[alts] = max(max(self.r.bm25.idf(w) for w in alts), 1.0)
        for g in dict.fromkeys(groups.values()):
            if g not in concepts and any(x in nq for x in g):
                w = max((self.r.bm25.idf(tok) for x in g if x in nq for tok in tokenize(x)), default=1.0)
                concepts[g] = 0.7 * max(w, 1.0)
        # the kind of answer asked for is part of what a sentence must state: the place or
        # channel for "在哪能查到", a span of time for "多久能到账", a limit for "最多能贷多少"
        # — all a sentence must state when nothing else is asked (户外广告设施设置审批要几天
        # of its own guide: the matter is every row's)
        for asks, words in zip((asks_where, asks_duration, asks_limit), ANSWER_KINDS, strict=True):
            if asks(question):
                concepts[words] = sum(concepts.values()) / len(concepts) if concepts else 1.0
        return tuple(concepts.items())

    def _of_its_head(self, term: str) -> tuple[str, ...]:
        """The documents' words holding the head of the kind of a grant asked (房租 of 房租补贴,
        naming a kind of 租, rent: :func:`qa.thesaurus.kind_of`), where the head is a
        character few rows hold: 场租补贴, 场地租赁补贴 are the rent grant asked, as
        :meth:`RelevanceModel._names_grant` reads them — not the 无房租 of a row on another
        matter, which the word alone matched. A head most rows hold (业, 水) says too little."""
        rel = self.relevance
        head = term[-1]
        if len(term) < 2 or head not in rel.rare_chars or not kind_of(term, head):
            return ()
        return tuple(sorted(w for w in rel.written if 2 <= len(w) <= 4 and head in w and w != term and all_han(w)))

    def _bridged(self, term: str) -> tuple[str, ...]:
        """A word the document never uses with the document's word for it (头一回 →
        首次: a thesaurus synonym of one sense, :meth:`RelevanceModel.bridge`)."""
        rel = self.relevance
        if term in rel.vocab or term in rel.blob:
            return (term,)
        b = rel.bridge(term)
        return (term, normalize(b)) if b else (term,)

    def covered(self, terms: Concepts, s: Sentence) -> set[int]:
        """Indices of the concepts ``s`` states."""
        toks = self.sent_tokens[s]
        text = self.sent_norm[s]
        h_toks, h_text = self.heading_words.get(s.key, (frozenset(), ""))
        if s in self._label_words:
            l_toks, l_text = self._label_words[s]
            h_toks, h_text = h_toks | l_toks, f"{h_text} {l_text}"
        return {j for j, (alts, _) in enumerate(terms)
                if any(t in toks or (len(t) >= 2 and t in text) or t in h_toks or (len(t) >= 2 and t in h_text)
                       for t in alts)}

    def match(self, terms: Concepts, s: Sentence) -> float:
        """The IDF-weighted share of the question's concepts that ``s`` states."""
        total = sum(w for _, w in terms) or 1.0
        return sum(terms[j][1] for j in self.covered(terms, s)) / total

    def fit(self, terms: Concepts, s: Sentence, near: dict[str, float] | None) -> float:
        """How well ``s`` states the question: the share of its concepts ``s`` states, plus
        ``sentence_weight`` × how far its meaning is above ``sentence_floor`` (``near``:
        the cosines of the row's sentences with the question)."""
        cfg = self.cfg
        m = self.match(terms, s)
        if near:
            m += cfg.sentence_weight * max(0.0, near.get(s.text, 0.0) - cfg.sentence_floor)
        return m

    def ranked(self, terms: Concepts, row: TaskRow, intent: str, query: str) -> Ranked:
        """The row's sentences, best match first: the words of the question they state
        and how near their meaning is to ``query`` (the rerank and the composer ask for
        the same rows of the same question: memoised)."""
        return self._ranked_memo(terms, row.key, intent, query)

    @lru_cache(maxsize=4096)  # noqa: B019 — one Matcher (its Assistant's) lives as long as the process
    def _ranked_memo(self, terms: Concepts, key: tuple[str, int], intent: str, query: str) -> Ranked:
        cfg = self.cfg
        near = self.r.sentence_similarity(query, key) if cfg.sentence_weight > 0 else None
        unit_fields = bool(self.r.by_key[key].units)
        counted = _counted(query)
        # a number to call asked (咨询电话多少): the sentence giving one is what is asked
        phone = asks_phone(normalize(query))
        out = []
        for s in self.sentences[key]:
            m = self.fit(terms, s, near)
            bonus = 0.0
            if intent in (Intent.AMOUNT, Intent.GOAL) and s.has_amount:
                bonus += 0.25
            elif intent in (Intent.AMOUNT, Intent.GOAL) and s.has_number:
                bonus += 0.1
            if counted is not None and states_count(s.text, counted):
                bonus += 0.1
            if phone and gives_phone(s.text, query):
                bonus += 1.0
            if intent == Intent.DEADLINE and STATES_TIME.search(s.text):
                bonus += 0.1  # a deadline is stated by a date or a span of time
            if intent == Intent.GOAL and s.field == GOAL:
                bonus += 0.15
            if intent == Intent.MEASURE and s.field == MEASURE:
                bonus += 0.1
            if intent in (Intent.ELIGIBILITY, Intent.YESNO) and _ELIGIBLE.search(s.text):
                bonus += 0.1
            if intent == Intent.DEPARTMENT and not unit_fields and NAMES_BODY.search(s.text):
                bonus += 0.2  # 本办法由县经济和信息化局、县财政局负责解释: the answer to 由谁
            if s.field == TASK:
                bonus += 0.05  # the rule itself before how it is carried out
            out.append((m + bonus, s))
        out.sort(key=lambda x: -x[0])
        return tuple(out)

    def rerank(self, hits: list[Hit], terms: Concepts, intent: str, query: str) -> list[Hit]:
        """The first candidates reordered by fused score plus ``rerank_weight`` × how well
        the row's best sentence states the question (scores themselves unchanged)."""
        n, lam = self.cfg.candidates, self.cfg.rerank_weight
        if lam <= 0 or len(hits) < 2:
            return hits
        def key(h: Hit) -> float:
            ranked = self.ranked(terms, self.r.by_key[h.key], intent, query)
            return h.score + lam * (ranked[0][0] if ranked else 0.0)
        return sorted(hits[:n], key=key, reverse=True) + hits[n:]

    def numbered_match(self, terms: Concepts, key: tuple[str, int], asked: str = "") -> float:
        """How well the row's best number-bearing sentence states the question (the
        verdict on an amount question reads it): of the words the clause asks with and
        those of the story the row speaks of — a story's words the row never uses (儿子大学
        毕业…开了个服装店) say nothing of which of its sentences gives the figure."""
        # by words only: a sentence near in meaning may give another figure than the one
        # asked (退还比例, 优惠税率 asked; 加计扣除比例 stated) — tried, it lost those
        sentences = self.sentences[key]
        told = set().union(*(self.covered(terms, s) for s in sentences)) if sentences else set()
        spoken = tuple(c for j, c in enumerate(terms) if j in told or any(a in asked for a in c[0]))
        # …or on the words asked alone: a story the row speaks of elsewhere (种连翘酸枣 …
        # 支持多大规模的林下经济) says nothing against the sentence giving the figure asked
        only = tuple(c for c in terms if any(a in asked for a in c[0]))
        numbered = [max(self.match(spoken, s), self.match(only, s) if only else 0.0)
                    for s in sentences if s.has_number]
        return round(max(numbered, default=0.0), 4)


def table_of(row: TaskRow) -> tuple[str, str]:
    """The table ``row`` stands in: its document and its attachment's title."""
    return row.doc, row.attachment_title
