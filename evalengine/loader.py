"""Reading case files: TOML (one case per file) and JSON Lines (one case per line).

Loading never raises on bad input.  Each document comes back either as a loaded
:class:`~evalengine.model.Case` / :class:`~evalengine.model.Department`, or as a
:class:`LoadFailure` listing every problem at once, each with its key path
(``$.indicators[2].target``), so the user can fix the file in one pass.
"""

from __future__ import annotations

import json
import os
import re
import stat
import typing
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

try:  # the same parser compiled (mypyc): ~2× tomllib's speed, its API, its TOML 1.0 grammar
    import tomli as tomllib
except ImportError:  # pragma: no cover - tomli is a dependency; the standard one does the same
    import tomllib

from .errors import ConfigError, LoadFailure, Problem
from .model import Case, Department, Review, Unread
from .numbers import NumberError, to_decimal
from .provenance import unread_problems
from .review import review_problem

__all__ = [
    "ConfigError",
    "Document",
    "LoadFailure",
    "Loaded",
    "Problem",
    "converter",
    "discover",
    "display_path",
    "is_case_file",
    "load_bytes",
    "load_config",
    "load_file",
    "load_jsonl_range",
    "load_paths",
    "parse_document",
    "parse_json_line",
    "parse_toml_bytes",
    "read_toml",
    "shown_value",
    "unstructure",
]

CASE_SUFFIXES = (".toml", ".jsonl")
# the names of form files a folder walk reads (the importer's inputs: evalengine.importer.inputs)
FORM_SUFFIXES = (".pdf", ".docx", ".doc", ".xlsx", ".xlsm", ".xls", ".ods", ".html", ".htm",
                 ".mhtml", ".mht", ".txt", ".et", ".wps")
YEARS = (1900, 2200)  # a 年度 outside is a typo (and 309 digits would crash a renderer)
MAX_DIGITS = 4000  # a whole number written with more digits is refused by name (Python's own
# limit, 4300, would raise a message without the key or the line)
STDIN = "-"  # a path that means standard input (``score -``)
T = TypeVar("T")


Document = Case | Department


@attrs.frozen
class Loaded:
    location: str
    document: Document


def shown_value(value: Any) -> str:
    """A value as it would be written in TOML, for a problem's detail: "text" quoted,
    numbers as printed (no exponent), true/false, [arrays] and { tables } — never a Python repr."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value, "f") if value.is_finite() else str(value)
        return text
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(shown_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {shown_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return type(value).__name__


_TYPE_WORDS = {"tuple": "array", "list": "array", "dict": "table", "Mapping": "table",
               "str": "text", "Decimal": "number", "int": "integer", "bool": "true/false"}


def _type_word(cls: Any) -> str:
    """A type as a TOML user knows it ("array", "table"), not "<class 'int'>"."""
    if attrs.has(cls):
        return "table"
    name = getattr(getattr(cls, "__origin__", cls), "__name__", None)
    if name is None:
        return "value"
    return _TYPE_WORDS.get(name, name)


class _WrongType(ValueError):
    """A value of the wrong type; args are (expected kind slug, the value)."""


def _structure_decimal(value: Any, _type: type) -> Decimal:
    """Money, percentages and points: strict (see :func:`~evalengine.numbers.to_decimal`)."""
    try:
        return to_decimal(value)
    except NumberError as exc:
        raise _WrongType(exc.kind, value) from None


def _structure_str(value: Any, _type: type) -> str:
    if not isinstance(value, str):
        raise _WrongType("expected-text", value)
    return value


MAX_INT = 10**15  # as for numbers (evalengine.numbers): a whole number beyond it is a typo


def _structure_int(value: Any, _type: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _WrongType("expected-integer", value)
    if abs(value) >= MAX_INT:
        raise _WrongType("number-out-of-range", value)
    return value


def _structure_bool(value: Any, _type: type) -> bool:
    if not isinstance(value, bool):
        raise _WrongType("expected-boolean", value)
    return value


def _structure_unread(value: Any, _type: type) -> Unread:
    """``unread = { field = "reason" }``; the field names and reasons are checked, with the
    record they belong to, by :func:`~evalengine.provenance.unread_problems`."""
    if not isinstance(value, dict):
        raise _WrongType("expected-table", value)
    return Unread(tuple((str(k), v) for k, v in value.items() if isinstance(v, str)))


def _structure_review(value: Any, _type: type) -> Review:
    """``review = "a person's words"`` or ``review = { code = "few-cells", placed = 3, … }``,
    the importer's reason as data (:mod:`evalengine.review`)."""
    if isinstance(value, str):
        return Review(text=value)
    if not isinstance(value, dict):
        raise _WrongType("review-reason", value)
    values: dict[str, object] = {}
    for name, item in value.items():
        if name == "code":
            continue
        try:
            values[str(name)] = None if isinstance(item, bool) else to_decimal(item)
        except NumberError:
            values[str(name)] = None
    if review_problem(value.get("code"), values) is not None:
        raise _WrongType("review-reason", value)
    return Review(str(value["code"]), tuple((k, v) for k, v in values.items()
                                            if isinstance(v, Decimal)))


