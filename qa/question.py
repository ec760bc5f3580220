"""A question read once: its wording, intent, topic words, the part that asks, places
and years — computed here and passed on, never re-tokenised by later stages.

Two principles separate what is asked from the story around it:

- **a topic is named by a noun.** jieba's part-of-speech tags decide: pronouns,
  adverbs, particles, time, number and measure words, verbs and adjectives describe
  the asker's situation or the way of asking (俺家, 改成, 一堆, 好几年), never a topic
  the document must contain;
- **the question is the clause that asks.** People tell their story first and ask
  last ("新开个洗车店要接自来水，报装得等几天"): the clause holding the question word
  (多少, 几, 吗, 能不能, 有没有, 哪, 啥 …) is what must be answered; nouns elsewhere
  are the story (洗车, 自来水) and do not decide whether the document covers it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise

from index.tokenize import in_dictionary, tokenize
from ingest.header import han_years
from ingest.places import CITY, county_written_short, lookup, parents
from ingest.schema import find_references, strip_references
from ingest.table import COOP, DEADLINE, GOAL, HEADER_WORDS, LEAD
from ingest.text import all_han, normalize

from .intent import (
    ASKS,
    FIGURE_WORDS,
    GRANT_WORDS,
    MEASURE_WORDS,
    Intent,
    asks,
    detect_intent,
    plain,
    tells_a_few,
)
from .tagging import tagged
from .thesaurus import (
    hears_or_asks,
    knows,
    names_a_building,
    names_a_matter,
    names_a_permit,
    names_a_settlement,
    names_a_thing,
    names_an_institution,
    pays_money,
)

# POS tags that name a topic: nouns of every kind, verbal and adjectival nouns,
# abbreviations (jieba's j) and Latin words (GDP, UKey)
_TOPIC_POS = ("n", "nz", "nt", "nl", "ng", "vn", "an", "j", "eng", "nrt")
# a clause asks when it holds a question word or ends like a question
# (没什么/没啥 after a negation is "not much", 好几 is "several": 民宿没啥客人, 交了好几万
# tell, they do not ask)
_CLAUSE = re.compile(r"[，,。；;！!？?\s、…]+")
_SENTENCE = re.compile(r"[。；;！!？?]+")
_LIST_SEP = re.compile(r"、|跟|和|与")  # the things 分别 distributes a question over
SHORT = 16  # characters: a story needs room
_POINTS_BACK = re.compile(r"^(?:那|这)(?:个|样|种|些|么|事|笔|块)?")
# the task table's column names a lookup asks by (时限, 牵头单位, 年度目标 …)
_COLUMN_WORDS = frozenset(w for field, words in HEADER_WORDS if field in (LEAD, COOP, DEADLINE, GOAL)
                          for w in words)


def _names_a_column(listed: str) -> bool:
    """Whether a thing listed before 分别 is a task table's column (…的牵头单位, 完成时限)."""
    return any(listed.strip().endswith(w) for w in _COLUMN_WORDS)


_NOUN_POS = ("n", "nz", "nt", "nl", "ng", "j", "eng", "nr", "ns")
# a later year named relative to the present — for a document, the year it was issued;
# a past one (去年贷的款, 前年开的店) is nearly always the asker's story, and not taken
_RELATIVE_YEARS = {"大后年": 3, "后年": 2, "明年": 1, "来年": 1}
_RELATIVE_YEAR = re.compile("|".join(sorted(_RELATIVE_YEARS, key=len, reverse=True)) + "(?!度)")
# a year, not an amount or a count that happens to have four digits (2000万元, 1900亩)
_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d|\.\d|\s*[万亿千百元多余个家人亩户平米吨台件套项%％])")


