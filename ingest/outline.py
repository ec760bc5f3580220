"""Running text: numbered items and measure texts (任务分解方案, 若干措施, 实施意见,
通知 bodies).

The body starts at the first numbered line (一、 (一) 1. 第一章). Each marker opens a
node at its level (see :mod:`ingest.headings`); a line without a marker continues the
node above it (a PDF copy wraps lines anywhere). A node with numbered children is a
heading; every other numbered node is a row with its full heading path, and the
（1）/① points under it are its measure's items. Articles (第五条, under 第一章 /
第一节 headings or none) are rows whatever they hold: the (一) 1. （1） under an
article are its points. An article marker counts in sequence (第一条, the next
number, or a gap of at most three, reported) or set apart by a space (a repeat is
kept and reported); a wrapped line starting 第三条规定… continues the article above,
with a warning. Units and deadlines come as lines of
their own after the item (牵头单位：… / 责任单位：… / 时限要求：…) or inline at its end
(（牵头单位：…；责任单位：…）, （区发改局牵头，各街道配合）); given on a heading, they hold
for every item under it that names none. 责任单位 alone are the responsible (lead)
units, unless the document says the first of them leads (第一责任单位为牵头单位, 下同);
they are kept as 责任单位 (``TaskRow.lead_marked`` False), never called 牵头单位.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .cells import DATE, cell_kind
from .contact import (
    CONTACT_LINE,
    CONTACT_MORE,
    CONTACT_SCOPE,
    contact_text,
    continues_contact,
    is_contact_title,
    opens_contact,
)
from .departments import LEAD_FIRST, is_complete_name, read_units
from .frame import is_page_line
from .header import is_date_line, is_field_line, is_signature
from .headings import (
    ARTICLE,
    ATTACHMENT,
    BRACKETED,
    CHAPTER,
    ITEM_LEVELS,
    L1,
    L3,
    L4,
    LABELLED,
    NAMED,
    SECTION,
    Marker,
    marker,
    scope_text,
)
from .identity import Heading, Item
from .notices import check, set_aside
from .provisions import CLOSING, PROVISIONS_SCOPE, states_provisions
from .schema import DEADLINE_FIELD, DEADLINE_WORD, LEAD_FIELD, Attachment, Measure
from .table import COLOPHON, HANDLING, NOTE_LABELS
from .text import SENTENCE_ENDS, close_cjk_gaps, is_page_number, line_label, word_break

LEAD, RESP, COOP, DEADLINE, GOAL, LEADER = "lead", "resp", "coop", "deadline", "goal", "leader"
# the label a deadline field is written under (完成时限：…), kept with the fields
DEADLINE_NAMED = "deadline_named"
# the label of a unit that handles the matter (受理部门：…, as a 兑现清单 writes it), kept so
LEAD_NAMED = "lead_named"
FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("协同责任单位", COOP), ("牵头责任单位", LEAD), ("责任配合单位", COOP),
    ("牵头单位", LEAD), ("牵头部门", LEAD), ("主责单位", LEAD), ("主办单位", LEAD),
    *((w, LEAD) for w in HANDLING),
    ("配合单位", COOP), ("协同单位", COOP), ("参与单位", COOP), ("协办单位", COOP), ("配合部门", COOP),
    ("责任单位", RESP), ("责任部门", RESP),
    ("完成时限", DEADLINE), ("时限要求", DEADLINE), ("完成时间", DEADLINE), ("时间进度", DEADLINE),
    ("时间节点", DEADLINE), ("兑现时限", DEADLINE), ("办理时限", DEADLINE), ("时限", DEADLINE),
    ("年度目标", GOAL), ("预期成效", GOAL), ("工作目标", GOAL),
    ("牵头领导", LEADER), ("责任领导", LEADER), ("分管领导", LEADER), ("责任人", LEADER),
)
# a leader named with a level word inside or before the label: 牵头县领导, 县级责任领导, 包联市领导
_LEADER_LABEL = r"(?:[县区市]级)?(?:牵头|责任|分管|包联|联系|包抓)[县区市]级?领导"
_WORDS = "|".join([*(w for w, _ in FIELD_WORDS), _LEADER_LABEL])
_KIND = dict(FIELD_WORDS)


def _kind(label: str) -> str:
    return _KIND.get(label) or LEADER
# "牵头单位：区发改局" as a line of its own (or several fields on one line)
FIELD_LINE = re.compile(rf"^\s*[（(]?\s*({_WORDS})\s*[:：]")
_FIELD = re.compile(rf"({_WORDS})\s*[:：]\s*")
# inline at the end of an item: （牵头单位：…；责任单位：…）
_INLINE = re.compile(rf"[（(]\s*((?:{_WORDS})\s*[:：][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]\s*[。；;]?\s*$")
# 牵头单位：… written after the sentence without brackets
_TRAILING = re.compile(rf"(?<=[。；;])\s*((?:{_WORDS})\s*[:：].*)$")
# （区发改局牵头，各街道配合） / （区发改局负责）
# a unit list inside them may hold a short bracket of its own: 各区（县）人民政府
_NAMES = r"(?:[^（）()：:]|[（(][\u4e00-\u9fff]{1,4}[）)]){2,80}?"
_LEAD_VERB = re.compile(rf"[（(]\s*({_NAMES})\s*(?:牵头|负责)\s*(?:[，,；;、]\s*({_NAMES})\s*"
                        r"(?:配合|参与|协同|协助))?\s*[）)]\s*[。；;]?\s*$")
_LEAD_FIRST = LEAD_FIRST
# the notice's list of its attachments: 附件：1.……清单 / 2.……方案 (not items)
_ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[:：]")
_LISTED_TITLE = re.compile(r"(清单|方案|措施|意见|办法|细则|计划|要点|表|目录|名单)》?$")
_SPACED = re.compile(r"^第[零〇一二两三四五六七八九十百]+条\s")
# a unit or deadline line written with its label in brackets: 【责任单位】县财政局、县金融办
# (with its value on the line: a label alone on its line, 【办理时限】, heads a guide's block
# of lines under it — 法定办结时限：20个工作日 / 承诺办结时限：5个工作日)
_BRACKETED_FIELD = re.compile(rf"^【\s*({_WORDS})\s*】\s*(\S.*)$")
# a part's name in brackets alone on its line, as a 公众号 article's decorated titles are
# written (:mod:`ingest.bullets`): 【政策怎么兑现？】, 【老板们最关心的3个问题】
_BRACKETED_ALONE = re.compile(r"^【\s*([^【】\s]{2,20})\s*】$")


def units_at_end(text: str) -> bool:
    """Whether ``text`` closes with its units in brackets: （责任单位：…）, （区发改局牵头）."""
    return bool(_INLINE.search(text) or _LEAD_VERB.search(text))



@dataclass
class _Node:
    level: int
    number: int
    marker: str                   # as written in the scope: "一、" "(一)" "1."
    line: int
    text: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    points: list[_Node] = field(default_factory=list)     # （1）/① under an item
    parent: _Node | None = None
    last_line: int = 0
    lead_first: bool = False
    fielded: bool = False  # each line a labelled field (联系人：… / 电话：…), kept a space apart
    name: str = ""         # a heading written as a label, 【申请条件】: its scope in labels
    sublist: str = ""      # the label alone over the list this item opens (不予许可的情形：)
    # a heading's labelled fields after its list (办理流程：… 收费标准：… after 申请材料：1.…10.)
    tail: _Node | None = None

    @property
    def body(self) -> str:
        return contact_text(self.text) if self.fielded else _join(self.text)

    @property
    def article(self) -> _Node | None:
        """The article this node is or belongs to (its points), if any."""
        n: _Node | None = self
        while n is not None and n.level > ARTICLE:
            n = n.parent
        return n if n is not None and n.level == ARTICLE else None


# a line that is an entry of a list: a short label, its separator, its value (第一批：6月1日—
# 6月30日; 上市挂牌 ——> 累计最高300万元)
_ENTRY = re.compile(r"^([^，。；,;：:]{1,16}?)\s*(：|:|——>|—>|-->|->|→)\s*\S")


# a title alone on its line: a few words, no clause, no figure (补贴标准, 申请条件)
_TITLE_LINE = re.compile(r"^[\u4e00-\u9fff“”《》、]{2,12}$")


# jieba's tags of function words: preposition, conjunction, particle, adverb, pronoun,
# modal particle, interjection, onomatopoeia
_FUNCTION_TAGS = ("p", "c", "u", "d", "r", "y", "e", "o")


@lru_cache(maxsize=4096)
def _is_title(line: str) -> bool:
    """A title alone on its line: a few words ending in a content word, as jieba tags it
    (补贴标准, 指导思想, 应急转贷资金支持) — not a sentence the line's end cut after a function
    word (力争在 / 2023年6月30日…: a preposition, a conjunction, a particle, an adverb)."""
    if not _TITLE_LINE.match(line):
        return False
    import jieba.posseg  # (loaded once, when a document has such a line)

    words = jieba.posseg.lcut(line)
    return bool(words) and not words[-1].flag.startswith(_FUNCTION_TAGS)


def _join(parts: list[str]) -> str:
    """An item's lines as one text: wrapped lines run on; two lines in a row that are
    entries of a list with one separator (第一批：… / 第二批：…) stay apart, with a ；
    between them — run on, 累计最高300万元技术改造 read as one."""
    out, last = "", None
    for i, p in enumerate(parts):
        p = p.strip()
        # (a label alone, its value the list below: 申请材料：, one more entry)
        entry = _ENTRY.match(p) or (_ENTRY.match(f"{p}…") if CONTACT_MORE.fullmatch(p) else None)
        if i == 1 and _is_title(out) and not _TITLE_LINE.match(p):
            out += "："  # a title alone on its line over its text (补贴标准 / 正常经营…): its label
        elif out and entry and last and entry.group(2) == last.group(2) and not out.endswith(SENTENCE_ENDS):
            out += "；"
        elif out and word_break(out, p):
            out += " "
        out += p
        last = entry
    return close_cjk_gaps(out)


def is_outline(lines: list[str]) -> bool:
    """Whether the text has numbered items or a field line (牵头单位：…)."""
    numbered = sum(1 for ln in lines if (m := marker(ln)) and m.level in ITEM_LEVELS)
    return numbered >= 1


@dataclass
class OutlineResult:
    items: list[Item]
    attachments: list[Attachment]
    warnings: list[str]
    first_line: int          # 0-based index of the body's first line
    unplaced: list[tuple[int, str]]
    closing: str = ""        # the closing words after the items (本措施自…起施行，有效期至…)


def _units_and_deadline(value: str) -> tuple[str, str]:
    """A unit list and the deadline written after it in the same field, split where the
    last piece (after ，；) is a deadline, not a name."""
    pieces = re.split(r"[，,；;]", value)
    if len(pieces) > 1 and cell_kind(last := pieces[-1].strip())[0] == DATE:
        return value[:value.rindex(pieces[-1])].rstrip("，,；; "), last
    return value, ""


def _add_fields(node: _Node, text: str, lead_first: bool) -> None:
    """Fields written as ``牵头单位：…；责任单位：…`` (one or several)."""
    matches = list(_FIELD.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[m.end():end].strip().strip("；;，,。 ")
        kind = _kind(m.group(1))  # a leader keeps the label as written: 牵头县领导：…
        if kind in (LEAD, RESP, COOP):  # 责任单位：县人社局、县财政局，2023年6月底前完成
            value, deadline = _units_and_deadline(value)
            if deadline:
                node.fields.setdefault(DEADLINE, []).append(deadline)
        node.fields.setdefault(kind, []).append(f"{m.group(1)}：{value}" if kind == LEADER else value)
        if kind == DEADLINE:
            node.fields.setdefault(DEADLINE_NAMED, []).append(m.group(1))
        if m.group(1) in HANDLING:
            node.fields.setdefault(LEAD_NAMED, []).append(m.group(1))
        if _LEAD_FIRST.search(value):
            node.lead_first = True


def _bare_heading(node: _Node) -> bool:
    """A heading just read, with nothing under it yet: its title only (附则, 其他)."""
    return (node.parent is not None and not node.children and not node.points and len(node.text) == 1
            and 0 < len(node.text[0]) <= 12 and not re.search(r"[。；;：:]", node.text[0]))


def _heading_after(lines: list[str], idx: int, end: int, level: int) -> bool:
    """Whether a heading of ``level`` or above opens a line after ``idx``, before ``end``."""
    return any((m := marker(lines[i])) is not None and m.level <= level for i in range(idx + 1, end))


# a label alone on its line (温馨提示：, 注意事项：, 常见问题; 不予许可的情形：)
_PART_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,12})\s*([:：]?)$")
_PART_LABEL_MOST = 6  # a part of its own is named in a few characters (温馨提示)


def _label_over_list(lines: list[str], idx: int, most: int = _PART_LABEL_MOST) -> tuple[str, bool, Marker] | None:
    """When line ``idx`` is a label alone of at most ``most`` characters (温馨提示：, 常见问题)
    — no field of a task's nor a contact line — and the next line opens a point or an
    item: the label, whether it ends in a colon, and the next line's marker; else None."""
    s = lines[idx].strip()
    if not (m := _PART_LABEL.match(s)) or len(m.group(1)) > most or FIELD_LINE.match(s) or CONTACT_LINE.match(s):
        return None
    nxt = next((ln for ln in lines[idx + 1:] if ln.strip()), "")
    mk = marker(nxt)
    return (m.group(1), bool(m.group(2)), mk) if mk is not None else None


