"""Is the document about this question at all? Signals for abstaining, combined.

One threshold on the best similarity cannot separate in-scope from out-of-scope
questions here (the dense scores of both overlap: 0.84–0.93), so the decision
combines:

- ``coverage``: the IDF-weighted share of the question's content words that the
  best row contains (synonyms count);
- ``unknown``: content words the document never uses (no row token, no
  substring of the text, no synonym that it uses) — another programme or topic;
  counted once per phrase (挖出来, not 挖出 + 出来 + 挖出来);
- ``foreign_place``: a place other than 大宁 named in the question but absent from
  the best rows (data file ``qa/data/places.txt``);
- ``foreign_year``: a year other than the document's that the best rows never mention;
- ``dense`` and ``margin``: the dense leg's best row score and its lead over its 5th row;
- ``unknown_shift``: how much the unknown words carry the question — 1 − cosine
  between its embedding with and without them (a topic the document lacks, 红烧肉,
  moves it far; a plain-speech aside, 麻烦 or 别人, barely);
- ``amount_match``: for an amount question, how much of the question the best row's
  best sentence with a number states (set by the answer engine, which matches
  sentences; 1 for other questions) — "大宁县的人口有多少" finds rows with numbers,
  none about 人口;
- ``field_missing``: the intent asks for an amount the best row lacks, or the
  question asks how many (几个/多少家 …) and the best row has no number with that
  measure word.

The weights and the threshold live in ``qa/data/abstain.json``, fitted on the dev
split of the question set (``python -m qa.calibrate``) and reported on both splits.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources

from index.retriever import DEFAULT_CONFIG, Retriever
from index.schema import Hit
from index.tokenize import expansions, in_dictionary, stopwords, tokenize
from ingest.text import normalize

from .datafile import data_lines
from .intent import count_word, plain, states_count

_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_VERB_GE = re.compile(r"^.个$")  # 办个, 开个, 搞个: a verb and a measure word, not content
_CJK = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def places() -> tuple[str, ...]:
    return tuple(normalize(p) for p in data_lines("places.txt"))


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    return frozenset(normalize(w) for w in data_lines("question_words.txt"))


@lru_cache(maxsize=1)
def model() -> dict[str, float]:
    return json.loads(resources.files("qa").joinpath("data/abstain.json").read_text("utf-8"))


@dataclass(frozen=True)
class Signals:
    coverage: float
    unknown: int
    foreign_place: bool
    foreign_year: bool
    dense: float
    margin: float
    field_missing: bool
    unknown_words: tuple[str, ...] = ()
    amount_match: float = 1.0  # amount questions: how well the row's best number-bearing sentence matches
    unknown_shift: float = 0.0  # how far the question's meaning moves without its unknown words
    asides: tuple[str, ...] = ()  # unknown words that barely move it (not counted as unknown)

    def features(self) -> dict[str, float]:
        return {"coverage": self.coverage, "unknown": float(min(self.unknown, 3)),
                "foreign": float(self.foreign_place or self.foreign_year),
                "dense": self.dense, "margin": self.margin,
                "field_missing": float(self.field_missing), "amount_match": self.amount_match}

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class RelevanceModel:
    """Computes :class:`Signals` against one retriever's corpus."""

    def __init__(self, retriever: Retriever, doc_year: str = "", min_shift: float | None = None):
        self.r = retriever
        # unknown words that move the question's meaning less than this are asides
        self.min_shift = model().get("min_shift", 0.0) if min_shift is None else min_shift
        self.row_tokens: dict[tuple[str, int], set[str]] = {}
        for c, toks in zip(retriever.chunks, retriever.stored.tokens):
            self.row_tokens.setdefault(c.key, set()).update(toks)
        self.vocab = set().union(*self.row_tokens.values()) if self.row_tokens else set()
        self.blob = normalize("\n".join(r.fields_text() for r in retriever.rows))
        self.row_text = {r.key: normalize(r.fields_text()) for r in retriever.rows}
        self.doc_year = doc_year
        self._function_chars = {w for w in stopwords() | question_words() if len(w) == 1}

    def content_terms(self, question: str) -> list[str]:
        skip = stopwords() | question_words()
        return [t for t in dict.fromkeys(tokenize(plain(question)))
                if len(t) >= 2 and t not in skip and not _VERB_GE.match(t)]

    def unknown_terms(self, terms: list[str]) -> tuple[str, ...]:
        """Content words the document never uses, one per phrase: not a piece of a known
        longer word (地质 in 地质灾害), not made of known words (周转资金 = 周转 + 资金) nor
        mostly one (老城区), not a span jieba's dictionary lacks (点卖 in 自产自销点卖菜:
        colloquial speech cut in the wrong place, not a topic), and only the longest of
        overlapping ones (挖出来, not 挖出 + 出来)."""
        known = {t for t in terms if self._known(t)}
        unknown = [t for t in terms if t not in known and not _made_up(t)
                   and not any(t != u and t in u for u in known)
                   and not _composed(t, lambda w: w in known or w in self.vocab)
                   and not self._mostly_known(t)]
        return _maximal(unknown)

    def _mostly_known(self, term: str) -> bool:
        """A known word makes up two thirds of ``term`` (老城区 = 老城 + 区)."""
        n = len(term)
        return any(term[i:i + k] in self.vocab for k in range(max(2, -(-2 * n // 3)), n)
                   for i in range(n - k + 1))

    def _known(self, term: str) -> bool:
        if term in self.vocab or term in self.blob:
            return True
        # jieba compounds of a function word ("最多能", "要钱", "后能") are not content
        if any(ch in self._function_chars for ch in term) or any(w in term for w in question_words()):
            return True
        return any(normalize(s) in self.blob for s in expansions(term))

    def signals(self, question: str, hits: list[Hit], intent: str) -> Signals:
        hits = hits[:5]  # the signals are defined (and fitted) on the top 5 rows
        terms = self.content_terms(question)
        unknown = self.unknown_terms(terms)
        shift = self.unknown_shift(question, unknown)
        asides: tuple[str, ...] = ()
        if unknown and shift < self.min_shift:
            # the question means nearly the same without them (办手续太麻烦, 替别人查):
            # plain-speech asides, not a topic the document lacks
            terms = [t for t in terms if not any(t in w for w in unknown)]
            asides, unknown = unknown, ()
        if not hits:
            return Signals(0.0, len(unknown), False, False, 0.0, 0.0, True, unknown,
                           unknown_shift=round(shift, 4), asides=asides)
        top = hits[0]
        toks = self.row_tokens.get(top.key, set())
        text = self.row_text.get(top.key, "")
        total = covered = 0.0
        for t in terms:
            w = max(self.r.bm25.idf(t), 1.0)  # unknown words weigh like rare ones
            total += w
            if t in toks or t in text or any(normalize(s) in text for s in expansions(t)):
                covered += w
        coverage = covered / total if total else 0.0
        q = normalize(question)
        foreign_place = any(p in q and p not in text for p in places())
        # the row must speak of that year ("2021年"), not merely carry it in a file
        # number (大政办发〔2021〕25号) or an edition ("2021年版")
        foreign_year = any(y != self.doc_year and not re.search(rf"{y}\s*年(?!版)", text)
                           for y in _YEAR.findall(q))
        # the dense leg is consulted whatever retriever answered, so the signal is the same
        dense = [s for _, s in self.r.dense_leg(question, DEFAULT_CONFIG, 5).ranking]
        margin = dense[0] - dense[-1] if len(dense) >= 2 else 0.0
        field_missing = False
        if intent == "amount":
            field_missing = not re.search(r"\d", text)
        if (word := count_word(question)) is not None:
            # "几个乡镇" needs a number with that measure word ("5处", "2~3家", "五年")
            field_missing = field_missing or not states_count(text, word)
        return Signals(round(coverage, 4), len(unknown), foreign_place, foreign_year,
                       round(dense[0] if dense else 0.0, 4), round(margin, 4), field_missing, unknown,
                       unknown_shift=round(shift, 4), asides=asides)

    def unknown_shift(self, question: str, unknown: tuple[str, ...]) -> float:
        """1 − cosine between the question's embedding with and without its unknown
        words: a word that carries the question (红烧肉 in 怎么做红烧肉: 0.11) moves it far,
        a plain-speech aside (麻烦 in 办手续太麻烦，县里有啥办法: 0.006) barely. One more
        query embedding, only when there are unknown words."""
        if not unknown:
            return 0.0
        # the question as the search embedded it (cached), unless a word is only found
        # in its normalised form (ＧＤＰ → gdp)
        q = question if all(w in question for w in unknown) else normalize(question)
        rest = q
        for w in unknown:
            rest = rest.replace(w, "")
        if not rest.strip():
            return 1.0
        return max(0.0, 1.0 - float(self.r.query_vector(q) @ self.r.query_vector(rest)))


def _made_up(term: str) -> bool:
    """A Chinese token that is no dictionary word: jieba's guess at an unseen span."""
    return bool(_CJK.fullmatch(term)) and not in_dictionary(term)


def _composed(term: str, is_word: Callable[[str], bool]) -> bool:
    """``term`` splits into known words of two or more characters (周转资金 = 周转 + 资金)."""
    n = len(term)
    ok = [True] + [False] * n  # ok[i]: term[:i] splits
    for i in range(2, n + 1):
        ok[i] = any(ok[j] and is_word(term[j:i]) for j in range(i - 1))
    return n >= 4 and ok[n]


def _maximal(terms: Iterable[str]) -> tuple[str, ...]:
    """One entry per phrase: jieba's search mode yields 挖出来, 挖出 and 出来 (or
    地质灾害 and 地质) for one phrase; only the longest is kept."""
    ts = list(dict.fromkeys(terms))
    return tuple(t for t in ts if not any(t != u and t in u for u in ts))


def abstain_score(sig: Signals, params: dict[str, float] | None = None) -> float:
    """Probability-like score that the question is out of scope (logistic model)."""
    p = params or model()
    z = p["bias"] + sum(p["w_" + k] * v for k, v in sig.features().items())
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class Verdict:
    """Whether the answer says "not covered", and why: the model's score against its
    threshold, or a hard rule (another place or year); shown by
    ``ui.render.verdict_markdown``."""
    abstain: bool
    score: float
    threshold: float
    signals: Signals


def verdict(sig: Signals, params: dict[str, float] | None = None) -> Verdict:
    p = params or model()
    score = abstain_score(sig, p)
    hard = sig.foreign_place or sig.foreign_year
    return Verdict(hard or score >= p["threshold"], round(score, 4), p["threshold"], sig)


def should_abstain(sig: Signals, params: dict[str, float] | None = None) -> bool:
    return verdict(sig, params).abstain
