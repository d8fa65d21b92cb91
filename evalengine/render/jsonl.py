"""``--format jsonl``: one JSON object per line, written as results stream.

The first line is ``{"type": "report", "schema": …}``; then one line per project
(``"type": "project"``), load failure (``"failure"``) and department (``"department"``), each
the same record as in the JSON report with ``type`` in front; the last line is the summary
(``"type": "summary"``).  docs/report-format.md describes each record.
"""

from __future__ import annotations

import codecs
import os
from typing import IO, Any

from ..report import Summary
from .data import SCHEMA, summary_record
from .formats import Options, RunInfo
from .json import dumps, dumps_bytes
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
    """Writes the lines to ``out``'s own byte stream when it has one that takes UTF-8 as
    ``out`` would (a file or standard output in UTF-8, no newline translation), else to
    ``out`` as text: the same bytes either way."""

    def __init__(self, out: IO[str], options: Options, info: RunInfo):
        self.out = out
        self.raw = _raw(out)
        header = {"type": "report", "schema": SCHEMA}
        if info.version:
            header["generator"] = f"evalengine {info.version}"
        self.add("report", _line(header))

    def add(self, kind: str, payload: bytes | str) -> None:
        if self.raw is None:
            self.out.write(payload if payload.__class__ is str else payload.decode())
        elif payload.__class__ is bytes:
            self.raw.write(payload)
        else:  # encoded as the text stream would have
            self.raw.write(payload.encode(self.out.encoding, self.out.errors or "strict"))

    def finish(self, summary: Summary) -> None:
        self.add("summary", _line({"type": "summary", **summary_record(summary)}))


def _raw(out: IO[str]) -> IO[bytes] | None:
    """``out``'s byte stream, flushed so that what follows lands after what was written as
    text; None when writing to it would differ from writing text to ``out``."""
    raw = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if raw is None or not encoding or os.linesep != "\n":
        return None
    try:
        if codecs.lookup(encoding).name != "utf-8":
            return None
    except LookupError:
        return None
    out.flush()
    return raw
