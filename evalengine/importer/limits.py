"""Limits on one input file (the ``[import]`` table of ``rules/limits.toml``, where every
limit of evalengine is): size, unpacked size, cells, pages.

A file past a limit is refused by name (:class:`~.reader.Unreadable`), or the cells past a limit are
named in a note; never read until memory runs out.
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Iterable
from typing import Any

import attrs

from ..loader import structure_config
from ..resources import rules_dir

__all__ = ["Limits", "check_elements", "check_zip", "default_limits"]

MB = 1024 * 1024


@attrs.frozen
class Limits:
    max_file_mb: int = 100
    max_unpacked_mb: int = 128
    max_ratio: int = 200
    max_cells: int = 2_000_000
    max_rows: int = 200_000
    max_columns: int = 256
    max_pages: int = 1000
    max_merged_cells: int = 100_000
    max_elements: int = 2_000_000
    max_pdf_memory_mb: int = 768
    max_pdf_seconds: int = 60
    max_pdf_rules: int = 8000

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


def check_elements(sources: Iterable[Any], limits: Limits, *, html: bool = False) -> None:
    """Refuse a document (a web page; a Word package, all of whose XML parts python-docx
    parses) of more elements than ``max_elements``, before its tree is built: a parsed
    element costs ~150–250 bytes, so a 48 MB page of ``<p>x</p>`` would take ~3 GB.  The count
    streams, clearing each element as it ends, so it takes no more memory than one element's
    ancestors.  A part the streaming parser cannot read is left to the real parser to report."""
    from lxml import etree

    from .reader import Unreadable

    count = 0
    for source in sources:
        try:
            for _event, elem in etree.iterparse(source, events=("end",), html=html,
                                                no_network=True, resolve_entities=False,
                                                load_dtd=False, huge_tree=False):
                count += 1
                if count > limits.max_elements:
                    raise Unreadable("too-many-elements", detail=str(limits.max_elements))
                elem.clear()
                while elem.getprevious() is not None:
                    del elem.getparent()[0]
        except etree.LxmlError:
            continue


@functools.cache
def default_limits() -> Limits:
    from ..limits import shipped_section

    return structure_config(shipped_section("import"), Limits,
                            f"{rules_dir() / 'limits.toml'} [import]")