def _review_data(review: Review) -> Any:
    if review.code:
        return {"code": review.code, **{k: v for k, v in review.values}}
    return review.text


# How each type of the case format is structured (both converters, and _fast_structure)
_STRUCTURE_HOOKS: dict[type, Any] = {
    Decimal: _structure_decimal, str: _structure_str, int: _structure_int, bool: _structure_bool,
    Unread: _structure_unread, Review: _structure_review,
}


def _make_converter(detailed: bool = True) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    for cls, hook in _STRUCTURE_HOOKS.items():
        conv.register_structure_hook(cls, hook)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_unstructure_hook(Unread, lambda unread: dict(unread.items))
    conv.register_unstructure_hook(Review, lambda review: conv.unstructure(_review_data(review)))
    return conv


converter = _make_converter()
# The same structuring without cattrs' detailed validation (which wraps every field in a
# try and collects every error: ~3× the cost).  Documents are tried with it first; one it
# refuses is structured again by ``converter``, whose errors name every problem's key path.
_fast = _make_converter(detailed=False)


class _Refuse(Exception):
    """The fast structuring's refusal: the detailed converter says what and where."""


_NONE = type(None)


def _field_code(name: str, kind: Any, env: dict[str, Any]) -> list[str] | None:
    """Lines that turn ``v`` (the value under key ``name``) into the field's value, as
    ``_fast`` would for the values the case format has (a text, a whole number, true/false,
    a number, a table, an array of them); None for a type this does not write out.  What a
    line does not accept it refuses (``_Refuse``, or any error): the detailed converter then
    structures the document again and says what is wrong, so nothing is accepted here that
    ``converter`` would refuse."""
    args = typing.get_args(kind)
    optional = len(args) == 2 and _NONE in args
    inner = next((a for a in args if a is not _NONE), None) if optional else kind
    lines = ["if v is not None:"] if optional else []
    pad = "    " if optional else ""
    # the checks of _structure_str, _structure_bool and _structure_int, inline (stricter only
    # in refusing a subclass, which the detailed converter then takes)
    if inner is str:
        lines.append(pad + "if v.__class__ is not str: raise _Refuse")
    elif inner is bool:
        lines.append(pad + "if v.__class__ is not bool: raise _Refuse")
    elif inner is int:
        lines.append(pad + "if v.__class__ is not int or not -MAX_INT < v < MAX_INT: raise _Refuse")
    elif inner in _STRUCTURE_HOOKS:  # Decimal, Unread, Review …: the hook itself
        env[f"_h_{name}"], env[f"_t_{name}"] = _STRUCTURE_HOOKS[inner], inner
        lines.append(pad + f"v = _h_{name}(v, _t_{name})")
    elif attrs.has(inner):
        env[f"_s_{name}"] = _fast_structure(inner)
        lines.append(pad + f"v = _s_{name}(v, None)")
    elif typing.get_origin(inner) is tuple and len(typing.get_args(inner)) == 2 \
            and typing.get_args(inner)[1] is Ellipsis:
        item = typing.get_args(inner)[0]
        lines.append(pad + "if v.__class__ is not list: raise _Refuse")
        if item is str:
            lines.append(pad + "for x in v:")
            lines.append(pad + "    if x.__class__ is not str: raise _Refuse")
            lines.append(pad + "v = tuple(v)")
        elif attrs.has(item):
            env[f"_s_{name}"] = _fast_structure(item)
            lines.append(pad + f"v = tuple([_s_{name}(x, None) for x in v])")
        else:
            return None
    else:
        return None
    return lines


