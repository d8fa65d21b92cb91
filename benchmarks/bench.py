"""How fast and how lean `evalengine score` is, against the floor of merely parsing its input.

    python benchmarks/bench.py               # N = 1,000, 10,000 and 100,000 (takes a while)
    python benchmarks/bench.py --quick       # N = 1,000 only
    python benchmarks/bench.py --n 5000 20000 --json results.json

For each N it generates N synthetic cases (benchmarks/generate.py: 10–25 indicators of mixed
kinds, 100 cases and a department file per folder) as TOML files and as one JSONL file in a
temporary folder, then runs, each in a fresh subprocess with its output sent to /dev/null:

* ``evalengine score DIR --format jsonl`` (one process), against a subprocess that only
  reads and ``tomllib``-parses the same files (the floor), and their ratio;
* the same for the JSONL file, against ``json.loads(line, parse_float=Decimal)`` per line
  (what the loader must do at the least);
* the peak RSS of each run (``os.wait4`` → the child's ``ru_maxrss``, which takes in the
  worker processes it reaped);
* ``--jobs 2`` against ``--jobs 1`` (on the TOML tree of the largest N ≤ --jobs-max-n);
* start-up: ``evalengine --help`` against ``python -c pass``, median of several runs.

Children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed), as an
installed package runs; a first run warms the cache.  This is a measurement, not a test: it
never fails on a slow machine, it prints the targets and whether each was met.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_jsonl, write_toml_tree

ROOT = Path(__file__).resolve().parent.parent

TOML_FLOOR = """
import sys, tomllib
from decimal import Decimal
from pathlib import Path
n = 0
for path in sorted(p for p in Path(sys.argv[1]).rglob("*.toml")):
    tomllib.loads(path.read_bytes().decode("utf-8-sig"), parse_float=Decimal)
    n += 1
print(n)
"""

JSON_FLOOR = """
import json, sys
from decimal import Decimal
n = 0
with open(sys.argv[1], "rb") as handle:
    for line in handle:
        if line.strip():
            json.loads(line, parse_float=Decimal)
            n += 1
