"""Intent of a question, by rules (measured on the question set)."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from ingest.table import COOP, HEADER_WORDS, LEAD
from ingest.text import normalize

from .datafile import data_lines
from .tagging import tagged
from .thesaurus import is_mood_particle, is_what_word, is_when_word, is_where_word


class Intent(StrEnum):
    """What a question asks for. A ``str``: ``Intent.AMOUNT == "amount"``, so string
    comparisons, the JSON answer and the memo keys of sentence rankings are as before."""

    AMOUNT = "amount"
    DEPARTMENT = "department"
    DEADLINE = "deadline"
    MEASURE = "measure"
    GOAL = "goal"
    ELIGIBILITY = "eligibility"
    YESNO = "yesno"
    GENERAL = "general"


INTENTS = tuple(Intent)

# asked as a yes/no question by its question words: "几个小项目能打包做环评吗" asks
# whether; "几天能办好不" still asks how many days
_YES_NO_WORDS_RE = r"吗[？?]?$|(?<!什)么$|有没有|能不能|可不可以|是不是|是否|可以.*吗|放开了吗|行不行|让不让"
_YES_NO_WORDS = re.compile(_YES_NO_WORDS_RE)
# A-not-A (会不会, 算不算, 有没有) and "真的假的": a question whatever its other words
A_NOT_A = r"([\u4e00-\u9fff])[不没]\1|真的假的"
# a yes/no question: by those words, A-not-A, or a colloquial ending (…不, …了没, …没有)
_YES_NO = re.compile(rf"{_YES_NO_WORDS_RE}|[^要]不[？?]?$|了没[？?]?$|没有[？?]?$|{A_NOT_A}")

# the names task lists give their unit columns (牵头单位, 协同单位, 责任单位 …) ask for units
_UNIT_COLUMNS = "|".join(sorted({w for field, words in HEADER_WORDS if field in (LEAD, COOP) for w in words},
                                key=len, reverse=True))

# under a negation (没, 没有, 不了, 不得, 不到): a quantity word after it says "not much",
# "not many" of the asker's situation (没多少污染, 挣不了几个钱), and asks nothing
_NEGATED = r"(?<!没)(?<!没有)(?<!不[了得到])"
# 多少 asks "how much" unless negated
HOW_MUCH = rf"{_NEGATED}多少"

# Checked in order; the first rule that matches wins.
_RULES: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    (Intent.DEPARTMENT, re.compile(r"哪个部门|哪个单位|哪个局|哪些单位|哪些部门|找谁|找哪|谁负责|谁牵头|谁来|谁在|谁管|"
                                   r"归谁|归哪|牵头的|负责单位|主管部门|谁配合|由谁|哪家|什么部门|"
                                   + _UNIT_COLUMNS)),
    (Intent.DEADLINE, re.compile(r"什么时候|何时|哪天|哪一年|几号|几月|时限|期限|截止|时间进度|时间安排|多久完成|"
                                 r"到什么时候|什么时间|延长到|之前|完工|时间$|时间[？?]")),
    (Intent.AMOUNT, re.compile(HOW_MUCH + r"|金额|奖励标准|补贴标准|奖多少|给多少|拿多少|几份|比例|上限|最高|"
                               r"标准是|按多少|按什么比例|按什么标准|几成|几厘|几分利|百分之|奖励$|有啥奖|什么奖|啥补贴|什么补贴|奖补|几年")),
    (Intent.GOAL, re.compile(r"目标|效果|要达到|成立几家|几个|几家|多少亩|运行了吗|进展|有什么作用|多少面积")),
    (Intent.ELIGIBILITY, re.compile(r"条件|符合|什么样的|哪些人|哪些企业|哪些项目|什么项目|资格|能不能申请|可以申请|"
                                    r"要交|需要.*吗|会不会|要钱吗|收费吗|还要|多久才能|能否")),
    (Intent.MEASURE, re.compile(r"怎么|如何|措施|办法|做法|哪些事|怎样|具体|流程|是怎么回事|推进")),
    (Intent.YESNO, _YES_NO),
)


@lru_cache(maxsize=1)
def _colloquial() -> tuple[tuple[str, str], ...]:
    pairs = [ln.split("\t")[:2] for ln in data_lines("colloquial.tsv") if "\t" in ln]
    return tuple((normalize(a), normalize(b)) for a, b in pairs)


@lru_cache(maxsize=4096)
def plain(question: str) -> str:
    """The question in written wording for reading how it asks (啥时候 → 什么时候,
    干嘛的 → 有什么作用; ``qa/data/colloquial.tsv``), normalised, with the question words
    of speech the thesaurus files beside 什么, 何时 or 哪里 read as those (甚时候 → 什么时候,
    多会儿 → 什么时候, 何处 → 哪里). Retrieval keeps the user's own words."""
    q = normalize(question)
    for a, b in _colloquial():
        q = q.replace(a, b)
    return _written_question_words(q)