def _fast_structure(cls: type) -> Any:
    """A structure function for the record ``cls`` written out field by field (the type
    checks inline, not a hook call a field): what ``_fast`` does for the case format's
    records at ~2/3 the cost.  A class with a field of another type keeps cattrs' own."""
    attrs.resolve_types(cls)
    env: dict[str, Any] = {"_Refuse": _Refuse, "MAX_INT": MAX_INT, "__cl": cls}
    body = ["def structure(o, _=None):", "    if o.__class__ is not dict: raise _Refuse",
            "    res = {}", "    n = 0"]
    for field in attrs.fields(cls):
        if field.alias != field.name or not field.init:
            return _fast.get_structure_hook(cls)
        lines = _field_code(field.name, field.type, env)
        if lines is None:
            return _fast.get_structure_hook(cls)
        key = repr(field.name)
        if field.default is attrs.NOTHING:
            body.append(f"    v = o[{key}]")
            indent = "    "
        else:
            body.append(f"    if {key} in o:")
            body.append(f"        v = o[{key}]")
            indent = "        "
        body.extend(indent + line for line in lines)
        body.append(f"{indent}res[{key}] = v")
        body.append(f"{indent}n += 1")
    body.append("    if len(o) != n: raise _Refuse  # a key no field has")
    body.append("    return __cl(**res)")
    exec(compile("\n".join(body), f"<structure {cls.__qualname__}>", "exec"), env)  # noqa: S102
    return env["structure"]


for _cls in (Case, Department):
    _fast.register_structure_hook(_cls, _fast_structure(_cls))


def _structure(data: Any, cls: type[T]) -> T:
    try:
        return _fast.structure(data, cls)
    except Exception:  # noqa: BLE001 - any refusal: the detailed converter says what and where
        return converter.structure(data, cls)


def unstructure(document: Document) -> dict[str, Any]:
    """The document as plain data (Decimals as strings), omitting fields left at their default."""
    return _prune(converter.unstructure(document), type(document))


def _prune(data: Any, cls: Any) -> Any:
    if not (isinstance(data, dict) and attrs.has(cls)):
        return data
    out = {}
    for field in attrs.fields(cls):
        value = data[field.name]
        if field.default is not attrs.NOTHING and _same(value, field.default):
            continue
        inner = field.type if attrs.has(field.type) and field.type not in (Unread, Review) \
            else None
        if isinstance(value, list) and getattr(field.type, "__args__", None):
            item = field.type.__args__[0]
            value = [_prune(v, item) for v in value]
        elif inner is not None:
            value = _prune(value, inner)
        out[field.name] = value
    return out


def _same(value: Any, default: Any) -> bool:
    if attrs.has(type(default)):
        return value == converter.unstructure(default)
    if isinstance(default, tuple):
        return value == list(default)
    return value == default


_SEP, _SUB = "\x1e", "\x1f"
SHOWN_CHARS = 120  # a wrong value is quoted in a problem up to this many characters


