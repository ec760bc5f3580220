"""The answer schema: one dataclass used by the CLI, the UI and the HTTP API alike."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MAX_QUESTION_CHARS = 500

# what an answer does with the question: states it, gives the nearest rule while
# saying what the document does not state, or finds the document silent on it
ANSWERED, PARTIAL, NOT_COVERED = "answered", "partial", "not_covered"
COVERAGES = (ANSWERED, PARTIAL, NOT_COVERED)


class QuestionError(ValueError):
    """A question that cannot be answered as asked (empty, too long); the message is
    Chinese and shown to the user as is."""


@dataclass
class Citation:
    attachment: str
    number: int
    label: str
    section: str
    task: str
    lead_units: list[str]
    score: float
    coop_units: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)   # sentences of this row quoted in the answer


@dataclass
class Related:
    attachment: str
    number: int
    label: str
    task: str
    score: float


@dataclass
class Answer:
    question: str
    answer: str                      # Markdown, citation labels like 〔附件1 第84项〕
    abstained: bool
    intent: str
    citations: list[Citation] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    latency_ms: float = 0.0
    followup: bool = False           # answered with the previous turn's rows
    coverage: str = ""               # ANSWERED | PARTIAL | NOT_COVERED; abstained ⇔ NOT_COVERED
    read_as: list[list[str]] = field(default_factory=list)  # slips read as the document's word: [写的, 读作]

    def __post_init__(self) -> None:
        if not self.coverage:
            self.coverage = NOT_COVERED if self.abstained else ANSWERED
        if self.coverage not in COVERAGES or self.abstained != (self.coverage == NOT_COVERED):
            raise ValueError(f"coverage {self.coverage!r} does not agree with abstained={self.abstained}")

    @property
    def flagged(self) -> bool:
        """The answer tells the user the document does not (fully) state what was asked."""
        return self.coverage != ANSWERED

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Answer:
        return cls(question=d["question"], answer=d["answer"], abstained=bool(d["abstained"]),
                   intent=d["intent"],
                   citations=[Citation(**c) for c in d.get("citations", [])],
                   related=[Related(**r) for r in d.get("related", [])],
                   latency_ms=float(d.get("latency_ms", 0.0)), followup=bool(d.get("followup", False)),
                   coverage=str(d.get("coverage", "")),
                   read_as=[[str(x) for x in pair] for pair in d.get("read_as", [])])

    @property
    def cited_keys(self) -> list[tuple[str, int]]:
        return [(c.attachment, c.number) for c in self.citations]
