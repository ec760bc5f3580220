"""Does the document answer the question? Three outcomes, "not covered" only on evidence.

- **not covered** — positive evidence that the document is silent: a place other
  than the document's own (or its parents), from the gazetteer; a year outside the
  document's period; or a topic the question asks about that has no counterpart
  anywhere in the document and carries the question (its meaning moves when the
  word is left out) while the best rows state nothing else it asks.
- **partial** — the best rows are on the question's topic but do not state what was
  asked: a figure (an amount, a count) the rows do not give, a detail (a phone
  number, an address, a form) they do not name, or a noun of the asking clause they
  never use. The answer says what the document does not state, then quotes the
  nearest rule with its citations.
- **answered** — otherwise.

Only the clause that asks is judged, and only its nouns (``qa.question``): the
asker's story (俺家地里西瓜熟了, 新开个洗车店) and words of speech never count.
Everyday words reach the document's vocabulary through the thesaurus (摊位 = 摊点,
``qa.thesaurus``) and the query-time synonym table. When unsure, partial: a person
given the nearest rule with its citation can act; one told "未涉及" leaves.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from itertools import pairwise

from ingest.departments import UNIT_ENDINGS
from ingest.headings import cn_number
from ingest.places import lookup, parents, short_form
from ingest.text import normalize

from .intent import PHONE_WORDS, asks, plain
from .question import Query, clauses_of, words_of
from .schema import ANSWERED, NOT_COVERED, PARTIAL
from .tagging import tagged
from .thesaurus import files_with_an_office, names_an_institution

# details a service-hall user asks for that a task list rarely states, each with how a
# row would state it: a phone number by its digits, the others by the word itself
_PHONE = re.compile(r"\d{3,4}[-－—]?\d{7,8}|\d{5,}")
# a street address (…路12号, …街) and a time of day (8:30, 九点) as a row would give them
_STREET = re.compile(r"[\u4e00-\u9fff]{1,8}(?:路|街(?![区道])|大道)\d*号?")  # (街区, 街道: no street)
_CLOCK = re.compile(r"\d{1,2}\s*[:：]\s*\d{2}|[\d一二三四五六七八九十]{1,3}点(?:[半整钟]|\d)")
# a day of the month (25号, 7月20日, 十五日) or of an event (当天, 次日): what 哪天 and 几号 ask —
# 2024年5月 gives the month only
_DAY = re.compile(r"\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,3}[日号]|当[天日]|即日|次日")
# a body named in a sentence, with its level (县经济和信息化局, 市发展和改革局, 县财政局): who
# is in charge, for a row with no unit columns (an article, a Q&A); whose number a question
# may ask (县税务局的电话)
NAMES_BODY = re.compile(r"(?:县|市|区|省|乡|镇)[\u4e00-\u9fff]{1,14}?(?:局|委员会|委|办公室|中心|政府|公司|银行|"
                        r"[\u4e00-\u9fff]办(?![理事法结件证好照公学成到得不]))")  # (区营商环境办, not 县里办理)
# a sentence saying which body handles the matter (本条奖励由县市场监管局受理; …由县工业和信息化局、
# 县商务局按行业分别受理): what a row of no unit columns has for its 受理部门 line
HANDLED_BY = re.compile(rf"(?:{NAMES_BODY.pattern})[^。；;，,：:]{{0,12}}?(?:受理|承办|牵头|负责(?!解释))")
# "which" with a number before its measure word (哪两条, 哪几条)
_WHICH_COUNTED = re.compile(r"哪[一两二三四五六七八九十几]条")
# a phone line for reporting abuse or complaints, not for asking (监督举报电话, 投诉电话) —
# not an office's name (市场监督管理局, whose number is one to ask on)
_REPORTING = re.compile(r"举报|投诉|监督(?!管理)")
# a form named by the act of filing it: 申报表, 登记表, 申请书 (qa.thesaurus.files_with_an_office)
_FORM = re.compile(r"([\u4e00-\u9fff]{2})([表书])")
# which form is filled in, asked as such (要填哪张表, 填什么表): given only by a row naming a
# form of filing (申报表, 《…登记表》 — not a 任务分工表, the notice's own title)
_WHICH_FORM = re.compile(r"(?:哪|什么|啥)[张个份种样]?表(?![现达示彰扬决态])")
# the n-th of a series (第三批, 第2期, 第五届, 第四季度)
_ORDINAL = re.compile(r"第([一二三四五六七八九十\d]{1,3})(批|期|届|轮|季度|阶段)")
# the members of a class asked by name (合作银行具体有哪几家, 是哪几家机构): 几家 counts
# institutions one by one — the row must name them, not only the class
# — or a list asked by its members (服务商名单有哪些企业: the 服务商 by name)
_MEMBERS_ASKED = re.compile(r"哪几家([\u4e00-\u9fff]{2})|([\u4e00-\u9fff]{2})(?:具体)?(?:都)?(?:有|是|包括)?哪几家(?![\u4e00-\u9fff])"
                            r"|([\u4e00-\u9fff]{2})名单(?:上)?(?:具体)?(?:都)?(?:有|是|包括)?哪些([\u4e00-\u9fff]{0,2})")
# one of a class asked by name (是哪家公司, 在哪家银行发放): the rows must name one
_WHICH_ONE = re.compile(r"哪一?家([\u4e00-\u9fff]{1,4})")
# the words that make a name of a class word before it: a place, a person's or a proper
# name, an organisation, an abbreviation (大宁农商银行, 邮储银行, 正信会计师事务所)
_NAMING = ("ns", "nr", "nt", "nz", "j")
# a grade of a rated scale (四星级 饭店, 5A级 景区): one grade is not another
_GRADE = re.compile(r"([一二三四五\d])\s*(星级|A级)", re.IGNORECASE)
_DETAILS: tuple[tuple[str, str, re.Pattern[str] | None], ...] = (
    *((w, "热线号码" if w == "热线" else "电话号码", _PHONE) for w in PHONE_WORDS), ("地址", "地址", None), ("地点", "具体地点", None), ("网址", "网址", None), ("邮箱", "邮箱", None),
    ("二维码", "二维码", None), ("表格", "表格", None), ("申请表", "申请表", None), ("模板", "模板", None),
    ("材料清单", "材料清单", None), ("几楼", "具体位置", None), ("门牌", "具体位置", None),
    ("哪条街", "地址", _STREET), ("哪条路", "地址", _STREET), ("几点", "具体时间", _CLOCK),
    *((w, "具体日期", _DAY) for w in ("哪天", "哪一天", "几号", "哪日", "具体日期")))


@dataclass(frozen=True)
class Thresholds:
    min_shift: float = 0.018     # an unknown word moving the question less is an aside
    absent_coverage: float = 0.25  # below this share of the asking clause stated: nothing else asked is there
    story_coverage: float = 0.5  # at or above this share of the story stated by the best rows: on their topic
    partial_coverage: float = 0.5  # below this share of the asking clause stated by the best rows: partial
    amount_match: float = 0.3    # an amount question whose best number-bearing sentence matches less: partial
    setting_coverage: float = 0.75  # at or above this share of the asking clause stated, the asker's shop is a setting


@dataclass(frozen=True)
class Verdict:
    coverage: str                          # ANSWERED | PARTIAL | NOT_COVERED
    reason: str                            # what the document does not state (Chinese), "" when answered
    foreign_places: tuple[str, ...] = ()
    foreign_years: tuple[int, ...] = ()
    absent: tuple[str, ...] = ()           # nouns of the asking clause with no counterpart in the document
    unstated: tuple[str, ...] = ()         # nouns of the asking clause the best rows do not use
    story: tuple[str, ...] = ()            # unknown nouns outside the asking clause (not counted)
    asides: tuple[str, ...] = ()           # unknown nouns that barely move the question (not counted)
    settings: tuple[str, ...] = ()         # the asker's own shop, where the rows state the rest (not counted)
    kinds: tuple[str, ...] = ()            # unknown nouns that are no evidence of absence (partial at worst)
    bridged: tuple[tuple[str, str], ...] = ()  # everyday word → the document's word
    asked: str = ""
    asked_coverage: float = 1.0
    story_coverage: float = 0.0            # share of the story's words the best rows state
    shift: float = 0.0
    missing: str = ""                      # the figure or detail the rows do not give
    dense: float = 0.0

    @property
    def abstain(self) -> bool:
        return self.coverage == NOT_COVERED

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def in_scope_places(places: tuple[str, ...]) -> set[str]:
    """The document's places by every name they go by (大宁县, 大宁)."""
    # (by the unit word dropped: a division the gazetteer lacks goes by its short form too)
    return set(places) | {short_form(name) for name in places}