def _shown(value: Any) -> str:
    try:
        text = shown_value(value)
    except RecursionError:
        return f"<{type(value).__name__} nested too deeply>"
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def _describe(exc: BaseException, _type: Any) -> str:
    """Encode a structuring error as ``kind<SEP>detail`` for :func:`_problems` to split."""
    if isinstance(exc, ForbiddenExtraKeysError):
        known = ", ".join(f.name for f in attrs.fields(exc.cl))
        return _SEP.join(("unknown-key", _SUB.join(sorted(exc.extra_fields)), known))
    if isinstance(exc, KeyError):
        return _SEP.join(("missing-key", ""))
    if isinstance(exc, _WrongType):
        kind, value = exc.args
        return _SEP.join((kind, _shown(value)))
    if isinstance(exc, (TypeError, AttributeError)):
        return _SEP.join(("wrong-type", _type_word(_type)))
    if getattr(_type, "__origin__", None) is Literal:
        return _SEP.join(("invalid", "one of " + ", ".join(str(a) for a in _type.__args__)))
    return _SEP.join(("invalid", f"{type(exc).__name__}: {exc}"))


_LONG_KEY = re.compile(r"[^.\[\]]{%d,}" % (SHOWN_CHARS + 1))  # a key path segment shown short


def _problems(exc: BaseException) -> tuple[Problem, ...]:
    out = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_describe):
        message, _, path = line.rpartition(" @ ")
        path = re.sub(r"\['([^'\]]*)'\]", r".\1", path)  # a table key: $.claims.mostly
        kind, *rest = message.split(_SEP)
        if kind == "unknown-key":
            keys, known = rest
            out.extend(Problem(_short_path(f"{path}.{key}"), kind, known)
                       for key in keys.split(_SUB))
        else:
            out.append(Problem(_short_path(path) or "$", kind, rest[0] if rest else message))
    return tuple(out)


def _short_path(path: str) -> str:
    """A key path with each very long key shown by its beginning (a 60 000-character key
    must not fill the screen once per problem)."""
    return _LONG_KEY.sub(lambda m: m.group(0)[:SHOWN_CHARS] + "…", path)


def parse_document(data: Any) -> Document | tuple[Problem, ...]:
    """Structure plain data into a Case or a Department, or return every problem found."""
    if not isinstance(data, dict):
        return (Problem("$", "not-a-table"),)
    if "project" in data and "department" in data:
        return (Problem("$", "project-and-department"),)
    if "project" in data:
        cls: type = Case
    elif "department" in data:
        cls = Department
    else:
        return (Problem("$", "not-a-case"),)
    provenance = tuple(Problem(*p) for p in unread_problems(data)) if cls is Case else ()
    try:
        document = _structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        try:
            return _problems(exc) + provenance
        except RecursionError:
            return (Problem("$", "too-deeply-nested"),)
    except RecursionError:
        return (Problem("$", "too-deeply-nested"),)
    head, key = (document.project, "project") if cls is Case else (document.department, "department")
    if head.year is not None and not YEARS[0] <= head.year <= YEARS[1]:
        provenance += (Problem(f"$.{key}.year", "year-out-of-range", str(head.year)),)
    return provenance or document


def _load_toml(path: Path, shown: str) -> Iterator[Loaded | LoadFailure]:
    try:
        data = read_toml(path)
    except ConfigError as exc:
        yield LoadFailure(shown, exc.problems)
        return
    yield _result(shown, parse_document(data))


