"""One tokenizer for documents and queries: jieba with the domain user dictionary,
normalisation and stopwords; plus query-time synonym expansion.

The dictionary, stopwords and synonyms are editable data files in ``index/data``.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from importlib import resources

from ingest.text import normalize

_lock = threading.Lock()
_WORD = re.compile(r"[\w+]", re.UNICODE)


def _data(name: str) -> list[str]:
    text = resources.files("index").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _lock:
        tk = jieba.Tokenizer()
        tk.initialize()
        for ln in _data("userdict.txt"):
            parts = ln.split()
            word = normalize(parts[0])
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            tk.add_word(word, freq)
    return tk


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(normalize(w) for w in _data("stopwords.txt"))


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Groups of equivalent terms (normalised), from ``data/synonyms.tsv``."""
    groups = []
    for ln in _data("synonyms.tsv"):
        terms = tuple(dict.fromkeys(normalize(t) for t in ln.split("\t") if len(t.strip()) >= 2))
        if len(terms) >= 2:
            groups.append(terms)
    return tuple(groups)


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens of normalised text, without stopwords and punctuation."""
    stop = stopwords()
    return [t for t in _jieba().cut_for_search(normalize(text))
            if t.strip() and _WORD.search(t) and t not in stop]


def cut(text: str) -> list[str]:
    """The words of ``text`` as written, in jieba's precise mode without its guessing of
    unseen words: a span no dictionary word covers comes out one character at a time."""
    return list(_jieba().cut(text, HMM=False))


def word_frequency(word: str) -> float:
    """How often ``word`` occurs in jieba's dictionary counts, as a share of all words
    (an unseen word counts once: the shares stay comparable and positive)."""
    tk = _jieba()
    return max(tk.FREQ.get(normalize(word), 0), 1) / tk.total


def in_dictionary(word: str) -> bool:
    """Is ``word`` a word of jieba's general dictionary (or the domain user dictionary)?
    Tokens jieba's HMM makes up for unseen spans (点卖 in 自产自销点卖, 强来 in 500强来)
    are not."""
    return bool(_jieba().FREQ.get(normalize(word)))


def expansions(text: str) -> list[str]:
    """The synonyms to add for ``text``: for every group with a term in the text,
    the group's other terms."""
    q = normalize(text)
    out: list[str] = []
    for group in synonym_groups():
        if any(t in q for t in group):
            out += [t for t in group if t not in q]
    return out


def query_tokens(text: str, synonyms: bool = True) -> list[str]:
    """Tokens of a query, with synonym expansions appended when ``synonyms``."""
    toks = tokenize(text)
    if synonyms:
        for extra in expansions(text):
            toks += tokenize(extra)
    return toks


def warm() -> None:
    """Load jieba's dictionary now rather than on the first query."""
    _jieba()