def urban_districts(name: str, own: tuple[str, ...]) -> bool:
    """``name`` is a parent city's 市区/城区 (临汾市区) and the document's own place is a
    county of that city, not one of its districts: the county is outside them."""
    if len(own) < 2 or own[0].endswith("区") or not re.search(r"(?:市区|城区)$", name):
        return False
    home = in_scope_places(own[:1])
    return any(name[:-2] in (p, p.removesuffix("市")) for p in in_scope_places(own[1:]) - home)


def _elsewhere(name: str, own: tuple[str, ...]) -> bool:
    """``name`` is exactly a division of the gazetteer that is neither the document's own
    place nor in it (长沙县 for a 浏阳市 document; not for a 长沙市 one)."""
    divisions = [p for p in lookup(name) if p.name == name]
    return bool(own) and bool(divisions) and not any(
        p.name == own[0] or own[0] in {a.name for a in parents(p)} for p in divisions)


def foreign_places(q: Query, own: tuple[str, ...], row_text: str, doc_text: str = "") -> tuple[str, ...]:
    """Places the asking clause names that are neither the document's own (nor its
    parents) nor named by the document itself (北京 in a row about flights to 北京 is the
    row's; 老城区 or 新建 in the document are its own words). A place in the asker's
    story (俺那物流公司给河北拉货) does not decide; one the question opens with, that
    owns its subject (吉安市青原区的个体户转成企业，奖励标准是多少) or where the asker is (我在
    德兴市开宾馆 …, naming no place of the document's own) does."""
    if not q.places:
        return ()
    scope = in_scope_places(own)
    # a name written right before another's (临汾尧都区, 眉山市东坡区) is that division's
    # address — its parent — not a place of its own; a division so addressed by the
    # document's own place (大宁县昕水镇) is inside it
    qualifier = {p: o for p in q.places for o in q.places if p != o and f"{p}{o}" in q.norm}
    inside = {o for p, o in qualifier.items() if p in in_scope_places(own[:1])}
    named = [p for p in q.places if p not in qualifier]
    # the question places what it asks here: it names a place of the document's own (not
    # as part of another's name: 临汾 of 临汾市区), or says here (这边, 县里, 回村 …)
    here = bool(_HERE.search(q.norm)) or any(
        p in scope and not any(p != o and p in o for o in q.places) for p in named)
    clauses = [normalize(c) for c in clauses_of(q.said or q.text)]
    out = []
    for name in q.places:
        if _told_elsewhere(name, q, clauses, here) or name in inside:
            continue
        # a place the question opens with or that owns what is asked (青原区的个体户 …,
        # 光山县对…) scopes it, wherever the asking clause starts — or where the asker is
        # (在眉山市东坡区开奶茶店: with its parent's name before it)
        parent = "|".join(re.escape(p) for p, o in qualifier.items() if o == name)
        scoping = q.norm.startswith(name) or re.search(rf"{re.escape(name)}(?:的(?![，,。；;\s])|对)", q.norm) \
            or (re.search(rf"在(?:{parent})?{re.escape(name)}", q.norm) and not any(p in scope for p in named))
        if name in scope or name in row_text or name in doc_text or (name not in q.asked and not scoping):
            continue
        # 岚县 read inside 青岚县, the document's own place as the question writes it
        if any(name in s and s in q.norm for s in scope if len(s) > len(name)):
            continue
        # 临汾市区 in a county's document: the city's urban districts, which the county is not in
        if urban_districts(name, own):
            out.append(name)
            continue
        # 大宁县城, 大宁城区: a name beginning with the document's own place is that place —
        # unless it is a division of its own outside that place (长沙县 beside 浏阳市's
        # parent city 长沙市)
        if any(name.startswith(s) or s.startswith(name) for s in scope) and not _elsewhere(name, own):
            continue
        # 老城区 where the document speaks of its 老城: a part of its own place (a
        # division elsewhere of that name would be asked with its parent: 洛阳市老城区)
        if name[-1] in "区县市镇乡" and len(name) >= 3 and name[:-1] in doc_text:
            continue
        out.append(name)
    return tuple(out)