def _load_jsonl(path: Path, shown: str, start: int = 0, end: int | None = None,
                first_line: int = 1) -> Iterator[Loaded | LoadFailure]:
    """The documents of a JSONL file, or of the lines in bytes ``[start, end)`` of it (a
    range that begins at a line start; ``first_line`` is that line's number).  The file is
    streamed; a line longer than ``max_line_bytes`` is reported, never held in memory."""
    from . import limits

    try:
        handle = limits.open_stream(path)
    except limits.InputRefused as exc:
        yield LoadFailure(shown, (Problem("$", exc.kind, exc.detail),))
        return
    except OSError as exc:
        yield LoadFailure(shown, (Problem("$", "unreadable", str(exc)),))
        return
    with handle:
        if start:
            handle.seek(start)
        length = None if end is None else end - start
        for number, raw in enumerate(limits.bounded_lines(handle, length), start=first_line):
            location = f"{shown}:{number}"
            if raw is None:
                yield LoadFailure(location, (Problem("$", "line-too-long",
                                                     str(limits.current().max_line_bytes)),))
                continue
            data = parse_json_line(raw, number == 1)
            if data is BLANK:
                continue
            if isinstance(data, _Refused):
                yield LoadFailure(location, data.problems)
                continue
            yield _result(location, parse_document(data))


@attrs.frozen
class _Refused:
    problems: tuple[Problem, ...]


BLANK = object()  # what parse_json_line returns for a blank line (``null`` is None)


def parse_json_line(raw: bytes, first: bool = False) -> Any:
    """One JSONL line as plain data (numbers with a point as Decimal); :data:`BLANK` for a
    blank line; a ``_Refused`` with the problems for a line that is not a case's JSON."""
    try:
        line = raw.decode("utf-8-sig" if first else "utf-8").strip()
    except UnicodeDecodeError as exc:
        return _Refused((Problem("$", "not-utf8", str(exc.start + 1)),))
    if not line:
        return BLANK
    try:
        # NaN and the infinities become Decimals, refused by name by to_decimal
        _SUSPECT[0] = False
        data = json.loads(line, parse_float=Decimal, parse_constant=Decimal,
                          parse_int=_json_int, object_pairs_hook=_json_table)
    except RecursionError:
        return _Refused((Problem("$", "too-deeply-nested"),))
    except ValueError as exc:  # JSONDecodeError
        return _Refused((Problem("$", "json-syntax", str(exc)),))
    if _SUSPECT[0] or _SURROGATE_ESCAPE.search(line):
        suspect = _json_problems(data)
        if suspect:
            return _Refused(suspect)
    return data


# What JSON lets through and the case format refuses, found while parsing a line (cheaply:
# the walk of _json_problems runs only on a line that has one): a key given twice, a whole
# number of thousands of digits, a surrogate escape.
_SUSPECT = [False]
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _HugeInt(str):
    """A JSON whole number of more than MAX_DIGITS digits (kept as its text, then refused)."""


def _json_int(text: str) -> int | _HugeInt:
    if len(text) > MAX_DIGITS:
        _SUSPECT[0] = True
        return _HugeInt(text)
    return int(text)


class _JsonTable(dict):
    """A JSON object with a key given twice (JSON's last-wins, TOML's refusal)."""

    def __init__(self, pairs: list[tuple[str, Any]]):
        super().__init__(pairs)
        self.duplicates = [k for k, n in Counter(key for key, _ in pairs).items() if n > 1]


def _json_table(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) == len(pairs):
        return table
    _SUSPECT[0] = True
    return _JsonTable(pairs)