# one labelled field to a line: 实施主体：昭平县行政审批局（牵头）… (a second label in the
# value, two spaces before it, makes it a page's line of several: 更新时间：…  发布单位：…)
_ONE_FIELD = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*[:：]\s*(\S(?:(?!\s{2,}[\u4e00-\u9fff]{2,6}\s*[:：]).)*)$")
_FIELDS_ABOVE = 3  # a block of fields, not a line of a notice's header


def _fields_above(lines: list[str], start: int, body: int) -> list[Item]:
    """A guide's 基本信息 above its first heading, three or more lines of one labelled field
    each (事项名称：… 服务对象：… 实施主体：…): each field a part named by its label, its
    value the one item (〔实施主体 第1项〕) — as a 【实施主体】 block is. A page's lines
    (发布时间：…, 来源：…) and a 信息公开 table's fields (索引号：…, 文号：…) are not."""
    run: list[tuple[int, re.Match[str]]] = []
    runs: list[list[tuple[int, re.Match[str]]]] = []
    for i in range(start, body):
        s = lines[i].strip()
        if not s:
            continue
        m = _ONE_FIELD.match(s)
        if m and not is_page_line(s) and not is_field_line(s) and not CONTACT_LINE.match(s):
            run.append((i, m))
        else:
            runs.append(run)
            run = []
    runs.append(run)
    return [Item(path=(Heading(NAMED, 0, m.group(1), scope=m.group(1)),), number=1, first_line=i + 1,
                 last_line=i + 1, task=m.group(2).strip())
            for r in runs if len(r) >= _FIELDS_ABOVE for i, m in r]


