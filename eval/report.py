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


# Chinese names for the report's metrics and columns (the 评测 tab shows report.md);
# the key itself follows in small print. Keys not listed are shown as they are.
NAMES = {"config": "配置", "n": "题数", "ndcg@10": "nDCG@10", "mrr@10": "MRR@10",
         "mrr@10_acceptable": "MRR@10（also 行算相关）",
         **{f"recall@{k}": f"召回率@{k}" for k in (1, 3, 5, 10)},
         "fact_accuracy": "事实准确率", "citation_precision": "引用精确率", "citation_recall": "引用召回率",
         "citation_precision_strict": "引用精确率（只认 gold）",
         "abstention_precision": "拒答精确率", "abstention_recall": "拒答召回率",
         "correct_abstention": "正确拒答率", "false_refusals": "误拒答数", "false_refusal_rate": "误拒答率",
         "unfaithful_answers": "不忠实回答", "median_body_chars": "正文字数中位数",
         "latency_p50_ms": "延迟 p50 毫秒", "latency_p95_ms": "延迟 p95 毫秒"}


def metric_name(key: str) -> str:
    """A metric's Chinese name with its key in small print (Markdown/HTML)."""
    zh = NAMES.get(key)
    return f"{zh}<br><small>{key}</small>" if zh and zh != key else key


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "—" if v is None else str(v)


def table_md(rows: dict[str, dict[str, Any]], cols: tuple[str, ...] = TABLE) -> str:
    out = [f"| {NAMES['config']} | " + " | ".join(metric_name(c) for c in cols) + " |", "|---|" + "---|" * len(cols)]
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
    parts = [(f"# 评测报告\n\n{report['questions']} 个问题，来自 `{report.get('questions_file', '')}`；"
             f"默认配置：**{d}**。\n"),
             "## 全部问题\n", table_md({n: c["all"] for n, c in cfgs.items()})]
    for split in ("dev", "test"):
        rows = {n: c["splits"][split] for n, c in cfgs.items() if split in c.get("splits", {})}
        if rows:
            parts += [f"\n## {'开发集' if split == 'dev' else '测试集（留出：不据此调参）'} <small>{split}</small>\n",
                      table_md(rows)]
    if d in cfgs:
        m = cfgs[d]["all"]
        parts.append(f"\n## 目标（默认配置 {d}）\n\n| 指标 | 目标 | 实测 | 达到 |\n|---|---|---|---|")
        for k, t in TARGETS.items():
            if k in m:
                parts.append(f"| {metric_name(k)} | ≥ {t} | {_fmt(m[k])} | {'是' if m[k] >= t else '**否**'} |")
        for k in ("mrr@10_acceptable", "citation_precision_strict"):
            if k in m:
                parts.append(f"| {metric_name(k)} | — | {_fmt(m[k])} | — |")
        parts.append(f"| {metric_name('unfaithful_answers')} | 0 | {m['unfaithful_answers']} | "
                     f"{'是' if m['unfaithful_answers'] == 0 else '**否**'} |")
        parts.append(f"| {metric_name('latency_p95_ms')} | ≤ 50 | {_fmt(m['latency_p95_ms'])} | "
                     f"{'是' if m['latency_p95_ms'] <= 50 else '**否**'} |")
        for ref in ("naive", "naive-top1"):
            if ref in cfgs and d != ref:
                nv = cfgs[ref]["all"]
                parts.append(f"\n## {d} 与朴素基线 {ref} 比较（回答指标）\n\n"
                             f"| 指标 | {ref} | {d} | 更好 |\n|---|---|---|---|")
                for k in ANSWER_METRICS:
                    if k in nv and k in m:
                        parts.append(f"| {metric_name(k)} | {_fmt(nv[k])} | {_fmt(m[k])} | "
                                     f"{'是' if m[k] > nv[k] else '**否**'} |")
        for attr, title in (("by_type", "按问题类型"), ("by_persona", "按提问人")):
            if attr in cfgs[d]:
                parts.append(f"\n## {title}（{d}） <small>{attr}</small>\n")
                parts.append(table_md(cfgs[d][attr], ("n", "recall@5", "fact_accuracy", "citation_recall",
                                                       "correct_abstention")))
    if report.get("validation_warnings"):
        parts.append("\n## 问题集：gold 可能不全\n")
        parts += [f"- {w}" for w in report["validation_warnings"]]
    for img in images:
        parts.append(f"\n![{img}]({img})")
    if d in cfgs:
        fails = cfgs[d]["failures"]
        parts.append(f"\n## 未答对的问题（{d}）：{len(fails)} 个\n")
        parts.append("| 编号 | 划分 | 类型 | 问题 | 应引条目 | 实际引用 | 原因 | 回答 |\n|---|---|---|---|---|---|---|---|")
        for f in fails:
            ans = f["answer"].replace("\n", " ").replace("|", "\\|")
            parts.append(f"| {f['id']} | {f['split']} | {f['type']} | {f['question']} | {'、'.join(f['gold'])} | "
                         f"{'、'.join(f['cited'])} | {'; '.join(f['reasons'])} | {ans[:160]} |")
    return "\n".join(parts) + "\n"


def plots(report: dict[str, Any], out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    zh = _use_cjk_font(matplotlib)

    def t(chinese: str, english: str) -> str:
        return chinese if zh else english

    cfgs = report["configs"]
    paths = []
    fig, ax = plt.subplots(figsize=(6, 4))
    ks = (1, 3, 5, 10)
    for name, c in cfgs.items():
        ax.plot(ks, [c["all"][f"recall@{k}"] for k in ks], marker="o", label=name)
    ax.set_xlabel(t("k（条目数）", "k (rows)"))
    ax.set_ylabel(t("召回率@k", "Recall@k"))
    ax.set_xticks(ks)
    ax.set_ylim(0.5, 1.01)
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title(t("各配置的检索召回率@k", "Retrieval recall@k by configuration"))
    paths.append(_save(plt, fig, out / "recall_at_k.png"))

    types = sorted({t for c in cfgs.values() for t in c["by_type"]})
    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.8 / max(1, len(cfgs))
    for i, (name, c) in enumerate(cfgs.items()):
        vals = [(c["by_type"].get(t, {}).get("fact_accuracy") if t not in ("unanswerable", "partial")
                 else c["by_type"].get(t, {}).get("correct_abstention")) or 0.0 for t in types]
        ax.bar([j + i * width for j in range(len(types))], vals, width, label=name)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(types))])
    ax.set_xticklabels(types, rotation=20)
    ax.set_ylabel(t("事实准确率（不可答、部分可答：正确标示率）",
                    "fact accuracy (unanswerable, partial: correctly flagged)"))
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=7, ncol=3)
    ax.set_title(t("按问题类型的回答准确率", "Answer accuracy by question type"))
    paths.append(_save(plt, fig, out / "accuracy_by_type.png"))
    return paths


def _use_cjk_font(matplotlib) -> bool:
    """Use a CJK font for the plots when one is installed (fonts-noto-cjk); without one
    Chinese would show as boxes, so the labels stay English."""
    from matplotlib import font_manager

    names = [f.name for f in font_manager.fontManager.ttflist]
    for family in ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Source Han Sans SC"):
        if family in names:
            matplotlib.rcParams["font.sans-serif"] = [family, *matplotlib.rcParams["font.sans-serif"]]
            matplotlib.rcParams["axes.unicode_minus"] = False
            return True
    return False


def _save(plt, fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
