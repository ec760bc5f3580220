"""A gazetteer of China's administrative divisions (province, city, county level).

The data is the adcode table that the maintained ``cpca`` package ships
(``cpca/resources/adcodes.csv``, MIT licence: 3,500 divisions with 12-digit
codes). It is read as data: importing ``cpca`` itself would load pandas for
nothing. The code's first two digits name the province, the next two the city,
the next two the county, so a division's parents follow from its code.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROVINCE, CITY, COUNTY = "province", "city", "county"
# longest first: 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边, 大宁县 → 大宁
_SUFFIX = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|自治州|自治县|自治旗|"
                     r"地区|林区|新区|矿区|省|市|县|区|旗|盟)$")
# China's peoples as the names of autonomous divisions write them, each before 族 — a name of
# two characters or more also without it (彭水苗族土家族自治县, 伊犁哈萨克自治州, 顺河回族区)
_PEOPLES = ("蒙古|朝鲜|土家|哈尼|哈萨克|柯尔克孜|布依|仡佬|傈僳|纳西|景颇|拉祜|布朗|独龙|普米|阿昌|德昂|"
            "基诺|门巴|珞巴|塔吉克|乌孜别克|俄罗斯|维吾尔|塔塔尔|鄂温克|鄂伦春|达斡尔|锡伯|裕固|保安|撒拉|"
            "东乡|毛南|仫佬|赫哲|高山")
_PEOPLE = "傣|侗|苗|瑶|彝|藏|回|壮|黎|畲|羌|白|土|水|满|佤|怒|京|各"
_NATIONALITY = re.compile(rf"(?:(?:{_PEOPLES})族?|(?:{_PEOPLE})族)+$")


# the table's rows that group divisions without naming a place (a municipality's 县, 市辖区)
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


def short_form(name: str) -> str:
    """A division's name without its unit word (大宁县 → 大宁, 广西壮族自治区 → 广西); the
    full name where that would leave one character (吉县)."""
    s = _SUFFIX.sub("", name)
    if "自治" in name or s.endswith("族"):  # the peoples named before 自治县 (土家族苗族): not 文水县's 水
        bare = _NATIONALITY.sub("", s)
        s = bare if len(bare) >= 2 else s  # 内蒙古 is no 内 of the 蒙古
    return s if len(s) >= 2 else name


@dataclass(frozen=True)
class Place:
    name: str     # 大宁县
    code: str     # 141030 (province, city, county digits)
    level: str    # province | city | county

    @property
    def short(self) -> str:
        """The name without its unit word: :func:`short_form`."""
        return short_form(self.name)


class GazetteerError(RuntimeError):
    pass


def _table() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError("缺少行政区划数据：请安装 cpca（pip install cpca），它带有全国行政区划代码表。")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Place, ...]:
    out = []
    with _table().open(encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            code = rec["adcode"][:6]
            level = PROVINCE if code.endswith("0000") else CITY if code.endswith("00") else COUNTY
            out.append(Place(rec["name"].strip(), code, level))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[Place, ...]]:
    idx: dict[str, list[Place]] = {}
    for p in gazetteer():
        if p.name in _PLACEHOLDERS:
            continue
        for n in {p.name, p.short}:
            idx.setdefault(n, []).append(p)
    return {k: tuple(v) for k, v in idx.items()}


def lookup(name: str) -> tuple[Place, ...]:
    """Every division called ``name``, in full (大宁县) or short (大宁)."""
    return _by_name().get(name.strip(), ())


def is_place(name: str) -> bool:
    return bool(lookup(name))


def parents(p: Place) -> tuple[Place, ...]:
    """The city and province above ``p`` (nearest first)."""
    codes = []
    if p.level == COUNTY:
        codes.append(p.code[:4] + "00")
    if p.level in (COUNTY, CITY):
        codes.append(p.code[:2] + "0000")
    by_code = _by_code()
    return tuple(by_code[c] for c in codes if c in by_code and c != p.code and by_code[c].name not in _PLACEHOLDERS)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Place]:
    return {q.code: q for q in gazetteer()}


def names() -> frozenset[str]:
    """Every full and short name of the gazetteer."""
    return frozenset(_by_name())


def locate(text: str) -> tuple[Place, ...]:
    """The document's own place from its header text: the lowest-level division named in
    full there (立山区 before 鞍山市), disambiguated by a parent named beside it
    (鞍山市立山区), then that division's parents. Empty when none is named."""
    found = [p for name in sorted({n for n in names() if len(n) >= 2 and n in text}, key=len, reverse=True)
             for p in lookup(name) if p.name == name] + _renamed(text)
    if not found:
        return ()
    rank = {COUNTY: 0, CITY: 1, PROVINCE: 2}

    def key(p: Place) -> tuple[int, int, int]:
        named_parents = sum(1 for q in parents(p) if q.name in text or q.short in text)
        return (rank[p.level], -named_parents, text.find(p.name))

    best = min(found, key=key)
    return (best, *parents(best))