# saying here: the place the question asks of is where it is asked (deictic words of
# place, a closed class like the question words)
_HERE = re.compile(r"这边|这里|这儿|这块|咱这|俺这|我们这|你们这|本地|本县|县里|回来|回村|回乡|返乡")
# a time told of, before now: 那会儿, 以前, 当年 …
_PAST = re.compile(r"那会儿?|那时候?|那阵子?|以前|之前|当年|原来|过去|曾经|早些年|早年")


def _told_elsewhere(name: str, q: Query, clauses: list[str], here: bool) -> bool:
    """Whether every clause naming ``name`` tells where the asker was or what they heard
    of elsewhere, not what is asked (在广东干了十几年, 我在广州那会儿直接被罚了两千, 在广东
    那边听说得先拿许可): a clause of a time before now, or — when the question places what
    it asks here (县里种高粱一亩地补多少, 这边还要不要办) — one outside the asking clauses
    or asking nothing itself. A clause that asks of that place (吉县那边果农有啥补贴政策)
    scopes the question whatever else it says."""
    holding = [c for c in clauses if name in c]
    return bool(holding) and all(
        _PAST.search(c) or (here and (plain(c) not in q.asked or not asks(plain(c)))) for c in holding)


def foreign_years(q: Query, issue: tuple[int, ...], row_text: str) -> tuple[int, ...]:
    """Years the question names that are outside the documents' period — a year of a
    document's term (``issue``: its issue year and the years it says it is in force,
    有效期3年), or a later year only where the best row speaks of it (2025
    is in scope for a row that says 延长至2025年底, not for the 高企 reward), as 2025年 or
    as an end of a span of years (国土空间总体规划（2020-2035）), not inside a file number
    or an edition."""
    def outside(y: int) -> bool:
        return y not in issue and not re.search(
            rf"{y}\s*年(?!版)|{y}\s*[-－—–~～至到]\s*(?:19|20)\d\d|(?:19|20)\d\d\s*[-－—–~～至到]\s*{y}", row_text)
    def dates_counted_event(y: int) -> bool:
        # 2018年毕业的还能享受不: the year of the asker's own event, from which the row counts a
        # span (毕业5年内) — the span decides, not the document's period
        m = re.search(rf"{y}\s*年\s*([\u4e00-\u9fff]{{2}})", q.norm)
        return bool(m) and bool(re.search(
            rf"{m.group(1)}\s*(?:\d+|[一二三四五六七八九十两]+)\s*个?年(?:以)?内", row_text))
    # 明年, 后年 …: counted from the year the document was issued (from any, when several are)
    relative = tuple(issue[0] + off for off in q.relative_years
                     if issue and all(outside(i + off) for i in issue))
    return tuple(y for y in q.years if outside(y) and not dates_counted_event(y)) + relative


