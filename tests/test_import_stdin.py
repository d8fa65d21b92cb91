"""``evalengine import - --out DIR``: a form piped in on standard input (``pdftotext x.pdf - |
evalengine import - --out cases``) is imported as a file of that content would be."""

from __future__ import annotations

import io
import sys

from formkit import text_form

from evalengine.cli import main
from evalengine.importer.command import import_files
from evalengine.importer.limits import default_limits


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _pipe(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(text.encode("utf-8")))


def test_a_form_on_stdin_gives_its_case_named_from_the_project(tmp_path, monkeypatch, capsys):
    _pipe(monkeypatch, text_form("办公设备购置"))
    out = tmp_path / "cases"
    code = main(["import", "-", "--out", str(out), "--no-progress"])
    printed = capsys.readouterr().out
    assert code in (0, 1)
    assert [p.name for p in out.glob("*.toml")] == ["办公设备购置.toml"]
    text = (out / "办公设备购置.toml").read_text(encoding="utf-8")
    assert text.startswith("# 由 evalengine import 自 <stdin> 生成")
    assert "<stdin>" in printed and "找到 1 张自评表" in printed and "读取情况" in printed
    assert main(["score", str(out)]) in (0, 1)


def test_name_names_the_case_and_nothing_is_overwritten(tmp_path, monkeypatch, capsys):
    out = tmp_path / "cases"
    _pipe(monkeypatch, text_form("办公设备购置"))
    assert main(["import", "-", "--out", str(out), "--name", "设备", "--no-progress"]) in (0, 1)
    first = (out / "设备.toml").read_bytes()
    _pipe(monkeypatch, text_form("另一个项目"))
    assert main(["import", "-", "--out", str(out), "--name", "设备", "--no-progress"]) == 2
    assert "文件已存在，未覆盖" in capsys.readouterr().out
    assert (out / "设备.toml").read_bytes() == first
    assert sorted(p.name for p in out.iterdir()) == ["设备.toml"]


def test_a_form_without_a_name_on_stdin_takes_the_default_stem(tmp_path):
    form = text_form("x").replace("项目名称 | x |\n", "")
    assert "项目名称" not in form
    run = import_files(["-"], tmp_path / "o", force=False, profile=None,
                       stdin=io.BytesIO(form.encode("utf-8")))
    names = [w.form.case.name for _, ws in run.files for w in ws]
    assert names and all("stdin" in n for n in names), names


def test_stdin_is_read_once_beside_files_and_name_needs_stdin(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(text_form("甲项目"), encoding="utf-8")
    run = import_files([str(source), "-", "-"], tmp_path / "o", force=False, profile=None,
                       stdin=io.BytesIO(text_form("乙项目").encode("utf-8")))
    assert [f.path for f, _ in run.files] == [str(source), "<stdin>"]
    assert sorted(p.name for p in (tmp_path / "o").glob("*.toml")) == ["乙项目.toml", "甲项目.toml"]
    refused = import_files([str(source)], tmp_path / "p", force=False, profile=None, name="x")
    assert refused.exit_code() == 2 and refused.errors and not (tmp_path / "p").exists()


def test_empty_or_oversized_stdin_is_reported_not_written(tmp_path):
    empty = import_files(["-"], tmp_path / "o", force=False, profile=None, stdin=io.BytesIO(b""))
    assert empty.exit_code() == 2 and not (tmp_path / "o").exists()
    limit = default_limits().max_file_bytes
    big = import_files(["-"], tmp_path / "o", force=False, profile=None,
                       stdin=io.BytesIO(b"x" * (limit + 1)))
    assert big.exit_code() == 2 and big.files[0][0].problem is not None
    assert big.files[0][0].problem.kind == "too-large"


def test_a_form_on_stdin_without_out_prints_its_case(monkeypatch, capsysbinary):
    _pipe(monkeypatch, text_form("办公设备购置"))
    code = main(["import", "-", "--no-progress"])
    out = capsysbinary.readouterr()
    assert code in (0, 1)
    assert 'name = "办公设备购置"'.encode("utf-8") in out.out
    assert "<stdin>".encode() in out.err  # the report beside it, on standard error
