"""Question → retrieved rows → extractive answer with citations.

The answer quotes the document's own sentences, each followed by the rows that
state it (〔附件1 第84项〕〔附件2 第82项〕 when several rows state the same rule), picks
the sentences by intent (amount, department, deadline, …), abstains plainly when
the document does not cover the question, and checks that every number and
department it contains occurs in a cited row.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from index.retriever import DEFAULT_CONFIG, Retriever, SearchConfig, open_retriever
from index.schema import Hit
from index.tokenize import synonym_groups, tokenize
from ingest import Document, load_document
from ingest.departments import aliases
from ingest.schema import TaskRow, citation, find_citations
from ingest.sentences import GOAL, MEASURE, TASK, Sentence, row_sentences
from ingest.text import normalize

from .faithful import violations
from .intent import (
    DURATION_WORDS,
    LIMIT_WORDS,
    PLACE_WORDS,
    asks_duration,
    asks_limit,
    asks_where,
    count_word,
    detect_intent,
    states_count,
)
from .question import asking_clauses, read_question
from .relevance import RelevanceModel
from .restated import matching_form, restatements
from .schema import (
    MAX_QUESTION_CHARS,
    NOT_COVERED,
    PARTIAL,
    Answer,
    Citation,
    QuestionError,
    Related,
)
from .verdict import Thresholds, Verdict

# the question's concepts: (ways the document may say it, IDF weight); a tuple, so
# that sentence rankings can be memoised per question
Concepts = tuple[tuple[tuple[str, ...], float], ...]
Ranked = tuple[tuple[float, Sentence], ...]  # a row's sentences with their match, best first

NOT_COVERED_OPENING = "本文件未涉及这个问题。"
_FOLLOWUP_START = ("那", "那么", "还有", "另外", "它", "这个", "这项", "该", "此", "那个", "他们", "其")
# "what rewards / which policies are there": several rows answer together
_LIST = re.compile(r"(哪些|都有|有什么|有啥|什么样的|有没有).*(奖励|补贴|政策|支持|优惠|扶持|措施)|"
                   r"(奖励|补贴|政策|支持|优惠|扶持)(有哪些|都有什么)")
_MONEY = re.compile(r"奖|补贴|补助|资金|钱")
_TIME = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|年底|月底|\d{4}-\d{4}|\d+\s*个?工作日|\d+\s*天|\d+\s*个?小时")
_ELIGIBLE = re.compile(r"符合|条件|可以|可直接|允许|免|无需|不再|不得|给予|除外|以上|以内|以下")


@dataclass(frozen=True)
class ComposeConfig:
    candidates: int = 5          # rows considered for citation
    rerank_weight: float = 0.5   # their order: fused score + this × best sentence match
    score_ratio: float = 0.75    # a further row's fused score relative to the top row
    match_ratio: float = 0.85    # its best sentence's match relative to the top row's
    min_match: float = 0.35      # and an absolute floor on that match
    dup_ratio: float = 0.3       # a row restating a quoted sentence is cited when this close
    list_score_ratio: float = 0.6  # looser for "which rewards are there" questions
    list_min_match: float = 0.3
    list_rows: int = 3
    max_rows: int = 4
    related: int = 3
    row_sentences: int = 3       # sentences quoted from one row (besides deadline lines)
    more_ratio: float = 0.7      # a further sentence's match relative to the row's best
    more_min: float = 0.3
    more_gain: float = 0.2       # or it states this share of the question the others leave out
    row_chars: int = 260         # and the row's quotes stay within this many characters
    part_margin: float = 0.25    # a part of a several-part question is answered from another
    part_score_ratio: float = 0.5  # candidate row when that row states it this much better
    # a sentence's ranking within its row adds this × how far its embedding's cosine with
    # the question's lies above ``sentence_floor`` (where e5 puts text on another topic):
    # plain speech shares few words with the rule it asks about, but its meaning is near
    sentence_weight: float = 1.5
    sentence_floor: float = 0.78


@dataclass
class _Quote:
    text: str
    keys: list[tuple[str, int]] = field(default_factory=list)
    prefix: str = ""


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


class Assistant:
    """Answers questions over one document's index. Thread-safe for concurrent use."""

    def __init__(self, retriever: Retriever, doc: Document | Sequence[Document] | None = None,
                 search: SearchConfig = DEFAULT_CONFIG, compose: ComposeConfig = ComposeConfig(),
                 thresholds: Thresholds | None = None):
        """``doc`` is the document the index holds, or the documents loaded together
        (their places and periods in scope are the union over them)."""
        self.r = retriever
        self.search_cfg = search
        self.compose_cfg = compose
        self.thresholds = thresholds = thresholds or Thresholds()
        docs = [] if doc is None else [doc] if isinstance(doc, Document) else list(doc)
        self.relevance = RelevanceModel(retriever, thresholds.min_shift,
                                        places=tuple(dict.fromkeys(p for d in docs for p in d.places)),
                                        years=tuple(dict.fromkeys(y for d in docs for y in d.years)),
                                        homes=tuple(dict.fromkeys(d.place for d in docs if d.place)),
                                        issue_years=tuple(dict.fromkeys(
                                            int(d.date[:4]) for d in docs if d.date[:4].isdigit())))
        self.sentences: dict[tuple[str, int], list[Sentence]] = {
            row.key: row_sentences(row) for row in retriever.rows}
        self.sent_tokens: dict[Sentence, frozenset[str]] = {
            s: frozenset(tokenize(s.text)) for ss in self.sentences.values() for s in ss}
        self.synonyms = {normalize(t): tuple(normalize(x) for x in g) for g in synonym_groups() for t in g}
        # sentence → every row stating it, for citing all rows behind a quote
        self.restated = restatements((key, s.text) for key, ss in self.sentences.items() for s in ss)
        self.departments = sorted({u for r in retriever.rows for u in r.units} | set(aliases()),
                                  key=len, reverse=True)

    # -- matching -----------------------------------------------------------
    def _query_terms(self, question: str) -> Concepts:
        """The question's concepts, each with the ways the document may say it and an
        IDF weight: a content term with its synonyms (高企 = 高新技术企业 = 高新企业),
        counted once however many of them a sentence uses; a synonym group met only
        inside a longer phrase of the question (网上卖) at 0.7 weight; for a "where"
        question the place or channel (网站, 大厅, 窗口 …), for a "how long" question a
        span of time (小时, 工作日 …), at the concepts' mean weight."""
        groups = self.synonyms
        concepts: dict[tuple[str, ...], float] = {}
        for t in self.relevance.content_terms(question):
            alts = groups.get(normalize(t), (t,))
            concepts[alts] = max(concepts.get(alts, 0.0), max(self.r.bm25.idf(t), 1.0))
        nq = normalize(question)
        for g in dict.fromkeys(groups.values()):
            if g not in concepts and any(x in nq for x in g):
                w = max((self.r.bm25.idf(tok) for x in g if x in nq for tok in tokenize(x)), default=1.0)
                concepts[g] = 0.7 * max(w, 1.0)
        # the kind of answer asked for is part of what a sentence must state: the place or
        # channel for "在哪能查到", a span of time for "多久能到账", a limit for "最多能贷多少"
        for asks, words in ((asks_where, PLACE_WORDS), (asks_duration, DURATION_WORDS),
                            (asks_limit, LIMIT_WORDS)):
            if asks(question) and concepts:
                concepts[words] = sum(concepts.values()) / len(concepts)
        return tuple(concepts.items())

    def _covered(self, terms: Concepts, s: Sentence) -> set[int]:
        """Indices of the concepts ``s`` states."""
        toks = self.sent_tokens[s]
        text = normalize(s.text)
        return {j for j, (alts, _) in enumerate(terms)
                if any(t in toks or (len(t) >= 2 and t in text) for t in alts)}

    def _match(self, terms: Concepts, s: Sentence) -> float:
        total = sum(w for _, w in terms) or 1.0
        return sum(terms[j][1] for j in self._covered(terms, s)) / total

    def _fit(self, terms: Concepts, s: Sentence, near: dict[str, float] | None) -> float:
        """How well ``s`` states the question: the share of its concepts ``s`` states, plus
        ``sentence_weight`` × how far its meaning is above ``sentence_floor`` (``near``:
        the cosines of the row's sentences with the question)."""
        cfg = self.compose_cfg
        m = self._match(terms, s)
        if near:
            m += cfg.sentence_weight * max(0.0, near.get(s.text, 0.0) - cfg.sentence_floor)
        return m

    def _ranked(self, terms: Concepts, row: TaskRow, intent: str, query: str) -> Ranked:
        """The row's sentences, best match first: the words of the question they state
        and how near their meaning is to ``query`` (the rerank and the composer ask for
        the same rows of the same question: memoised)."""
        return self._ranked_memo(terms, row.key, intent, query)

    @lru_cache(maxsize=4096)  # noqa: B019 — one Assistant lives as long as the process
    def _ranked_memo(self, terms: Concepts, key: tuple[str, int], intent: str, query: str) -> Ranked:
        cfg = self.compose_cfg
        near = self.r.sentence_similarity(query, key) if cfg.sentence_weight > 0 else None
        out = []
        for s in self.sentences[key]:
            m = self._fit(terms, s, near)
            bonus = 0.0
            if intent in ("amount", "goal") and s.has_amount:
                bonus += 0.25
            elif intent in ("amount", "goal") and s.has_number:
                bonus += 0.1
            if intent == "goal" and s.field == GOAL:
                bonus += 0.15
            if intent == "measure" and s.field == MEASURE:
                bonus += 0.1
            if intent in ("eligibility", "yesno") and _ELIGIBLE.search(s.text):
                bonus += 0.1
            if s.field == TASK:
                bonus += 0.05  # the rule itself before how it is carried out
            out.append((m + bonus, s))
        out.sort(key=lambda x: -x[0])
        return tuple(out)

    # -- quotes for one row --------------------------------------------------
    def _row_quotes(self, row: TaskRow, ranked: Ranked, intent: str,
                    terms: Concepts) -> list[_Quote]:
        if not ranked:
            return []
        best_score, best = ranked[0]
        if intent == "deadline":
            if not row.measures:
                return [_Quote(best.text)]
            # the measure whose wording matches best; a concrete date breaks ties
            per_measure: dict[int, tuple[float, Sentence]] = {}
            for sc, s in ranked:
                if s.measure is not None and (s.measure not in per_measure or sc > per_measure[s.measure][0]):
                    per_measure[s.measure] = (sc, s)
            if not per_measure:
                per_measure = {0: (0.0, best)}
            m_idx = max(per_measure, key=lambda j: per_measure[j][0]
                        + (0.1 if re.search(r"\d", row.measures[j].deadline) else 0.0))
            quotes = []
            # a time stated in the rule itself ("延长至2025年底") answers first
            timed = next((s for sc, s in ranked[:3] if _TIME.search(s.text) and sc >= 0.6 * best_score), None)
            if timed is not None:
                quotes.append(_Quote(timed.text))
            sent = per_measure[m_idx][1]
            if sent.field != MEASURE:
                sent = next((s for _, s in ranked if s.measure == m_idx and s.field == MEASURE), sent)
            if timed is None or normalize(sent.text) != normalize(timed.text):
                quotes.append(_Quote(sent.text))
            quotes.append(_Quote(row.measures[m_idx].deadline or "未注明", prefix="时间进度："))
            return quotes
        if intent == "department":
            task_sent = next((s for _, s in ranked if s.field == TASK), best)
            return [_Quote(task_sent.text)]
        quotes = [_Quote(best.text)]
        if intent == "measure" and best.field != MEASURE:
            # "how is it done" is answered by the 落实措施 column: its best sentence too
            m = next(((sc, s) for sc, s in ranked if s.field == MEASURE), None)
            if m is not None and m[0] >= 0.5 * best_score:
                quotes.append(_Quote(m[1].text))
        elif intent in ("amount", "goal") and not best.has_amount:
            # "how much" wants a sentence with an amount (10万元, 30%), not just any number
            # (正常运营1年以上); failing that, one with a number at all
            alt = next(((sc, s) for sc, s in ranked if s.has_amount), None)
            follow = self._next_sentence(best)
            if follow is not None and follow.has_amount:
                # the amount often follows the rule it belongs to ("…给予一次性创业补贴。
                # 补助标准每人不超过1000元…"): the continuation, however it matches
                alt = (best_score, follow)
            if alt is None and not best.has_number:
                alt = next(((sc, s) for sc, s in ranked if s.has_number), None)
            if alt and alt[0] >= 0.5 * best_score:
                quotes.append(_Quote(alt[1].text))
        # more of the row's sentences, within a length budget: those matching nearly as
        # well, and those stating a part of the question the quotes so far leave out
        cfg = self.compose_cfg
        used = sum(len(q_.text) for q_ in quotes)
        by_text = {normalize(s.text): s for _, s in ranked}
        have = {normalize(q_.text) for q_ in quotes}
        covered = set().union(*(self._covered(terms, by_text[t]) for t in have if t in by_text))
        total = sum(w for _, w in terms) or 1.0
        for sc, s in ranked[1:]:
            if len(quotes) >= cfg.row_sentences:
                break
            new = self._covered(terms, s) - covered
            gain = sum(terms[j][1] for j in new) / total
            close = sc >= cfg.more_ratio * best_score and sc >= cfg.more_min
            # a sentence the quotes already hold, or one holding a quote whole ("转发上级行文
            # 件，推动建立起…" after "推动建立起…"), adds nothing
            form = normalize(s.text)
            if (not close and gain < cfg.more_gain) or any(_holds(form, h) for h in have) \
                    or used + len(s.text) > cfg.row_chars:
                continue
            quotes.append(_Quote(s.text))
            have.add(normalize(s.text))
            covered |= new
            used += len(s.text)
        return quotes

    def _next_sentence(self, s: Sentence) -> Sentence | None:
        """The sentence after ``s`` in the same field of the same measure, if any."""
        ss = self.sentences[s.key]
        i = ss.index(s)
        nxt = ss[i + 1] if i + 1 < len(ss) else None
        return nxt if nxt is not None and (nxt.field, nxt.measure) == (s.field, s.measure) else None

    @staticmethod
    def _count_quote(row: TaskRow, ranked: Ranked, word: str) -> _Quote | None:
        """The row's best sentence, else a measure's 时间进度, giving a number with ``word``."""
        sent = next((s for _, s in ranked if states_count(s.text, word)), None)
        if sent is not None:
            return _Quote(sent.text)
        deadline = next((m.deadline for m in row.measures if states_count(m.deadline, word)), None)
        return _Quote(deadline, prefix="时间进度：") if deadline else None

    # -- answer --------------------------------------------------------------
    def answer(self, question: str, history: Sequence[Any] | None = None) -> Answer:
        return self.answer_with_hits(question, history)[0]

    def answer_with_hits(self, question: str, history: Sequence[Any] | None = None,
                         k: int = 10) -> tuple[Answer, list[Hit]]:
        """The answer and the ranked rows it was composed from (the evaluation scores
        retrieval on these, so it does not search a second time)."""
        t0 = time.perf_counter()
        q = validate_question(question)
        intent = detect_intent(q)
        prev_q, prev_a = _history_turns(history)
        followup_keys = self._followup_keys(q, prev_q, prev_a)
        if followup_keys:
            # the search text stays within the question limit, whatever the history holds
            room = MAX_QUESTION_CHARS - len(q) - 1
            query = f"{prev_q[:room]} {q}" if prev_q and room > 0 else q
            ranked = self.r.search(query, 20, self.search_cfg)
            hits = [h for h in ranked if h.key in followup_keys] or ranked[:k]
            terms = self._query_terms(query)
            ans = self._compose(q, intent, hits, terms)
            ans.followup = True
        elif self._looks_followup(q):
            # "那找哪个部门？" with no answered question before it: say what is needed
            hits = self.r.search(q, k, self.search_cfg)
            reason = ("上一个问题本文件未涉及，这一问无从接续：" if prev_a and _not_covered(prev_a) else
                      "这像是接着上一问的追问：") + "请把问题说完整，例如“高企奖励找哪个部门”。"
            ans = self._abstain(q, intent, [], reason)
        else:
            terms, hits, amount_match = self._retrieve(q, intent, k)
            v = self.relevance.judge(read_question(q), hits, amount_match, self.thresholds)
            if v.coverage == NOT_COVERED:
                ans = self._abstain(q, intent, hits, v.reason)
            else:
                ans = self._compose(q, intent, hits, terms)
                if v.coverage == PARTIAL:
                    ans.answer = f"{v.reason}以下是本文件中最接近的规定：\n\n{ans.answer}"
                    ans.coverage = PARTIAL
        ans.latency_ms = round((time.perf_counter() - t0) * 1000, 2)
        return ans, hits

    def _retrieve(self, q: str, intent: str, k: int = 10
                  ) -> tuple[Concepts, list[Hit], float]:
        """The question's concepts, the rows the answer is composed from, and for an
        amount question how well the top row's best number-bearing sentence states it
        (1 for other questions)."""
        terms = self._query_terms(q)
        hits = self._rerank(self.r.search(q, k, self.search_cfg), terms, intent, q)
        amount_match = 1.0
        if intent == "amount" and hits:
            # by words only: a sentence near in meaning may give another figure than the one
            # asked (退还比例, 优惠税率 asked; 加计扣除比例 stated) — tried, it lost those
            numbered = [self._match(terms, s) for s in self.sentences[hits[0].key] if s.has_number]
            amount_match = round(max(numbered, default=0.0), 4)
        return terms, hits, amount_match

    def answer_order(self, question: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` in the order the answer takes them (the rerank by sentence match)."""
        q = validate_question(question)
        return self._rerank(hits, self._query_terms(q), detect_intent(q), q)

    def verdict(self, question: str) -> Verdict:
        """Whether :meth:`answer` answers, answers in part or says "not covered" for a
        first question, and why."""
        q = validate_question(question)
        _, hits, amount_match = self._retrieve(q, detect_intent(q))
        return self.relevance.judge(read_question(q), hits, amount_match, self.thresholds)

    def _rerank(self, hits: list[Hit], terms: Concepts, intent: str, query: str) -> list[Hit]:
        """The first candidates reordered by fused score plus ``rerank_weight`` × how well
        the row's best sentence states the question (scores themselves unchanged)."""
        n, lam = self.compose_cfg.candidates, self.compose_cfg.rerank_weight
        if lam <= 0 or len(hits) < 2:
            return hits
        def key(h: Hit) -> float:
            ranked = self._ranked(terms, self.r.by_key[h.key], intent, query)
            return h.score + lam * (ranked[0][0] if ranked else 0.0)
        return sorted(hits[:n], key=key, reverse=True) + hits[n:]

    def _looks_followup(self, q: str) -> bool:
        """Short, with few content words, and shaped like "那找哪个部门？" / "期限呢？"."""
        nq = normalize(q)
        content = self.relevance.content_terms(q)
        return len(nq) <= 14 and len(content) <= 2 and (
            nq.startswith(_FOLLOWUP_START) or nq.endswith(("呢", "呢?", "呢？")) or len(content) == 0)

    def _followup_keys(self, q: str, prev_q: str | None, prev_a: str | None) -> set[tuple[str, int]]:
        """The previous answer's rows, when this looks like a follow-up and that answer
        answered (the rows a not-covered answer lists are suggestions, not an answer)."""
        if (not prev_q and not prev_a) or not self._looks_followup(q) or (prev_a and _not_covered(prev_a)):
            return set()
        keys = set(find_citations(prev_a or ""))
        keys = {k for k in keys if k in self.r.by_key}
        if not keys and prev_q:
            keys = {h.key for h in self.r.search(prev_q, 3, self.search_cfg)}
        return keys

    def _compose(self, q: str, intent: str, hits: list[Hit], terms: Concepts) -> Answer:
        cfg = self.compose_cfg
        is_list = intent not in ("deadline", "department") and bool(_LIST.search(normalize(q)))
        score_ratio = cfg.list_score_ratio if is_list else cfg.score_ratio
        min_match = cfg.list_min_match if is_list else cfg.min_match
        match_ratio = 0.0 if is_list else cfg.match_ratio
        cands = hits[:cfg.candidates]
        top = cands[0]
        # "which rewards are there" wants each reward's amount, like an amount question
        rank_intent = "amount" if is_list and _MONEY.search(normalize(q)) else intent
        ranked = {h.key: self._ranked(terms, self.r.by_key[h.key], rank_intent, q) for h in cands}
        top_match = ranked[top.key][0][0] if ranked[top.key] else 0.0
        chosen: list[Hit] = [top]
        quotes: list[_Quote] = []
        for q_ in self._row_quotes(self.r.by_key[top.key], ranked[top.key], intent, terms):
            q_.keys.append(top.key)
            quotes.append(q_)
        if (word := count_word(q)) is not None and not any(states_count(q_.text, word) for q_ in quotes):
            # "开了几次座谈会": the count may stand in the 时间进度 column ("召开2次座谈会")
            extra = self._count_quote(self.r.by_key[top.key], ranked[top.key], word)
            if extra is not None:
                extra.keys.append(top.key)
                quotes.append(extra)
        self._answer_each_part(q, cands, quotes, chosen)
        for h in cands[1:]:
            if len(chosen) >= cfg.max_rows or not ranked[h.key] or any(c.key == h.key for c in chosen):
                continue
            best_score, best = ranked[h.key][0]
            # the same rule stated in another row: one quote, both citations
            dup = self._duplicate(best.text, quotes)
            if dup is not None and h.score >= cfg.dup_ratio * top.score:
                if h.key not in dup.keys:
                    dup.keys.append(h.key)
                chosen.append(h)
                continue
            if is_list:
                if len(chosen) >= cfg.list_rows or h.score < score_ratio * top.score:
                    continue
                adds = self._adds_to_list(terms, top.key, chosen, h.key)
                if adds == "new" or (adds == "same" and best_score >= min_match):
                    chosen.append(h)
                    for q_ in self._row_quotes(self.r.by_key[h.key], ranked[h.key], intent, terms):
                        q_.keys.append(h.key)
                        quotes.append(q_)
                continue
            if (h.score >= score_ratio * top.score and best_score >= match_ratio * top_match
                    and best_score >= min_match):
                chosen.append(h)
                if intent in ("deadline", "department"):
                    # a second row matching as well: its own rule with its own deadline / units
                    for q_ in self._row_quotes(self.r.by_key[h.key], ranked[h.key], intent, terms):
                        q_.keys.append(h.key)
                        quotes.append(q_)
                else:
                    quotes.append(_Quote(best.text, [h.key]))
        self._cite_restating(quotes, chosen, hits)
        rows = [self.r.by_key[h.key] for h in chosen]
        body = self._render(quotes, rows, intent)
        cited = rows
        problems = violations(body, cited, self.departments)
        if problems:  # never state what the cited rows do not: drop the offending lines
            body = "\n\n".join(line for line in body.split("\n\n")
                               if not violations(line, cited, self.departments))
        quoted = {h.key: [qq.text for qq in quotes if h.key in qq.keys and not qq.prefix] for h in chosen}
        cits = [Citation(h.attachment, h.number, h.label, r.section, r.task, list(r.lead_units),
                         round(h.score, 4), list(r.coop_units), quoted[h.key])
                for h, r in zip(chosen, rows)]
        related = self._related(hits, {h.key for h in chosen})
        if related:
            body += "\n\n**相关条目**：\n" + "\n".join(
                f"- {citation(x.attachment, x.number)} {self._snippet(x, cited)}" for x in related)
        return Answer(question=q, answer=body, abstained=False, intent=intent, citations=cits,
                      related=related)

    def _answer_each_part(self, q: str, cands: list[Hit], quotes: list[_Quote], chosen: list[Hit]) -> None:
        """A question asking several things ("总投资多少、可容纳几家企业？何时完工？") is
        answered part by part: each asking clause with its own intent and words adds the
        quotes that answer it, when they are not quoted yet — from the top row, or from
        another candidate row that states that part clearly better (two rules asked in one
        question: "规上奖励多少？租厂房有何优惠？"), which is then cited too."""
        parts = asking_clauses(q)
        if len(parts) < 2:
            return
        cfg = self.compose_cfg
        top = cands[0]
        have = {(q_.prefix, matching_form(q_.text)) for q_ in quotes}
        for part in parts:
            p_intent, p_terms = detect_intent(part), self._query_terms(part)
            if not p_terms and p_intent == "general":
                continue
            best_hit, ranked = top, self._ranked(p_terms, self.r.by_key[top.key], p_intent, q)
            top_match = ranked[0][0] if ranked else 0.0
            for h in cands[1:]:
                other = self._ranked(p_terms, self.r.by_key[h.key], p_intent, q)
                if other and other[0][0] >= max(top_match + cfg.part_margin, cfg.min_match) \
                        and h.score >= cfg.part_score_ratio * top.score \
                        and other[0][0] > (ranked[0][0] if ranked else 0.0):
                    best_hit, ranked = h, other
            row = self.r.by_key[best_hit.key]
            added = False
            for q_ in self._row_quotes(row, ranked, p_intent, p_terms)[:2]:
                key = (q_.prefix, matching_form(q_.text))
                if key not in have:
                    have.add(key)
                    q_.keys.append(best_hit.key)
                    quotes.append(q_)
                    added = True
            if added and all(c.key != best_hit.key for c in chosen):
                chosen.append(best_hit)

    def _covers(self, key: tuple[str, int], aspect: tuple[str, ...]) -> bool:
        return any(x in self.relevance.row_text[key] for x in aspect)

    def _adds_to_list(self, terms: Concepts, top: tuple[str, int], chosen: list[Hit],
                      key: tuple[str, int]) -> str:
        """For "which rewards are there", what a further row brings: "new" when it
        covers a part of the question no cited row covers yet (孵化器、重点实验室、高企),
        "same" when it shares the top row's most specific subject (规上 — not any 奖励
        row), else ""."""
        # most specific first: by the rarest wording (规上 as rare as 规模以上, which the index knows)
        aspects = sorted((alts for alts, _ in terms), key=lambda a: -max(self.r.bm25.idf(x) for x in a))
        if any(self._covers(key, a) and not any(self._covers(h.key, a) for h in chosen) for a in aspects):
            return "new"
        own = [a for a in aspects if self._covers(top, a)]
        return "same" if own and self._covers(key, own[0]) else ""

    def _cite_restating(self, quotes: list[_Quote], chosen: list[Hit], hits: list[Hit]) -> None:
        """Every row stating a quoted sentence is cited with it, wherever it ranked."""
        by_key = {h.key: h for h in hits}
        have = {h.key for h in chosen}
        for q_ in quotes:
            if q_.prefix:
                continue
            for key in sorted(self.restated.get(matching_form(q_.text), ())):
                if key in q_.keys or len(chosen) >= self.compose_cfg.max_rows + 2:
                    continue
                q_.keys.append(key)
                if key not in have:
                    have.add(key)
                    chosen.append(by_key.get(key) or Hit(key[0], key[1], 0.0))

    @staticmethod
    def _duplicate(text: str, quotes: list[_Quote]) -> _Quote | None:
        n = normalize(text)
        for q_ in quotes:
            if q_.prefix:
                continue
            m = normalize(q_.text)
            if n == m or (min(len(n), len(m)) >= 20 and (n in m or m in n)):
                return q_
        return None

    def _render(self, quotes: list[_Quote], rows: list[TaskRow], intent: str) -> str:
        def cites(keys: list[tuple[str, int]]) -> str:
            return "".join(citation(a, n) for a, n in keys)

        # one quote per sentence, with every row that states it (rows restating each
        # other would otherwise give the same sentence twice with swapped citations)
        merged: dict[tuple[str, str], _Quote] = {}
        for q_ in quotes:
            key = (q_.prefix, matching_form(q_.text))
            if key in merged:
                merged[key].keys.extend(k for k in q_.keys if k not in merged[key].keys)
            else:
                merged[key] = _Quote(q_.text, list(q_.keys), q_.prefix)
        quotes = list(merged.values())

        quoted = [f"{q_.prefix}{q_.text}{cites(q_.keys)}" if q_.prefix else f"“{q_.text}”{cites(q_.keys)}"
                  for q_ in quotes]
        # the department to go to: every cited row for department questions, else the top row
        dept = intent == "department"
        groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[str, int]]] = {}
        for r in rows if dept else rows[:1]:
            groups.setdefault((r.lead_units, r.coop_units if dept else ()), []).append(r.key)
        units = [f"牵头单位：{'、'.join(lead) or '—'}" + (f"；配合单位：{'、'.join(coop) or '—'}" if dept else "")
                 + cites(keys) for (lead, coop), keys in groups.items()]
        return "\n\n".join(units + quoted if dept else quoted + units)

    def _related(self, hits: list[Hit], cited: set[tuple[str, int]]) -> list[Related]:
        out = []
        for h in hits:
            if h.key in cited:
                continue
            task = self.r.by_key[h.key].task
            out.append(Related(h.attachment, h.number, h.label,
                               task if len(task) <= 40 else task[:40] + "…", round(h.score, 4)))
            if len(out) >= self.compose_cfg.related:
                break
        return out

    def _snippet(self, rel: Related, cited: list[TaskRow]) -> str:
        """A related row's line: its task, cut to a readable length. A number there is
        backed by that row, whose label stands next to it; a department name must be the
        row's own (or a cited row's), else the row is shown by its section."""
        row = self.r.by_key[(rel.attachment, rel.number)]
        text = rel.task
        if len(text) < 6 or violations(text, [row, *cited], self.departments):
            return f"（{row.section}）"
        return text

    def _abstain(self, q: str, intent: str, hits: list[Hit], reason: str) -> Answer:
        related = self._related(hits, set())
        body = f"{NOT_COVERED_OPENING}{reason}"
        if related:
            # each row's task line (as in an answer's related list: no number, no department)
            body += "\n\n可以看看这些条目是否有帮助：\n" + "\n".join(
                f"- {citation(x.attachment, x.number)} {self._snippet(x, [])}" for x in related)
        return Answer(question=q, answer=body, abstained=True, intent=intent, related=related)


def _holds(a: str, b: str, min_chars: int = 12) -> bool:
    """The same sentence, or one holding the other whole (a clause of ≥ ``min_chars``)."""
    return a == b or (min(len(a), len(b)) >= min_chars and (a in b or b in a))


def _not_covered(answer_text: str) -> bool:
    return answer_text.lstrip().startswith(NOT_COVERED_OPENING)


def open_assistant(doc: Document | Sequence[Document] | None = None, doc_path: str | Path | None = None,
                   embedder: str | None = None, home: str | Path | None = None,
                   no_rebuild: bool = False, quiet: bool = False, **kw: Any) -> Assistant:
    """An assistant over one document or several loaded together (one index over all)."""
    from ingest.library import combine

    docs = [doc or load_document(doc_path)] if doc is None or isinstance(doc, Document) else list(doc)
    r = open_retriever(combine(docs), embedder, home, no_rebuild=no_rebuild, quiet=quiet)
    return Assistant(r, docs[0] if len(docs) == 1 else docs, **kw)
