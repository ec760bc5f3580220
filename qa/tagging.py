"""Parts of speech: jieba's tagger, remembered by the run of characters it works on.

jieba cuts each run of Han characters, letters and digits on its own (the text between
is punctuation and spaces, tagged ``x``), so a run's words never depend on the text
around it. A question is read clause by clause and whole, with and without its title
or its labels: tagging each run once serves every reading — on a long spoken question
the tagger's HMM was a third of the answer's time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import jieba.posseg as pseg


class Tagged(NamedTuple):
    word: str
    flag: str  # jieba's part of speech: n, v, ns, x …


_RUN = pseg.re_han_internal  # jieba's own split: runs of 汉字, letters, digits and +#&._


@lru_cache(maxsize=16384)
def _tag_run(run: str) -> tuple[Tagged, ...]:
    return tuple(Tagged(w.word, w.flag) for w in pseg.cut(run))


def tagged(text: str) -> tuple[Tagged, ...]:
    """The words of ``text`` with their parts of speech, exactly as ``jieba.posseg.cut``
    gives them."""
    out: list[Tagged] = []
    for block in _RUN.split(text):
        if not block:
            continue
        if _RUN.match(block):
            out += _tag_run(block)
        else:
            out += (Tagged(w.word, w.flag) for w in pseg.cut(block))
    return tuple(out)
