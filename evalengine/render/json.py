"""``--format json``: the whole report as one JSON document (docs/report-format.md,
docs/report-schema.json).

The document is written as it streams: each project as soon as it is scored, departments
and load failures (kept in a spool meanwhile) after them, the summary last.  The bytes are
exactly those of ``json.dumps(document, ensure_ascii=False, indent=2)``.
"""

from __future__ import annotations

import io
import json
from typing import IO, Any

import orjson

from ..i18n import Lang
from ..report import Report, Summary
from .data import SCHEMA, summary_record
from .formats import Options, RunInfo, Spool, render_report
from .records import Record, as_data

__all__ = ["Writer", "dumps", "dumps_bytes", "encode", "render_json"]

_ITEM = "\n    "  # a list item inside the top-level object, as indent=2 places it


def dumps(data: Any, indent: bool = False) -> str:
    """``json.dumps(data, ensure_ascii=False)`` with ``indent=2``, or compact with
    ``separators=(",", ":")``: the same text, made by orjson (~10× faster).  What orjson
    refuses (a lone surrogate in a file name, an integer beyond 64 bits) goes to json."""
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent else 0).decode()
    except TypeError:  # orjson.JSONEncodeError
        if indent:
            return json.dumps(data, ensure_ascii=False, indent=2)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def dumps_bytes(data: Any) -> bytes | str:
    """:func:`dumps` (compact) as orjson's UTF-8 bytes, not decoded to be encoded again by
    the writer (a generated case's line is ~20 KB of mostly CJK text: the round trip cost
    about as much as making the line); what orjson refuses is json's text, as before, which
    the writer encodes as its stream would (a lone surrogate: as the stream's errors say)."""
    try:
        return orjson.dumps(data)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def encode(kind: str, record: Record, options: Options) -> str:
    """One record as it sits in its list: indented two levels."""
    return dumps(as_data(record), indent=True).replace("\n", _ITEM)


class Writer:
    def __init__(self, out: IO[str], options: Options, info: RunInfo):
        self.out = out
        self.projects = 0
        self.departments = Spool()
        self.failures = Spool()
        out.write('{\n  "schema": ' + json.dumps(SCHEMA) + ',\n  "projects": [')

    def add(self, kind: str, payload: str) -> None:
        if kind == "project":
            self.out.write(("," if self.projects else "") + _ITEM + payload)
            self.projects += 1
        else:
            spool = self.departments if kind == "department" else self.failures
            spool.write(("," if spool.count else "") + _ITEM + payload)

    def _close_list(self, count: int) -> None:
        self.out.write("\n  ]" if count else "]")

    def finish(self, summary: Summary) -> None:
        out = self.out
        self._close_list(self.projects)
        for key, spool in (("departments", self.departments), ("failures", self.failures)):
            out.write(f',\n  "{key}": [')
            spool.copy_to(out)
            self._close_list(spool.count)
            spool.close()
        body = dumps(summary_record(summary), indent=True)
        out.write(',\n  "summary": ' + body.replace("\n", "\n  ") + "\n}\n")


def render_json(report: Report, lang: Lang = "zh") -> str:
    out = io.StringIO()
    render_report(report, "json", out, Options(lang=lang))
    return out.getvalue()
