"""Write an evaluation report: report.json, report.md and PNG plots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ANSWER_METRICS = ("fact_accuracy", "citation_precision", "citation_recall",
                  "abstention_precision", "abstention_recall")
TABLE = ("recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10", *ANSWER_METRICS,
         "unfaithful_answers", "median_body_chars", "latency_p50_ms", "latency_p95_ms")
TARGETS = {"recall@5": 0.98, "mrr@10": 0.95, "citation_precision": 0.90, "citation_recall": 0.95,
           "fact_accuracy": 0.92, "abstention_precision": 0.95, "abstention_recall": 0.95}


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "—" if v is None else str(v)


def table_md(rows: dict[str, dict[str, Any]], cols: tuple[str, ...] = TABLE) -> str:
    out = ["| config | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for name, m in rows.items():
        out.append(f"| {name} | " + " | ".join(_fmt(m.get(c)) for c in cols) + " |")
    return "\n".join(out)


def table_text(rows: dict[str, dict[str, Any]], cols: tuple[str, ...] = TABLE) -> str:
    short = {c: c.replace("citation_", "cit_").replace("abstention_", "abst_").replace("precision", "P")
             .replace("recall", "R").replace("_accuracy", "_acc").replace("latency_", "").replace("median_body_chars", "body")
             .replace("unfaithful_answers", "unfaith") for c in cols}
    width = max(len(n) for n in rows) + 1
    lines = ["config".ljust(width) + " ".join(short[c].rjust(8) for c in cols)]
    for name, m in rows.items():
        lines.append(name.ljust(width) + " ".join(_fmt(m.get(c)).rjust(8) for c in cols))
    return "\n".join(lines)


def write(report: dict[str, Any], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "report.json", out / "report.md"]
    paths[0].write_text(json.dumps(report, ensure_ascii=False, indent=2), "utf-8")
    paths += plots(report, out)
    paths[1].write_text(markdown(report, [p.name for p in paths[2:]]), "utf-8")
    return paths


def markdown(report: dict[str, Any], images: list[str]) -> str:
    cfgs = report["configs"]
    d = report["default"]
    parts = [f"# 评测报告 (evaluation report)\n\n{report['questions']} questions from "
             f"`{report.get('questions_file', '')}`; default configuration: **{d}**.\n",
             "## All questions\n", table_md({n: c["all"] for n, c in cfgs.items()})]
    for split in ("dev", "test"):
        rows = {n: c["splits"][split] for n, c in cfgs.items() if split in c.get("splits", {})}
        if rows:
            parts += [f"\n## Split: {split}" + (" (held out: nothing is tuned on it)" if split == "test" else ""),
                      table_md(rows)]
    if d in cfgs:
        m = cfgs[d]["all"]
        parts.append("\n## Targets (default configuration)\n\n| metric | target | measured | met |\n|---|---|---|---|")
        for k, t in TARGETS.items():
            if k in m:
                parts.append(f"| {k} | ≥ {t} | {_fmt(m[k])} | {'yes' if m[k] >= t else '**no**'} |")
        if "mrr@10_acceptable" in m:
            parts.append(f"| mrr@10, rows in `also` counted relevant | — | {_fmt(m['mrr@10_acceptable'])} | — |")
        if "citation_precision_strict" in m:
            parts.append(f"| citation_precision, gold only (rows in `also` counted wrong) | — | "
                         f"{_fmt(m['citation_precision_strict'])} | — |")
        parts.append(f"| unfaithful answers | 0 | {m['unfaithful_answers']} | "
                     f"{'yes' if m['unfaithful_answers'] == 0 else '**no**'} |")
        parts.append(f"| answer p95 (ms) | ≤ 50 | {_fmt(m['latency_p95_ms'])} | "
                     f"{'yes' if m['latency_p95_ms'] <= 50 else '**no**'} |")
        if "naive" in cfgs and d != "naive":
            nv = cfgs["naive"]["all"]
            parts.append(f"\n## {d} against the naive reference (answer metrics)\n\n"
                         "| metric | naive | " + d + " | better |\n|---|---|---|---|")
            for k in ANSWER_METRICS:
                parts.append(f"| {k} | {_fmt(nv[k])} | {_fmt(m[k])} | {'yes' if m[k] > nv[k] else '**no**'} |")
        for attr, title in (("by_type", "By question type"), ("by_persona", "By persona")):
            parts.append(f"\n## {title} ({d})\n")
            parts.append(table_md(cfgs[d][attr], ("n", "recall@5", "fact_accuracy", "citation_recall",
                                                   "correct_abstention")))
    if report.get("validation_warnings"):
        parts.append("\n## Question set: possibly incomplete gold\n")
        parts += [f"- {w}" for w in report["validation_warnings"]]
    for img in images:
        parts.append(f"\n![{img}]({img})")
    if d in cfgs:
        fails = cfgs[d]["failures"]
        parts.append(f"\n## Failures ({d}): {len(fails)}\n")
        parts.append("| id | split | type | question | gold | cited | reasons | answer |\n|---|---|---|---|---|---|---|---|")
        for f in fails:
            ans = f["answer"].replace("\n", " ").replace("|", "\\|")
            parts.append(f"| {f['id']} | {f['split']} | {f['type']} | {f['question']} | {'、'.join(f['gold'])} | "
                         f"{'、'.join(f['cited'])} | {'; '.join(f['reasons'])} | {ans[:160]} |")
    return "\n".join(parts) + "\n"


def plots(report: dict[str, Any], out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cfgs = report["configs"]
    paths = []
    fig, ax = plt.subplots(figsize=(6, 4))
    ks = (1, 3, 5, 10)
    for name, c in cfgs.items():
        ax.plot(ks, [c["all"][f"recall@{k}"] for k in ks], marker="o", label=name)
    ax.set_xlabel("k (rows)")
    ax.set_ylabel("Recall@k")
    ax.set_xticks(ks)
    ax.set_ylim(0.5, 1.01)
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title("Retrieval recall@k by configuration")
    paths.append(_save(plt, fig, out / "recall_at_k.png"))

    types = sorted({t for c in cfgs.values() for t in c["by_type"]})
    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.8 / max(1, len(cfgs))
    for i, (name, c) in enumerate(cfgs.items()):
        vals = [(c["by_type"].get(t, {}).get("fact_accuracy") if t != "unanswerable"
                 else c["by_type"].get(t, {}).get("correct_abstention")) or 0.0 for t in types]
        ax.bar([j + i * width for j in range(len(types))], vals, width, label=name)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(types))])
    ax.set_xticklabels(types, rotation=20)
    ax.set_ylabel("fact accuracy (unanswerable: correct abstention)")
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=7, ncol=3)
    ax.set_title("Answer accuracy by question type")
    paths.append(_save(plt, fig, out / "accuracy_by_type.png"))
    return paths


def _save(plt, fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
