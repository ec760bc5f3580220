"""Fit the abstention model on the dev split of the question set.

    python -m qa.calibrate [--questions eval/questions.jsonl] [--write]

First the shift below which unknown words count as asides (see
``qa.relevance.RelevanceModel.unknown_shift``), by balanced accuracy on dev; then a
logistic regression over the relevance signals (see ``qa.relevance``), fitted by
gradient descent with L2 on the *dev* questions only; the threshold is the one
that maximises the lesser of abstention precision and recall (then F1) on
out-of-fold dev scores. Prints precision/recall on dev and on the
held-out test split. ``--write`` stores the weights in ``qa/data/abstain.json``.
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path

import numpy as np

from eval.dataset import load_questions

from .engine import open_assistant
from .relevance import Signals

FEATURES = ("coverage", "unknown", "foreign", "dense", "margin", "field_missing", "amount_match")


def fit(X: np.ndarray, y: np.ndarray, l2: float = 0.01, steps: int = 20000, lr: float = 0.5
        ) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Logistic regression on standardised features; returns weights and bias in the
    original feature scale plus the standardisation used."""
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = (X - mu) / sd
    w, b = np.zeros(Z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        g = p - y
        w -= lr * (Z.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    return w / sd, b - float((w * mu / sd).sum()), mu, sd


def choose_l2(X: np.ndarray, y: np.ndarray, hard: np.ndarray,
              grid: tuple[float, ...] = (0.01, 0.03, 0.1, 0.3, 1.0)) -> float:
    """The L2 strength with the best 5-fold cross-validated F1 (threshold 0.5) on dev."""
    best = (-1.0, grid[0])
    for l2 in grid:
        p, r = _pr((out_of_fold(X, y, l2) >= 0.5) | hard, y)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best[0] + 1e-9:
            best = (f1, l2)
    return best[1]


def out_of_fold(X: np.ndarray, y: np.ndarray, l2: float, folds: int = 5) -> np.ndarray:
    """Each row's score from a model fitted on the other folds."""
    idx = np.arange(len(y))
    out = np.zeros(len(y))
    for f in range(folds):
        test = idx % folds == f
        w, b, _, _ = fit(X[~test], y[~test], l2=l2, steps=4000)
        out[test] = 1 / (1 + np.exp(-(X[test] @ w + b)))
    return out


def choose_min_shift(shift: np.ndarray, y: np.ndarray,
                     grid: np.ndarray = np.arange(0.004, 0.0501, 0.002)) -> float:
    """The shift below which a question's unknown words count as asides: the one that
    best separates (balanced accuracy) unanswerable from answerable dev questions
    among those with unknown words; ties go to the smaller value."""
    best = (-1.0, float(grid[0]))
    un, ans = shift[y == 1], shift[y == 0]
    if not len(un) or not len(ans):
        return 0.0
    for t in grid:
        acc = ((un >= t).mean() + (ans < t).mean()) / 2
        if acc > best[0] + 1e-9:
            best = (float(acc), round(float(t), 3))
    return best[1]


def _pr(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = float((pred & (y == 1)).sum())
    return (tp / pred.sum() if pred.sum() else 1.0), (tp / (y == 1).sum() if (y == 1).sum() else 1.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m qa.calibrate")
    ap.add_argument("--questions")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    assistant = open_assistant(quiet=True)
    qs = load_questions(args.questions)
    # first the aside threshold, on the raw shifts (independent of it) of dev questions
    # with unknown words and no foreign place or year
    assistant.relevance.min_shift = 0.0
    raw = [assistant.signals(q.question) for q in qs]
    has = [i for i, (q, s) in enumerate(zip(qs, raw))
           if q.split == "dev" and s.unknown and not (s.foreign_place or s.foreign_year)]
    min_shift = choose_min_shift(np.array([raw[i].unknown_shift for i in has]),
                                 np.array([0 if qs[i].answerable else 1 for i in has]))
    assistant.relevance.min_shift = min_shift
    sigs: list[Signals] = [assistant.signals(q.question) for q in qs]
    X = np.array([[s.features()[f] for f in FEATURES] for s in sigs])
    y = np.array([0 if q.answerable else 1 for q in qs])
    hard = np.array([s.foreign_place or s.foreign_year for s in sigs])
    dev = np.array([q.split == "dev" for q in qs])
    l2 = choose_l2(X[dev], y[dev], hard[dev])
    w, b, _, _ = fit(X[dev], y[dev], l2=l2)
    score = 1 / (1 + np.exp(-(X @ w + b)))
    # the threshold with the best min(precision, recall) — both have a target — on
    # out-of-fold dev scores (each question scored by a model that did not see it:
    # in-sample scores flatter the fit); then the best F1; then the one nearest 0.5
    oof = out_of_fold(X[dev], y[dev], l2)
    cands = []
    for t in np.arange(0.05, 0.96, 0.01):
        pd, rd = _pr((oof >= t) | hard[dev], y[dev])
        cands.append((round(min(pd, rd), 6), round(2 * pd * rd / (pd + rd) if pd + rd else 0, 6),
                      -abs(t - 0.5), float(round(t, 2))))
    t = max(cands)[3]
    print(f"asides below shift {min_shift}; l2 {l2} (5-fold CV on dev), threshold {t}")
    params = {"bias": round(float(b), 4), **{f"w_{f}": round(float(v), 4) for f, v in zip(FEATURES, w)},
              "threshold": t, "min_shift": min_shift, "fitted_on": "dev", "questions": len(qs)}
    pred = (score >= t) | hard
    for name, mask in (("dev", dev), ("test", ~dev), ("all", np.ones_like(dev))):
        p, rc = _pr(pred[mask], y[mask])
        print(f"{name:5s} abstention precision {p:.3f} recall {rc:.3f}  (n={mask.sum()}, unanswerable={y[mask].sum()})")
    for q, s, sc, pr in zip(qs, sigs, score, pred):
        if bool(pr) != (not q.answerable):
            print(f"  {'FP' if pr else 'FN'} {q.split} {sc:.2f} {q.question}  {s.features()}")
    print(json.dumps(params, ensure_ascii=False))
    if args.write:
        path = Path(str(resources.files("qa").joinpath("data/abstain.json")))
        path.write_text(json.dumps(params, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"written: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
