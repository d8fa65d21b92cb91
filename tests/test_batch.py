"""Input at scale: JSONL end to end through the command, chunked and parallel runs that give
the same bytes as one process, departments that still see every project of their folder,
and a summary that merges to what one builder would have built."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest

from evalengine import parallel
from evalengine.cli import main
from evalengine.engine import Engine, run
from evalengine.loader import load_paths
from evalengine.report import CaseResult, SummaryBuilder

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "cases" / "2021"
REAL = ROOT / "cases" / "real"
CLEAN = (Path(__file__).parent / "fixtures" / "rules" / "base-case.toml")


def case_lines(count: int) -> list[str]:
    """``count`` JSONL lines: the seed's project cases as JSON, names numbered."""
    import tomllib
    from decimal import Decimal

    cases = []
    for path in sorted(SEED.glob("0*.toml")):
        cases.append(tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal))
    lines = []
    for index in range(count):
        data = json.loads(json.dumps(cases[index % len(cases)], default=str))
        data["project"]["name"] += f"（{index}）"
        lines.append(json.dumps(data, ensure_ascii=False))
    return lines


@pytest.fixture
def jsonl_with_broken_lines(tmp_path) -> Path:
    lines = case_lines(6)
    lines.insert(2, '{"project": {"name": "断行"')  # line 3: not JSON
    lines.insert(4, "")  # line 5: blank, skipped
    bad = json.loads(lines[5])
    bad["funds"]["budget"] = "五十万"  # line 6: not a number
    lines[5] = json.dumps(bad, ensure_ascii=False)
    path = tmp_path / "batch.jsonl"
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")  # with a BOM, as Excel writes
    return path


def test_jsonl_end_to_end_reports_broken_lines_and_scores_the_rest(jsonl_with_broken_lines, capsys):
    code = main(["score", str(jsonl_with_broken_lines), "--format", "json", "--no-progress"])
    assert code == 2
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert len(report["projects"]) == 5
    assert [p["file"].rsplit(":", 1)[1] for p in report["projects"]] == ["1", "2", "4", "7", "8"]
    assert [f["file"].rsplit(":", 1)[1] for f in report["failures"]] == ["3", "6"]
    assert report["failures"][0]["problems"][0]["kind"] == "json-syntax"
    assert report["failures"][1]["problems"][0]["path"] == "$.funds.budget"
    assert f"{jsonl_with_broken_lines}:3: $: JSON 语法错误" in captured.err
    assert f"{jsonl_with_broken_lines}:6: $.funds.budget: " in captured.err
    assert report["summary"]["projects"] == 5 and report["summary"]["failures"] == 2


