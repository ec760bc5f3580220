"""Typing slips of the same sound: a span of the question that is no word of the
dictionary but sounds exactly like a word of the document is read as that word
(环平 → 环评, 保涵 → 保函, 营叶执照 → 营业执照, 代款 → 贷款, 高薪技术企业 → 高新技术企业).

People type Chinese by pinyin, and picking another character of the same sound from
the candidate list is the commonest slip; the wrong span is then no word at all. Three
conditions keep real words as written: the span is no word of jieba's dictionary and
not in the document's text (公事 stays 公事 though it sounds like 公示); it lines up with
the question's words as jieba cuts them (一半证件 holds no 半证); and it shares a character
in the same place with exactly one document word of its sound (toneless pinyin from
``pypinyin``'s dictionary).

A run of small Latin letters is a word typed by its pinyin initials, as messages are
(gth 个体户, dk 贷款, yyzz 营业执照; 15w for 15万): read as the document's word of those initials where
one is the document's word for them — the only one, or one the document uses many times
more often than any other (dk: 贷款 89 times, 抵扣 3); where several are (sb: 申报 or
社保? bz: 保障, 标准 or 补助?) it stays as written. Letters the document itself writes
(UKey) are its word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pypinyin import lazy_pinyin

from index.tokenize import cut, in_dictionary, word_frequency
from ingest.text import all_han, normalize

_SPAN = (6, 5, 4, 3, 2)  # characters, longest first
# how much likelier the document's word must be than the pieces as written, by jieba's
# word counts (natural log of the ratio; 7.7: over 2,000 times): 营叶执照 → 营业执照 (21.6),
# 保涵 → 保函 (11.2), 环平 → 环评 (7.8); words that only sound like one stay as written
# (我是 ≠ 我市: −2.7, 干不 ≠ 干部: 4.4, 想关了 ≠ 相关: 7.5, 按件算 ≠ 案件: 7.3)
MIN_GAIN = 7.7
# a span of three characters or more that sounds exactly like a document word and shares
# two of its characters in place is a slip on far less: 公基金 → 公积金 (7.6), where two
# characters of the same sound by chance are common (想关 ≈ 相关)
MIN_GAIN_LONG = 5.0
# a span of four characters or more that sounds exactly like a document word and differs
# from it in one character is a slip whatever the counts (高薪技术企业 → 高新技术企业: jieba
# knows 高薪技术 but not the document's compound): two words that long, one sound, one
# character apart, are one word mistyped
MIN_SAME_LONG = 4
# a run of small Latin letters standing alone (gth, yyzz): a word by its pinyin initials
_INITIALS = re.compile(r"(?<![A-Za-z])[a-z]{2,5}(?![A-Za-z])")
# how many times more often than any other of the same initials the document must use a word
# for the initials to be read as it (dk: 贷款 89 to 抵扣 3; not sb: 申报 62 to 社保 6 — where
# sb is 社保 in a message about contributions)
DOMINANT = 20
# a figure in 万 written as messages do (15w, 3.5W): read 15万
_WAN = re.compile(r"(\d+(?:\.\d+)?)[wW](?![A-Za-z])")


@dataclass(frozen=True)
class Reading:
    """The question as read: its text with each slip replaced, and the slips (written,
    read as) in order."""

    text: str
    fixes: tuple[tuple[str, str], ...] = ()


def typed_initials(term: str) -> bool:
    """Whether ``term`` is a run of small Latin letters alone (gth, sb, bp): the way a word
    is typed by its pinyin initials."""
    return bool(_INITIALS.fullmatch(term))


class Homophones:
    """The document's words by their sound, and the reading of a question against them."""

    def __init__(self, words: Iterable[str], text: str):
        self._text = text  # the documents' matching text: a span it holds is no slip
        by_sound: dict[tuple[str, ...], set[str]] = {}
        placed: set[tuple[int, int, str]] = set()
        for w in words:
            if len(w) in _SPAN and all_han(w):
                by_sound.setdefault(tuple(lazy_pinyin(w)), set()).add(w)
                placed.update((len(w), i, c) for i, c in enumerate(w))
        self._by_sound = by_sound
        by_initials: dict[str, set[str]] = {}
        for w in words:
            if 2 <= len(w) <= 5 and all_han(w):
                by_initials.setdefault("".join(p[:1] for p in lazy_pinyin(w)), set()).add(w)
        self._by_initials = by_initials
        # (length, place, character) of every word: a span sharing none with any word of
        # its length can be no slip for one, and its sound is not looked up
        self._placed = frozenset(placed)

    def _word_for(self, span: str) -> str:
        # cheapest test first: this runs for every span of every question
        if in_dictionary(span) or not any((len(span), i, c) in self._placed for i, c in enumerate(span)):
            return ""
        found = {w for w in self._by_sound.get(tuple(lazy_pinyin(span)), ())
                 if any(a == b for a, b in zip(w, span, strict=True))}
        if len(found) != 1 or span in self._text:
            return ""
        word = found.pop()
        same = sum(a == b for a, b in zip(word, span, strict=True))
        if len(span) >= MIN_SAME_LONG and same == len(span) - 1:
            return word
        written = sum(math.log(word_frequency(p)) for p in cut(span))
        need = MIN_GAIN_LONG if len(span) >= 3 and same >= 2 else MIN_GAIN
        return word if math.log(word_frequency(word)) - written >= need else ""

    def _word_of_initials(self, letters: str) -> str:
        """The document's word that ``letters`` are the pinyin initials of, where it is
        the document's word for them (see the module's note); else empty."""
        if letters in self._text:  # (the matching text is lower-cased: UKey is ukey there)
            return ""
        used = sorted(((self._text.count(w), w) for w in self._by_initials.get(letters, ())), reverse=True)
        if not used or len(used) > 1 and used[0][0] < DOMINANT * used[1][0]:
            return ""
        return used[0][1]

    def read(self, question: str) -> Reading:
        """``question`` with each slip replaced by the document's word (the rest as
        written); the question itself when there is none."""
        initials: list[tuple[str, str]] = []

        def expand(m: re.Match[str]) -> str:
            if word := self._word_of_initials(m.group()):
                initials.append((m.group(), word))
                return word
            return m.group()

        def wan(m: re.Match[str]) -> str:
            initials.append((m.group(), f"{m.group(1)}万"))
            return f"{m.group(1)}万"

        read = self._read_sounds(_INITIALS.sub(expand, _WAN.sub(wan, question)))
        return Reading(read.text, (*initials, *read.fixes)) if initials else read

    def _read_sounds(self, question: str) -> Reading:
        """``question`` with each slip of the same sound replaced by the document's word."""
        tokens = cut(question)
        bounds = [0]
        for t in tokens:
            bounds.append(bounds[-1] + len(t))
        if bounds[-1] != len(question):  # the cutter normalised something: leave it be
            return Reading(question)
        ends = set(bounds)
        out: list[str] = []
        fixes: list[tuple[str, str]] = []
        i = 0
        while i < len(question):
            for n in _SPAN:
                span = question[i:i + n]
                if (len(span) == n and i + n in ends and i in ends and all_han(span)
                        and (word := self._word_for(normalize(span)))):
                    out.append(word)
                    fixes.append((span, word))
                    i += n
                    break
            else:
                # to the next boundary: a span starts only where a word does
                j = min(b for b in bounds if b > i)
                out.append(question[i:j])
                i = j
        return Reading("".join(out), tuple(fixes)) if fixes else Reading(question)