def _written_question_words(q: str) -> str:
    """甚 before an adjective says "very" (甚好, 甚多) and stays."""
    words = tagged(q)
    out = []
    for k, w in enumerate(words):
        after = words[k + 1].flag if k + 1 < len(words) else ""
        if is_when_word(w.word):
            out.append("什么时候")
        elif is_where_word(w.word):
            out.append("哪里")
        elif is_what_word(w.word) and not after.startswith("a"):
            out.append("什么")
        else:
            out.append(w.word)
    return "".join(out)


# the words a question asks a number to call by (咨询电话, 热线, 手机号)
PHONE_WORDS = ("电话", "号码", "手机号", "热线")
# such a number asked with 多少 (电话是多少, 咨询热线多少, 手机号码多少): no amount
_PHONE_ASKED = re.compile(rf"(?:{'|'.join(PHONE_WORDS)})(?:号码)?(?:是|为)?多少")


# a figure word a judgment follows describes the thing, not asks for it (金额不大的项目,
# 规模较小的企业, 比例高的)
_DESCRIBED = re.compile(r"(?:金额|数额|额度|规模|比例|标准)(?:不|较|很|比较|太|特别)?[大小高低多少]的")


# a unit column's name before a word of duty (各牵头单位应于何时…, 责任单位要在…) names who
# must act: the clause's subject, not what it asks
_UNIT_ACTING = re.compile(rf"各?(?:{_UNIT_COLUMNS})(?=应|要|需|须|必须|务必|得|该)")


def detect_intent(question: str) -> Intent:
    # a few people doing something together (几家联合起来投, 几个人合伙) tell the story
    q = _FEW_PEOPLE.sub("", _DESCRIBED.sub("", _PHONE_ASKED.sub("", plain(question))), count=1)
    q = _UNIT_ACTING.sub("", q)
    for name, pattern in _RULES:
        if pattern.search(q):
            return name
    return Intent.GENERAL