def _has_top_headings(lines: list[str], start: int) -> bool:
    """Whether the text from ``start`` on has 一、 or 第一章 headings."""
    return any((m := marker(lines[i])) and m.level in (CHAPTER, L1) for i in range(start, len(lines)))


def _bracketed_headings(lines: list[str], start: int) -> dict[int, tuple[str, str]]:
    """The lines that open a labelled block (【申请条件】…) with the label and the text after
    it, where such blocks are the document's headings: three or more of them, no 一、 or
    第一章 heading beside them, and no label that is a task's field with its value (【责任单位】县
    财政局; 【办理时限】 alone on its line heads a guide's block of lines under it). A label
    written more than once (【重点】 before each part's note, 【享受主体】 under each item)
    marks a note or an item's field, not a block — a guide names each block once. Beside
    一、 headings, a label alone on its line (【政策怎么兑现？】) still names a part of its own."""
    found = {i: (m.group(1), m.group(2).strip()) for i in range(start, len(lines))
             if (m := BRACKETED.match(lines[i].strip()))}
    names = Counter(name for name, _ in found.values())
    found = {i: f for i, f in found.items() if names[f[0]] == 1}
    alone = {i: (m.group(1), "") for i in range(start, len(lines))
             if (m := _BRACKETED_ALONE.match(lines[i].strip())) and not _FIELD.match(f"{m.group(1)}：")}
    repeated = Counter(name for name, _ in alone.values())
    alone = {i: f for i, f in alone.items() if repeated[f[0]] == 1}  # (【享受主体】 under each item: a field)
    if _has_top_headings(lines, start):
        return alone
    if len(found) < 3 or any(_FIELD.match(f"{name}：") and text for name, text in found.values()):
        return {}
    return found


def _sublist_label(lines: list[str], idx: int, current: _Node) -> str:
    """The label when line ``idx`` is a label alone, ending in a colon, over a list from
    1. on, under a heading that already holds a list at that level (三、办理条件 1.…6.,
    then 不予许可的情形： over 1.…3.): the second list is a part of the heading named by
    the label, not a run of repeated numbers; else ""."""
    label = _label_over_list(lines, idx, most=12)
    if label is None or not label[1] or label[2].number != 1 or label[2].level not in ITEM_LEVELS:
        return ""
    parent = current
    while parent.parent is not None and parent.level >= label[2].level:
        parent = parent.parent
    return label[0] if any(c.level == label[2].level for c in parent.children) else ""