@dataclass(frozen=True)
class Part:
    """One thing a several-part question asks, with its intent; ``item`` is the thing a
    分别 question asks it of (一次性创业补贴), which a row must state to answer this part."""

    text: str
    intent: Intent
    item: str = ""
    sentence: str = ""  # the sentence of the question it is in, as plainly read
    about: str = ""     # the clause naming its topic, when it names none (能给多少钱 after 有一次性补贴)

    @classmethod
    def of(cls, text: str, item: str = "", sentence: str = "", about: str = "") -> Part:
        return cls(text, detect_intent(text), item, sentence, about)


# a verb (done) and a measure word: 办个, 开个, 开了个 — never content
VERB_GE = re.compile(r"^.了?个$")


@dataclass(frozen=True)
class Word:
    text: str
    pos: str

    @property
    def topic(self) -> bool:
        # a noun by its tag; a "place" the gazetteer does not know (海关, an institution
        # jieba tags a place); a word tagged a verb, an adjective or a person's name that
        # the thesaurus files only under things (驾照; 玉米, 许可证). A pronoun, number or
        # time word stays what the tagger says, and so does a how-many (几辆车, 多少人: a
        # quantity asked, whatever the tagger calls it); nor a word of paying (交钱, 花钱: it
        # asks the fee, as 多少钱 asks the amount)
        if pays_money(self.text) or VERB_GE.match(self.text):
            return False  # (开了个: a verb and a measure word, whatever the tagger calls it)
        if is_locative(self.text) or modal_glued(self.text):
            return False
        return len(self.text) >= 2 and not self.text.startswith(("几", "多少")) and (self.pos in _TOPIC_POS or (self.pos == "ns" and not lookup(self.text))
                                        or ((self.pos[0] in "vail" or self.pos == "nr") and names_a_thing(self.text))
                                        or (self.pos == "l" and _headed_by_a_thing(self.text)))


def _headed_by_a_thing(phrase: str) -> bool:
    """A set phrase the thesaurus lacks that opens with a word naming a thing (烟草专卖: 烟草,
    a noun the thesaurus files only under things) is about that thing — unlike the set
    phrases of speech (真的假, 由谁来, 好多钱), which open with no noun."""
    if knows(phrase):
        return False
    first = max((t for t in tokenize(phrase) if len(t) >= 2 and t != phrase and phrase.startswith(t)), key=len, default="")
    return bool(first) and any(w.flag[0] == "n" for w in tagged(first)) and names_a_thing(first)


# the modal verbs the tagger glues to a one-character verb after them (能贷, 要放, 想添)
MODALS = "能要想可会得"


def modal_glued(word: str) -> bool:
    """A modal and a one-character verb the tagger glued into a word no dictionary has
    (能贷, 能领, 要放): the verb asked with its modal, whatever tag the tagger gives it (能领多少钱:
    能领 tagged a noun) — never a topic."""
    return len(word) == 2 and word[0] in MODALS and not in_dictionary(word) and all_han(word[1])


def is_locative(word: str) -> bool:
    """A building of one character with the localizer 里 (店里, 厂里, 棚里: "in the shop")
    tells where the asker stands, as 在店里 does — not what is asked. A building or an
    establishment by the thesaurus (公里, 心里, 邻里 are none). A unit of administration or
    a settlement with 里 or 上 (县上, 镇上, 城里: :func:`qa.thesaurus.names_a_settlement`)
    names who grants there, or where the asker is — as 县里 and 村里, words of asking
    (qa/data/question_words.txt), do."""
    if len(word) != 2:
        return False
    return (word[1] == "里" and names_a_building(word[0])) or (word[1] in "里上" and names_a_settlement(word[0]))


# verbs whose object names a matter done at the counter (办注销, 想办注销, 申请延续, 办理变更)
_DOING = ("办", "办理", "申请", "申办")


