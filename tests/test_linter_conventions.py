"""Linter conventions (issue 12 §6, §5): --exit-zero, configuration found by itself, baselines,
stdin, "did you mean", the terminal at 80 and 200 columns, and control characters made inert
(issue 13 §6) and CSV cells Excel would run (issue 13 §4)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from evalengine.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases" / "2021"
GOLDEN = Path(__file__).parent / "golden"
CLEAN = (Path(__file__).parent / "fixtures" / "rules" / "base-case.toml").read_text(encoding="utf-8")
UPDATE = bool(os.environ.get("EVALENGINE_UPDATE_GOLDEN"))


def _counts() -> tuple[int, dict[str, int]]:
    """(findings, by severity) of cases/2021, as the JSON report has them."""
    import evalengine

    findings = dict(evalengine.score(CASES).summary.findings)
    return sum(findings.values()), findings


def _folder(tmp_path: Path, name: str = "cases") -> Path:
    folder = tmp_path / name
    shutil.copytree(CASES, folder)
    return folder


# --- exit codes -----------------------------------------------------------------------

def test_exit_zero_keeps_findings_from_failing_but_not_broken_files(tmp_path, capsys):
    folder = _folder(tmp_path)
    assert main(["score", str(folder), "-q"]) == 1
    assert main(["score", str(folder), "-q", "--exit-zero"]) == 0
    (folder / "broken.toml").write_text("[project\n", encoding="utf-8")
    assert main(["score", str(folder), "-q", "--exit-zero"]) == 2


# --- configuration found by itself ----------------------------------------------------

def test_evalengine_toml_in_a_parent_folder_applies(tmp_path, capsys):
    folder = _folder(tmp_path / "year", "2021")
    (tmp_path / "evalengine.toml").write_text('ignore = ["F", "S", "I", "N", "D", "M"]\n',
                                              encoding="utf-8")
    assert main(["score", str(folder), "-q"]) == 0
    assert "0 个问题" in capsys.readouterr().out
    assert main(["score", str(folder), "-q", "--isolated"]) == 1  # --isolated: not read
    own = tmp_path / "own.toml"
    own.write_text('ignore = ["F"]\n', encoding="utf-8")
    assert main(["score", str(folder), "-q", "--config", str(own)]) == 1  # --config wins


def test_pyproject_tool_table_applies_and_its_errors_name_the_table(tmp_path, capsys):
    folder = _folder(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n\n[tool.evalengine]\nignore = ["F","S","I","N","D","M"]\n',
                         encoding="utf-8")
    assert main(["score", str(folder), "-q"]) == 0
    pyproject.write_text('[tool.evalengine]\nfail_onn = "error"\n', encoding="utf-8")
    assert main(["score", str(folder), "-q"]) == 2
    assert f"{pyproject}: $.tool.evalengine.fail_onn" in capsys.readouterr().err


def test_a_pyproject_without_our_table_is_passed_over(tmp_path):
    folder = _folder(tmp_path / "inner")
    (tmp_path / "inner" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "evalengine.toml").write_text('ignore = ["F","S","I","N","D","M"]\n', encoding="utf-8")
    assert main(["score", str(folder), "-q"]) == 0


# --- baseline -------------------------------------------------------------------------

def test_baseline_round_trip(tmp_path, capsys):
    folder = _folder(tmp_path)
    baseline = tmp_path / "baseline.json"
    assert main(["score", str(folder), "-q", "--write-baseline", str(baseline)]) == 1
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert recorded["schema"] == "evalengine.baseline/1"
    assert len(recorded["findings"]) == _counts()[0] > 0
    capsys.readouterr()

    # unchanged, and even with files renamed and the folder moved: nothing new
    moved = tmp_path / "moved"
    folder.rename(moved)
    (moved / "01-zhaoshang-yinzi.toml").rename(moved / "zz-last.toml")
    assert main(["score", str(moved), "--baseline", str(baseline), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["findings"] == {"error": 0, "warning": 0, "info": 0}

    # one figure changed: one new finding, and only that one is reported
    case = moved / "02-anquan-weiwen.toml"
    case.write_text(case.read_text(encoding="utf-8").replace(
        'target = "2021年度"\nactual = "2021年度"', 'target = "2021年度"\nactual = "完成"'),
        encoding="utf-8")
    assert main(["score", str(moved), "--baseline", str(baseline), "--format", "json",
                 "--fail-on", "warning"]) == 1
    report = json.loads(capsys.readouterr().out)
    new = [f for p in report["projects"] + report["departments"] for f in p["findings"]]
    assert len(new) == 1, new
    assert new[0]["file"].endswith("02-anquan-weiwen.toml") and new[0]["code"] == "I312"
    assert report["summary"]["findings"]["warning"] == 1


def test_a_row_added_above_keeps_the_old_findings_of_the_rows_below(tmp_path, capsys):
    """Next year's form with one more indicator at the top: the findings about the rows that
    moved down are not new (the fingerprint names a row, not its position)."""
    folder = tmp_path / "cases"
    folder.mkdir()
    case = folder / "a.toml"
    case.write_bytes((CASES / "01-zhaoshang-yinzi.toml").read_bytes())
    baseline = tmp_path / "baseline.json"
    main(["score", str(folder), "-q", "--write-baseline", str(baseline)])
    capsys.readouterr()
    text = case.read_text(encoding="utf-8")
    added = ('[[indicators]]\nlevel1 = "完成指标"\nlevel2 = "时效指标"\nname = "按时完成"\n'
             'target = "2021年12月"\nactual = "2021年12月"\n\n')
    case.write_text(text.replace("[[indicators]]", added + "[[indicators]]", 1), encoding="utf-8")
    main(["score", str(folder), "--baseline", str(baseline), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    new = [f for p in report["projects"] for f in p["findings"]]
    moved = [f for f in new if f["path"].startswith("$.indicators[") and f["path"] != "$.indicators[0]"
             and not f["path"].startswith("$.indicators[0].")]
    assert moved == [], moved


def test_a_baseline_that_is_not_one_is_an_error_naming_it(tmp_path, capsys):
    bad = tmp_path / "b.json"
    bad.write_text('{"schema": "other"}', encoding="utf-8")
    assert main(["score", str(CASES), "-q", "--baseline", str(bad)]) == 2
    assert f"{bad}: $.schema" in capsys.readouterr().err


# --- stdin ----------------------------------------------------------------------------

def test_score_reads_a_toml_case_and_jsonl_from_stdin(monkeypatch, capsys):
    data = (CASES / "06-yidong-yunshixun.toml").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["score", "-", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [p["file"] for p in report["projects"]] == ["<stdin>"]
    assert report["projects"][0]["name"] == "移动云视讯会议系统运行服务费"

    lines = b'{"project": {"name": "x", "source": "s"}}\n[not json\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    assert main(["score", "-", "-q"]) == 2
    assert "<stdin>:2: $:" in capsys.readouterr().err


# --- typos ----------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "suggestion"), [
    (["score", "x", "--exit-zeor"], "--exit-zero"),
    (["score", "x", "--summray"], "--summary"),
    (["score", "x", "--format", "xslx"], "xlsx"),
    (["scroe", "x"], "score"),
])
def test_a_typo_suggests_the_right_word(argv, suggestion, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert f"did you mean {suggestion}?" in capsys.readouterr().err


# --- the terminal ---------------------------------------------------------------------

@pytest.mark.parametrize("columns", [80, 200])
def test_summary_golden(columns, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.chdir(ROOT)
    assert main(["score", "cases/2021", "--summary"]) == 1
    out = capsys.readouterr().out
    golden = GOLDEN / f"summary-{columns}.txt"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert max(len(line) for line in out.splitlines()) <= columns  # (all ASCII-width or CJK ≤)
    for name in ("招商引资经费", "安全维稳专项经费"):  # short names whole, never shrunk away
        assert name in out
    assert "F104" not in out.split("汇总")[0]  # no findings listing


def test_at_80_columns_no_figure_is_cut(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")
    main(["score", str(CASES)])
    out = capsys.readouterr().out
    for figure in ("48.84", "100.00%", "46.60%", "99.88", "63.22", "结果未证实"):
        assert figure in out
    assert "…" not in out.split(str(CASES))[0]  # nothing ellipsised in the projects table
    assert "  警告  F104  $.funds.executed" in out  # findings as a compact list


def test_quiet_prints_counts_only(capsys):
    assert main(["score", str(CASES), "-q"]) == 1
    out = capsys.readouterr().out
    total, by = _counts()
    assert out == (f"8 个项目，1 个部门整体数据文件：{total} 个问题（错误 {by['error']}、"
                   f"警告 {by['warning']}、提示 {by['info']}）\n")


def test_statistics_names_the_rules_instead_of_the_listing(capsys):
    main(["score", str(CASES), "--statistics"])
    out = capsys.readouterr().out
    assert "二级指标下无三级指标" in out.split("汇总")[-1]
    assert "$.funds.executed" not in out


def test_a_note_says_where_the_report_went(tmp_path, capsys):
    target = tmp_path / "r.json"
    main(["score", str(CASES), "--format", "json", "-o", str(target)])
    err = capsys.readouterr().err
    assert err == f"evalengine: 已写入 {target}（8 个项目，{_counts()[0]} 个问题）\n"


# --- issue 13 §6: control characters never reach the terminal --------------------------

def test_escape_sequences_in_case_text_key_names_and_file_names_are_shown_inert(tmp_path, capsys):
    hostile = "\x1b[2J\x1b]0;pwned\x07\r0 errors\u202egnp.exe\x9b31m"
    case = CLEAN.replace('name = "示例项目"', f'name = "{json.dumps(hostile)[1:-1]}"').replace(
        'actual = "98%"', 'actual = "完成"')
    (tmp_path / "a\x1b[31m.toml").write_text(case, encoding="utf-8")
    (tmp_path / "b.toml").write_text(CLEAN + '\n"\\u001b[2Jkey" = 1\n', encoding="utf-8")
    main(["score", str(tmp_path)])
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\r" not in stream
        assert "\u202e" not in stream and "\x9b" not in stream
    assert "\\x1b[2J\\x1b]0;pwned\\x07\\x0d0 errors\\u202egnp.exe\\x9b31m" in captured.out
    assert "a\\x1b[31m.toml" in captured.out
    assert "\\x1b[2Jkey" in captured.err
    # the text formats are printed to the terminal too when there is no -o
    for fmt in ("markdown", "html", "csv"):
        main(["score", str(tmp_path), "--format", fmt])
        out = capsys.readouterr().out
        assert "pwned" in out and "\x1b" not in out and "\x07" not in out, fmt
        assert "\u202e" not in out and "\x9b" not in out, fmt


# --- issue 13 §4: CSV formula injection -------------------------------------------------

def test_csv_text_cells_that_excel_would_run_are_neutralised(tmp_path, capsys):
    case = (CLEAN.replace('name = "示例项目"', 'name = "=HYPERLINK(\\"http://x\\",\\"y\\")"')
            .replace('department = "示例部门"', 'department = "+SUM(A1)"')
            .replace('implementer = "示例单位"', 'implementer = "@cmd"')
            .replace('executed = 100\nsource = "synthetic"', 'executed = 105\nsource = "synthetic"')
            .replace("[narrative]\n", "[narrative]\nclaimed_total = 50\n"))
    (tmp_path / "-bad.toml").write_text(case, encoding="utf-8")
    for table in ("projects", "findings"):
        main(["score", str(tmp_path), "--format", "csv", "--csv", table])
        rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert cells and not any(c.startswith(("=", "+", "@", "\t", "\r")) for c in cells)
        assert not any(c.startswith("-") and not _number(c) for c in cells), cells
        assert "'=HYPERLINK(\"http://x\",\"y\")" in cells
    main(["score", str(tmp_path), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    gap = rows[0].index("差额")
    assert rows[1][gap].startswith("-") and _number(rows[1][gap])  # numbers stay numbers


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_control_characters_in_a_custom_rule_never_reach_the_terminal_from_any_table(tmp_path, capsys):
    """The rules listing draws custom rules' titles inside a table: cleaned there too."""
    config = tmp_path / "c.toml"
    config.write_text('''
[[custom]]
code = "X901"
name = "hostile"
enabled = true
severity = "warning"
scope = "case"
title = "标题\\u001b[2J\\u001b]0;pwned\\u0007"
title_en = "title\\u001b[2J"
when = 'project_name != ""'
message = "项目 {project_name}\\u001b[31m"
message_en = "project {project_name}"
source = "tests"
''', encoding="utf-8")
    assert main(["rules", "--config", str(config)]) == 0
    main(["score", str(CASES / "01-zhaoshang-yinzi.toml"), "--config", str(config), "--select", "X901"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_a_baseline_target_that_cannot_be_written_is_refused_before_scoring(tmp_path, capsys):
    for target in (tmp_path, tmp_path / "missing" / "b.json"):
        with pytest.raises(SystemExit) as exit_:
            main(["score", str(CASES), "-q", "--write-baseline", str(target)])
        assert exit_.value.code == 2
        captured = capsys.readouterr()
        assert "--write-baseline" in captured.err and captured.out == ""


def test_control_characters_in_configuration_keys_and_arguments_are_escaped(tmp_path, capsys):
    config = tmp_path / "c.toml"
    config.write_text('"\\u001b[2Jbad" = 1\n', encoding="utf-8")
    assert main(["score", str(CASES), "--config", str(config)]) == 2
    assert main(["explain", "F1\x1b[31m"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "$.\\x1b[2Jbad" in err and "F1\\x1b[31m" in err