def read_outline(lines: list[str], start: int = 0) -> OutlineResult:
    """Every numbered item of the running text from ``start`` on as an :class:`Item`."""
    root = _Node(level=-1, number=0, marker="", line=0)
    warnings: list[str] = []
    attachments: list[Attachment] = []
    unplaced: list[tuple[int, str]] = []
    current = root
    body_start: int | None = None
    attachment_pending: _Node | None = None
    ended = False
    closing: list[str] = []
    closing_heading: _Node | None = None  # 附则: the heading whose body is the closing words
    in_attachment_list = False
    last_article = 0
    contact: list[tuple[int, str]] = []  # the notice's contact lines after its last item
    provisions: list[tuple[int, str]] = []  # its closing provisions (施行, 有效期, 解释)
    after_provisions = False
    in_contact = False
    # the list's note after its last item (备注：1.企业申报时须…；2.…), a paragraph of its own
    note: list[tuple[int, str]] = []
    in_note = False
    listed = _listed_attachments(lines, start)

    def take_contact(line_no: int, s: str) -> None:
        """A line of the notice's contact: the rest of the line before, where the PDF wrapped
        it, or a line of its own."""
        if in_contact and _cut(contact[-1][1]) and not CONTACT_LINE.match(s):
            contact[-1] = (contact[-1][0], contact[-1][1] + s)
        else:
            contact.append((line_no, s))
    bracketed = _bracketed_headings(lines, start)
    beside = bool(bracketed) and _has_top_headings(lines, start)
    # the body and each attachment included after it (附件1 on its own line, after the
    # signature) are parts: "after the last item" (the contact lines, a signature, the
    # list of attachments) is read within the part a line is in
    parts = [i for i in range(start, len(lines)) if _bare_attachment(lines[i])] + [len(lines)]
    numbered = [i for i in range(start, len(lines)) if marker(lines[i]) and i not in listed and i not in parts]
    part_last = {end: max((i for i in numbered if i < end), default=-1) for end in parts}
    # the last item of each part, its points aside: a labelled part may follow it (温馨提示：)
    items = [i for i in numbered if (mk := marker(lines[i])) is not None and mk.level != L4]
    # a list of ①② (or （1）（2）) under no heading at all — a 明白纸's ①耕地地力保护补贴。… —
    # is the text's own items, as 1. 2. would be
    points_only = bool(numbered) and not items
    part_last_item = {end: max((i for i in items if i < end), default=-1) for end in parts}
    # the last heading of each part (十、设定依据, 六、附则): a labelled list after its text
    # (特别提示 over 1.…, 常见问题 over 1.问：…) is no part of it
    tops = [i for i in numbered if (mk := marker(lines[i])) is not None and mk.level in (CHAPTER, SECTION, L1)]
    part_last_top = {end: max((i for i in tops if i < end), default=-1) for end in parts}
    sublist = ""  # a label alone over a second list under one heading, for the list's first item
    signed = False  # after the signature (or the list of attachments): closing text, until an
                    # attachment included after it begins

    for idx in range(start, len(lines)):
        line_no = idx + 1
        s = lines[idx].strip()
        if not s or is_page_number(s):
            continue  # a page number between two pages continues nothing
        part = next(e for e in parts if e > idx)  # the end of the part this line is in
        last_numbered = part_last[part]
        if ended and signed and idx in parts:
            ended = signed = False  # 附件1 after the signature: the document goes on
            current = root
        if ended and signed and not after_provisions and (
                CONTACT_LINE.match(s) or (in_contact and (continues_contact(s) or _cut(contact[-1][1])))):
            # 联系人及电话：… under the signature and date: whom the notice says to call, a row
            # as the contact after its last item is — with the labelled lines right above it,
            # which say whose number it is (解读机关：… 解读人：… over 联系电话：…)
            if not in_contact:
                above = idx
                while above > 0 and lines[above - 1].strip() and CONTACT_MORE.match(lines[above - 1].strip()):
                    above -= 1
                contact += [(i + 1, lines[i].strip()) for i in range(above, idx)]
            take_contact(line_no, s)
            in_contact = True
            continue
        if ended:
            in_contact = False
            closing.append(s)
            if provisions and provisions[-1][0] == _previous_line(lines, idx) and _continues(lines, idx, provisions[-1][1]):
                provisions.append((line_no, s))  # the provisions' paragraph goes on
            elif provisions and not after_provisions:
                after_provisions = True
                warnings.append(set_aside(f"第 {line_no} 行起是附则之后的落款或版记（{s[:20]}…），不属于任何条目，未计入"))
            continue
        if idx in listed:
            continue  # 2.…申报表 under 附件：1.…清单: an entry of the list, set aside with it
        m: Marker | None = marker(s)
        name = ""
        if idx in bracketed:  # 【申请条件】: a heading of the guide's, named by its label
            name, rest = bracketed[idx]
            # (numbered in their order; beside 一、 headings, a named part's number is none)
            m = Marker(L1, 0 if beside else list(bracketed).index(idx) + 1, rest)
        elif m is None and (label := _label_over_list(lines, idx)) is not None and (
                (idx > part_last_item[part] and label[1] and label[2].level == L4)
                or (not signed and idx > part_last_top[part] and (current.text or current.children)
                    and label[2].number == 1 and label[2].level in (*ITEM_LEVELS, L4)
                    and not _fielded_heading(current))):
            # 温馨提示： alone on its line after the last item, points under it — or 常见问题
            # over a list from its first entry after the last heading's own text: a part of
            # its own, named by its label, its points its items
            name = label[0]
            m = Marker(L1, 0, "")
        elif m is None and (label := _sublist_label(lines, idx, current)):
            sublist = label  # (the next line opens the list it names)
            continue
        if m is not None and m.level == ARTICLE:
            # in sequence, or set apart by a space as an article's number is: an article;
            # else a reference the PDF wrapped to the line start (第四条研发补助的…)
            if m.number == 1 or last_article < m.number <= last_article + 4 or not m.rest or _SPACED.match(s):
                if m.number > last_article + 1:
                    before = f"{scope_text(ARTICLE, last_article)}之后" if last_article else "条文开头"
                    warnings.append(check(f"第 {line_no} 行：{before}是{scope_text(ARTICLE, m.number)}，"
                                          f"缺{scope_text(ARTICLE, last_article + 1)}"
                                          f"{'' if m.number == last_article + 2 else '等'}"))
                last_article = max(last_article, m.number)
            else:
                warnings.append(check(f"第 {line_no} 行以“{scope_text(ARTICLE, m.number)}”开头，但不接"
                                      f"{scope_text(ARTICLE, last_article)}，也没有空格隔开，按上一条的续行读"))
                m = None
        if body_start is None and _ATTACHMENT_LIST.match(s):
            in_attachment_list = True
            continue
        if in_attachment_list:
            if (m is None or m.level not in ITEM_LEVELS) or (_LISTED_TITLE.search(s) and "。" not in s):
                in_attachment_list = m is not None
                continue
            in_attachment_list = False
        if body_start is None:
            if m is None or m.level not in (ATTACHMENT, CHAPTER, SECTION, ARTICLE, *ITEM_LEVELS,
                                            *((L4,) if points_only else ())):
                continue
            body_start = idx
        if attachment_pending is not None and m is None and not FIELD_LINE.match(s):
            attachment_pending.text.append(s)
            attachments.append(Attachment(attachment_pending.marker, close_cjk_gaps(s).strip("《》")))
            attachment_pending = None
            continue
        if m is not None:
            parent = current
            while parent is not root and parent.level >= m.level:
                parent = parent.parent  # type: ignore[assignment]
            node = _Node(level=m.level, number=m.number, marker=m.scope_text, line=line_no,
                         parent=parent, last_line=line_no, name=name, sublist=sublist)
            sublist = ""
            if m.level == ATTACHMENT:
                parent = root
                node.parent = root
                attachment_pending = node
            elif name and (listed := _inline_items(m.rest)):
                # 【申请材料】1.…；2.…: a block's list written on its one line — its items
                for n, piece in enumerate(listed, 1):
                    node.children.append(_Node(level=L3, number=n, marker=scope_text(L3, n), line=line_no,
                                               text=[piece], parent=node, last_line=line_no))
            elif m.rest or not name:
                node.text.append(m.rest)
            if m.level > ARTICLE and (art := parent.article) is not None:
                art.points.append(node)  # (一) 1. （1） of an article: its points, however nested
            elif m.level == L4 and parent is not root and parent.level in ITEM_LEVELS:
                parent.points.append(node)
            else:
                parent.children.append(node)
            current = node
            continue
        if (labelled := _BRACKETED_FIELD.match(s)) is not None:
            s = f"{labelled.group(1)}：{labelled.group(2)}"  # 【责任单位】县财政局: a unit line all the same
        if FIELD_LINE.match(s):
            target = current.article or (current if current.level != L4 or current.parent is None
                                         else current.parent)
            if s[0] in "（(" and s[-1] in "）)":
                s = s[1:-1]
            _add_fields(target, s, False)
            target.last_line = line_no
            continue
        if CLOSING.match(s) and (current is closing_heading or (
                _bare_heading(current) and not _heading_after(lines, idx, part, current.level))):
            # 五、附则 then 本措施自…起施行: closing words under a heading of their own are
            # that heading's body (an item: its dates and 解释部门 are asked about) — the
            # last heading of its rank: under 二、补助政策, with 三、 to follow, 本方案所称
            # 企业… defines a term of the text, it does not close it
            closing_heading = current
            current.text.append(s)
            current.last_line = line_no
            continue
        if body_start is not None and (idx > last_numbered or idx + 1 in listed) and _ATTACHMENT_LIST.match(s):
            # 附件：…申报表 after the last item: the list of the document's attachments
            warnings.append(set_aside(f"第 {line_no} 行起是附件目录（{s[:20]}…），不属于任何条目，未计入"))
            ended = signed = True
            closing.append(s)
            continue
        if current is closing_heading and not name and _continues(lines, idx, current.text[-1]):
            # 本措施自…起施行，有效期至2026年12月31 / 日。与我市…: the heading's closing words
            # go on, wrapped or in further sentences, to the signature or a contact line
            current.text.append(s)
            current.last_line = line_no
            continue
        if current is closing_heading and not name and not CONTACT_LINE.match(s) \
                and not (in_contact and _cut(contact[-1][1])):
            warnings.append(set_aside(f"第 {line_no} 行起是附则之后的落款或版记（{s[:20]}…），不属于任何条目，未计入"))
            ended = True
            closing.append(s)
            continue
        if CLOSING.match(s) and idx > last_numbered:
            # (before the last numbered line, 本方案所称企业… is the text's own sentence)
            ended = signed = True
            closing.append(s)
            if states_provisions(s):
                provisions.append((line_no, s))  # 本措施自…起施行，有效期至…: a row of its own
            else:
                warnings.append(set_aside(f"第 {line_no} 行起是结束语（{s[:20]}…），不属于任何条目，未计入"))
            continue
        if current is not root and (signature := _signature(lines, idx, last_numbered)):
            warnings.append(set_aside(f"第 {line_no} 行起是落款（{signature}），不属于任何条目，未计入"))
            ended = signed = True
            closing.append(s)
            continue
        if current is not root and idx > last_numbered and "联系" not in current.body[:12] \
                and not (current.text and is_contact_title(current.text[0])) and not _each_items_own(current, s) and (
                CONTACT_LINE.match(s) or (in_contact and (continues_contact(s) or _cut(contact[-1][1])))
                or (not lines[idx - 1].strip() and opens_contact(s))):
            # (a 六、联系方式 or 五、咨询方式 heading keeps its own lines; a paragraph of its own saying whom to
            # call, 如有疑问，可拨打12366…, is the contact too — a line of the item's runs on)
            take_contact(line_no, s)
            in_contact = True
            continue
        in_contact = False
        if current is not root and idx > last_numbered and (in_note and lines[idx - 1].strip() or (
                not lines[idx - 1].strip() and _NOTE.match(s) and not _each_items_own(current, s))):
            # (a line of the note's runs on until a blank line)
            note.append((line_no, s))
            in_note = True
            continue
        in_note = False
        if current is root:
            unplaced.append((line_no, s))
            continue
        if (heading := _fields_resume(current, s)) is not None:
            # 办理流程：… after the last material of 申请材料：1.…10.: the heading's fields go on
            # past its list — a part of the heading's own, not the list's last item
            heading.tail = current = _Node(level=current.level, number=0, marker="", line=line_no,
                                           parent=heading, last_line=line_no)
        current.text.append(s)
        current.last_line = line_no

    items = _fields_above(lines, start, body_start if body_start is not None else len(lines)) + _items(root, warnings)
    if provisions:
        items.append(Item(path=(Heading(NAMED, 0, PROVISIONS_SCOPE),), number=1, first_line=provisions[0][0],
                          last_line=provisions[-1][0], task=_join([x for _, x in provisions])))
    if note:
        items.append(Item(path=(Heading(NAMED, 0, _NOTE.match(note[0][1]).group(1)),), number=1,
                          first_line=note[0][0], last_line=note[-1][0], task=_join([x for _, x in note])))
    if contact:
        items.append(Item(path=(Heading(NAMED, 0, CONTACT_SCOPE),), number=1, first_line=contact[0][0],
                          last_line=contact[-1][0], task=contact_text([x for _, x in contact])))
    return OutlineResult(items, attachments, warnings, body_start if body_start is not None else len(lines),
                         unplaced, "\n".join(closing))


