"""The sentences an answer quotes from one row, chosen by what the question asks.

One strategy per intent (:data:`STRATEGIES`): a deadline question gets the rule and
its 时间进度, a department question the row's task, an amount question a sentence
with the amount, a "how is it done" question the 落实措施 too; all but the first
two then add the row's further sentences that match nearly as well or state a part
of the question left out, within a length budget.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import takewhile

from ingest.schema import RESPONSIBLE_WORD, TaskRow
from ingest.sentences import GOAL, MEASURE, TASK, Sentence
from ingest.text import normalize

from .config import SHORT_FIELD
from .intent import DURATION_WORDS, Intent, states_count
from .match import ANSWER_KINDS, STATES_TIME, Concepts, Matcher, Ranked, table_of
from .restated import matching_form
from .verdict import NAMES_BODY


@dataclass
class Quote:
    """A sentence the answer quotes, the rows stating it (``keys``, filled in as rows
    are cited), and a label before it for a column quoted bare ("时间进度：")."""

    text: str
    keys: list[tuple[str, int]] = field(default_factory=list)
    prefix: str = ""


@dataclass(frozen=True)
class RowMatch:
    """What a strategy reads: the row, its sentences ranked for the question, and the
    question's concepts (``matcher`` for the row's sentence tables and the settings)."""

    row: TaskRow
    ranked: Ranked
    terms: Concepts
    matcher: Matcher


def row_quotes(matcher: Matcher, row: TaskRow, ranked: Ranked, intent: Intent,
               terms: Concepts) -> list[Quote]:
    """The quotes ``row`` gives a question of ``intent`` (``ranked``: its sentences
    ranked for that question)."""
    if not ranked:
        return []
    if intent != Intent.DEPARTMENT and (whole := short_field(matcher, row, ranked)):
        return whole
    strategy = STRATEGIES.get(intent, _best_and_more)
    quotes = strategy(RowMatch(row, ranked, terms, matcher))
    said = [q_ for q_ in quotes if not q_.prefix]
    if said and all(is_title(q_.text) or opens_list(q_.text) for q_ in said):
        at = quotes.index(said[-1]) + 1
        listed = _list_after(matcher, ranked, said[-1].text)
        if listed:
            # a sentence opening a list (应当同时具备下列条件：, 给予一次性奖励：) is stated by
            # the list: its points after it, in order, the best first when not all fit
            have = {normalize(q_.text) for q_ in quotes}
            room = matcher.cfg.row_chars - sum(len(q_.text) for q_ in quotes)
            rank = {s: i for i, (_, s) in enumerate(ranked)}
            chosen: set[Sentence] = set()
            for s in sorted(listed, key=lambda x: rank.get(x, len(rank))):
                if len(s.text) <= room and normalize(s.text) not in have:
                    chosen.add(s)
                    room -= len(s.text)
            quotes[at:at] = [Quote(s.text) for s in listed if s in chosen]
        else:
            # an article's heading alone (技改贷款贴息。) names the rule without stating it:
            # the row's best sentence that says more comes after it
            more = next((s for _, s in ranked if not is_title(s.text) and not opens_list(s.text)), None)
            if more is not None:
                quotes.insert(at, Quote(more.text))
    return _answered_after(matcher, row, quotes)


def _answered_after(matcher: Matcher, row: TaskRow, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` with the sentence after an item's question (…房租可以减免吗？可以。) right
    after it, when a quote is that question and the next sentence is not quoted: the
    answer's first sentence states its rule (…减免3个月租金), which shares fewer of the
    asker's words than the question that restates them."""
    ss = [s for s in matcher.sentences[row.key] if s.field == TASK]
    if len(ss) < 2 or not re.search(r"[？?]", ss[0].text) or opens_list(ss[0].text):
        return quotes  # (a question opening a list is quoted with its points)
    at = next((i for i, q_ in enumerate(quotes) if not q_.prefix and q_.text == ss[0].text), None)
    have = {normalize(q_.text) for q_ in quotes}
    after = ss[1].text
    if at is None or normalize(after) in have or \
            sum(len(q_.text) for q_ in quotes) + len(after) > matcher.cfg.row_chars:
        return quotes
    return [*quotes[:at + 1], Quote(after), *quotes[at + 1:]]


