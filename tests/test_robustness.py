"""Hostile input: absurd or malformed numbers, deep nesting, odd directory entries, odd file
names, rule selector typos, a crash inside scoring.  Each becomes a clear message naming the
file (and key path); the other cases are still scored; the exit code says so."""

from __future__ import annotations

import json
import os
import stat
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from pathlib import Path

import pytest

from evalengine import engine as engine_module
from evalengine import loader
from evalengine.cli import main
from evalengine.engine import Engine, run
from evalengine.importer.names import write_atomic
from evalengine.loader import Loaded, LoadFailure, discover, load_paths
from evalengine.numbers import NumberError, rounded, to_decimal
from evalengine.report import CaseResult

CLEAN = (Path(__file__).parent / "fixtures" / "rules" / "base-case.toml").read_text(encoding="utf-8")
MINIMAL = '[project]\nname = "{name}"\nsource = "s"\n'


def failures_by_name(results) -> dict[str, LoadFailure]:
    return {os.path.basename(r.location): r for r in results if isinstance(r, LoadFailure)}


# --- 1. magnitudes and rounding ----------------------------------------------------------------

@pytest.mark.parametrize("value", ["1e26", "123456789012345678901234567890.125", "9" * 40 + ".995"])
def test_rounded_never_raises_invalid_operation_on_wide_values(value):
    exact = Decimal(value)
    with localcontext() as wide:
        wide.prec = 200
        expected = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert rounded(exact) == expected
    assert rounded(exact).as_tuple().exponent == -2


def test_rounded_is_half_up_and_refuses_non_finite_with_value_error():
    assert rounded(Decimal("2.345")) == Decimal("2.35")
    assert rounded(Decimal("-2.345")) == Decimal("-2.35")
    assert rounded(Decimal("2.5"), 0) == Decimal(3)
    assert rounded(Decimal("0.12345"), 4) == Decimal("0.1235")
    for bad in ("NaN", "Infinity", "-Infinity"):
        with pytest.raises(ValueError) as caught:
            rounded(Decimal(bad))
        assert not isinstance(caught.value, InvalidOperation)


@pytest.mark.parametrize("value", [10**15, -(10**15), Decimal("1E+30"), "1e20", "1,000,000,000,000,000",
                                   Decimal("1E-20"), "1e999999999999999999999"])
def test_to_decimal_refuses_absurd_magnitudes(value):
    with pytest.raises(NumberError) as caught:
        to_decimal(value)
    assert caught.value.kind == "number-out-of-range"


def test_to_decimal_keeps_large_but_plausible_figures():
    assert to_decimal("999999999999999") == Decimal(999999999999999)
    assert to_decimal(0) == 0 and to_decimal(Decimal("0E-30")) == 0


def test_absurd_and_non_finite_money_in_a_case_are_problems_at_their_key_paths(tmp_path):
    (tmp_path / "big.toml").write_text(
        MINIMAL.format(name="big") + "[funds]\nbudget = 1e30\nexecuted = nan\nbalance = 1" + "0" * 5000 + "\n",
        encoding="utf-8")
    (tmp_path / "big2.toml").write_text(
        MINIMAL.format(name="b2") + "[funds]\nbudget = 100000000000000000000\nexecuted = inf\n"
        "[[indicators]]\nname = \"x\"\nweight = \"1e40\"\n", encoding="utf-8")
    (tmp_path / "big.jsonl").write_text(
        '{"project": {"name": "j", "source": "s"}, "funds": {"budget": NaN, "executed": 1e400}}\n',
        encoding="utf-8")
    results = failures_by_name(load_paths([tmp_path]))
    # an integer of thousands of digits: our own words, with its key and line, not a crash
    # (nor Python's "Exceeds the limit (4300 digits)" naming neither)
    assert [(p.path, p.kind, p.detail) for p in results["big.toml"].problems] == [
        ("$.funds.balance", "integer-too-long", "7:5001")]
    assert [(p.path, p.kind) for p in results["big2.toml"].problems] == [
        ("$.funds.budget", "number-out-of-range"),
        ("$.funds.executed", "not-finite"),
        ("$.indicators[0].weight", "number-out-of-range"),
    ]
    assert [(p.path, p.kind) for p in results["big.jsonl:1"].problems] == [
        ("$.funds.budget", "not-finite"),
        ("$.funds.executed", "number-out-of-range"),
    ]