# a note's label: 注：…, 说明：…, 备注：… (the words a table's note opens with, ingest.table)
_NOTE = re.compile(rf"^({'|'.join(NOTE_LABELS)})\s*[:：]")


def _each_items_own(current: _Node, line: str) -> bool:
    """Whether ``line`` is a labelled line (咨询电话：…) that the two items before
    ``current`` each write among their own lines, as a 兑现清单's items do: the last item's
    is its own, not the notice's contact after its items. (The nearest two: an item here
    and there lacks the line — a list's items 3 and 10 with no phone of their own.)"""
    if not (label := line_label(line)) or current.parent is None:
        return False
    siblings = [c for c in current.parent.children if c is not current and c.level == current.level]
    return len(siblings) >= 2 and all(any(line_label(t) == label for t in c.text) for c in siblings[-2:])


def _previous_line(lines: list[str], idx: int) -> int:
    """The line number of the last line of text before ``lines[idx]`` (a blank line or
    a page number between them is none)."""
    return next((i + 1 for i in range(idx - 1, -1, -1) if lines[i].strip() and not is_page_number(lines[i].strip())), 0)


def _cut(line: str) -> bool:
    """Whether a contact line goes on on the next: it opens a bracket it does not close
    (…0550-3021565（市发展改革委民营经济 / 发展科）。)."""
    return line.count("（") + line.count("(") > line.count("）") + line.count(")")


