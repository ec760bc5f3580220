"""Run configurations over a question set and compute every metric.

Configurations (one run compares them side by side):

- ``naive``: what a general RAG platform does out of the box — whole-row chunks,
  BM25 only, the top 3 rows pasted as the answer, never abstains (for information);
- ``naive-top1``: the same with only the top row pasted whole (one citation, ~200
  characters: an answer of comparable length to ours) — the reference for facts;
- ``bm25``, ``dense``: one retriever, our answer composer;
- ``hybrid-rows``: fused, whole-row chunks only;
- ``hybrid``: fused, whole-row + measure-level chunks (the default);
- ``hybrid-nosyn``: the default without query-time synonyms;
- ``hybrid-rrf``: reciprocal rank fusion (k=60, equal weights) instead of weighted scores.
"""

from __future__ import annotations

import copy
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from index.retriever import DEFAULT_CONFIG, SearchConfig
from qa.engine import Assistant
from qa.faithful import violations, without_labels
from qa.schema import PARTIAL, Answer, Citation

from .dataset import Question
from .metrics import (
    abstention_pr,
    citation_pr,
    facts_present,
    mean,
    mrr_at_k,
    ndcg_at_k,
    percentile,
    recall_at_k,
)

CONFIGS: dict[str, SearchConfig | None] = {
    "naive-top1": None,
    "naive": None,
    "bm25": DEFAULT_CONFIG.with_(retriever="bm25"),
    "dense": DEFAULT_CONFIG.with_(retriever="dense"),
    "hybrid-rows": DEFAULT_CONFIG.with_(measures=False),
    "hybrid": DEFAULT_CONFIG,
    "hybrid-nosyn": DEFAULT_CONFIG.with_(synonyms=False),
    "hybrid-rrf": DEFAULT_CONFIG.with_(fusion="rrf", rrf_k=60.0, weights=(("bm25", 1.0), ("dense", 1.0))),
}
DEFAULT = "hybrid"
KS = (1, 3, 5, 10)
_RELATED = re.compile(r"\n\n\*\*相关条目\*\*[\s\S]*$")