def _lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _escaped(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _json_problems(data: Any) -> tuple[Problem, ...]:
    """What JSON lets through and the case format refuses: a key given twice, a lone
    surrogate escape (``"\\ud800"``: no character, and no renderer can print it), a whole
    number of thousands of digits.  Each at its key path."""
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _HugeInt):
            problems.append(Problem(path, "integer-too-long", str(len(value))))
        elif isinstance(value, str):
            if _lone_surrogate(value):
                problems.append(Problem(path, "lone-surrogate"))
        elif isinstance(value, dict):
            problems.extend(Problem(f"{path}.{_escaped(k)}", "duplicate-key")
                            for k in getattr(value, "duplicates", ()))
            for key, item in value.items():
                if _lone_surrogate(key):
                    problems.append(Problem(f"{path}.{_escaped(key)}", "lone-surrogate"))
                    continue
                stack.append((f"{path}.{key}", item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{index}]", item) for index, item in enumerate(value))
    return tuple(sorted(problems, key=lambda p: p.path))
def load_bytes(data: bytes, shown: str = "<stdin>") -> Iterator[Loaded | LoadFailure]:
    """The documents in ``data`` (what ``score -`` reads from standard input): JSON Lines when
    its first character that is not a space or byte-order mark is ``{``, else TOML cases —
    one, or several separated as ``evalengine import`` prints them (the second is shown as
    ``<stdin>#2``).  Read through a private temporary file, so the same readers (and their
    limits) apply."""
    import tempfile

    from .importer.tomlout import split_cases

    jsonl = data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    with tempfile.TemporaryDirectory(prefix="evalengine-stdin-") as folder:
        if jsonl:
            path = Path(folder) / "stdin.jsonl"
            path.write_bytes(data)
            yield from _load_jsonl(path, shown)
            return
        parts = split_cases(data)
        for number, part in enumerate(parts, start=1):
            path = Path(folder) / f"stdin-{number}.toml"
            path.write_bytes(part)
            yield from _load_toml(path, shown if len(parts) == 1 else f"{shown}#{number}")
            path.unlink()


def load_jsonl_range(path: str | Path, start: int, end: int, first_line: int) -> Iterator[Loaded | LoadFailure]:
    """The documents on the lines in bytes ``[start, end)`` of a JSONL file, numbered from
    ``first_line`` (for splitting one large file between processes)."""
    return _load_jsonl(Path(path), str(path), start, end, first_line)


def load_file(path: str | Path) -> Iterator[Loaded | LoadFailure]:
    """The documents of one case file (one for TOML, one per line for JSONL); any other
    file is a form, imported in memory (:mod:`evalengine.importer.inscore`)."""
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        return _load_jsonl(path, str(path))
    if not is_case_file(path):
        from .importer.inscore import load_form

        return load_form(path)
    return _load_toml(path, str(path))


def would_read(name: str) -> bool:
    """Whether discovery reads a file of this name found in a folder (a case or a form)."""
    return is_case_file(name) or _is_form_file(name)


def _is_form_file(name: str) -> bool:
    """A form file found in a folder (.pdf, .docx, .xlsx, .txt …): asked of an output
    name before every run that writes a file, so answered without importing the importer."""
    return Path(name).suffix.lower() in FORM_SUFFIXES


def _result(location: str, parsed: Document | tuple[Problem, ...]) -> Loaded | LoadFailure:
    if isinstance(parsed, tuple):
        return LoadFailure(location, parsed)
    return Loaded(location, parsed)


def display_path(name: str) -> str:
    """A path as a user can read it (and UTF-8 can encode): bytes of the name that are not
    UTF-8 (kept by Python as lone surrogates) shown as ``\\xff`` escapes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def _skipped(path: str | Path, kind: str, detail: str = "") -> LoadFailure:
    return LoadFailure(display_path(str(path)), (Problem("$", kind, detail),))


def _not_utf8(name: str) -> bool:
    return display_path(name) != name


def is_case_file(path: str | Path) -> bool:
    """A name ending in .toml or .jsonl, in any case (``X.TOML`` too)."""
    return Path(path).suffix.lower() in CASE_SUFFIXES


def _irregular(path: Path) -> LoadFailure | None:
    """Why ``path`` (which is not a folder) cannot be read as a case file, or None."""
    try:
        mode = path.stat().st_mode  # follows a symbolic link
    except FileNotFoundError:
        if os.path.lexists(path):
            return _skipped(path, "broken-link", os.readlink(path))
        return None  # vanished meanwhile: reported as unreadable when loaded
    except OSError as exc:  # a link loop, a permission denied on the way
        return _skipped(path, "unreadable", str(exc))
    if not stat.S_ISREG(mode):
        return _skipped(path, "not-a-regular-file")
    return None


def _walk(folder: Path, visited: set[Path], real_folder: Path
          ) -> Iterator[Path | tuple[Path, Path] | LoadFailure]:
    """The case files under ``folder``, depth first, each folder's entries sorted by name
    (the order of sorting every path).  A linked folder is followed unless its real folder
    was walked already (``visited``: a loop, or a second way to the same folder, so a DAG of
    links costs one walk per real folder, not one per path).  A file that is no link comes
    with its real path (``real_folder``, the folder's, and its name: no path resolved a
    file, ~20 µs each); one that is a link, alone (resolved by :func:`discover`)."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except OSError as exc:
        yield _skipped(folder, "unreadable-folder", exc.strerror or str(exc))
        return
    for entry in entries:
        name = entry.name
        path = folder / name
        if _entry_is_dir(entry):
            if _not_utf8(name):
                yield _skipped(path, "name-not-utf8")
                continue
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError) as exc:
                yield _skipped(path, "unreadable-folder", str(exc))
                continue
            if real in visited:
                here = folder.resolve()
                if real == here or real in here.parents:
                    yield _skipped(path, "link-loop")
                continue  # reached before by another way: its files are in already
            visited.add(real)
            yield from _walk(path, visited, real)
        elif would_read(name):
            if _not_utf8(name):
                yield _skipped(path, "name-not-utf8")
                continue
            if _entry_is_plain_file(entry):  # the type from the folder listing: no stat
                yield path, real_folder / name
            else:
                yield _irregular(path) or path