def _continues(lines: list[str], idx: int, before: str) -> bool:
    """Whether ``lines[idx]`` goes on with the paragraph of closing provisions whose last
    line is ``before``: the rest of a sentence the PDF wrapped (``before`` ends mid-
    sentence), or a further sentence or line of text (more than a name or a date: the PDF
    wraps a sentence anywhere) — no signature, date, list of attachments, contact line or
    marker."""
    s = lines[idx].strip()
    if _signature(lines, idx, -1) or _ATTACHMENT_LIST.match(s) or CONTACT_LINE.match(s) or marker(s) is not None \
            or COLOPHON.search(s):
        return False
    return not re.search(r"[。；;]$", before) or len(s) > 12


def _bare_attachment(line: str) -> bool:
    """``附件1`` (or ``附件``) alone on its line: an attachment's text begins."""
    m = marker(line.strip())
    return m is not None and m.level == ATTACHMENT and not m.rest


def _listed_attachments(lines: list[str], start: int) -> set[int]:
    """The numbered lines continuing a list of attachments that opens on its 附件 line
    (附件：1.…申请表 / 2.信用承诺书 / 3.…汇总表): entries of the list, not items."""
    out: set[int] = set()
    for i in range(start, len(lines)):
        s = lines[i].strip()
        m = _ATTACHMENT_LIST.match(s)
        if not m or not re.match(r"\s*1\s*[.．、]", s[m.end():]):
            continue
        j, n = i + 1, 2
        while j < len(lines) and (mk := marker(lines[j])) is not None and mk.number == n:
            out.add(j)
            j, n = j + 1, n + 1
    return out


def _signature(lines: list[str], idx: int, last_numbered: int) -> str:
    """The signature starting at ``lines[idx]`` after the items, as shown in a warning,
    else "": an issuing body under its full name over a date on its own line, or (after
    the last numbered line) a date on its own."""
    s = lines[idx].strip()
    following = next((x.strip() for x in lines[idx + 1:] if x.strip()), "")
    if following and is_signature(s, following):
        return f"{s} {following}"
    return s if idx > last_numbered and is_date_line(s) else ""


def _inline_fields(node: _Node) -> None:
    """Move units written at the end of an item's text into its fields (a contact's
    lines hold none: the office to call is no unit responsible for a task)."""
    if node.fielded:
        return
    text = node.body
    for _ in range(3):
        if (m := _INLINE.search(text)) or (m := _TRAILING.search(text)):
            _add_fields(node, m.group(1), False)
            text = text[:m.start()].rstrip()
        elif (m := _LEAD_VERB.search(text)) and read_units(m.group(1)).names and all(
                is_complete_name(n) for n in read_units(m.group(1)).names):
            node.fields.setdefault(LEAD, []).append(m.group(1))
            if m.group(2):
                node.fields.setdefault(COOP, []).append(m.group(2))
            text = text[:m.start()].rstrip()
        else:
            break
    node.text = [text]


# units named in an item's own sentences when it has no unit fields: 本项补贴由市人社局负责
# 审核发放 / 由市人社局负责，市教育局、团市委配合 / 市就业工作领导小组办公室负责统筹协调
_IN_TEXT_NAMES = r"(?:[^，,。；;：:“”《》由（）()]|[（(][\u4e00-\u9fff]{1,4}[）)]){2,60}?"
# (负责解释: the body that interprets a document wrote it; it carries out no task)
_IN_TEXT_RESP = re.compile(rf"(?:由|(?:^|(?<=[。；;]))\s*)({_IN_TEXT_NAMES})(?:共同)?(?:牵头)?负责(?!解释)|"
                           rf"由({_IN_TEXT_NAMES})牵头")
_IN_TEXT_COOP = re.compile(rf"^[^。；;]*?[，,]\s*({_IN_TEXT_NAMES})(?:等(?:部门|单位))?(?:配合|协助|协同|参与)(?=[，,。；;]|$)")
# a generic subject (用人单位负责, 有关部门负责) names no body, nor one named by its part in the
# matter (由原受理部门负责追回, 由受理部门负责: whichever body that is)
_GENERIC_UNIT = re.compile(r"^(?:用人|有关|相关|主管|所在|属地|行业|上级|同级|本级|其他|各类|该|本|企业|用工)"
                           r"|^原?(?:牵头|责任|配合|协同|参与)(?:单位|部门)$"  # a column's name: 由牵头单位负责统筹
                           rf"|^原?(?:{'|'.join(HANDLING)})$")


def units_in_text(text: str) -> tuple[list[str], list[str]]:
    """The bodies an item's own sentences make responsible (由X负责, X负责…, 由X牵头) and
    those they have assist (…，Y配合): for an item with no unit fields of its own."""
    resp: list[str] = []
    coop: list[str] = []

    def named(span: str) -> list[str]:
        names = read_units(span).names
        ok = names and all(is_complete_name(n) and not _GENERIC_UNIT.match(n) and len(n) >= 3 for n in names)
        return list(names) if ok else []

    for m in _IN_TEXT_RESP.finditer(text):
        found = named(m.group(1) or m.group(2))
        resp += [n for n in found if n not in resp]
        if found and (c := _IN_TEXT_COOP.match(text[m.end():])):
            coop += [n for n in named(c.group(1)) if n not in coop and n not in resp]
    return resp, coop




def _units(values: list[str]) -> tuple[list[str], list[str], bool, list[str]]:
    """Names, notes, whether a note says the first leads, and the names marked 牵头."""
    names: list[str] = []
    notes: list[str] = []
    marked: list[str] = []
    lead_first = False
    for v in values:
        u = read_units(v)
        names.extend(n for n in u.names if n not in names)
        notes.extend(u.notes)
        marked.extend(n for n in u.leads if n not in marked)
        lead_first |= any(_LEAD_FIRST.search(n) for n in u.notes)
    return names, notes, lead_first, marked


def _numbered(node: _Node) -> list[_Node]:
    return [c for c in node.children if c.level in (*ITEM_LEVELS, ARTICLE, L4)]


# 1. 2. 3. inside a line, each after the end of the one before it (…；2.… / …。3.…)
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[；;。]))\s*(\d{1,2})\s*[.、．](?!\d)")


