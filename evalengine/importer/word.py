"""Reading Word documents: ``.docx`` with python-docx, legacy ``.doc`` through LibreOffice.

A document becomes one grid sheet in reading order: each paragraph outside a table is a
one-cell row (listed in ``prose``), each table row its cells.  A merged cell (``gridSpan``
across, ``vMerge`` down) is one cell: every grid position it covers carries its text and
records its top-left position in ``origins``.  Relationships to outside the file (a
hyperlink, a linked picture or template) are never followed; they are noted.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from typing import Any

from .limits import Limits, check_elements, check_zip
from .notes import Note
from .reader import Read, Unreadable
from .sheets import grid_sheet

__all__ = ["read_doc", "read_docx"]

CONVERT_SECONDS = 120


def read_docx(data: bytes, limits: Limits) -> Read:
    try:
        import docx
    except ImportError:  # pragma: no cover - a dependency
        raise Unreadable("missing-library", detail="python-docx") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, limits)
            check_elements(_xml_parts(archive), limits)
    except zipfile.BadZipFile as exc:
        raise Unreadable("damaged", detail=str(exc)) from None
    try:
        document = docx.Document(io.BytesIO(data))
        rows, merges, prose = _document_rows(document, limits)
        external = sorted({rel.target_ref for rel in document.part.rels.values()
                           if rel.is_external})
    except Unreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - KeyError, XMLSyntaxError, ValueError …
        raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    notes = []
    if external:
        shown = "、".join(external[:3]) + (f" …(+{len(external) - 3})" if len(external) > 3 else "")
        notes.append(Note("external-link", shown, detail=str(len(external))))
    return Read((grid_sheet("", rows, merges, prose=prose),), tuple(notes))


def _xml_parts(archive: zipfile.ZipFile) -> Iterator[Any]:
    """Every XML part of the package (python-docx parses them all on opening), one open at
    a time."""
    for name in archive.namelist():
        if name.endswith((".xml", ".rels")):
            with archive.open(name) as member:
                yield member


def _document_rows(document: Any, limits: Limits) -> tuple[list[list[str]], list, list[int]]:
    from docx.table import Table

    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    prose: list[int] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            _table_rows(block, rows, merges, limits)
        else:
            text = block.text.strip()
            if text:
                prose.append(len(rows))
                rows.append([text])
        if len(rows) > limits.max_rows:
            raise Unreadable("sheet-too-large", detail=f"{len(rows)}/{limits.max_rows}")
    return rows, merges, prose


def _table_rows(table: Any, rows: list[list[str]], merges: list, limits: Limits) -> None:
    """python-docx gives each row's cells grid column by grid column: a cell merged across
    (``gridSpan``) comes once per column it covers, and below a cell merged down (``vMerge``)
    the cell above comes again; the ``<w:tc>`` element tells which are one cell."""
    if any(cell.tables for row in table.rows for cell in row.cells):
        _layout_table(table, rows, merges, limits)
        return
    top = len(rows)
    width = len(table.columns)
    if width * len(table.rows) > limits.max_cells:
        raise Unreadable("sheet-too-large", detail=f"{len(table.rows)}×{width}/{limits.max_cells}")
    first: dict[Any, tuple[int, int]] = {}  # keyed by the element itself: it stays alive
    last: dict[Any, tuple[int, int]] = {}
    for r, row in enumerate(table.rows):
        rows.append([])
        for c, cell in enumerate(row.cells):
            key = cell._tc
            first.setdefault(key, (r, c))
            last[key] = (r, c)
            rows[top + r].append(cell.text.strip() if first[key] == (r, c) else "")
    for key, (r0, c0) in first.items():
        r1, c1 = last[key]
        if (r0, c0) != (r1, c1):
            merges.append((top + r0, c0, top + r1, c1))


def _layout_table(table: Any, rows: list[list[str]], merges: list, limits: Limits) -> None:
    """A table holding tables (a page laid out with a table): each of its cells is read in
    order as a small document of its own, paragraphs and tables."""
    from docx.table import Table

    seen: set[Any] = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for block in cell.iter_inner_content():
                if isinstance(block, Table):
                    _table_rows(block, rows, merges, limits)
                elif block.text.strip():
                    rows.append([block.text.strip()])


def read_doc(data: bytes, name: str, limits: Limits) -> Read:
    """A legacy .doc, converted to .docx by LibreOffice (``soffice --headless``) when it is
    installed; without it, refused with the command to run."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise Unreadable("doc-needs-soffice", os.path.basename(name) or "文件.doc")
    with tempfile.TemporaryDirectory(prefix="evalengine-doc-") as tmp:
        source = os.path.join(tmp, "form.doc")
        with open(source, "wb") as handle:
            handle.write(data)
        command = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                   "--norestore", "--convert-to", "docx", "--outdir", tmp, source]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=CONVERT_SECONDS,
                           stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise Unreadable("convert-failed", detail=f"timeout {CONVERT_SECONDS}s") from None
        except (subprocess.CalledProcessError, OSError) as exc:
            raise Unreadable("convert-failed", detail=str(exc)) from None
        target = os.path.join(tmp, "form.docx")
        if not os.path.exists(target):
            raise Unreadable("convert-failed", detail="no output")
        with open(target, "rb") as handle:
            converted = handle.read()
    read = read_docx(converted, limits)
    return Read(read.sheets, (Note("converted", detail="LibreOffice"), *read.notes))