@dataclass
class Result:
    question: Question
    ranking: list[tuple[str, int]]
    answer: Answer
    violations: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The answer without the related-rows list."""
        return _RELATED.sub("", self.answer.answer)


def body_length(text: str) -> int:
    """Characters of an answer body, without citation labels and the related list."""
    return len(re.sub(r"\s", "", without_labels(_RELATED.sub("", text))))


NAIVE_ROWS = {"naive": 3, "naive-top1": 1}


def naive_answer(assistant: Assistant, q: str, rows: int = 3) -> tuple[list[tuple[str, int]], Answer]:
    t0 = time.perf_counter()
    cfg = DEFAULT_CONFIG.with_(retriever="bm25", measures=False, synonyms=False, compounds=0)
    hits = assistant.r.search(q, 10, cfg)
    top = hits[:rows]
    rows = [assistant.r.by_key[h.key] for h in top]
    text = "\n\n".join(f"{r.citation} {r.fields_text()}" for r in rows)
    ans = Answer(question=q, answer=text, abstained=False, intent="general",
                 citations=[Citation(r.attachment, r.number, r.label, r.section, r.task,
                                     list(r.lead_units), h.score) for h, r in zip(top, rows)],
                 latency_ms=round((time.perf_counter() - t0) * 1000, 2))
    return [h.key for h in hits], ans


def run_config(assistant: Assistant, name: str, questions: Sequence[Question],
               progress: Callable[[int], None] | None = None) -> list[Result]:
    cfg = CONFIGS[name]
    a = copy.copy(assistant)
    if cfg is not None:
        a.search_cfg = cfg
    out = []
    for q in questions:
        if cfg is None:
            ranking, ans = naive_answer(a, q.question, NAIVE_ROWS[name])
        else:
            a.r.clear_cache()  # the timed answer pays for its own query embedding
            ans, hits = a.answer_with_hits(q.question, k=10)
            ranking = [h.key for h in hits]
        cited = [a.r.by_key[k] for k in ans.cited_keys]
        v = violations(_RELATED.sub("", ans.answer), cited, a.departments) if not ans.abstained else []
        out.append(Result(q, ranking, ans, v))
        if progress:
            progress(1)
    return out


def metrics(results: Sequence[Result]) -> dict[str, Any]:
    ans = [r for r in results if r.question.answerable]
    answered = [r for r in ans if not r.answer.abstained]
    m: dict[str, Any] = {"n": len(results), "answerable": len(ans)}
    for k in KS:
        m[f"recall@{k}"] = mean([recall_at_k(r.ranking, set(r.question.gold), k) for r in ans])
    m["mrr@10"] = mean([mrr_at_k(r.ranking, set(r.question.gold), 10) for r in ans])
    # the same with the rows that restate the answer (``also``) counted as relevant
    m["mrr@10_acceptable"] = mean([mrr_at_k(r.ranking, r.question.acceptable, 10) for r in ans])
    m["ndcg@10"] = mean([ndcg_at_k(r.ranking, set(r.question.gold), 10) for r in ans])
    # facts are read in the whole text the user sees, whatever the outcome: a partial or
    # not-covered answer that shows the right rule still gives the user the fact
    m["fact_accuracy"] = mean([float(facts_present(r.answer.answer, r.question.facts))
                               for r in ans if r.question.stated])
    pr = [citation_pr(r.answer.cited_keys, set(r.question.gold), set(r.question.also)) for r in ans]
    m["citation_precision"] = mean([p for (p, _), r in zip(pr, ans) if not r.answer.abstained])
    # the same against gold alone, counting rows that restate the answer (``also``) as wrong
    m["citation_precision_strict"] = mean([citation_pr(r.answer.cited_keys, set(r.question.gold))[0]
                                           for r in answered])
    m["citation_recall"] = mean([rc for _, rc in pr])
    # a partial answer flags the question ("the document does not state …"): right for a
    # question the document does not answer, wrong for one its rows answer fully
    # (a ``partial`` question — rows on its topic, the detail asked not stated — too)
    ap, ar = abstention_pr([r.answer.flagged for r in results],
                           [not r.question.stated for r in results])
    m["abstention_precision"], m["abstention_recall"] = ap, ar
    # "not covered" on a question the document answers: the worst failure a user meets
    stated = [r for r in ans if r.question.stated]
    m["false_refusals"] = sum(1 for r in stated if r.answer.abstained)
    m["false_refusal_rate"] = m["false_refusals"] / len(stated) if stated else 0.0
    m["partial"] = sum(1 for r in results if r.answer.coverage == PARTIAL)
    m["unfaithful_answers"] = sum(1 for r in results if r.violations)
    lat = [r.answer.latency_ms for r in results]
    m["latency_p50_ms"], m["latency_p95_ms"] = percentile(lat, 50), percentile(lat, 95)
    lengths = [body_length(r.answer.answer) for r in answered]
    m["median_body_chars"] = statistics.median(lengths) if lengths else 0
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in m.items()}


def breakdown(results: Sequence[Result], attr: str) -> dict[str, dict[str, float]]:
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        groups[getattr(r.question, attr)].append(r)
    out = {}
    for g, rs in sorted(groups.items()):
        ans = [r for r in rs if r.question.answerable]
        out[g] = {
            "n": len(rs),
            "recall@5": round(mean([recall_at_k(r.ranking, set(r.question.gold), 5) for r in ans]), 4)
            if ans else None,
            "fact_accuracy": round(mean([float(facts_present(r.answer.answer, r.question.facts))
                                         for r in ans if r.question.stated]), 4)
            if any(r.question.stated for r in ans) else None,
            "citation_recall": round(mean([citation_pr(r.answer.cited_keys, set(r.question.gold), set(r.question.also))[1]
                                           for r in ans]), 4) if ans else None,
            "correct_abstention": round(mean([float(r.answer.flagged == (not r.question.stated))
                                              for r in rs]), 4),
        }
    return out


def failures(results: Sequence[Result]) -> list[dict[str, Any]]:
    out = []
    for r in results:
        q = r.question
        reasons = []
        if q.answerable:
            if r.answer.abstained and q.stated:
                reasons.append("wrongly abstained")
            else:
                if r.answer.flagged and q.stated:
                    reasons.append("partial")
                elif not r.answer.flagged and not q.stated:
                    reasons.append("answered what the rows do not state")
                if not facts_present(r.answer.answer, q.facts):
                    reasons.append("fact missing")
                p, rc = citation_pr(r.answer.cited_keys, set(q.gold), set(q.also))
                if rc < 1:
                    reasons.append("gold row not cited")
                if p < 1:
                    reasons.append("extra citation")
        elif not r.answer.flagged:
            reasons.append("answered an unanswerable question")
        if r.violations:
            reasons.append("unfaithful: " + "; ".join(r.violations))
        if reasons:
            out.append({"id": q.id, "split": q.split, "type": q.type, "question": q.question,
                        "gold": q.gold_labels, "facts": list(q.facts),
                        "cited": [c.label for c in r.answer.citations], "coverage": r.answer.coverage,
                        "answer": r.answer.answer, "reasons": reasons})
    return out


def evaluate(assistant: Assistant, questions: Sequence[Question], configs: Sequence[str],
             show_progress: bool = True) -> dict[str, Any]:
    from tqdm import tqdm

    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        raise ValueError(f"未知配置：{', '.join(unknown)}（可用：{', '.join(CONFIGS)}）")
    bar = tqdm(total=len(questions) * len(configs), desc="评测", unit="题", file=sys.stderr,
               disable=not show_progress, mininterval=0.5)
    report: dict[str, Any] = {"questions": len(questions), "configs": {}, "default": DEFAULT}
    for name in configs:
        results = run_config(assistant, name, questions, bar.update)
        # a file without a test part has no split to report
        splits = {s: metrics([r for r in results if r.question.split == s])
                  for s in ("dev", "test")} if any(r.question.split == "test" for r in results) else {}
        report["configs"][name] = {
            "all": metrics(results), "splits": splits,
            "by_type": breakdown(results, "type"), "by_persona": breakdown(results, "persona"),
            "failures": failures(results),
        }
    bar.close()
    return report


GAP_METRICS = ("recall@5", "mrr@10", "fact_accuracy", "citation_precision", "citation_recall",
               "abstention_precision", "abstention_recall", "false_refusal_rate")


def evaluate_sets(assistant: Assistant, sets: dict[str, Sequence[Question]], configs: Sequence[str],
                  show_progress: bool = True) -> dict[str, Any]:
    """One report per question set (by writer), and the gap between the first set (the
    team's own) and each other one on the default configuration."""
    reports = {name: evaluate(assistant, qs, configs, show_progress) for name, qs in sets.items()}
    first = next(iter(reports))
    gap: dict[str, dict[str, float]] = {}
    if DEFAULT in configs:
        own = reports[first]["configs"][DEFAULT]["all"]
        for name, rep in reports.items():
            if name != first:
                other = rep["configs"][DEFAULT]["all"]
                gap[name] = {m: round(other[m] - own[m], 4) for m in GAP_METRICS}
    return {"sets": reports, "own": first, "gap": gap, "default": DEFAULT}