def short_field(matcher: Matcher, row: TaskRow, ranked: Ranked = ()) -> list[Quote]:
    """The row's sentences, each a quote, when it is a guide's short field (a few words,
    no measures: :data:`qa.config.SHORT_FIELD`); else []. With ``ranked``, the one that
    states what is asked first (咨询方式。 / …联系电话：0358-5521367: the number, then the
    article's title)."""
    if row.measures or len(row.task) > SHORT_FIELD:
        return []
    said = [s for s in matcher.sentences[row.key] if s.field == TASK]
    if ranked:
        order = {s: i for i, (_, s) in enumerate(ranked)}
        said.sort(key=lambda s: order.get(s, len(order)))
    return [Quote(s.text) for s in said]


def _list_after(matcher: Matcher, ranked: Ranked, text: str) -> list[Sentence]:
    """The points of the list ``text`` opens (it ends with a colon), in order: the
    sentences after it in its field, or — when it ends the row's task (an article whose
    points are its measure: 给予一次性奖励：（一）…（二）…) — those of the first measure;
    [] when ``text`` opens none."""
    opener = next((s for _, s in ranked if s.text == text), None) if opens_list(text) else None
    if opener is None:
        return []
    ss = matcher.sentences[opener.key]
    after = ss[ss.index(opener) + 1:]
    if not after or (after[0].field, after[0].measure) != (opener.field, opener.measure) and not (
            opener.field == TASK and after[0].field == MEASURE):
        return []
    first = (after[0].field, after[0].measure)
    return list(takewhile(lambda x: (x.field, x.measure) == first, after))


def _deadline(c: RowMatch) -> list[Quote]:
    row, ranked = c.row, c.ranked
    best_score, best = ranked[0]
    # (the row's name, a title giving no time — 工业技术改造补助 — only finds the row: a time
    # is weighed against the best sentence that says more)
    said = next((sc for sc, s in ranked if not is_title(s.text) or STATES_TIME.search(s.text)), best_score)
    # a time stated in the rule itself (延长至2025年底, 申请截止时间为2023年12月31日)
    timed = next((s for sc, s in ranked[:3] if STATES_TIME.search(s.text) and sc >= 0.6 * said), None)
    if not row.measures:
        # an article, a point or a Q&A with no 时间进度 column: its sentence giving a time,
        # as the column would be quoted, however few of the question's words it shares
        # (…有一次性扩岗补助吗？答：有。… 申请截止时间为2025年12月31日。)
        timed = next((s for sc, s in ranked if STATES_TIME.search(s.text) and sc >= 0.4 * best_score), None)
        return [Quote(best.text)] + ([Quote(timed.text)] if timed is not None and timed is not best else [])
    # the measure whose wording matches best; a concrete date breaks ties
    per_measure: dict[int, tuple[float, Sentence]] = {}
    for sc, s in ranked:
        if s.measure is not None and (s.measure not in per_measure or sc > per_measure[s.measure][0]):
            per_measure[s.measure] = (sc, s)
    if not per_measure:
        per_measure = {0: (0.0, best)}
    m_idx = max(per_measure, key=lambda j: per_measure[j][0]
                + (0.1 if row.measures[j].dated else 0.0))
    quotes = []
    # a time stated in the rule itself ("延长至2025年底") answers first
    if timed is not None:
        quotes.append(Quote(timed.text))
    sent = per_measure[m_idx][1]
    if sent.field != MEASURE:
        sent = next((s for _, s in ranked if s.measure == m_idx and s.field == MEASURE), sent)
    if timed is None or normalize(sent.text) != normalize(timed.text):
        quotes.append(Quote(sent.text))
    if not row.measures[m_idx].deadline and timed is None:
        # no time in the column: the row's sentence giving one in another field (兑现方式：
        # 每年6月30日前申报) answers, as the column would be quoted
        noted = next((s for sc, s in ranked if s.field != MEASURE and STATES_TIME.search(s.text)
                      and sc >= 0.4 * per_measure[m_idx][0]), None)
        if noted is not None:
            return quotes + [Quote(noted.text)]
    # (a table with no time column at all, 承诺办理时限 a note of it, leaves none empty: no
    # "未注明" for a column the document does not have)
    if row.measures[m_idx].deadline or table_of(row) in c.matcher.timed_tables:
        quotes.append(Quote(row.measures[m_idx].deadline or "未注明", prefix=f"{row.deadline_word}："))
    return quotes


