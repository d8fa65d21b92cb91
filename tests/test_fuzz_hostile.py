"""Fuzzing ``evalengine score`` with hostile case files and JSON Lines (issue 13).

Whatever the input, a run must: print no traceback; exit 0, 1 or 2; name every input either
as scored (a project or department of the report) or in a problem; write nothing but the
``-o`` file; change no input; and stay within bounded memory and CPU per run — enforced by
running the command line in a child process under RLIMIT_AS / RLIMIT_CPU (tests/hostile.py),
never by a timing assertion.

The in-process properties run many examples (hypothesis's profile: more with ``CI=1``); the
child-process one runs few by default and more under ``CI=1``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hostile import CLEAN, killed_by_limit, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalengine.cli import main

CI = bool(os.environ.get("CI"))
CHILD_EXAMPLES = 40 if CI else 4

# --- what a hostile file is made of -----------------------------------------------------------

_nasty_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["\x1b[2J\x1b[H0 errors", "\ud800", "\udfff", "\x00", "\u202e", "nan",
                     "1e999999", "-0", "９９％", "[[[[", "　" * 3, "'\"\\", "{project_name:>99}"]),
    st.builds(lambda ch, n: ch * n, st.sampled_from([" ", "[", "。", "（", "1", "1,", "年", "%"]),
              st.integers(1000, 60_000)),
)
_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), _nasty_text,
    st.floats(allow_nan=True, allow_infinity=True),
    st.builds(lambda n: int("9" * n), st.integers(300, 4299)),
)
_json_value = st.recursive(_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_nasty_text, inner, max_size=4)), max_leaves=12)

_BASE = {"project": {"name": "示例项目", "source": "s", "department": "d", "year": 2021},
         "funds": {"budget": 100, "executed": 90, "note": ""},
         "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "人次",
                         "target": "≥200人次", "actual": "210人次"}]}
_PATHS = [("project", "name"), ("project", "year"), ("project", "profile"), ("funds", "budget"),
          ("funds", "note"), ("indicators",), ("goal",), ("narrative", "conclusion"),
          ("department",), ("extra",)]


@st.composite
def _json_case(draw) -> str:
    """One JSON Lines line: a case with hostile values spliced in, or garbage."""
    kind = draw(st.sampled_from(["mutated", "mutated", "value", "bytes", "duplicate", "huge"]))
    if kind == "value":
        return json.dumps(draw(_json_value), ensure_ascii=draw(st.booleans()))
    if kind == "bytes":
        return draw(st.binary(max_size=60)).replace(b"\n", b" ").decode("latin-1")
    data = json.loads(json.dumps(_BASE))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_PATHS))
        table = data
        for key in path[:-1]:
            table = table.setdefault(key, {}) if isinstance(table.get(key, {}), dict) else {}
        table[path[-1]] = draw(_json_value)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    if kind == "duplicate":
        text = text.replace('"name": ', '"name": "x", "name": ', 1)
    if kind == "huge":  # more digits than Python converts
        text = text.replace('"year": 2021', '"year": ' + "9" * draw(st.integers(4000, 9000)), 1)
    return text


@st.composite
def _toml_case(draw) -> str:
    """A TOML case: the clean case with lines replaced, inserted, cut or garbled."""
    lines = CLEAN.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["value", "insert", "cut", "garble", "truncate"]))
        if action == "value" and at < len(lines) and "=" in lines[at]:
            key = lines[at].split("=", 1)[0]
            value = draw(st.one_of(
                st.builds(json.dumps, _nasty_text.filter(lambda t: "\ud800" > t or True)),
                st.sampled_from(["nan", "inf", "-inf", "1" * 5000, "9" * 400, "[[[[", "{",
                                 "1979-05-27", "0x7f", "true", '"""', "[" * 600 + "]" * 600])))
            lines[at] = f"{key}= {value}"
        elif action == "insert":
            lines.insert(at, draw(st.sampled_from(
                ["[project]", "[[indicators]]", "x = 1", "year = 99999", "name = 'b'",
                 "[funds]\nbudget = 1e400", "unread = { actual = \"cut\" }", "\x00", "a.b.c = 1"])))
        elif action == "cut" and lines:
            del lines[min(at, len(lines) - 1)]
        elif action == "garble" and at < len(lines):
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(st.text(max_size=5)) + line[cut:]
        elif action == "truncate":
            lines = lines[:at]
    return "\n".join(lines) + "\n"


_FORMS = sorted((Path(__file__).parent / "corpus" / "forms").glob("*.txt"))


