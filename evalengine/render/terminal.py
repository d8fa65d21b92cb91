"""Text bound for a terminal, made inert.

A case file is untrusted: its names, targets, key names and even its file name may hold ESC,
OSC or CSI sequences (clear the screen, retitle the window, print a fake "0 errors"), other
C0/C1 control characters (a carriage return that overwrites the line) or bidirectional
overrides (text that reads backwards).  Everything the terminal formats print passes through
:func:`clean`, which shows each such character as a visible escape (``\\x1b``, ``\\u202e``);
newlines and tabs stay.  :class:`SafeConsole` applies it to every string or Text printed, as a
safety net under the records cleaned at the source (:func:`clean_data`), which keeps tables
measured on what is finally shown.

rich is imported when :class:`SafeConsole` is first asked for: the writers of files (json,
jsonl, csv, xlsx …) and the one line said after ``-o FILE`` need only :func:`clean`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs
import orjson

__all__ = ["SafeConsole", "clean", "clean_data"]

# C0 but tab and newline, DEL, C1, and the bidi embeddings, overrides, isolates and marks
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(value: str) -> str:
    """``value`` with every control or bidi-override character shown as an escape."""
    return _CONTROL.sub(_escape, value)


# the same characters in orjson's UTF-8 (C0 comes escaped: \\u00XX, \\b, \\f, \\r)
_CONTROL_JSON = re.compile(rb"\\u00|\\[bfr]|\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xaa-\xae]"
                           rb"|\xe2\x81[\xa6-\xa9]")


def clean_data(value: Any) -> Any:
    """Every string in a record (:mod:`evalengine.render.records`) or plain data (dicts,
    lists, tuples) cleaned; other values as they are."""
    if attrs.has(type(value)):
        # one search of its strings run together: nearly always nothing to clean
        if not _CONTROL.search("\n".join(_strings(value))):
            return value
    elif isinstance(value, dict):
        try:  # one search of the data as JSON: nearly always nothing to clean
            if not _CONTROL_JSON.search(orjson.dumps(value)):
                return value
        except TypeError:  # not JSON (a lone surrogate …): walked
            pass
    return _clean_data(value)


def _strings(value: Any) -> list[str]:
    """The strings in a record, its findings' words included."""
    from .records import FindingRecord  # once a record, not once a value of it

    out: list[str] = []
    _collect(value, FindingRecord, out)
    return out


def _collect(value: Any, finding: type, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, finding):
        out.extend((value.code, value.file, value.path, value.message, *value.evidence))
    elif isinstance(value, tuple):
        for item in value:
            _collect(item, finding, out)
    elif attrs.has(type(value)):
        for name in _text_fields(type(value)):
            _collect(getattr(value, name), finding, out)


@functools.cache
def _text_fields(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls)
                 if str(field.type) not in _NO_TEXT)


_NO_TEXT = {"bool", "int", "int | None", str(bool), str(int), str(int | None)}


def _clean_data(value: Any) -> Any:
    from .records import FindingRecord

    if isinstance(value, str):
        return clean(value)
    if isinstance(value, FindingRecord):  # its words, not the finding's values
        return FindingRecord(clean(value.code), value.severity, clean(value.file),
                             clean(value.path), None, value.lang, clean(value.message),
                             (clean(value.expected), clean(value.found)))
    if attrs.has(type(value)):
        return attrs.evolve(value, **{field.alias: _clean_data(getattr(value, field.name))
                                      for field in attrs.fields(type(value)) if field.init})
    if isinstance(value, dict):
        return {_clean_data(k): _clean_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_clean_data(v) for v in value)
    return value


def _safe_console() -> type:
    from rich.console import Console
    from rich.segment import Segment
    from rich.text import Text

    def _clean_renderable(item: Any) -> Any:
        if isinstance(item, str):
            return clean(item)
        if isinstance(item, Text) and _CONTROL.search(item.plain):
            return Text(clean(item.plain), style=item.style)
        return item

    class SafeConsole(Console):
        """A rich Console that never sends a control character it was given as text.

        ``print`` cleans the strings and Texts it is handed (so they are measured as shown);
        the text of every segment is cleaned again just before it is written, whatever
        renderable it came from (a table cell, a panel title), so no path from data to the
        terminal is left open.  Rich's own styles and control segments (cursor moves of a
        live display) are written as rich makes them.
        """

        def print(self, *objects: Any, **kwargs: Any) -> None:  # noqa: A003 - rich's name
            super().print(*(_clean_renderable(o) for o in objects), **kwargs)

        def _render_buffer(self, buffer: Any) -> str:  # rich's hook between segments and output
            return super()._render_buffer(
                segment if segment.control else Segment(clean(segment.text), segment.style)
                for segment in buffer)

    SafeConsole.__module__, SafeConsole.__qualname__ = __name__, "SafeConsole"
    return SafeConsole


def __getattr__(name: str) -> Any:
    if name == "SafeConsole":  # made (and rich imported) on first use, then a module attribute
        cls = globals()["SafeConsole"] = _safe_console()
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