def _owned(q: Query, word: str) -> str:
    """The detail with the noun that says whose it is (办公地址: the office's): a row
    stating another's (集群登记地址) does not give it. The word itself when no noun is
    written right before it (注册地址 asks the address one registers)."""
    words = q.words
    for prev, w in pairwise(words):
        if w.text == word and prev.pos.startswith("n") and len(prev.text) >= 2:
            return prev.text + word
    return word


def asks_phone(asked: str) -> bool:
    """Whether the asking clause wants a number to call (电话多少, 咨询热线) — not where each
    phone word only says how a thing is done: before a verb other than the copula (会电话
    回访吗, 能电话预约吗)."""
    return any(word in asked and not _by_phone(asked, word) for word in PHONE_WORDS)


def _by_phone(asked: str, word: str) -> bool:
    words = words_of(asked)
    said = [nxt for w, nxt in pairwise(words) if w.text == word]
    return bool(said) and len(said) == sum(1 for w in words if w.text == word) and all(
        nxt.pos.startswith("v") and nxt.pos != "vn" and nxt.text not in ("是", "为", "有") for nxt in said)


def gives_phone(text: str, asked: str) -> bool:
    """Whether ``text`` gives a number to call for what is asked: a line for reporting
    abuse (监督举报电话：…, or a hotline the clause says to complain on) is not the one to
    ask on, unless reporting is what is asked."""
    if _REPORTING.search(asked):
        return bool(_PHONE.search(text))
    body = NAMES_BODY.search(asked)
    owner = _owner(asked, _PHONE_ASKED)
    named = _written_name(owner, text)
    if owner and not named:
        return False  # the rows never name the body asked of: none of their numbers is its
    return any(not _REPORTING.search(text[max(0, m.start() - 8):m.start()]) and not _REPORTING.search(_clause_at(text, m))
               and not _NAMES_APP.match(text, m.end())
               and (body is None or _for_office(text, m, body.group(0)))
               and (not named or _names_number(text, m, named))
               for m in _PHONE.finditer(text))


