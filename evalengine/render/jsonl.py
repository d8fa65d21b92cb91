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
from .json import ByteSink, dumps_bytes
from .records import Record, as_data

__all__ = ["Writer", "encode"]


def _line(data: dict[str, Any]) -> bytes | str:
    line = dumps_bytes(data)
    return line + (b"\n" if line.__class__ is bytes else "\n")


def encode(kind: str, record: Record, options: Options) -> bytes | str:
    """One line: UTF-8 bytes (str in the rare case orjson refuses the data, see
    :func:`~evalengine.render.json.dumps_bytes`)."""
    return _line({"type": kind, **as_data(record)})


class Writer:
    """Writes each line as it comes (:class:`~evalengine.render.json.ByteSink`: the bytes
    orjson made, unless ``out`` would write them otherwise)."""

    def __init__(self, out: IO[str], options: Options, info: RunInfo):
        self.out = ByteSink(out)
        header = {"type": "report", "schema": SCHEMA}
        if info.version:
            header["generator"] = f"evalengine {info.version}"
        self.out.write(_line(header))

    def add(self, kind: str, payload: bytes | str) -> None:
        self.out.write(payload)

    def finish(self, summary: Summary) -> None:
        self.out.write(_line({"type": "summary", **summary_record(summary)}))
