"""``--format jsonl``: one JSON object per line, written as results stream.

The first line is ``{"type": "report", "schema": …}``; then one line per project
(``"type": "project"``), load failure (``"failure"``) and department (``"department"``), each
the same record as in the JSON report with ``type`` in front; the last line is the summary
(``"type": "summary"``).  docs/report-format.md describes each record.
"""

from __future__ import annotations

from typing import IO, Any

from ..report import Summary
from .data import SCHEMA, summary_record
from .formats import Options, RunInfo
from .json import dumps
from .records import Record, as_data

__all__ = ["Writer", "encode"]


def _line(data: dict[str, Any]) -> str:
    return dumps(data) + "\n"


def encode(kind: str, record: Record, options: Options) -> str:
    return _line({"type": kind, **as_data(record)})


class Writer:
    def __init__(self, out: IO[str], options: Options, info: RunInfo):
        self.out = out
        header = {"type": "report", "schema": SCHEMA}
        if info.version:
            header["generator"] = f"evalengine {info.version}"
        out.write(_line(header))

    def add(self, kind: str, payload: str) -> None:
        self.out.write(payload)

    def finish(self, summary: Summary) -> None:
        self.out.write(_line({"type": "summary", **summary_record(summary)}))