@dataclass(frozen=True)
class Query:
    text: str                       # as asked (validated)
    norm: str                       # width and whitespace normalised
    plain: str                      # colloquial wording read as written (啥时候 → 什么时候)
    intent: Intent
    words: tuple[Word, ...]         # the plain text, POS-tagged
    asked: str                      # the clause (or clauses) that ask
    places: tuple[str, ...]         # places named (gazetteer), as written
    years: tuple[int, ...]          # years named
    lookup: bool = False            # no clause asks: keywords typed to be found ("跨境电商 补贴标准")
    relative_years: tuple[int, ...] = ()  # later years said relatively in the asking clause: 明年 +1
    parts: tuple[Part, ...] = field(default=())  # what a several-part question asks, part by part
    refs: tuple[tuple[str, int], ...] = ()  # rows named by label (附件1 第2项; ingest.schema.find_references)
    unlabelled: str = ""            # the text without those labels: what is asked of the rows
    said: str = ""                  # the text in its clauses: a voice question's pauses as commas

    @property
    def asking(self) -> str:
        """What the question asks, for choosing what to quote (:func:`asking_text`): the
        clause that asks, or all of a keyword lookup."""
        return self.plain if self.lookup else self.asked

    @cached_property
    def topics(self) -> tuple[str, ...]:
        """Nouns of the whole question; in a keyword lookup every content word, verbs too
        ("海关 报关 补贴": each word was typed to be found)."""
        if self.lookup:
            return tuple(dict.fromkeys(w.text for w in self.words if w.topic or _keyword(w)))
        ws = self.words
        # a verb as the thing done at the counter (办注销: the object of 办) names the matter
        # asked, as a noun does
        named = {i for i, w in enumerate(ws) if w.pos == "v" and len(w.text) >= 2 and i > 0
                 and ws[i - 1].text.endswith(_DOING)}
        # an adjectival noun after an adverb (特别麻烦, 很困难) is said as an adjective: a
        # quality the asker gives the matter, not a thing asked of
        qualities = {i for i, w in enumerate(ws) if w.pos == "an" and i > 0 and ws[i - 1].pos == "d"}
        return tuple(dict.fromkeys(w.text for i, w in enumerate(ws)
                                   if (w.topic or i in named) and i not in qualities))

    @property
    def asked_head(self) -> str:
        """The noun the question word asks about: the last noun before it in the asking
        clause (缴存比例是多少 → 比例, 人口有多少 → 人口), else ""."""
        m = ASKS.search(self.asked)
        if not m:
            return ""
        before = self.asked[:m.start()]
        nouns = [w.text for w in _tag(before) if w.topic]
        return nouns[-1] if nouns else ""

    @property
    def asked_topics(self) -> tuple[str, ...]:
        """Nouns of the clause that asks — what the answer must be about."""
        return tuple(t for t in self.topics if t in self.asked)


@lru_cache(maxsize=4096)
def _tag(text: str) -> tuple[Word, ...]:
    """The words of ``text`` with their parts of speech; the measure word after 几 or 多少
    belongs to the count (多少天才算完事: 天 and 才, not the noun 天才)."""
    out: list[Word] = []
    for w, f in tagged(text):
        if out and out[-1].text.endswith(("几", "多少")) and len(w) > 1 and w[0] in MEASURE_WORDS:
            out.append(Word(w[0], "q"))
            out += [Word(x, g) for x, g in tagged(w[1:])]
        elif out and len(w) == 1 and f.startswith("n") and len(out[-1].text) >= 2 and out[-1].pos[:1] in "nv" \
                and all_han(out[-1].text + w) and in_dictionary(out[-1].text + w):
            # a compound's one-character head the tagger cut off (消费 / 券): the dictionary's
            # word (消费券) is what is named, a noun ending in its head
            out[-1] = Word(out[-1].text + w, "n")
        else:
            out.append(Word(w, f))
    return _grant_purposes(tuple(out))


# a grant asked for something done (装修改造有没有补贴, 技术改造的奖励): the doing is what the
# grant is for — a topic the rows must name, whatever the tagger calls it
_GRANTS = frozenset(GRANT_WORDS)
_ASKING_VERBS = frozenset({"有没有", "有", "没有", "能不能", "能", "给不给", "可以", "能否", "的", "给", "有无"})