# a number that names an app or a platform (交管“12123”手机APP, “12345”小程序): what one
# opens, not a number to call
_NAMES_APP = re.compile(r"[”\"」』]?\s*(?:手机)?\s*(?:APP|App|app|客户端|小程序|公众号|平台|网站)")


# the body or place whose number or address is asked, named before 的电话 / 的地址 as a unit's
# name ends (ingest.departments: 濮院税务分局, 市融资担保集团, 政府性融资担保机构) or as a place one
# calls or goes to does (县零工市场, 不动产登记专区, 综合窗口), a few words of what the line is
# for between them (业务咨询电话, 初审的联系电话) — or by 它 / 其 / 该… after naming it
# (县统计局负责升规入库审核，它的联系电话是多少)
_OWNER_ENDS = "|".join(sorted({*UNIT_ENDINGS, "股", "市场", "窗口", "基地", "园", "专区", "大厅"}, key=len, reverse=True))
_OWNER = rf"([\u4e00-\u9fff]{{2,16}}?(?:{_OWNER_ENDS}))的?[\u4e00-\u9fff]{{0,5}}?"
_ANAPHOR = r"(?:它|其|该(?:单位|部门|机构|局|中心))的?[\u4e00-\u9fff]{0,5}?"
_PHONE_ASKED = r"(?:电话|号码)"
_ADDRESS_ASKED = r"地址"
# the address itself asked (…的地址在哪, 地址是什么, 什么地址) — not one used (能不能挂托管公司
# 的地址注册: a yes/no on using it)
_ASKS_ADDRESS = re.compile(r"地址(?:在哪|是(?:什么|啥|多少|哪)|在什么|[？?]|$)|(?:什么|啥|哪个|哪)地址")


def asks_contact(asked: str) -> bool:
    """Whether the clause asks a number to call or an address (县职业技能培训指导中心在什么
    地址, …的电话是多少): a detail of what it names, not its rows."""
    return asks_phone(asked) or bool(_ASKS_ADDRESS.search(asked))


def _owner(asked: str, detail: str) -> str:
    """The words naming the body or place whose detail (``detail``: its phone, its address)
    the asking clause asks; "" when it names none."""
    if m := re.search(_OWNER + detail, asked):
        return m.group(1)
    if re.search(_ANAPHOR + detail, asked) and (bodies := NAMES_BODY.findall(asked)):
        return bodies[-1]
    return ""


def _written_name(owner: str, text: str) -> str:
    """The name the text writes of the body or place ``owner`` names (the longest end of
    the words that the text holds: 县零工市场 of 我想问县零工市场); "" when none, or when the
    text does not write it."""
    return next((owner[i:] for i in range(len(owner) - 2) if owner[i:] in text), "")


def _address_missing(asked: str, text: str) -> bool | None:
    """Whether an address asked of a named body or place (县退役军人服务中心的地址在哪) is
    not given: no sentence naming it states one (地址：…, …路12号, 3楼) — 办理地点：县退役军人服务
    中心 names the place, not where it is; the contact's 地址：… is another office's. None
    when the question names no body."""
    owner = _owner(asked, _ADDRESS_ASKED)
    if not owner or not _ASKS_ADDRESS.search(asked):
        return None
    named = _written_name(owner, text)
    return not named or not any(named in s and GIVES_ADDRESS.search(s.replace(named, ""))
                                for s in re.split(r"[。；;\n]", text))


# how a sentence gives an address: labelled, or by its street number or floor (the
# composer quotes such a sentence for a place asked, qa.cite)
GIVES_ADDRESS = re.compile(r"地址\s*[:：]|[路街道巷]\d+号|\d+号楼|\d+楼|[一二三四五六七八九十]楼")


def _names_number(text: str, m: re.Match[str], name: str) -> bool:
    """Whether the number ``m`` is given for ``name``, a body or place the text writes: its
    label, the bracket after it or its sentence names it. The text naming the place with
    no number (濮院税务分局办服务厅地址：…) and giving numbers for others (县人社局 电话：…,
    0573-88127366（桐乡市税务局…）) gives none for it."""
    return name in _span_at(text, m, _SENTENCE_STOPS)


