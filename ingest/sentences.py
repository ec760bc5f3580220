"""Rows split into quotable sentences, each tagged with the field it comes from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.schema import TaskRow
from ingest.text import SENTENCE_ENDS

TASK, MEASURE, GOAL, NOTE = "task", "measure", "goal", "note"

# split after 。；; ！？ (keeping them) — a comma never ends a quote — and after a colon
# that opens a list written on in the same line (下列条件的企业可以申请：（一）…；（二）…), and
# before a block's label run on into the text (…按实际支付利息的50%给予贴息【申报条件】…)
_SPLIT = re.compile(r"(?<=[。；;！!？?])\s*|(?<=[：:])\s*(?=[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.、．](?!\d)|[①-⑩])"
                    r"|(?<=[^\s])\s*(?=【[\u4e00-\u9fff]{2,8}】)")
# a figure under a label that names its unit, as a table's header gives it (补助金额（万元）：7.00,
# 补贴标准（元/人）：1500)
UNIT_LABELLED = r"[（(](?:万元|亿元|元)(?:/[\u4e00-\u9fff]{1,2})?[）)]\s*[:：]\s*\d"
# a table's cell of figures alone read under its header, which names their unit (补贴标准（元/人）：
# 1500, 1000/1500/2000): a sentence that says nothing of whose figure it is — the row's name's
_FIGURE_CELL = re.compile(r"[^，。；;：:]{1,16}[（(](?:万元|亿元|元|%|％)(?:/[\u4e00-\u9fff]{1,2})?[）)][:：]"
                          r"\d+(?:\.\d+)?(?:\s*[/／、]\s*\d+(?:\.\d+)?)*")
# a row's task this long or shorter, no sentence, is a name (求职创业补贴, 职业技能培训补贴（中级工/四级）)
_NAME_CHARS = 24
_AMOUNT = re.compile(rf"\d+(?:\.\d+)?\s*(?:万元|亿元|元|%|％|个百分点|个基点|份|亩|家|套|平方米)|{UNIT_LABELLED}")
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Sentence:
    key: tuple[str, int]   # row key
    field: str             # TASK / MEASURE / GOAL / NOTE
    measure: int | None    # index into row.measures for MEASURE / GOAL
    text: str

    @property
    def has_amount(self) -> bool:
        return bool(_AMOUNT.search(self.text))

    @property
    def has_number(self) -> bool:
        return bool(_NUMBER.search(self.text))


def is_name(task: str) -> bool:
    """Whether a row's task is a name — a table's item, a list's policy (求职创业补贴) — and
    not a sentence stating a rule."""
    return 0 < len(task) <= _NAME_CHARS and not task.endswith(SENTENCE_ENDS)


def figure_cell(text: str) -> bool:
    """Whether the sentence is a table's figures under their header and nothing else
    (补贴标准（元/人）：1500)."""
    return bool(_FIGURE_CELL.fullmatch(text.strip()))


def split_sentences(text: str) -> list[str]:
    """Sentences of a field, split after 。；！？ only: a quote keeps the document's
    wording whole, never cut at a comma; a question runs on into its answer."""
    out: list[str] = []
    for s in _SPLIT.split(text.strip()):
        s = s.strip()
        if out and out[-1].endswith(("？", "?")):
            # a question is no rule: it is quoted with the answer after it (七问：参加展会
            # 有没有补助？答：…按实际展位费的50%给予补助)
            out[-1] += s
        elif len(s) >= 2:
            out.append(s)
    return out


def row_sentences(row: TaskRow) -> list[Sentence]:
    out = [Sentence(row.key, TASK, None, s) for s in split_sentences(row.task)]
    for i, m in enumerate(row.measures):
        for item in m.items or (m.text,):
            out += [Sentence(row.key, MEASURE, i, s) for s in split_sentences(item)]
        out += [Sentence(row.key, GOAL, i, s) for s in split_sentences(m.goal)]
    for note in labelled_notes(row):
        out += [Sentence(row.key, NOTE, None, s) for s in split_sentences(note)]
    return out


# a sentence opening with its label (承诺时限：营业执照当场办结；) and going on after ；
# — the innermost of labels run on (办理时限：法定时限：…, a part's title before its line)
_LABEL_OPENS = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}\s*[:：]\s*)*?([\u4e00-\u9fff]{2,8})\s*[:：](?![\u4e00-\u9fff]{2,8}\s*[:：])")
_GOES_ON = ("；", ";")


def list_labels(sentences: list[Sentence]) -> dict[Sentence, str]:
    """The label each sentence is listed under: a labelled sentence ending in ；
    (承诺时限：营业执照当场办结；) goes on in the sentences after it, within its field, up to
    the one ending in 。 — 食品经营许可3个工作日； is a 承诺时限 though it does not say so,
    while the line before (法定时限：食品经营许可10个工作日；) gave another. A sentence with
    a label of its own starts its own list. A list's items are short and have no comma of
    their own, the labelled one as much as the others: a clause with one (无需申请，资金直接
    拨付至…; 合伙创业的，可按…) is a sentence of its own — a 公众号's bullets run on with ；
    after a labelled one (返还标准：…；) — and ends the list."""
    out: dict[Sentence, str] = {}
    label, place = "", None
    for s in sentences:
        at = (s.field, s.measure)
        item = len(s.text) <= _ITEM_CHARS and not _COMMA.search(s.text)
        if (m := _LABEL_OPENS.match(s.text)) is not None:
            rest = s.text[m.end():]
            label, place = (m.group(1), at) if s.text.endswith(_GOES_ON) and not _COMMA.search(rest) else ("", None)
            continue
        if label and at == place and item:
            out[s] = label
        if not s.text.endswith(_GOES_ON) or at != place or not item:
            label, place = "", None
    return out


_ITEM_CHARS = 30
_COMMA = re.compile(r"[，,]")


def item_title(task: str) -> str:
    """The title an item opens with (申请材料。（1）…, 办理时限。窗口受理后…): its first
    sentence when that is four to eight characters ending in 。 and more follows; else ""."""
    title, sep, rest = task.partition("。")
    return title if sep and rest.strip() and 4 <= len(title) <= 8 and not re.search(r"[，,；;：:]", title) else ""


def labelled_notes(row: TaskRow) -> list[str]:
    """The row's notes that are a column's value under its header (兑现方式：免申即享，…;
    政策名称：一次性扩岗补助), which are its wording too — not a marker (牵头) or a remark
    on the units."""
    return [n for n in row.notes if _LABELLED_NOTE.match(n)]


# (the header may carry its unit: 总投资（万元）：2600)
_LABELLED_NOTE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:[（(][^（()）]{1,8}[）)])?[:：]\s*\S")
