"""Each result turned into its output format's piece where it was made (in a worker process
with ``--jobs N``): what :class:`evalengine.parallel.Scoring` is handed by the command, so
that the scheduler imports no renderer."""

from __future__ import annotations

import functools
from typing import Any

import attrs

from ..errors import internal_failure
from .data import record_of
from .formats import Options, get_format
from .records import FailureRecord

__all__ = ["Pieces"]

_format = functools.cache(get_format)


@attrs.frozen
class Pieces:
    """``pieces(result)`` → ((kind, encoded piece, failure record or None), the result as
    counted): a result that cannot be rendered (a bug) becomes its document's
    ``internal-error`` failure instead.  Picklable (a format name and options), so a spawned
    worker process can be given one."""

    format: str
    options: Options = Options()

    def __call__(self, result: Any) -> tuple[tuple[str, Any, FailureRecord | None], Any]:
        fmt = _format(self.format)
        try:
            kind, record = record_of(result, self.options.lang)
            piece = fmt.encode(kind, record, self.options, result)
        except Exception as exc:  # noqa: BLE001
            result = internal_failure(result.location, exc)
            kind, record = record_of(result, self.options.lang)
            piece = fmt.encode(kind, record, self.options, result)
        return (kind, piece, record if kind == "failure" else None), result