# --- 4. strict numbers in text -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("１２", "12"),
    ("１２．５", "12.5"),
    ("１，２３４．５６", "1234.56"),
    ("1,234,567.5", "1234567.5"),
    ("－３", "-3"),
    (" 12 ", "12"),
    ("\u300012.50\u3000", "12.50"),
    (".5", "0.5"),
    ("1E+5", "1E+5"),  # as str(Decimal) writes it: unstructure → structure round-trips
])
def test_full_width_digits_and_well_formed_separators_are_read(text, expected):
    assert to_decimal(text) == Decimal(expected)
    assert str(to_decimal(text)) == str(Decimal(expected))


@pytest.mark.parametrize("text", ["1,0,0", "1,00", "12,3456", ",123", "_1", "1__0", "1_000",
                                  "١٢", "१२", "1.2.3", "1,234,56"])
def test_malformed_numbers_are_refused(text):
    with pytest.raises(NumberError) as caught:
        to_decimal(text)
    assert caught.value.kind == "malformed-number"


def test_malformed_number_in_a_case_names_its_key_path(tmp_path):
    (tmp_path / "x.toml").write_text(
        MINIMAL.format(name="x") + '[funds]\nbudget = "１，２３４．５"\nexecuted = "1,0,0"\n',
        encoding="utf-8")
    [failure] = list(load_paths([tmp_path]))
    assert [(p.path, p.kind) for p in failure.problems] == [("$.funds.executed", "malformed-number")]
    assert '"1,0,0"' in failure.problems[0].detail


# --- 2. a crash in scoring or checking costs one case -------------------------------------------