def _for_office(text: str, m: re.Match[str], office: str) -> bool:
    """Whether the number ``m`` may be the asked office's: its label (the words since the
    number before it: 县创业贷款担保中心：0793-…) or the bracket after it (…（县商务局市场
    运行股）) names that office, or names none — a number listed for another office (县社会
    保险服务中心：…) is not the one asked of 县税务局."""
    before = max((p.end() for p in _PHONE.finditer(text, 0, m.start())), default=0)
    sentence = _span_start(text, m, _SENTENCE_STOPS)
    label = text[max(before, sentence, m.start() - 30):m.start()]
    after = re.match(r"\s*[（(][^）)]{1,20}[）)]", text[m.end():])
    named = label + (after.group(0) if after else "")
    core = re.sub(r"^[省市县区镇乡]", "", office)
    return core in named or not NAMES_BODY.search(named)


# what ends a sentence, or a clause, around a number in a row's text
_SENTENCE_STOPS = "。；;\n"
_CLAUSE_STOPS = "，," + _SENTENCE_STOPS


def _span_start(text: str, m: re.Match[str], stops: str) -> int:
    return max(text.rfind(p, 0, m.start()) for p in stops) + 1


def _span_at(text: str, m: re.Match[str], stops: str) -> str:
    """The span of ``text`` holding the match, between the ``stops`` around it."""
    ends = [i for i in (text.find(p, m.end()) for p in stops) if i >= 0]
    return text[_span_start(text, m, stops):min(ends, default=len(text))]


def _clause_at(text: str, m: re.Match[str]) -> str:
    """The clause of ``text`` holding the match (也可通过12345政务服务便民热线投诉: a line to
    complain on, said after the number)."""
    return _span_at(text, m, _CLAUSE_STOPS)


def detail_missing(q: Query, row_text: str, top_text: str = "", own_text: str = "") -> str:
    """A detail the asking clause wants (电话, 地址 …) that the best rows do not give —
    a phone number by its digits (a row saying 可通过电话预约 gives no number), a form
    named by the act of filing it (申报表, 登记表) that the rows do not name — or a
    member of a series the rows count but not that member (第三批 where the rows tell of
    the 第一批 and 第二批). ``own_text``: the rows whose number to call is the asked
    matter's — the top row and the notice's contact; a number in a row on another matter
    (个转企奖励's 咨询电话 under a question on 宣讲活动) is that matter's."""
    # which streets, however many (哪两条街, 哪几条路), asks where as 哪条街 does
    asked = _WHICH_COUNTED.sub("哪条", q.asked)
    for word, name, pattern in _DETAILS:
        if word not in asked:
            continue
        if pattern is _PHONE:
            if asks_phone(q.asked) and not gives_phone(own_text or row_text, q.asked):
                return name
        elif pattern is _DAY or pattern is _CLOCK:
            # the day or hour of what the best row tells of (汽车博览会 in 2024年5月), not of
            # the next row's matter (购车补贴 from 4月1日; the 卫生院's 夜间门诊 18:00—21:00 for
            # when the 助餐点 serves)
            if not pattern.search(top_text or row_text):
                return name
        elif word == "地址":
            if not _ASKS_ADDRESS.search(asked):
                continue  # an address used or lacked (能挂托管公司的地址不, 没有固定的办公地址): none asked
            # one of a named body must be that body's (None: no body named)
            owned = _address_missing(q.asked, row_text)
            if owned or (owned is None and _owned(q, word) not in row_text):
                return name
        elif not (pattern.search(row_text) if pattern else _owned(q, word) in row_text):
            return name
    for m in _FORM.finditer(q.asked):
        if files_with_an_office(m.group(1)) and m.group(0) not in row_text:
            return m.group(0)  # 要填的申报表叫什么: a form the rows do not name
    if _WHICH_FORM.search(q.asked) and not any(files_with_an_office(m.group(1)) for m in _FORM.finditer(row_text)):
        return "表格"  # 要填哪张表, where the rows name no form
    for m in _MEMBERS_ASKED.finditer(q.asked):
        if m.group(4) and not names_an_institution(m.group(4)):
            continue  # 失信名单有哪些影响: what follows, not who is on it
        if not _names_members(m.group(1) or m.group(2) or m.group(3), row_text):
            return "具体名单"
    # (asked last: 不知道该找哪家银行，县里有没有给安排好的 asks the second)
    for m in _WHICH_ONE.finditer((clauses_of(q.asked) or [""])[-1]):
        kind = next((m.group(1)[:n] for n in range(len(m.group(1)), 0, -1)
                     if names_an_institution(m.group(1)[:n])), "")
        if kind and kind != "部门" and not _names_one(kind, row_text):
            return f"具体是哪家{kind}"
    for m in _ORDINAL.finditer(q.asked):
        told = {o.group(0) for o in _ORDINAL.finditer(row_text) if o.group(2) == m.group(2)}
        if told and m.group(0) not in told:
            return m.group(0)
    for m in _GRADE.finditer(q.norm):
        # a grade of a scale the rows grade others of (五星级 where they reward 四星级)
        told = {_grade(o) for o in _GRADE.finditer(row_text) if _grade(o)[0] == _grade(m)[0]}
        if told and _grade(m) not in told:
            return m.group(0).upper()  # (3A级 as written: the matching text is lower-cased)
    return ""


