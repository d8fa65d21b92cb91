"""The documented Python API (docs/api.md): the page's example runs and prints what it says."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import evalengine

ROOT = Path(__file__).resolve().parent.parent


def test_the_example_in_docs_api_md_runs(monkeypatch):
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```python\n(.*?)```", page, re.S)
    assert len(example.strip().splitlines()) <= 12  # a ten-line example (plus the import)
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example, "docs/api.md", "exec"), {})
    lines = out.getvalue().splitlines()
    assert re.fullmatch(r"8 projects, \d+ findings", lines[0])
    assert "招商引资经费 99.88 63.22 中" in lines
    assert "国产化办公设备替代经费 None None not_demonstrated" in lines
    assert lines[-1].startswith("10.30 4.80 ")


def test_all_names_resolve_and_are_typed():
    for name in evalengine.__all__:
        assert getattr(evalengine, name) is not None
    from evalengine.report import Report

    assert evalengine.Report is Report
    with pytest.raises(AttributeError):
        evalengine.nothing_here  # noqa: B018


def test_load_case_raises_with_every_key_path(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[project]\nname = 1\nsource = "s"\n[funds]\nbudget = "x"\n', encoding="utf-8")
    with pytest.raises(evalengine.LoadError) as caught:
        evalengine.load_case(bad)
    paths = {p.path for p in caught.value.failure.problems}
    assert {"$.project.name", "$.funds.budget"} <= paths


def test_score_keeps_bad_files_as_failures_and_honours_config(tmp_path):
    (tmp_path / "a.toml").write_bytes((ROOT / "cases/2021/01-zhaoshang-yinzi.toml").read_bytes())
    (tmp_path / "b.toml").write_text("[project\n", encoding="utf-8")
    report = evalengine.score(tmp_path)
    assert len(report.cases) == 1 and len(report.failures) == 1
    config = tmp_path / "c.toml.cfg"
    config.write_text('ignore = ["F", "S", "I", "N"]\n', encoding="utf-8")
    assert evalengine.score(tmp_path / "a.toml", config=config).findings == ()
    with pytest.raises(evalengine.ConfigError):
        evalengine.score(tmp_path, profile="no-such-profile")


def test_import_forms_reads_without_writing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    form = ROOT / "tests" / "fixtures" / "import" / "inputs" / "01.txt"
    [imported] = evalengine.import_forms(form)
    assert imported.error in ("", None) and imported.forms
    assert all(isinstance(f.case, evalengine.Case) for f in imported.forms)
    assert list(tmp_path.iterdir()) == []


def test_render_report_names_and_groups_the_findings_without_run_info():
    """render_report(report, "docx", out) as docs/api.md shows it: the built-in rules give the
    Word report its problem titles and families (an empty RunInfo left "1. 。涉及 4 个项目。"
    and every finding under 其他方面)."""
    docx = pytest.importorskip("docx")
    report = evalengine.score(ROOT / "cases" / "2021")
    out = io.BytesIO()
    evalengine.render_report(report, "docx", out)
    out.seek(0)
    paragraphs = docx.Document(out).paragraphs
    kinds = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    assert kinds[:2] == ["（一）预算执行方面", "（二）自评打分方面"]
    assert "1. 结余资金未说明。涉及 2 个项目。" in [p.text for p in paragraphs]