def _entry_is_dir(entry: os.DirEntry) -> bool:
    """As :func:`_is_dir`, from a folder listing (a stat only for a link, or where the file
    system does not say the type)."""
    try:
        return entry.is_dir()
    except (OSError, ValueError):
        return False


def _entry_is_plain_file(entry: os.DirEntry) -> bool:
    """A regular file that is not a link (so its real path is its folder's and its name)."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _is_dir(path: Path) -> bool:
    """A folder (through a link); False when it cannot even be looked at (it is then
    reported by whoever reads it)."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def discover(paths: Iterable[str | Path]) -> Iterator[Path | LoadFailure]:
    """Case files under ``paths`` (files as given, folders recursively, sorted by name).

    Nothing is skipped silently: a path that does not exist, a case-named entry that is not a
    regular file (a broken link, a FIFO), a folder that cannot be listed, a name that is not
    UTF-8 each come back as a :class:`LoadFailure`.  ``-`` (:data:`STDIN`) is yielded as it is:
    it stands for standard input (a file named ``-`` is ``./-``).  A file reached twice (named twice, or
    through a link) is yielded once, under the first name it was reached by.
    """
    seen: set[Path] = set()
    visited: set[Path] = set()  # real folders walked (for every given folder together)
    from .boundary import processing

    for given in paths:
        processing(display_path(str(given)))  # named if an internal error stops the walk
        if str(given) == STDIN:  # standard input, read by whoever loads it
            yield Path(STDIN)
            continue
        path = Path(given)
        if _not_utf8(str(path)):
            yield _skipped(path, "name-not-utf8")
            continue
        if _is_dir(path):
            try:
                root = path.resolve(strict=True)
            except (OSError, RuntimeError) as exc:
                yield _skipped(path, "unreadable-folder", str(exc))
                continue
            if root in visited:
                continue  # named twice, or inside a folder named before: its files are in
            visited.add(root)
            found: Iterable[Path | tuple[Path, Path] | LoadFailure] = _walk(path, visited, root)
        elif os.path.lexists(path):
            found = (_irregular(path) or path,)
        else:
            found = (_skipped(given, "no-such-path"),)
        for item in found:
            if isinstance(item, tuple):  # a file of a walked folder, with its real path
                item, real = item
            elif isinstance(item, Path):
                try:
                    real = item.resolve()
                except (OSError, RuntimeError):
                    real = item.absolute()
            else:
                yield item
                continue
            if real in seen:
                continue
            seen.add(real)
            yield item


