"""``evalengine import`` and ``evalengine export-form`` on the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from formkit import text_form

from evalengine.cli import main
from evalengine.importer.names import Namer, safe_stem

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "fixtures" / "import" / "inputs"


def test_import_seed_and_real_forms_then_score(tmp_path, capsys):
    out = tmp_path / "cases"
    files = [str(INPUTS / "seed.txt")] + sorted(str(p) for p in INPUTS.glob("[0-9]*.txt"))
    code = main(["import", *files, "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 1  # notes and incomplete forms, no error
    written = sorted(p.name for p in out.glob("*.toml"))
    assert "招商引资经费.toml" in written and "工资性支出.toml" in written
    # 18: 19.txt (glued, no cell boundaries) and 05.txt (the glued tail of a form) now give
    # their forms too
    assert len(written) == 18
    assert "不完整" in printed and "共写入 18 个案例文件" in printed
    text = (out / "委托业务项目.toml").read_text(encoding="utf-8")
    assert text.startswith("# 由 evalengine import 自")
    assert "# 文本在此单元格中断，已舍弃：公众满" in text
    assert main(["score", str(out)]) in (0, 1)


def test_existing_files_are_not_overwritten_without_force(tmp_path, capsys):
    source = tmp_path / "form.txt"
    source.write_text(text_form("办公设备购置"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["import", str(source), "--out", str(out)]) == 0
    target = out / "办公设备购置.toml"
    target.write_text("# edited by hand\n", encoding="utf-8")
    assert main(["import", str(source), "--out", str(out), "--lang", "en"]) == 2
    assert "exists, not overwritten" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8") == "# edited by hand\n"
    assert main(["import", str(source), "--out", str(out), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# 由 evalengine import")
    assert [p.name for p in out.iterdir()] == ["办公设备购置.toml"]  # no temporary files left


@pytest.mark.parametrize("name, expected", [
    ("../../etc/x", "etc-x.toml"),
    ("..", "form.toml"),
    ("/etc/passwd", "etc-passwd.toml"),
    ("a\\..\\b", "a-b.toml"),
    ("CON", "_CON.toml"),
    (".hidden", "hidden.toml"),
])
def test_names_are_safe(tmp_path, name, expected):
    source = tmp_path / "form.txt"
    source.write_text(text_form(name), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["import", str(source), "--out", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == [expected]
    assert sorted(os.listdir(tmp_path)) == ["form.txt", "out"]


def test_clashing_names_in_one_run_get_numbers(tmp_path):
    sources = []
    for n in range(3):
        source = tmp_path / f"form{n}.txt"
        source.write_text(text_form("同名项目"), encoding="utf-8")
        sources.append(str(source))
    out = tmp_path / "out"
    assert main(["import", *sources, "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["同名项目-2.toml", "同名项目-3.toml",
                                                     "同名项目.toml"]


def test_safe_stem_limits():
    assert len(safe_stem("项" * 500).encode()) <= 120
    assert safe_stem("\x00\x1f/") == "form"
    namer = Namer()
    assert [namer.name("a"), namer.name("A"), namer.name("a")] == ["a.toml", "A-2.toml",
                                                                   "a-3.toml"]


def test_missing_file_and_bad_profile_are_errors(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["import", str(tmp_path / "nope.txt"), "--out", str(out)]) == 2
    assert main(["import", str(INPUTS / "03.txt"), "--out", str(out), "--profile", "nope"]) == 2
    assert "未知的评分规则" in capsys.readouterr().out


def test_nothing_importable_is_an_error(tmp_path):
    # (05.txt served here until the glued tail of a form was read; any text with no form)
    source = tmp_path / "notes.txt"
    source.write_text("会议纪要\n今天讨论了明年的工作安排。\n", encoding="utf-8")
    assert main(["import", str(source), "--out", str(tmp_path / "o")]) == 2


def test_profile_override(tmp_path):
    out = tmp_path / "out"
    assert main(["import", str(INPUTS / "03.txt"), "--out", str(out),
                 "--profile", "central-2020"]) == 0
    assert 'profile = "sichuan"' not in (out / "工资性支出.toml").read_text(encoding="utf-8")


def test_export_form_then_import(tmp_path, capsys):
    case = ROOT / "cases" / "2021" / "01-zhaoshang-yinzi.toml"
    xlsx = tmp_path / "form.xlsx"
    assert main(["export-form", str(case), "-o", str(xlsx)]) == 0
    assert main(["export-form", str(case), "-o", str(xlsx)]) == 2  # exists
    assert main(["export-form", str(case), "-o", str(xlsx), "--force",
                 "--template", "sichuan"]) == 0
    out = tmp_path / "out"
    assert main(["import", str(xlsx), "--out", str(out)]) == 0
    text = (out / "招商引资经费.toml").read_text(encoding="utf-8")
    assert 'profile = "sichuan"' in text and 'target = "50万元"' in text
    bad = tmp_path / "bad.toml"
    bad.write_text("[project]\n", encoding="utf-8")
    assert main(["export-form", str(bad), "-o", str(tmp_path / "b.xlsx")]) == 2


def test_out_inside_the_scanned_folder_writes_the_cases_and_says_how_to_score_them(tmp_path, capsys):
    """`import IN --out IN/cases` is what a user in a folder of forms types: the cases are
    written (they are not forms, so import never reads them back, and the forms are not
    overwritten), with a warning that `score IN` would score each form twice."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    form = inputs / "a.txt"
    form.write_text(text_form("购置设备"), encoding="utf-8")
    before = form.read_bytes()
    assert main(["import", str(inputs), "--out", str(inputs / "cases")]) in (0, 1)
    printed = capsys.readouterr().out
    assert (inputs / "cases" / "购置设备.toml").exists()
    assert "案例写在了读取的文件夹" in printed and "读了 1 个文件" in printed
    assert form.read_bytes() == before
    assert main(["import", str(inputs), "--out", str(inputs / "cases")]) in (0, 1, 2)
    again = capsys.readouterr().out
    assert "文件已存在" in again and "读了 1 个文件" in again  # the case is not read as a form
    assert main(["import", str(inputs), "--out", str(tmp_path / "cases")]) in (0, 1)
    assert (tmp_path / "cases" / "购置设备.toml").exists()
    assert "案例写在了读取的文件夹" not in capsys.readouterr().out


