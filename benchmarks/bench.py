"""How fast and how lean `evalengine score` is, each figure paired with its floor.

    python benchmarks/bench.py                 # stages at N = 1,000; end to end at 1,000 and 10,000
    python benchmarks/bench.py --quick         # N = 1,000 only, fewer repeats
    python benchmarks/bench.py --n 1000 --repeat 5 --json results.json

Every time is CPU time (``time.process_time`` in process; a child's user + system time from
``os.wait4`` for whole commands): the machines are shared, and wall time swings 2× with the
neighbours' load while CPU time moves a few per cent.  Each engine figure is measured in the
same call as its floor — the least any program reading the same input must do — in turns
(A B A B …), and the ratio is taken pair by pair, so a slow spell hits both alike:

* **stages** (in this process, N generated cases, ``benchmarks/generate.py``): per case, the
  load (read + parse + structure into a ``Case``) against a bare ``tomllib.loads`` / ``json.loads``
  of the same bytes; scoring; checks; the plain record; the JSON line; the xlsx writer and the
  human renderer (all of a run's work for the case, the final ``save`` / table drawing
  shared out); and the memory a case holds until the end of its file (the digest department
  checks need, measured with ``tracemalloc``);
* **the pipeline** (in this process): the command's own loop (``parallel.Scoring`` with the
  jsonl pieces, to /dev/null) per case, and its own part once the stages it runs (load,
  ``Engine.step`` and the department checks, record + JSON line), timed where it calls them,
  are taken out: units, the summary, the department deferral, the time budget, writing;
* **end to end** (fresh subprocesses, output to /dev/null): ``evalengine score DIR --format
  jsonl`` on a TOML tree against a child that only ``tomllib``-parses the same files, and on
  one JSONL file against ``json.loads`` per line: cases per CPU second, and their ratio;
* **--jobs 2 against --jobs 1**: here wall time is the point (two processes use twice the CPU
  to take half the time); the load average is printed with it, for on a busy machine the
  second process waits for a core;
* **the real cases** (``cases/2021``, ``cases/real``): the same stages, per case.

This is a measurement, not a test: it never fails on a slow machine, it prints the targets
and whether each was met.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_jsonl, write_toml_tree  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOML_FLOOR = """
import sys, tomllib
from decimal import Decimal
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.toml")):
    tomllib.loads(path.read_bytes().decode("utf-8-sig"), parse_float=Decimal)
"""

JSON_FLOOR = """
import json, sys
from decimal import Decimal
with open(sys.argv[1], "rb") as handle:
    for line in handle:
        if line.strip():
            json.loads(line, parse_float=Decimal)
