"""How fast `evalengine import` reads each file format (needs the test extras: xlwt, odfpy,
python-docx, reportlab).

    python benchmarks/import_formats.py            # every case of cases/, 5 copies each
    python benchmarks/import_formats.py --copies 20

For each format it writes every case of ``cases/2021`` and ``cases/real`` as that format
(``tests/formkit.py``, the writers the round-trip tests use) ``--copies`` times into a
temporary folder, then runs ``evalengine import FOLDER --out OUT`` once in a fresh
subprocess and reports files per second and the child's peak RSS.  A measurement, not a
test: it never fails on a slow machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from formkit import grid_of, write_docx, write_html, write_ods, write_pdf, write_xls, xlsx_bytes

from evalengine.loader import load_paths
from evalengine.model import Case

WRITERS = {
    "xlsx": lambda g, c, p: p.write_bytes(xlsx_bytes([c])),
    "xls": lambda g, c, p: write_xls(g, p),
    "ods": lambda g, c, p: write_ods(g, p),
    "docx": lambda g, c, p: write_docx(g, p),
    "html": lambda g, c, p: p.write_bytes(write_html(g, encoding="gbk")),
    "pdf": lambda g, c, p: write_pdf(g, p),
    "pdf-unruled": lambda g, c, p: write_pdf(g.without_vertical_merges(), p, ruled=False),
}
SUFFIX = {"pdf-unruled": "pdf"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=5)
    args = parser.parse_args()
    cases = [r.document for r in load_paths([ROOT / "cases"]) if isinstance(r.document, Case)]
    print(f"{len(cases)} cases × {args.copies} copies per format")
    for kind, write in WRITERS.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for i, case in enumerate(cases):
                grid = grid_of([case])
                first = folder / f"{i:03}-0.{SUFFIX.get(kind, kind)}"
                write(grid, case, first)
                for copy in range(1, args.copies):
                    (folder / f"{i:03}-{copy}.{SUFFIX.get(kind, kind)}").write_bytes(first.read_bytes())
            n = len(list(folder.iterdir()))
            started = time.perf_counter()
            child = subprocess.Popen([sys.executable, "-m", "evalengine", "import", str(folder),
                                      "--out", str(Path(tmp) / "out"), "--no-progress"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            elapsed = time.perf_counter() - started
            print(f"{kind:12} {n:5} files  {n / elapsed:7.1f} files/s  "
                  f"{1000 * elapsed / n:6.1f} ms/file  peak RSS {usage.ru_maxrss / 1024:5.0f} MB  "
                  f"exit {os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    main()