def test_without_out_the_cases_go_to_standard_output_and_score_reads_them_back(tmp_path, capsys,
                                                                                monkeypatch):
    """`evalengine import FORM` with no --out prints the case (the report goes to standard
    error, nothing is written); several cases come separated so `score -` scores each."""
    import io
    import sys
    import tomllib

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("购置设备", "维修道路"):
        (inputs / f"{name}.txt").write_text(text_form(name), encoding="utf-8")

    class Out(io.StringIO):
        buffer = io.BytesIO()

    out = Out()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["import", str(inputs / "购置设备.txt")]) == 0
    one = Out.buffer.getvalue()
    assert tomllib.loads(one.decode("utf-8"))["project"]["name"] == "购置设备"
    assert "共输出 1 个案例" in capsys.readouterr().err
    assert sorted(p.name for p in inputs.iterdir()) == ["维修道路.txt", "购置设备.txt"]

    Out.buffer = io.BytesIO()
    assert main(["import", str(inputs), "--lang", "en"]) == 0
    both = Out.buffer.getvalue()
    assert "2 case(s) printed" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": io.BytesIO(both)})())
    monkeypatch.setattr(sys, "stdout", sys.__stdout__)
    assert main(["score", "-", "--format", "json", "-o", str(tmp_path / "r.json")]) in (0, 1)
    import json

    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    names = sorted(p["name"] for p in report["projects"])
    assert names == ["维修道路", "购置设备"]


def test_without_out_nothing_read_is_an_error(tmp_path, capsys):
    source = tmp_path / "note.txt"
    source.write_text("这不是自评表。\n", encoding="utf-8")
    assert main(["import", str(source)]) == 2
    assert "没有读到任何自评表" in capsys.readouterr().err
