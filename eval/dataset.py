"""The question-set format (one source of truth) and its validator.

One JSON object per line:

    {"id": "q001", "question": "高企认定奖励多少",
     "gold": [["附件1", 84], ["附件2", 82]],   # every row a correct answer must cite
     "facts": ["10万元"],                      # strings a correct answer must contain
     "type": "amount", "persona": "business",
     "split": "dev"}                           # optional: dev (tuning) | test (held out)

``type`` ∈ TYPES, ``persona`` ∈ PERSONAS; unanswerable questions have empty gold
and facts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ingest.schema import Document, label
from ingest.text import normalize

TYPES = ("amount", "department", "deadline", "measure", "goal", "eligibility", "yesno",
         "multi", "unanswerable")
PERSONAS = ("business", "staff", "evaluator")
SPLITS = ("dev", "test")


class QuestionSetError(ValueError):
    pass


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    gold: tuple[tuple[str, int], ...]
    facts: tuple[str, ...]
    type: str
    persona: str
    split: str = "dev"

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"

    @property
    def gold_labels(self) -> list[str]:
        return [label(a, n) for a, n in self.gold]

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "question": self.question, "gold": [list(g) for g in self.gold],
                "facts": list(self.facts), "type": self.type, "persona": self.persona,
                "split": self.split}


def builtin_questions() -> Path:
    return Path(str(resources.files("eval").joinpath("questions.jsonl")))


def load_questions(path: str | Path | None = None) -> list[Question]:
    """Parse a question file; raises :class:`QuestionSetError` naming the line."""
    p = Path(path) if path else builtin_questions()
    if not p.is_file():
        raise QuestionSetError(f"问题集文件不存在：{p}")
    out: list[Question] = []
    for n, line in enumerate(p.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            gold = tuple((str(a), int(num)) for a, num in d.get("gold", []))
            q = Question(id=str(d["id"]), question=str(d["question"]), gold=gold,
                         facts=tuple(str(f) for f in d.get("facts", [])),
                         type=str(d["type"]), persona=str(d.get("persona", "evaluator")),
                         split=str(d.get("split", "dev")))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise QuestionSetError(f"{p} 第 {n} 行格式错误：{e!r}") from e
        out.append(q)
    if not out:
        raise QuestionSetError(f"{p} 中没有问题")
    return out


@dataclass
class Validation:
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def validate(questions: list[Question], doc: Document) -> Validation:
    """Gold rows exist; each fact occurs verbatim (after normalisation) in a gold row;
    ids unique; types, personas and splits known; unanswerable ⇔ empty gold."""
    v = Validation()
    seen: set[str] = set()
    for q in questions:
        where = f"{q.id}（{q.question[:20]}）"
        if q.id in seen:
            v.errors.append(f"{where}：id 重复")
        seen.add(q.id)
        if not q.question.strip():
            v.errors.append(f"{where}：问题为空")
        if q.type not in TYPES:
            v.errors.append(f"{where}：未知类型 {q.type}")
        if q.persona not in PERSONAS:
            v.errors.append(f"{where}：未知用户类型 {q.persona}")
        if q.split not in SPLITS:
            v.errors.append(f"{where}：未知划分 {q.split}")
        if q.type == "unanswerable":
            if q.gold or q.facts:
                v.errors.append(f"{where}：无答案问题的 gold 和 facts 应为空")
            continue
        if not q.gold:
            v.errors.append(f"{where}：缺少 gold 行")
        rows = []
        for a, n in q.gold:
            r = doc.row(a, n)
            if r is None:
                v.errors.append(f"{where}：gold 行 {label(a, n)} 不存在")
            else:
                rows.append(r)
        texts = [normalize(r.fields_text()) for r in rows]
        for f in q.facts:
            if not any(normalize(f) in t for t in texts):
                v.errors.append(f"{where}：事实“{f}”不在任何 gold 行中")
    return v