# 几 asks "how many" unless it says "several" (好几年), is negated (没几个人, 挣不了几个钱,
# 字认不得几个, 用不到几天: "not many", said, not asked) or is a round figure of the story
# (几十年了, 几十头, 十几万货款: "dozens", with a place value) or points at a few the story
# names (那几亩苹果树, 这几家, 前几年, 后面几年, 近几个月: a demonstrative or a time's position before it)
_NOT_ASKING = rf"(?<![好十这那前近头面]){_NEGATED}"
JI = rf"{_NOT_ASKING}几(?!十)"
# "how many": 几个 / 多少家 …, not 哪几个 (which ones), 好几年, a negated count (没多少) or
# a noun the measure word begins (多少份额, 多少人口)
# the measure words a count is asked with (几个, 多少家, 几辆, 多少张)
MEASURE_WORDS = "个家处项所份次天年亩户人辆台座条名位间场张本套"
# the words by which a clause asks a figure of its matter (补贴标准, 贷款额度, 奖励上限)
FIGURE_WORDS = ("比例", "金额", "标准", "上限", "最高", "最多", "额度")
# (第几项 asks which item, an ordinal the citation gives — no count)
_COUNT = re.compile(rf"(?<!哪)(?<!第){_NOT_ASKING}(几|多少)([{MEASURE_WORDS}])(?![额口点]|百分点)")
# a count asked by its noun: 套数, 户数, 人数 (a lookup: 保障性租赁住房 套数)
COUNT_NOUN = re.compile(rf"([{MEASURE_WORDS}])数(?![据字码额量])")
NUMERALS = "一二两三四五六七八九十百千万"
# a clause that asks: a question word, a yes/no form (有补助没, 中不中, A-not-A)
ASKS = re.compile(rf"{HOW_MUCH}|{JI}|吗|么$|呢|能不能|可不可以|有没有|是不是|是否|行不行|中不中|哪|谁|(?<!没)(?<!没有)(?:什么|啥)|咋|怎|"
                   rf"如何|(?<!任)何|有无|多久|多长|多大|多高|不[？?]?$|没[？?]?$|否|^还是|{A_NOT_A}")
_FEW_PEOPLE = re.compile(r"(?:我们|咱们|俺们|他们|我|俺|咱)?好?几(?:个|位|名|户|家)?(?:人|家|户|兄弟|朋友|同学|伙计)"
                         r"(?:想|打算|准备|要)?(?=合伙|一起|联合|凑|搭伙|合开|合办|合资|共同)")


# 几 in a negation's scope (也没卖出去几个, 挣不了几个钱, 没用几天) is "few": it tells, never
# asks — but a limit is asked with a negation (不超过几天), and A-not-A (能不能几家联合,
# 有没有几个) is no negation
_NEGATED_FEW = re.compile(rf"([没不])(?!超过|少于|低于|高于|多于|大于|小于)[\u4e00-\u9fff]{{0,4}}?几(?=[{MEASURE_WORDS}])")


def without_few(clause: str) -> str:
    """``clause`` without the 几 a negation governs (也没卖出去几个 → 也没卖出去个)."""
    out = clause
    for m in reversed(list(_NEGATED_FEW.finditer(clause))):
        i = m.start(1)
        if 0 < i < len(clause) - 1 and clause[i - 1] == clause[i + 1]:
            continue  # A-not-A
        out = out[:m.end() - 1] + out[m.end():]
    return out


def asks(clause: str) -> bool:
    """Whether a clause asks. 几 as the number of people who do something together
    ("几个人合伙买的场房", "村里几户人想合伙包山") tells the story — a few people — and
    asks nothing; nor does 几 under a negation (也没卖出去几个)."""
    return bool(ASKS.search(_ANY_NOT.sub("", _FEW_PEOPLE.sub("", without_few(clause), count=1))))


# a question word before 也/都 and a negation is "any" (啥也不懂, 什么都没有, 谁都不管, 哪都没去):
# the clause tells, it asks nothing
_ANY_NOT = re.compile(r"(?:什么|啥|哪里|哪儿|哪|谁)(?=[也都](?:不|没))")


def _indefinite(clause: str, m: re.Match[str], followed: bool) -> bool:
    """几 before its noun in a clause that asks nothing else, with a question after it, is
    "a few" (我帮几个个体户代账，增值税还用交不; 俺和几户养牛的想整个合作社 … 一年能评上几个):
    the asker's story, not a how-many. 几 closing its clause, or before nothing but the
    particles that close one (一共几处啊), asks."""
    rest = clause[m.end():]
    return (m.group(1) == "几" and followed and not all(is_mood_particle(c) for c in rest)
            and not _closes_on_its_noun(clause, m) and not asks(clause[:m.start()] + "，" + rest))


