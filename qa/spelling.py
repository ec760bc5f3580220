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
"""

from __future__ import annotations

import math
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


@dataclass(frozen=True)
class Reading:
    """The question as read: its text with each slip replaced, and the slips (written,
    read as) in order."""

    text: str
    fixes: tuple[tuple[str, str], ...] = ()


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

    def read(self, question: str) -> Reading:
        """``question`` with each slip replaced by the document's word (the rest as
        written); the question itself when there is none."""
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