"""

TARGETS = {  # issue 8
    "toml_ratio": 0.5,  # end to end ≥ half the bare-tomllib rate, one process
    "jsonl_rate": 1000,  # cases per CPU second from JSONL, one process
    "xlsx_ms": 1.0,  # per case
    "human_ms": 2.0,  # per case
    "speedup": 1.8,  # --jobs 2 over --jobs 1, on an idle machine
}


# --- the machine ---------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"nproc": cpus, "cpu": model, "python": platform.python_version(),
            "platform": platform.platform(), "load": os.getloadavg()}


# --- in process: the stages of one case ------------------------------------------------------

class Clock:
    """CPU seconds spent in each named stage, summed over calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def time(self, name: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        value = fn(*args, **kwargs)
        self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - start
        return value


def _engine():
    from evalengine.engine import Engine

    return Engine.build()


def _stage_pass(files: list[Path], engine: Any, clock: Clock, xlsx: bool, human: bool) -> int:
    """One pass over ``files`` (TOML cases or one JSONL file), each stage timed on its own."""
    from evalengine import loader
    from evalengine.engine import Folders
    from evalengine.facts import case_facts
    from evalengine.render.formats import Options, get_format, run_info
    from evalengine.render.human import console_for
    from evalengine.report import SummaryBuilder

    options = Options()
    info = run_info(engine.checker.catalogue, "zh")
    jsonl = get_format("jsonl")
    fmt_x, fmt_h = get_format("xlsx"), get_format("human")
    writers = {}
    if xlsx:
        writers["xlsx"] = (fmt_x, fmt_x.writer(io.BytesIO(), options, info))
    if human:
        writers["human"] = (fmt_h, fmt_h.writer(console_for(io.StringIO()), options, info))
    folders = Folders()
    summary = SummaryBuilder()
    cases = 0

    def documents():
        for path in files:
            if path.suffix == ".jsonl":
                with open(path, "rb") as handle:
                    lines = [line for line in handle if line.strip()]
                for number, line in enumerate(lines, 1):
                    clock.time("floor", json.loads, line, parse_float=Decimal)
                    data = clock.time("parse", loader.parse_json_line, line)
                    yield f"{path}:{number}", data
            else:
                raw = clock.time("read", path.read_bytes)
                clock.time("floor", tomllib.loads, raw.decode("utf-8-sig"),
                           parse_float=Decimal)
                data = clock.time("parse", loader.parse_toml_bytes, raw)
                yield str(path), data

    # scoring is timed inside Engine.score (the engine calls the scoring module's
    # score_case): timed apart, it would warm the value cache for the engine's own call
    from evalengine import engine as engine_module

    inner = getattr(engine_module, "score_case", None)
    if inner is not None:
        engine_module.score_case = lambda *a, **k: clock.time("scoring", inner, *a, **k)
    try:
        for location, data in documents():
            document = clock.time("structure", loader.parse_document, data)
            if isinstance(document, tuple) or not hasattr(document, "indicators"):
                continue  # a department (or a bad document): not a stage of a case
            cases += 1
            facts = clock.time("facts", case_facts, document, engine.taxonomy)
            clock.time("digest", folders.add_case, location, document, facts)
            _case(clock, engine, location, document, facts, jsonl, options, summary, writers)
    finally:
        if inner is not None:
            engine_module.score_case = inner
    built = summary.build(engine.grade_order())
    for name, (_, writer) in writers.items():
        clock.time(name, writer.finish, built)
    return cases


def _case(clock: Clock, engine: Any, location: str, document: Any, facts: Any, jsonl: Any,
          options: Any, summary: Any, writers: dict[str, Any]) -> None:
    result = clock.time("engine", engine.score, location, document, facts)
    kind, record = clock.time("record", _record_of, result)
    clock.time("json line", jsonl.encode, kind, record, options)
    summary.add(result)
    for name, (fmt, writer) in writers.items():
        clock.time(name, lambda: writer.add(kind, fmt.encode(kind, record, options)))


def _record_of(result: Any) -> Any:
    from evalengine.render.data import record_of

    return record_of(result)


def stages(files: list[Path], repeat: int, xlsx: bool = True, human: bool = True) -> dict[str, float]:
    """Milliseconds of CPU per case in each stage: the median of ``repeat`` passes."""
    engine = _engine()
    _stage_pass(files[:50], engine, Clock(), xlsx, human)  # warm caches and imports
    runs: list[dict[str, float]] = []
    for _ in range(repeat):
        gc.collect()
        clock = Clock()
        cases = _stage_pass(files, engine, clock, xlsx, human)
        per = {name: seconds * 1000 / cases for name, seconds in clock.seconds.items()}
        # Engine.score = scoring + checks (scoring 0 if the engine stopped calling score_case
        # by that name: then "checks" is the whole engine)
        per["checks"] = per.pop("engine") - per.setdefault("scoring", 0.0)
        per["load"] = per.get("read", 0.0) + per["parse"] + per["structure"]
        per["cases"] = cases
        runs.append(per)
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def _pipeline_pass(files: list[Path], engine: Any) -> tuple[dict[str, float], int]:
    """One run of the command's own loop in this process (``parallel.Scoring`` with the
    jsonl pieces, written to /dev/null): CPU seconds of the whole run and of the stages it
    runs, each timed where the run calls it."""
    from evalengine import parallel
    from evalengine.engine import Engine
    from evalengine.render.formats import Options, RunInfo, get_format
    from evalengine.render.pieces import Pieces

    clock = Clock()
    load, pieces = parallel._load, Pieces("jsonl", Options())
    step, check = Engine.step, Engine.check_department

    def timed_load(unit: Any) -> Any:
        documents = load(unit)
        while True:
            start = time.process_time()
            document = next(documents, None)
            clock.seconds["load"] = clock.seconds.get("load", 0.0) + time.process_time() - start
            if document is None:
                return
            yield document

    parallel._load = timed_load
    Engine.step = lambda self, *a: clock.time("engine", step, self, *a)
    Engine.check_department = lambda self, *a: clock.time("engine", check, self, *a)
    try:
        scoring = parallel.Scoring(engine, lambda result: clock.time("record", pieces, result))
        fmt = get_format("jsonl")
        with open(os.devnull, "w", encoding="utf-8") as out:
            start = time.process_time()
            writer = fmt.writer(out, Options(), RunInfo())
            cases = 0
            for kind, payload, _ in scoring.run([str(f) for f in files]):
                writer.add(kind, payload)
                cases += kind == "project"
            writer.finish(scoring.summary)
            clock.seconds["run"] = time.process_time() - start
    finally:
        parallel._load, Engine.step, Engine.check_department = load, step, check
    return clock.seconds, cases


def pipeline(files: list[Path], repeat: int) -> dict[str, float]:
    """Milliseconds of CPU per case of the command's loop run in process, and of the
    pipeline's own part of it: the run less its load, engine (Engine.step and the
    department checks) and record + JSON line stages — units, the summary, the department
    deferral, the time budget, writing.  The median of ``repeat`` runs."""
    engine = _engine()
    _pipeline_pass(files[:50], engine)  # warm caches and imports
    runs = []
    for _ in range(repeat):
        gc.collect()
        seconds, cases = _pipeline_pass(files, engine)
        stages = seconds.get("load", 0.0) + seconds.get("engine", 0.0) + seconds.get("record", 0.0)
        runs.append({"run": seconds["run"] * 1000 / cases,
                     "pipeline": (seconds["run"] - stages) * 1000 / cases})
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def held_per_case(files: list[Path]) -> float:
    """Bytes each case holds until the end of its file: the digest that department checks
    compare against (``Folders.add_case``), measured with tracemalloc."""
    from evalengine import loader
    from evalengine.engine import Folders
    from evalengine.facts import case_facts

    documents = []
    for path in files:
        for item in loader.load_file(path):
            if isinstance(item, loader.Loaded) and hasattr(item.document, "indicators"):
                documents.append((item.location, item.document, case_facts(item.document)))
    folders = Folders()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for location, case, facts in documents:
        folders.add_case(location, case, facts)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (after - before) / max(1, len(documents))


# --- whole commands -------------------------------------------------------------------------

def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run(cmd: list[str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak RSS MB) of one child and the children it reaped."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def paired(a: list[str], b: list[str], repeat: int, index: int = 0) -> dict[str, float]:
    """A and B in turns; each one's median, and the median of the pairwise ratios B/A.
    ``index`` picks the figure: 0 CPU seconds, 1 wall seconds."""
    run(a)
    run(b)  # warm the bytecode and page caches
    pairs = []
    for _ in range(repeat):
        ra, rb = run(a), run(b)
        pairs.append((ra, rb))
    return {"a": statistics.median(p[0][index] for p in pairs),
            "b": statistics.median(p[1][index] for p in pairs),
            "ratio": statistics.median(p[1][index] / p[0][index] for p in pairs),
            "a_rss": max(p[0][2] for p in pairs), "b_rss": max(p[1][2] for p in pairs)}


def _score_cmd(path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "evalengine", "score", str(path), "--format", "jsonl",
            "--no-progress", *extra]


def end_to_end(tree: Path, jsonl: Path, n: int, repeat: int) -> dict[str, Any]:
    toml = paired(_score_cmd(tree), [sys.executable, "-c", TOML_FLOOR, str(tree)], repeat)
    lines = paired(_score_cmd(jsonl), [sys.executable, "-c", JSON_FLOOR, str(jsonl)], repeat)
    return {"n": n, "toml": {**toml, "rate": n / toml["a"], "floor_rate": n / toml["b"]},
            "jsonl": {**lines, "rate": n / lines["a"], "floor_rate": n / lines["b"]}}


def jobs(tree: Path, n: int, repeat: int) -> dict[str, Any]:
    load = os.getloadavg()[0]
    wall = paired(_score_cmd(tree, "--jobs", "2"), _score_cmd(tree, "--jobs", "1"), repeat, 1)
    return {"n": n, "jobs2_s": wall["a"], "jobs1_s": wall["b"], "speedup": wall["ratio"],
            "load_before": load, "load_after": os.getloadavg()[0]}


# --- the table ------------------------------------------------------------------------------

STAGE_ROWS = (
    ("floor", "floor: bare tomllib.loads / json.loads of the same input"),
    ("load", "load: read + parse + structure (cattrs)"),
    ("parse", "  of which parse"),
    ("structure", "  of which structure"),
    ("facts", "case facts (case_facts, once per case)"),
    ("scoring", "scoring (score_case)"),
    ("checks", "checks (Engine.score − scoring)"),
    ("record", "record (render.data)"),
    ("json line", "JSON line (jsonl encode)"),
    ("xlsx", "xlsx writer, per case"),
    ("human", "human renderer, per case"),
    ("digest", "department digest (Folders.add_case)"),
    ("run", "the command's loop in process (parallel.Scoring → jsonl)"),
    ("pipeline", "  of which the pipeline's own (run − load, engine, record)"),
)


def print_stages(title: str, columns: dict[str, dict[str, float]]) -> None:
    names = list(columns)
    print(f"\n{title} (ms of CPU per case, median of runs)")
    print(f"  {'stage':58}" + "".join(f"{n:>14}" for n in names))
    for key, label in STAGE_ROWS:
        cells = [columns[n].get(key) for n in names]
        if all(c is None for c in cells):
            continue
        print(f"  {label:58}" + "".join(f"{c:14.3f}" if c is not None else f"{'—':>14}"
                                         for c in cells))
    engine = {n: sum(columns[n].get(k, 0.0) for k in ("load", "facts", "scoring", "checks", "record",
                                                        "json line")) for n in names}
    print(f"  {'total to a JSON line':58}" + "".join(f"{engine[n]:14.3f}" for n in names))
    print(f"  {'cases':58}" + "".join(f"{int(columns[n]['cases']):14d}" for n in names))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 1,000 only, 3 repeats")
    parser.add_argument("--n", type=int, nargs="+", help="end-to-end Ns (default 1000 10000)")
    parser.add_argument("--stage-n", type=int, default=1000, help="cases for the stage figures")
    parser.add_argument("--repeat", type=int, default=None, help="pairs per figure (default 5; 3 with --quick)")
    parser.add_argument("--no-jobs", action="store_true", help="skip --jobs 2 against --jobs 1")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    ns = [1000] if args.quick else (args.n or [1000, 10_000])
    repeat = args.repeat or (3 if args.quick else 5)

    info = machine()
    print(f"machine: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']}, "
          f"{info['platform']}; load average {info['load'][0]:.2f}", flush=True)
    out: dict[str, Any] = {"machine": info, "end_to_end": [], "stages": {}}
    with tempfile.TemporaryDirectory(prefix="evalengine-bench-") as work:
        work_path = Path(work)
        print("end to end, one process (cases per CPU second; floor in the same call)")
        for n in ns:
            big_tree, big_jsonl = work_path / f"toml-{n}", work_path / f"jsonl-{n}.jsonl"
            write_toml_tree(big_tree, n)
            write_jsonl(big_jsonl, n)
            result = end_to_end(big_tree, big_jsonl, n, repeat if n <= 1000 else max(2, repeat // 2))
            out["end_to_end"].append(result)
            for key, floor in (("toml", "tomllib"), ("jsonl", "json.loads")):
                r = result[key]
                print(f"  N={n:>6,} {key.upper():5}: evalengine {r['rate']:7.0f}/s   {floor} floor "
                      f"{r['floor_rate']:7.0f}/s   ratio {r['ratio']:.2f}   peak RSS "
                      f"{r['a_rss']:.0f} MB (floor {r['b_rss']:.0f} MB)", flush=True)
            if n == ns[-1] and not args.no_jobs:
                out["jobs"] = j = jobs(big_tree, n, max(2, repeat // 2))
                print(f"  N={n:>6,} --jobs 2: {j['jobs2_s']:.2f} s wall against --jobs 1 "
                      f"{j['jobs1_s']:.2f} s: {j['speedup']:.2f}×  (load average "
                      f"{j['load_before']:.1f} → {j['load_after']:.1f} on {info['nproc']} CPUs)",
                      flush=True)
        if len(out["end_to_end"]) >= 2:  # one more case, start-up left out; and its RSS
            small, large = out["end_to_end"][0], out["end_to_end"][-1]
            for key in ("toml", "jsonl"):
                rate = (large["n"] - small["n"]) / (large[key]["a"] - small[key]["a"])
                floor = (large["n"] - small["n"]) / (large[key]["b"] - small[key]["b"])
                out[f"marginal_{key}"] = {"rate": rate, "floor_rate": floor, "ratio": rate / floor}
                print(f"  one more case ({key.upper()}, N={small['n']:,} → {large['n']:,}, start-up "
                      f"left out): {rate:.0f}/s against the floor's {floor:.0f}/s, ratio "
                      f"{rate / floor:.2f}", flush=True)
            growth = ((large["jsonl"]["a_rss"] - small["jsonl"]["a_rss"]) * 1024
                      / (large["n"] - small["n"]))
            out["rss_growth_kb_per_jsonl_case"] = growth
            print(f"  peak RSS growth, one JSONL file: {growth:.2f} KB per case "
                  f"(N={small['n']:,} → {large['n']:,})", flush=True)
        real = {}
        for name in ("2021", "real"):
            folder = ROOT / "cases" / name
            count = len(list(folder.rglob("*.toml")))
            r = paired(_score_cmd(folder), [sys.executable, "-c", TOML_FLOOR, str(folder)], repeat)
            real[name] = {**r, "files": count}
            print(f"  cases/{name} ({count} files): evalengine {r['a']:.3f} CPU s (start-up "
                  f"included), tomllib floor {r['b']:.3f} s", flush=True)
        out["real"] = real

        # in process: after the whole commands, whose peak RSS would otherwise include
        # this process's (a child's ru_maxrss counts what it was forked from)
        tree, jsonl = work_path / "stage-toml", work_path / "stage.jsonl"
        write_toml_tree(tree, args.stage_n)
        write_jsonl(jsonl, args.stage_n)
        toml_files = sorted(tree.rglob("*.toml"))
        columns = {"TOML": {**stages(toml_files, repeat), **pipeline(toml_files, repeat)},
                   "JSONL": {**stages([jsonl], repeat), **pipeline([jsonl], repeat)}}
        for name in ("2021", "real"):
            files = sorted((ROOT / "cases" / name).rglob("*.toml"))
            columns[f"cases/{name}"] = {**stages(files, max(repeat, 5) * 4),
                                        **pipeline(files, max(repeat, 5) * 4)}
        out["stages"] = columns
        out["held_bytes_per_case"] = held_per_case([jsonl])
        print_stages(f"stages, {args.stage_n:,} generated cases and the real ones", columns)
        print(f"  memory held per case to the end of its file: "
              f"{out['held_bytes_per_case'] / 1024:.2f} KB", flush=True)

    print("\ntargets:")
    toml = out["end_to_end"][-1]["toml"]
    lines = out["end_to_end"][-1]["jsonl"]
    stage = columns["TOML"]
    verdicts = [
        (f"end to end ≥ {TARGETS['toml_ratio']} × the tomllib rate", f"{toml['ratio']:.2f}",
         toml["ratio"] >= TARGETS["toml_ratio"]),
        (f"JSONL ≥ {TARGETS['jsonl_rate']:,} cases/s", f"{lines['rate']:.0f}/s",
         lines["rate"] >= TARGETS["jsonl_rate"]),
        (f"xlsx ≤ {TARGETS['xlsx_ms']} ms per case", f"{stage['xlsx']:.2f} ms",
         stage["xlsx"] <= TARGETS["xlsx_ms"]),
        (f"human ≤ {TARGETS['human_ms']} ms per case", f"{stage['human']:.2f} ms",
         stage["human"] <= TARGETS["human_ms"]),
    ]
    if "jobs" in out:
        j = out["jobs"]
        verdicts.append((f"--jobs 2 ≥ {TARGETS['speedup']}× --jobs 1 (an idle machine)",
                         f"{j['speedup']:.2f}× at load {j['load_before']:.1f}",
                         j["speedup"] >= TARGETS["speedup"]))
    for name, value, ok in verdicts:
        print(f"  [{'met' if ok else 'NOT met'}] {name}: {value}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False, default=str) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
