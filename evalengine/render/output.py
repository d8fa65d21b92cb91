"""Where a report goes: standard output, or ``-o FILE`` written atomically.

Every check on the name and the writing itself are :mod:`evalengine.target`'s: a refused
name raises :class:`~evalengine.target.TargetError` before anything is written; a regular
file is replaced atomically (the old file or the new one, never half of one; the temporary
file removed on any error); a device or FIFO is written in place, never replaced.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..target import Target, open_target, resolve_target

__all__ = ["open_output"]


@contextlib.contextmanager
def open_output(target: str | Path | Target | None, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream for the report: stdout when ``target`` is None (or ``-``), else the checked
    target (a name is checked here when it was not checked already)."""
    if not isinstance(target, Target):
        target = Target("-", None) if target is None else resolve_target(target)
    with open_target(target, binary=binary) as stream:
        yield stream
