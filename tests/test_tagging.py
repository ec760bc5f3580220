"""Parts of speech read once per run of characters (qa.tagging): the same words and tags
as jieba's own tagger, whatever text they are read from."""

import re

import jieba.posseg as pseg

from eval.dataset import external_questions, load_questions
from qa.tagging import tagged


def _texts() -> list[str]:
    questions = [q.question for f in external_questions() for q in load_questions(f)] or \
        [q.question for q in load_questions()]
    # every question whole, as normalised text would be read (no spaces), and clause by clause
    return [t for q in questions for t in (q, q.replace(" ", ""), *re.split(r"[，。？！ ]", q)) if t]


def test_tagging_by_run_gives_jiebas_words_and_tags():
    texts = _texts()
    assert len(texts) > 500
    for t in texts:
        assert tagged(t) == tuple((w.word, w.flag) for w in pseg.cut(t)), t


def test_a_run_is_read_the_same_inside_any_text():
    """A clause tagged inside a longer question and on its own: one reading (the cache
    keys a run, never the text around it)."""
    whole = tagged("听说开网店有补贴，能给多少钱？找哪个部门")
    alone = tagged("能给多少钱")
    i = [w for w, _ in whole].index("能")
    assert whole[i:i + len(alone)] == alone
    assert all(f == "x" for w, f in whole if w in "，？")