# a task cell this short is a title (强化人才支撑), not a rule one can act on
_TITLE_CHARS = 10


def is_title(text: str) -> bool:
    """Whether ``text`` is only a title (强化人才支撑, 办理流程。), not a rule one can act on."""
    return len(text.rstrip("。；;")) <= _TITLE_CHARS


def opens_list(text: str) -> bool:
    """Whether ``text`` only opens a list stated after it (应当同时具备下列条件：)."""
    return text.rstrip().endswith(("：", ":"))


def _department(c: RowMatch) -> list[Quote]:
    if not c.row.units:
        # no unit columns (an article, a Q&A): the sentence naming a body says who
        named = next((s for _, s in c.ranked if NAMES_BODY.search(s.text)), None)
        if named is not None:
            return [Quote(named.text)]
    task_sent = next((s for _, s in c.ranked if s.field == TASK), c.ranked[0][1])
    quotes = [Quote(task_sent.text)]
    # a table giving each measure its own 责任单位: the best-matching measure's, with it
    measure = next((s for _, s in c.ranked if s.field == MEASURE), None)
    if measure is not None and measure.measure is not None and (units := c.row.measures[measure.measure].units) \
            and units != c.row.lead_units:
        quotes += [Quote(measure.text), Quote("、".join(units), prefix=f"{RESPONSIBLE_WORD}：")]
        return quotes
    if is_title(task_sent.text):
        # a titled task: the sentence stating it best says what the units are to do
        said = next((s for _, s in c.ranked if s.field != TASK), None)
        if said is not None:
            quotes.append(Quote(said.text))
    return _more(c, quotes)


def _measure(c: RowMatch) -> list[Quote]:
    best_score, best = c.ranked[0]
    quotes = [Quote(best.text)]
    if best.field != MEASURE:
        # "how is it done" is answered by the 落实措施 column: its best sentence too
        m = next(((sc, s) for sc, s in c.ranked if s.field == MEASURE), None)
        if m is not None and m[0] >= 0.5 * best_score:
            quotes.append(Quote(m[1].text))
    return _more(c, quotes)


def _amount(c: RowMatch) -> list[Quote]:
    ranked = c.ranked
    best_score, best = ranked[0]
    quotes = [Quote(best.text)]
    if not best.has_amount:
        # "how much" wants a sentence with an amount (10万元, 30%), not just any number
        # (正常运营1年以上); failing that, one with a number at all
        alt = next(((sc, s) for sc, s in ranked if s.has_amount), None)
        follow = next_sentence(c.matcher.sentences, best)
        if follow is not None and follow.has_amount:
            # the amount often follows the rule it belongs to ("…给予一次性创业补贴。
            # 补助标准每人不超过1000元…"): the continuation, however it matches
            alt = (best_score, follow)
        if alt is None and not best.has_number:
            alt = next(((sc, s) for sc, s in ranked if s.has_number), None)
        if alt and alt[0] >= 0.5 * best_score:
            quotes.append(Quote(alt[1].text))
    return _more(c, quotes)


