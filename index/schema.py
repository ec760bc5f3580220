"""Records where ``index`` meets ``qa``, ``ui`` and ``eval``: chunks and hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ingest.schema import RowRef

ROW = "row"          # a whole task row
MEASURE = "measure"  # task text + one measure with its deadline and goal


@dataclass(frozen=True)
class Chunk(RowRef):
    id: int
    attachment: str
    number: int
    kind: str            # ROW or MEASURE
    measure: int | None  # index into row.measures for MEASURE chunks
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "attachment": self.attachment, "number": self.number,
                "kind": self.kind, "measure": self.measure, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Chunk:
        return cls(id=int(d["id"]), attachment=d["attachment"], number=int(d["number"]),
                   kind=d["kind"], measure=d["measure"], text=d["text"])


@dataclass
class Hit(RowRef):
    """One retrieved row: its fused score, each retriever's rank and score (None when
    that retriever did not return the row) and the chunk that matched best."""

    attachment: str
    number: int
    score: float
    ranks: dict[str, int | None] = field(default_factory=dict)
    scores: dict[str, float | None] = field(default_factory=dict)
    chunk: str = ""
    chunk_kind: str = ROW
    measure: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"attachment": self.attachment, "number": self.number, "label": self.label,
                "score": round(self.score, 6), "ranks": self.ranks,
                "scores": {k: (None if v is None else round(v, 6)) for k, v in self.scores.items()},
                "chunk": self.chunk, "chunk_kind": self.chunk_kind, "measure": self.measure}