def _inline_items(text: str) -> list[str]:
    """The items of a list written on one line from 1. on (1.…；2.…；3.…), or [] when the
    line is no such list."""
    marks = list(_INLINE_NUMBER.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [text[m.end():e].strip() for m, e in zip(marks, ends, strict=True)]


def _all_fields(text: list[str]) -> bool:
    """Two or more lines, each a short label and its value (法定办结时限：20个工作日 /
    承诺办结时限：3个工作日): fields kept a space apart, not one wrapped sentence."""
    return len(text) >= 2 and all(CONTACT_MORE.match(t.strip()) for t in text)


def _body(heading: _Node, text: list[str], fielded: bool) -> _Node:
    """The one item under a heading that holds no numbered items: its ``text`` (and the
    heading's fields, notes and points), numbered 1, units written at its end moved to
    its fields."""
    body = _Node(level=L3, number=1, marker="1.", line=heading.line, text=text, fielded=fielded,
                 fields=heading.fields, notes=heading.notes, points=heading.points, parent=heading,
                 last_line=heading.last_line, lead_first=heading.lead_first)
    _inline_fields(body)
    return body


# a title and the text after it on one line: 申报材料：申报企业须…, 工作目标。到2025年底…
_TITLED = re.compile(r"^([\u4e00-\u9fff]{2,12})\s*[：:。]\s*(\S.*)$")


def _fields_resume(current: _Node, line: str) -> _Node | None:
    """The heading whose labelled fields ``line`` resumes, when ``current`` is an item of a
    list under a heading that opens with such fields (事项名称：… 设定依据：… then 申请材料：
    1.…10.) and ``line`` is one more (办理流程：…) after the item's last sentence ended; else None."""
    heading = current.parent
    if (current.level not in ITEM_LEVELS or heading is None or heading.tail is not None
            or not CONTACT_MORE.match(line)
            or not current.text or not current.text[-1].rstrip().endswith((*SENTENCE_ENDS, "）", ")"))):
        return None
    return heading if _fielded_heading(heading) else None


def _fielded_heading(node: _Node) -> bool:
    """A heading whose own text, after its title, is a run of labelled fields (事项名称：…
    事项类型：…): a label over a list in it (申请材料：) is one more of its fields."""
    return sum(len(_FIELD_START.findall(t.strip())) for t in node.text) >= 2


# a labelled field's start: at a line's start or after a sentence, a clause or a label ends
# (事项名称：…；事项类型：…, as lines or joined)
_FIELD_START = re.compile(r"(?:^|(?<=[；;。：:]))\s*[\u4e00-\u9fff]{2,6}\s*[:：]")


# a figure, in digits or in words with its measure (一式三份, 两个工作日), or a sentence or
# clause ended: a lead-in holding one says something of its own, more than that a list follows
_SAYS_SOMETHING = re.compile(r"[\d。；;]|[一二两三四五六七八九十百千]+个?[份项次天日年页张本套件名人户家]")


def _intro(heading: _Node) -> _Node | None:
    """A heading's own text before its numbered items, after its title (四、申报材料：申报
    企业须按以下顺序装订成册（A4纸，一式三份）：; 八、怎么申请 / 申请时间：常年受理…), as
    an item named by the title — or None: no title, no text after it, or only a lead-in
    that announces the list and says nothing of its own (…提交以下材料：, no figure — in digits
    or in words, 一式三份 — and no sentence ended)."""
    text = [t.strip() for t in heading.text if t.strip()]
    if len(text) >= 2 and _is_title(text[0]):
        title, rest = text[0], text[1:]
    elif text and (m := _TITLED.match(text[0])) and _is_title(m.group(1)):
        title, rest = m.group(1), [m.group(2), *text[1:]]
    else:
        return None
    intro = _join(rest)
    if not intro or (intro.endswith(("：", ":")) and not _SAYS_SOMETHING.search(intro)
                     and not _fielded_heading(heading)):
        return None
    return _titled_item(heading, title, rest)


def _titled_item(heading: _Node, title: str, rest: list[str]) -> _Node:
    """The item a heading's own text makes before its numbered items: named by ``title``,
    its lines ``rest``, ending where the first numbered item begins."""
    first = min((c.line for c in _numbered(heading)), default=heading.last_line + 1)
    return _Node(level=L3, number=1, marker="1.", line=heading.line, text=rest, name=title,
                 fielded=_all_fields(rest), fields=dict(heading.fields), parent=heading,
                 last_line=max(heading.line, first - 1))


def _attachment_body(attachment: _Node) -> _Node | None:
    """An attachment's text after its title (the line under 附件) and before its numbered
    items — a 安排表's rows, a 说明 over them — as an item named by the title; None when
    there is none, or only a lead-in announcing a list (…如下：, no figure)."""
    text = [t.strip() for t in attachment.text if t.strip()]
    if len(text) < 2:
        return None
    if not _SAYS_SOMETHING.search(_join(text[1:])):
        return None
    return _titled_item(attachment, text[0], text[1:])


def _titled_paragraph(node: _Node, siblings: list[_Node]) -> bool:
    """一、工作目标 with a paragraph (or points) under it and no numbered items, where a
    sibling heading of its level has numbered items under it: the marker heads a section
    whose title is its first line — not an item numbered by the heading's numeral."""
    return (node.level == L1 and not _numbered(node) and len(node.text) >= 1
            and (len(node.text) >= 2 or bool(node.points))
            and 0 < len(node.text[0]) <= 12 and not re.search(r"[。；;：:，,]", node.text[0])
            and any(s is not node and s.level == L1 and _numbered(s) for s in siblings))


def _items(root: _Node, warnings: list[str]) -> list[Item]:
    items: list[Item] = []
    lead_first_all = False

    def visit(node: _Node, top: tuple[Heading, ...], inherited: dict[str, list[str]],
              attachment_title: str) -> None:
        nonlocal lead_first_all
        path = top
        for child in node.children:
            if child.sublist:  # 不予许可的情形： over a second list: the rest are that part's
                path = top + (Heading(LABELLED, 0, child.sublist),)
            if child.level == ATTACHMENT:
                title = child.text[0] if child.text else ""
                heading = Heading(ATTACHMENT, child.number, child.marker)
                if (intro := _attachment_body(child)) is not None:
                    # its text under its title before any numbered item (a 安排表's rows, a
                    # 说明 over them): an item named by the title, not dropped
                    # (cited by the title less its place and year: 〔附件消费券发放安排表 第1项〕)
                    named = re.sub(r"^[^\d]*?(?:19|20)\d{2}\s*年度?", "", intro.name) or intro.name
                    items.append(_item(intro, (heading, Heading(LABELLED, 0, intro.name, scope=named)), {},
                                       close_cjk_gaps(title)))
                visit(child, (heading,), {}, close_cjk_gaps(title))
                continue
            if child.name:
                # 【申请条件】 over 1. 2. …, 【收费标准】不收费: a heading named by its label
                # and the items under it, or its text the one item under it
                intro = _join(child.text)
                heading = Heading(NAMED, 0, f"{child.name} {intro}" if intro and _numbered(child)
                                  else child.name, scope=child.name)
                if _numbered(child):
                    visit(child, path + (heading,), {**inherited, **child.fields}, attachment_title)
                elif child.points and not _join(child.text):
                    # 温馨提示： over （1）…（5）: each point an item of the part
                    for p in child.points:
                        _inline_fields(p)
                        items.append(_item(p, path + (heading,), inherited, attachment_title))
                elif child.text or child.points or child.fields:
                    body = _body(child, child.text, fielded=_all_fields(child.text))
                    items.append(_item(body, path + (heading,), inherited, attachment_title))
                continue
            if _titled_paragraph(child, node.children):
                # 二、支持对象 over a paragraph, where its siblings head numbered items: a
                # heading too, its paragraph the one item under it
                heading = Heading(child.level, child.number, f"{child.marker}{child.text[0]}")
                # 六、联系方式 over its lines: each line a field of its own
                body = _body(child, child.text[1:],
                             fielded=is_contact_title(child.text[0]) or _all_fields(child.text[1:]))
                items.append(_item(body, path + (heading,), inherited, attachment_title))
                continue
            _inline_fields(child)
            if child.level == ARTICLE:
                items.append(_item(child, path, inherited, attachment_title))
                continue
            numbered = _numbered(child)
            if numbered or child.level in (CHAPTER, SECTION):
                gap = " " if child.level in (CHAPTER, SECTION) and child.body else ""
                heading = Heading(child.level, child.number, f"{child.marker}{gap}{child.body}",
                                  scope=child.marker)  # its marker as written (第三部分)
                fields = {**inherited, **child.fields}
                intro = _intro(child) if numbered else None
                if intro is not None:
                    # 八、怎么申请 / 申请时间：… before its list: the heading's own text, an item
                    items.append(_item(intro, path + (heading, Heading(LABELLED, 0, intro.name)),
                                       fields, attachment_title))
                visit(child, path + (heading,), fields, attachment_title)
                if (tail := child.tail) is not None:
                    # its fields after the list: the next item under the title the intro has
                    # (〔四、(一)…新办 第2项〕), or under the first field's label; each field a
                    # sentence of its own, as the intro's are
                    tail.number = 2 if intro is not None else 1
                    name = intro.name if intro is not None else CONTACT_MORE.match(tail.text[0]).group(0)[:-1].strip()
                    items.append(_item(tail, path + (heading, Heading(LABELLED, 0, name)), fields, attachment_title))
                continue
            items.append(_item(child, path, inherited, attachment_title))

    def _item(n: _Node, path: tuple[Heading, ...], inherited: dict[str, list[str]], title: str) -> Item:
        nonlocal lead_first_all
        for p in n.points:  # units written at the end of a point are the item's
            _inline_fields(p)
            for k, v in p.fields.items():
                n.fields.setdefault(k, []).extend(v)
        fields = dict(n.fields)
        if not any(k in fields for k in (LEAD, RESP, COOP)):
            fields.update({k: v for k, v in inherited.items() if k in (LEAD, RESP, COOP)})
        if not any(k in fields for k in (LEAD, RESP, COOP)):
            # none given as fields: the bodies the item's own sentences make responsible
            resp_named, coop_named = units_in_text(" ".join([n.body, *(p.body for p in n.points)]))
            if resp_named:
                fields[RESP] = ["、".join(resp_named)]
                if coop_named:
                    fields[COOP] = ["、".join(coop_named)]
        if DEADLINE not in fields and DEADLINE_NAMED in inherited:
            fields[DEADLINE_NAMED] = inherited[DEADLINE_NAMED]  # (with the deadline it names)
        for k in (DEADLINE, GOAL):
            if k not in fields and k in inherited:
                fields[k] = inherited[k]
        it = Item(path=path, number=n.number, first_line=n.line, last_line=max(
            [n.last_line, *(p.last_line for p in n.points)]), attachment_title=title, task=n.body,
            article=n.level == ARTICLE)
        lead, lead_notes, lf1, m1 = _units(fields.get(LEAD, []))
        resp, resp_notes, lf2, m2 = _units(fields.get(RESP, []))
        coop, coop_notes, lf3, m3 = _units(fields.get(COOP, []))
        notes = lead_notes + resp_notes + coop_notes
        lead_first = lf1 or lf2 or lf3 or n.lead_first
        if lead_first and any("下同" in x for x in notes):
            lead_first_all = True
        if marked := list(dict.fromkeys(m1 + m2 + m3)):  # 县财政局（牵头）: the marked ones lead
            it.lead = marked
            it.coop = [u for u in dict.fromkeys(lead + resp + coop) if u not in marked]
        elif lead:
            it.lead = lead
            it.coop = [u for u in resp + coop if u not in lead]
        elif resp and (lead_first or lead_first_all):
            it.lead, it.coop = resp[:1], [u for u in resp[1:] + coop if u != resp[0]]
        else:  # 责任单位 alone: responsible, but the document marks none of them as leading
            it.lead = resp
            it.coop = [u for u in coop if u not in resp]
            it.lead_marked = not resp
        it.notes = notes + fields.get(LEADER, [])
        deadline = "；".join(fields.get(DEADLINE, []))
        goal = "；".join(fields.get(GOAL, []))
        # the document's name for the deadline (完成时限：…), where it writes one and it is not 时间进度
        named = [w for w in fields.get(DEADLINE_NAMED, []) if w != DEADLINE_WORD][:1]
        it.columns = ((DEADLINE_FIELD, named[0]),) if named and deadline else ()
        if (handling := fields.get(LEAD_NAMED, [])[:1]) and it.lead:
            it.columns += ((LEAD_FIELD, handling[0]),)  # 受理部门：县商务局 is its 受理部门
        if n.points:
            texts = []
            for p in n.points:
                texts.append(f"{p.marker}{p.body}")
            it.measures = [Measure(text=" ".join(texts), deadline=deadline, goal=goal,
                                   items=tuple(p.body for p in n.points))]
        elif deadline or goal:
            it.measures = [Measure(text="", deadline=deadline, goal=goal, items=())]
        return it

    visit(root, (), {}, "")
    return items
