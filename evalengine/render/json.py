"""``--format json``: the whole report as one JSON document (docs/report-format.md,
docs/report-schema.json).

The document is written as it streams: each project as soon as it is scored, departments
and load failures (kept in a spool meanwhile) after them, the summary last.  The bytes are
exactly those of ``json.dumps(document, ensure_ascii=False, indent=2)``.
"""

from __future__ import annotations

import codecs
import io
import json
import os
from typing import IO, Any

import orjson

from ..i18n import Lang
from ..report import Report, Summary
from .data import SCHEMA, summary_record
from .formats import Options, RunInfo, Spool, render_report
from .records import Record, as_data

__all__ = ["ByteSink", "Writer", "dumps", "dumps_bytes", "encode", "render_json"]

_ITEM = "\n    "  # a list item inside the top-level object, as indent=2 places it
_ITEM_BYTES = _ITEM.encode()


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


def encode(kind: str, record: Record, options: Options) -> bytes | str:
    """One record as it sits in its list, indented two levels: orjson's UTF-8 bytes (json's
    text where orjson refuses the data, as :func:`dumps`)."""
    data = as_data(record)
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).replace(b"\n", _ITEM_BYTES)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", _ITEM)


class ByteSink:
    """Pieces written to the text stream ``out``: UTF-8 bytes go to ``out``'s own byte
    stream when it has one that takes UTF-8 as ``out`` would (a file or standard output in
    UTF-8, no newline translation), not decoded to be encoded again (a generated case's
    piece is ~20 KB of mostly CJK text: the round trip cost about as much as making it);
    otherwise, and for text, as ``out`` writes text.  The same bytes either way."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.raw = _raw(out)

    def write(self, piece: bytes | str) -> None:
        if self.raw is None:
            self.out.write(piece if piece.__class__ is str else piece.decode())
        elif piece.__class__ is bytes:
            self.raw.write(piece)
        else:  # encoded as the text stream would have
            self.raw.write(piece.encode(self.out.encoding, self.out.errors or "strict"))

    def copy(self, spool: Spool) -> None:
        """A spool's text, written as text (then flushed, so what follows comes after it)."""
        spool.copy_to(self.out)
        if self.raw is not None:
            self.out.flush()


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


class Writer:
    def __init__(self, out: IO[str], options: Options, info: RunInfo):
        self.out = ByteSink(out)
        self.projects = 0
        self.departments = Spool()
        self.failures = Spool()
        self.out.write('{\n  "schema": ' + json.dumps(SCHEMA) + ',\n  "projects": [')

    def add(self, kind: str, payload: bytes | str) -> None:
        if kind == "project":
            self.out.write(("," if self.projects else "") + _ITEM)
            self.out.write(payload)
            self.projects += 1
        else:
            spool = self.departments if kind == "department" else self.failures
            text = payload if payload.__class__ is str else payload.decode()
            spool.write(("," if spool.count else "") + _ITEM + text)

    def _close_list(self, count: int) -> None:
        self.out.write("\n  ]" if count else "]")

    def finish(self, summary: Summary) -> None:
        out = self.out
        self._close_list(self.projects)
        for key, spool in (("departments", self.departments), ("failures", self.failures)):
            out.write(f',\n  "{key}": [')
            out.copy(spool)
            self._close_list(spool.count)
            spool.close()
        body = dumps(summary_record(summary), indent=True)
        out.write(',\n  "summary": ' + body.replace("\n", "\n  ") + "\n}\n")


def render_json(report: Report, lang: Lang = "zh") -> str:
    out = io.StringIO()
    render_report(report, "json", out, Options(lang=lang))
    return out.getvalue()