def load_paths(paths: Iterable[str | Path]) -> Iterator[Loaded | LoadFailure]:
    """Load every document under ``paths``, in a stable order, one result per document."""
    for found in discover(paths):
        if isinstance(found, LoadFailure):
            yield found
        elif str(found) == STDIN:
            yield from load_bytes(read_stdin())
        else:
            yield from load_file(found)


def read_stdin(limit: int | None = None) -> bytes | None:
    """Standard input, whole; None if it is longer than ``limit`` bytes (read no further)."""
    import sys

    data = sys.stdin.buffer.read(-1 if limit is None else limit + 1)
    return None if limit is not None and len(data) > limit else data


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as plain data, numbers with a point as Decimal; ConfigError if unreadable."""
    from . import limits

    try:
        return parse_toml_bytes(limits.read_input(path, limits.own_limit(path)), str(path))
    except limits.InputRefused as exc:
        raise ConfigError(str(path), (Problem("$", exc.kind, exc.detail),)) from None
    except OSError as exc:
        raise ConfigError(str(path), (Problem("$", "unreadable", str(exc)),)) from None


def parse_toml_bytes(raw: bytes, shown: str = "<toml>") -> dict[str, Any]:
    """The bytes of a TOML file as plain data, numbers with a point as Decimal;
    ConfigError (naming ``shown``) if they are not TOML."""
    try:
        text = raw.decode("utf-8-sig")
        huge = _long_integer(text)
        if huge is not None:
            raise ConfigError(shown, (huge,))
        return tomllib.loads(text, parse_float=Decimal)
    except UnicodeDecodeError as exc:
        raise ConfigError(shown, (Problem("$", "not-utf8", str(exc.start + 1)),)) from None
    except RecursionError:
        raise ConfigError(shown, (Problem("$", "too-deeply-nested"),)) from None
    except ValueError as exc:  # TOMLDecodeError, or an integer of thousands of digits
        raise ConfigError(shown, (Problem("$", "toml-syntax", str(exc)),)) from None


_LONG_DIGITS = re.compile(r"[0-9_]{%d,}" % (MAX_DIGITS + 1))
_TOML_HEADER = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+", re.M)
_TOML_KEY = re.compile(r"^\s*([^=\s]+)\s*=")


def _long_integer(text: str) -> Problem | None:
    """A whole number of more than MAX_DIGITS digits, at its key, with its line (Python
    would refuse it in words naming neither); None if there is none (or it is in a string,
    which TOML then reads as text)."""
    match = _LONG_DIGITS.search(text)
    if match is None:
        return None
    line_start = text.rfind("\n", 0, match.start()) + 1
    line = text[line_start:text.find("\n", match.start()) % (len(text) + 1)]
    key = _TOML_KEY.match(line)
    if key is None or line.count('"', 0, match.start() - line_start) % 2:
        return None  # inside a string, or not a key = value line: the parser decides
    headers = _TOML_HEADER.findall(text, 0, line_start)
    path = ".".join(["$", *headers[-1:], key.group(1).strip('"')])
    return Problem(path, "integer-too-long",
                   f"{text.count(chr(10), 0, match.start()) + 1}:{len(match.group(0))}")


def load_config(path: Path, cls: type[T]) -> T:
    """Read a TOML settings file into ``cls`` (unknown keys and wrong types raise ConfigError)."""
    return structure_config(read_toml(path), cls, str(path))


def structure_config(data: Mapping[str, Any], cls: type[T], location: str) -> T:
    """``data`` (a settings table) as ``cls``; unknown keys and wrong types raise ConfigError
    naming ``location``."""
    try:
        return _structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        raise ConfigError(location, _problems(exc)) from None
