"""What the document knows: its vocabulary, and the three-outcome verdict on a question.

``RelevanceModel`` holds the document's words (every row token, the text of every
row) and judges a question read by :mod:`qa.question` against the rows the answer
would quote (:meth:`RelevanceModel.judge`, the outcomes in :mod:`qa.verdict`):

- a noun of the asking clause is **unknown** when the document never uses it: no row
  token, no substring of the text, no synonym of the query-time table or of the
  thesaurus (``qa.thesaurus``) that it uses, not made of known words (周转资金 =
  周转 + 资金) nor mostly one (老城区), not a span jieba's dictionary lacks (colloquial
  speech cut in the wrong place), counted once per phrase;
- an unknown word naming a **kind** of what the document writes of (自来水 of its 水, 门面房
  of its 房: :func:`qa.thesaurus.kind_of`) is on its topic: alone, it makes a question
  partial, never not covered;
- an unknown word naming the asker's **shop** (小店, 饭馆, 奶茶店: the thesaurus's shops and
  workshops, :func:`qa.thesaurus.names_an_establishment`) is where the question is asked
  from: a setting, not counted, where the best rows state 3/4 of the asking clause
  (``Thresholds.setting_coverage``); else, alone, it makes a question partial at worst;
- an unknown word **carries** the question when leaving it out moves the question's
  embedding (1 − cosine ≥ ``min_shift``): 红烧肉 in 怎么做红烧肉 does, 麻烦 in
  办手续太麻烦 does not;
- the **asked coverage** is the IDF-weighted share of the asking clause's content
  words that the best two rows state (every row states its columns: 目标, 时间进度 …).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from functools import cached_property
from itertools import pairwise
from typing import Any

from index.retriever import Retriever
from index.tokenize import cut, expansions, in_dictionary, synonym_groups, tokenize
from ingest.schema import TaskRow
from ingest.sentences import UNIT_LABELLED
from ingest.table import HEADER_WORDS, NOTE, NUMBER, TASK
from ingest.text import all_han, normalize, words_form

from .config import SHORT_FIELD
from .intent import (
    ASKS,
    COUNT_NOUN,
    FIGURE_WORDS,
    GRANT_WORDS,
    HOW_MUCH,
    JI,
    MEASURE_WORDS,
    Intent,
    asks,
    count_word,
    few_told,
    plain,
    states_count,
)
from .lexicon import function_words, is_adverb, is_speech
from .question import VERB_GE, Part, Query, states_a_condition
from .retrieved import Retrieved
from .schema import ANSWERED, NOT_COVERED, PARTIAL
from .spelling import typed_initials
from .tagging import tagged
from .thesaurus import (
    head_synonyms,
    in_money,
    kind_of,
    knows,
    money_sense_synonyms,
    names_a_certificate,
    names_a_place,
    names_a_price,
    names_a_thing,
    names_an_establishment,
    names_an_institution,
    pays_money,
    senses,
    states_a_fee,
    synonyms,
)
from .verdict import (
    THIS_DOCUMENT,
    Thresholds,
    asks_phone,
    detail_missing,
    foreign_places,
    foreign_years,
    in_scope_places,
    reason_text,
    scope_reason,
)
from .verdict import Verdict as V

# where a row's sentences (or its clauses of a list, ；) end
_SENTENCE_END = re.compile(r"[。；;\n]")
# 几 before a measure word counts things (收几个老人 asks no fee; 贴几个点 asks a rate)
# (几 before a unit of the calendar or the clock asks a time: 几月份报, 几号截止)
_COUNTED = rf"(?![{MEASURE_WORDS.replace('个', '')}月号日时周点]|个(?!百分点|点))"
# a figure asked per unit (每吨库容补多少, 每亩多少钱, 每人多少): a row gives it only per
# that unit (每亩40元, 每人不超过1000元, 元/吨, 人均); persons go by several words
# (measures of things, land and power: 亩, 吨, 千瓦, 只 …)
_MEASURED = "亩|吨|桩|台|辆|间|张|平方米|平米|千瓦|瓦|度|立方米|公里|床|只|头|株|棵"
# (每个人 is 每人: the 个 before a person or household counts that)
_PER = re.compile(rf"每一?(?:个(?=人|户|家))?(个(?!月|季度|工作日|小时|星期)|位|名|人|户|家|件|项|{_MEASURED})")
# …or by one unit opening the clause that asks (一只羊能补多少钱, 一亩地给多少) or right
# before the verb asking it (养牛一头能补贴多少钱): "one" of a measure of things, land or
# power — not of people or households (一个人, 一家店: who asks)
_ONE_OPENS = re.compile(rf"(?:^|[，,。？?！!；;\s])一({_MEASURED})|一({_MEASURED})(?=能|可以?|给|补|奖|发|按)")
# the figure asked is money given (奖多少, 补多少钱, 贴息多少): a row gives it when an amount
# follows the word that grants it (一次性奖励10万元, 补助标准每人不超过1000元) or is a sum
# per head (每人1000元); an amount before it is the condition (产值首次达到10亿元的…给予进档
# 奖励) and answers nothing
# — or named after the how-much (有多少工作补贴, 能拿多少奖励)
_ASKS_MONEY = re.compile(rf"(?:奖|补|贴|给)[^，,。？?\s]{{0,3}}?(?:{HOW_MUCH}|{JI}{_COUNTED})|{JI}[毛块]|"
                         rf"{HOW_MUCH}[^，,。？?\s给发]{{0,2}}?(?:奖励|补贴|补助|奖补|资助|奖金)")
_GRANTS = re.compile(r"(?:奖励|奖补|补贴|补助|贴息|资助|资金|给予|享受|最高|不超过|标准|"
                     rf"{_PER.pattern})[^。；;]{{0,30}}?"
                     rf"(?:\d+(?:\.\d+)?\s*(?:万元|元|%|％)|{UNIT_LABELLED})")
# a rate of interest as spoken (利息几厘, 几分利): stated only by a percentage of a 利率 or 利息
# — or how much the 利息 or 利率 is (利息几个点, 利率到底多少): a share of the loan, not a sum
_ASKS_INTEREST = re.compile(r"(?:几|多少)厘(?!米)|几分利|(?:利息|利率)[^，,。？?\s]{0,6}?(?:几|多少)")
# the asking clause wants a figure: 多少, 几, 比例, 标准 …
_ASKS_FIGURE = re.compile(rf"{HOW_MUCH}|(?<![好哪])几[成个家万千百项天年次]|{_ASKS_INTEREST.pattern}|百分之|{'|'.join(FIGURE_WORDS)}")
# money paid (交多少, 收多少钱, 罚多少): stated only by a sum of money
# how much, a few characters after the verb of paying (交多少, 收费几块)
_HOW_MUCH_AFTER = rf"[^，,。？?\s]{{0,3}}?(?:{HOW_MUCH}|{JI}{_COUNTED})"
_ASKS_FEE = re.compile(rf"(?:交|缴|收|花|付|罚|费){_HOW_MUCH_AFTER}|{HOW_MUCH}钱|{JI}[块毛]")
# a charge asked (收费多少, 每月交多少, 费用几块): stated by money only in a sentence that speaks
# of charging or paying or prices something per unit (每月收费800元, 服务费按…元收取, 每餐不高于
# 8元) — not by a sum of another kind in the row (投资金额：85万元, the project's budget)
_ASKS_CHARGE = re.compile(rf"(?:交|缴|收|付|费){_HOW_MUCH_AFTER}")
_CHARGE_WORD = re.compile(r"[费收缴交价付每]")
_MONEY = re.compile(rf"\d+(?:\.\d+)?\s*(?:万元|亿元|元)|{UNIT_LABELLED}")
# a verb's character and the money a question asks after it (交多少钱, 花几块钱)
_PAYING_ASKED = re.compile(r"(\w)(?:多少|几块|几|什么)([钱费])")
# …or by the row saying none is paid (不收费, 免费, 免收…费, 不收取工本费)
_NO_FEE = re.compile(r"免费|[不零]收费|(?:免收|不收取|无需缴纳|不再收取)[^，,。；;]{0,12}?费")
# a share asked (比例是多少, 费率, 几成): stated only by a percentage or a share
_ASKS_RATE = re.compile(rf"(?:比例|费率|利率|税率|幅度|百分之|几成|(?:几|多少)个?(?:百分)?点|{_ASKS_INTEREST.pattern})")
# the thing a share is asked of, right before the share's word (贴息的具体比例, 担保费率)
_RATE_OF = re.compile(r"([\u4e00-\u9fff]{2})(?:的)?(?:具体)?(?:比例|费率|利率|税率|幅度)")
# a grant named by what it is for, as a question asks its sum (进档奖励具体是多少, 职介补贴上限多少)
_GRANT_NAMED = re.compile(r"([\u4e00-\u9fff]{2}(?:奖励|补贴|补助|奖补|资助))[^，,。？?\s]{0,6}?(?:多少|金额)")
_RATE = re.compile(r"\d+(?:\.\d+)?\s*(?:[%％‰]|个?百分点)|百分之|[一二三四五六七八九十]成")
# an area asked by its noun (扶持多大面积, 占地面积是多少): stated by a number of an area's units
_ASKS_AREA = re.compile(r"(?:多少|多大)(?:的)?面积|面积(?:是|有)?(?:多少|多大)")
_AREA = re.compile(r"\d+(?:\.\d+)?\s*万?(?:亩|平方米|平米|㎡|公顷|平方公里)")


_PERSON = ("人", "位", "名")  # a figure per person is stated with any of them


def _states_per(unit: str, row_text: str) -> bool:
    units = _PERSON if unit in _PERSON else (unit,)
    return any(f"每{u}" in row_text or f"每一{u}" in row_text or f"/{u}" in row_text
               or f"{u}均" in row_text for u in units)


# a sum lent asked (能贷多少, 最多借多少)
_ASKS_LOAN = re.compile(rf"[贷借]{_HOW_MUCH_AFTER}")


def asks_money(clause: str) -> bool:
    """Whether the clause asks a sum of money: granted (奖多少, 补几块) or paid (交多少, 多少钱)."""
    return bool(_ASKS_MONEY.search(clause) or _ASKS_FEE.search(clause) or _ASKS_LOAN.search(clause))


def states_money(sentence: str) -> bool:
    """Whether the sentence gives a sum of money (10万元, 每人不超过1000元) or says none is
    paid (免费, 不收费): an answer to a sum asked."""
    return bool(_MONEY.search(sentence) or _NO_FEE.search(sentence))


def _free_of(clause: str, row_text: str) -> bool:
    """Whether the row says none is paid (免费, 不收费 …) for what the clause asks: a
    short field says it of its matter (a guide's 收费标准：不收费); in a longer row, a
    sentence saying it shares a two-character word of the clause (营业执照 of 要办营业执照
    不，办那个得花多少钱 in 免费为城区摊贩办理备案登记和营业执照)."""
    if len(row_text) <= SHORT_FIELD:
        return bool(_NO_FEE.search(row_text))
    skip = function_words()
    pairs = {p for i in range(len(clause) - 1) if all_han(p := clause[i:i + 2])
             and not _ASKS_FEE.search(p) and p not in skip}
    return any(_NO_FEE.search(s) and any(p in s for p in pairs) for s in _SENTENCE_END.split(row_text))


def figure_missing(clause: str, intent: str, row_text: str, weak_match: bool = False,
                   followed: bool = False, context: str = "") -> str:
    """The figure a clause asks that the row does not give: "count" for a how-many
    (几天, 多少家) without a number of that measure; "按每吨计的数额" for a figure asked
    per unit (每吨, 每亩, 一只羊能补多少) the row states per no such unit; "amount" for an amount or target
    question the row gives no number for, a sum of money asked (交多少, 补多少) where
    the row states none (or, for money granted, none after the word granting it), or a
    share asked (比例, 费率) where the row states no percentage — or, asked of a thing
    (贴息的比例), none in a sentence naming it; "2025年的数字" for a figure asked for a
    year the row gives figures only for others. ``weak_match``: the
    row's best number-bearing sentence is about something else; ``followed``: the clause is
    one part of several, and a later part asks (see :func:`qa.intent.count_word`);
    ``context``: the whole asking clause a part belongs to (办那个得花多少钱 names its thing
    in the part before it)."""
    if asks_phone(clause):
        return ""  # 电话多少, 号码是多少 ask a number to call, not a figure of the rule
    # (a 几 asking no figure — 能管几个点不, 毕业几年的大学生 …，房租能补不 — says "a few")
    clause = few_told(clause)
    word = count_word(clause, followed)
    if word is not None:
        return "" if states_count(row_text, word) else "count"
    if _ASKS_AREA.search(clause):
        return "" if _AREA.search(row_text) else "amount"
    asks_figure = _ASKS_MONEY.search(clause) or _ASKS_FEE.search(clause) or _ASKS_FIGURE.search(clause)
    if asks_figure:
        for m in _PER.finditer(clause):
            if not _states_per(m.group(1), row_text):
                return f"按{m.group(0)}计的数额"
        for m in _ONE_OPENS.finditer(clause):
            if not _states_per(unit := m.group(1) or m.group(2), row_text):
                return f"按每{unit}计的数额"
    # money asked is a figure however the question is put ("一件到底补几毛钱")
    if _ASKS_MONEY.search(clause) and not _GRANTS.search(row_text):
        return "amount"
    if (_ASKS_MONEY.search(clause) or _ASKS_FIGURE.search(clause)) and any(
            _grant_unstated(m.group(1), row_text) for m in _GRANT_NAMED.finditer(clause)):
        return "amount"  # 进档奖励多少: 分别给予进档奖励, and the row's 500万元 is another grant's
    if _ASKS_FEE.search(clause) and _free_of(f"{context}，{clause}", row_text):
        return ""  # a row saying none is paid for the thing asked states the fee asked
    if _ASKS_FEE.search(clause) and not _MONEY.search(row_text):
        return "amount"
    if _ASKS_FEE.search(clause) and not _ASKS_MONEY.search(clause) and (price := _price_named(clause)) \
            and not any(any(p in x for p in price) and states_money(x) for x in _SENTENCE_END.split(row_text)):
        return "amount"  # 租金一平米多少钱: the row's 总投资1.6188亿元 is no rent
    if _ASKS_CHARGE.search(clause) and not _ASKS_MONEY.search(clause) and not any(
            _MONEY.search(x) and _CHARGE_WORD.search(x) for x in _SENTENCE_END.split(row_text)):
        return "amount"
    if not _ASKS_FIGURE.search(clause) or intent not in ("amount", "goal"):
        return ""
    if not re.search(r"\d", row_text) or weak_match:
        return "amount"
    if _ASKS_RATE.search(clause) and not _RATE.search(row_text):
        return "amount"
    if _ASKS_INTEREST.search(clause) and not any(
            re.search(r"利率|利息", s) and _RATE.search(s) for s in _SENTENCE_END.split(row_text)):
        return "amount"  # 利息几厘: the row's 30% is a growth (余额增长幅度高于30%), not a rate of interest
    if (year := _year_unstated(clause, row_text)) is not None:
        return f"{year}年的数字"
    if (m := _RATE_OF.search(clause)) and m.group(1) in row_text and not any(
            m.group(1) in s and _RATE.search(s) for s in _SENTENCE_END.split(row_text)):
        return "amount"  # 贴息的比例: the row's 15% is of something else (招用人数达到在职职工15%)
    return ""


def _price_named(clause: str) -> tuple[str, ...]:
    """The price, rent or fee a clause asks the sum of (租金, 学费: see
    :func:`qa.thesaurus.names_a_price`), with its synonyms — () when it names none."""
    word = next((t.word for t in tagged(clause) if names_a_price(t.word)), "")
    return (word, *synonyms(word)) if word else ()


def _grant_unstated(grant: str, row_text: str) -> bool:
    """Whether the row names ``grant`` as the question writes it (进档奖励) with figures
    that are its thresholds, not its sum (产值首次达到5亿元、10亿元…的建筑业企业，分别给予
    进档奖励), and gives no sum in that sentence or the one after it (补助标准每人不超过
    1000元 after the sentence naming the 补贴). A grant named with no figure at all (按规定
    落实职介补贴) may have its sums in another field of the row."""
    sentences = _SENTENCE_END.split(row_text)
    named = [i for i, s in enumerate(sentences) if grant in s]
    return any(re.search(r"\d", sentences[i]) for i in named) and \
        not any(_GRANTS.search(t) for i in named for t in sentences[i:i + 2])


_YEAR = re.compile(r"(20\d{2})\s*年")
# a date, to take out of a sentence before asking whether it gives a figure
_DATE = re.compile(r"20\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?")
# a span of years (2022年至2025年, 2022—2025年)
_YEAR_SPAN = re.compile(r"(20\d{2})\s*年?\s*(?:至|到|—|－|-|~|～)\s*(20\d{2})\s*年")


def _year_unstated(clause: str, row_text: str) -> int | None:
    """The year a figure is asked for (2025年…目标是多少) when every sentence of the row
    giving a figure gives it for other years (2024年…48万只; 到2026年底…60万只): a row
    with a figure for no year named, or for that year or a span holding it, states it."""
    asked = {int(y) for y in _YEAR.findall(clause)}
    if len(asked) != 1 or not _ASKS_FIGURE.search(clause):
        return None
    (year,) = asked
    figured = [s for s in re.split(r"[。\n]", row_text) if re.search(r"\d", _DATE.sub("", s))]
    if not figured:
        return None
    for s in figured:
        years = {int(y) for y in _YEAR.findall(s)}
        spans = [(int(a), int(b)) for a, b in _YEAR_SPAN.findall(s)]
        if not years or year in years or any(a <= year <= b for a, b in spans):
            return None
    return year


# what a grant or licence is for stands right before it (育儿补贴, 考驾照的补贴, 烟草证) — a
# fee's subsidy by the fee (展位费补贴: 展位)
_KIND_OF = re.compile(rf"^的?(?:费?(?:{'|'.join(GRANT_WORDS)})|证|许可|验收)")
# whether a grant is given for the thing just named (考驾照有没有补贴, 考驾照县里能给补贴不:
# the giver, a few characters, may stand between)
_GRANT_FOR = re.compile(rf"^[\u4e00-\u9fff]{{0,3}}?(?:有没有|有无|有|能不能|能|可不可以|可以|给不给|给)(?:给|拿|领|享受)?(?:点|些)?(?:{'|'.join(GRANT_WORDS)})")


# a character held by at most this share of the rows is a rare one of the documents
RARE_CHAR_SHARE = 0.05


def _kind_named(asked: str, word: str) -> re.Match[str] | None:
    """The grant or licence ``word`` names the kind of, wherever the asking clause writes it
    (县里有没有免费的技能培训，学的话有培训补贴没: the second 培训 is of 培训补贴)."""
    return next((m for i in (k.end() for k in re.finditer(re.escape(word), asked))
                 if (m := _KIND_OF.search(asked[i:]))), None)


def _after_verb(q: Query, word: str, rest: str) -> str:
    """What follows ``word`` in the asking clause, past a verb saying what is done with it
    (农机购置补贴: the grant for buying 农机 is a 农机 grant, by its part of speech) — a
    verb of two characters or more: the one-character ones are light (卖货有奖励 asks
    whether there is a reward for it, not for a kind of 卖货)."""
    words = q.words
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        if w.text == word and nxt.pos in ("v", "vn") and len(nxt.text) >= 2 and rest.startswith(nxt.text) \
                and nxt.text not in GRANT_WORDS:  # (奖励 tagged a verb is the grant itself: 落户奖励)
            return rest[len(words[i + 1].text):]
    return rest


class RelevanceModel:
    """The vocabulary of one retriever's corpus, and the verdict on a question against it."""

    def __init__(self, retriever: Retriever, min_shift: float | None = None,
                 places: tuple[str, ...] = (), years: tuple[int, ...] = (),
                 homes: tuple[str, ...] = (), issue_years: tuple[int, ...] = (),
                 doc_years: dict[str, tuple[int, ...]] | None = None, titles: tuple[str, ...] = ()):
        self.r = retriever
        self.places = places   # the documents' own places and their parents
        # those places by every name they go by (大宁县, 大宁), derived once: sentence
        # choice and the listings read them
        self.place_names = frozenset(in_scope_places(places))
        self.years = years     # the documents' period
        self.homes = homes     # each loaded document's own place
        self.issue_years = issue_years or years[:1]
        # each loaded document's term (its issue year, the years its title or closing words
        # give it: 有效期3年) by its short name: a year is judged against the document the
        # best row comes from (2023 asked of a 2024 plan, with a 2023 list loaded)
        self.doc_years = doc_years or {}
        # the documents' titles and subjects (normalised): what every row of one is about
        self.titles = titles
        # unknown words that move the question's meaning less than this are asides
        self.min_shift = Thresholds().min_shift if min_shift is None else min_shift
        self.row_tokens: dict[tuple[str, int], set[str]] = {}
        for c, toks in zip(retriever.chunks, retriever.stored.tokens):
            self.row_tokens.setdefault(c.key, set()).update(toks)
        self.vocab = set().union(*self.row_tokens.values()) if self.row_tokens else set()
        self.blob = words_form("\n".join(r.fields_text() for r in retriever.rows))
        # the words the documents write, as the precise cut reads them: 全天候 is one word,
        # though the index's search-mode cut also takes 天候 out of it
        self.written = frozenset(cut(self.blob))
        # and those of the query-time synonym table (规上 for 规模以上): words a question
        # may write for the document's
        self._spelled = self.written | {normalize(t) for g in synonym_groups() for t in g}
        self.row_text = {r.key: words_form(r.fields_text()) for r in retriever.rows}
        # the characters few rows hold (租 in 2% of a task list's rows; 业 in 87%): a word's
        # head among them says what it is of as a whole word would
        n = max(len(self.row_text), 1)
        held = Counter(c for t in self.row_text.values() for c in set(t) if "\u4e00" <= c <= "\u9fff")
        self.rare_chars = frozenset(c for c, k in held.items() if k / n <= RARE_CHAR_SHARE)
        self._doc_words: dict[tuple[str, ...], tuple[set[str], str]] = {}
        # the words in which the documents state a fee or its absence (收费, 缴费, 免费): what
        # a question of paying (要交钱吗, 办这个花钱不) is asked of
        self.fee_words = tuple(sorted(w for w in self.written if states_a_fee(w)))
        # what every row states by its columns (年度目标, 时间进度, 牵头单位 …): a question
        # asking for the 目标 or the 时间 of a row is asked of a field the row has
        self.field_words = frozenset(t for field, words in HEADER_WORDS if field not in (NUMBER, NOTE, TASK)
                                     for w in words for t in tokenize(w) if len(t) >= 2)
        # by document, the words every row of it holds (a guide's matter, searched with each
        # of its fields: 户外广告设施设置审批): among its rows, they pick none
        self.matter = _every_row(retriever.rows, self.row_tokens, self.field_words)

    def content_terms(self, question: str) -> list[str]:
        return [t for t in dict.fromkeys(tokenize(plain(question)))
                if len(t) >= 2 and not is_speech(t) and not VERB_GE.match(t)]

    # -- the three-outcome decision (qa.verdict) -------------------------------
    def bridge(self, word: str) -> str:
        """The document's word for an everyday one: a thesaurus synonym the document
        uses (摊位 → 摊点), also for the head of a compound (小铺子 → 铺子 → 商店)."""
        # the word, or the head of a compound (小铺子 → 铺子): Chinese compounds end in
        # their head; a modifier (健康 in 健康证) says nothing of what the thing is. Cut
        # from its compound, a head of several senses has lost the one meant (工伤保险 →
        # 保险 = 保证, "sure"): a word or head bridges only with one sense (人才 is also
        # 材料, "material")
        if len(word) >= 3 and normalize(word[:-1]) in self.written and names_a_place(word[-1]):
            # the place where the document's matter is done (养殖场, 加油站, 洗车店: 养殖, 加油,
            # 洗车): the document's word for the matter states it
            return word[:-1]
        if len(word) >= 3 and not knows(word) and names_a_certificate(word[-1]) and normalize(word[:-1]) in self.blob \
                and not any(t.flag.startswith("a") for t in tagged(word[:-1])):
            # a certificate the thesaurus lacks, of a matter the document writes of (林权证,
            # 房产证: 林权, 房产 — in its text, as jieba may cut it: 以/林/权) — not one it files
            # as a thing of its own (身份证, 驾照), nor of a quality (健康证: the document's 健康 is
            # of development, not a permit)
            return word[:-1]
        if len(word) >= 3 and is_adverb(word[0]) and normalize(word[1:]) in self.written:
            # a manner said of the document's act (乱收费: 收费) qualifies it, naming no other
            return word[1:]
        if in_money(word):
            # an act done in money (罚钱: 罚, punishing; the money is what it is done in): the
            # document's word for the act (处罚, 不罚) states it — of a character of several
            # senses, the one of dealing in money (欠钱: 欠 as 拖欠, not 欠身)
            acts = (word[0], *synonyms(word[0])) if senses(word[0]) == 1 else money_sense_synonyms(word[0])
            for s in acts:
                if normalize(s) in self.written:
                    return s
        for start, piece in enumerate(word[j:] for j in range(max(1, len(word) - 1))):
            if start and normalize(piece) in self.written:
                # the head is the document's own word (企业 of 外资企业): what it lacks is the
                # modifier, which no synonym of the head supplies
                return ""
            if senses(piece) > 1:
                continue
            for s in synonyms(piece):
                if normalize(s) in self.written:  # a word the document writes, not a piece (天候 of 全天候)
                    return s
                if len(s) >= 4 and normalize(s[:-1]) in self.written and kind_of(s, s[-1]):
                    # a synonym naming goods by the matter the document writes of (假货 =
                    # 假冒伪劣品: the 假冒伪劣 the document's rows act against)
                    return s[:-1]
        # a kind of a thing (房租 of 租) that the document writes by a synonym of the thing
        # in that sense (租金): its word for the kind it speaks of
        return next((s for s in head_synonyms(word) if normalize(s) in self.written), "")

    def _sense_beside(self, word: str, others: tuple[str, ...]) -> str:
        """Of a word of several senses (牌子: a sign, a brand, a tune), the synonym the
        documents write in a row beside the documents' word for another everyday word of
        the question (商标 beside 假冒伪劣, 假货's): that row's matter tells the sense meant."""
        if senses(word) < 2 or not others:
            return ""
        written = [s for s in synonyms(word) if normalize(s) in self.written]
        return next((s for s in written for text in self.row_text.values()
                     if s in text and any(o in text for o in others if o != s)), "")

    def _names_grant(self, kind: str, grant: str, row_text: str) -> bool:
        """The row names the grant or licence of ``kind`` (房租 + 补贴): as written, or as the
        same grant word after a modifier holding the kind's head — its last character,
        compounds ending in their head — where that is a character few rows hold (房租补贴 is
        the row's 场地租赁补贴: 租; 就业补贴 is not 创业补贴: 业 is in most rows)."""
        if f"{kind}{grant}" in row_text:
            return True
        head = kind[-1]
        return head in self.rare_chars and re.search(
            rf"{re.escape(head)}[\u4e00-\u9fff]{{0,4}}{re.escape(grant)}", row_text) is not None

    def _kind_of_written(self, q: Query, word: str) -> bool:
        """``word`` stands right before a noun the documents write, of two characters or
        more (实用新型 of 实用新型专利, the documents writing 发明专利): it names a kind of that
        thing — of which, when a figure is asked, the documents must name that kind, the
        figure they give being another kind's. A word counting one or each of a thing (单张,
        单笔, 每户: the closed class of 单 and 每 before a measure word) names how many, no kind."""
        return not word.startswith(("单", "每")) and any(
            w.text == word and nxt.pos.startswith("n") and len(nxt.text) >= 2
                   and nxt.text in self.blob for w, nxt in pairwise(q.words))

    def names_a_kind(self, word: str) -> bool:
        """The word names a kind of a thing the document writes of by its one character
        (自来水 of 水 in 水、电、气报装; see :func:`qa.thesaurus.kind_of`) — or, a compound
        the thesaurus does not know, a kind of its head (Chinese compounds end in their
        head) where the documents write compounds with that head of their own
        (摊位费 beside 展位费, 保费: a fee), its modifier a word of the dictionary."""
        if len(word) >= 2 and normalize(word[-1]) in self.written and kind_of(word, word[-1]):
            return True
        return len(word) >= 3 and not knows(word) and in_dictionary(word[:-1]) \
            and word[-1] in self._heads

    @cached_property
    def _heads(self) -> frozenset[str]:
        """The characters the documents' own compounds of three characters or more end in."""
        return frozenset(w[-1] for w in self.written if len(w) >= 3 and all_han(w))

    def absent_nouns(self, nouns: tuple[str, ...], docs: Collection[str] = ()) -> tuple[str, ...]:
        """Nouns no row uses: not in the text of any row, not a token of the index, no
        synonym of the query-time table in the text, and a word of jieba's dictionary
        (a span it lacks is colloquial speech cut in the wrong place, not a topic).
        Counted once per phrase. ``docs``: the loaded documents the question names by
        their place (凤岭区对企业上市有什么奖励): their rows only — another document's
        上市 says nothing of 凤岭区's."""
        vocab, blob = self._words_of(tuple(docs)) if docs else (self.vocab, self.blob)
        out = [t for t in nouns if t not in vocab and t not in blob and not _made_up(t)
               and not COUNT_NOUN.fullmatch(t)  # 套数 asks a count: the figure, not a topic
               and t not in self.field_words and not is_speech(t) and not self.composed(t) and not _shorthand(t)
               and not (_doubled(t) and t[0] in blob)
               and not any(normalize(s) in blob for s in expansions(t))]
        return _maximal(out)

    def miscut(self, word: str, text: str) -> bool:
        """Whether ``word`` is the tagger's cut across a word the document writes (升成规上
        cut 升/成规/上: 规上 is the document's): its end with what follows it, or its start
        with what comes before it, makes a word of the document — the question wrote that —
        and what is left of it is no word the document lacks (购买农机具有什么补贴 read as
        农机/具有 still names 农机, which the document never writes)."""
        i = text.find(word)
        if i < 0:
            return False
        j = i + len(word)

        def rest_told(rest: str) -> bool:
            return len(rest) < 2 or rest in self._spelled
        for k in range(1, len(word)):
            for m in (1, 2):
                after, before = word[-k:] + text[j:j + m], text[max(0, i - m):i] + word[:k]
                if (len(after) == k + m and after in self._spelled and rest_told(word[:-k])) or \
                        (len(before) == k + m and before in self._spelled and rest_told(word[k:])):
                    return True
        return False

    def _words_of(self, docs: tuple[str, ...]) -> tuple[set[str], str]:
        """The index tokens and the matching text of the rows of ``docs`` (memoised)."""
        if docs not in self._doc_words:
            keys = [r.key for r in self.r.rows if r.doc in docs]
            self._doc_words[docs] = (set().union(*(self.row_tokens.get(k, set()) for k in keys)),
                                     "\n".join(self.row_text[k] for k in keys))
        return self._doc_words[docs]

    def composed(self, word: str) -> bool:
        """Made wholly of the document's words, two characters or more each (统一标准 =
        统一 + 标准): a compound of the document's terms is on its topics; one with a part
        it never uses (工伤保险: 工伤) is not."""
        n = len(word)

        def split(i: int) -> bool:
            return i == n or any(word[i:j] in self.vocab and split(j) for j in range(i + 2, n + 1)
                                 if (i, j) != (0, n))
        return n >= 4 and split(0)

    def paid(self, q: Query) -> tuple[str, ...]:
        """The document's fee words when the question asks about paying in a word the
        documents do not write (交钱, 花钱; 收费 is theirs): the words to look for."""
        said = [w.text for w in q.words if pays_money(w.text)]
        if not q.asked_topics:
            # how much one pays, for nothing named (办这个要交多少钱): the matter's fee — but
            # 社保交多少钱 names what is paid, a sum no row waiving a fee states
            said += [m.group(1) + m.group(2) for m in _PAYING_ASKED.finditer(q.plain)
                     if pays_money(m.group(1) + m.group(2))]
        return self.fee_words if any(w not in self.written for w in said) else ()

    def _year_text(self, q: Query, key: tuple[str, int]) -> str:
        """The row's text a year asked is judged by: of several measures, those stating a
        word of the asking clause in their text, deadline or goal (高粱种植补贴每亩40元 …
        持续推进), not another measure's deadline (制定若干措施 … 2023年底) — a later year is
        in scope where the row speaks of it for what is asked."""
        row, text = self.r.by_key.get(key), self.row_text.get(key, "")
        if row is None or len(row.measures) < 2:
            return text
        # (the year itself, or any number, is no word of what is asked)
        terms = [t for t in self._asked_terms(q) if not re.search(r"\d", t)]
        said = tuple(m for m in row.measures
                     if any(t in words_form(f"{m.text}\n{m.deadline}\n{m.goal}") for t in terms))
        return words_form(replace(row, measures=said).fields_text()) if said else text

    def _asked_terms(self, q: Query, asides: tuple[str, ...] = ()) -> list[str]:
        """The content words of the asking clause, but the asides and the documents' own
        place (大宁: every row's, it says nothing of what is stated)."""
        return [t for t in self.content_terms(q.asked) if not any(t in a for a in asides)
                and not any(t in p for p in self.place_names)]

    def _stated(self, terms: Sequence[str], toks: set[str], text: str, unsaid: frozenset[str] = frozenset()) -> float:
        """The share of ``terms`` (weighted by rarity) the rows of ``toks`` and ``text``
        state, those of ``unsaid`` never counted as stated; 0 for none."""
        total = sum(max(self.r.bm25.idf(t), 1.0) for t in terms)
        return sum(max(self.r.bm25.idf(t), 1.0) for t in terms
                   if t not in unsaid and self._states(t, toks, text)) / total if total else 0.0

    def _figure_named(self, part: Part, row_text: str, th: Thresholds) -> bool:
        """Whether a sentence of the row giving a figure states what the part's sentence
        names (对首次通过高新技术企业认定的企业，一次性奖励10万元 for 第一次通过高新技术企业认定，
        县里给奖励多少) — a sentence naming nothing of its own (退还比例是多少, after the
        question it refers to) is met by no row alone."""
        terms = [t for t in self.content_terms(part.sentence or part.text) if t not in self.field_words]
        # a grant or a share the part names (场地租赁补贴多少钱, 贴息比例) is met by a sentence
        # naming it — a word named so, not the words before 奖励 (县里给奖励多少: 里给)
        named = [w for m in (*_GRANT_NAMED.finditer(part.text), *_RATE_OF.finditer(part.text))
                 if not ASKS.search(w := m.group(1)) and in_dictionary(w[:2])]
        return bool(terms) and any(
            re.search(r"\d", s) and all(w in s for w in named) and self._stated(terms, set(), s) >= th.absent_coverage
            for s in _SENTENCE_END.split(row_text))

    def _states(self, term: str, toks: set[str], text: str) -> bool:
        """Whether rows of ``toks`` and ``text`` state ``term``: as written, by a synonym,
        by the document's word for it, or — a word of paying (交钱) — by a fee word; a
        thing named by its character doubled (摊摊, 点点: the diminutive of northern
        speech) by that character."""
        return (term in self.field_words or term in toks or term in text
                or (_doubled(term) and term[0] in text)
                or any(normalize(s) in text for s in expansions(term))
                or bool((b := self.bridge(term)) and normalize(b) in text)
                or (pays_money(term) and any(w in text for w in self.fee_words)))

    def judge(self, q: Query, found: Retrieved, th: Thresholds | None = None,
              docs: Collection[str] = (), subject: str = THIS_DOCUMENT) -> V:
        """The three-outcome verdict (see :mod:`qa.verdict`) on the rows the answer
        would quote; ``docs``: the loaded documents the question names by their place,
        whose rows alone say whether a topic is there; ``subject``: what the reason calls
        the documents (本文件; with several loaded, their names)."""
        th = th or Thresholds()
        hits, amount_match = found.hits, found.amount_match
        if not hits:
            return V(NOT_COVERED, f"{subject}没有相关内容。", asked=q.asked, asked_coverage=0.0)
        top = hits[0]
        top_text = self.row_text.get(top.key, "")
        fp = foreign_places(q, self.places, top_text, self.blob)
        top_doc = self.r.by_key[top.key].doc if top.key in self.r.by_key else ""
        fy = foreign_years(q, self.doc_years.get(top_doc, self.issue_years),
                           self._year_text(q, top.key) if q.years or q.relative_years else top_text)
        # shown in the debug tab only: the top row's dense score, as the search gave it
        dense = round(top.scores.get("dense") or 0.0, 4)
        if fp or fy:
            return V(NOT_COVERED, scope_reason(fp, self.places, self.homes, subject), fp, fy,
                     asked=q.asked, dense=dense)
        # nouns the document never uses: those of the asking clause decide, the story's do not
        all_unknown = tuple(w for w in self.absent_nouns(q.topics, docs) if not self.miscut(w, q.plain))
        bridged = tuple((w, b) for w in all_unknown if (b := self.bridge(w)))
        bridged += tuple((w, b) for w in all_unknown if w not in dict(bridged)
                         and (b := self._sense_beside(w, tuple(dict(bridged).values()))))
        # a fee the document never names, asked whether or how much one pays it (要交摊位费不,
        # 摊位费收多少), is stated by the best row saying none is paid for the thing asked
        # (便民市场…免费对本地果农、菜农开放); how a fee is reckoned (加班费怎么算) is not
        waived = tuple(w for w in all_unknown if w.endswith("费") and w in q.asked
                       and (re.search(rf"[交缴收花付掏][^，,。？?\s]{{0,3}}{re.escape(w)}", q.asked) or _ASKS_FEE.search(q.asked)
                            or re.search(rf"{re.escape(w)}[^，,。？?\s]{{0,3}}[谁免]", q.asked))  # 邮费谁出, 过路费能免不
                       and _free_of(q.plain, top_text))
        unknown = tuple(w for w in all_unknown if w not in dict(bridged) and w not in waived)
        asked_unknown = tuple(w for w in unknown if w in q.asked)
        story = tuple(w for w in unknown if w not in q.asked)
        granted: tuple[str, ...] = ()
        if story and not asked_unknown and q.asked_topics and all(t in GRANT_WORDS for t in q.asked_topics) \
                and not states_a_condition(q.asked):
            # an asking clause naming nothing but the grant (区里每瓦补贴多少钱) asks of the
            # story's matter (厂房屋顶装光伏发电): its unknown words are the asked ones — what
            # the grant would be for, never speech around it (沪深主板首发上市，给多少奖励) —
            # a matter, not the asker's works or an office of the story (俺那塑料厂…统计局要把我们
            # 算进规模以上企业，县里给奖励不: a kind of 厂, an institution) — and not where a condition
            # says what it would be for (…做光学镜片的。要是整个厂迁到大宁，县里给啥奖励: moving)
            granted = tuple(w for w in story if not names_an_institution(w)
                            and not _establishment(q.plain, w) and not self.names_a_kind(w))
            asked_unknown, story = granted, tuple(w for w in story if w not in granted)
        # the words a phrase folded in go too (算不算工伤 … 工伤保险补贴: 工伤 with 工伤保险)
        parts = tuple(t for t in q.topics if any(t != w and t in w for w in asked_unknown))
        shift = self.unknown_shift(q.text, asked_unknown + parts) if asked_unknown else 0.0
        # how much of the asking clause the best rows state (two rows: a two-part question)
        keys = [h.key for h in hits[:2]]
        # the notice's contact, which the answer quotes for a number to call (电话多少)
        keys += [found.contact] if found.contact is not None and found.contact not in keys else []
        toks = set().union(*(self.row_tokens.get(k, set()) for k in keys))
        text = "\n".join(self.row_text.get(k, "") for k in keys)
        # the story can name what the question is about (金殿广场那块要整成夜经济的地方 …
        # 啥时候能弄好): how much of it the best rows state
        # (the asker's own shop or workshop, 我是个小加工厂, is where they stand in the story as
        # in the asking clause: no word of the topic)
        story_cov = self._stated([t for t in self.content_terms(q.plain) if t not in q.asked
                                  and not _establishment(q.plain, t)], toks, text)
        asides: tuple[str, ...] = ()
        # speech around a question can be an aside; a keyword lookup has none: every word
        # of "跨境电商 补贴标准" was typed to be found
        if asked_unknown and shift < th.min_shift and not q.lookup:
            # but not a word naming the kind of grant or licence asked (育儿补贴, 考驾照的
            # 补贴, 烟草证): the document must name that kind
            # — nor a fee the asking clause names (过路费能免不, 手续费能不能减免): what is paid is
            # what is asked, stated only by a row saying it is not paid (waived, above)
            kinds = tuple(w for w in asked_unknown if _KIND_OF.search(_after_verb(q, w, q.asked.split(w, 1)[-1]))
                          or (q.intent == Intent.AMOUNT and self._kind_of_written(q, w)) or w in granted
                          or w.endswith("费") or _counted_per(q, w)
                          # a thing the grant is asked for (考驾照有没有补贴: 驾照, an object;
                          # not an act, 卖货有奖励, which asks whether selling is rewarded)
                          or (names_a_thing(w) and any(_GRANT_FOR.search(_after_verb(q, w, rest))
                                                     for rest in q.asked.split(w)[1:])))
            # nor, of the documents the question names, a word another loaded document uses
            # (寿光对创业担保贷款有什么支持, 大宁's list loaded beside): a topic, not speech
            topics = tuple(w for w in asked_unknown if docs and (w in self.vocab or w in self.blob))
            asides = tuple(w for w in asked_unknown if w not in kinds and w not in topics)
            # an aside is speech around a question the rows speak to: where they state
            # neither the rest of the asking clause nor the story, the unknown word is what
            # is asked (推荐几部好看的电影: 电影), however little it moves the embedding
            # — nor is a row stating only the verb acting on the word (推荐 of 推荐…民营企业家):
            # it speaks of another matter
            rest = self._asked_terms(q, asides)
            acting = _acts_on(q, asides)
            # (a kind of what the document writes of, 小事 of its 事, or the asker's own shop is
            # no evidence of absence: it stays an aside)
            if asides and self._stated(rest, toks, text, unsaid=acting) < th.absent_coverage \
                    and story_cov < th.absent_coverage:
                asides = tuple(w for w in asides if self.names_a_kind(w) or _establishment(q.plain, w))
            asked_unknown = tuple(w for w in asked_unknown if w not in asides)
        terms = self._asked_terms(q, asides)
        total = covered = acted = 0.0
        unstated = []
        # a verb the rows share states what is asked only beside a matter they state: of a
        # word they never use (推荐几部好看的电影: 电影), rows sharing 推荐 alone speak of another
        acting = _acts_on(q, asked_unknown)
        for t in terms:
            w = max(self.r.bm25.idf(t), 1.0)
            total += w
            if self._states(t, toks, text):
                if t in acting:
                    acted += w
                else:
                    covered += w
            elif (t in q.topics or any(t in u for u in asked_unknown)) and not _shorthand(t):
                unstated.append(t)
        covered += acted if covered else 0.0
        cov = round(covered / total, 4) if total else 1.0
        contact_text = self.row_text.get(found.contact, "") if found.contact is not None else ""
        missing = detail_missing(q, text, top_text, f"{top_text}\n{contact_text}")
        # a how-many question is answered by a count with its measure word (两家, 18家),
        # the count the asking clause asks (…县里打算扶持多少家), not one the story tells
        # each part of a several-part question is asked too ("比例是多少？由哪个部门核定？"
        # asks a figure though the question's intent is the department)
        several = q.parts if len(q.parts) > 1 else ()
        whole = ""  # the figure the asking clauses, read as one, leave out
        if not missing:
            missing = whole = figure_missing(q.asked, q.intent, top_text, amount_match < th.amount_match)
        # a count the top row leaves out may stand in the next row, which the answer then
        # cites (简易注销 in one attachment, its 公示 days in the other) — a count of its own
        # measure (多少天): 个, the general one, is met by any count of anything
        next_text = self.row_text.get(keys[1], "") if len(keys) > 1 else ""

        def in_next_row(clause: str, intent: str, followed: bool = False) -> bool:
            return bool(next_text) and count_word(clause, followed) not in (None, "个") \
                and not figure_missing(clause, intent, next_text, followed=followed)
        if missing == "count" and in_next_row(q.asked, q.intent):
            missing = ""
        # questions asked one per sentence (首次认定县里奖多少？研发费用加计扣除按多少比例？),
        # each answered by one of the best rows — the top row's figure, or the next row's where
        # that row states what the part names (高新技术企业) — leave no figure out: read as
        # one clause, the first one's 奖多少 asked money of the row answering the second
        # (read only where the clauses as one leave a figure out: it costs a sentence scan per part)
        each_met = bool(whole) and bool(several) and len({p.sentence for p in several}) == len(several)
        for i, part in enumerate(several):
            followed = any(asks(p.text) for p in several[i + 1:])
            part_missing = figure_missing(part.text, part.intent, top_text, followed=followed, context=q.asked)
            if part_missing == "count" and in_next_row(part.text, part.intent, followed):
                part_missing = ""
            elif part_missing and next_text and not figure_missing(part.text, part.intent, next_text,
                                                                   followed=followed, context=q.asked):
                # each part may be answered by another of the best rows, which the answer
                # cites for it (补助上限是投资额的多少比例 in one, 哪个部门组织申报 in the other)
                each_met = each_met and self._figure_named(part, next_text, th)
                part_missing = ""
            else:
                each_met = each_met and not part_missing and self._figure_named(part, top_text, th)
            missing = missing or part_missing
        if whole and missing == whole and each_met:
            missing = ""
        # the asker's shop or workshop (小店接低压电报装要几天, 饭馆 …) is where the question is
        # asked from: when the rows state the rest of what the clause asks, it is a setting,
        # not a topic the document leaves out
        settings: tuple[str, ...] = ()
        if asked_unknown and not q.lookup and cov >= th.setting_coverage \
                and all(_establishment(q.plain, w) for w in asked_unknown):
            settings = asked_unknown
            unstated = [t for t in unstated if not any(t in w for w in asked_unknown)]
            asked_unknown = ()
        # unknown words that are no evidence of absence: a kind of what the document writes of,
        # or the asker's own shop — the answer is partial at worst
        kinds = tuple(w for w in asked_unknown if self.names_a_kind(w) or _establishment(q.plain, w)
                      or _owned(q.plain, w))
        common: dict[str, Any] = {"story": story, "asides": asides, "settings": settings, "kinds": kinds,
                                  "bridged": bridged, "asked": q.asked,
                                  "asked_coverage": cov, "shift": round(shift, 4), "dense": dense}
        # when the best rows state the story, the question is on their topic and an
        # unknown word of the asking clause (摆烧烤) leaves it partial, not uncovered
        common["story_coverage"] = round(story_cov, 4)
        if asked_unknown and cov < th.absent_coverage and story_cov < th.story_coverage \
                and not set(asked_unknown) <= set(kinds):
            # (a kind of what the document writes of — 自来水 of its 水, 门面房 of its 房 — is
            # on its topic though never named: the nearest rule, said as such, is partial; so
            # is the asker's own shop, 开奶茶店要办啥证: what a business needs is the document's)
            shown = "、".join(f"“{w}”" for w in asked_unknown[:3] if not re.search(r"\d", w))
            return V(NOT_COVERED, f"{subject}没有提到{shown}。" if shown else f"{subject}没有相关内容。",
                     absent=asked_unknown, unstated=tuple(unstated), **common)
        # the kind of grant or licence asked (培训补贴, 技术改造的奖励) is what the figure
        # is of: rows that never name that kind give another grant's figure. Who grants
        # (政府贴息, 贵县奖励: an institution or a place) is no kind
        givers = {w.text for w in q.words if w.pos in ("ns", "nt")}
        if not missing:
            # (a grant of the document's own title, 科技创新奖励 of a 科技创新奖励实施细则, is every
            # row's matter)
            # (nor one a row the answer may quote writes as asked, 设立许可 of 取消养老机构设立
            # 许可制度 below two rows on 环评: the document says it)
            named = ((t, m.group(0).removeprefix('的')) for t in unstated
                     if t not in givers and not names_an_institution(t)
                     and not any(t in title for title in self.titles)
                     and not self.miscut(t, q.plain)  # 快递给补贴 cut 快/递给/补贴
                     # a verb of giving (还给, 发给: jieba joins 给 to the word before it) says the
                     # grant is given, naming no kind of it
                     and not (t.endswith("给") and any(w.text == t and w.pos.startswith("v") for w in q.words))
                     and (m := _kind_named(q.asked, t)))
            missing = next((f"关于{t}{g}的规定" for t, g in named
                            if not any(self._names_grant(t, g, self.row_text.get(h.key, "")) for h in found.quotable)), "")
        # partial needs something nameable that the rows do not state
        if asked_unknown or missing:
            return V(PARTIAL, reason_text(missing, asked_unknown, tuple(unstated), subject),
                     absent=asked_unknown, unstated=tuple(unstated), missing=missing, **common)
        return V(ANSWERED, "", unstated=tuple(unstated), **common)

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


def _acts_on(q: Query, words: Sequence[str]) -> frozenset[str]:
    """The verbs of the asking clause before one of ``words`` — what they act on (推荐 of
    推荐几部好看的电影); a verb after them says what is done with it (这个文件由哪个部门负责解释)."""
    at = [q.asked.find(w) for w in words if w in q.asked]
    return frozenset(w.text for w in q.words if w.pos == "v" and 0 <= q.asked.find(w.text) < max(at, default=-1))


_EVERY_ROW_MIN = 5  # rows a document needs for a word in all of them to say nothing of one


def _counted_per(q: Query, word: str) -> bool:
    """``word`` is what a figure is asked per (一只母羊补多少钱, 每辆车奖多少): counted by one
    of it or each of it (a number and measure word the tagger reads as one, 一只, 每头) in
    a clause asking a figure — the document must name that thing, never an aside."""
    if not re.search(HOW_MUCH, q.asked):
        return False
    ws = q.words
    return in_dictionary(word) and any(w.text == word and i > 0 and ws[i - 1].pos == "m"
                                       and _PER_UNIT.match(ws[i - 1].text) for i, w in enumerate(ws))


# one of a thing, or each of it, as the tagger reads a number and its measure word (一只, 每头)
# — but 个, the general measure, which counts anything (一个人能补多少: who, not what)
_PER_UNIT = re.compile(r"^[一每][^个\d]$")


# the asker's own (我家小米, 俺们家的苹果, 自家的牛): what they tell of, not what they ask
_OWNER = re.compile(r"(?:我|俺|咱|我们|俺们|咱们|自)家的?$")


def _owned(text: str, word: str) -> bool:
    """``word`` names the asker's own thing (有人拿我家小米的牌子做假货): like their shop, the
    setting of the question, no evidence that its topic is absent."""
    return any(_OWNER.search(text[:m.start()]) for m in re.finditer(re.escape(word), text))


def _establishment(text: str, word: str) -> bool:
    """``word`` names a shop or workshop, alone or with the character after it in ``text``
    (奶茶 of 奶茶店, which jieba cuts 奶茶 / 店要): see :func:`qa.thesaurus.names_an_establishment`."""
    if names_an_establishment(word):
        return True
    at = text.find(word)
    nxt = text[at + len(word):at + len(word) + 1] if at >= 0 else ""
    return bool(nxt) and "\u4e00" <= nxt <= "\u9fff" and names_an_establishment(word + nxt)


def _every_row(rows: Sequence[TaskRow], tokens: dict[tuple[str, int], set[str]],
               fields: frozenset[str]) -> dict[str, frozenset[str]]:
    """By document, the words all its rows hold, but the column labels every row is
    searched with (牵头单位)."""
    by_doc: dict[str, list[set[str]]] = {}
    for r in rows:
        by_doc.setdefault(r.doc, []).append(tokens.get(r.key, set()))
    return {d: frozenset(set.intersection(*ts) - fields) for d, ts in by_doc.items() if len(ts) >= _EVERY_ROW_MIN}


def _doubled(term: str) -> bool:
    """One Chinese character written twice (摊摊, 点点, 台台): in northern speech, the
    small one of the thing that character names."""
    return len(term) == 2 and term[0] == term[1] and all_han(term)


def _made_up(term: str) -> bool:
    """A Chinese token that is no dictionary word: jieba's guess at an unseen span."""
    return all_han(term) and not in_dictionary(term)


def _shorthand(term: str) -> bool:
    """A run of small Latin letters the documents do not write (sb, bz): a word typed by
    its pinyin initials that could not be read as one of theirs (qa.spelling) — what it
    stands for is unknown, so it is no evidence that a topic is absent. An acronym in
    capitals (KTV, GDP) is a name."""
    return typed_initials(term)


def _maximal(terms: Iterable[str]) -> tuple[str, ...]:
    """One entry per phrase: jieba's search mode yields 挖出来, 挖出 and 出来 (or
    地质灾害 and 地质) for one phrase; only the longest is kept."""
    ts = list(dict.fromkeys(terms))
    return tuple(t for t in ts if not any(t != u and t in u for u in ts))