def _grant_purposes(words: tuple[Word, ...]) -> tuple[Word, ...]:
    out = list(words)
    for g, w in enumerate(words):
        if w.text not in _GRANTS:
            continue
        i = g - 1
        if i >= 0 and words[i].text in _ASKING_VERBS:
            i -= 1
        while i >= 0 and words[i].pos.startswith("v") and len(words[i].text) >= 2 \
                and words[i].text not in _ASKING_VERBS:
            out[i] = Word(words[i].text, "vn")
            i -= 1
    return tuple(out)


def clauses_of(text: str) -> list[str]:
    """``text`` cut into its clauses (at punctuation and spaces), as written."""
    return [c for c in _CLAUSE.split(text) if c.strip()]


def is_lookup(text: str) -> bool:
    """A keyword lookup ("全代办 年度目标 办件数"): no clause asks."""
    return not any(asks(plain(c)) for c in _CLAUSE.split(text) if c.strip())


def asking_text(text: str) -> str:
    """What the question asks, for choosing what to quote: the asked part when a clause
    asks, else all of it — a keyword lookup has no story."""
    said = spoken_clauses(text)
    return plain(said) if is_lookup(said) else asked_part(said)


def asked_part(text: str) -> str:
    """The clauses that ask (read in written wording); a clause that asks with no content
    word of its own ("能给多少钱") takes the clause before it. "西瓜熟了想拉到县城卖 有没有
    不收钱的摊位" → 有没有不收钱的摊位."""
    cut = _clauses_with_separators(text)
    clauses = [plain(c) for c, _ in cut]
    if not clauses:
        return plain(text)
    # a thing listed with 、 before a clause is one of the things it asks of (刻公章、领那个税务
    # UKey要花钱不: both) — a list's item, not a clause of the story
    listed = [sep.strip() == "、" for _, sep in cut]
    if len(normalize(text)) <= SHORT:
        return _joined(clauses, range(len(clauses)), listed)  # a short question has no story: all of it asks
    # a clause that only tells of "a few" (招了几个本地人) before a question is story
    picked = {i for i, c in enumerate(clauses)
              if asks(c) and not tells_a_few(c, any(asks(d) for d in clauses[i + 1:]))} or {len(clauses) - 1}
    for i in sorted(picked):
        # a clause with nothing of its own, or one pointing back (这合规吗, 这种能报不),
        # asks about the clause before it — and so does any clause after one naming the
        # topic (企业破产办理方面，今年有什么提速措施: 关于…, …方面, …这块), the topic asked
        # without the words that mark it so
        if i > 0 and _CONDITION.match(clauses[i - 1]):
            # a condition before the question (要是整个公司搬到大宁，县里能给什么奖励) is asked
            # with it: what is granted is granted for that, not for the story before
            picked.add(i - 1)
        elif i > 0 and _TOPIC.search(clauses[i - 1]):
            clauses[i - 1] = _TOPIC.sub("", clauses[i - 1]) or clauses[i - 1]
            picked.add(i - 1)
        elif i > 0 and (not _has_content(clauses[i]) or _points_back(clauses[i])):
            picked.add(i - 1)
    for i in sorted(picked, reverse=True):
        while i > 0 and listed[i - 1]:
            i -= 1
            picked.add(i)
    return _joined(clauses, sorted(picked), listed)


def _joined(clauses: list[str], picked: Iterable[int], listed: list[bool]) -> str:
    """The picked clauses, a list's items joined by 、 as written, others by ，."""
    out = ""
    for i in picked:
        out += (("、" if listed[i - 1] else "，") if out else "") + clauses[i]
    return out


# a clause stating the condition of what follows: 要是… / 如果… / 假如… / 万一…
_CONDITION = re.compile(r"^(?:要是|如果|假如|假若|倘若|若是|万一)")


def states_a_condition(asked: str) -> bool:
    """Whether the asking clauses hold a condition with content of its own (要是整个厂迁到大宁，
    县里给什么奖励: moving the works is what the grant would be for)."""
    return any(_CONDITION.match(c) and _has_content(c) for c in asked.split("，"))


