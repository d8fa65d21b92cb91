"""``--format csv``: one row per project, for a spreadsheet.

UTF-8 with a byte-order mark, so that Excel opens the Chinese correctly; headers in Chinese
(English with ``--lang en``); rows end in CRLF as RFC 4180 has them.  Figures are the same
strings as in the JSON report (two decimals, rounded once); an absent figure is an empty
cell.  Departments and load failures are not rows (failures are reported on stderr).
"""

from __future__ import annotations

import csv
import io
from typing import IO, Any

from ..report import Summary
from .data import PROJECT_COLUMNS, project_row
from .formats import Options, RunInfo
from .labels import label

__all__ = ["BOM", "Writer", "encode", "header"]

BOM = "\ufeff"


def _row(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(["" if v is None else v for v in values])
    return buffer.getvalue()


def header(options: Options) -> list[str]:
    return [label(key, options.lang) for _, key in PROJECT_COLUMNS]


def encode(kind: str, record: dict[str, Any], options: Options) -> str | None:
    if kind != "project":
        return None
    row = project_row(record, options.lang)
    return _row([row[key] for key, _ in PROJECT_COLUMNS])


class Writer:
    def __init__(self, out: IO[str], options: Options, info: RunInfo):
        self.out = out
        out.write(BOM + _row(header(options)))

    def add(self, kind: str, payload: str | None) -> None:
        if payload is not None:
            self.out.write(payload)

    def finish(self, summary: Summary) -> None:
        pass