def _closes_on_its_noun(clause: str, m: re.Match[str]) -> bool:
    """有几个 and its noun close the clause, and no one tells it (县城有几个便民市场啊): how many
    of that thing there are is asked — the few of a story go on to do something (几个个体户
    代账), are what the asker acts on (添几台机器, 照顾几个老人) or are the asker's (俺村有几个
    贫困户)."""
    before = clause[:m.start()]
    words = [w for w in tagged(clause[m.end():]) if not (len(w.word) == 1 and is_mood_particle(w.word))]
    return before.endswith("有") and bool(words) and all(w.flag.startswith("n") for w in words) \
        and not _TOLD.search(before)


# who tells: the asker (我, 俺, 咱 …) or a past time (去年, 前些年) opening the clause — what
# happened —, or an action done (招了几个, 买过几台)
_TOLD = re.compile(r"^(?:我|俺|咱|我们|俺们|咱们|自家|家里|去年|前年|前几年|前些年|上个?月|上半年|早些年|以前|之前)|[了过]$")
# …or the few acting together (几个姐妹一起做布鞋, 几户人合伙养牛): who the asker's party is
_TOGETHER = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:一起|一块|一道|合伙|搭伙|联合)")


def _party(clause: str, m: re.Match[str]) -> bool:
    """The few of ``m`` act together and the clause asks something else of them
    (几个人一起开店能贷多少): who asks, not how many."""
    return bool(_TOGETHER.match(clause[m.end():])) and asks(clause[:m.start()] + "，" + clause[m.end():])


# …or what was done in them, after (打工几年攒了点钱, 跑了几趟办下来了): a verb with its 了
_DONE_AFTER = re.compile(r"[\u4e00-\u9fff]了")


def _told(clause: str, m: re.Match[str]) -> bool:
    """The few of ``m`` are told, not asked: by the asker or a past (see _TOLD), as a
    party acting together (几个姐妹一起做布鞋和草编，需要去办排污许可证吗), or by what was
    done in them (在外头打工几年攒了点钱，县里对民宿有啥支持没)."""
    rest = clause[m.end():]
    return bool(_TOLD.search(clause[:m.start()]) or _TOGETHER.match(rest) or _DONE_AFTER.search(rest))


# 几 with a place value (几百亩, 几千只, 几万块): a round figure
_ROUND = re.compile(rf"(?<!哪)(?<!第){_NOT_ASKING}(几)[百千万]+")


def tells_a_few(clause: str, followed: bool) -> bool:
    """A clause whose only question word is 几 before its noun, "a few", with a question
    after it, told by the asker of what they did or have (我店里招了几个本地人，有没有补贴;
    承包了几百亩坡地种连翘, a round figure): the story, not a how-many. Without a teller, 几
    asks (县里打算扶持几家企业，找谁申请)."""
    said = without_few(clause)
    found = [*_COUNT.finditer(said), *_ROUND.finditer(said)]
    return bool(found) and followed and all(
        _indefinite(clause, m, followed) and _told(clause, m) for m in found)


# 几 before a measure (几个, 几年, 几千): a figure asked, or "a few"
_FEW = re.compile(r"(?<![好哪第])(几)[成个家万千百项天年次户人台辆名]")


def few_told(text: str) -> str:
    """``text`` with each 几 that asks no figure written 些: in a clause asking whether
    (一个执照能管几个点不: can it cover a few), or "a few" of a clause asking nothing else
    with a question after it (像我这种毕业几年的大学生自己出来干，房租能给补点不) — the 几
    :func:`count_word` does not read as how many. What a figure asked is sought in."""
    pieces = re.split(r"([，,；;？?！!。\s]+)", text)
    clauses = pieces[::2]
    out = []
    for i, c in enumerate(clauses):
        found = list(_FEW.finditer(c))
        later = any(asks(x) for x in clauses[i + 1:])
        if found and (_YES_NO.search(plain(c)) or all(_indefinite(c, m, later) for m in found)):
            at = {m.start(1) for m in found}
            c = "".join("些" if j in at else ch for j, ch in enumerate(c))
        out.append(c)
    return "".join(x for pair in zip(out, [*pieces[1::2], ""], strict=True) for x in pair)