# a clause naming the topic of what follows: 关于… / 对于… / 至于…, …方面 / …这块 / …这一块
_TOPIC = re.compile(r"^(?:关于|对于|至于)|(?:方面|这块|这一块|那块|领域)$")


def _points_back(clause: str) -> bool:
    """这/那 standing for what was just said (这合规吗, 这样能报不), alone or before a noun
    of a matter or a situation (这种事县里有人管没, 这种情况: the thesaurus files it first
    under Da, 事情 and 情况), not a determiner of a noun the clause names itself (这契税能免不:
    this deed tax)."""
    m = _POINTS_BACK.match(clause)
    if not m:
        return False
    rest = _tag(clause[m.end():])
    return not (rest and rest[0].pos in _NOUN_POS) or names_a_matter(rest[0].text)


def asking_clauses(text: str) -> list[str]:
    """Each clause that asks, in written wording (:func:`asking_parts`)."""
    return [p.text for p in asking_parts(text)]


def asking_parts(text: str) -> list[Part]:
    """Each clause that asks: two or more make a multi-part question ("总投资多少、建成后
    可容纳几家企业入驻？整体何时完工？"). 分别 asks the same of each thing listed before
    it: "一次性创业补贴跟场地租赁补贴 分别要正常经营多长时间" is two questions, one per
    subsidy."""
    out: list[Part] = []
    about = ""  # the last clause naming a topic, in this sentence or one before
    sentences = _SENTENCE.split(text)
    asking = [any(asks(plain(d)) for d, _ in _clauses_with_separators(s)) for s in sentences]
    # the sentences the writer closed with a question mark
    marked = [bool(re.search(r"[？?]", m.group(0))) for m in _SENTENCE.finditer(text)]
    for n, sentence in enumerate(sentences):
        found = len(out)
        # a question in a later sentence follows this one's clauses too (我们承建的几个项目，
        # 工程款未结清。…向哪个单位反映？: the few projects are the story)
        later = any(asking[n + 1:])
        said = plain(sentence)
        if "分别" in sentence:
            head, _, tail = sentence.partition("分别")
            # the things listed are the clause nearest before 分别 that lists two or more,
            # not the story before them
            listed = (c for c in reversed(re.split(r"[，,；;\s…]+", head)) if len(_LIST_SEP.split(c)) >= 2)
            items = [i for i in _LIST_SEP.split(next(listed, head)) if i.strip()]
            if len(items) >= 2 and asks(tail):
                # columns listed (牵头单位和完成时限分别是什么) are asked of one row: no item a
                # sentence must state
                out += [Part.of(plain(f"{i.strip()} {tail}"), "" if _names_a_column(i) else plain(i.strip()), said)
                        for i in items]
                continue
        # things listed with 、 after the clause that asks share its question: "是否还需填报
        # 环境影响登记表、申领排污许可证" asks it of both
        frame = ""
        clauses = _clauses_with_separators(sentence)
        # a keyword lookup asks by column names ("5G县域连续覆盖 时限 谁牵头") or by words
        # naming what is wanted of its topic (一次性吸纳就业补贴 标准 截止时间: a figure, a
        # deadline): each names a part, about the keywords that name none
        lookup = is_lookup(text)
        # (each clause read and asked once: the loop looks at the ones after it too)
        read = [plain(x) for x, _ in clauses]
        asked = [asks(c) for c in read]
        topic = " ".join(c for c, a in zip(read, asked) if not a and not _names_a_part(c, lookup))
        items: list[str] = []  # things listed with 、 before the clause: asked of with it
        for k, ((_, sep), c) in enumerate(zip(clauses, read)):
            asks_later = any(asked[k + 1:])
            if tells_a_few(c, later or asks_later):
                frame = ""  # 去年给几个机关单位干的装修活，…: the story, as in asked_part
                items = []
                continue
            names_topic = _names_topic(c)
            listed, items = items, (items + [c] if sep.strip() == "、" and not asked[k] else [])
            if _names_a_part(c, lookup):
                out.append(Part.of(f"{topic} {c}".strip(), sentence=said))
                frame = ""
            elif asked[k] and _CONDITION.match(c) and asks_later:
                # a condition before the question (万一哪里不规范被查到，第一次会罚款吗): its 哪里 is
                # "anywhere", and the clause is the question's condition, no part of its own
                frame = ""
            elif asked[k]:
                # a clause asking of no topic of its own (能给多少钱, 有什么条件) asks it of the
                # nearest clause before naming one (头一回创业听说有一次性补贴), as asked_part reads
                # it — Part.about, which the composer reads for a sum, a condition or a yes/no; things
                # listed with 、 before it are asked of with it (刻公章、领那个税务UKey要花钱不: of both)
                out.append(Part.of("、".join([*listed, c]), sentence=said,
                                   about=about if not listed and not names_topic else ""))
                m = ASKS.search(c)
                frame = c[:m.end()] if m and "、" in sep else ""
            elif frame and _has_content(c):
                out.append(Part.of(f"{frame}{c}", sentence=said))
                frame = frame if "、" in sep else ""
            else:
                frame = ""
            if names_topic:
                about = c
        if len(out) == found and n < len(marked) and marked[n] and any(asking[:n] + asking[n + 1:]) \
                and clauses and _has_content(last := plain(clauses[-1][0])) \
                and not any(w.pos.startswith("r") for w in _tag(last)):
            # a sentence closed with a question mark asks, with no question word of its own
            # (就业见习补贴标准？留用率高的话能提高吗？: two questions, the first a keyword's) —
            # one about the asker (我是个体户？) tells who asks, with a pronoun
            out.append(Part.of(last, sentence=said))
    return out


