"""``--format csv``: a table for a spreadsheet — one row per project (``--csv projects``, the
default) or one row per finding, projects' and departments' (``--csv findings``).

UTF-8 with a byte-order mark, so that Excel opens the Chinese correctly; headers in Chinese
(English with ``--lang en``); rows end in CRLF as RFC 4180 has them.  Figures are the same
strings as in the JSON report (two decimals, rounded once); an absent figure is an empty
cell.  Load failures are not rows (failures are reported on stderr).

Text from the cases is untrusted and Excel runs a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (CSV injection).  As OWASP advises, such a
text cell is written with a leading apostrophe (``'=1+1``), which Excel shows as text and
does not print; the figures columns are numbers and stay as they are (``-5.00``).  Control
characters in text cells are shown as escapes (``\\x1b``), as on the terminal.
"""

from __future__ import annotations

import csv
import io
from typing import IO, Any

from ..report import Summary
from .data import (
    FINDING_COLUMNS,
    NUMERIC_PROJECT_COLUMNS,
    PROJECT_COLUMNS,
    finding_rows,
    project_row,
)
from .formats import Options, RunInfo
from .labels import label
from .records import Record
from .terminal import clean

__all__ = ["BOM", "Writer", "encode", "header", "neutralise"]

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A text cell Excel will not evaluate (OWASP, "CSV Injection"), its control characters
    shown as escapes (the table is printed to a terminal when there is no ``-o``)."""
    value = clean(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def _row(values: list[Any], numeric: tuple[bool, ...] = ()) -> str:
    cells = []
    for index, value in enumerate(values):
        if value is None:
            value = ""
        elif isinstance(value, str) and not (index < len(numeric) and numeric[index]):
            value = neutralise(value)
        cells.append(value)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


def _columns(options: Options) -> tuple[tuple[str, str], ...]:
    return FINDING_COLUMNS if options.csv_table == "findings" else PROJECT_COLUMNS


def header(options: Options) -> list[str]:
    return [label(key, options.lang) for _, key in _columns(options)]


_PROJECT_NUMERIC = tuple(key in NUMERIC_PROJECT_COLUMNS for key, _ in PROJECT_COLUMNS)


def encode(kind: str, record: Record, options: Options) -> str | None:
    if options.csv_table == "findings":
        if kind == "failure":
            return None
        rows = finding_rows(kind, record, options.lang)
        return "".join(_row([row[key] for key, _ in FINDING_COLUMNS]) for row in rows) or None
    if kind != "project":
        return None
    row = project_row(record, options.lang)
    return _row([row[key] for key, _ in PROJECT_COLUMNS], _PROJECT_NUMERIC)


class Writer:
    def __init__(self, out: IO[str], options: Options, info: RunInfo):
        self.out = out
        out.write(BOM + _row(header(options)))

    def add(self, kind: str, payload: str | None) -> None:
        if payload is not None:
            self.out.write(payload)

    def finish(self, summary: Summary) -> None:
        pass