_COUNTY_UNITS = "市区县旗"


def county_written_short(name: str) -> Place | None:
    """The county-level division ``name`` writes as its short form and a unit word
    (彭水县 for 彭水苗族土家族自治县; 武隆区 for 武隆县 made a district), else None."""
    short, unit = name[:-1], name[-1:]
    if len(short) < 2 or not unit or unit not in _COUNTY_UNITS:
        return None
    return next((p for p in lookup(short) if p.level == COUNTY and p.short == short), None)


def _renamed(text: str) -> list[Place]:
    """Counties ``text`` names by a unit word the gazetteer does not give them: a county
    made a district or a city (撤县设区: 武隆县 → 武隆区; 撤县设市), which keeps its parents
    — found from the unit words of the text, each short name looked up, not by scanning
    the gazetteer."""
    known = names()
    out: list[Place] = []
    for j, unit in enumerate(text):
        if unit not in _COUNTY_UNITS:
            continue
        for k in range(2, 7):
            name = text[max(0, j - k):j + 1]
            if len(name) == k + 1 and name not in known and (p := county_written_short(name)) is not None \
                    and p.short != p.name:
                out.append(Place(name, p.code, COUNTY))
    return out


# a division's name at the head of an issuing body's: two to six characters and a unit word
_DIVISION = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:自治区|自治州|自治县|自治旗|省|市|州|盟|县|旗|区)")


def issuer_place(issuer: str, text: str = "") -> tuple[Place, ...]:
    """The place an issuing body's name begins with (崇宁县人民政府办公室 → 崇宁县; 临汾市
    大宁县人民政府 → 大宁县 in 临汾市), with its parents: the gazetteer's division of that
    name (the one whose parents ``text`` names, when several share it), else — a division
    the gazetteer does not hold (new, renamed, or written as the document writes it) — a
    place of that name, under the divisions named before it in the issuer or, failing
    those, the province ``text`` names first. Empty when the issuer begins with none."""
    chain, rest = [], re.sub(r"^中共", "", issuer.strip())
    while (m := _DIVISION.match(rest)) and len(chain) < 3:
        chain.append(m.group(0))
        rest = rest[m.end():]
    if not chain or not rest:
        return ()
    own = chain[-1]
    known = [p for p in lookup(own) if p.name == own]
    if known:
        def named(p: Place) -> int:
            return sum(1 for q in parents(p) if q.name in text or q.short in text or q.name in chain)
        best = max(known, key=named)
        return (best, *parents(best))
    # a county made a city (撤县设市: 荔浦县 → 荔浦市) is the gazetteer's county of the same
    # short name, whose city and province still hold — in the province ``text`` names,
    # when it names one
    short = short_form(own)
    renamed = [p for p in lookup(short) if p.level == COUNTY and p.short == short and p.name != own]
    if any(q.level == PROVINCE and (q.name in text or q.short in text) for p in renamed for q in parents(p)):
        renamed = [p for p in renamed if any(q.level == PROVINCE and (q.name in text or q.short in text)
                                             for q in parents(p))]
    elif any(p.level == PROVINCE and (p.name in text or p.short in text) for p in gazetteer()):
        renamed = []  # the text names another province
    if len(renamed) == 1 and own.endswith(("市", "县", "区", "旗")):
        return (Place(own, renamed[0].code, COUNTY), *parents(renamed[0]))
    level = PROVINCE if own.endswith(("省", "自治区")) else CITY if own.endswith(("市", "州", "盟")) else COUNTY
    place = Place(own, "", level)
    above = [q for name in chain[:-1] for q in lookup(name) if q.name == name][:2]
    if not above:
        provinces = sorted((p for p in gazetteer() if p.level == PROVINCE
                            and (p.name in text or p.short in text)), key=lambda p: text.find(p.short))
        above = provinces[:1]
    return (place, *reversed(above))