def _names_one(kind: str, row_text: str) -> bool:
    """Whether the row names one ``kind`` (银行) by its name: the word that names it — a
    place, a proper name, an abbreviation — among the three words before the class word
    (四川蒲江农商银行, 邮储银行), or the class word inside a name (中国建设银行); not the
    class alone (委托第三方机构, 合作银行, 银行业金融机构)."""
    for sentence in re.split(r"[。；;！!？?\n]", row_text):
        if kind not in sentence:
            continue
        words = tagged(sentence)
        for i, w in enumerate(words):
            if kind in w.word and (w.flag in _NAMING and w.word != kind
                                   or any(v.flag in _NAMING for v in words[max(0, i - 3):i])
                                   and all(v.flag != "x" for v in words[max(0, i - 3):i])):
                return True
    return False


def _names_members(head: str, row_text: str) -> bool:
    """Whether the row names members of the class ``head`` ends (银行): two or more listed
    (大宁农商银行、邮储银行), each a name ending in it — not the class alone (合作银行,
    驻区各银行机构)."""
    name = rf"[\u4e00-\u9fff]{{2,10}}?{re.escape(head)}"
    return bool(re.search(rf"{name}[、和及]{name}", row_text))


def _grade(m: re.Match[str]) -> tuple[str, int | None]:
    """A grade as (scale, rank): 五星级 and 5星级 are one."""
    return m.group(2)[0].lower(), int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))


# what a reason calls the documents it speaks of: the one loaded; with several, the ones
# the question names (凤岭区对企业上市…) or all of them
THIS_DOCUMENT = "本文件"


def reason_text(v_missing: str, absent: tuple[str, ...], unstated: tuple[str, ...],
                subject: str = THIS_DOCUMENT) -> str:
    shown = "、".join(f"“{w}”" for w in (absent or unstated)[:3])
    if v_missing == "amount":
        return f"{subject}没有写明具体的数额或比例。"
    if v_missing == "count":
        return f"{subject}没有写明这个数目。"
    if v_missing:
        return f"{subject}没有写明{v_missing}。"
    return f"{subject}没有写明与{shown}有关的内容。" if shown else f"{subject}没有直接写明这一点。"


def own_place_text(own: tuple[str, ...]) -> str:
    return own[0] if own else "本地"


def scope_reason(places: tuple[str, ...], own: tuple[str, ...], homes: tuple[str, ...] = (),
                 subject: str = THIS_DOCUMENT) -> str:
    """Why another place or year is not covered. ``own`` is the document's place and its
    parents; ``homes`` the own place of each loaded document when there are several."""
    if places and len(homes) > 1:
        return (f"问到的地方（{'、'.join(places)}）不在已载入文件的范围内：这些文件涉及"
                f"{'、'.join(homes)}（及其上级地区）。")
    if places:
        return (f"问到的地方（{'、'.join(places)}）不在{subject}范围内：{subject}是{own_place_text(own)}的文件"
                + (f"（{'、'.join(own[1:])}所辖）" if len(own) > 1 else "") + "。")
    # no digits: a not-covered answer cites no row that could back a number
    return f"问到的年份不在{subject}涉及的时间范围内。"


__all__ = [
    "ANSWERED",
    "GIVES_ADDRESS",
    "NOT_COVERED",
    "PARTIAL",
    "THIS_DOCUMENT",
    "Thresholds",
    "Verdict",
    "asks_contact",
    "asks_phone",
    "detail_missing",
    "foreign_places",
    "foreign_years",
    "gives_phone",
    "reason_text",
    "scope_reason",
]
