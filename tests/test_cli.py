"""The ``policyqa`` command as a user at a terminal meets it (issue 14, item 8)."""

from __future__ import annotations

import json

import pytest

from ui.cli import main as cli


def test_unknown_eval_config_is_refused_before_any_index_is_built(tmp_path, capsys):
    home = tmp_path / "empty-home"
    assert cli(["eval", "--configs", "foo", "--home", str(home)]) == 2
    err = capsys.readouterr().err
    assert "未知配置：foo" in err and "hybrid" in err
    assert not (home / "index").exists()  # nothing built (that takes minutes)


def test_eval_help_lists_the_configuration_names(capsys):
    with pytest.raises(SystemExit) as e:
        cli(["eval", "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for name in ("naive", "bm25", "dense", "hybrid", "hybrid-rrf"):
        assert name in out


def test_search_k_must_be_positive(capsys):
    with pytest.raises(SystemExit) as e:
        cli(["search", "高企", "--k", "0"])
    assert e.value.code == 2
    assert "必须是正整数" in capsys.readouterr().err


def test_rows_number_out_of_range_says_the_valid_range(capsys):
    assert cli(["rows", "--attachment", "附件1", "--number", "106"]) == 1
    assert "没有第106项（附件1 有 1–105 项）" in capsys.readouterr().err
    assert cli(["rows", "--number", "114"]) == 1
    assert "附件1 有 1–105 项，附件2 有 1–113 项" in capsys.readouterr().err
    assert cli(["rows", "--attachment", "附件1", "--number", "105"]) == 0  # the last one exists


def test_ask_batch_reports_bad_lines_by_number_and_goes_on(home, retriever, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("POLICYQA_HOME", str(home))
    f = tmp_path / "batch.jsonl"
    f.write_text('{"question": "高企认定奖励多少"}\n'
                 '{"question": 5}\n'            # a number: refused as the API refuses it
                 '{"q": "规上企业有啥奖励"}\n'    # no question field
                 '{"question": "broken\n'       # not JSON
                 '\n'
                 '规上企业有啥奖励\n', "utf-8")
    assert cli(["ask", "--input", str(f), "--json", "--no-rebuild"]) == 0
    captured = capsys.readouterr()
    lines = [json.loads(x) for x in captured.out.splitlines()]
    assert len(lines) == 5  # one per non-empty line, in order
    assert lines[0]["citations"][0]["label"] == "附件1 第84项"
    assert lines[1] == {"line": 2, "question": 5, "error": "问题必须是文字。"}
    assert lines[2]["line"] == 3 and "question 字段" in lines[2]["error"]
    assert lines[3]["line"] == 4 and "不是合法的 JSON" in lines[3]["error"]
    assert lines[4]["citations"][0]["label"] == "附件2 第55项"
    for n in (2, 3, 4):
        assert f"第 {n} 行" in captured.err


def test_ask_on_a_terminal_prints_no_markdown(home, retriever, capsys, monkeypatch):
    monkeypatch.setenv("POLICYQA_HOME", str(home))
    assert cli(["ask", "高企认定奖励多少", "--no-rebuild"]) == 0
    out = capsys.readouterr().out
    assert "〔附件1 第84项〕" in out and "相关条目" in out
    assert "**" not in out
