"""Words of asking: the question words of ``qa/data/question_words.txt`` and the
index's stopwords, normalised, and the words of the asker's account. Never a topic."""

from __future__ import annotations

from functools import lru_cache

from index.tokenize import stopwords
from ingest.text import normalize

from .datafile import data_lines
from .tagging import tagged
from .thesaurus import tells_how_known


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    return frozenset(normalize(w) for w in data_lines("question_words.txt"))


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    return stopwords() | question_words()


def is_speech(word: str) -> bool:
    """A word of asking or of the asker's account, never a topic: a function or question
    word, or one telling how the asker came to know (听说, 据说, 知道, 还有)."""
    return word in function_words() or tells_how_known(word)


@lru_cache(maxsize=256)
def is_adverb(char: str) -> bool:
    """jieba's dictionary tags the character an adverb (乱, 多, 快): said of an act, it
    tells how it is done, not what."""
    return tagged(char) == ((char, "d"),)