print(n)
"""

TARGETS = {
    "ratio": 0.5,  # end to end ≥ half the bare-tomllib rate, one process
    "jsonl_rate": 10_000,  # cases/s from JSONL, one process
    "speedup": 1.7,  # --jobs 2 over --jobs 1
    "rss_mb_100k": 300,  # peak RSS at 100,000 cases
    "startup_ms": 200,  # evalengine --help
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def _evalengine() -> list[str]:
    return [sys.executable, "-m", "evalengine"]


def run(cmd: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit status) of one child, output discarded."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, child.returncode


def best(cmd: list[str], repeat: int) -> tuple[float, float]:
    """Fastest of ``repeat`` runs (seconds), and the largest peak RSS (MB)."""
    times, peaks = [], []
    for _ in range(repeat):
        seconds, peak, status = run(cmd)
        if status not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {status}")
        times.append(seconds)
        peaks.append(peak)
    return min(times), max(peaks)


def startup(runs: int) -> dict[str, float]:
    script = shutil.which("evalengine", path=str(Path(sys.executable).parent))
    command = [script, "--help"] if script else [*_evalengine(), "--help"]
    run(command)  # warm the bytecode cache
    ours = statistics.median(run(command)[0] for _ in range(runs)) * 1000
    bare = statistics.median(run([sys.executable, "-c", "pass"])[0] for _ in range(runs)) * 1000
    return {"evalengine_help_ms": round(ours, 1), "python_pass_ms": round(bare, 1),
            "overhead_ms": round(ours - bare, 1), "command": " ".join(command)}


def measure(n: int, work: Path, repeat: int, jobs_n: int | None) -> dict:
    tree, jsonl = work / f"toml-{n}", work / f"jsonl-{n}" / "cases.jsonl"
    started = time.perf_counter()
    write_toml_tree(tree, n)
    write_jsonl(jsonl, n)
    generated = time.perf_counter() - started
    print(f"  N={n:,}: generated in {generated:.1f}s ({_size(tree)} TOML, {_size(jsonl)} JSONL)",
          flush=True)
    run([*_evalengine(), "score", str(work / "none"), "--format", "jsonl"])  # warm caches

    result: dict = {"n": n}
    for key, label, floor_name, floor_code, path in (
            ("toml", "TOML ", "tomllib floor", TOML_FLOOR, tree),
            ("jsonl", "JSONL", "json.loads floor", JSON_FLOOR, jsonl)):
        floor, floor_rss = best([sys.executable, "-c", floor_code, str(path)], repeat)
        ours, rss = best([*_evalengine(), "score", str(path), "--format", "jsonl", "--no-progress"],
                         repeat)
        result[key] = {"floor_s": floor, "floor_rate": n / floor, "score_s": ours,
                       "score_rate": n / ours, "ratio": floor / ours, "peak_rss_mb": rss,
                       "floor_peak_rss_mb": floor_rss}
        print(f"    {label}: evalengine {n / ours:8.0f} cases/s  {floor_name} {n / floor:8.0f}/s  "
              f"ratio {floor / ours:.2f}  peak RSS {rss:.0f} MB", flush=True)
    if jobs_n is not None and n == jobs_n:
        # alternate the two, so that a slow spell of the machine hits both alike
        ones, twos, rss2 = [], [], 0.0
        for _ in range(repeat):
            for jobs, times in (("1", ones), ("2", twos)):
                seconds, peak, _ = run([*_evalengine(), "score", str(tree), "--format", "jsonl",
                                        "--jobs", jobs, "--no-progress"])
                times.append(seconds)
                if jobs == "2":
                    rss2 = max(rss2, peak)
        one, two = min(ones), min(twos)
        result["jobs"] = {"jobs1_s": one, "jobs2_s": two, "speedup": one / two,
                          "jobs2_peak_rss_mb": rss2}
        print(f"    --jobs 2: {n / two:.0f} cases/s vs --jobs 1 {n / one:.0f}/s: "
              f"speed-up {one / two:.2f}x  peak RSS {rss2:.0f} MB", flush=True)
    shutil.rmtree(tree)
    shutil.rmtree(jsonl.parent)
    return result


def _size(path: Path) -> str:
    total = path.stat().st_size if path.is_file() else sum(
        p.stat().st_size for p in path.rglob("*") if p.is_file())
    return f"{total / 1e6:.1f} MB"


def verdicts(results: list[dict], start: dict) -> list[tuple[str, str, bool | None]]:
    out = []
    for r in results:
        n = r["n"]
        out.append((f"N={n:,} end-to-end ≥ {TARGETS['ratio']} × tomllib rate",
                    f"{r['toml']['ratio']:.2f}", r["toml"]["ratio"] >= TARGETS["ratio"]))
        out.append((f"N={n:,} JSONL ≥ {TARGETS['jsonl_rate']:,} cases/s",
                    f"{r['jsonl']['score_rate']:.0f}/s", r["jsonl"]["score_rate"] >= TARGETS["jsonl_rate"]))
        if "jobs" in r:
            out.append((f"N={n:,} --jobs 2 ≥ {TARGETS['speedup']}× --jobs 1",
                        f"{r['jobs']['speedup']:.2f}×", r["jobs"]["speedup"] >= TARGETS["speedup"]))
        if n >= 100_000:
            peak = max(r["toml"]["peak_rss_mb"], r["jsonl"]["peak_rss_mb"])
            out.append((f"N={n:,} peak RSS < {TARGETS['rss_mb_100k']} MB", f"{peak:.0f} MB",
                        peak < TARGETS["rss_mb_100k"]))
    out.append((f"start-up < {TARGETS['startup_ms']} ms", (f"{start['evalengine_help_ms']:.0f} ms "
                f"(python -c pass {start['python_pass_ms']:.0f} ms)"),
                start["evalengine_help_ms"] < TARGETS["startup_ms"]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 1,000 only")
    parser.add_argument("--n", type=int, nargs="+", help="the Ns to run (default 1000 10000 100000)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="runs per measurement, the fastest kept (default 3 for N ≤ 1,000, 2 for "
                             "N ≤ 10,000, else 1)")
    parser.add_argument("--jobs-max-n", type=int, default=10_000,
                        help="compare --jobs 2 with --jobs 1 at the largest N up to this")
    parser.add_argument("--startup-runs", type=int, default=15)
    parser.add_argument("--dir", type=Path, help="work here instead of a temporary folder")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    ns = [1000] if args.quick else (args.n or [1000, 10_000, 100_000])
    eligible = [n for n in ns if n <= args.jobs_max_n]
    jobs_n = max(eligible) if eligible else None

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    machine = {"python": platform.python_version(), "platform": platform.platform(),
               "processor": platform.processor() or platform.machine(), "cpus": cpus}
    print(f"machine: {machine['platform']}, {cpus} CPUs, Python {machine['python']}", flush=True)
    results = []
    work = args.dir or Path(tempfile.mkdtemp(prefix="evalengine-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for n in ns:
            repeat = args.repeat or (3 if n <= 1_000 else 2 if n <= 10_000 else 1)
            results.append(measure(n, work, repeat, jobs_n))
        start = startup(args.startup_runs)
        print(f"  start-up: evalengine --help {start['evalengine_help_ms']:.0f} ms, "
              f"python -c pass {start['python_pass_ms']:.0f} ms "
              f"(+{start['overhead_ms']:.0f} ms)", flush=True)
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    print("\ntargets:")
    for name, value, ok in verdicts(results, start):
        print(f"  [{'met' if ok else 'NOT met'}] {name}: {value}")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "results": results, "startup": start},
                                        indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