def _goal(c: RowMatch) -> list[Quote]:
    """What a measure is to achieve (要达到什么效果, 运行了吗, 成功了几家): the sentences
    that match, as for an amount, and the 年度目标和效果 the row gives the measure that
    matches best — the column that states it, whether or not it shares the question's
    words (开政银企对接会要达到什么效果 → 企业融资满足率不断提高)."""
    quotes = _amount(c)
    measure = next((s.measure for _, s in c.ranked if s.measure is not None and s.field != GOAL), None)
    if measure is None:
        return quotes
    have = {normalize(q_.text) for q_ in quotes}
    # a goal other rows state too (发挥链主引领作用，带动工业产业链高质量发展。) is the
    # list's refrain, not this measure's target
    goals = [s for _, s in c.ranked if s.field == GOAL and s.measure == measure and normalize(s.text) not in have
             and matching_form(s.text) not in c.matcher.repeated]
    # in the document's order, within the row's room for quotes
    room = c.matcher.cfg.row_chars - sum(len(q_.text) for q_ in quotes)
    for s in sorted(goals, key=lambda s: c.matcher.sentences[s.key].index(s)):
        if len(s.text) > room:
            break
        quotes.append(Quote(s.text))
        room -= len(s.text)
    return quotes


def _best_and_more(c: RowMatch) -> list[Quote]:
    return _more(c, [Quote(c.ranked[0][1].text)])


# a name in quotation marks: a policy's (“一照多址”), not a quoted document title (《…》)
_NAMED = re.compile(r"“[^”]{2,24}”")

# a sentence stating what has been done (已开放公交站商业经营权, 6月已开始正常运行)
_DONE = re.compile(r"^[^，,。；;]{0,12}?已(?:经)?(?!有)[\u4e00-\u9fff]")


def _whether(c: RowMatch) -> list[Quote]:
    """Whether something is allowed, open or done ("车站让个人做买卖不", "夜市运行了吗"):
    the rule, and the row's sentence saying it has been done, when the row has one on
    the same matter (it matches at least half as well) — that is the answer today."""
    best_score, best = c.ranked[0]
    quotes = [Quote(best.text)]
    done = next((s for sc, s in c.ranked[1:] if _DONE.search(s.text) and sc >= 0.5 * best_score), None)
    if done is not None and not _DONE.search(best.text):
        quotes.append(Quote(done.text))
    if best.field != TASK:
        # the rule a measure carries out names the policy asked about (一照多址)
        task = next(((sc, s) for sc, s in c.ranked if s.field == TASK), None)
        if task is not None and task[0] >= 0.5 * best_score:
            quotes.append(Quote(task[1].text))
    return _more(c, quotes)


def _naming(c: RowMatch, quotes: list[Quote]) -> Sentence | None:
    """A policy's name stands in quotation marks (“一照多址”, “首次不罚、告诫到位、下不为例”):
    the item a user quotes at the counter. When no quote names one, the row's sentence that
    does, if it is on the matter (half as good a match as the best, stating a word of the
    question) and fits the budget."""
    if any(_NAMED.search(q_.text) for q_ in quotes):
        return None
    best_score = c.ranked[0][0]
    room = c.matcher.cfg.row_chars - sum(len(q_.text) for q_ in quotes)
    have = {normalize(q_.text) for q_ in quotes}
    # on the matter: it states a word of the question, not only sits near it in meaning
    # (县里有扶持没 matches no sentence by its words; “零门槛” of 养老 is not its answer)
    return next((s for sc, s in c.ranked[1:] if _NAMED.search(s.text) and sc >= 0.5 * best_score
                 and c.matcher.covered(c.terms, s)
                 and len(s.text) <= room and normalize(s.text) not in have), None)


