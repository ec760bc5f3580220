"""What the search gives the later stages of the answer path, computed once: the rows
ranked for the question, the concepts it asks, how well the top row states an amount
asked, and the notice's contact among the rows (the verdict reads it, the quotes quote
it — neither looks for it again)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from index.schema import Hit

if TYPE_CHECKING:  # qa.match reads the relevance model, which reads this record
    from .match import Concepts


@dataclass(frozen=True)
class Retrieved:
    terms: Concepts
    hits: list[Hit]                 # best first: the rows the answer is composed from
    amount_match: float = 1.0       # an amount question: the top row's best number-bearing sentence's match
    # the key of the notice's contact row (联系人：… 联系电话：…, 第七条 咨询方式) among the
    # candidate rows below the top one — brought in by the engine when the question asks
    # a number to call the best rows do not give, or found there by the search
    contact: tuple[str, int] | None = None
    candidates: int = 5             # how many of the hits the answer may quote and cite (ComposeConfig)

    @property
    def quotable(self) -> list[Hit]:
        """The hits the answer may quote: a phrase one of them writes is one the answer can give."""
        return self.hits[:self.candidates]