def _names_topic(clause: str) -> bool:
    """Whether a clause names a topic of its own: a content word that is not a word naming
    what is wanted of a topic (条件, 标准, 时限: 有什么条件 names none) nor the kind of thing
    granted (补贴, 许可, 执照: 弄个小养老院，要先办什么许可吗 asks the licence of the 养老院 —
    as the verdict reads an asking clause naming nothing but the grant)."""
    words = _tag(clause)
    # what the giver does (县里能帮着解决不: a verb with 县里, 政府 as its doer) is done of the
    # matter named before; the asker's own act (还用不用自己去申请) is a topic of its own
    giver = any(_GIVER.fullmatch(w.text) or names_an_institution(w.text) for w in words)
    return any(_content_word(w) and not (giver and w.pos.startswith(("v", "a"))) and not _names_a_part(w.text, True)
               and w.text not in _GRANTS and not names_a_permit(w.text) for w in words)


# the place or body that grants, named by where it is (县里, 区里, 上面)
_GIVER = re.compile(r"[县区市乡镇村省]里|上面|上级")


# what a lookup's piece ends with when it names a time or who (截止时间, 办理时限, 牵头单位)
_ENDS_ASKING = re.compile(r"(?:时间|时限|期限|日期|单位|部门|条件)$")


def each_listed(text: str) -> list[str]:
    """A question asked of things listed before what it asks (刻公章、领税务UKey要花钱不), asked
    of each: 刻公章要花钱不, 领税务UKey要花钱不 — what follows the last thing's first run of nouns
    is asked of them all. Split at 、跟和与 as 分别 is: 和 inside a unit's name (县住房和城乡建设局)
    splits it too, harmless where only a row stating each piece is sought. ``[text]`` when it
    lists none."""
    pieces = [x for x in _LIST_SEP.split(text) if x.strip()]
    if len(pieces) < 2:
        return [text]
    words = _tag(pieces[-1])
    # the last thing: its first run of nouns (领那个税务UKey), what follows asked of all
    noun = [w.pos[0] == "n" or w.pos == "eng" for w in words]
    first = next((k for k, n in enumerate(noun) if n), None)
    if first is None:
        return [text]
    end = next((k for k in range(first, len(words)) if not noun[k]), len(words))
    if end == len(words):
        return [text]
    head, tail = "".join(w.text for w in words[:end]), "".join(w.text for w in words[end:])
    return [f"{x}{tail}" for x in (*pieces[:-1], head)]