def test_jsonl_output_of_jsonl_input_counts(jsonl_with_broken_lines, capsys):
    main(["score", str(jsonl_with_broken_lines), "--format", "jsonl", "--no-progress"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    kinds = [line["type"] for line in lines]
    assert kinds == ["report", "project", "project", "failure", "project", "failure",
                     "project", "project", "summary"]


@pytest.fixture
def tiny_units(monkeypatch):
    """Units of one file, and JSONL ranges of ~2 KB: every run below is many units."""
    monkeypatch.setattr(parallel, "UNIT_FILES", 1)
    monkeypatch.setattr(parallel, "UNIT_BYTES", 2048)


@pytest.fixture
def mixed_tree(tmp_path, jsonl_with_broken_lines) -> Path:
    """The seed (with its department file), the real cases, and a JSONL file of 39 cases
    with two broken lines, in three folders."""
    root = tmp_path / "tree"
    shutil.copytree(SEED, root / "2021")
    shutil.copytree(REAL, root / "real")
    (root / "batch").mkdir()
    lines = jsonl_with_broken_lines.read_text(encoding="utf-8").splitlines() + case_lines(34)
    (root / "batch" / "cases.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown", "html"])
def test_jobs_two_is_byte_for_byte_jobs_one(fmt, mixed_tree, tmp_path, tiny_units):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.{fmt}"
        code = main(["score", str(mixed_tree), "--format", fmt, "-o", str(out), "--jobs", jobs,
                     "--no-progress"])
        assert code == 2  # the two broken JSONL lines
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_chunked_run_equals_the_library_run(mixed_tree, tiny_units, capsys):
    """Split into one-file units and 2 KB JSONL ranges, run in two processes, the report is
    the one `run()` builds in one pass: same projects, failures with the same line numbers,
    and department results that saw every project of their folder."""
    assert len(parallel.plan([mixed_tree])) > 20
    main(["score", str(mixed_tree), "--format", "json", "--jobs", "2", "--no-progress"])
    chunked = json.loads(capsys.readouterr().out)
    from evalengine.render.json import render_json

    whole = json.loads(render_json(run([mixed_tree])))
    assert chunked == whole
    assert sum(1 for p in chunked["projects"] if "cases.jsonl:" in p["file"]) == 5 + 34
    assert sum(1 for p in chunked["projects"] if "/2021/" in p["file"]) == 8
    assert [f["file"].rsplit(":", 1)[1] for f in chunked["failures"]] == ["3", "6"]
    [department] = chunked["departments"]
    assert department["file"].endswith("2021/department.toml")


def test_departments_see_the_digests_of_their_folder_across_units(mixed_tree, tiny_units,
                                                                  monkeypatch):
    from evalengine.checks.runner import Checker
    from evalengine.render.formats import Options
    from evalengine.render.pieces import Pieces

    seen = {}

    def spy(self, location, department, projects):
        seen[location] = sorted(p.name for p in projects)
        return ()

    monkeypatch.setattr(Checker, "check_department", spy)
    engine = Engine.build()

    scoring = parallel.Scoring(engine, Pieces("jsonl", Options()), jobs=1)
    list(scoring.run([mixed_tree]))
    [(location, names)] = seen.items()
    assert location.endswith("department.toml")
    assert len(names) == 8 and "招商引资经费" in names


def test_jsonl_ranges_cut_at_line_ends_and_number_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "UNIT_BYTES", 700)
    path = tmp_path / "x.jsonl"
    lines = case_lines(12)
    lines[7] = "{broken"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = parallel.plan([path])
    assert len(units) > 3 and all(u.jsonl is not None for u in units)
    assert units[0].jsonl[1] == 0 and units[-1].jsonl[2] == path.stat().st_size
    for before, after in itertools.pairwise(units):
        assert before.jsonl[2] == after.jsonl[1]
    locations = [item.location for unit in units for item in parallel._load(unit)]
    assert locations == [item.location for item in load_paths([path])]
    assert locations[7] == f"{path}:8"


def test_merged_summaries_equal_one_builder(mixed_tree):
    engine = Engine.build()
    items = list(engine.evaluate([mixed_tree]))
    whole = SummaryBuilder()
    for item in items:
        whole.add(item)
    merged = SummaryBuilder()
    for start in range(0, len(items), 7):
        part = SummaryBuilder()
        for item in items[start:start + 7]:
            part.add(item)
        merged.merge(part)
    bands = engine.grade_order()
    assert merged.build(bands) == whole.build(bands)
    summary = whole.build(bands)
    assert summary.projects == sum(1 for i in items if isinstance(i, CaseResult))
    assert summary.failures == 2
    assert sum(n for _, _, n in summary.grade_changes) == summary.projects
    assert sum(v for _, _, v in summary.score_bins) == summary.rated


def test_jobs_zero_means_one_per_cpu():
    assert parallel.resolve_jobs(0) >= 1 and parallel.resolve_jobs(3) == 3


def test_a_negative_jobs_is_a_usage_error():
    with pytest.raises(SystemExit) as exc:
        main(["score", str(CLEAN), "--jobs", "-1"])
    assert exc.value.code == 2