def count_word(question: str, followed: bool = False) -> str | None:
    """The measure word of a how-many question (次 for "开了几次"), else None. A
    yes/no question is not one: "几个小项目能打包做环评吗" and "能不能几家联合起来投标"
    ask whether. ``followed``: a question comes after this text (one part of several)."""
    # the last clause with a count: the asker's situation comes first ("几户人想合伙…县里
    # 扶持多少家"); a yes/no form elsewhere asks its own part ("有没有快点的法子，公示得多少天")
    # (split before normalising, which drops the spaces plain speech puts between clauses)
    # (a clause the asker closes with a question mark asks, unless it tells what they did:
    # 几天能办完？到哪个窗口办？, not 我店里招了几个本地人？有没有补贴)
    pieces = re.split(r"([，,；;？?！!。\s]+)", question)
    read = [(without_few(plain(c)), "？" in sep or "?" in sep)
            for c, sep in zip(pieces[::2], [*pieces[1::2], ""], strict=True)]
    clauses = [c for c, _ in read if c]
    closed = [q for c, q in read if c]
    for i in range(len(clauses) - 1, -1, -1):
        found = list(_COUNT.finditer(clauses[i]))
        if not found:
            if (noun := COUNT_NOUN.search(clauses[i])) and not _YES_NO_WORDS.search(clauses[i]):
                return noun.group(1)
            continue
        later = followed or any(asks(c) for c in clauses[i + 1:])
        if _indefinite(clauses[i], found[-1], later) and (
                not closed[i] or _told(clauses[i], found[-1])) or _party(clauses[i], found[-1]):
            continue
        if _YES_NO_WORDS.search(clauses[i]):
            return None
        word, rest = found[-1].group(2), clauses[i][found[-1].end():]
        # 几个月, 几个小时, 几个工作日: a span counted, not things (个 counts anything)
        return next((unit for head, unit in _SPANS if word == "个" and rest.startswith(head)), word)
    return None


# a span counted with 个 (几个月, 几个工作日), by the unit its count is stated in
_SPANS = (("月", "个月"), ("小时", "天"), ("工作日", "天"))


# the same quantity in other words: days are often 工作日, and a span shorter than a day
# answers "how many days" too (半日结, 0.5天内, 2小时, 即办, 当日办结)
# (个 before a unit of time counts a span, 6个月, not things)
_SAME_UNIT = {"天": "(?:天|日|个?工作日|个?小时)",
              "个": "(?:个(?!月|季度|工作日|小时|星期)|家|处|所|项|户|座|条|名|人|场|批|台|辆|间|只)",
              # sheets and copies of a paper: 多少张发票 is answered by 25份
              "张": "(?:张|份)", "份": "(?:份|张)"}
_WITHIN_A_DAY = re.compile(r"半[日天]|即办|即时办结|当日|当天|立等可取")


def states_count(text: str, word: str) -> bool:
    """``text`` gives a number with that measure word ("2次", "五年", "2~3家", and
    "3个工作日", "半日结" or "即办" for 几天; 个, the general measure word, is answered
    by a count with any: 几个这样的市场 — 便民市场5处)."""
    if word == "年":
        # (2022年, 二〇二二年: a date, not a count of years)
        return bool(re.search(rf"(?<![\d〇零{NUMERALS}])(?:\d{{1,2}}|[{NUMERALS}]{{1,3}})\s*(?:个)?年", text))
    return bool(re.search(rf"[\d{NUMERALS}]\s*{_SAME_UNIT.get(word, word)}", text)
                or (word == "天" and _WITHIN_A_DAY.search(text)))