def _more(c: RowMatch, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` and more of the row's sentences, within a length budget: those
    matching nearly as well, and those stating a part of the question the quotes so
    far leave out."""
    cfg, ranked, terms, covers = c.matcher.cfg, c.ranked, c.terms, c.matcher.covered
    best_score = ranked[0][0]
    if (named := _naming(c, quotes)) is not None:
        quotes = [*quotes, Quote(named.text)]
    used = sum(len(q_.text) for q_ in quotes)
    by_text = {normalize(s.text): s for _, s in ranked}
    have = {normalize(q_.text) for q_ in quotes}
    covered = set().union(*(covers(terms, by_text[t]) for t in have if t in by_text))
    total = sum(w for _, w in terms) or 1.0
    # the kind of answer asked (where: 政务服务网; how long: 3个工作日; at most: 最高) is
    # the answer: a sentence stating it, when no quote does, comes before merely close ones
    kind = {j for j, (alts, _) in enumerate(terms) if alts in ANSWER_KINDS} - covered
    rest = sorted(ranked, key=lambda x: not (covers(terms, x[1]) & kind))
    for sc, s in rest:
        if len(quotes) >= cfg.row_sentences:
            break
        new = covers(terms, s) - covered
        gain = sum(terms[j][1] for j in new) / total
        close = sc >= cfg.more_ratio * best_score and sc >= cfg.more_min
        # a sentence the quotes already hold, or one holding a quote whole ("转发上级行文
        # 件，推动建立起…" after "推动建立起…"), adds nothing
        form = normalize(s.text)
        if (not close and gain < cfg.more_gain and not new & kind) or any(_holds(form, h) for h in have) \
                or used + len(s.text) > cfg.row_chars:
            continue
        quotes.append(Quote(s.text))
        have.add(normalize(s.text))
        covered |= new
        used += len(s.text)
    return quotes


# intent → the quotes of one row; any other intent: the best sentence and more
STRATEGIES: dict[Intent, Callable[[RowMatch], list[Quote]]] = {
    Intent.DEADLINE: _deadline,
    Intent.DEPARTMENT: _department,
    Intent.AMOUNT: _amount,
    Intent.GOAL: _goal,
    Intent.MEASURE: _measure,
    Intent.YESNO: _whether,
}


def next_sentence(sentences: dict[tuple[str, int], list[Sentence]], s: Sentence) -> Sentence | None:
    """The sentence after ``s`` in the same field of the same measure, if any
    (``sentences``: every row's, by row key)."""
    ss = sentences[s.key]
    i = ss.index(s)
    nxt = ss[i + 1] if i + 1 < len(ss) else None
    return nxt if nxt is not None and (nxt.field, nxt.measure) == (s.field, s.measure) else None


def column_quote(row: TaskRow, test: Callable[[str], bool]) -> Quote | None:
    """The first measure's 时间进度 that passes ``test``, quoted as the column it is (by the
    document's own name for it)."""
    cell = next((m.deadline for m in row.measures if m.deadline and test(m.deadline)), None)
    return Quote(cell, prefix=f"{row.deadline_word}：") if cell else None


def count_quote(row: TaskRow, ranked: Ranked, word: str) -> Quote | None:
    """The row's best sentence, else a measure's 时间进度, giving a number with ``word``."""
    sent = next((s for _, s in ranked if states_count(s.text, word)), None)
    if sent is not None:
        return Quote(sent.text)
    return column_quote(row, lambda cell: states_count(cell, word))


def span_quote(row: TaskRow) -> Quote | None:
    """A measure's 时间进度 stating a span (取得证书之日起12个月内, 3个工作日), which answers a
    question asking how long (多长时间内要去申请) — quoted after the row's sentences, unless
    one of them already holds it."""
    return column_quote(row, lambda cell: any(w in cell for w in DURATION_WORDS))


def _holds(a: str, b: str, min_chars: int = 12) -> bool:
    """The same sentence, one holding the other whole (a clause of ≥ ``min_chars``), or
    the same words in another order (领用Ukey免费 / 免费领用Ukey)."""
    return a == b or (min(len(a), len(b)) >= min_chars and (a in b or b in a)) or _reworded(a, b)


def _reworded(a: str, b: str) -> bool:
    """The same characters, give or take one or two, in another order."""
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 8:
        return False
    shared = sum((Counter(a) & Counter(b)).values())
    return shared >= max(len(a), len(b)) - 2