def _names_a_part(clause: str, lookup: bool) -> bool:
    """A clause that is a column's name (时限, 牵头单位), or — in a keyword lookup — a
    word naming what is wanted of the topic (标准, 截止时间, 条件): a figure, a time, who, or
    who may (高企奖励 asks an amount too, but names its topic)."""
    if clause in _COLUMN_WORDS:
        return True
    if not lookup:
        return False
    asks_of = detect_intent(clause) in (Intent.DEADLINE, Intent.DEPARTMENT, Intent.ELIGIBILITY)
    # (a longer piece ending so names it of a part of the topic: 申报截止时间, 单个项目最高额度)
    return (len(clause) <= 4 and (clause in FIGURE_WORDS or asks_of)) or (
        len(clause) <= 8 and (clause.endswith(FIGURE_WORDS) or (asks_of and _ENDS_ASKING.search(clause) is not None)))


def _clauses_with_separators(sentence: str) -> list[tuple[str, str]]:
    """The sentence's clauses, each with the separator after it ("、" marks a list)."""
    parts = re.split(f"({_CLAUSE.pattern})", sentence)
    return [(parts[k], parts[k + 1] if k + 1 < len(parts) else "")
            for k in range(0, len(parts), 2) if parts[k].strip()]


def _keyword(w: Word) -> bool:
    from .lexicon import function_words

    return len(w.text) >= 2 and w.pos[0] in "vaj" and w.text not in function_words()


def _content_word(w: Word) -> bool:
    """A noun, verb, adjective or abbreviation of two or more characters, not a function word
    nor a modal glued to its verb (能给)."""
    from .lexicon import function_words

    return len(w.text) >= 2 and w.text not in function_words() and w.pos[0] in "nvaj" and not modal_glued(w.text)


def _has_content(clause: str) -> bool:
    words = _tag(clause)
    # (a thing counted, 一张证: a noun after its numeral and measure word, whatever its length)
    return any(_content_word(w) for w in words) or any(
        a.pos == "m" and re.search(r"[个张件家项]$", a.text) and b.pos == "n" for a, b in pairwise(words))


def words_of(text: str) -> tuple[Word, ...]:
    """The words of ``text`` with their parts of speech, as a question's are read."""
    return _tag(text)


def _inside_words(words: tuple[Word, ...], text: str) -> set[int]:
    """Offsets in ``text`` that fall inside a word of two or more characters, after its
    first (the 单 of 企业名单), for the words found in order."""
    out: set[int] = set()
    at = 0
    for w in words:
        i = text.find(w.text, at)
        if i < 0:
            continue
        out.update(range(i + 1, i + len(w.text)))
        at = i + len(w.text)
    return out


_PROPER = frozenset({"nz", "nr", "nrt", "nrfg"})  # jieba's tags of other proper names
_THERE = frozenset({"那边", "那儿", "那里", "那块", "那头"})
_AT = frozenset({"在", "去", "到", "从"})  # prepositions a place follows


def _one_place(name: str) -> bool:
    """The gazetteer knows ``name`` as a division: written in full (城关区), or short for
    divisions of one name and one city. A short name that several cities' divisions bear
    names none of them (城关: 城关区 of 拉萨市 and of 兰州市 — and the seat town of a county,
    城关镇, anywhere), as 城区 and 郊区 do."""
    found = lookup(name)
    return bool(found) and (any(p.name == name for p in found)
                            or len({(p.name, parents(p)[:1]) for p in found}) == 1)