def test_an_exception_in_scoring_becomes_that_cases_failure(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.toml").write_text(CLEAN.replace('name = "', 'name = "boom', 1), encoding="utf-8")
    (tmp_path / "b.toml").write_text(CLEAN, encoding="utf-8")
    real = engine_module.score_case

    def exploding(case, profile, taxonomy, facts=None):
        if case.project.name.startswith("boom"):
            raise ZeroDivisionError("division by zero")
        return real(case, profile, taxonomy, facts)

    monkeypatch.setattr(engine_module, "score_case", exploding)
    report = run([tmp_path])
    [failure] = report.failures
    assert failure.location.endswith("a.toml")
    assert failure.problems[0].kind == "internal-error"
    assert "ZeroDivisionError" in failure.problems[0].detail
    assert [type(r) for r in report.results] == [CaseResult]

    # the run goes on, and ends with 3 (internal error), not 2 (bad input) or 1 (findings)
    assert main(["score", str(tmp_path), "--format", "json"]) == 3
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert len(data["projects"]) == 1 and data["summary"]["failures"] == 1
    assert "内部错误" in err and "a.toml" in err
    assert main(["score", str(tmp_path), "--lang", "en", "--no-progress"]) == 3
    assert "internal error" in capsys.readouterr().err


def test_an_exception_in_the_checks_becomes_that_cases_failure(tmp_path, monkeypatch):
    (tmp_path / "a.toml").write_text(CLEAN, encoding="utf-8")
    engine = Engine.build()

    def broken(*args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr(type(engine.checker), "check_case", broken)
    [failure] = list(engine.evaluate([tmp_path]))
    assert isinstance(failure, LoadFailure) and failure.problems[0].kind == "internal-error"


# --- 3. deep nesting -----------------------------------------------------------------------------

def test_deeply_nested_documents_are_problems_not_crashes(tmp_path):
    depth = 100_000
    (tmp_path / "deep.toml").write_text(
        MINIMAL.format(name="d") + "[funds]\nnote = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    (tmp_path / "inline.toml").write_text("x = " + "{a=" * depth + "1" + "}" * depth + "\n",
                                          encoding="utf-8")
    lines = ['{"project": {"name": "a", "source": "s"}}',
             '{"project": {"name": "b", "source": "s"}, "x": ' + "[" * depth + "]" * depth + "}",
             '{"project": {"name": "c", "source": "s"}}']
    (tmp_path / "deep.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(load_paths([tmp_path]))
    by_name = {os.path.basename(r.location): r for r in results}
    assert by_name["deep.toml"].problems[0].kind == "too-deeply-nested"
    assert by_name["inline.toml"].problems[0].kind == "too-deeply-nested"
    assert by_name["deep.jsonl:2"].problems[0].kind == "too-deeply-nested"
    assert isinstance(by_name["deep.jsonl:1"], Loaded) and isinstance(by_name["deep.jsonl:3"], Loaded)


def test_a_moderately_nested_wrong_value_is_quoted_briefly():
    nested: list = []
    for _ in range(50):
        nested = [nested, "x" * 50]
    problems = loader.parse_document({"project": {"name": nested, "source": "s"}})
    assert problems[0].kind == "expected-text"
    assert len(problems[0].detail) <= loader.SHOWN_CHARS + 1


# --- 5. discovering files ------------------------------------------------------------------------

def test_upper_case_extensions_are_case_files(tmp_path):
    (tmp_path / "A.TOML").write_text(MINIMAL.format(name="a"), encoding="utf-8")
    (tmp_path / "b.Jsonl").write_text(json.dumps({"project": {"name": "b", "source": "s"}}) + "\n",
                                      encoding="utf-8")
    results = list(load_paths([tmp_path]))
    assert sorted(r.document.name for r in results) == ["a", "b"]
    assert {os.path.basename(r.location) for r in results} == {"A.TOML", "b.Jsonl:1"}


def test_broken_links_and_fifos_are_reported_not_skipped(tmp_path):
    (tmp_path / "ok.toml").write_text(MINIMAL.format(name="ok"), encoding="utf-8")
    (tmp_path / "gone.toml").symlink_to(tmp_path / "missing.toml")
    os.mkfifo(tmp_path / "pipe.toml")
    os.mkfifo(tmp_path / "pipe-not-a-case")  # not named as a case: not ours to report
    results = list(load_paths([tmp_path]))
    kinds = {os.path.basename(r.location): r.problems[0].kind
             for r in results if isinstance(r, LoadFailure)}
    assert kinds == {"gone.toml": "broken-link", "pipe.toml": "not-a-regular-file"}
    assert [r.document.name for r in results if isinstance(r, Loaded)] == ["ok"]
    # given by name, a FIFO is reported too (and never opened: that would block)
    [given] = list(load_paths([tmp_path / "pipe.toml"]))
    assert given.problems[0].kind == "not-a-regular-file"


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "ok.toml").write_text(MINIMAL.format(name="ok"), encoding="utf-8")
    real_scandir = os.scandir  # the folder listing discover reads

    def scandir(path):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(loader.os, "scandir", scandir)
    results = list(load_paths([tmp_path]))
    [failure] = [r for r in results if isinstance(r, LoadFailure)]
    assert failure.location.endswith("sub") and failure.problems[0].kind == "unreadable-folder"


def test_linked_folders_are_followed_but_loops_are_reported(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.toml").write_text(MINIMAL.format(name="a"), encoding="utf-8")
    (tmp_path / "top").mkdir()
    (tmp_path / "top" / "view").symlink_to(tmp_path / "real", target_is_directory=True)
    assert list(discover([tmp_path / "top"])) == [tmp_path / "top" / "view" / "a.toml"]
    (tmp_path / "real" / "up").symlink_to(tmp_path / "real", target_is_directory=True)
    looped = list(discover([tmp_path / "real"]))
    assert looped[0] == tmp_path / "real" / "a.toml"
    assert [(os.path.basename(r.location), r.problems[0].kind) for r in looped[1:]] == [
        ("up", "link-loop")]


def test_the_same_file_reached_twice_is_scored_once_under_its_first_name(tmp_path, capsys):
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.toml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "alias.toml").symlink_to(folder / "a.toml")
    paths = [str(folder / "a.toml"), str(folder), str(tmp_path / "alias.toml"),
             str(folder / ".." / "cases" / "a.toml")]
    found = list(discover(paths))
    assert found == [folder / "a.toml"]
    assert main(["score", *paths, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["projects"]) == 1


# --- 7. file names that are not UTF-8 ------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_reported_readably(tmp_path, capsys):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"bad-\xff.toml"), "w", encoding="utf-8") as handle:
        handle.write(CLEAN)
    (tmp_path / "good.toml").write_text(CLEAN, encoding="utf-8")
    results = list(load_paths([tmp_path]))
    [failure] = [r for r in results if isinstance(r, LoadFailure)]
    assert failure.location.endswith("bad-\\xff.toml")
    assert failure.problems[0].kind == "name-not-utf8"
    failure.location.encode("utf-8")  # printable as it is
    assert main(["score", str(tmp_path), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out)["summary"]["projects"] == 1
    assert "bad-\\xff.toml" in err and "UTF-8" in err


# --- 6. rule selectors ---------------------------------------------------------------------------

def test_an_unknown_selector_is_a_usage_error_in_the_users_language(tmp_path, capsys):
    (tmp_path / "a.toml").write_text(CLEAN, encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        main(["score", str(tmp_path), "--select", "F1O1,F1"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "F1O1" in err and "没有与之匹配的规则" in err and "F1," not in err
    with pytest.raises(SystemExit) as caught:
        main(["rules", "--lang", "en", "--ignore", "nosuch", "--severity", "Z999=warning"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "no rule matches: nosuch, Z999" in err


@pytest.mark.parametrize("selector", ["F1", "F", "f101", "funds", "F101"])
def test_known_selectors_and_prefixes_are_accepted(tmp_path, selector, capsys):
    (tmp_path / "a.toml").write_text(CLEAN, encoding="utf-8")
    assert main(["score", str(tmp_path), "--select", selector, "--format", "json"]) == 0


def test_an_unknown_selector_in_the_config_file_names_its_key(tmp_path, capsys):
    config = tmp_path / "cfg.toml"
    config.write_text('select = ["F1", "F1O1"]\nignore = ["nosuch"]\n', encoding="utf-8")
    assert main(["rules", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "cfg.toml: $.select[1]: " in err and "'F1O1'" in err
    assert "cfg.toml: $.ignore[0]: " in err


def test_a_case_suppressing_an_unknown_rule_is_reported_and_still_scored(tmp_path, capsys):
    """A misspelt [[ignore]] is an M004 finding at its key path (as ruff warns on a bad noqa
    code); the case is still scored, and no M001 is added for the same entry."""
    (tmp_path / "a.toml").write_text(
        CLEAN + '\n[[ignore]]\nrule = "F1O5"\nreason = "typo"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text(
        CLEAN + '\n[[ignore]]\nrule = "funds"\nreason = "a family is fine"\n', encoding="utf-8")
    report = run([tmp_path])
    assert report.failures == ()
    by_file = {Path(r.location).name: [(f.code, f.path) for f in r.findings] for r in report.results}
    assert by_file["a.toml"] == [("M004", "$.ignore[0].rule")]
    assert all(code != "M004" for code, _ in by_file["b.toml"])
    assert main(["score", str(tmp_path), "--format", "json"]) == 1  # M004 is an error
    assert "F1O5" in capsys.readouterr().out


# --- 8. files the importer writes ----------------------------------------------------------------

@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_imported_files_get_normal_permissions(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "x.toml", b"x = 1\n", force=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.toml").stat().st_mode) == mode


def test_write_atomic_never_replaces_an_existing_file_or_link_without_force(tmp_path):
    target = tmp_path / "x.toml"
    target.write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"new", force=False)
    assert target.read_bytes() == b"mine"
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "elsewhere.toml")  # dangling: still a name that is taken
    with pytest.raises(FileExistsError):
        write_atomic(link, b"new", force=False)
    assert not (tmp_path / "elsewhere.toml").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.toml", "x.toml"]  # no temp left


def test_write_atomic_without_hard_links_still_refuses_to_overwrite(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "x.toml"
    write_atomic(target, b"one", force=False)
    assert target.read_bytes() == b"one"
    with pytest.raises(FileExistsError):
        write_atomic(target, b"two", force=False)
    assert target.read_bytes() == b"one"
    write_atomic(target, b"three", force=True)
    assert target.read_bytes() == b"three"


def test_a_department_suppressing_an_unknown_rule_is_reported_in_parallel_runs_too(tmp_path, capsys):
    department = (Path(__file__).parent.parent / "cases" / "2021" / "department.toml").read_text(
        encoding="utf-8")
    (tmp_path / "a.toml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "department.toml").write_text(
        department + '\n[[ignore]]\nrule = "D5O1"\nreason = "typo"\n', encoding="utf-8")
    (tmp_path / "z.toml").write_text(CLEAN, encoding="utf-8")
    for jobs in ("1", "2"):
        assert main(["score", str(tmp_path), "--format", "json", "--jobs", jobs]) == 1
        data = json.loads(capsys.readouterr().out)
        assert len(data["projects"]) == 2 and data["failures"] == []
        [department_result] = data["departments"]
        unknown = [f for f in department_result["findings"] if f["code"] == "M004"]
        assert [f["path"] for f in unknown] == ["$.ignore[0].rule"]


def test_importing_a_file_whose_name_is_not_utf8_shows_the_name_escaped(tmp_path, capsys):
    data = (Path(__file__).parent / "fixtures" / "import" / "inputs" / "03.txt").read_bytes()
    name = os.path.join(os.fsencode(tmp_path), b"form-\xff.txt")
    with open(name, "wb") as handle:
        handle.write(data)
    out = tmp_path / "out"
    assert main(["import", os.fsdecode(name), "--out", str(out)]) == 0
    assert "form-\\xff.txt" in capsys.readouterr().out
    [written] = out.iterdir()
    assert "form-\\\\xff.txt" in written.read_text(encoding="utf-8")  # source, TOML-escaped


def test_a_text_form_with_a_bom_and_invalid_utf8_says_bytes_were_replaced():
    from evalengine.importer.sheets import decode

    assert decode(b"\xef\xbb\xbfab\xffc") == ("ab\ufffdc", "utf-8-sig", (5, 1))
    assert decode(b"\xef\xbb\xbfabc") == ("abc", "utf-8-sig", None)
