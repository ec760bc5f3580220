"""Which rows an answer cites, and what it quotes from each.

The top candidate row always; a further candidate when it states the question nearly
as well, or restates a quoted rule (one quote, both citations); for "which rewards are
there" each row adding a reward; for a several-part question the row answering each
part; and every row stating a quoted sentence word for word. The result is a
:class:`Composition` — quotes and cited rows — that :mod:`qa.render` writes out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from index.schema import Hit
from ingest.schema import TaskRow
from ingest.sentences import Sentence, labelled_notes
from ingest.text import normalize, without_parentheticals

from .intent import (
    GRANT_WORDS,
    Intent,
    asks_duration,
    count_word,
    counts_stated,
    states_count,
    superlative_count,
)
from .match import Concepts, Matcher, Ranked, table_of
from .question import Part, Query, each_listed
from .quotes import (
    Quote,
    count_quote,
    is_title,
    next_sentence,
    row_quotes,
    short_field,
    span_quote,
)
from .relevance import asks_money, figure_missing, states_money
from .render import preview
from .restated import matching_form, twins
from .schema import Citation, Related
from .tagging import tagged
from .verdict import GIVES_ADDRESS, HANDLED_BY, NAMES_BODY, asks_phone, gives_phone

# "what rewards / which policies are there": several rows answer together
_LIST = re.compile(r"(哪些|都有|有什么|有啥|什么样的|有没有).*(奖励|补贴|政策|支持|优惠|扶持|措施)|"
                   r"(奖励|补贴|政策|支持|优惠|扶持)(有哪些|都有什么)")
_MONEY = re.compile(r"奖|补贴|补助|资金|钱")
# a place asked (在哪办, 去哪里, 哪个窗口, 地址): answered by the column or the sentence that
# names one — its label (办理地点：, 服务地址：) or an address (…路58号, 二楼)
_ASKS_WHERE = re.compile(r"哪里|哪儿|在哪|去哪|上哪|哪个窗口|什么地方|啥地方|地址|地点")
_PLACE_LABEL = re.compile(r"地点|地址|窗口|场所")
_STATES_PLACE = re.compile(rf"地点\s*[:：]|{GIVES_ADDRESS.pattern}")


def _asked_by_verb(header: str, question: str) -> bool:
    """The header names an action (兑现方式, 投诉电话: its verb) that the question asks about."""
    return any(w.flag == "v" and len(w.word) >= 2 and w.word in question for w in tagged(header))


@dataclass
class Composition:
    """What an answer says before it is written out: the quotes, each with the rows
    stating it, and the rows cited (``hits`` and their ``rows``, in citation order)."""

    quotes: list[Quote]
    hits: list[Hit]
    rows: list[TaskRow]

    def citations(self) -> list[Citation]:
        """One citation per cited row, with the sentences of it the answer quotes."""
        quoted = {h.key: [qq.text for qq in self.quotes if h.key in qq.keys and not qq.prefix]
                  for h in self.hits}
        return [Citation(h.attachment, h.number, h.label, r.section, r.task, list(r.lead_units),
                         round(h.score, 4), list(r.coop_units), quoted[h.key])
                for h, r in zip(self.hits, self.rows)]


# an article named by its number in a sentence (第三条; whole: not the 三条 of 第十三条)
_ARTICLE_NAMED = re.compile(r"第[一二三四五六七八九十百零〇]+条")


class Composer:
    """Chooses the rows an answer cites and their quotes, by the matcher's rankings."""

    def __init__(self, matcher: Matcher):
        self.m = matcher
        self.r = matcher.r
        self.restated = matcher.restated  # sentence → every row stating it
        # a row → the row stating its task in another attachment of its document
        self.twin = twins((r.key, r.doc, r.attachment, r.fields_text()) for r in self.r.rows)

    def compose(self, read: Query, hits: list[Hit], terms: Concepts,
                contact: tuple[str, int] | None = None) -> Composition:
        """The quotes and cited rows answering the question ``read`` from ``hits``
        (reranked, best first); ``contact``: the key of the notice's contact among the
        candidates below the top row, if any."""
        q, intent, parts = read.text, read.intent, read.parts
        cfg = self.m.cfg
        is_list = intent not in (Intent.DEADLINE, Intent.DEPARTMENT) and bool(_LIST.search(normalize(q)))
        score_ratio = cfg.list_score_ratio if is_list else cfg.score_ratio
        min_match = cfg.list_min_match if is_list else cfg.min_match
        match_ratio = 0.0 if is_list else cfg.match_ratio
        cands = hits[:cfg.candidates]
        top = cands[0]
        # "which rewards are there" wants each reward's amount, like an amount question
        rank_intent = Intent.AMOUNT if is_list and _MONEY.search(normalize(q)) else intent
        ranked = {h.key: self.m.ranked(terms, self.r.by_key[h.key], rank_intent, q) for h in cands}
        top_match = ranked[top.key][0][0] if ranked[top.key] else 0.0
        chosen: list[Hit] = [top]
        quotes: list[Quote] = []
        self._quote_row(top, ranked[top.key], intent, terms, quotes)
        if (word := count_word(q)) is not None and not any(states_count(q_.text, word) for q_ in quotes):
            # "开了几次座谈会": the count may stand in the 时间进度 column ("召开2次座谈会"),
            # or — of its own measure (公示几天), not 个 — in the next row, the same measure
            # in the other attachment (简易注销's 45天压减为20天), which is then cited too
            for h in cands[:2] if word != "个" else cands[:1]:
                extra = count_quote(self.r.by_key[h.key], ranked[h.key], word)
                if extra is not None:
                    extra.keys.append(h.key)
                    quotes.append(extra)
                    if h.key not in {c.key for c in chosen}:
                        chosen.append(h)
                    break
        elif asks_duration(q) and (extra := span_quote(self.r.by_key[top.key])) is not None \
                and all(extra.text not in q_.text for q_ in quotes):
            # "多长时间内要去申请": the span stands in the top row's time column (申领时限:
            # 取得证书之日起12个月内), as a count may
            extra.keys.append(top.key)
            quotes.append(extra)
        # (a span asked, 最长能停多久, as a count: word None)
        if (word is not None or asks_duration(q)) \
                and superlative_count(q, word, "\n".join(q_.text for q_ in quotes)) is False:
            # a count asked with a superlative (最长能贷几年) is the one stated after it (贷款期限
            # 最长不超过3年): another count of the measure in the quotes (毕业5年内) is another's
            stated = next((s for _, s in ranked[top.key] if superlative_count(q, word, s.text)), None)
            if stated is not None:
                quotes.append(Quote(stated.text, [top.key]))
        # (a span asked, 多久内付钱, is counted in days like 几天)
        span = word if word is not None else "天" if asks_duration(q) else None
        if span is not None and span != "个":
            # the count asked may be stated again after ；under a condition (…30日内支付款项；
            # 合同另有约定的，付款期限最长不得超过60日): the same rule's other answer
            by_text = {s.text: s for _, s in ranked[top.key]}
            for q_ in list(quotes):
                s = by_text.get(q_.text)
                nxt = next_sentence(self.m.sentences, s) if s is not None and s.text.endswith(("；", ";")) else None
                if nxt is not None and states_count(nxt.text, span) and all(x.text != nxt.text for x in quotes):
                    quotes.insert(quotes.index(q_) + 1, Quote(nxt.text, [top.key]))
        asked = read.asking
        if asks_phone(asked) and not any(gives_phone(q_.text, asked) for q_ in quotes):
            # a number to call stands in the notice's contact (联系人：… 联系电话：…, 第七条
            # 咨询方式): quoted and cited when the rows above give none
            h = next((h for h in cands[1:] if h.key == contact), None)
            said = next((s for _, s in ranked[h.key] if gives_phone(s.text, asked)), None) if h else None
            if h is not None and said is not None:
                # first when it is all that is asked (返乡创业补贴 咨询电话; 找谁问？电话多少？)
                first = all(asks_phone(p.text) or p.intent == Intent.DEPARTMENT for p in parts)
                quotes.insert(0 if first else len(quotes), Quote(said.text, [h.key]))
                if h.key not in {c.key for c in chosen}:
                    chosen.insert(0 if first else len(chosen), h)
        # a column the row keeps as a note (责任领导：王明, 兑现方式：…), asked by its header's
        # head (哪位领导) or, but for who is responsible, by the action it names (怎么兑现)
        nq = normalize(q)
        asks_where = bool(_ASKS_WHERE.search(nq))
        top_row = self.r.by_key[top.key]
        columns = [(head, value) for head, _, value in
                   (re.split(r"([:：])", note, maxsplit=1) for note in labelled_notes(top_row))]
        if top_row.deadline_label and intent != Intent.DEADLINE:
            # the time column too, where the table names it by an action (兑现时限: 怎么兑现 is
            # answered by 免申即享,…); asked when, it is quoted as the deadline it is
            columns += [(top_row.deadline_label, d) for d in (m.deadline for m in top_row.measures) if d][:1]
        for head, value in columns:
            # (a header with its unit, 总投资（万元）, is asked by its words: 总投资)
            name = without_parentheticals(head) or head
            if name in nq or name[-2:] in nq or (intent != Intent.DEPARTMENT and _asked_by_verb(name, nq)) \
                    or (asks_where and _PLACE_LABEL.search(name)):
                # first, as its column's line — and not again as a sentence of the row
                quotes[:] = [q_ for q_ in quotes if q_.prefix or matching_form(q_.text) != matching_form(f"{head}：{value}")]
                quotes.insert(0, Quote(value.strip(), [top.key], prefix=f"{head}："))
        # the question's concepts and, of them, the matter a grant is asked for (read once)
        concepts, matter = self._matter(q)
        self._answer_each_part(q, parts, cands, quotes, chosen, concepts, matter)
        referenced: set[tuple[str, int]] = set()
        if intent != Intent.DEPARTMENT and not top_row.units \
                and not any(top.key in q_.keys and NAMES_BODY.search(q_.text) for q_ in quotes):
            # a row naming its units in no column (an article: …由县科技局受理) says who
            # handles it in a sentence: quoted, as a table's row gives its 牵头单位 line
            said = next((s for _, s in ranked[top.key] if HANDLED_BY.search(s.text)), None)
            if said is not None and duplicate(said.text, quotes) is None:
                quotes.append(Quote(said.text, [top.key]))
        if not top_row.units and not any(top.key in q_.keys and NAMES_BODY.search(q_.text) for q_ in quotes) \
                and (ref := self._handled_by_reference(top_row)) is not None:
            # an article naming no body of its own is handled by the one another article
            # assigns it by its number (第十八条 受理部门：（一）第三条、第八条…规定事项，由县人力
            # 资源和社会保障局负责受理): that sentence says who, cited with its article
            key, sentence = ref
            quotes.insert(0 if intent == Intent.DEPARTMENT else len(quotes), Quote(sentence, [key]))
            if key not in {c.key for c in chosen}:
                # (cited for that sentence alone: its own unit list is every article's it assigns)
                referenced.add(key)
                row = self.r.by_key[key]
                chosen.append(next((h for h in hits if h.key == key), None)
                              or Hit(row.attachment, row.number, 0.0, chunk=row.task))
        if asks_where and not any(_STATES_PLACE.search(q_.prefix + q_.text) for q_ in quotes):
            # where asked, and no quote names a place: the best row's sentence naming one (服务
            # 地址：县零工市场…), or the contact's (…办税服务厅地址：…)
            for h in [top, *(h for h in cands[1:] if h.key == contact)]:
                said = next((s for _, s in ranked[h.key] if _STATES_PLACE.search(s.text)), None)
                if said is not None:
                    quotes.append(Quote(said.text, [h.key]))
                    if h.key not in {c.key for c in chosen}:
                        chosen.append(h)
                    break
        # a figure asked (几天, 多少) is answered by a sentence giving one
        asks_figure = word is not None or intent in (Intent.AMOUNT, Intent.GOAL)
        # a row whose best sentence states the question far better than the top row's is
        # quoted though it ranks lower (a table written as one item, long on its whole text) —
        # but who or when asked is answered by the rows' columns, not by a sentence
        better = 0.0 if intent in (Intent.DEADLINE, Intent.DEPARTMENT) else cfg.better_match * max(top_match, min_match)
        # a sum of money asked (能贷多少, 奖多少), every part asking a figure or whether: a
        # further row is quoted only by a sentence giving a sum, or a count another part asks
        # (能贷几年) — not the growth target of the matter (创业担保贷款余额增长幅度高于30%
        # beside the loan's 个人贷款不超过30万元)
        money = asks_money(read.asking) and all(p.intent in (Intent.AMOUNT, Intent.GOAL, Intent.YESNO) for p in parts)
        counts = [w for p in parts if (w := count_word(p.text)) is not None] if money else []
        # a further row whose best sentence states none of the question's concepts but the kind
        # of grant asked states another grant (补助标准每人不超过1000元 of 创业补贴, beside
        # 直播带货…择优给予资金奖励)
        granted = len(matter) < len(concepts)
        for h in cands[1:]:
            if len(chosen) >= cfg.max_rows or not ranked[h.key] or any(c.key == h.key for c in chosen):
                continue
            best_score, best = ranked[h.key][0]
            if self.twin.get(top.key) == h.key and not is_list and best_score >= max(min_match, 0.6 * top_match) \
                    and (best.has_number or not asks_figure
                         or self.m.covered(terms, best) >= self.m.covered(terms, ranked[top.key][0][1])):
                # the top row's task as the other attachment states it, which the search found
                # too: its own wording of the answer (半日结 beside 0.5个工作日), cited with it —
                # without the figure asked only where it states every concept the figure's
                # sentence states (压缩简易注销公示时间 beside 公示时间由45天压减为20天; not 建立
                # “全代办”工作台账 beside 全代办完成件数不低于50件)
                chosen.append(h)
                if (dup := duplicate(best.text, quotes)) is not None:
                    dup.keys.append(h.key)
                elif intent in (Intent.DEADLINE, Intent.DEPARTMENT):
                    self._quote_row(h, ranked[h.key], intent, terms, quotes)
                else:
                    quotes.append(Quote(best.text, [h.key]))
                continue
            # the same rule stated in another row: one quote, both citations
            dup = duplicate(best.text, quotes)
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
                    self._quote_row(h, ranked[h.key], intent, terms, quotes)
                continue
            if money and not states_money(best.text) and not any(states_count(best.text, w) for w in counts):
                continue
            if matter and granted and not self.m.covered(concepts, best) & matter:
                continue
            if (h.score >= score_ratio * top.score and best_score >= match_ratio * top_match
                    and best_score >= min_match) or (better and h.score >= cfg.part_score_ratio * top.score
                                                     and best_score >= better):
                chosen.append(h)
                if intent in (Intent.DEADLINE, Intent.DEPARTMENT):
                    # a second row matching as well: its own rule with its own deadline / units
                    self._quote_row(h, ranked[h.key], intent, terms, quotes)
                elif whole := short_field(self.m, self.r.by_key[h.key], ranked[h.key]):
                    quotes.extend(Quote(q_.text, [h.key]) for q_ in whole)  # a guide's field, whole
                else:
                    quotes.append(Quote(best.text, [h.key]))
        self._same_answers(parts, cands, quotes, chosen)
        if word is not None:
            self._other_counts(word, quotes, chosen)
            self._same_counts(word, quotes, chosen, cands)
        self._label_listed(quotes)
        self._cite_restating(quotes, chosen, hits, anywhere=intent == Intent.DEPARTMENT)
        rows = [self.r.by_key[h.key] for h in chosen]
        return Composition(quotes, chosen, [replace(r, lead_units=(), coop_units=()) if r.key in referenced else r
                                            for r in rows])

    def _matter(self, q: str) -> tuple[Concepts, set[int]]:
        """The question's concepts, the story's included, and those of them that are not a
        kind of grant (奖励, 补贴): the matter a grant is asked for (搞直播带货 … 有没有奖励)."""
        concepts = self.m.concepts(q)
        return concepts, {j for j, (alts, _) in enumerate(concepts) if not set(alts) & set(GRANT_WORDS)}

    def _handled_by_reference(self, row: TaskRow) -> tuple[tuple[str, int], str] | None:
        """The sentence of another article of ``row``'s document that names ``row`` by its
        number (第三条, not inside 第十三条) and the body handling it, with that article's key."""
        return next((found for found in self._assigned.get((row.doc, row.label.split()[-1]), ())
                     if found[0] != row.key), None)

    @cached_property
    def _assigned(self) -> dict[tuple[str, str], list[tuple[tuple[str, int], str]]]:
        """(document, 第N条) → the sentences naming that article and the body handling it
        (第十八条 受理部门：…第三条、第八条…规定事项，由县人力资源和社会保障局负责受理), each with its
        row's key, in the document's order: read once, not per question."""
        out: dict[tuple[str, str], list[tuple[tuple[str, int], str]]] = {}
        for other in self.r.rows:
            for s in self.m.sentences.get(other.key, ()):
                if HANDLED_BY.search(s.text):
                    for name in dict.fromkeys(_ARTICLE_NAMED.findall(s.text)):
                        out.setdefault((other.doc, name), []).append((other.key, s.text))
        return out

    def _other_counts(self, word: str, quotes: list[Quote], chosen: list[Hit]) -> None:
        """A count asked that a cited row states twice, differently (夜市2处 in its task, 夜市4处
        in its measure: the document contradicts itself): each figure is quoted, the other
        right after the one quoted — the asker sees both, and which sentence gives which."""
        if word == "天":
            return  # spans differ by condition (承诺时限 and 法定时限, 有外线 or 无外线): no contradiction
        for q_ in [x for x in quotes if not x.prefix]:
            said = counts_stated(q_.text, word)
            label = self._label_of(q_)
            for h in chosen if said else ():
                for s in self.m.sentences.get(h.key, ()):
                    other = counts_stated(s.text, word)
                    # (a sentence listed under another label states another matter's figure)
                    if any(k in said and said[k] != v for k, v in other.items()) \
                            and self.m.list_label.get(s) == label and all(x.text != s.text for x in quotes):
                        quotes.insert(quotes.index(q_) + 1, Quote(s.text, [h.key]))

    def _label_of(self, q_: Quote) -> str | None:
        """The label the quoted sentence is listed under (承诺时限), if any."""
        said = next((s for s in self.m.sentences.get(q_.keys[0], ()) if s.text == q_.text), None) if q_.keys else None
        return self.m.list_label.get(said) if said is not None else None

    def _same_counts(self, word: str, quotes: list[Quote], chosen: list[Hit], cands: list[Hit]) -> None:
        """A count asked that another of the best rows states too — the same figure of the
        same thing (设置夜市4处 in 附件2 第109项 beside 第45项's 夜市4处) — is that row's answer
        as well: it is cited with the quote, in its own words not repeated."""
        said_by = [(q_, counts_stated(q_.text, word)) for q_ in quotes if not q_.prefix]
        for h in cands:
            if len(chosen) >= self.m.cfg.max_rows or any(c.key == h.key for c in chosen):
                continue
            mine = [counts_stated(s.text, word) for s in self.m.sentences.get(h.key, ())]
            for q_, said in said_by:
                if any(k in said and said[k] == v for m in mine for k, v in m.items()):
                    q_.keys.append(h.key)
                    chosen.append(h)
                    break

    def _same_answers(self, parts: Sequence[Part], cands: list[Hit], quotes: list[Quote],
                      chosen: list[Hit]) -> None:
        """A yes/no (or may-I) asked of one thing (刻章要花钱不) that a quote answers — stating every
        concept the part names (首次刻制公章…免费) — is answered as well by each of the best
        rows with a sentence stating them all (为新设立企业…免费刻制印章 in 附件2 第87、88项):
        that sentence is quoted too and its row cited — the asker sees every row that says so,
        as a count asked cites every row stating the same figure."""
        cfg = self.m.cfg
        top = cands[0]
        # (asked of things listed, 刻公章、领税务UKey要花钱不, it is asked of each: a row saying
        # so of one, 免费刻制印章, answers that one)
        for text in (x for p in parts if p.intent in (Intent.YESNO, Intent.ELIGIBILITY) for x in each_listed(p.text)):
            terms = self.m.concepts(text)
            whole = set(range(len(terms)))
            if len(whole) < 2:
                continue
            said_by = {s.text: s for h in chosen for s in self.m.sentences.get(h.key, ())}
            if not any((s := said_by.get(x.text)) is not None and self.m.covered(terms, s) == whole
                       for x in quotes if not x.prefix):
                continue
            for h in cands[1:]:
                fresh = all(c.key != h.key for c in chosen)
                if h.score < cfg.part_score_ratio * top.score or (fresh and len(chosen) >= cfg.max_rows):
                    continue
                said = next((s for s in self.m.sentences.get(h.key, ()) if self.m.covered(terms, s) == whole), None)
                if said is None:
                    continue
                if (dup := duplicate(said.text, quotes)) is not None:
                    if h.key not in dup.keys:
                        dup.keys.append(h.key)
                else:
                    quotes.append(Quote(said.text, [h.key]))
                if fresh:
                    chosen.append(h)

    def _label_listed(self, quotes: list[Quote]) -> None:
        """A sentence listed under a label it does not repeat (承诺时限：营业执照当场办结；…；
        食品经营许可3个工作日；) is quoted with that label before it: alone, it would not say
        which of the row's lists it is in (法定时限 gives the same matter 10个工作日)."""
        for q_ in quotes:
            if not q_.prefix and (label := self._label_of(q_)):
                q_.prefix = f"{label}："

    def _quote_row(self, h: Hit, ranked: Ranked, intent: Intent, terms: Concepts,
                   quotes: list[Quote]) -> None:
        """Adds the quotes of ``h``'s row to ``quotes``, each citing that row."""
        for q_ in row_quotes(self.m, self.r.by_key[h.key], ranked, intent, terms):
            q_.keys.append(h.key)
            quotes.append(q_)

    def _answer_each_part(self, q: str, parts: Sequence[Part], cands: list[Hit], quotes: list[Quote],
                          chosen: list[Hit], concepts: Concepts, matter: set[int]) -> None:
        """A question asking several things ("总投资多少、可容纳几家企业？何时完工？") is
        answered part by part: each asking clause with its own intent and words adds the
        quotes that answer it, when they are not quoted yet — from the top row, or from
        another candidate row that states that part clearly better (two rules asked in one
        question: "规上奖励多少？租厂房有何优惠？"), which is then cited too."""
        if len(parts) < 2:
            return
        cfg = self.m.cfg
        top = cands[0]
        # (a column's line, 咨询电话：0531-88150932 quoted as a note, is the sentence written so)
        have = {matching_form(q_.prefix + q_.text) for q_ in quotes}
        # (concepts, matter: the question's, see :meth:`_matter` — what a part naming only a
        # grant, 有没有奖励, asks it of)
        for p in parts:
            # (a sum, a condition or a yes/no asked naming no topic — 能给多少钱, 有什么条件, 要先办
            # 什么许可吗 — is asked of the one named before it: each grant or licence has its own —
            # while who, when or how many is asked of the row the question is about: 啥时候能盖好
            # is its 2023年底完工, not the date of another sentence naming the topic)
            borrows = p.about and p.intent in (Intent.AMOUNT, Intent.ELIGIBILITY, Intent.YESNO)
            p_intent, p_terms = p.intent, self.m.concepts(f"{p.about} {p.text}" if borrows else p.text)
            if not p_terms and p_intent == Intent.GENERAL:
                continue
            grant_only = bool(p_terms) and bool(matter) and all(set(alts) & set(GRANT_WORDS) for alts, _ in p_terms)
            # a part asked of one listed thing (分别) is answered only by a row stating it
            states_item = self._item_test(p_terms, p.item)
            best_hit, ranked = top, self.m.ranked(p_terms, self.r.by_key[top.key], p_intent, q)
            top_match = ranked[0][0] if ranked else 0.0
            item_missing = bool(ranked) and not states_item(ranked[0][1])
            # a part naming nothing but a column (有没有配合单位, 时限呢) asks it of the row the
            # question is about: another row's column is no answer to it
            fields = self.m.relevance.field_words
            own = any(not any(a in fields for a in alts) for alts, _ in p_terms)
            # …and a when asked of a row with a dated time column of its own (申领时限：取得证书
            # 之日起12个月内) is asked of that row: another row's time is another matter's
            if p_intent == Intent.DEADLINE and any(m.dated for m in self.r.by_key[top.key].measures):
                own = False
            # …while a row of a table with no time column (惠企政策兑现清单 beside its 任务分工表)
            # has none to give: the when is asked of a row whose table has one
            timeless = p_intent == Intent.DEADLINE and table_of(self.r.by_key[top.key]) not in self.m.timed_tables
            own = own or timeless
            for h in cands[1:] if own else ():
                other = self.m.ranked(p_terms, self.r.by_key[h.key], p_intent, q)
                if not other or h.score < cfg.part_score_ratio * top.score:
                    continue
                if timeless:
                    # the first row that has the column answers (the top row's 使用期限 is a rule's)
                    if table_of(self.r.by_key[h.key]) in self.m.timed_tables and states_item(other[0][1]):
                        best_hit, ranked, item_missing = h, other, False
                        break
                    continue
                if item_missing and states_item(other[0][1]):
                    best_hit, ranked, item_missing = h, other, False
                elif not item_missing and other[0][0] >= max(top_match + cfg.part_margin, cfg.min_match) \
                        and other[0][0] > (ranked[0][0] if ranked else 0.0) and states_item(other[0][1]) \
                        and not figure_missing(p.text, p_intent, other[0][1].text) \
                        and (not grant_only or self.m.covered(concepts, other[0][1]) & matter):
                    # (a part asking a figure, 能贷几年, is answered by another row only where its
                    # sentence gives one: not 2022年末…增长幅度高于30%, a year and a growth)
                    # (nor, a part naming only a grant, where its sentence states only a grant:
                    # 补助标准每人不超过1000元 is the 创业补贴's, not 直播带货's 资金奖励)
                    best_hit, ranked = h, other
            row = self.r.by_key[best_hit.key]
            added = False
            part_quotes = row_quotes(self.m, row, ranked, p_intent, p_terms)
            if p_intent == Intent.YESNO and (grant := next((g for g in GRANT_WORDS if g in p.text), None)) \
                    and not any(grant in x for x in have) \
                    and (said := next((sc for sc in ranked if grant in sc[1].text), None)) is not None:
                # whether there is a grant (介绍成功了有补贴吗) is answered by the sentence naming
                # it (给予人力资源服务机构职业介绍补贴), though others match the part's words
                # better (the figures: 向省外介绍成功…每人不超过800元)
                part_quotes = [Quote(said[1].text, []), *part_quotes]
            # two sentences at most, and the column line that answers a deadline part
            for q_ in part_quotes[:2] + [x for x in part_quotes[2:] if x.prefix]:
                key = matching_form(q_.prefix + q_.text)
                if key not in have:
                    have.add(key)
                    q_.keys.append(best_hit.key)
                    quotes.append(q_)
                    added = True
            if added and all(c.key != best_hit.key for c in chosen):
                chosen.append(best_hit)

    def _item_test(self, terms: Concepts, item: str) -> Callable[[Sentence], bool]:
        """Whether a sentence states ``item``: its weightiest concept (一次性创业补贴); any
        sentence when there is no item."""
        item = normalize(item)
        item_terms = [j for j, (alts, _) in enumerate(terms) if item and any(a in item for a in alts)]
        if not item_terms:
            return lambda s: True
        head = max(item_terms, key=lambda j: terms[j][1])
        return lambda s: head in self.m.covered(terms, s)

    def _covers(self, key: tuple[str, int], aspect: tuple[str, ...]) -> bool:
        return any(x in self.m.relevance.row_text[key] for x in aspect)

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

    def _cite_restating(self, quotes: list[Quote], chosen: list[Hit], hits: list[Hit],
                        anywhere: bool = False) -> None:
        """Every row the search found that states a quoted sentence is cited with it. A row
        restating it that the question did not reach (附件2 repeating a 附件1 rule among many
        rules: 补助标准每人不超过1000元 in the 创业补贴 row, asked about a loan's interest) is
        no answer the asker looked for — except when who is asked (``anywhere``): the
        restating row's own units answer too (高企奖励找哪个部门: 附件2 第82项's)."""
        by_key = {h.key: h for h in hits}
        have = {h.key for h in chosen}
        for q_ in quotes:
            if q_.prefix:
                continue
            for key in sorted(self.restated.get(matching_form(q_.text), ())):
                if key in q_.keys or len(chosen) >= self.m.cfg.max_rows + 2 or not (anywhere or key in by_key):
                    continue
                q_.keys.append(key)
                if key not in have:
                    have.add(key)
                    chosen.append(by_key.get(key) or Hit(key[0], key[1], 0.0))

    def whole_rows(self, hits: list[Hit]) -> Composition:
        """Rows asked for by their label alone (附件2 第5项; 第5项: one in each
        attachment): all of each — the task, each measure with its deadline and goal —
        quoted and cited."""
        quotes: list[Quote] = []
        rows = [self.r.by_key[h.key] for h in hits]
        for row in rows:
            quotes += [Quote(row.task, [row.key])] if row.task else []
            for m in row.measures:
                quotes += [Quote(t, [row.key], prefix) for t, prefix in
                           ((m.text, ""), (m.deadline, "时限："), (m.goal, "目标：")) if t]
        return Composition(quotes, list(hits), rows)

    def related(self, hits: list[Hit], cited: set[tuple[str, int]]) -> list[Related]:
        """The best-ranked rows not cited (``related`` of them), each with its task cut
        to 40 characters: suggestions under an answer or a not-covered reply."""
        out = []
        for h in hits:
            if h.key in cited:
                continue
            out.append(Related(h.attachment, h.number, h.label, preview(gist(self.r.by_key[h.key]), 40),
                               round(h.score, 4)))
            if len(out) >= self.m.cfg.related:
                break
        return out


def gist(row: TaskRow) -> str:
    """What a row is about in a line: its task, run on into its first measure when the
    task is only a title (第五条 办理流程。 → 办理流程。（一）个人申报…)."""
    return row.task + row.measures[0].text if row.measures and is_title(row.task) else row.task


def duplicate(text: str, quotes: list[Quote]) -> Quote | None:
    """The quote stating ``text`` already (equal, or one holding the other whole when
    both are ≥ 20 characters), else None; labelled column quotes are not compared."""
    n = normalize(text)
    for q_ in quotes:
        if q_.prefix:
            continue
        m = normalize(q_.text)
        if n == m or (min(len(n), len(m)) >= 20 and (n in m or m in n)):
            return q_
    return None