@st.composite
def _text_form(draw) -> bytes:
    """A text form as score meets one in a folder: a slice of a real form, garbled."""
    text = draw(st.sampled_from(_FORMS)).read_text(encoding="utf-8")
    start = draw(st.integers(0, len(text)))
    piece = text[start:start + draw(st.integers(0, 4000))]
    cut = draw(st.integers(0, len(piece)))
    piece = piece[:cut] + draw(_nasty_text) + piece[cut:]
    return _encode(piece) if draw(st.booleans()) else draw(st.binary(max_size=200)) + _encode(piece)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # lone surrogates are bytes a file may hold


# --- the invariants -------------------------------------------------------------------------

def _expected_locations(files: dict[Path, bytes]) -> set[str]:
    """Every document the run must account for: a TOML file, each non-blank JSONL line."""
    out = set()
    for path, data in files.items():
        if path.suffix == ".jsonl":
            for number, line in enumerate(data.split(b"\n"), start=1):
                try:  # a blank line (any Unicode blank) is no document; bad UTF-8 is one
                    blank = not line.decode("utf-8-sig" if number == 1 else "utf-8").strip()
                except UnicodeDecodeError:
                    blank = False
                if not blank:
                    out.add(f"{path}:{number}")
        else:
            out.add(str(path))
    return out


def _check_run(code: int, err: str, folder: Path, files: dict[Path, bytes], report: Path,
               forms: tuple[Path, ...] = ()) -> None:
    assert code in (0, 1, 2), err
    assert "Traceback" not in err, err
    # nothing written but the report; no input changed
    assert {p for p in folder.iterdir()} | {p for p in report.parent.iterdir()} == {*files, report}
    for path, data in files.items():
        assert path.read_bytes() == data
    data = json.loads(report.read_text(encoding="utf-8"))
    accounted = {r["file"] for key in ("projects", "departments", "failures") for r in data[key]}
    missing = _expected_locations({p: d for p, d in files.items() if p not in forms}) - accounted
    assert not missing, missing
    for form in forms:  # a form is in the report (once per form it holds) or named on stderr
        assert any(f.startswith(str(form)) for f in accounted) or str(form) in err, form
    documents = sum(len(data[key]) for key in ("projects", "departments", "failures"))
    assert (code == 2) == (bool(data["failures"]) or documents == 0)
    for failure in data["failures"]:
        assert failure["problems"] and all(p["message"] for p in failure["problems"])


def _write(folder: Path, tomls: list[str], jsonl: list[str]) -> dict[Path, bytes]:
    files = {}
    for index, text in enumerate(tomls):
        files[folder / f"c{index}.toml"] = _encode(text)
    if jsonl:
        files[folder / "batch.jsonl"] = _encode("\n".join(jsonl) + "\n")
    for path, data in files.items():
        path.write_bytes(data)
    return files


def _fresh(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
          deadline=None)
@given(st.lists(_toml_case(), max_size=3), st.lists(_json_case(), min_size=1, max_size=6))
def test_hostile_cases_are_scored_or_named_in_process(tmp_path_factory, tomls, jsonl):
    folder = _fresh(tmp_path_factory)
    files = _write(folder, tomls, jsonl)
    report = folder / "report.json"
    code = main(["score", str(folder), "--format", "json", "-o", str(report), "--no-progress"])
    _check_run(code, "", folder, files, report)


@settings(max_examples=CHILD_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_toml_case(), min_size=1, max_size=4), st.lists(_json_case(), max_size=8),
       st.lists(_text_form(), max_size=2), st.sampled_from(["1", "2"]),
       st.sampled_from(["json", "human"]))
def test_hostile_cases_within_memory_and_cpu_limits(tmp_path_factory, tomls, jsonl, texts, jobs,
                                                    fmt):
    folder = _fresh(tmp_path_factory)
    files = _write(folder, tomls, jsonl)
    forms = tuple(folder / f"form{index}.txt" for index in range(len(texts)))
    for path, data in zip(forms, texts):
        path.write_bytes(data)
        files[path] = data
    out = tmp_path_factory.mktemp("out")
    report = out / "report.json"  # beside the folder: score reads forms in it
    ran = run_cli("score", folder, "--format", "json", "-o", report, "--no-progress",
                  "--jobs", jobs)
    assert not killed_by_limit(ran), "over the memory or CPU limit"
    _check_run(ran.code, ran.err, folder, files, report, forms)
    # the text renderers print what the report holds, hostile text and all
    human = run_cli("score", folder, "--format", fmt, "--no-progress", "--lang", "en")
    assert not killed_by_limit(human) and human.code == ran.code, human.err
    assert "Traceback" not in human.err
