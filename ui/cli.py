"""The ``policyqa`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from ingest import IngestError, load_document
from ingest.departments import directory
from ingest.filters import filter_rows

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
    for register in _EXTRA:
        register(sub, add)
    return p


# Later packages register their subcommands here: fn(subparsers, add) -> None.
_EXTRA: list[Callable[..., None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.fn(args) or 0)
    except IngestError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
