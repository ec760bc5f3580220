"""The question-set format (one source of truth) and its validator.

One JSON object per line:

    {"id": "q001", "question": "高企认定奖励多少",
     "gold": [["附件1", 84], ["附件2", 82]],   # every row a correct answer must cite
     "facts": ["10万元"],                      # strings a correct answer must contain
     "type": "amount", "persona": "business",
     "split": "dev",                           # optional: dev (tuning) | test (held out)
     "also": [["附件2", 87]],                  # optional: rows that restate the answer —
                                               # citing them is right, omitting them too
     "not_also": [["附件2", 79]]}              # optional: rows the audit flagged that a
                                               # reviewer found do not answer the question

``type`` ∈ TYPES, ``persona`` ∈ PERSONAS; unanswerable questions have empty gold,
facts and also; a ``partial`` question has the gold rows on its topic and no facts (the
rows do not state what it asks: the right answer quotes them and says so).

``also`` records the gold audit (:func:`restating_rows`): the document often repeats a
rule word for word in both attachments; such a row is not required for recall but
is no error when cited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path

from ingest.schema import Document, TaskRow, label
from ingest.sentences import row_sentences
from ingest.text import normalize

TYPES = ("amount", "department", "deadline", "measure", "goal", "eligibility", "yesno",
         "multi", "partial", "unanswerable")
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
    also: tuple[tuple[str, int], ...] = ()
    not_also: tuple[tuple[str, int], ...] = ()

    @property
    def acceptable(self) -> set[tuple[str, int]]:
        """Rows a correct answer may cite: gold plus the rows that restate it."""
        return set(self.gold) | set(self.also)

    @property
    def answerable(self) -> bool:
        """Its rows are in the document (gold): every type but ``unanswerable``."""
        return self.type != "unanswerable"

    @property
    def stated(self) -> bool:
        """The document states what is asked. A ``partial`` question's rows are on its
        topic but do not give what it asks (a form, a figure): flagging it is right."""
        return self.type not in ("unanswerable", "partial")

    @property
    def gold_labels(self) -> list[str]:
        return [label(a, n) for a, n in self.gold]

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "question": self.question, "gold": [list(g) for g in self.gold],
                "facts": list(self.facts), "type": self.type, "persona": self.persona,
                "split": self.split,
                **{name: [list(g) for g in rows] for name, rows in (("also", self.also),
                                                                    ("not_also", self.not_also)) if rows}}


def builtin_questions() -> Path:
    return Path(str(resources.files("eval").joinpath("questions.jsonl")))


def external_questions(root: Path | None = None) -> list[Path]:
    """Question sets written outside the team, one voice per file, in ``../shared/questions/``
    beside the repository (evaluation only: nothing is fitted on them)."""
    root = root or Path(__file__).resolve().parent.parent
    d = root.parent / "shared" / "questions"
    return sorted(d.glob("*.jsonl")) if d.is_dir() else []


def default_question_files() -> list[Path]:
    """The team's own set first, then every external set found."""
    return [builtin_questions(), *external_questions()]


def set_name(path: Path) -> str:
    """A question file's short name in reports: ``team`` for the built-in set, else its stem."""
    return "team" if path.resolve() == builtin_questions().resolve() else path.stem


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
                         split=str(d.get("split", "dev")),
                         also=tuple((str(a), int(num)) for a, num in d.get("also", [])),
                         not_also=tuple((str(a), int(num)) for a, num in d.get("not_also", [])))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise QuestionSetError(f"{p} 第 {n} 行格式错误：{e!r}") from e
        out.append(q)
    if not out:
        raise QuestionSetError(f"{p} 中没有问题")
    return out


@dataclass
class Validation:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # possibly incomplete gold

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
            if q.gold or q.facts or q.also or q.not_also:
                v.errors.append(f"{where}：无答案问题的 gold、facts、also 和 not_also 应为空")
            continue
        if not q.gold:
            v.errors.append(f"{where}：缺少 gold 行")
        if q.type == "partial" and q.facts:
            v.errors.append(f"{where}：部分可答问题（partial）的 facts 应为空")
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
        for name, keys in (("also", q.also), ("not_also", q.not_also)):
            for a, n in keys:
                if doc.row(a, n) is None:
                    v.errors.append(f"{where}：{name} 行 {label(a, n)} 不存在")
                elif (a, n) in q.gold:
                    v.errors.append(f"{where}：{label(a, n)} 同时在 gold 和 {name} 中")
        for key, ratio in restating_rows(q, doc):
            if key not in q.also and key not in q.not_also:
                v.warnings.append(f"{where}：{label(*key)} 可能也写有答案（句子相似度 {ratio:.2f}），"
                                  "请核对后加入 gold、also 或 not_also")
    return v


def restating_rows(q: Question, doc: Document, min_ratio: float = 0.5) -> list[tuple[tuple[str, int], float]]:
    """Rows outside gold that contain every fact of ``q`` and restate the gold sentence
    answering it (in each gold row, the fact-bearing sentences closest to the question in characters;
    difflib ratio ≥ ``min_ratio``): candidates for ``also``.

    Depends on the document and the question only, never on what a system answered,
    so auditing with it cannot favour one configuration."""
    if not q.answerable or not q.facts:
        return []
    facts = [normalize(f) for f in q.facts]
    gold = set(q.gold)

    def fact_sentences(row: TaskRow) -> list[str]:
        """Sentences stating a fact — in their words, their measure's deadline or the
        row's departments (a deadline or department belongs to every sentence it governs)."""
        units = normalize("、".join(row.units))
        out = []
        for s in row_sentences(row):
            n = normalize(s.text)
            around = n + units + (normalize(row.measures[s.measure].deadline) if s.measure is not None else "")
            if any(f in around for f in facts):
                out.append(n)
        return out

    # in each gold row, the fact sentences that answer this question: those sharing at
    # least 60% as many characters with it as the row's closest sentence
    qchars = set(normalize(q.question))
    gold_sents = []
    for k in gold:
        sents = fact_sentences(r) if (r := doc.row(*k)) is not None else []
        best = max((len(qchars & set(s)) for s in sents), default=0)
        gold_sents += [s for s in sents if len(qchars & set(s)) >= 0.6 * best]
    out = []
    for row in doc.rows:
        if row.key in gold or not all(f in normalize(row.fields_text()) for f in facts):
            continue
        ratio = max((SequenceMatcher(None, s, g).ratio() for s in fact_sentences(row) for g in gold_sents),
                    default=0.0)
        if ratio >= min_ratio:
            out.append((row.key, round(ratio, 2)))
    return out
