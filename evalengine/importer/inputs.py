"""The files an import reads: files as given, folders walked recursively.

A file named on the command line is always read (its content decides its type).  In a
folder, files whose names end in a form suffix (:data:`FORM_SUFFIXES`) are read, in name
order, depth first; other files are counted and reported, never silently dropped.  A linked
folder is followed once (a folder already visited, through any path, is not walked again:
no loop, no exponential walk of a link graph).  ``-`` is standard input (a form piped in:
``pdftotext x.pdf - | evalengine import - --out cases``), read once however often it is given.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from ..loader import FORM_SUFFIXES, display_path

__all__ = ["FORM_SUFFIXES", "STDIN", "STDIN_STEM", "Input", "form_inputs", "is_form_name"]

STDIN = "-"  # the path that means standard input, as in ``evalengine score -``
STDIN_STEM = "stdin"  # the stem of a form read from standard input, unless --name gives one


def is_form_name(name: str | Path) -> bool:
    return Path(name).suffix.lower() in FORM_SUFFIXES


@attrs.frozen
class Input:
    path: Path | None  # None: nothing to read (``problem`` says why)
    shown: str
    problem: str = ""  # "no-such-file", "unreadable-folder:<detail>"
    skipped: int = 0  # files in a folder that are not forms (reported as a count)
    stdin: bool = False  # standard input (``path`` is ``-``)


def form_inputs(paths: Iterable[str | Path]) -> Iterator[Input]:
    visited: set[Path] = set()
    stdin = False
    for given in paths:
        path = Path(given)
        shown = display_path(str(given))
        if str(given) == STDIN:
            if not stdin:  # a second "-" would read nothing: standard input is read once
                stdin = True
                yield Input(path, "<stdin>", stdin=True)
        elif path.is_dir():
            yield from _walk(path, visited)
        elif os.path.lexists(path):
            yield Input(path, shown)
        else:
            yield Input(None, shown, "no-such-file")


def _walk(folder: Path, visited: set[Path]) -> Iterator[Input]:
    try:
        real = folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        yield Input(None, display_path(str(folder)), f"unreadable-folder:{exc}")
        return
    if real in visited:
        return
    visited.add(real)
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        yield Input(None, display_path(str(folder)), f"unreadable-folder:{exc.strerror or exc}")
        return
    skipped = 0
    for name in names:
        path = folder / name
        if path.is_dir():
            yield from _walk(path, visited)
        elif is_form_name(name):
            yield Input(path, display_path(str(path)))
        elif not name.startswith("."):
            skipped += 1
    if skipped:
        yield Input(None, display_path(str(folder)), "skipped", skipped)
