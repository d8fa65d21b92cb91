"""What one input may cost, and reading inputs within it: one place for every reader.

The numbers are data (``rules/limits.toml``, overridable in a ``--config`` file's
``[limits]`` table, see docs/limits.md); :func:`current` is what this run uses, set once by
the command line with :func:`configure` (worker processes inherit it).

* :func:`read_input` reads a whole file (a TOML case, a ``--config`` file, a form to
  import): it opens without blocking (a FIFO never hangs the run), refuses anything that is
  not a regular file and any file larger than ``max_input_bytes``, before reading it.
* :func:`open_stream` opens a file to be read in pieces (JSON Lines) with the same
  regular-file check; :func:`bounded_lines` cuts it into lines of at most ``max_line_bytes``.
* :func:`case_budget` bounds the time one document may take (``case_seconds``).
* :func:`clip_text` bounds what the text rules search in one field (``max_text_chars``).

Forms (``evalengine import``, or a form file ``score`` meets) are read by
:func:`evalengine.importer.reader.read_path` within the ``[import]`` table of the same file
(:func:`shipped_section`, :mod:`evalengine.importer.limits`), not these.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import stat
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import attrs

T = TypeVar("T")

__all__ = ["CaseTimeout", "InputRefused", "Limits", "bounded_lines", "case_budget", "clip_document",
           "clip_text",
           "configure", "current", "open_stream", "read_input", "shipped", "shipped_section"]


@attrs.frozen
class Limits:
    max_input_bytes: int = 20_000_000
    max_line_bytes: int = 20_000_000
    max_text_chars: int = 20_000
    case_seconds: float = 30

    # (lowest, highest) each may be set to
    BOUNDS = {"max_input_bytes": (1, 1 << 40), "max_line_bytes": (1, 1 << 40),
              "max_text_chars": (100, 1 << 30), "case_seconds": (0, 86_400)}


class InputRefused(Exception):
    """An input not read: ``kind`` a problem slug (``not-a-regular-file``, ``too-large``)."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(kind, detail)
        self.kind, self.detail = kind, detail


class CaseTimeout(BaseException):
    """A document took longer than ``case_seconds`` (a BaseException, so that the engine's
    "a bug costs one case" handlers do not take it for a bug)."""


SECTIONS = ("import",)  # tables of rules/limits.toml read by other parts (evalengine.importer)


@functools.cache
def _shipped_data() -> dict[str, Any]:
    # tomllib, not the loader: the loader's reads are bounded by these very limits
    from .resources import rules_dir

    return tomllib.loads((rules_dir() / "limits.toml").read_text(encoding="utf-8"))


def shipped_section(name: str) -> dict[str, Any]:
    """The ``[name]`` table of ``rules/limits.toml`` (``import``: the limits on one form,
    :func:`evalengine.importer.limits.default_limits`)."""
    return dict(_shipped_data().get(name, {}))


@functools.cache
def shipped() -> Limits:
    data = {k: v for k, v in _shipped_data().items() if k not in SECTIONS}
    return Limits(**data)


@functools.cache
def _rules_root() -> str:
    from .resources import rules_dir

    return os.path.join(os.path.realpath(rules_dir()), "")


def own_limit(path: str | Path) -> int | None:
    """The size limit for reading ``path``: the shipped one for evalengine's own rules
    files (a user's lower [limits] must not refuse them), else None (this run's)."""
    real = os.path.realpath(path)
    return shipped().max_input_bytes if real.startswith(_rules_root()) else None


_current: list[Limits | None] = [None]


def current() -> Limits:
    if _current[0] is None:
        _current[0] = shipped()
    return _current[0]


def configure(limits: Limits | None) -> None:
    """Use ``limits`` for this run (None: the shipped ones again)."""
    _current[0] = limits


def _open(path: str | Path) -> int:
    # O_NONBLOCK: opening a FIFO (or a device) returns at once instead of waiting for a writer
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise InputRefused("not-a-regular-file")
    os.set_blocking(fd, True)
    return fd


def read_input(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` (default ``max_input_bytes``) bytes.

    Raises :class:`InputRefused` for a FIFO, device, socket or folder and for a file over the
    limit (a sparse or growing file too: at most ``limit + 1`` bytes are ever read), and
    OSError when the file cannot be opened."""
    limit = current().max_input_bytes if limit is None else limit
    fd = _open(path)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(fd).st_size
        if size > limit:
            raise InputRefused("too-large", f"{size} > {limit}")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputRefused("too-large", f"> {limit}")
    return data


def open_stream(path: str | Path) -> BinaryIO:
    """A regular file opened for reading in pieces (InputRefused if it is not one)."""
    return os.fdopen(_open(path), "rb")


def bounded_lines(handle: BinaryIO, length: int | None = None,
                  limit: int | None = None) -> Iterator[bytes | None]:
    """The lines of ``handle`` (from where it is, ``length`` bytes or to the end), without the
    b"\\n"; a line longer than ``limit`` bytes is skipped without being held and comes back as
    None (so line numbers stay right)."""
    limit = current().max_line_bytes if limit is None else limit
    left = -1 if length is None else length
    while left != 0:
        line = handle.readline(limit + 1 if left < 0 else min(limit + 1, left))
        if not line:
            return
        if left > 0:
            left -= len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            while left != 0:  # skip the rest of the line in pieces
                rest = handle.readline(1 << 20 if left < 0 else min(1 << 20, left))
                if not rest:
                    break
                if left > 0:
                    left -= len(rest)
                if rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line[:-1] if line.endswith(b"\n") else line


def clip_text(text: str, limit: int | None = None) -> str:
    """At most ``max_text_chars`` characters of one field, for the text rules."""
    limit = current().max_text_chars if limit is None else limit
    return text if len(text) <= limit else text[:limit]


def clip_document(document: T) -> T:
    """``document`` (an attrs record: a Case, a Department) with every text field cut to
    ``max_text_chars``, for the rules that search text; the record itself if none is longer."""
    return _clip(document, current().max_text_chars)


def _clip(value: Any, limit: int) -> Any:
    if isinstance(value, str):
        return value if len(value) <= limit else value[:limit]
    if isinstance(value, tuple):
        items = tuple(_clip(v, limit) for v in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    names = _record_fields(type(value))
    if not names:
        return value
    changes = {}
    for name in names:
        old = getattr(value, name)
        new = _clip(old, limit)
        if new is not old:
            changes[name] = new
    return attrs.evolve(value, **changes) if changes else value


@functools.cache
def _record_fields(cls: type) -> tuple[str, ...]:
    """The fields of an attrs class that can hold text (all but numbers, flags and None)."""
    if not attrs.has(cls):
        return ()
    return tuple(f.name for f in attrs.fields(cls)
                 if not (isinstance(f.type, str) and f.type.split(" ")[0] in _NO_TEXT))


_NO_TEXT = {"Decimal", "int", "bool", "float"}


def _expired(_signum: int, _frame: object) -> None:
    raise CaseTimeout()


@contextlib.contextmanager
def case_budget(seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`CaseTimeout` in the block once it has run ``seconds`` (default
    ``case_seconds``; 0 = no budget).  Works in a process's main thread (the command line and
    its worker processes); elsewhere the block simply runs."""
    seconds = current().case_seconds if seconds is None else seconds
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
