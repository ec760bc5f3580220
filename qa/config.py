"""How an answer is composed: the settings every stage of the answer path reads
(the match, the quotes, the rows cited, the related rows). One frozen record, so
that a configuration is a value (``dataclasses.replace`` for a variant)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ComposeConfig:
    candidates: int = 5          # rows considered for citation
    rerank_weight: float = 0.5   # their order: fused score + this × best sentence match
    score_ratio: float = 0.75    # a further row's fused score relative to the top row
    match_ratio: float = 0.85    # its best sentence's match relative to the top row's
    min_match: float = 0.35      # and an absolute floor on that match
    dup_ratio: float = 0.3       # a row restating a quoted sentence is cited when this close
    list_score_ratio: float = 0.6  # looser for "which rewards are there" questions
    list_min_match: float = 0.3
    list_rows: int = 3
    max_rows: int = 4
    related: int = 3
    row_sentences: int = 3       # sentences quoted from one row (besides deadline lines)
    more_ratio: float = 0.7      # a further sentence's match relative to the row's best
    more_min: float = 0.3
    more_gain: float = 0.2       # or it states this share of the question the others leave out
    row_chars: int = 260         # and the row's quotes stay within this many characters
    part_margin: float = 0.15    # a part of a several-part question is answered from another
    part_score_ratio: float = 0.5  # candidate row when that row states it this much better
    # a further row (down to part_score_ratio) whose best sentence states the question this
    # many times as well as the top row's best is quoted too: a long row (a table written as
    # one item) ranks low on its whole text though one sentence of it is the answer
    better_match: float = 1.5
    # a sentence's ranking within its row adds this × how far its embedding's cosine with
    # the question's lies above ``sentence_floor`` (where e5 puts text on another topic):
    # plain speech shares few words with the rule it asks about, but its meaning is near
    sentence_weight: float = 2.5
    sentence_floor: float = 0.80
    # a word of the asker's story (去税务局办事, 缺一两样不要紧的材料) counts this much of
    # a word of the clause that asks (能先办了回头再补上不) when choosing sentences
    story_weight: float = 0.5
    # a piece of a longer question word (大学, 学生 of 大学生) weighs this share of its IDF:
    # whole, one word counted three times outweighed the rest of the question
    piece_weight: float = 0.25


# a row of a few words with no measures (a guide's field: 不收费。营业执照…均免费
# 发放; 0394-3210315（…法规股）；12345政务服务便民热线) is quoted whole: its sentences are
# one answer, each qualifying the other; its one statement is what the row says
SHORT_FIELD = 80
