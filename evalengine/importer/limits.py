"""Limits on one input file (``rules/import/limits.toml``): size, unpacked size, cells, pages.

A file past a limit is refused by name (:class:`~.reader.Unreadable`), or the cells past a limit are
named in a note; never read until memory runs out.
"""

from __future__ import annotations

import functools
import zipfile

import attrs

from ..loader import load_config
from ..resources import rules_dir

__all__ = ["Limits", "check_zip", "default_limits"]

MB = 1024 * 1024


@attrs.frozen
class Limits:
    max_file_mb: int = 100
    max_unpacked_mb: int = 128
    max_ratio: int = 1000
    max_cells: int = 2_000_000
    max_rows: int = 200_000
    max_columns: int = 256
    max_pages: int = 1000
    max_merged_cells: int = 100_000

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * MB

    @property
    def max_unpacked_bytes(self) -> int:
        return self.max_unpacked_mb * MB


def check_zip(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse a zip package (xlsx, docx, ods) that would unpack past the limits: its members'
    total size, or one member's compression ratio (a zip bomb).  The sizes are the ones the
    package declares, which :mod:`zipfile` enforces while reading."""
    from .reader import Unreadable

    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > limits.max_unpacked_bytes:
            raise Unreadable("unpacked-too-large", detail=f"{limits.max_unpacked_mb}")
        if info.file_size > MB and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise Unreadable("zip-bomb", info.filename,
                             detail=f"{info.file_size // max(info.compress_size, 1)}")


@functools.cache
def default_limits() -> Limits:
    return load_config(rules_dir() / "import" / "limits.toml", Limits)
