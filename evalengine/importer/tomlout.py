"""A small TOML writer for case files: exactly the case format's shapes, nothing more.

Tables in the case format's order, fields in the model's order, defaults left out (as
:func:`evalengine.loader.unstructure` does), strings as TOML basic strings with every
control character escaped, ``Decimal`` as a TOML number with its digits kept (``0.00``
stays ``0.00``; tomllib with ``parse_float=Decimal`` reads back the same value), arrays of
tables for ``funds.rows``, ``indicators`` and ``ignore``.  Comment lines (the importer's
notes) go at the top.  The round trip ``parse_document(tomllib.loads(dumps(case),
parse_float=Decimal)) == case`` holds for every case whose strings are valid Unicode text
(no lone surrogates: TOML cannot hold them, and :func:`dumps` refuses them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from ..model import Case, Review, Unread

__all__ = ["CASE_SEPARATOR", "dumps", "split_cases", "toml_string"]

# The line between two cases printed one after another (``evalengine import`` without
# ``--out``); a TOML comment, so one case alone is still a valid case file.
CASE_SEPARATOR = "# ==== evalengine case ===="


def split_cases(data: bytes) -> list[bytes]:
    """The case documents of ``data``, split at lines that are exactly the separator."""
    mark = CASE_SEPARATOR.encode("ascii")
    parts, current = [], []
    for line in data.splitlines(keepends=True):
        if line.rstrip(b"\r\n") == mark:
            parts.append(b"".join(current))
            current = []
        else:
            current.append(line)
    parts.append(b"".join(current))
    return parts

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_SURROGATE = re.compile("[\ud800-\udfff]")


def toml_string(value: str) -> str:
    if _SURROGATE.search(value):
        raise ValueError("text with a lone surrogate cannot be written as TOML")

    def escape(m: re.Match[str]) -> str:
        c = m.group()
        return _ESCAPES.get(c) or f"\\u{ord(c):04X}"

    return '"' + _NEEDS_ESCAPE.sub(escape, value) + '"'


def _number(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    text = str(value)
    if "E" in text:
        mantissa, _, exponent = text.partition("E")
        text = f"{mantissa}e{exponent}"
    return text


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, Unread):  # unread = { actual = "cut" }
        return "{ " + ", ".join(f"{k} = {toml_string(r)}" for k, r in value) + " }"
    if isinstance(value, Review):  # review = { code = "few-cells", placed = 3, … } or its text
        if not value.code:
            return toml_string(value.text)
        return "{ " + ", ".join([f"code = {toml_string(value.code)}",
                                 *(f"{k} = {_number(v)}" for k, v in value.values)]) + " }"
    if isinstance(value, tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_default(field: attrs.Attribute, value: Any) -> bool:
    return field.default is not attrs.NOTHING and value == field.default and (
        type(value) is type(field.default) or value is None
    )


def _scalars(record: Any) -> tuple[list[str], list[tuple[str, tuple[Any, ...]]]]:
    lines: list[str] = []
    arrays: list[tuple[str, tuple[Any, ...]]] = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, tuple) and value and attrs.has(type(value[0])):
            arrays.append((field.name, value))
            continue
        if _is_default(field, value) or value is None:
            continue
        lines.append(f"{field.name} = {_value(value)}")
    return lines, arrays


def _table(name: str, record: Any, *, always: bool = False) -> list[str]:
    lines, arrays = _scalars(record)
    out: list[str] = []
    if lines or always:
        out.append(f"[{name}]")
        out.extend(lines)
        out.append("")
    for sub, items in arrays:
        for item in items:
            out.append(f"[[{name}.{sub}]]")
            out.extend(_scalars(item)[0])
            out.append("")
    return out


def _comment(text: str) -> str:
    return "# " + re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", " ", text) if text else "#"


def dumps(case: Case, comments: Iterable[str] = ()) -> str:
    out = [_comment(c) for c in comments]
    if out:
        out.append("")
    out.extend(_table("project", case.project, always=True))
    for name in ("funds", "goal"):
        record = getattr(case, name)
        if record != type(record)():
            out.extend(_table(name, record, always=True))
    for name, items in (("indicators", case.indicators),):
        for item in items:
            out.append(f"[[{name}]]")
            out.extend(_scalars(item)[0])
            out.append("")
    if case.narrative != type(case.narrative)():
        out.extend(_table("narrative", case.narrative, always=True))
    for item in case.ignore:
        out.append("[[ignore]]")
        out.extend(_scalars(item)[0])
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
