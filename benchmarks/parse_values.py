"""CPU time of the value parser over every indicator cell of cases/real, cases/2021 and the
generated cases (benchmarks/generate.py), uncached (each cell parsed afresh every round).

    python benchmarks/parse_values.py [--generated N] [--rounds R]

Prints the number of cells, then the best of R rounds of ``time.process_time`` per cell in µs.
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import case_data  # noqa: E402

from evalengine import values  # noqa: E402


def _cells(data: dict) -> list[tuple[str, str, str, int | None]]:
    year = data.get("project", {}).get("year")
    out = []
    for row in data.get("indicators", ()):
        operator, unit = row.get("operator", ""), row.get("unit", "")
        out.append((row.get("target", ""), operator, unit, year))
        out.append((row.get("actual", ""), "", unit, year))
    return out


def cells(generated: int) -> list[tuple[str, str, str, int | None]]:
    out = []
    for folder in ("cases/real", "cases/2021"):
        for path in sorted((HERE.parent / folder).rglob("*.toml")):
            out.extend(_cells(tomllib.loads(path.read_text(encoding="utf-8"))))
    for index in range(generated):
        out.extend(_cells(case_data(index)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    work = cells(args.generated)
    parse = getattr(values, "_parse_value_uncached", values.parse_value)
    best = float("inf")
    for _ in range(args.rounds):
        start = time.process_time()
        for text, operator, unit, year in work:
            parse(text, operator=operator, unit=unit, default_year=year)
        best = min(best, time.process_time() - start)
    print(f"cells: {len(work)}")
    print(f"parse_value (uncached): {best / len(work) * 1e6:.1f} µs per cell (best of {args.rounds}, CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
