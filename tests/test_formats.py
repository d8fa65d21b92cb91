"""Every output format, produced from cases/2021 and read back: json against its schema,
jsonl line by line, csv with the csv module, xlsx with openpyxl, html with html.parser,
markdown as text; and `-o`: atomic, replacing only the file named.

The runs select two custom rules defined here (plus whatever the shipped rules find, in the
runs that do not select), so the findings in every format are known whatever the state of
the built-in rule set.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from evalengine.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "cases" / "2021"
SCHEMA = ROOT / "docs" / "report-schema.json"

# X901 fires once per project, X902 once per indicator with a numeric target; their messages
# carry characters that every format must escape or quote.
CONFIG = '''
select = ["X901", "X902"]

[[custom]]
code = "X901"
name = "test-every-project"
enabled = true
severity = "warning"
scope = "case"
title = "测试：每个项目"
title_en = "test: every project"
when = 'project_name != ""'
message = '项目 <u>{project_name}</u> | *注意* & "引号", 逗号'
message_en = 'project <u>{project_name}</u> | *note* & "quotes", commas'
source = "tests/test_formats.py"

[[custom]]
code = "X902"
name = "test-numeric-target"
enabled = true
severity = "info"
scope = "indicator"
title = "测试：数值指标"
title_en = "test: numeric target"
when = 'target_kind == "quantity"'
message = "数值指标 {name}"
message_en = "numeric target {name}"
source = "tests/test_formats.py"
'''


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("config") / "test-rules.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def produce(tmp: Path, fmt: str, config: Path, *extra: str, name: str | None = None) -> Path:
    out = tmp / (name or f"report.{fmt}")
    code = main(["score", str(SEED), "--format", fmt, "-o", str(out), "--config", str(config),
                 "--no-progress", *extra])
    assert code == 0  # warnings and infos only: below the default failing severity
    return out


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, config) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("formats")
    return {fmt: produce(tmp, fmt, config)
            for fmt in ("json", "jsonl", "csv", "markdown", "xlsx", "html")}


@pytest.fixture(scope="module")
def report(outputs) -> dict:
    return json.loads(outputs["json"].read_text(encoding="utf-8"))


def all_findings(report: dict) -> list[dict]:
    return ([f for p in report["projects"] for f in p["findings"]]
            + [f for d in report["departments"] for f in d["findings"]])


# --- json --------------------------------------------------------------------------------


def test_json_matches_its_schema(report):
    import jsonschema
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["schema"] == "evalengine.report/1"


def test_schema_rejects_a_wrong_shape(report):
    import jsonschema
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(report))
    broken["projects"][0]["funds"]["budget"] = 50.0  # a float, not a decimal string
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_json_has_the_year_summary(report):
    s = report["summary"]
    assert s["projects"] == len(report["projects"]) == 8
    assert sum(s["by_grade"].values()) == s["rated"]
    assert sum(s["claimed_by_grade"].values()) + s["no_claim"] == s["projects"]
    assert sum(c["count"] for c in s["grade_changes"]) == s["projects"]
    assert [b["from"] for b in s["score_bins"]] == list(range(0, 100, 10))
    assert sum(b["verified"] for b in s["score_bins"]) == s["rated"]
    assert s["rules"]["X901"] == 8 and set(s["rules"]) == {"X901", "X902"}
    assert sum(d["findings"] for d in s["by_department"]) == sum(
        len(p["findings"]) for p in report["projects"])
    assert s["budget"] == "190.92" and s["rate"] == "86.25"


# --- jsonl -------------------------------------------------------------------------------


def test_jsonl_lines_parse_and_count(outputs, report):
    lines = [json.loads(line) for line in outputs["jsonl"].read_text(encoding="utf-8").splitlines()]
    kinds = [line["type"] for line in lines]
    assert kinds[0] == "report" and lines[0]["schema"] == "evalengine.report/1"
    assert kinds[-1] == "summary"
    assert kinds.count("project") == len(report["projects"])
    assert kinds.count("department") == len(report["departments"])
    assert kinds.count("failure") == 0
    projects = [{k: v for k, v in line.items() if k != "type"} for line in lines if line["type"] == "project"]
    assert projects == report["projects"]
    summary = {k: v for k, v in lines[-1].items() if k != "type"}
    assert summary == report["summary"]


# --- csv ---------------------------------------------------------------------------------


def test_csv_has_a_bom_chinese_headers_and_one_row_per_project(outputs, report):
    raw = outputs["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(report["projects"])
    assert list(rows[0])[:3] == ["文件", "项目名称", "主管部门"]
    for row, project in zip(rows, report["projects"]):
        assert row["文件"] == project["file"]
        assert row["项目名称"] == project["name"]
        assert row["预算数(万元)"] == (project["funds"]["budget"] or "")
        assert row["核实分"] == (project["verified_total"] or "")
        assert row["自评分"] == (project["claimed_total"] or "")
        assert int(row["问题数"]) == len(project["findings"])
        assert row["状态"] == {"rated": "已评级", "not_demonstrated": "结果未证实"}[project["status"]]
        assert set(row["触发规则"].split()) == {f["code"] for f in project["findings"]}


def test_csv_in_english(tmp_path, config):
    out = produce(tmp_path, "csv", config, "--lang", "en")
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["File", "Project", "Department"]
    assert {"Rated", "Results not demonstrated"} >= {r[6] for r in rows[1:]}


# --- xlsx --------------------------------------------------------------------------------


def test_xlsx_sheets_headers_and_counts(outputs, report):
    import openpyxl
    book = openpyxl.load_workbook(outputs["xlsx"], read_only=True)
    assert book.sheetnames == ["汇总", "项目", "指标", "问题"]  # the summary first
    projects = list(book["项目"].iter_rows(values_only=True))
    indicators = list(book["指标"].iter_rows(values_only=True))
    findings = list(book["问题"].iter_rows(values_only=True))
    assert projects[0][:3] == ("项目名称", "主管部门", "实施单位")  # names before file paths
    assert projects[0][-1] == "文件"
    assert indicators[0][:4] == ("项目名称", "一级指标", "二级指标", "三级指标")
    assert findings[0][:7] == ("项目名称", "主管部门", "类型", "规则", "规则说明", "级别", "说明")
    assert len(projects) - 1 == len(report["projects"])
    assert len(indicators) - 1 == sum(len(p["indicators"]) for p in report["projects"])
    assert len(findings) - 1 == len(all_findings(report))
    header = projects[0]
    budget, rate = header.index("预算数(万元)"), header.index("执行率(%)")
    for row, project in zip(projects[1:], report["projects"]):
        assert row[0] == project["name"]
        assert f"{row[budget]:.2f}" == project["funds"]["budget"]  # a number, not text
        assert f"{row[rate] * 100:.2f}" == project["funds"]["rate"]  # a fraction shown as %


def test_xlsx_prints_and_filters(outputs):
    """Number formats, wrapping, borders, frozen headers, filters, print titles, A4
    landscape fit to the page width: what makes the workbook print on a handful of pages."""
    import openpyxl
    book = openpyxl.load_workbook(outputs["xlsx"])
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation) == (9, "landscape"), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1
        assert setup.fitToHeight == 0
    for name in ("项目", "指标", "问题"):
        sheet = book[name]
        assert sheet.freeze_panes == "B2" and sheet.print_title_rows == "$1:$1"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        for cell in sheet[2]:
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
    projects = book["项目"]
    header = [c.value for c in projects[1]]
    row = {h: c for h, c in zip(header, projects[2])}
    assert row["预算数(万元)"].number_format == "0.00" and row["核实分"].number_format == "0.00"
    assert row["执行率(%)"].number_format == "0.00%"
    assert row["项目名称"].alignment.wrap_text and projects.column_dimensions["A"].width >= 24
    findings = book["问题"]
    header = [c.value for c in findings[1]]
    rows = [[c.value for c in r] for r in findings.iter_rows(min_row=2)]
    assert {r[header.index("级别")] for r in rows} <= {"错误", "警告", "提示"}
    assert {r[header.index("主管部门")] for r in rows} == {"仁和区人民政府办公室"}
    titles = {r[header.index("规则")]: r[header.index("规则说明")] for r in rows}
    assert set(titles) == {"X901", "X902"} and all(titles.values())
    assert findings.cell(2, header.index("说明") + 1).alignment.wrap_text


def test_xlsx_needs_a_named_file(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["score", str(SEED), "--format", "xlsx"])
    assert exc.value.code == 2
    assert "请用 -o 文件名 指定输出文件" in capsys.readouterr().err  # zh by default


# --- html --------------------------------------------------------------------------------


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_html_is_self_contained_and_has_every_project_and_finding(outputs, report):
    page = parse(outputs["html"])
    text = "".join(page.text)
    for project in report["projects"]:
        assert project["name"] in text
    for code in {f["code"] for f in all_findings(report)}:
        assert code in text
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert "iframe" not in page.tags
    for tag, name, value in page.attrs:
        assert not name.startswith("on")  # no event handlers
        if name in ("href", "src", "action", "srcset"):
            assert value is not None and value.startswith("#"), (tag, name, value)
    css = "".join(page.text[page.tags.index("style"):page.tags.index("style") + 1])
    assert "url(" not in css and "@import" not in css
    assert ("meta", "name", "viewport") in page.attrs


def test_html_escapes_text_from_the_cases(outputs):
    page = parse(outputs["html"])
    # the X901 message holds <u>…</u>: it must come back as text, never as a tag
    assert "u" not in page.tags
    assert any("<u>" in t for t in page.text)


def test_html_escapes_a_hostile_project_name(tmp_path):
    hostile = (SEED / "02-anquan-weiwen.toml").read_text(encoding="utf-8").replace(
        'name = "安全维稳专项经费"', 'name = "<script>alert(1)</script><img src=x onerror=alert(2)>"')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "case.toml").write_text(hostile, encoding="utf-8")
    out = tmp_path / "r.html"  # not in the scanned folder: score would read it back as a form
    main(["score", str(tmp_path / "in"), "--format", "html", "-o", str(out), "--no-progress"])
    page = parse(out)
    assert "script" not in page.tags and "img" not in page.tags
    assert "<script>alert(1)</script>" in "".join(page.text)


def test_xlsx_keeps_hostile_text_as_text(tmp_path):
    """A project name that looks like a formula stays text; a control character (which a
    workbook cannot hold) is replaced rather than failing the whole report."""
    import openpyxl

    hostile = (SEED / "02-anquan-weiwen.toml").read_text(encoding="utf-8").replace(
        'name = "安全维稳专项经费"', 'name = "=HYPERLINK(\\"http://x\\")\\u0007"')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "case.toml").write_text(hostile, encoding="utf-8")
    out = tmp_path / "r.xlsx"  # not in the scanned folder: score would read it back as a form
    main(["score", str(tmp_path / "in"), "--format", "xlsx", "-o", str(out), "--no-progress"])
    sheet = openpyxl.load_workbook(out)["项目"]
    [cell] = [c for row in sheet.iter_rows() for c in row if "HYPERLINK" in str(c.value)]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")\ufffd'


# --- markdown ----------------------------------------------------------------------------


def test_markdown_has_the_summary_and_every_project(outputs, report):
    text = outputs["markdown"].read_text(encoding="utf-8")
    assert text.startswith("# 项目支出绩效自评复核报告")
    for heading in ("## 一、总体情况", "### 等级分布（自评与核实）", "### 得分分布（每 10 分一段）",
                    "### 最常触发的规则", "### 问题最多的主管部门", "## 二、项目评分一览",
                    "## 三、逐项目评分卡"):
        assert heading in text
    assert "- 项目数：8（已评级 2，结果未证实 6）" in text
    for number, project in enumerate(report["projects"], start=1):
        assert f"### {number}. {project['name']}" in text
    for code in {f["code"] for f in all_findings(report)}:
        assert f"**{code} " in text
    # the hostile characters of the X901 message are escaped, so no table breaks and no tag
    assert r"\<u\>" in text and r"\| \*注意\*" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| ") and "X901" not in line]
    widths = {line.count(" | ") - line.count(r"\|") for line in table_rows if line.startswith("| 1 | ")}
    assert len(widths) <= 1


def test_markdown_in_english(tmp_path, config):
    text = produce(tmp_path, "markdown", config, "--lang", "en").read_text(encoding="utf-8")
    assert "# Review of project performance self-assessments" in text and "## 1. Summary" in text


@pytest.mark.parametrize("fmt, name", [("markdown", "report.md"), ("html", "report.html"),
                                       ("human", "report.txt")])
def test_english_summary_grades_use_the_english_band_names(tmp_path, config, fmt, name):
    # csv and the project rows already said Excellent/Good/...; the summary tables must agree
    text = produce(tmp_path, fmt, config, "--lang", "en", name=name).read_text(encoding="utf-8")
    summary = text.split("Project score cards")[0] if fmt != "human" else text
    for grade in ("优", "良", "差"):
        assert grade not in summary
    assert "Excellent" in summary and "Poor" in summary


# --- the human format carries the year summary too ---------------------------------------


def test_human_summary_has_distribution_rules_and_departments(tmp_path, config):
    text = produce(tmp_path, "human", config, name="report.txt").read_text(encoding="utf-8")
    assert "项目数: 8" in text and "得分分布" in text and "最常触发的规则" in text
    assert "X901" in text and "问题最多的主管部门" in text and "仁和区人民政府办公室" in text


# --- -o: atomic, and nothing but the named file ------------------------------------------


def test_output_replaces_a_named_existing_file_and_nothing_else(tmp_path, config):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    neighbour = tmp_path / "keep.txt"
    neighbour.write_text("untouched", encoding="utf-8")
    produce(tmp_path, "json", config, name="report.json")
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "evalengine.report/1"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert neighbour.read_text(encoding="utf-8") == "untouched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "report.json"]


def test_a_failed_write_leaves_the_named_file_and_no_temporary(tmp_path, config, monkeypatch):
    from evalengine.render import jsonl

    target = tmp_path / "report.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def boom(self, summary):
        raise RuntimeError("disk full")

    monkeypatch.setattr(jsonl.Writer, "finish", boom)
    # a bug (not the input's fault): exit 3, the internal-error code, and no traceback
    assert main(["score", str(SEED), "--format", "jsonl", "-o", str(target), "--no-progress"]) == 3
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.jsonl"]


def test_output_to_a_folder_or_a_missing_folder_is_a_usage_error(tmp_path, capsys):
    for target in (tmp_path, tmp_path / "missing" / "r.json"):
        with pytest.raises(SystemExit) as exc:
            main(["score", str(SEED), "--format", "json", "-o", str(target)])
        assert exc.value.code == 2
    assert list(tmp_path.iterdir()) == []


def test_output_to_dev_null_writes_through(tmp_path):
    if not os.path.exists(os.devnull):
        pytest.skip("no /dev/null")
    main(["score", str(SEED / "01-zhaoshang-yinzi.toml"), "--format", "jsonl", "-o", os.devnull])
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device, not a file


# --- the progress bar: on a terminal only ------------------------------------------------


def test_no_progress_bar_when_piped():
    result = subprocess.run(
        [sys.executable, "-m", "evalengine", "score", str(SEED), "--format", "jsonl"],
        capture_output=True, env={**os.environ, "FORCE_COLOR": "1"}, timeout=120, check=False)
    assert result.returncode in (0, 1)
    assert result.stderr == b""  # no bar, no escape codes: only load failures would be here
    assert result.stdout.count(b"\n") == 8 + 1 + 2  # projects, department, header and summary


def test_progress_bar_on_a_terminal(monkeypatch):
    pty = pytest.importorskip("pty")
    from evalengine.render import progress

    master, slave = pty.openpty()
    stream = os.fdopen(slave, "w", buffering=1)
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setenv("TERM", "xterm")
    bar = progress.progress_for(True)
    assert type(bar) is not progress.Progress
    bar.start(100)
    bar.advance(50, 5)
    bar.close()
    stream.flush()
    os.set_blocking(master, False)
    chunks = []
    while True:  # a pty hands its buffer over in pieces: read until it is empty
        try:
            chunk = os.read(master, 65536)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    shown = b"".join(chunks).decode("utf-8", "replace")
    stream.close()
    os.close(master)
    assert "50%" in shown and "5 (" in shown


def test_money_shown_is_the_money_the_rate_uses(capsys):
    """Real form 01 prints 0 on its 年度资金总额 row and the money on its 其中 row: the report
    shows the row sums the execution rate was computed from, and the summary adds those."""
    main(["score", str(ROOT / "cases/real/01-weituo-yewu-xiangmu.toml"), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    funds = document["projects"][0]["funds"]
    assert (funds["budget"], funds["executed"], funds["rate"]) == ("89.97", "89.97", "100.00")
    assert document["summary"]["budget"] == "89.97"