def named_places(words: tuple[Word, ...], text: str) -> tuple[str, ...]:
    """Places the question names: a word jieba tags as a place name (ns) that the
    gazetteer knows, or a full division name (吉县, 乡宁县) written in the text."""
    out = [w.text for w in words if w.pos == "ns" and _one_place(w.text)]
    # a proper name jieba does not tag as a place (义乌: nz) that the gazetteer knows, said
    # with 那边 (那儿, 那里): a place spoken of as one
    out += [w.text for w, nxt in pairwise(words) if w.pos in _PROPER and nxt.text in _THERE
            and len(w.text) >= 2 and _one_place(w.text)]
    # a noun jieba does not tag as a place (运城: n) where a place stands — after 在, 去, 到
    # or 从, or before 那边 — naming exactly one division of the gazetteer (城区, 郊区, 矿区
    # name several: the common words they are)
    out += [w.text for prev, w, nxt in zip((None, *words[:-1]), words, (*words[1:], None), strict=True)
            if w.pos == "n" and len(w.text) >= 2 and len(lookup(w.text)) == 1
            and ((prev is not None and prev.text in _AT) or (nxt is not None and nxt.text in _THERE))]
    # a city's 市区/城区 (临汾市区): its urban districts, a place of its own
    for m in re.finditer(r"([\u4e00-\u9fff]{2,6})(?:市区|城区)", text):
        for start in range(m.start(1), m.end(1) - 1):
            city = text[start:m.end(1)]
            if any(p.level == CITY for p in lookup(city) + lookup(city + "市")):
                out.append(text[start:m.end()])
                break
    inside = _inside_words(words, text)
    for m in re.finditer(r"[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|旗|州)", text):
        for start in range(m.start(), m.end() - 1):
            if start in inside:
                continue  # 单县 read across 企业名单 | 县里: no name starts inside a word
            name = text[start:m.end()]
            if any(p.name == name for p in lookup(name)) or county_written_short(name) is not None:
                out.append(name)
                break
    return tuple(dict.fromkeys(out))


# a spoken particle — an interjection (嗯, 哎) or a modal particle (吧, 呢, 吗, 啊) — by the
# tagger's part of speech
_SPOKEN = ("e", "y")


def spoken_clauses(text: str) -> str:
    """``text`` with a comma after each spoken particle, where it has no punctuation at all.

    A question said aloud and typed by voice ("…开了个小铺子七八年了嗯现在想…听人说有那个
    创业担保贷款…最多能贷多少钱啊") comes without a comma: its interjections and modal
    particles are where the speaker paused, the ends of its clauses — so the clause that
    asks is told from the story before it as in a written question."""
    s = text.strip()
    if _CLAUSE.search(s) or len(s) <= 2 * SHORT:
        return text
    out: list[str] = []
    for w, f in tagged(s):
        if f.startswith("v") and hears_or_asks(w) and out and out[-1] != "，":
            out.append("，")  # (…手头钱不够，听人说有那个创业担保贷款…: what was heard or asked follows)
        out.append(w)
        if f in _SPOKEN:
            out.append("，")
    return "".join(out).strip("，")


def read_question(text: str) -> Query:
    norm = normalize(text)
    p = plain(text)
    words = _tag(p)
    # (the clauses of a question typed by voice, read where it paused)
    said = spoken_clauses(text)
    asked = asked_part(said)
    # the intent is that of the clause that asks: "之前的贷款快到期了还不上 能跟银行说延期
    # 续贷不" asks whether, not when — the story's 到期 is not what is asked
    lookup = is_lookup(said)
    return Query(text=text, norm=norm, plain=p, intent=detect_intent(p if lookup else asked), words=words,
                 asked=asked, places=named_places(words, p),
                 years=(*(int(y) for y in _YEAR.findall(norm)), *han_years(norm)), lookup=lookup,
                 # in the clause that asks: "去年贷的款马上到期" is the story
                 relative_years=tuple(_RELATIVE_YEARS[m] for m in _RELATIVE_YEAR.findall(asked)),
                 parts=tuple(asking_parts(said)),
                 refs=tuple(find_references(text)), unlabelled=strip_references(text).strip(), said=said)