# a superlative (最长, 最多, 最高: 最 and the character it raises) the asking clause puts
# before a count (最长能贷几年)
_SUPERLATIVE = r"最([\u4e00-\u9fff])"


def superlative_count(question: str, word: str | None, text: str) -> bool | None:
    """Whether ``text`` states the count of ``word`` — or, ``word`` None, the span (最长能停
    多久) — after the superlative the question asks it with (最长能贷几年: 贷款期限最长不超过3年,
    not 毕业5年内); None when none is asked."""
    asked = rf"(?:几|多少)个?{re.escape(word)}" if word else r"(?:多久|多长时间)"
    m = re.search(rf"{_SUPERLATIVE}[^，,。；;？?]{{0,6}}?{asked}", plain(question))
    if m is None:
        return None
    unit = _SAME_UNIT.get(word, word) if word else _SPAN_UNIT
    return bool(re.search(rf"最{m.group(1)}[^，,。；;]{{0,8}}?[\d{NUMERALS}]\s*{unit}", text))


# the measures a span is stated in (歇业期限最长不超过3年, 最长6个月, 最长15个工作日)
_SPAN_UNIT = r"(?:年|个?月|日|天|个?工作日|小时)"


def counts_stated(text: str, word: str) -> dict[str, str]:
    """The things ``text`` counts with that measure word, each by the two characters before
    its figure, and the figure (便民市场5处，夜市2处 → {"市场": "5", "夜市": "2"})."""
    unit = _SAME_UNIT.get(word, word)
    return {m[1]: m[2] for m in re.finditer(rf"([\u4e00-\u9fff]{{2}})([\d{NUMERALS}.]+)\s*{unit}", text)}


# "where": 在哪查 / 去哪里办 — the place or channel is the answer
_WHERE = re.compile(r"在哪|哪里|哪儿|去哪|什么地方|什么网站|哪个网站|哪个平台")
# how the document names a place or channel (网站, 政务服务网, 平台, 大厅, 窗口, 网点 …)
PLACE_WORDS = ("服务网", "网站", "网上", "网厅", "平台", "大厅", "窗口", "网点", "服务点", "一体机",
               "公布", "公示")


def asks_where(question: str) -> bool:
    return bool(_WHERE.search(plain(question)))


# "how long": 多久能到账 / 几天能办好 — a span of time is the answer (not 多久开一次: how often)
_DURATION = re.compile(r"多久|多长时间|多少天|几天|几个工作日|多少个?工作日|多快")
# how the document states a span of time (72小时到账, 3个工作日内, 0.5天内, 6个月内, 缴费12个月以上,
# 即办, 当日): 个月 is always a span, within it or at least it
DURATION_WORDS = ("小时", "工作日", "天内", "日内", "个月", "分钟", "秒", "即办", "当日", "次日", "立等")


def asks_duration(question: str) -> bool:
    q = plain(question)
    # (多久一次 asks how often; 一次性补贴 names a grant paid once)
    return bool(_DURATION.search(q)) and not re.search(r"一次(?!性)", q)


# "at most how much": 最多能贷多少 / 最高补多少 — a limit is the answer
_LIMIT = re.compile(r"最多|最高|上限|顶多|封顶|最大")
# how the document states a limit (个人贷款不超过30万元, 最高不超过3000元, 3个工作日以内)
LIMIT_WORDS = ("不超过", "最高", "上限", "以内", "封顶", "最多")


def asks_limit(question: str) -> bool:
    return bool(_LIMIT.search(plain(question)))


# the words naming a grant (补贴, 奖励, 贴息 …): what it is for stands right before one
# (装修改造有没有补贴, 育儿补贴) — read by the question (qa.question) and the verdict (qa.relevance)
GRANT_WORDS = ("补贴", "补助", "奖励", "奖补", "奖金", "贴息", "资助", "补偿")
